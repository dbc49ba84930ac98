/* plan.c: the exact command for a tool name.  Every function here is pure
 * apart from reading the shard directories, so `ccmux explain` prints
 * exactly what the real call would exec. */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "path.h"
#include "plan.h"
#include "elfread.h"
#include "rules.h"
#include "sysroot.h"

/* everything one plan is made from */
struct planner {
	const struct ctx *c;
	struct name *n;
	const char *request;
	const struct target *t;
	const char *tdir;
	struct shardset ss;
	struct args a;
	const char *sysroot;    /* the user's --sysroot, else ours, else NULL */
	int cxx;                /* C++ is involved: by name or by an input */
	int multiarch;          /* the sysroot is Debian-style (multiarch) */
	int fortran;            /* Fortran is involved: by name or by an input */
	struct version floor;   /* the sysroot's glibc, when needs_runtime() */
	int argc;               /* the user's arguments */
	char *const *argv;
	struct plan *p;
};

void ctx_init(struct ctx *c)
{
	char buf[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);
	char *dir;

	if (n < 0)
		fatal("cannot find our own binary: readlink /proc/self/exe:");
	buf[n] = '\0';
	c->self = xstrdup(buf);
	dir = dirname_of(c->self);
	c->prefix = strcmp(basename_of(dir), "bin") == 0 ? dirname_of(dir) : NULL;
	c->roots = shard_roots(c->prefix);
}

void resolve_bare(struct name *n, const char *invoked)
{
	const char *env = ccmux_env("CCMUX_TARGET");
	const char *e;

	if (invoked && strchr(invoked, '/')) {
		char *dir = dirname_of(invoked);

		if (strcmp(basename_of(dir), "bin") == 0 &&
		    parse_triplet(basename_of(dirname_of(dir)), &n->plat) == NULL)
			return;
	}
	if (env && *env) {
		if ((e = parse_triplet(env, &n->plat)))
			fatal("CCMUX_TARGET: %s", e);
		return;
	}
	fatal("'%s' names no target: run it from a .../TRIPLET/bin directory, "
	      "set CCMUX_TARGET, or use a TRIPLET-%s name", n->tool->name,
	      n->tool->name);
}

static void push(struct planner *pl, const char *s)
{
	sv_push(&pl->p->argv, s);
}

static void push2(struct planner *pl, const char *a, const char *b)
{
	push(pl, a);
	push(pl, b);
}

/* a link under a cxx03 or cxx11 name refuses objects that were compiled
 * for the other std::string ABI: such a mix can link and break at run
 * time (a struct holding a std::string passed across).  The first few .o
 * inputs are read; archives and later objects are left to the audit. */
static void check_abi_objects(struct planner *pl)
{
	enum cxxabi want = pl->n->plat.cxxabi;
	int i;

	if (want == CXXABI_ANY || pl->a.mode != MODE_LINK)
		return;
	for (i = 0; i < pl->a.nobjects; i++) {
		struct elf_info e;
		char err[128];
		const char *f = pl->a.objects[i];

		int rc = elf_read(f, &e, err, sizeof(err));

		if (rc == ELF_NOTFILE)
			fatal("%s: %s (ccmux reads the objects of a link under a "
			      "cxx03/cxx11 name)", pl->request, err);
		if (rc != ELF_OK)
			continue;   /* the linker will say what is wrong with it */
		if (want == CXXABI_03 && e.cxx11_syms)
			fatal("%s: %s has %zu C++11-ABI (__cxx11) symbols; linking it "
			      "under a cxx03 name would mix std::string ABIs: rebuild "
			      "it with a cxx03 name", pl->request, f, e.cxx11_syms);
		if (want == CXXABI_11 && e.cxx03_syms && !e.cxx11_syms)
			fatal("%s: %s uses the old std::string ABI (%zu symbols); "
			      "linking it under a cxx11 name would mix std::string ABIs: "
			      "rebuild it with a cxx11 name", pl->request, f, e.cxx03_syms);
	}
}

