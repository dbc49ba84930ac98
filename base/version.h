/* version.h: dotted versions as they appear in shard directory names */
#ifndef CCMUX_VERSION_H
#define CCMUX_VERSION_H

struct version {
	int v[3];      /* major, minor, patch; missing parts are 0 */
	int parts;     /* how many parts were written (1..3), 0 if none */
};

/* parse "12", "12.2" or "12.2.0" (each part 0..99999); returns 0 on
 * success, -1 if s is not such a version */
int version_parse(const char *s, struct version *out);
/* <0, 0, >0 as a is older, equal, newer than b (missing parts count as 0) */
int version_cmp(const struct version *a, const struct version *b);
/* compare two dotted versions of any length as strings, numerically part by
 * part (2.17 < 2.34, 3.4.9 < 3.4.19, 2.17 < 2.17.1): <0, 0, >0 */
int version_strcmp(const char *a, const char *b);
/* write a as written ("12.2.0") into buf of size n */
void version_format(const struct version *a, char *buf, unsigned n);

#endif
