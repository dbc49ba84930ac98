/* fakecc: a stand-in for compilers that cannot be installed here (GCC 5,
 * 6, 7, 8).  It appends its argv to $FAKE_LOG, each argument followed by a
 * NUL and the call by a newline, and exits 0 (or $FAKE_EXIT). */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	const char *log = getenv("FAKE_LOG");
	const char *code = getenv("FAKE_EXIT");
	int fd, i;

	if (log && *log) {
		fd = open(log, O_WRONLY | O_APPEND | O_CREAT, 0666);
		if (fd < 0)
			return 99;
		for (i = 0; i < argc; i++)
			if (write(fd, argv[i], strlen(argv[i]) + 1) < 0)
				return 99;
		if (write(fd, "\n", 1) < 0)
			return 99;
		close(fd);
	}
	return code ? atoi(code) : 0;
}