/* refuse a user -D/-U of _GLIBCXX_USE_CXX11_ABI that the name contradicts */
static void check_abi_define(struct planner *pl)
{
	enum cxxabi want = pl->n->plat.cxxabi;
	int v = pl->a.abi_value;

	if (want == CXXABI_ANY || !pl->a.abi_define)
		return;
	if ((want == CXXABI_03 && v != 0) || (want == CXXABI_11 && v != 1))
		fatal("%s: %s contradicts the %s tag in the name; drop the flag or "
		      "use a %s name", pl->request, pl->a.abi_define,
		      want == CXXABI_03 ? "cxx03" : "cxx11",
		      want == CXXABI_03 ? "cxx11" : "cxx03");
}

static void abi_define(struct planner *pl)
{
	enum cxxabi abi = pl->n->plat.cxxabi;

	if (abi != CXXABI_ANY)
		push(pl, abi == CXXABI_03 ? "-D_GLIBCXX_USE_CXX11_ABI=0"
		                          : "-D_GLIBCXX_USE_CXX11_ABI=1");
}

/* static by default on musl and Windows (no runtime DLLs to ship);
 * CCMUX_STATIC=0|1 decides for any target */
static int want_static(struct planner *pl)
{
	const char *env = ccmux_env("CCMUX_STATIC");
	int on = pl->t->libc == LIBC_MUSL || pl->t->os == OS_WINDOWS;

	if (env && *env) {
		if (strcmp(env, "0") != 0 && strcmp(env, "1") != 0)
			fatal("CCMUX_STATIC='%s': use 0 or 1", env);
		on = *env == '1';
	}
	/* a link that names a shared object wants it linked dynamically */
	return on && pl->a.mode == MODE_LINK && !pl->a.shared &&
	       !pl->a.relocatable && !pl->a.is_static && !pl->a.static_pie &&
	       !pl->a.shared_inputs;
}

static void static_link(struct planner *pl)
{
	push(pl, "-static");
	pl->p->static_link = 1;
}

static const char *gcc_libdir(struct planner *pl, const struct shard *s)
{
	return xconcat(s->dir, "/lib/gcc/", pl->tdir, "/", s->verstr, (char *)NULL);
}

/* the shard's C++ headers: SHARD/TDIR/include/c++/VERSION, its TDIR and
 * backward directories */
static void cxx_includes(struct planner *pl, const struct shard *g)
{
	char *cxx = xconcat(g->dir, "/", pl->tdir, "/include/c++/", g->verstr,
	                    (char *)NULL);

	push2(pl, "-isystem", cxx);
	push2(pl, "-isystem", xconcat(cxx, "/", pl->tdir, (char *)NULL));
	push2(pl, "-isystem", xconcat(cxx, "/backward", (char *)NULL));
}

/* the search paths Debian's GCC would otherwise take from outside the
 * sysroot (its tooldir headers, crt files and libraries): pinned to the
 * sysroot, after the user's own -I/-L so those still come first */
static void include_pins(struct planner *pl, const struct shard *g)
{
	const char *sr = pl->sysroot, *lib = gcc_libdir(pl, g);

	if (pl->a.nostdinc)
		return;
	push(pl, "-nostdinc");
	if (pl->cxx && !pl->a.nostdincxx)
		cxx_includes(pl, g);
	push2(pl, "-isystem", xconcat(lib, "/include", (char *)NULL));
	push2(pl, "-isystem", xconcat(lib, "/include-fixed", (char *)NULL));
	if (pl->multiarch)
		push2(pl, "-isystem", xconcat(sr, "/usr/include/", pl->t->multiarch,
		                              (char *)NULL));
	push2(pl, "-isystem", xconcat(sr, "/usr/include", (char *)NULL));
}

/* a Debian-style sysroot (debootstrap) keeps libc in multiarch
 * directories: usr/include/x86_64-linux-gnu, usr/lib/x86_64-linux-gnu */
static int has_multiarch(struct planner *pl)
{
	struct stat st;

	return pl->sysroot && *pl->t->multiarch &&
	       stat(xconcat(pl->sysroot, "/usr/include/", pl->t->multiarch,
	                    (char *)NULL), &st) == 0;
}

/* crt files and libc from the sysroot, the GCC runtime (libstdc++,
 * libgcc_s, libgfortran) from the chosen shard's SHARD/TDIR/LIBDIR */
