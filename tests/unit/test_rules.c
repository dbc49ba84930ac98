/* test_rules: the compat rules, against inventories made from tables, with
 * no file read (every shard's facts are filled in advance).
 *
 * First a table of cases with their answers (the seeds' rules: libgfortran
 * locks the GCC range, cxx11 needs GCC >= 5, the runtime must run at the
 * floor, the oldest legal GCC unless a version is preferred, a preference
 * never overrides a rule).  Then the whole cross product -- every installed
 * subset of the seeds' GCC rows x tags x floors x preferences x languages --
 * checked against those rules stated once more as properties. */
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "compat/rules.h"
#include "driver/choice.h"
#include "driver/plan.h"
#include "unit.h"

/* one shard of an inventory: version, the tools it has, the glibc its
 * runtime needs ("" for no mark) */
struct fake {
	const char *ver, *tools, *runtime;
};

/* the seeds' GCC rows, plus Debian's 11 and 12 as this machine has them */
static const struct fake seeds[] = {
	{"4.8.5", "gcc,g++,cpp", "2.17"},
	{"5.2.0", "gcc,g++,gfortran,cpp", ""},
	{"6.1.0", "gcc,g++,gfortran,cpp", ""},
	{"7.1.0", "gcc,g++,gfortran,cpp", ""},
	{"8.1.0", "gcc,g++,gfortran,cpp", ""},
	{"9.1.0", "gcc,g++,gfortran,cpp", "2.36"},
	{"11.3.0", "gcc,g++,gfortran,cpp", "2.36"},
	{"12.2.0", "gcc,g++,gfortran,cpp", "2.17"},
};
#define NSEEDS (sizeof(seeds) / sizeof(seeds[0]))

static unsigned tool_bits(const char *list)
{
	char *copy = xstrdup(list), *t, *save = NULL;
	unsigned bits = 0;

	for (t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save))
		bits |= 1u << (tool_by_name(t) - tools);
	return bits;
}

/* an inventory of the shards whose bit is set in mask, facts filled in;
 * the sysroot at glibc floor (NULL: none) */
static void inventory(struct shardset *ss, unsigned mask, const char *floor)
{
	static const char *const roots[] = {"/fake", NULL};
	unsigned i;

	memset(ss, 0, sizeof(*ss));
	ss->tdir = "x86_64-linux-gnu";
	ss->roots = (const char **)roots;
	ss->gcc = xmalloc(NSEEDS * sizeof(*ss->gcc));
	for (i = 0; i < NSEEDS; i++) {
		struct shard *s;

		if (!(mask & (1u << i)))
			continue;
		s = &ss->gcc[ss->ngcc++];
		memset(s, 0, sizeof(*s));
		s->verstr = seeds[i].ver;
		s->dir = xconcat("/fake/x86_64-linux-gnu/gcc-", s->verstr, (char *)NULL);
		version_parse(s->verstr, &s->ver);
		s->tools_known = ~0u;
		s->tools_have = tool_bits(seeds[i].tools);
		s->runtime_known = 1;
		if (*seeds[i].runtime)
			version_parse(seeds[i].runtime, &s->runtime_glibc);
	}
	ss->binutils = xmalloc(2 * sizeof(*ss->binutils));
	for (i = 0; i < 2; i++) {
		struct shard *b = &ss->binutils[ss->nbinutils++];

		memset(b, 0, sizeof(*b));
		b->verstr = i ? "2.40" : "2.26";
		b->dir = xconcat("/fake/x86_64-linux-gnu/binutils-", b->verstr, (char *)NULL);
		version_parse(b->verstr, &b->ver);
		b->tools_known = ~0u;
		b->tools_have = tool_bits(i ? "ar,ld,nm" : "ar,ld");
	}
	ss->multiarch_known = ss->glibc_known = 1;
	if (floor) {
		ss->sysroot = "/fake/x86_64-linux-gnu/x86_64-linux-gnu/sys-root";
		version_parse(floor, &ss->glibc);
	}
	/* the generated floors 2.18 to 2.36 beside the default 2.17 */
	ss->floors = xmalloc(19 * sizeof(*ss->floors));
	for (i = 18; floor && i <= 36; i++) {
		struct shard *f = &ss->floors[ss->nfloors++];

		memset(f, 0, sizeof(*f));
		f->verstr = xprintf("2.%u", i);
		f->dir = xconcat("/fake/x86_64-linux-gnu/glibc-", f->verstr, (char *)NULL);
		version_parse(f->verstr, &f->ver);
	}
}

