/* ecosys.c: other build tools' names for our targets (see ecosys.h) */
#include <string.h>

#include "base/util.h"
#include "cmd/ecosys.h"

static const struct ecosys table[] = {
#define ECO(t, r, os, arch, arm, cpu, bos) {t, r, os, arch, arm, cpu, bos},
#include "cmd/ecosys.def"
#undef ECO
};

#define N (sizeof(table) / sizeof(table[0]))

const struct ecosys *ecosys_of(const struct target *t)
{
	unsigned i;

	for (i = 0; i < N; i++)
		if (strcmp(table[i].target, t->name) == 0)
			return &table[i];
	return NULL;
}

/* "linux/arm64", "linux/arm/6": our target of a Go spelling, or NULL */
static const char *go_target(const char *s)
{
	unsigned i;

	for (i = 0; i < N; i++) {
		const struct ecosys *e = &table[i];
		const char *go = *e->goarm ?
			xconcat(e->goos, "/", e->goarch, "/", e->goarm, (char *)NULL) :
			xconcat(e->goos, "/", e->goarch, (char *)NULL);

		/* the first row of a GOOS/GOARCH is the glibc one; GOARM
		 * absent means 7, as Go's own default for linux/arm */
		if (strcmp(go, s) == 0 ||
		    (strcmp(e->goarm, "7") == 0 &&
		     strcmp(xconcat(e->goos, "/", e->goarch, (char *)NULL), s) == 0))
			return e->target;
	}
	return NULL;
}

const char *ecosys_parse(const char *s, struct platform *p)
{
	const char *dash = strrchr(s, '-'), *dot, *go;
	size_t n;
	unsigned i;

	if (strchr(s, '/') && (go = go_target(s)))
		return parse_triplet(go, p);
	/* a Rust triple, with the floor after it: ours, with the same floor */
	dot = strchr(dash ? dash : s, '.');
	n = dot ? (size_t)(dot - s) : strlen(s);
	for (i = 0; i < N; i++)
		if (strlen(table[i].rust) == n && strncmp(table[i].rust, s, n) == 0)
			return parse_triplet(xconcat(table[i].target, dot ? dot : "",
			                             (char *)NULL), p);
	return parse_triplet(s, p);
}