static void link_pins(struct planner *pl, const struct shard *g)
{
	const char *sr = pl->sysroot, *ld = pl->t->libdir;
	char *usr = xconcat(sr, "/usr/", ld, (char *)NULL);
	char *top = xconcat(sr, "/", ld, (char *)NULL);
	char *rt = xconcat(g->dir, "/", pl->tdir, "/", ld, (char *)NULL);

	if (pl->multiarch) {
		usr = xconcat(sr, "/usr/lib/", pl->t->multiarch, (char *)NULL);
		top = xconcat(sr, "/lib/", pl->t->multiarch, (char *)NULL);
	}
	push(pl, xconcat("-B", usr, "/", (char *)NULL));
	push(pl, xconcat("-L", usr, (char *)NULL));
	push(pl, xconcat("-L", top, (char *)NULL));
	push(pl, xconcat("-L", rt, (char *)NULL));
	push(pl, xconcat("-Wl,-rpath-link,", top, ":", usr, ":", rt, (char *)NULL));
}

/* C++ and Fortran link the GCC's runtime (libstdc++, libgfortran), which
 * must run at the target's glibc floor; the floor is read from the
 * sysroot's headers only then */
static int needs_runtime(struct planner *pl)
{
	/* queries too: --version must name the GCC a build would use */
	if (!(pl->cxx || pl->fortran) || pl->t->libc != LIBC_GLIBC || !pl->sysroot)
		return 0;
	return sysroot_glibc(pl->sysroot, &pl->floor) == 0;
}

/* the GCC shard under the compat rules; a refusal dies here */
static const struct shard *choose_gcc(struct planner *pl, const char *tool,
                                      const char *pref)
{
	struct gccwant w = {&pl->n->plat, tool, pref, pl->request, NULL};
	const struct shard *g;
	char *why;

	if (needs_runtime(pl))
		w.floor = &pl->floor;
	if (!pref) {
		const char *env = ccmux_env("CCMUX_GCC_VERSION");

		w.pref = env && *env ? env : NULL;
	}
	g = gcc_choose(&pl->ss, &w, &why);
	if (!g)
		fatal("%s", why);
	pl->p->gcc = g;
	return g;
}

static void user_args(struct planner *pl)
{
	sv_pushn(&pl->p->argv, pl->argv, (size_t)pl->argc);
}

/* musl through a glibc GCC: a link takes the specs file in the sysroot
 * (crt files, libc, dynamic linker); a compile takes no -specs, so that
 * distcc, which compiles nothing remotely with -specs, still distributes */
static void musl_flags(struct planner *pl)
{
	if (pl->a.mode == MODE_LINK || pl->a.mode == MODE_PRINT)
		push(pl, xconcat("-specs=", pl->sysroot, "/usr/lib/ccmux.specs",
		                 (char *)NULL));
}

/* after the user's arguments (so that their -I and -isystem come first):
 * the musl headers, the shard's musl-built C++ headers before them
 * (<cstdlib> and <cmath> use #include_next), its Fortran modules, and on a
 * link its libgcc, crt files and libraries (-B and -L find them before
 * Debian's glibc-built ones) and --eh-frame-hdr, which the specs file's
 * link line leaves out and C++ exceptions need */
static void musl_post(struct planner *pl, const struct shard *g, int c_family)
{
	char *rt = xconcat(g->dir, "/", pl->tdir, "/", pl->t->libdir, (char *)NULL);

	if (pl->a.mode == MODE_QUERY)
		return;
	if (c_family && !pl->a.nostdinc) {
		push(pl, "-nostdinc");
		if (pl->cxx && !pl->a.nostdincxx)
			cxx_includes(pl, g);
		push2(pl, "-isystem", xconcat(pl->sysroot, "/usr/include", (char *)NULL));
		push2(pl, "-isystem", xconcat(gcc_libdir(pl, g), "/include", (char *)NULL));
	}
	if (pl->fortran)
		push2(pl, "-fintrinsic-modules-path",
		      xconcat(gcc_libdir(pl, g), "/finclude", (char *)NULL));
	if (pl->a.mode != MODE_LINK)
		return;
	push(pl, xconcat("-B", rt, "/", (char *)NULL));
	push(pl, xconcat("-L", rt, (char *)NULL));
	push(pl, xconcat("-Wl,-rpath-link,", rt, (char *)NULL));
	push(pl, "-Wl,--eh-frame-hdr");
}