static const char *no_which(const char *name, int skip_self, void *arg)
{
	(void)name, (void)skip_self, (void)arg;
	return NULL;
}

static int no_self(const char *path, void *arg)
{
	(void)path, (void)arg;
	return 0;
}

static const struct hostlookup host = {no_which, no_self, NULL};

/* choose for NAME with ARGS (space-separated) and an optional
 * CCMUX_GCC_VERSION; returns the chosen shard's version, or the refusal */
static const char *run(struct shardset *ss, const char *name, const char *args,
                       const char *pref, struct choice *ch)
{
	struct name *n = xmalloc(sizeof(*n));
	struct request *rq = xmalloc(sizeof(*rq));
	struct settings set;
	char **argv = xmalloc(16 * sizeof(*argv)), *copy = xstrdup(args), *save = NULL;
	const char *e, *why;
	int argc = 0;

	for (char *t = strtok_r(copy, " ", &save); t && argc < 15;
	     t = strtok_r(NULL, " ", &save))
		argv[argc++] = t;
	argv[argc] = NULL;
	memset(&set, 0, sizeof(set));
	set.static_mode = -1;
	if (pref && startswith(pref, "glibc="))
		version_parse(pref + 6, &set.glibc);
	else if (pref && version_parse(pref, &set.gcc_pref) == 0)
		set.has_gcc_pref = 1;
	if ((e = parse_name(name, n)))
		return xconcat("bad name: ", e, (char *)NULL);
	request_make(rq, name, n, argc, argv);
	why = choose(rq, &set, ss, &host, ch);
	if (why)
		return xconcat("refuse: ", why, (char *)NULL);
	return ch->gcc ? ch->gcc->verstr : ch->binutils ? ch->binutils->verstr : "-";
}

