/* plan.c: a choice written out as argv.  The compilers' command is
 *
 *     PROGRAM  [groups before]  USER ARGUMENTS  [groups after]
 *
 * where each flag group of the table below applies to a compiler family,
 * a kind of target and the driver modes it names; the groups after the
 * user's arguments pin search paths, so the user's own -I and -L still
 * come first.  This table is the README's "What gets injected". */
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "driver/plan.h"

/* the kinds of target a group is for */
enum {
	K_GLIBC = 1, K_MUSL = 2, K_WINDOWS = 4, K_DARWIN = 8, K_FREEBSD = 16,
	K_LINUX = K_GLIBC | K_MUSL, K_SDK = K_DARWIN | K_FREEBSD,
	K_ANY = K_LINUX | K_WINDOWS | K_SDK,
};
/* the compiler families */
enum { F_GCC = 1, F_CLANG = 2, F_BOTH = 3 };
/* driver modes, as bits */
#define M(mode) (1u << MODE_##mode)
#define M_BUILD (M(LINK) | M(COMPILE) | M(PREPROCESS) | M(PRINT))
#define M_ALL (M_BUILD | M(QUERY))
#define M_LINKS (M(LINK) | M(PRINT))

/* what a group writes from */
struct out {
	const struct request *rq;
	const struct choice *ch;
	struct strvec *v;
};

static void push(struct out *o, const char *s)
{
	sv_push(o->v, s);
}

static void push2(struct out *o, const char *a, const char *b)
{
	push(o, a);
	push(o, b);
}

/* SHARD/lib/gcc/TDIR/VERSION: GCC's own files */
static const char *gcc_libdir(const struct out *o)
{
	const struct shard *g = o->ch->gcc;

	return xconcat(g->dir, "/lib/gcc/", o->ch->tdir, "/", g->verstr, (char *)NULL);
}

/* SHARD/TDIR/LIBDIR: the GCC runtime (libstdc++, libgcc_s, libgfortran) */
static const char *gcc_runtime(const struct out *o)
{
	return xconcat(o->ch->gcc->dir, "/", o->ch->tdir, "/", o->ch->t->libdir,
	               (char *)NULL);
}

/* what the target's CPU needs beyond the compiler's default (ARMv6 from
 * Debian's ARMv7 GCC), before the user's arguments: a later -march= of
 * theirs (which choice.c checked runs there) wins; a -mcpu= of theirs
 * replaces our -march= (GCC would warn of the two and follow -march=) */
static void cpu_flags(struct out *o)
{
	char *copy = xstrdup(o->ch->t->cflags), *w, *save = NULL;

	for (w = strtok_r(copy, " ", &save); w; w = strtok_r(NULL, " ", &save))
		if (!(o->rq->a.arm.mcpu && startswith(w, "-march=")))
			push(o, w);
}

static void clang_target(struct out *o)
{
	const struct target *t = o->ch->t;

	push(o, xconcat("--target=", t->clang_triple,
	                target_sdk_only(t) ? o->ch->osver : "", (char *)NULL));
}

static void abi_define(struct out *o)
{
	enum cxxabi abi = o->rq->n->plat.cxxabi;

	if (abi != CXXABI_ANY)
		push(o, abi == CXXABI_03 ? "-D_GLIBCXX_USE_CXX11_ABI=0"
		                         : "-D_GLIBCXX_USE_CXX11_ABI=1");
}

/* what BinaryBuilder adds for Windows: a Windows version floor (7) */
static void windows_version(struct out *o)
{
	if (!o->rq->a.defines_winver) {
		push(o, "-DWINVER=0x0601");
		push(o, "-D_WIN32_WINNT=0x0601");
	}
}

static void sysroot_flag(struct out *o)
{
	if (o->ch->target_sysroot && !o->rq->a.sysroot)
		push(o, xconcat("--sysroot=", o->ch->target_sysroot, (char *)NULL));
}

/* musl through a glibc GCC: a link takes the specs file in the sysroot
 * (crt files, libc, dynamic linker); a compile takes no -specs, so that
 * distcc, which compiles nothing remotely with -specs, still distributes */
