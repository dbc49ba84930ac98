/* unit.h: the smallest test harness.  Each case prints one line,
 * "PASS name" or "FAIL name: detail"; tests/run.sh counts them. */
#ifndef CCMUX_UNIT_H
#define CCMUX_UNIT_H

#include <stdio.h>
#include <string.h>

static int unit_failed;

/* record one case */
#define CHECK(name, cond, ...) do { \
	if (cond) { \
		printf("PASS %s\n", name); \
	} else { \
		unit_failed = 1; \
		printf("FAIL %s: ", name); \
		printf(__VA_ARGS__); \
		printf("\n"); \
	} \
} while (0)

/* 1 if two strings (either may be NULL) are equal */
static inline int streq(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

#endif
