/* trampoline.c: the floor of the benchmark.  A static program that does
 * nothing but execve() the real tool with the final flags baked in at build
 * time (bench/run.sh writes tramp.h from `ccmux explain`):
 *
 *     TOOL PRE... "$@" POST...
 *
 * No parsing, no file system look-ups, no allocation: one exec's worth of
 * work, which is what a perfect wrapper would cost. */
#include <unistd.h>

#include "tramp.h"  /* TRAMP_TOOL, tramp_pre[], tramp_post[] (NULL-ended) */

extern char **environ;

int main(int argc, char **argv)
{
	enum {
		NPRE = sizeof(tramp_pre) / sizeof(tramp_pre[0]) - 1,
		NPOST = sizeof(tramp_post) / sizeof(tramp_post[0]) - 1,
	};
	char *v[1 + NPRE + (argc > 0 ? argc : 1) + NPOST];
	int n = 0, i;

	v[n++] = (char *)TRAMP_TOOL;
	for (i = 0; i < NPRE; i++)
		v[n++] = (char *)tramp_pre[i];
	for (i = 1; i < argc; i++)
		v[n++] = argv[i];
	for (i = 0; i < NPOST; i++)
		v[n++] = (char *)tramp_post[i];
	v[n] = NULL;
	execve(TRAMP_TOOL, v, environ);
	write(2, "trampoline: execve failed\n", 26);
	return 127;
}
