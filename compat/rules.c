/* rules.c: the GCC compatibility table and shard choice */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rules.h"
#include "util.h"

const struct gccinfo gcc_table[] = {
#define GCC(major, gf, so, glibcxx, cxxabi, cxx11, binutils) \
	{major, gf, so, glibcxx, cxxabi, cxx11, binutils},
#include "gcc.def"
#undef GCC
};

const unsigned gcc_table_len = sizeof(gcc_table) / sizeof(gcc_table[0]);

const struct gccinfo *gcc_info(int major)
{
	const struct gccinfo *best = NULL;
	unsigned i;

	for (i = 0; i < gcc_table_len; i++)
		if (gcc_table[i].major <= major)
			best = &gcc_table[i];
	return best;
}

void gcc_range(const struct platform *p, int *lo, int *hi)
{
	*lo = 4;
	*hi = 0;
	if (p->libgfortran == 3)
		*hi = 6;
	else if (p->libgfortran == 4)
		*lo = *hi = 7;
	else if (p->libgfortran == 5)
		*lo = 8;
	if (p->cxxabi == CXXABI_11 && *lo < 5)
		*lo = 5;
}

static int in_range(const struct shard *s, int lo, int hi)
{
	return s->ver.v[0] >= lo && (hi == 0 || s->ver.v[0] <= hi);
}

/* "GCC 4.8–6", "GCC 7", "GCC >= 8", "any GCC" */
static char *range_text(int lo, int hi)
{
	const char *los = lo <= 4 ? "4.8" : NULL;
	char *l = los ? xstrdup(los) : xprintf("%d", lo);

	if (hi == 0)
		return lo <= 4 ? xstrdup("any GCC") : xprintf("GCC >= %s", l);
	if (lo == hi)
		return xprintf("GCC %s", l);
	return xprintf("GCC %s-%d", l, hi);
}

/* "libgfortran3 and cxx11" */
static char *rule_text(const struct platform *p)
{
	char *lf = p->libgfortran ? xprintf("libgfortran%d", p->libgfortran) : NULL;
	const char *cx = p->cxxabi == CXXABI_11 ? "cxx11" : NULL;

	if (lf && cx)
		return xconcat(lf, " and ", cx, (char *)NULL);
	return xstrdup(lf ? lf : cx ? cx : "");
}

struct notearg {
	const struct gccwant *w;
	const char *tdir;
};

int shard_runtime_glibc(const struct shard *s, struct version *out)
{
	char buf[32];
	ssize_t n = readlink(xconcat(s->dir, "/runtime-glibc", (char *)NULL), buf,
	                     sizeof(buf) - 1);

	if (n <= 0)
		return 0;
	buf[n] = '\0';
	return version_parse(buf, out) == 0;
}

/* NULL if the shard's runtime runs at the floor, else why not */
static const char *floor_note(const struct shard *s, const struct gccwant *w)
{
	struct version rt;
	char a[32], b[32];

	if (!w->floor || !shard_runtime_glibc(s, &rt) || version_cmp(&rt, w->floor) <= 0)
		return NULL;
	version_format(&rt, a, sizeof(a));
	version_format(w->floor, b, sizeof(b));
	return xprintf("its runtime needs glibc %s, the floor is %s", a, b);
}

static const char *gcc_note(const struct shard *s, void *arg)
{
	const struct notearg *a = arg;

	if (a->w->tool && !file_exists(shard_tool(s, a->tdir, a->w->tool)))
		return xprintf("no %s", a->w->tool);
	return floor_note(s, a->w);
}

/* distance of v from the preference: major, then minor, then patch */
static int closer(const struct version *a, const struct version *b,
                  const struct version *pref)
{
	int i;

	for (i = 0; i < 3; i++) {
		int da, db;

		if (i >= pref->parts)
			break;
		da = abs(a->v[i] - pref->v[i]);
		db = abs(b->v[i] - pref->v[i]);
		if (da != db)
			return da < db;
		if (a->v[i] != b->v[i])
			break;
	}
	return version_cmp(a, b) < 0;   /* tie: the older */
}

static void parse_pref(const char *pref, struct version *v)
{
	if (version_parse(pref, v) != 0)
		fatal("CCMUX_GCC_VERSION='%s' is not a version; use MAJOR[.MINOR"
		      "[.PATCH]], e.g. 12 or 11.3.0", pref);
}