static void musl_specs(struct out *o)
{
	if (o->ch->sysroot)
		push(o, xconcat("-specs=", o->ch->sysroot, "/usr/lib/ccmux.specs",
		                (char *)NULL));
}

static void gcc_install_dir(struct out *o)
{
	push(o, xconcat("--gcc-install-dir=", gcc_libdir(o), (char *)NULL));
}

static void clang_stdlib(struct out *o)
{
	if (o->rq->cxx)
		push(o, "-stdlib=libstdc++");
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

/* the SDK is the sysroot: -isysroot and a deployment target for macOS */
static void sdk_sysroot(struct out *o)
{
	const struct choice *ch = o->ch;

	if (ch->t->os == OS_DARWIN) {
		if (!o->rq->a.sysroot)
			push2(o, "-isysroot", ch->sysroot);
		push(o, xconcat("-mmacosx-version-min=", macos_min(ch->osver),
		                (char *)NULL));
	} else if (!o->rq->a.sysroot) {
		push(o, xconcat("--sysroot=", ch->sysroot, (char *)NULL));
	}
}

/* the shard's C++ headers: SHARD/TDIR/include/c++/VERSION, its TDIR and
 * backward directories */
static void cxx_headers(struct out *o)
{
	const struct shard *g = o->ch->gcc;
	char *cxx = xconcat(g->dir, "/", o->ch->tdir, "/include/c++/", g->verstr,
	                    (char *)NULL);

	push2(o, "-isystem", cxx);
	push2(o, "-isystem", xconcat(cxx, "/", o->ch->tdir, (char *)NULL));
	push2(o, "-isystem", xconcat(cxx, "/backward", (char *)NULL));
}

/* clang for Windows: the chosen mingw GCC's C++ headers */
static void mingw_cxx_headers(struct out *o)
{
	if (o->rq->cxx && !o->rq->a.nostdincxx) {
		push(o, "-nostdinc++");
		cxx_headers(o);
	}
}

/* musl: the shard's musl-built C++ headers before the musl headers
 * (<cstdlib> and <cmath> use #include_next), then GCC's own */
static void musl_includes(struct out *o)
{
	if (!o->ch->sysroot || !o->rq->c_family || o->rq->a.nostdinc)
		return;
	push(o, "-nostdinc");
	if (o->rq->cxx && !o->rq->a.nostdincxx)
		cxx_headers(o);
	push2(o, "-isystem", xconcat(o->ch->sysroot, "/usr/include", (char *)NULL));
	push2(o, "-isystem", xconcat(gcc_libdir(o), "/include", (char *)NULL));
}

static void fortran_modules(struct out *o)
{
	if (o->ch->sysroot && o->rq->fortran)
		push2(o, "-fintrinsic-modules-path",
		      xconcat(gcc_libdir(o), "/finclude", (char *)NULL));
}

/* musl: the shard's musl runtime (libgcc, crt files, libstdc++) found
 * before Debian's glibc-built one, and --eh-frame-hdr, which the specs
 * file's link line leaves out and C++ exceptions need */
static void musl_runtime(struct out *o)
{
	const char *rt = gcc_runtime(o);

	if (!o->ch->sysroot)
		return;
	push(o, xconcat("-B", rt, "/", (char *)NULL));
	push(o, xconcat("-L", rt, (char *)NULL));
	push(o, xconcat("-Wl,-rpath-link,", rt, (char *)NULL));
	push(o, "-Wl,--eh-frame-hdr");
}

/* Debian's GCC searches its own tooldir headers before the sysroot's:
 * pin them to GCC's own and the sysroot's */
static void include_pins(struct out *o)
{
	const char *sr = o->ch->sysroot, *lib;

	if (!sr || !o->rq->c_family || o->rq->a.nostdinc)
		return;
	lib = gcc_libdir(o);
	push(o, "-nostdinc");
	if (o->rq->cxx && !o->rq->a.nostdincxx)
		cxx_headers(o);
	push2(o, "-isystem", xconcat(lib, "/include", (char *)NULL));
	push2(o, "-isystem", xconcat(lib, "/include-fixed", (char *)NULL));
	if (o->ch->multiarch)
		push2(o, "-isystem", xconcat(sr, "/usr/include/", o->ch->t->multiarch,
		                             (char *)NULL));
	push2(o, "-isystem", xconcat(sr, "/usr/include", (char *)NULL));
}

/* crt files and libc from the sysroot, the GCC runtime from the shard */
static void link_pins(struct out *o)
{
	const char *sr = o->ch->sysroot, *ld = o->ch->t->libdir, *rt;
	char *usr, *top;

	if (!sr)
		return;
	rt = gcc_runtime(o);
	/* a target with its own code generation links the shard runtime's
	 * libgcc and crtbegin/crtend, not the compiler's */
	if (*o->ch->t->cflags)
		push(o, xconcat("-B", rt, "/", (char *)NULL));
	usr = xconcat(sr, "/usr/", ld, (char *)NULL);
	top = xconcat(sr, "/", ld, (char *)NULL);
	if (o->ch->multiarch) {
		usr = xconcat(sr, "/usr/lib/", o->ch->t->multiarch, (char *)NULL);
		top = xconcat(sr, "/lib/", o->ch->t->multiarch, (char *)NULL);
	}
	push(o, xconcat("-B", usr, "/", (char *)NULL));
	push(o, xconcat("-L", usr, (char *)NULL));
	push(o, xconcat("-L", top, (char *)NULL));
	push(o, xconcat("-L", rt, (char *)NULL));
	push(o, xconcat("-Wl,-rpath-link,", top, ":", usr, ":", rt, (char *)NULL));
}

/* clang links with lld and the chosen GCC's libgcc and runtime */
static void clang_runtime(struct out *o)
{
	const char *rt = gcc_runtime(o);

	push(o, xconcat("-L", rt, (char *)NULL));
	push(o, xconcat("-Wl,-rpath-link,", rt, (char *)NULL));
	push(o, "-fuse-ld=lld");
	push(o, "-rtlib=libgcc");
	push(o, "-unwindlib=libgcc");
}

/* clang for Windows: the mingw GCC's libgcc; the posix-threads libstdc++
 * needs winpthread, which mingw GCC's specs add and clang does not */
static void mingw_runtime(struct out *o)
{
	push(o, xconcat("-L", gcc_libdir(o), (char *)NULL));
	if (o->rq->cxx)
		push(o, "-lpthread");
	push(o, "-fuse-ld=lld");
}

/* the newer libgcc's helpers an older GCC's libgcc lacks */
static void libgcc_newer(struct out *o)
{
	if (o->ch->libgcc_newer)
		push(o, o->ch->libgcc_newer);
}

static void lld(struct out *o)
{
	push(o, "-fuse-ld=lld");
}

static void build_id(struct out *o)
{
	push(o, "-Wl,--build-id");
}

/* reproducible PE files */
static void no_timestamp(struct out *o)
{
	push(o, "-Wl,--no-insert-timestamp");
}

/* the GCC runtime linked in, where the choice made it so */
static void static_runtime(struct out *o)
{
	if (o->ch->pthread)
		push(o, "-pthread");
	if (o->ch->static_cxx)
		push(o, "-static-libstdc++");
	if (o->ch->static_fortran) {
		push(o, "-static-libgfortran");
		/* gfortran's specs keep libquadmath shared: name both archives
		 * here, before the driver's own libraries */
		if (gcc_has_quadmath(o->ch->t))
			push(o, "-Wl,-Bstatic,-lgfortran,-lquadmath,-Bdynamic");
	}
	/* libgcc_s stays shared: one unwinder for every module of a process
	 * (each module's own would read the others' state as empty), and every
	 * floor system has a libgcc_s.so.1; a shared object does not export
	 * the runtime it carries, so no other module binds to it */
	if (o->ch->static_cxx || o->ch->static_fortran)
		push(o, "-Wl,--exclude-libs,libstdc++.a:libsupc++.a:libgfortran.a:"
		        "libquadmath.a");
}

static void static_flag(struct out *o)
{
	if (o->ch->static_link)
		push(o, "-static");
}

static const struct group {
	unsigned fam, kinds, modes;
	int after;                  /* 1: after the user's arguments */
	void (*emit)(struct out *);
	const char *what;           /* what it adds, for the reader */
} groups[] = {
	{F_GCC, K_LINUX, M_BUILD, 0, cpu_flags, "the target's CPU level (ARMv6: -marm -march=armv6kz+fp -mfpu=vfp -mfloat-abi=hard)"},
	{F_CLANG, K_ANY, M_ALL, 0, clang_target, "--target= (version queries too)"},
	{F_GCC, K_ANY, M_BUILD, 0, abi_define, "-D_GLIBCXX_USE_CXX11_ABI=0|1 for cxx03/cxx11 names"},
	{F_GCC, K_WINDOWS, M_BUILD, 0, windows_version, "-DWINVER=0x0601 -D_WIN32_WINNT=0x0601 unless the user sets one"},
	{F_GCC, K_LINUX, M_BUILD, 0, sysroot_flag, "--sysroot= the target's, unless the user gives one"},
	{F_CLANG, K_LINUX | K_WINDOWS, M_BUILD, 0, sysroot_flag, "--sysroot= the target's, unless the user gives one"},
	{F_GCC, K_MUSL, M_LINKS, 0, musl_specs, "-specs= the sysroot's link-only specs (crt files, libc, loader)"},
	{F_CLANG, K_LINUX, M_BUILD, 0, gcc_install_dir, "--gcc-install-dir= of the chosen GCC"},
	{F_CLANG, K_LINUX, M_BUILD, 0, clang_stdlib, "-stdlib=libstdc++ for C++"},
	{F_CLANG, K_SDK, M_BUILD, 0, sdk_sysroot, "-isysroot SDK -mmacosx-version-min=, or --sysroot=SDK"},
	{F_CLANG, K_WINDOWS, M_BUILD, 0, windows_version, "-DWINVER=0x0601 -D_WIN32_WINNT=0x0601 unless the user sets one"},
	{F_CLANG, K_ANY, M_BUILD, 0, abi_define, "-D_GLIBCXX_USE_CXX11_ABI=0|1 for cxx03/cxx11 names"},
	{F_CLANG, K_WINDOWS, M_BUILD, 0, mingw_cxx_headers, "-nostdinc++ and the mingw GCC's C++ headers"},
	{F_GCC, K_MUSL, M_BUILD, 1, musl_includes, "-nostdinc, the musl-built C++ headers, musl's, GCC's own"},
	{F_GCC, K_MUSL, M_BUILD, 1, fortran_modules, "-fintrinsic-modules-path of the musl runtime"},
	{F_GCC, K_MUSL, M(LINK), 1, musl_runtime, "-B/-L/-rpath-link of the musl runtime, --eh-frame-hdr"},
	{F_GCC, K_GLIBC, M_BUILD, 1, include_pins, "-nostdinc, GCC's own and the sysroot's include dirs"},
	{F_GCC, K_GLIBC, M_LINKS, 1, link_pins, "-B/-L/-rpath-link of the sysroot's libc and the GCC runtime"},
	{F_CLANG, K_LINUX, M(LINK), 1, clang_runtime, "-L/-rpath-link of the GCC runtime, lld, libgcc"},
	{F_CLANG, K_WINDOWS, M(LINK), 1, mingw_runtime, "-L of the GCC's libgcc, -lpthread for C++, lld"},
	{F_BOTH, K_LINUX, M(LINK), 1, libgcc_newer, "SHARD/libgcc-newer.a of an older GCC: a newer libgcc's helpers (outline atomics) its own lacks"},
	{F_CLANG, K_SDK, M(LINK), 1, lld, "-fuse-ld=lld"},
	{F_BOTH, K_LINUX | K_FREEBSD, M(LINK), 1, build_id, "-Wl,--build-id"},
	{F_BOTH, K_WINDOWS, M(LINK), 1, no_timestamp, "-Wl,--no-insert-timestamp"},
	{F_BOTH, K_LINUX, M(LINK), 1, static_runtime, "-pthread for C++ below glibc 2.34; -static-libstdc++, -static-libgfortran where the floor's system has an older runtime"},
	{F_BOTH, K_LINUX | K_WINDOWS, M(LINK), 1, static_flag, "-static where the choice made it static"},
};

static unsigned kind_of(const struct target *t)
{
	switch (t->os) {
	case OS_WINDOWS: return K_WINDOWS;
	case OS_DARWIN: return K_DARWIN;
	case OS_FREEBSD: return K_FREEBSD;
	default: return t->libc == LIBC_MUSL ? K_MUSL : K_GLIBC;
	}
}

/* the groups on one side of the user's arguments */
static void emit_groups(struct out *o, int after)
{
	unsigned fam = o->rq->n->tool->family == FAM_CLANG ? F_CLANG : F_GCC;
	unsigned kind = kind_of(o->ch->t), mode = 1u << o->ch->mode;
	unsigned i;

	for (i = 0; i < sizeof(groups) / sizeof(groups[0]); i++) {
		const struct group *g = &groups[i];

		if (g->after == after && (g->fam & fam) && (g->kinds & kind) &&
		    (g->modes & mode))
			g->emit(o);
	}
}

/* the host's pkg-config, confined to the target: only the sysroot's .pc
 * directories (PKG_CONFIG_LIBDIR) and the user's staging prefixes
 * (PKG_CONFIG_PATH); --define-prefix relocates each .pc file's ${prefix} to
 * where the file is, which rewrites sysroot paths into the sysroot and
 * leaves a staging prefix's own paths as they are.  PKG_CONFIG_SYSROOT_DIR
 * would prefix the staging paths too, so it is dropped. */
static void pkgconfig(const struct request *rq, const struct choice *ch,
                      struct plan *p)
{
	const char *sr = ch->target_sysroot, *ld = ch->t->libdir;

	sv_push(&p->argv, "--define-prefix");
	sv_pushn(&p->argv, rq->argv, (size_t)rq->argc);
	sv_push(&p->env, xconcat("PKG_CONFIG_LIBDIR=", sr, "/usr/lib/pkgconfig:",
	                         sr, "/usr/", ld, "/pkgconfig:", sr,
	                         "/usr/share/pkgconfig", (char *)NULL));
	sv_push(&p->unset, "PKG_CONFIG_SYSROOT_DIR");
}

void plan_make(const struct request *rq, const struct choice *ch, struct plan *p)
{
	struct out o = {rq, ch, &p->argv};
	enum family fam = rq->n->tool->family;

	memset(p, 0, sizeof(*p));
	p->request = rq->name;
	p->mode = ch->mode;
	p->ch = ch;
	if (ch->launcher)
		sv_push(&p->argv, ch->launcher);
	sv_push(&p->argv, ch->program);
	if (fam == FAM_PKGCONFIG) {
		pkgconfig(rq, ch, p);
		return;
	}
	if (fam == FAM_GCC || fam == FAM_CLANG) {
		p->clean_env = 1;
		emit_groups(&o, 0);
	}
	sv_pushn(&p->argv, rq->argv, (size_t)rq->argc);
	if (fam == FAM_GCC || fam == FAM_CLANG)
		emit_groups(&o, 1);
	if (ch->mode == MODE_LINK)
		p->output = rq->a.output ? rq->a.output : "a.out";
}

void plan_print(const struct plan *p, int fd)
{
	struct buf b = {0};
	size_t i;

	for (i = 0; i < p->env.n; i++) {
		buf_quote(&b, p->env.v[i]);
		buf_puts(&b, " ");
	}
	buf_argv(&b, p->argv.v);
	buf_puts(&b, "\n");
	write_all(fd, b.s, b.n);
}