/* what BinaryBuilder adds for Windows: a Windows version floor (7), unless
 * the user names one, and no link timestamp, for reproducible files */
static void windows_pre(struct planner *pl)
{
	if (!pl->a.defines_winver) {
		push(pl, "-DWINVER=0x0601");
		push(pl, "-D_WIN32_WINNT=0x0601");
	}
}

static void plan_gcc(struct planner *pl)
{
	const struct tool *tl = pl->n->tool;
	const struct shard *g;

	if (target_sdk_only(pl->t))
		fatal("%s: %s is a clang-only target; use %s-clang or %s-clang++",
		      pl->request, pl->t->name, platform_string(&pl->n->plat),
		      platform_string(&pl->n->plat));
	g = choose_gcc(pl, tl->shard_name, *pl->n->version ? pl->n->version : NULL);
	enum mode m = pl->a.mode;
	int musl = pl->t->libc == LIBC_MUSL;
	int c_family = tl->lang != LANG_FORTRAN || (pl->a.langs & (L_C | L_CXX));

	push(pl, shard_tool(g, pl->tdir, tl->shard_name));
	if (m != MODE_QUERY) {
		abi_define(pl);
		if (pl->t->os == OS_WINDOWS)
			windows_pre(pl);
		/* mingw-w64's GCC knows its own headers and libraries */
		if (pl->ss.sysroot && !pl->a.sysroot && pl->t->os != OS_WINDOWS)
			push(pl, xconcat("--sysroot=", pl->ss.sysroot, (char *)NULL));
		if (musl && pl->sysroot)
			musl_flags(pl);
	}
	user_args(pl);
	if (musl && pl->sysroot)
		musl_post(pl, g, c_family);
	if (m == MODE_QUERY || !pl->sysroot || pl->t->libc != LIBC_GLIBC) {
		if (m == MODE_LINK)
			push(pl, pl->t->os == OS_WINDOWS ? "-Wl,--no-insert-timestamp"
			                                 : "-Wl,--build-id");
		if (want_static(pl))
			static_link(pl);
		return;
	}
	pl->multiarch = has_multiarch(pl);
	if (c_family)
		include_pins(pl, g);
	if (m == MODE_LINK || m == MODE_PRINT)
		link_pins(pl, g);
	if (m == MODE_LINK)
		push(pl, "-Wl,--build-id");
	if (want_static(pl))
		static_link(pl);
}

/* SHARD/bin/NAME of the clang shard, which must be there */
static const char *shard_file(struct planner *pl, const struct shard *s,
                              const char *name)
{
	char *path = xconcat(s->dir, "/bin/", name, (char *)NULL);

	if (!file_exists(path))
		fatal("%s: the clang shard %s has no bin/%s", pl->request, s->dir, name);
	return path;
}

/* macOS deployment target from the darwin version: darwin14 is 10.10,
 * darwin19 10.15, darwin20 11.0, darwin23 14.0 */
static char *macos_min(const char *osver)
{
	int n = atoi(osver);

	if (n >= 20)
		return xprintf("%d.0", n - 9);
	return xprintf("10.%d", n > 4 ? n - 4 : 0);
}

/* the SDK a darwin/freebsd target needs; dies naming the directory */
static const char *sdk(struct planner *pl)
{
	const char *root = pl->c->prefix ? xconcat(pl->c->prefix, "/opt", (char *)NULL)
	                                 : pl->c->roots[0] ? pl->c->roots[0] : "ROOT";

	if (pl->sysroot)
		return pl->sysroot;
	fatal("%s: %s needs %s the user supplies: create %s/%s/%s/sys-root",
	      pl->request, pl->t->name, pl->t->os == OS_DARWIN ?
	      "a macOS SDK (usr/include, usr/lib/libSystem.tbd)" :
	      "a FreeBSD sysroot (usr/include, usr/lib, lib)", root, pl->t->name,
	      pl->t->name);
}

