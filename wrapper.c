/* wrapper.c: main().  Called by a tool name (aarch64-linux-gnu-gcc, cc,
 * x86_64-linux-gnu-cxx03-g++-12) it builds the exact command for the right
 * shard and execs it; called as ccmux it runs a subcommand. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <elf.h>
#include <sys/auxv.h>

#include "audit.h"
#include "binfmt.h"
#include "exec.h"
#include "farm.h"
#include "name.h"
#include "plan.h"
#include "rules.h"
#include "run.h"
#include "sysroot.h"

#ifndef CCMUX_VERSION
#define CCMUX_VERSION "0.1.0"
#endif

static const char usage[] =
	"usage: TRIPLET-TOOL [ARGS...]        (ccmux installed under a tool name)\n"
	"       ccmux targets                 targets, floor in force, shards\n"
	"       ccmux shards                  every shard in every root\n"
	"       ccmux explain NAME [ARGS...]  print the command NAME would run\n"
	"       ccmux run TRIPLET PROG [ARGS...]  run a target binary here\n"
	"       ccmux env TRIPLET             export lines for a build\n"
	"       ccmux audit [--target TRIPLET] FILE...  check built files\n"
	"       ccmux binfmt [--remove|--status]  run foreign binaries directly\n"
	"       ccmux names                   every name the farm installs\n"
	"       ccmux files PREFIX            write CMake and meson files\n"
	"       ccmux --help | --version\n"
	"\n"
	"TRIPLET: ARCH-[VENDOR-]OS[-LIBC[ABI]][-libgfortranN|-gccN][-cxx03|-cxx11]\n"
	"TOOL: cc c++ gcc g++ cpp gfortran f77 clang clang++ ld ld.bfd ld.gold\n"
	"      ld.lld as ar nm ranlib strip objcopy objdump readelf c++filt\n"
	"      addr2line size strings pkg-config windres dlltool [-MAJOR]\n"
	"Environment: CCMUX_ROOT CCMUX_TARGET CCMUX_GCC_VERSION CCMUX_LAUNCHER\n"
	"      CCMUX_DEBUG CCMUX_LOG CCMUX_AUDIT CCMUX_STATIC\n"
	"Exit: 2 bad name or refused request, 126/127 exec failed.\n";

/* parse a name given to explain or run as a tool; bare names take their
 * target from their directory or CCMUX_TARGET */
static void parse_tool_name(const char *given, struct name *n)
{
	const char *e = parse_name(basename_of(given), n);

	if (e)
		fatal("%s", e);
	if (!n->plat.target)
		resolve_bare(n, given);
}

static void parse_platform(const char *s, struct platform *p)
{
	const char *e = parse_triplet(s, p);

	if (e)
		fatal("%s", e);
}

static int cmd_explain(struct ctx *c, int argc, char **argv)
{
	struct name n;
	struct plan p;

	if (argc < 1)
		fatal("usage: ccmux explain NAME [ARGS...]");
	parse_tool_name(argv[0], &n);
	plan_make(c, &n, basename_of(argv[0]), argc - 1, argv + 1, &p);
	plan_print(&p, 1);
	return 0;
}

static int cmd_run(struct ctx *c, int argc, char **argv)
{
	struct platform pf;
	struct plan p;

	if (argc < 2)
		fatal("usage: ccmux run TRIPLET PROG [ARGS...]");
	parse_platform(argv[0], &pf);
	run_plan(c, &pf, argc - 1, argv + 1, &p);
	plan_exec(&p, argc, argv);
}

static void print_shards(const char *label, const struct shard *s, unsigned n)
{
	unsigned i;

	printf(" %s", label);
	for (i = 0; i < n; i++)
		printf("%s%s", i ? "," : " ", s[i].verstr);
	if (!n)
		printf(" -");
}

/* `ccmux targets --installed`: the targets with a GCC shard, one a line */
static int installed_targets(struct ctx *c)
{
	const struct target *t;

	for (t = targets; t->name; t++) {
		char *trip = xconcat(t->name, default_osver(t), (char *)NULL);
		struct shardset ss;

		shard_scan(c->roots, trip, 0, &ss);
		if (ss.ngcc)
			printf("%s\n", trip);
	}
	return 0;
}

