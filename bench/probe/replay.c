/* replay.c: the system calls ccmux makes before its execve (as strace
 * lists them for the fake root), replayed N times in one process, to price
 * them without ptrace's overhead.
 *
 *   replay N ROOT SELF     ROOT = the fake shard root, SELF = ccmux's path */
#define _GNU_SOURCE
#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/stat.h>

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static char *cat(const char *a, const char *b)
{
	static char buf[8][PATH_MAX];
	static int k;
	char *s = buf[k++ & 7];
	snprintf(s, PATH_MAX, "%s%s", a, b);
	return s;
}

int main(int argc, char **argv)
{
	int n = atoi(argv[1]), i;
	const char *root = argv[2], *self = argv[3];
	const char *td = "/x86_64-linux-gnu";
	double t0, t[6] = {0};
	char buf[PATH_MAX];
	struct stat st;

	for (i = 0; i < n; i++) {
		DIR *d;
		void *m;

		t0 = now();
		readlink("/proc/self/exe", buf, sizeof(buf) - 1);
		t[0] += now() - t0, t0 = now();
		d = opendir(cat(root, td));     /* open+fcntl+getdents x2+close */
		while (readdir(d))
			;
		closedir(d);
		t[1] += now() - t0, t0 = now();
		stat(cat(root, "/x86_64-linux-gnu/x86_64-linux-gnu/sys-root"), &st);
		stat(cat(root, "/x86_64-linux-gnu/gcc-12.2.0/bin/x86_64-linux-gnu-gcc"), &st);
		stat(cat(root, "/x86_64-linux-gnu/x86_64-linux-gnu/sys-root/usr/include/x86_64-linux-gnu"), &st);
		stat(cat(root, "/x86_64-linux-gnu/gcc-12.2.0/bin/x86_64-linux-gnu-gcc"), &st);
		stat(self, &st);
		t[2] += now() - t0, t0 = now();
		m = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		*(char *)m = 1;
		munmap(m, 8192);
		t[3] += now() - t0;
	}
	printf("per call, microseconds: readlink /proc/self/exe %.2f; "
	       "opendir+readdir+closedir (5 syscalls) %.2f; 5 x stat %.2f; "
	       "mmap+touch+munmap %.2f\n", t[0] / n * 1e6, t[1] / n * 1e6,
	       t[2] / n * 1e6, t[3] / n * 1e6);
	return 0;
}