/* clang for macOS and FreeBSD: no GCC involved; the SDK is the sysroot */
static void plan_clang_sdk(struct planner *pl, const struct shard *cl)
{
	const char *osver = *pl->n->plat.osver ? pl->n->plat.osver : default_osver(pl->t);
	enum mode m = pl->a.mode;

	push(pl, xconcat("--target=", pl->t->clang_triple, osver, (char *)NULL));
	if (m != MODE_QUERY) {
		const char *sr = sdk(pl);

		if (pl->t->os == OS_DARWIN) {
			if (!pl->a.sysroot)
				push2(pl, "-isysroot", sr);
			push(pl, xconcat("-mmacosx-version-min=", macos_min(osver),
			                 (char *)NULL));
		} else if (!pl->a.sysroot) {
			push(pl, xconcat("--sysroot=", sr, (char *)NULL));
		}
		abi_define(pl);
	}
	(void)cl;
	user_args(pl);
	if (m == MODE_LINK) {
		push(pl, "-fuse-ld=lld");
		if (pl->t->os == OS_FREEBSD)
			push(pl, "-Wl,--build-id");
	}
}

/* clang for Windows: the mingw-w64 sysroot, the chosen mingw GCC's libgcc
 * and C++ headers, lld in its MinGW flavour */
static void plan_clang_mingw(struct planner *pl)
{
	enum mode m = pl->a.mode;
	const struct shard *g = NULL;

	push(pl, xconcat("--target=", pl->t->clang_triple, (char *)NULL));
	if (m != MODE_QUERY) {
		g = choose_gcc(pl, pl->cxx ? "g++" : "gcc", NULL);
		if (pl->ss.sysroot && !pl->a.sysroot)
			push(pl, xconcat("--sysroot=", pl->ss.sysroot, (char *)NULL));
		windows_pre(pl);
		abi_define(pl);
		if (pl->cxx && !pl->a.nostdincxx) {
			char *cxx = xconcat(g->dir, "/", pl->tdir, "/include/c++/",
			                    g->verstr, (char *)NULL);

			push(pl, "-nostdinc++");
			push2(pl, "-isystem", cxx);
			push2(pl, "-isystem", xconcat(cxx, "/", pl->tdir, (char *)NULL));
			push2(pl, "-isystem", xconcat(cxx, "/backward", (char *)NULL));
		}
	}
	user_args(pl);
	if (m == MODE_LINK) {
		push(pl, xconcat("-L", gcc_libdir(pl, g), (char *)NULL));
		/* the posix-threads libstdc++ needs winpthread, which mingw
		 * GCC's specs add and clang does not */
		if (pl->cxx)
			push(pl, "-lpthread");
		push(pl, "-fuse-ld=lld");
		push(pl, "-Wl,--no-insert-timestamp");
		if (want_static(pl))
			static_link(pl);
	}
}

static void plan_clang(struct planner *pl)
{
	const struct tool *tl = pl->n->tool;
	const struct shard *cl = clang_choose(&pl->ss,
	                                      *pl->n->version ? pl->n->version : NULL);
	const struct shard *g = NULL;
	enum mode m = pl->a.mode;
	char *triple;

	if (!cl)
		fatal("%s: no clang shard installed (looked for ROOT/%s/clang-X.Y.Z "
		      "in %s); run install.sh or set CCMUX_ROOT", pl->request,
		      CLANG_HOST_DIR, pl->c->roots[0] ? pl->c->roots[0] : "no root");
	push(pl, shard_file(pl, cl, tl->shard_name));
	if (target_sdk_only(pl->t)) {
		plan_clang_sdk(pl, cl);
		return;
	}
	if (pl->t->os == OS_WINDOWS) {
		plan_clang_mingw(pl);
		return;
	}
	triple = xconcat(pl->t->clang_triple, pl->n->plat.osver, (char *)NULL);
	push(pl, xconcat("--target=", triple, (char *)NULL));
	if (m != MODE_QUERY) {
		g = choose_gcc(pl, pl->cxx ? "g++" : "gcc", NULL);
		if (pl->ss.sysroot && !pl->a.sysroot)
			push(pl, xconcat("--sysroot=", pl->ss.sysroot, (char *)NULL));
		push(pl, xconcat("--gcc-install-dir=", gcc_libdir(pl, g), (char *)NULL));
		if (pl->cxx)
			push(pl, "-stdlib=libstdc++");
		abi_define(pl);
	}
	user_args(pl);
	if (m == MODE_LINK) {
		char *rt = xconcat(g->dir, "/", pl->tdir, "/", pl->t->libdir,
		                   (char *)NULL);

		push(pl, xconcat("-L", rt, (char *)NULL));
		push(pl, xconcat("-Wl,-rpath-link,", rt, (char *)NULL));
		push(pl, "-fuse-ld=lld");
		push(pl, "-rtlib=libgcc");
		push(pl, "-unwindlib=libgcc");
		push(pl, "-Wl,--build-id");
		if (want_static(pl))
			static_link(pl);
	}
}

