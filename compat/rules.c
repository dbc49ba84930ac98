/* rules.c: the GCC compatibility table and shard choice */
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "compat/rules.h"

const struct gccinfo gcc_table[] = {
#define GCC(major, gf, so, glibcxx, cxxabi, cxx11, binutils) \
	{major, gf, so, glibcxx, cxxabi, cxx11, binutils},
#include "compat/gcc.def"
#undef GCC
};

const unsigned gcc_table_len = sizeof(gcc_table) / sizeof(gcc_table[0]);

/* ARM CPU levels: each -march= and -mcpu= (by its prefix) a GCC takes for
 * the classic A-profile cores, and the Tag_CPU_arch its code says */
static const struct {
	const char *prefix;
	int tag;
} arm_levels[] = {
	{"armv4t", 2}, {"armv4", 1}, {"armv5tej", 5}, {"armv5te", 4}, {"armv5t", 3},
	{"armv6t2", 8}, {"armv6kz", 7}, {"armv6zk", 7}, {"armv6k", 9}, {"armv6-m", 11},
	{"armv6z", 7}, {"armv6j", 6}, {"armv6", 6}, {"armv7", 10}, {"armv8", 14},
	{"armv9", 14},
	{"arm1176", 7}, {"arm1156t2", 8}, {"arm1136", 6}, {"mpcore", 9},
	{"arm11mpcore", 9}, {"arm926", 5}, {"arm946", 4}, {"arm966", 4},
	{"arm10", 4}, {"arm9", 2}, {"arm7", 2}, {"cortex-m", 11}, {"cortex", 10},
};

static const char *const arm_arch_names[] = {
	"pre-ARMv4", "ARMv4", "ARMv4T", "ARMv5T", "ARMv5TE", "ARMv5TEJ", "ARMv6",
	"ARMv6KZ", "ARMv6T2", "ARMv6K", "ARMv7", "ARMv6-M", "ARMv6S-M", "ARMv7E-M",
	"ARMv8",
};

const char *arm_arch_name(int tag)
{
	if (tag >= 0 && tag < (int)(sizeof(arm_arch_names) / sizeof(arm_arch_names[0])))
		return arm_arch_names[tag];
	return "newer than ARMv8";
}

const char *arm_fp_name(int tag)
{
	static const char *const names[] = {
		"none", "VFPv1", "VFPv2", "VFPv3", "VFPv3-D16", "VFPv4", "VFPv4-D16",
		"ARMv8 FP", "ARMv8 FP-D16",
	};

	if (tag >= 0 && tag < (int)(sizeof(names) / sizeof(names[0])))
		return names[tag];
	return "newer than ARMv8 FP";
}

/* the Tag_CPU_arch of a -march=/-mcpu= value; -1 if not known */
static int arm_level(const char *v)
{
	unsigned i;

	for (i = 0; i < sizeof(arm_levels) / sizeof(arm_levels[0]); i++)
		if (startswith(v, arm_levels[i].prefix))
			return arm_levels[i].tag;
	return -1;
}

/* a level runs on the target: not newer, and below ARMv7 not Thumb-2 or
 * an M profile (v6T2, v6-M: their own instruction sets) */
static int arm_runs(const struct target *t, int tag)
{
	if (tag > t->arm_arch)
		return 0;
	return t->arm_arch >= 10 || (tag != 8 && tag != 11 && tag != 12);
}

/* the -mfpu= values an ARM1176 runs: VFPv2 or GCC's choice from -march */
static int arm_fpu_runs(const char *v)
{
	return strcmp(v, "vfp") == 0 || strcmp(v, "vfpv2") == 0 ||
	       strcmp(v, "auto") == 0;
}

const char *arm_level_check(const struct target *t, const struct armflags *f)
{
	const char *v[2] = {f->march, f->mcpu}, *flag[2] = {"-march=", "-mcpu="};
	int i, tag;

	if (!target_armv6(t))
		return NULL;
	if (f->thumb)
		return xprintf("-mthumb makes Thumb code, and %s is ARM mode only "
		               "(Thumb-1 has no hard-float calls; the ARM1176 has no "
		               "Thumb-2); drop -mthumb, or use an armv7l name", t->name);
	if (f->float_abi && strcmp(f->float_abi, "hard") != 0)
		return xprintf("-mfloat-abi=%s does not match %s, whose libraries "
		               "pass floats in VFP registers (hard-float); drop it",
		               f->float_abi, t->name);
	if (f->mfpu && !arm_fpu_runs(f->mfpu))
		return xprintf("-mfpu=%s makes code the ARM1176 of %s does not run "
		               "(it has VFPv2, no NEON); use -mfpu=vfp or drop it",
		               f->mfpu, t->name);
	for (i = 0; i < 2; i++) {
		if (!v[i])
			continue;
		tag = arm_level(v[i]);
		if (tag < 0 || !arm_runs(t, tag))
			return xprintf("%s%s makes %s code, and %s is ARMv6 (ARM1176: "
			               "ARMv6KZ, ARM mode, VFPv2, no Thumb-2); use "
			               "-march=armv6kz+fp or -mcpu=arm1176jzf-s, or an "
			               "armv7l name", flag[i], v[i],
			               tag < 0 ? "unknown" : arm_arch_name(tag), t->name);
	}
	return NULL;
}

