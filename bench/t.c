/* t.c: the small C file of the real-compile benchmark (C89, so that every
 * GCC shard takes it without -std). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct kv {
	const char *k;
	int v;
};

static int cmp(const void *a, const void *b)
{
	return strcmp(((const struct kv *)a)->k, ((const struct kv *)b)->k);
}

int sum_sorted(struct kv *t, size_t n)
{
	size_t i;
	int s = 0;

	qsort(t, n, sizeof(*t), cmp);
	for (i = 0; i < n; i++) {
		s += t[i].v;
		printf("%s=%d\n", t[i].k, t[i].v);
	}
	return s;
}

char *join(const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b);
	char *r = malloc(na + nb + 2);

	if (!r)
		return NULL;
	memcpy(r, a, na);
	r[na] = '/';
	memcpy(r + na + 1, b, nb + 1);
	return r;
}