/* binutils names on the clang-only targets: the LLVM tools of the clang
 * shard (binutils cannot write Mach-O) */
static const struct {
	const char *tool, *llvm;
} llvm_tools[] = {
	{"addr2line", "llvm-addr2line"}, {"ar", "llvm-ar"}, {"c++filt", "llvm-cxxfilt"},
	{"nm", "llvm-nm"}, {"objcopy", "llvm-objcopy"}, {"objdump", "llvm-objdump"},
	{"ranlib", "llvm-ranlib"}, {"readelf", "llvm-readelf"}, {"size", "llvm-size"},
	{"strings", "llvm-strings"}, {"strip", "llvm-strip"},
};

static void plan_llvm_tool(struct planner *pl)
{
	const struct shard *cl = clang_choose(&pl->ss, NULL);
	const char *name = pl->n->tool->name, *llvm = NULL;
	unsigned i;

	if (strcmp(name, "ld") == 0 || strcmp(name, "ld.lld") == 0)
		llvm = pl->t->os == OS_DARWIN ? "ld64.lld" : "ld.lld";
	for (i = 0; i < sizeof(llvm_tools) / sizeof(llvm_tools[0]); i++)
		if (strcmp(llvm_tools[i].tool, name) == 0)
			llvm = llvm_tools[i].llvm;
	if (!llvm)
		fatal("%s: %s is a clang-only target and has no %s; use %s-clang",
		      pl->request, pl->t->name, name, platform_string(&pl->n->plat));
	if (!cl)
		fatal("%s: the LLVM tools come with the clang shard, and none is "
		      "installed (ROOT/%s/clang-X.Y.Z)", pl->request, CLANG_HOST_DIR);
	push(pl, shard_file(pl, cl, llvm));
	user_args(pl);
}

static void plan_binutils(struct planner *pl)
{
	struct gccwant w = {&pl->n->plat, pl->n->tool->shard_name, NULL,
	                    pl->request, NULL};
	const char *env = ccmux_env("CCMUX_GCC_VERSION");
	const struct shard *b;
	char *why;

	w.pref = env && *env ? env : NULL;
	b = binutils_choose(&pl->ss, &w, &why);
	if (!b)
		fatal("%s", why);
	push(pl, shard_tool(b, pl->tdir, pl->n->tool->shard_name));
	user_args(pl);
}

static void plan_lld(struct planner *pl)
{
	const struct shard *cl = clang_choose(&pl->ss, NULL);

	if (!cl)
		fatal("%s: ld.lld comes with the clang shard, and none is installed "
		      "(ROOT/%s/clang-X.Y.Z)", pl->request, CLANG_HOST_DIR);
	push(pl, shard_file(pl, cl, "ld.lld"));
	user_args(pl);
}

/* the host's pkg-config, confined to the target: only the sysroot's .pc
 * directories (PKG_CONFIG_LIBDIR) and the user's staging prefixes
 * (PKG_CONFIG_PATH); --define-prefix relocates each .pc file's ${prefix} to
 * where the file is, which rewrites sysroot paths into the sysroot and
 * leaves a staging prefix's own paths as they are.  PKG_CONFIG_SYSROOT_DIR
 * would prefix the staging paths too, so it is dropped. */