/* the one-line refusal: the rule, the request, what is installed */
static char *refusal(const struct shardset *ss, const struct gccwant *w,
                     int floored)
{
	struct notearg a = {w, ss->tdir};
	char *rule = rule_text(w->plat);
	char *inst = shard_list(ss->gcc, ss->ngcc, gcc_note, &a);
	char *tool = w->tool ? xprintf(" with %s", w->tool) : xstrdup("");
	int lo, hi;

	gcc_range(w->plat, &lo, &hi);
	if (floored) {
		char f[32];

		version_format(w->floor, f, sizeof(f));
		tool = xprintf("%s whose runtime runs at glibc %s", tool, f);
	}
	if (ss->ngcc == 0)
		return xprintf("%s: no GCC shard installed for %s (looked for "
		               "ROOT/%s/gcc-X.Y.Z); run install.sh or set CCMUX_ROOT",
		               w->request, ss->tdir, ss->tdir);
	if (*rule)
		return xprintf("%s: %s needs %s%s; installed for %s: %s", w->request,
		               rule, range_text(lo, hi), tool, ss->tdir, inst);
	return xprintf("%s: needs a GCC shard%s; installed for %s: %s",
	               w->request, tool, ss->tdir, inst);
}

const struct shard *gcc_choose(const struct shardset *ss, const struct gccwant *w,
                               char **why)
{
	const struct shard *best = NULL;
	struct version pref;
	int lo, hi, floored = 0;
	unsigned i;

	if (w->pref)
		parse_pref(w->pref, &pref);
	gcc_range(w->plat, &lo, &hi);
	for (i = 0; i < ss->ngcc; i++) {
		const struct shard *s = &ss->gcc[i];

		if (!in_range(s, lo, hi))
			continue;
		if (w->tool && !file_exists(shard_tool(s, ss->tdir, w->tool)))
			continue;
		if (floor_note(s, w)) {
			floored = 1;
			continue;
		}
		if (!w->pref) {
			best = s;   /* oldest first: the first legal one */
			break;
		}
		if (!best || closer(&s->ver, &best->ver, &pref))
			best = s;
	}
	if (!best)
		*why = refusal(ss, w, floored);
	return best;
}

static const char *binutils_note(const struct shard *s, void *arg)
{
	const struct notearg *a = arg;

	if (!file_exists(shard_tool(s, a->tdir, a->w->tool)))
		return xprintf("no %s", a->w->tool);
	return NULL;
}

const struct shard *binutils_choose(const struct shardset *ss,
                                    const struct gccwant *w, char **why)
{
	struct gccwant gw = *w;
	const struct shard *gcc, *best = NULL;
	struct version want = {{0, 0, 0}, 0};
	char *ignore;
	unsigned i;

	gw.tool = NULL;
	gcc = gcc_choose(ss, &gw, &ignore);
	if (gcc)
		version_parse(gcc_info(gcc->ver.v[0])->binutils, &want);
	/* the oldest at least as new as the GCC's pair, else the newest */
	for (i = 0; i < ss->nbinutils; i++) {
		const struct shard *s = &ss->binutils[i];

		if (!file_exists(shard_tool(s, ss->tdir, w->tool)))
			continue;
		if (version_cmp(&s->ver, &want) >= 0) {
			best = s;
			break;
		}
		best = s;
	}
	if (!best) {
		struct notearg a = {w, ss->tdir};

		*why = xprintf("%s: no binutils shard with %s-%s installed for %s "
		               "(installed: %s)", w->request, ss->tdir, w->tool,
		               ss->tdir,
		               shard_list(ss->binutils, ss->nbinutils, binutils_note, &a));
	}
	return best;
}

const struct shard *clang_choose(const struct shardset *ss, const char *pref)
{
	const struct shard *best = NULL;
	struct version p;
	unsigned i;

	if (!ss->nclang)
		return NULL;
	if (!pref || version_parse(pref, &p) != 0)
		return &ss->clang[ss->nclang - 1];
	for (i = 0; i < ss->nclang; i++)
		if (!best || closer(&ss->clang[i].ver, &best->ver, &p))
			best = &ss->clang[i];
	return best;
}