/* the table: every seed row installed, sysroot at floor 2.17 unless noted */
static const struct {
	const char *name, *args, *pref, *floor;
	const char *want;    /* a version, or "refuse: SUBSTRING" */
} cases[] = {
	{"x86_64-linux-gnu-gcc", "-c a.c", NULL, "2.17", "4.8.5"},
	{"x86_64-linux-gnu-g++", "-c a.cc", NULL, "2.17", "4.8.5"},
	{"x86_64-linux-gnu-gfortran", "-c a.f90", NULL, "2.17", "5.2.0"},
	{"x86_64-linux-gnu-libgfortran3-gfortran", "a.f", NULL, "2.17", "5.2.0"},
	{"x86_64-linux-gnu-libgfortran3-gcc", "-c a.c", NULL, "2.17", "4.8.5"},
	{"x86_64-linux-gnu-libgfortran4-gcc", "-c a.c", NULL, "2.17", "7.1.0"},
	{"x86_64-linux-gnu-libgfortran5-gcc", "-c a.c", NULL, "2.17", "8.1.0"},
	{"x86_64-linux-gnu-gcc4-gfortran", "a.f", NULL, "2.17", "5.2.0"},
	{"x86_64-linux-gnu-gcc7-g++", "a.cc", NULL, "2.17", "7.1.0"},
	{"x86_64-linux-gnu-gcc8-g++", "a.cc", NULL, "2.17", "8.1.0"},
	{"x86_64-linux-gnu-cxx11-g++", "-c a.cc", NULL, "2.17", "5.2.0"},
	{"x86_64-linux-gnu-cxx03-g++", "-c a.cc", NULL, "2.17", "4.8.5"},
	{"x86_64-linux-gnu-libgfortran3-cxx11-g++", "-c a.cc", NULL, "2.17", "5.2.0"},
	{"x86_64-linux-gnu-libgfortran5-cxx03-g++", "-c a.cc", NULL, "2.17", "8.1.0"},
	/* preferences: closest legal, ties to the older, never past a rule */
	{"x86_64-linux-gnu-gcc-12", "-c a.c", NULL, "2.17", "12.2.0"},
	{"x86_64-linux-gnu-gcc-10", "-c a.c", NULL, "2.17", "9.1.0"},
	{"x86_64-linux-gnu-gcc-11.3", "-c a.c", NULL, "2.17", "11.3.0"},
	{"x86_64-linux-gnu-gcc", "-c a.c", "6", "2.17", "6.1.0"},
	{"x86_64-linux-gnu-gcc-7", "-c a.c", "12", "2.17", "7.1.0"},
	{"x86_64-linux-gnu-libgfortran3-gcc-12", "-c a.c", NULL, "2.17", "6.1.0"},
	{"x86_64-linux-gnu-libgfortran4-g++-12", "-c a.cc", NULL, "2.17", "7.1.0"},
	{"x86_64-linux-gnu-cxx11-g++-4", "-c a.cc", NULL, "2.17", "5.2.0"},
	/* the runtime floor: 9.1.0's and 11.3.0's runtimes need 2.36 */
	{"x86_64-linux-gnu-g++-11", "-c a.cc", NULL, "2.17", "12.2.0"},
	{"x86_64-linux-gnu-g++-9", "-c a.cc", NULL, "2.17", "8.1.0"},
	{"x86_64-linux-gnu-gcc-11", "-c a.c", NULL, "2.17", "11.3.0"},
	{"x86_64-linux-gnu-g++-11", "-c a.cc", NULL, "2.36", "11.3.0"},
	{"x86_64-linux-gnu-gcc-11", "a.cc", NULL, "2.17", "12.2.0"},
	{"x86_64-linux-gnu-g++-11", "--version", NULL, "2.17", "12.2.0"},
	/* the language standard asked for: the oldest GCC that accepts it */
	{"x86_64-linux-gnu-g++", "-std=c++14 -c a.cc", NULL, "2.17", "5.2.0"},
	{"x86_64-linux-gnu-g++", "-std=gnu++17 -c a.cc", NULL, "2.17", "7.1.0"},
	{"x86_64-linux-gnu-g++", "--std=c++2a -c a.cc", NULL, "2.17", "8.1.0"},
	{"x86_64-linux-gnu-g++", "-std=c++20 -c a.cc", NULL, "2.17", "12.2.0"},
	{"x86_64-linux-gnu-g++", "-std=c++20 -c a.cc", NULL, "2.36", "11.3.0"},
	{"x86_64-linux-gnu-g++", "-std=c++17 --version", NULL, "2.17", "7.1.0"},
	{"x86_64-linux-gnu-g++", "-std=c++17 -std=c++98 -c a.cc", NULL, "2.17", "4.8.5"},
	{"x86_64-linux-gnu-gcc", "-std=c89 -c a.c", NULL, "2.17", "4.8.5"},
	{"x86_64-linux-gnu-gcc", "-std=c17 -c a.c", NULL, "2.17", "8.1.0"},
	{"x86_64-linux-gnu-gcc", "-std=c++17 -c a.c", NULL, "2.17", "4.8.5"},
	{"x86_64-linux-gnu-gcc", "-std=c++17 -c a.cc", NULL, "2.17", "7.1.0"},
	{"x86_64-linux-gnu-gcc", "-std=c++18 -c a.cc", NULL, "2.17", "4.8.5"},
	{"x86_64-linux-gnu-gfortran", "-std=f2018 -c a.f90", NULL, "2.17", "8.1.0"},
	{"x86_64-linux-gnu-g++-5", "-std=c++17 -c a.cc", NULL, "2.17", "7.1.0"},
	{"x86_64-linux-gnu-g++", "-std=c++17 -c a.cc", "4.8", "2.17", "7.1.0"},
	{"x86_64-linux-gnu-g++", "-std=c++26 -c a.cc", NULL, "2.17",
	 "refuse: -std=c++26 needs GCC >= 14 with g++; installed for x86_64-linux-gnu:"},
	{"x86_64-linux-gnu-libgfortran3-g++", "-std=c++17 -c a.cc", NULL, "2.17",
	 "refuse: libgfortran3 needs GCC 4.8-6 and -std=c++17 GCC >= 7 with g++"},
	/* a glibc floor by name or CCMUX_GLIBC: its runtime rule */
	{"x86_64-linux-gnu.2.28-g++-11", "-c a.cc", NULL, "2.17", "12.2.0"},
	{"x86_64-linux-gnu.2.36-g++-11", "-c a.cc", NULL, "2.17", "11.3.0"},
	{"x86_64-linux-gnu.2.17-g++-11", "-c a.cc", NULL, "2.17", "12.2.0"},
	{"x86_64-linux-gnu-g++-11", "-c a.cc", "glibc=2.36", "2.17", "11.3.0"},
	{"x86_64-linux-gnu.2.17-g++-11", "-c a.cc", "glibc=2.36", "2.17", "12.2.0"},
	{"x86_64-linux-gnu.2.40-gcc", "-c a.c", NULL, "2.17",
	 "refuse: no glibc 2.40 floor for x86_64-linux-gnu (floors installed: 2.18-2.36"},
	{"x86_64-linux-gnu-gcc", "-c a.c", "glibc=2.12", "2.17",
	 "refuse: no glibc 2.12 floor for x86_64-linux-gnu (CCMUX_GLIBC=2.12)"},
	{"x86_64-linux-gnu.2.28-gcc", "a.c", NULL, "2.17", "4.8.5"},
	/* binutils pair with the GCC the platform would choose */
	{"x86_64-linux-gnu-ar", "rcs x.a", NULL, "2.17", "2.26"},
	{"x86_64-linux-gnu-libgfortran5-ar", "rcs x.a", NULL, "2.17", "2.40"},
	{"x86_64-linux-gnu-nm", "x.o", NULL, "2.17", "2.40"},
	/* refusals name the rule, the request and what is installed */
	{"x86_64-linux-gnu-libgfortran3-gfortran-12", "a.f", NULL, "2.17", "6.1.0"},
	{"x86_64-linux-gnu-strip", "x", NULL, "2.17", "refuse: no binutils shard with x86_64-linux-gnu-strip"},
	{"x86_64-apple-darwin14-gcc", "-c a.c", NULL, NULL, "refuse: is a clang-only target"},
};