static void plan_pkgconfig(struct planner *pl)
{
	const char *sr = pl->ss.sysroot;
	const char *exe = path_search("pkg-config", pl->c->self);
	const char *ld = pl->t->libdir;

	if (!exe)
		fatal("%s: pkg-config is not installed on this machine (apt-get "
		      "install pkg-config)", pl->request);
	if (!sr)
		fatal("%s: no sysroot for %s (ROOT/%s/%s/sys-root), so there is "
		      "nothing for pkg-config to look in", pl->request, pl->tdir,
		      pl->tdir, pl->tdir);
	push(pl, exe);
	push(pl, "--define-prefix");
	user_args(pl);
	sv_push(&pl->p->env, xconcat("PKG_CONFIG_LIBDIR=", sr, "/usr/lib/pkgconfig:",
	                             sr, "/usr/", ld, "/pkgconfig:", sr,
	                             "/usr/share/pkgconfig", (char *)NULL));
	sv_push(&pl->p->unset, "PKG_CONFIG_SYSROOT_DIR");
}

/* CCMUX_LAUNCHER=ccache|sccache|distcc|icecc|PATH goes in front of a
 * compiler, so that it sees (and caches on) the final argv */
static void add_launcher(struct planner *pl)
{
	const char *l = ccmux_env("CCMUX_LAUNCHER");
	struct strvec *v = &pl->p->argv;
	const char *exe;
	struct stat st;

	if (!l || !*l || !tool_is_compiler(pl->n->tool) ||
	    pl->a.mode == MODE_QUERY || pl->a.mode == MODE_PRINT)
		return;
	exe = strchr(l, '/') ? l : path_search(l, NULL);
	if (!exe || stat(exe, &st) != 0)
		fatal("CCMUX_LAUNCHER=%s: not found (install it, or give its path)", l);
	if (S_ISDIR(st.st_mode))
		fatal("CCMUX_LAUNCHER=%s is a directory; name the launcher program "
		      "itself (ccache, sccache, distcc, icecc)", l);
	if (is_self(exe, pl->c->self))
		fatal("recursive invocation: CCMUX_LAUNCHER=%s is ccmux itself", l);
	sv_push(v, NULL);
	memmove(v->v + 1, v->v, (v->n - 1) * sizeof(*v->v));
	v->v[0] = exe;
	v->v[v->n] = NULL;
}

void plan_make(const struct ctx *c, struct name *n, const char *request,
               int argc, char *const *argv, struct plan *p)
{
	struct planner pl;

	memset(&pl, 0, sizeof(pl));
	memset(p, 0, sizeof(*p));
	pl.c = c;
	pl.n = n;
	pl.request = request;
	pl.t = n->plat.target;
	/* one SDK serves every version of a darwin/freebsd target */
	pl.tdir = target_sdk_only(pl.t) ? pl.t->name : platform_dir(&n->plat);
	pl.argc = argc;
	pl.argv = argv;
	pl.p = p;
	p->request = request;
	p->plat = &n->plat;
	args_classify(argc, argv, &pl.a);
	if (strcmp(n->tool->name, "cpp") == 0 && pl.a.mode != MODE_QUERY)
		pl.a.mode = MODE_PREPROCESS;
	p->mode = pl.a.mode;
	pl.cxx = n->tool->lang == LANG_CXX || (pl.a.langs & L_CXX);
	pl.fortran = n->tool->lang == LANG_FORTRAN || (pl.a.langs & L_FORTRAN);
	check_abi_define(&pl);
	check_abi_objects(&pl);
	shard_scan(c->roots, pl.tdir, n->tool->family == FAM_CLANG ||
	           n->tool->family == FAM_LLD || target_sdk_only(pl.t), &pl.ss);
	pl.sysroot = pl.a.sysroot ? pl.a.sysroot : pl.ss.sysroot;
	p->sysroot = pl.sysroot;
	p->target_sysroot = pl.ss.sysroot;
	switch (n->tool->family) {
	case FAM_GCC: plan_gcc(&pl); p->clean_env = 1; break;
	case FAM_CLANG: plan_clang(&pl); p->clean_env = 1; break;
	case FAM_BINUTILS:
	case FAM_LLD:
		if (target_sdk_only(pl.t))
			plan_llvm_tool(&pl);
		else if (n->tool->family == FAM_LLD)
			plan_lld(&pl);
		else
			plan_binutils(&pl);
		break;
	case FAM_PKGCONFIG: plan_pkgconfig(&pl); break;
	}
	if (pl.a.mode == MODE_LINK)
		p->output = pl.a.output ? pl.a.output : "a.out";
	add_launcher(&pl);
}