/* the floor in force: the sysroot's libc, or what stands for it */
static const char *floor_text(const struct target *t, const char *sysroot)
{
	if (t->os == OS_WINDOWS)
		return "mingw-w64";
	if (target_sdk_only(t))
		return sysroot ? "SDK" : "no SDK";
	return sysroot_describe(sysroot, t->libc == LIBC_MUSL);
}

static int cmd_targets(struct ctx *c, int argc, char **argv)
{
	const struct target *t;
	const struct shard *clang = NULL;
	unsigned nclang = 0;

	if (argc > 0 && strcmp(argv[0], "--installed") == 0)
		return installed_targets(c);
	if (argc > 0)
		fatal("usage: ccmux targets [--installed]");
	printf("%-26s %-12s %-8s %-28s %s\n", "TARGET", "FLOOR", "SEEDS",
	       "DYNAMIC LINKER", "SHARDS");
	for (t = targets; t->name; t++) {
		struct shardset ss;

		shard_scan(c->roots, t->name, 1, &ss);
		printf("%-26s %-12s %-8s %-28s", t->name, floor_text(t, ss.sysroot),
		       *t->seed_floor ? t->seed_floor : "-",
		       *t->dynamic_linker ? t->dynamic_linker : "-");
		print_shards("gcc", ss.gcc, ss.ngcc);
		print_shards(" binutils", ss.binutils, ss.nbinutils);
		printf("\n");
		if (strcmp(t->name, CLANG_HOST_DIR) == 0)
			nclang = ss.nclang, clang = ss.clang;
	}
	print_shards("clang (every target):", clang, nclang);
	printf("\n");
	return 0;
}

static void list_set(const char *kind, const struct shard *s, unsigned n)
{
	unsigned i;

	for (i = 0; i < n; i++)
		printf("  %-9s %-8s %s\n", kind, s[i].verstr, s[i].dir);
}

static int cmd_shards(struct ctx *c, int argc, char **argv)
{
	const struct target *t;
	unsigned i;

	(void)argc, (void)argv;
	printf("roots:");
	for (i = 0; c->roots[i]; i++)
		printf(" %s", c->roots[i]);
	printf("\n");
	for (t = targets; t->name; t++) {
		struct shardset ss;

		shard_scan(c->roots, t->name, 1, &ss);
		if (!ss.ngcc && !ss.nbinutils && !ss.sysroot &&
		    strcmp(t->name, CLANG_HOST_DIR) != 0)
			continue;
		printf("%s\n", t->name);
		list_set("gcc", ss.gcc, ss.ngcc);
		list_set("binutils", ss.binutils, ss.nbinutils);
		if (strcmp(t->name, CLANG_HOST_DIR) == 0)
			list_set("clang", ss.clang, ss.nclang);
		if (ss.sysroot)
			printf("  %-9s %-8s %s\n", "sysroot",
			       sysroot_describe(ss.sysroot, t->libc == LIBC_MUSL),
			       ss.sysroot);
	}
	return 0;
}

/* the tools `ccmux env` exports, by variable; compilers carry the
 * triplet's tags, the other tools are the target's own */
static const struct {
	const char *var, *tool;
	int tagged;
} env_tools[] = {
	{"CC", "gcc", 1}, {"CXX", "g++", 1}, {"FC", "gfortran", 1},
	{"F77", "gfortran", 1}, {"CPP", "cpp", 1}, {"AR", "ar", 0},
	{"RANLIB", "ranlib", 0}, {"NM", "nm", 0}, {"STRIP", "strip", 0},
	{"LD", "ld", 0}, {"AS", "as", 0}, {"OBJCOPY", "objcopy", 0},
	{"OBJDUMP", "objdump", 0}, {"READELF", "readelf", 0},
	{"PKG_CONFIG", "pkg-config", 0},
};

static void export(const char *var, const char *val)
{
	struct buf b = {0};

	buf_quote(&b, val);
	printf("export %s=%s\n", var, b.s);
}