static void table(void)
{
	struct shardset ss;
	struct choice ch;
	unsigned i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *got, *w = cases[i].want;
		char *label;

		inventory(&ss, (1u << NSEEDS) - 1, cases[i].floor);
		got = run(&ss, cases[i].name, cases[i].args, cases[i].pref, &ch);
		label = xprintf("rules: %s%s%s %s%s", cases[i].pref ? "CCMUX_GCC_VERSION=" : "",
		                cases[i].pref ? cases[i].pref : "", cases[i].pref ? " " : "",
		                cases[i].name, cases[i].floor ? xconcat(" at ", cases[i].floor,
		                (char *)NULL) : "");
		if (startswith(w, "refuse: "))
			CHECK(label, startswith(got, "refuse: ") && strstr(got, w + 8),
			      "want [%s] got [%s]", w, got);
		else
			CHECK(label, streq(got, w), "want %s got %s", w, got);
	}
	/* the refusal lists every installed shard with what rules it out:
	 * this machine's 4.8.5 (C and C++ only), 11.3.0 and 12.2.0 */
	inventory(&ss, 1u << 0 | 1u << 6 | 1u << 7, "2.17");
	{
		const char *got = run(&ss, "x86_64-linux-gnu-libgfortran3-gfortran", "a.f",
		                      NULL, &ch);

		CHECK("rules: refusal names the rule, the request and what is installed",
		      streq(got, "refuse: x86_64-linux-gnu-libgfortran3-gfortran: "
		      "libgfortran3 needs GCC 4.8-6 with gfortran; installed for "
		      "x86_64-linux-gnu: 4.8.5 (no gfortran), "
		      "11.3.0 (its runtime needs glibc 2.36, the floor is 2.17), 12.2.0"),
		      "%s", got);
	}
	inventory(&ss, (1u << NSEEDS) - 1, "2.17");
	run(&ss, "x86_64-linux-gnu.2.28-gcc", "-c a.c", NULL, &ch);
	CHECK("rules: .2.28 compiles against ROOT/TDIR/glibc-2.28",
	      endswith(ch.target_sysroot, "/glibc-2.28") &&
	      streq(ch.sysroot, ch.target_sysroot) && ch.floor.v[1] == 28,
	      "sysroot %s", ch.target_sysroot);
	run(&ss, "x86_64-linux-gnu.2.17-gcc", "-c a.c", NULL, &ch);
	CHECK("rules: the target's own floor is its default sysroot",
	      streq(ch.target_sysroot, ss.sysroot), "sysroot %s", ch.target_sysroot);
	inventory(&ss, 0, "2.17");
	CHECK("rules: no shard at all", strstr(run(&ss, "x86_64-linux-gnu-gcc", "-c a.c",
	      NULL, &ch), "no GCC shard installed for x86_64-linux-gnu") != NULL,
	      "no refusal");
}