int gcc_has_quadmath(const struct target *t)
{
	static const char *const archs[] = {"x86_64", "i686", "powerpc64le"};
	unsigned i;

	for (i = 0; i < sizeof(archs) / sizeof(archs[0]); i++)
		if (strcmp(t->arch, archs[i]) == 0)
			return 1;
	return 0;
}

static const struct sysinfo systems[] = {
#define SYSTEM(glibc, glibcxx, cxxabi, gf, gcc, names) \
	{glibc, glibcxx, cxxabi, gf, gcc, names},
#include "compat/systems.def"
#undef SYSTEM
};

const struct sysinfo *floor_system(const struct version *floor)
{
	const struct sysinfo *best = &systems[0];
	unsigned i;

	for (i = 0; i < sizeof(systems) / sizeof(systems[0]); i++) {
		struct version v;

		version_parse(systems[i].glibc, &v);
		if (version_cmp(&v, floor) <= 0)
			best = &systems[i];
	}
	return best;
}

static const struct stdinfo std_table[] = {
#define STD(name, lang, gcc, clang) {name, lang, gcc, clang},
#include "compat/std.def"
#undef STD
};
#define NSTD (sizeof(std_table) / sizeof(std_table[0]))

static int stdcmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct stdinfo *)elem)->name);
}

const struct stdinfo *std_info(const char *value)
{
	return bsearch(value, std_table, NSTD, sizeof(std_table[0]), stdcmp);
}

int std_table_sorted(void)
{
	unsigned i;

	for (i = 1; i < NSTD; i++)
		if (strcmp(std_table[i - 1].name, std_table[i].name) >= 0)
			return 0;
	return 1;
}

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
	int first = 0, last = 0;
	unsigned i;

	*lo = gcc_table[0].major;
	*hi = 0;
	for (i = 0; p->libgfortran && i < gcc_table_len; i++)
		if (gcc_table[i].libgfortran == p->libgfortran) {
			first = first ? first : gcc_table[i].major;
			last = gcc_table[i].major;
		}
	if (first) {
		*lo = first;
		/* the newest libgfortran has no upper limit */
		*hi = last == gcc_table[gcc_table_len - 1].major ? 0 : last;
	}
	for (i = 0; p->cxxabi == CXXABI_11 && i < gcc_table_len; i++)
		if (gcc_table[i].cxx11_default) {
			if (*lo < gcc_table[i].major)
				*lo = gcc_table[i].major;
			break;
		}
}

static int in_range(const struct shard *s, int lo, int hi,
                    const struct version *min)
{
	return s->ver.v[0] >= lo && (hi == 0 || s->ver.v[0] <= hi) &&
	       (!min || version_cmp(&s->ver, min) >= 0);
}

/* "GCC 4.8-6", "GCC 7", "GCC >= 8", "any GCC"; the table's first row is
 * the seeds' 4.8 */