static int cmd_env(struct ctx *c, int argc, char **argv)
{
	struct platform pf;
	const char *bin;
	char *trip, *base;
	unsigned i;

	if (argc != 1)
		fatal("usage: ccmux env TRIPLET");
	parse_platform(argv[0], &pf);
	trip = platform_string(&pf);
	base = xconcat(pf.target->name, *pf.osver ? pf.osver : default_osver(pf.target),
	               (char *)NULL);
	bin = c->prefix ? xconcat(c->prefix, "/bin", (char *)NULL)
	                : dirname_of(c->self);
	for (i = 0; i < sizeof(env_tools) / sizeof(env_tools[0]); i++)
		export(env_tools[i].var,
		       xconcat(bin, "/", env_tools[i].tagged ? trip : base, "-",
		               env_tools[i].tool, (char *)NULL));
	export("CC_FOR_BUILD", "cc");   /* the build machine's own compiler */
	export("CCMUX_TARGET", trip);
	if (!c->prefix)
		return 0;
	/* the toolchain files name untagged compilers: a tagged triplet gets
	 * its compilers from CC/CXX/FC instead */
	if (strcmp(trip, base) == 0)
		export("CMAKE_TOOLCHAIN_FILE",
		       xconcat(c->prefix, "/share/ccmux/cmake/", trip, ".cmake",
		               (char *)NULL));
	else
		printf("# no CMAKE_TOOLCHAIN_FILE for a tagged triplet: use %s/share/"
		       "ccmux/cmake/%s.cmake with -DCMAKE_C_COMPILER=$CC "
		       "-DCMAKE_CXX_COMPILER=$CXX -DCMAKE_Fortran_COMPILER=$FC\n",
		       c->prefix, base);
	return 0;
}

static int cmd_names(struct ctx *c, int argc, char **argv)
{
	(void)argc, (void)argv;
	farm_names(c);
	return 0;
}

static int cmd_files(struct ctx *c, int argc, char **argv)
{
	if (argc != 1)
		fatal("usage: ccmux files PREFIX");
	return farm_files(c, argv[0]);
}

static int cmd_binfmt(struct ctx *c, int argc, char **argv)
{
	return binfmt_main(c, argc, argv);
}

static int cmd_audit(struct ctx *c, int argc, char **argv)
{
	return audit_main(c, argc, argv);
}

static const struct cmd {
	const char *name;
	int (*fn)(struct ctx *, int, char **);
} cmds[] = {
	{"audit", cmd_audit},
	{"binfmt", cmd_binfmt},
	{"env", cmd_env},
	{"explain", cmd_explain},
	{"files", cmd_files},
	{"names", cmd_names},
	{"run", cmd_run},
	{"shards", cmd_shards},
	{"targets", cmd_targets},
};

static int ccmux_main(int argc, char **argv)
{
	struct ctx c;
	unsigned i;

	if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		fputs(usage, argc < 2 ? stderr : stdout);
		return argc < 2 ? EXIT_USAGE : 0;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("ccmux %s\n", CCMUX_VERSION);
		return 0;
	}
	for (i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
		if (strcmp(argv[1], cmds[i].name) == 0) {
			ctx_init(&c);
			return cmds[i].fn(&c, argc - 2, argv + 2);
		}
	fatal("unknown command '%s'; see ccmux --help", argv[1]);
}

/* a tool name: plan and exec */
static int tool_main(const char *name, int argc, char **argv)
{
	const char *invoked = (const char *)getauxval(AT_EXECFN);
	struct name n;
	struct ctx c;
	struct plan p;
	const char *e;

	depth_check();
	if ((e = parse_name(name, &n)))
		fatal("%s", e);
	if (!n.plat.target)
		resolve_bare(&n, invoked && strchr(invoked, '/') ? invoked : argv[0]);
	ctx_init(&c);
	shard_self_check(&c, invoked);
	plan_make(&c, &n, name, argc - 1, argv + 1, &p);
	plan_exec(&p, argc - 1, argv + 1);
}

int main(int argc, char **argv)
{
	const char *name = basename_of(argc > 0 && argv[0] ? argv[0] : "ccmux");

	if (strcmp(name, BINFMT_NAME) == 0) {
		struct ctx c;

		ctx_init(&c);
		binfmt_exec(&c, argc, argv);
	}
	if (startswith(name, "ccmux"))
		return ccmux_main(argc, argv);
	return tool_main(name, argc, argv);
}