/* a shard is legal for a request under the seeds' rules */
static int legal(const struct fake *f, int lf, int cxx11, const char *tool,
                 const char *floor, int std_major)
{
	struct version v, rt, fl;
	int major;

	version_parse(f->ver, &v);
	major = v.v[0];
	if (major < std_major)
		return 0;
	if (lf == 3 && major > 6)
		return 0;
	if (lf == 4 && major != 7)
		return 0;
	if (lf == 5 && major < 8)
		return 0;
	if (cxx11 && major < 5)
		return 0;
	if (!strstr(xconcat(",", f->tools, ",", (char *)NULL),
	            xconcat(",", tool, ",", (char *)NULL)))
		return 0;
	if (strcmp(tool, "gcc") != 0 && floor && *f->runtime) {
		version_parse(f->runtime, &rt);
		version_parse(floor, &fl);
		if (version_cmp(&rt, &fl) > 0)
			return 0;
	}
	return 1;
}

/* distance of a version from a preferred major, for the properties */
static int dist(const char *ver, int pref)
{
	return abs(atoi(ver) - pref);
}

static void cross_product(void)
{
	static const char *const tags[] = {"", "libgfortran3-", "libgfortran4-",
		"libgfortran5-", "cxx03-", "cxx11-", "libgfortran3-cxx11-",
		"libgfortran4-cxx03-", "libgfortran5-cxx11-"};
	static const char *const langs[][2] = {{"gcc", "a.c"}, {"g++", "a.cc"},
		{"gfortran", "a.f90"}};
	static const char *const floors[] = {"2.17", "2.36"};
	static const int prefs[] = {0, 4, 6, 7, 9, 10, 12, 13};
	/* -std= values with the first GCC major that takes them, per language */
	static const struct {
		const char *flag[3];   /* for gcc, g++, gfortran */
		int major[3];
	} stds[] = {
		{{"", "", ""}, {0, 0, 0}},
		{{"-std=c17 ", "-std=c++17 ", "-std=f2018 "}, {8, 7, 8}},
		{{"-std=c2x ", "-std=c++20 ", "-std=f2008 "}, {9, 10, 0}},
		{{"-std=c++20 ", "-std=c11 ", "-std=c++2b "}, {0, 0, 0}},
	};
	unsigned mask, t, l, f, p, sd, bad = 0, checked = 0;
	char *first_bad = NULL;

	for (mask = 1; mask < (1u << NSEEDS); mask++)
	for (t = 0; t < sizeof(tags) / sizeof(tags[0]); t++)
	for (l = 0; l < 3; l++)
	for (f = 0; f < 2; f++)
	for (p = 0; p < sizeof(prefs) / sizeof(prefs[0]); p++)
	for (sd = 0; sd < sizeof(stds) / sizeof(stds[0]); sd++) {
		struct shardset ss;
		struct choice ch;
		char *name = xprintf("x86_64-linux-gnu-%s%s%s", tags[t], langs[l][0],
		                     prefs[p] ? xprintf("-%d", prefs[p]) : "");
		const char *got;
		int lf = strstr(tags[t], "libgfortran") ? tags[t][11] - '0' : 0;
		int cxx11 = strstr(tags[t], "cxx11") != NULL;
		const struct fake *best = NULL;
		unsigned i;
		int ok;

		inventory(&ss, mask, floors[f]);
		got = run(&ss, name, xconcat(stds[sd].flag[l], langs[l][1], (char *)NULL),
		          NULL, &ch);
		for (i = 0; i < NSEEDS; i++) {
			if (!(mask & (1u << i)) ||
			    !legal(&seeds[i], lf, cxx11, langs[l][0], floors[f],
			           stds[sd].major[l]))
				continue;
			if (!best || (prefs[p] && dist(seeds[i].ver, prefs[p]) <
			              dist(best->ver, prefs[p])))
				best = &seeds[i];
		}
		if (!best)
			ok = startswith(got, "refuse: ") &&
			     strstr(got, "installed for x86_64-linux-gnu: ");
		else
			ok = streq(got, best->ver);
		checked++;
		if (!ok && !bad++)
			first_bad = xprintf("%s %s at %s (installed %#x): want %s got %s", name,
			                    stds[sd].flag[l], floors[f], mask,
			                    best ? best->ver : "a refusal", got);
	}
	CHECK(xprintf("rules: cross product of %u requests (installed subsets x tags x "
	              "languages x floors x preferences x -std=)", checked), bad == 0,
	      "%u wrong, first: %s", bad, first_bad);
}

