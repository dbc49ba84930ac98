/* env.c: `ccmux env [--cargo | --go] TRIPLET`: the export lines a build
 * reads, for make/autotools/CMake (CC, CXX, ...), for cargo and the cc
 * crate (CARGO_TARGET_<TRIPLE>_LINKER, CC_<triple>, ...) and for go with
 * cgo (CGO_ENABLED, GOOS, GOARCH, CC, ...).  The triplet may be ours,
 * Rust's or Go's (cmd/ecosys.c), with a glibc floor (.2.17). */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "base/util.h"
#include "cmd/cmd.h"
#include "cmd/ecosys.h"

/* what one export block is written from */
struct env {
	const struct ctx *c;
	struct platform pf;
	const struct ecosys *eco;
	const char *bin;        /* the farm: PREFIX/bin */
	char *tagged;           /* the triplet and tags, without the floor */
	char *base;             /* the target (with its OS version) */
	char floor[32];         /* the glibc floor asked for, or "" */
};

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

/* what cargo and the cc crate read for a target: VAR_<rust_triple>
 * (upper-cased for cargo's own), and the farm tool it names */
static const struct {
	const char *var, *tool;
	int upper, tagged;
} cargo_tools[] = {
	{"CARGO_TARGET_%s_LINKER", "gcc", 1, 1},
	{"CC_%s", "gcc", 0, 1}, {"CXX_%s", "g++", 0, 1},
	{"AR_%s", "ar", 0, 0}, {"RANLIB_%s", "ranlib", 0, 0},
	{"PKG_CONFIG_%s", "pkg-config", 0, 0},
};

static void export(const char *var, const char *val)
{
	struct buf b = {0};

	buf_quote(&b, val);
	printf("export %s=%s\n", var, b.s);
}

static char *tool(const struct env *e, const char *name, int tagged)
{
	return xconcat(e->bin, "/", tagged ? e->tagged : e->base, "-", name,
	               (char *)NULL);
}

/* a Rust triple as a variable name: aarch64_unknown_linux_gnu, or in
 * capitals for cargo's own variables */
static char *var_triple(const char *rust, int upper)
{
	char *s = xstrdup(rust), *p;

	for (p = s; *p; p++) {
		if (*p == '-' || *p == '.')
			*p = '_';
		else if (upper)
			*p = (char)toupper((unsigned char)*p);
	}
	return s;
}

/* the floor goes into CCMUX_GLIBC rather than into names: every tool of
 * the target (not only the compilers the farm names per floor) then agrees,
 * and tools such as cargo take a path, not arguments */
static void floor_export(const struct env *e)
{
	if (*e->floor)
		export("CCMUX_GLIBC", e->floor);
}

static void env_make(const struct env *e)
{
	unsigned i;

	for (i = 0; i < sizeof(env_tools) / sizeof(env_tools[0]); i++)
		export(env_tools[i].var, tool(e, env_tools[i].tool, env_tools[i].tagged));
	export("CC_FOR_BUILD", "cc");   /* the build machine's own compiler */
	export("CCMUX_TARGET", e->tagged);
	floor_export(e);
	if (!e->c->prefix)
		return;
	/* the toolchain files name untagged compilers, one file per floor
	 * (TRIPLET.2.28.cmake): a tagged triplet gets its compilers from
	 * CC/CXX/FC */
	if (strcmp(e->tagged, e->base) == 0)
		export("CMAKE_TOOLCHAIN_FILE",
		       xconcat(e->c->prefix, "/share/ccmux/cmake/", e->base,
		               *e->floor ? "." : "", e->floor, ".cmake", (char *)NULL));
	else
		printf("# no CMAKE_TOOLCHAIN_FILE for a tagged triplet: use "
		       "%s/share/ccmux/cmake/%s%s%s.cmake with -DCMAKE_C_COMPILER=$CC "
		       "-DCMAKE_CXX_COMPILER=$CXX -DCMAKE_Fortran_COMPILER=$FC\n",
		       e->c->prefix, e->base, *e->floor ? "." : "", e->floor);
}

static void env_cargo(const struct env *e)
{
	const char *rust = e->eco->rust;
	unsigned i;

	printf("# cargo build --target %s  (ccmux: %s%s%s)\n", rust, e->tagged,
	       *e->floor ? ", glibc " : "", e->floor);
	for (i = 0; i < sizeof(cargo_tools) / sizeof(cargo_tools[0]); i++)
		export(xprintf(cargo_tools[i].var, var_triple(rust, cargo_tools[i].upper)),
		       tool(e, cargo_tools[i].tool, cargo_tools[i].tagged));
	if (*e->pf.target->qemu || target_is_host_arch(e->pf.target))
		export(xprintf("CARGO_TARGET_%s_RUNNER", var_triple(rust, 1)),
		       xconcat(e->bin, "/ccmux run ", e->tagged, (char *)NULL));
	export("PKG_CONFIG_ALLOW_CROSS", "1");
	floor_export(e);
}

static void env_go(const struct env *e)
{
	const struct target *t = e->pf.target;

	if (!*e->eco->goarch)
		fatal("env --go: Go has no port for %s", t->name);
	printf("# go build  (ccmux: %s%s%s)\n", e->tagged, *e->floor ? ", glibc " : "",
	       e->floor);
	export("CGO_ENABLED", "1");
	export("GOOS", e->eco->goos);
	export("GOARCH", e->eco->goarch);
	if (*e->eco->goarm)
		export("GOARM", e->eco->goarm);
	export("CC", tool(e, "gcc", 1));
	export("CXX", tool(e, "g++", 1));
	export("AR", tool(e, "ar", 0));
	export("PKG_CONFIG", tool(e, "pkg-config", 0));
	floor_export(e);
	if (t->libc == LIBC_MUSL)
		printf("# a static executable: go build -ldflags '-linkmode external "
		       "-extldflags -static'\n");
	if (*t->qemu && t->os == OS_LINUX)
		printf("# run it: %s/ccmux run %s PROGRAM\n", e->bin, e->tagged);
}

int cmd_env(const struct ctx *c, int argc, char **argv)
{
	static const char usage[] = "usage: ccmux env [--cargo | --go] TRIPLET";
	struct env e;
	struct platform bare;
	const char *err, *mode = argc == 2 ? argv[0] : "";

	if (argc < 1 || argc > 2 || (argc == 2 && strcmp(mode, "--cargo") != 0 &&
	                             strcmp(mode, "--go") != 0))
		fatal("%s", usage);
	memset(&e, 0, sizeof(e));
	e.c = c;
	if ((err = ecosys_parse(argv[argc - 1], &e.pf)))
		fatal("%s", err);
	e.eco = ecosys_of(e.pf.target);
	if (!e.eco)
		fatal("env: no cargo/go names for %s", e.pf.target->name);
	if (e.pf.glibc.parts)
		version_format(&e.pf.glibc, e.floor, sizeof(e.floor));
	bare = e.pf;
	bare.glibc.parts = 0;
	e.tagged = platform_string(&bare);
	e.base = xconcat(e.pf.target->name, *e.pf.osver ? e.pf.osver :
	                 default_osver(e.pf.target), (char *)NULL);
	e.bin = c->prefix ? xconcat(c->prefix, "/bin", (char *)NULL)
	                  : dirname_of(c->self);
	if (strcmp(mode, "--cargo") == 0)
		env_cargo(&e);
	else if (strcmp(mode, "--go") == 0)
		env_go(&e);
	else
		env_make(&e);
	return 0;
}