static char *range_text(int lo, int hi)
{
	int first = lo <= gcc_table[0].major;
	char *l = first ? xstrdup("4.8") : xprintf("%d", lo);

	if (hi == 0)
		return first ? xstrdup("any GCC") : xprintf("GCC >= %s", l);
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

/* NULL if the shard's runtime runs at the floor, else why not */
static const char *floor_note(struct shard *s, const struct gccwant *w)
{
	struct version rt;
	char a[32], b[32];

	if (!w->floor || !shard_runtime_glibc(s, &rt) || version_cmp(&rt, w->floor) <= 0)
		return NULL;
	version_format(&rt, a, sizeof(a));
	version_format(w->floor, b, sizeof(b));
	return xprintf("its runtime needs glibc %s, the floor is %s", a, b);
}

/* NULL if the shard has the runtime the target's CPU level needs */
static const char *crt_note(struct shard *s, const struct gccwant *w,
                            const char *tdir)
{
	const struct target *t = w->plat->target;

	if (!w->own_crt || shard_own_crt(s, tdir, t))
		return NULL;
	return xprintf("no runtime built for ARMv6: its libgcc and crt files are "
	               "the compiler's, newer code than %s runs", t->name);
}

static const char *gcc_note(struct shard *s, void *arg)
{
	const struct notearg *a = arg;
	const char *n;

	if (a->w->tool && !shard_has(s, a->tdir, a->w->tool))
		return xprintf("no %s", a->w->tool);
	if ((n = crt_note(s, a->w, a->tdir)))
		return n;
	return floor_note(s, a->w);
}

/* 1 if a is closer to the preference than b: major, then minor, then
 * patch; a tie goes to the older */
static int closer(const struct version *a, const struct version *b,
                  const struct version *pref)
{
	int i;

	for (i = 0; i < 3 && i < pref->parts; i++) {
		int da = abs(a->v[i] - pref->v[i]), db = abs(b->v[i] - pref->v[i]);

		if (da != db)
			return da < db;
		if (a->v[i] != b->v[i])
			break;
	}
	return version_cmp(a, b) < 0;
}

/* the one-line refusal: the rule, the request, what is installed */
static char *refusal(struct shardset *ss, const struct gccwant *w, int floored)
{
	struct notearg a = {w, ss->tdir};
	char *rule = rule_text(w->plat);
	char *inst = shard_list(ss->gcc, ss->ngcc, gcc_note, &a);
	char *tool = w->tool ? xprintf(" with %s", w->tool) : xstrdup("");
	char *min = NULL;
	int lo, hi;

	gcc_range(w->plat, &lo, &hi);
	if (w->min) {
		char v[32];

		version_format(w->min, v, sizeof(v));
		min = xprintf("GCC >= %s", v);
	}
	if (floored) {
		char f[32];

		version_format(w->floor, f, sizeof(f));
		tool = xprintf("%s whose runtime runs at glibc %s", tool, f);
	}
	if (ss->ngcc == 0)
		return xprintf("%s: no GCC shard installed for %s (looked for "
		               "ROOT/%s/gcc-X.Y.Z); run install.sh or set CCMUX_ROOT",
		               w->request, ss->tdir, ss->tdir);
	if (*rule && min)
		return xprintf("%s: %s needs %s and %s %s%s; installed for %s: %s",
		               w->request, rule, range_text(lo, hi), w->min_why, min,
		               tool, ss->tdir, inst);
	if (*rule || min)
		return xprintf("%s: %s needs %s%s; installed for %s: %s", w->request,
		               *rule ? rule : w->min_why, *rule ? range_text(lo, hi) : min,
		               tool, ss->tdir, inst);
	return xprintf("%s: needs a GCC shard%s; installed for %s: %s",
	               w->request, tool, ss->tdir, inst);
}

struct shard *gcc_choose(struct shardset *ss, const struct gccwant *w, char **why)
{
	struct shard *best = NULL;
	int lo, hi, floored = 0;
	unsigned i;

	gcc_range(w->plat, &lo, &hi);
	for (i = 0; i < ss->ngcc; i++) {
		struct shard *s = &ss->gcc[i];

		if (!in_range(s, lo, hi, w->min))
			continue;
		if (w->tool && !shard_has(s, ss->tdir, w->tool))
			continue;
		if (crt_note(s, w, ss->tdir))
			continue;
		if (floor_note(s, w)) {
			floored = 1;
			continue;
		}
		if (!w->pref) {
			best = s;   /* oldest first: the first legal one */
			break;
		}
		if (!best || closer(&s->ver, &best->ver, w->pref))
			best = s;
	}
	if (!best)
		*why = refusal(ss, w, floored);
	return best;
}

static const char *binutils_note(struct shard *s, void *arg)
{
	const struct notearg *a = arg;

	return shard_has(s, a->tdir, a->w->tool) ? NULL : xprintf("no %s", a->w->tool);
}

struct shard *binutils_choose(struct shardset *ss, const struct gccwant *w,
                              char **why)
{
	struct gccwant gw = *w;
	struct shard *gcc, *best = NULL;
	struct version want = {{0, 0, 0}, 0};
	char *ignore;
	unsigned i;

	gw.tool = NULL;
	gcc = gcc_choose(ss, &gw, &ignore);
	if (gcc)
		version_parse(gcc_info(gcc->ver.v[0])->binutils, &want);
	/* the oldest at least as new as the GCC's pair, else the newest */
	for (i = 0; i < ss->nbinutils; i++) {
		struct shard *s = &ss->binutils[i];

		if (!shard_has(s, ss->tdir, w->tool))
			continue;
		best = s;
		if (version_cmp(&s->ver, &want) >= 0)
			break;
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

struct shard *clang_choose(struct shardset *ss, const struct version *pref,
                           const struct version *min)
{
	struct shard *best = NULL;
	unsigned i;

	for (i = 0; i < ss->nclang; i++) {
		struct shard *s = &ss->clang[i];

		if (min && version_cmp(&s->ver, min) < 0)
			continue;
		if (!best || !pref || closer(&s->ver, &best->ver, pref))
			best = s;   /* no preference: the newest, the last */
	}
	return best;
}