/* ARMv6: a user's -march=/-mcpu= runs on an ARM1176, or is refused */
/* armv6l: only a GCC with a runtime built for ARMv6 is legal, even for C
 * (Debian's own libgcc and crt files are ARMv7 Thumb-2) */
static void arm_runtime(const struct target *v6)
{
	struct shard sh[2];
	struct shardset ss;
	struct platform p;
	struct version pref;
	struct gccwant w = {&p, "gcc", &pref, "armv6l-linux-gnueabihf-gcc-11", NULL,
	                    NULL, NULL, 1};
	struct shard *got;
	char *why = NULL;
	int i;

	memset(&p, 0, sizeof(p));
	p.target = v6;
	memset(&ss, 0, sizeof(ss));
	ss.tdir = "armv6l-linux-gnueabihf";
	ss.gcc = sh;
	ss.ngcc = 2;
	for (i = 0; i < 2; i++) {
		memset(&sh[i], 0, sizeof(sh[i]));
		sh[i].verstr = i ? "12.2.0" : "11.3.0";
		sh[i].dir = xconcat("/fake/armv6l-linux-gnueabihf/gcc-", sh[i].verstr,
		                    (char *)NULL);
		version_parse(sh[i].verstr, &sh[i].ver);
		sh[i].tools_known = ~0u;
		sh[i].tools_have = tool_bits("gcc,g++,cpp");
		sh[i].runtime_known = 1;
		sh[i].crt_known = 1;
		sh[i].crt = i;   /* 12 has its ARMv6 runtime, 11 only Debian's */
	}
	version_parse("11", &pref);
	got = gcc_choose(&ss, &w, &why);
	CHECK("arm: armv6l-gcc-11 is served by the GCC with an ARMv6 runtime (12)",
	      got == &sh[1], "chose %s", got ? got->verstr : why);
	w.own_crt = 0;
	got = gcc_choose(&ss, &w, &why);
	CHECK("arm: without the rule the preference (11) wins", got == &sh[0],
	      "chose %s", got ? got->verstr : why);
	w.own_crt = 1;
	ss.ngcc = 1;
	got = gcc_choose(&ss, &w, &why);
	CHECK("arm: armv6l with only Debian's runtime is refused, saying why",
	      !got && strstr(why, "11.3.0 (no runtime built for ARMv6:"), "%s",
	      got ? got->verstr : why);
}

