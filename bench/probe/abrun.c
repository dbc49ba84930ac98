/* abrun.c: interleaved A/B timing for the analysis of bench/run.sh.
 *
 *   abrun N CMD1 [ARGS...] -- CMD2 [ARGS...] -- ...
 *
 * Runs the commands round-robin N times each (fork + execve + wait4, no
 * shell), so that drift in the machine's load hits all of them alike, and
 * prints per command: median and minimum wall time, mean CPU time (user +
 * system from wait4) and minor page faults per run. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <fcntl.h>

extern char **environ;

static int cmpd(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 0, ncmd = 0, i, r, c;
	char **cmds[32];
	double *wall[32], cpu[32] = {0}, flt[32] = {0};

	if (n <= 0 || argc < 3) {
		fprintf(stderr, "usage: abrun N CMD [ARGS] [-- CMD [ARGS]]...\n");
		return 2;
	}
	cmds[ncmd++] = argv + 2;
	for (i = 2; i < argc; i++)
		if (strcmp(argv[i], "--") == 0) {
			argv[i] = NULL;
			if (ncmd < 32)
				cmds[ncmd++] = argv + i + 1;
		}
	for (c = 0; c < ncmd; c++)
		wall[c] = calloc(n, sizeof(double));
	for (r = -n / 10 - 1; r < n; r++)       /* the first 10% warm up */
		for (c = 0; c < ncmd; c++) {
			struct rusage ru;
			int st;
			double t0 = now(), t1;
			pid_t p = fork();

			if (p == 0) {
				int fd = open("/dev/null", 1);
				dup2(fd, 1), dup2(fd, 2);
				execve(cmds[c][0], cmds[c], environ);
				_exit(127);
			}
			wait4(p, &st, 0, &ru);
			t1 = now();
			if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
				fprintf(stderr, "abrun: %s failed\n", cmds[c][0]);
				return 1;
			}
			if (r < 0)
				continue;
			wall[c][r] = t1 - t0;
			cpu[c] += ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 +
			          ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
			flt[c] += ru.ru_minflt;
		}
	printf("%-10s %-10s %-10s %-8s  %s\n", "median_us", "min_us", "cpu_us", "minflt", "command");
	for (c = 0; c < ncmd; c++) {
		qsort(wall[c], n, sizeof(double), cmpd);
		printf("%-10.1f %-10.1f %-10.1f %-8.1f  %s%s\n", wall[c][n / 2] * 1e6,
		       wall[c][0] * 1e6, cpu[c] / n * 1e6, flt[c] / n, cmds[c][0],
		       cmds[c][1] ? " ..." : "");
	}
	return 0;
}
