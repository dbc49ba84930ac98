/* fakecc: a stand-in for compilers that cannot be installed here (GCC 5,
 * 6, 7, 8).  It appends its argv to $FAKE_LOG, each argument followed by a
 * NUL and the call by a newline, and exits 0 (or $FAKE_EXIT).
 *
 * With $FAKE_MACHINE and $FAKE_VERSION set, it also answers -dumpmachine,
 * -dumpversion, -dumpfullversion and --version as a GCC of that target and
 * version does, so that `ccmux adopt` can inspect a tree of fakes. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* the line a GCC prints for a query, or NULL */
static const char *answer(const char *arg)
{
	static char line[256];
	const char *m = getenv("FAKE_MACHINE"), *v = getenv("FAKE_VERSION");

	if (!m || !v)
		return NULL;
	if (strcmp(arg, "-dumpmachine") == 0)
		return m;
	if (strcmp(arg, "-dumpversion") == 0 || strcmp(arg, "-dumpfullversion") == 0)
		return v;
	if (strcmp(arg, "--version") == 0) {
		snprintf(line, sizeof(line), "%s-gcc (GCC) %s", m, v);
		return line;
	}
	return NULL;
}

int main(int argc, char **argv)
{
	const char *log = getenv("FAKE_LOG");
	const char *code = getenv("FAKE_EXIT");
	const char *say = argc == 2 ? answer(argv[1]) : NULL;
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
	if (say)
		printf("%s\n", say);
	return code ? atoi(code) : 0;
}