static void arm_levels(void)
{
	static const struct {
		const char *march, *mcpu;
		int ok;
	} cases[] = {
		{"armv6kz+fp", NULL, 1}, {"armv6zk", NULL, 1}, {"armv6", NULL, 1},
		{"armv6k", NULL, 1}, {"armv5te", NULL, 1}, {"armv4t", NULL, 1},
		{NULL, "arm1176jzf-s", 1}, {NULL, "arm1136jf-s", 1}, {NULL, "arm926ej-s", 1},
		{"armv6t2", NULL, 0}, {"armv6-m", NULL, 0}, {"armv7-a", NULL, 0},
		{"armv7-a+fp", NULL, 0}, {"armv8-a", NULL, 0}, {"native", NULL, 0},
		{NULL, "cortex-a7", 0}, {NULL, "cortex-a53", 0}, {NULL, "arm1156t2f-s", 0},
		{NULL, "cortex-m0", 0}, {"armv6kz", "cortex-a7", 0},
	};
	static const struct {
		const char *fpu, *abi;
		int thumb, ok;
	} fpus[] = {
		{"vfp", "hard", 0, 1}, {"vfpv2", NULL, 0, 1}, {"auto", NULL, 0, 1},
		{NULL, "hard", 0, 1}, {"neon-vfpv4", NULL, 0, 0}, {"vfpv3-d16", NULL, 0, 0},
		{"neon", NULL, 0, 0}, {NULL, "softfp", 0, 0}, {NULL, "soft", 0, 0},
		{NULL, NULL, 1, 0}, {"vfp", "hard", 1, 0},
	};
	const struct target *v6 = target_by_name("armv6l-linux-gnueabihf");
	const struct target *v7 = target_by_name("armv7l-linux-gnueabihf");
	unsigned i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct armflags f = {cases[i].march, cases[i].mcpu, NULL, NULL, 0};
		const char *why = arm_level_check(v6, &f);

		CHECK(xprintf("arm: armv6l with -march=%s -mcpu=%s %s", cases[i].march ?
		      cases[i].march : "-", cases[i].mcpu ? cases[i].mcpu : "-",
		      cases[i].ok ? "runs" : "refused"), (why == NULL) == cases[i].ok,
		      "%s", why ? why : "accepted");
	}
	struct armflags v8 = {"armv8-a", "cortex-a53", "neon-vfpv4", "softfp", 1};
	CHECK("arm: armv7l takes any ARM option (its GCC judges)",
	      arm_level_check(v7, &v8) == NULL, "refused");
	arm_runtime(v6);
	/* the FPU, the float ABI and the instruction set of armv6l */
	for (i = 0; i < sizeof(fpus) / sizeof(fpus[0]); i++) {
		struct armflags f = {NULL, NULL, fpus[i].fpu, fpus[i].abi, fpus[i].thumb};
		const char *why = arm_level_check(v6, &f);

		CHECK(xprintf("arm: armv6l with -mfpu=%s -mfloat-abi=%s%s %s",
		      fpus[i].fpu ? fpus[i].fpu : "-", fpus[i].abi ? fpus[i].abi : "-",
		      fpus[i].thumb ? " -mthumb" : "", fpus[i].ok ? "accepted" : "refused"),
		      (why == NULL) == fpus[i].ok, "%s", why ? why : "accepted");
	}
}

/* the tables that are searched with bsearch or scanned in order */
static void tables(void)
{
	unsigned i;
	int sorted = 1, rows = 1;

	for (i = 1; i < ntools; i++)
		sorted &= strcmp(tools[i - 1].name, tools[i].name) < 0;
	CHECK("tables: tools.def sorted by name (bsearch)", sorted, "not sorted");
	CHECK("tables: std.def sorted by value (bsearch)", std_table_sorted(),
	      "not sorted");
	for (i = 0; i < ntools; i++)
		rows &= tool_by_name(tools[i].name) == &tools[i] &&
		        tool_by_name(tools[i].shard_name) != NULL;
	CHECK("tables: every tool and shard file name is found", rows, "lookup failed");
	CHECK("tables: every tool fits a shard's fact bits", ntools <= 32, "%u tools", ntools);
	sorted = 1;
	for (i = 1; i < gcc_table_len; i++)
		sorted &= gcc_table[i - 1].major < gcc_table[i].major &&
		          gcc_table[i - 1].libgfortran <= gcc_table[i].libgfortran &&
		          gcc_table[i - 1].cxx11_default <= gcc_table[i].cxx11_default;
	CHECK("tables: gcc.def oldest first, libgfortran and the C++11 ABI never go "
	      "back", sorted, "not in order");
	for (i = 0, rows = 1; targets[i].name; i++)
		rows &= target_by_name(targets[i].name) == &targets[i] &&
		        (targets[i].os == OS_WINDOWS || targets[i].machine == 0 ||
		         targets[i].elf_class == 32 || targets[i].elf_class == 64);
	CHECK("tables: every target found by its name", rows, "lookup failed");
}

int main(void)
{
	table();
	cross_product();
	arm_levels();
	tables();
	return unit_failed;
}
