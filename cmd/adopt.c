/* adopt.c: `ccmux adopt` makes shards of toolchains the user already has
 * (crosstool-NG x-tools trees, musl-cross-make OUTPUT trees, BinaryBuilder
 * GCC and binutils shards, Debian's packaged GCCs with DIR=/usr, an LLVM
 * tree), and `ccmux adopt --runtime` lays a separately built GCC runtime
 * over a GCC shard.  Not on any compiler call's path.
 *
 * Inspection reads DIR's files and runs nothing but the toolchain's own
 * -dumpmachine, -dumpfullversion, -dumpversion, -print-sysroot and --version
 * (fork and exec, no shell, never ccmux itself).  A shard is the seeds'
 * layout made of links into DIR, which stays where it is; the directories
 * GCC and clang walk with ".." (the shard, lib/gcc/TDIR/VER, the C++ header
 * directories) and a sysroot's library directories are real directories of
 * links, so that ".." stays inside the shard and a sysroot shows no GCC
 * runtime.  A shard is filled under a dot-name beside its place and renamed
 * into it: ccmux never sees a half-made one (the next adoption removes the
 * leftover).  SHARD/origin says where a shard came from. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/path.h"
#include "base/util.h"
#include "base/version.h"
#include "cmd/cmd.h"
#include "compat/elfread.h"
#include "compat/shard.h"
#include "compat/sysroot.h"

struct opts {
	const char *dir, *target, *root, *suffix, *origin, *runtime, *gccver;
	int dry;
	int sysroot;            /* 1 --sysroot, 0 --no-sysroot, -1 if none yet */
};

/* what inspection found; paths are absolute */
struct found {
	const struct ctx *c;
	const struct opts *o;
	const char *dir, *kind;
	const char *bin, *fpx;  /* the drivers: BIN/FPX{gcc,g++,...}SFX */
	const char *sfx, *driver;
	const char *trip;       /* the triplet they are named for */
	const char *machine;    /* the GCC's -dumpmachine */
	struct platform plat;
	const char *tdir;
	const char *ver, *vdir, *major; /* 12.2.0; its lib/gcc dir's name; 12 */
	const char *gcclib, *cxx, *cxxt, *rtdir, *rtglibc;
	const char *tools[4];   /* gcc g++ gfortran cpp, NULL where absent */
	const char *sysroot, *libc;
	int flat;               /* the sysroot is TRIPLET/{include,lib} */
	int c_only;             /* its runtime is another libc's */
	const char *bu_bin, *bu_pfx, *bu_ver;
	const char *origin;     /* first line of SHARD/origin */
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const char *const gcc_tools[] = {"gcc", "g++", "gfortran", "cpp"};

/* what a clang shard links: the LLVM tools serve as binutils for the
 * clang-only targets */
static const char *const clang_tools[] = {
	"clang", "clang++", "ld.lld", "ld64.lld", "llvm-addr2line", "llvm-ar",
	"llvm-cxxfilt", "llvm-nm", "llvm-objcopy", "llvm-objdump", "llvm-ranlib",
	"llvm-readelf", "llvm-size", "llvm-strings", "llvm-strip", NULL,
};

/* the GCC runtime: a shard's runtime directory is made of these, and a
 * sysroot adopted from a toolchain must not show them (crosstool-NG copies
 * its own into its sysroot, where they would be found before the chosen
 * GCC's) */
static const char *const runtime_libs[] = {
	"libstdc++", "libsupc++", "libgcc_s", "libgfortran", "libquadmath",
	"libatomic", "libgomp", "libitm", "libssp", "libasan", "libtsan",
	"liblsan", "libubsan", "libhwasan", "libobjc", "libgphobos",
	"libgdruntime", "libgo.", "libgcc.", "libgcc_eh.", "libgcov.",
};

static int is_runtime(const char *name)
{
	unsigned i;

	for (i = 0; i < N(runtime_libs); i++)
		if (startswith(name, runtime_libs[i]))
			return 1;
	return 0;
}

static int is_dotdir(const char *n)
{
	return n[0] == '.' && (!n[1] || (n[1] == '.' && !n[2]));
}

static int exists(const char *p)
{
	struct stat st;

	return lstat(p, &st) == 0;
}

static char *cat(const char *a, const char *b)
{
	return xconcat(a, "/", b, (char *)NULL);
}

/* the names in dir but . and .., NULL-terminated (none if unreadable); one
 * getdents64 loop, as shard.c reads a root */
static const char **names(const char *dir)
{
	static const char *none[1];
	char buf[4096] __attribute__((aligned(8)));
	struct strvec sv = {0};
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	long n, off;

	while (fd >= 0 && (n = syscall(SYS_getdents64, fd, buf, sizeof(buf))) > 0)
		for (off = 0; off < n; off += ((struct dirent64 *)(buf + off))->d_reclen)
			if (!is_dotdir(((struct dirent64 *)(buf + off))->d_name))
				sv_push(&sv, xstrdup(((struct dirent64 *)(buf + off))->d_name));
	if (fd >= 0)
		close(fd);
	return sv.v ? sv.v : none;
}

/* the first name in dir that ok accepts, or NULL */
static const char *entry(const char *dir, int (*ok)(const char *name))
{
	const char **n;

	for (n = names(dir); *n; n++)
		if (ok(*n))
			return *n;
	return NULL;
}

/* path absolute, with its links resolved, or NULL if it does not exist */
static const char *canon(const char *path)
{
	char buf[PATH_MAX];
	int fd = open(path, O_PATH | O_CLOEXEC);
	ssize_t n = fd < 0 ? -1 : readlink(xprintf("/proc/self/fd/%d", fd), buf,
	                                   sizeof(buf));

	if (fd >= 0)
		close(fd);
	return n > 0 ? xstrndup(buf, (size_t)n) : NULL;
}

/* ---- running the toolchain ------------------------------------------- */

/* the first line prog prints for arg, or NULL when it fails */
static char *ask(const char *prog, const char *arg)
{
	char *argv[] = {(char *)prog, (char *)arg, NULL};
	char buf[512], junk[512];
	size_t n = 0;
	int p[2], st;
	pid_t pid;

	if (pipe(p) != 0 || (pid = fork()) < 0)
		fatal("adopt: cannot run %s:", prog);
	if (pid == 0) {
		int null = open("/dev/null", O_RDWR);

		dup2(null, 0);
		dup2(p[1], 1);
		dup2(null, 2);
		execv(prog, argv);
		_exit(127);
	}
	close(p[1]);
	for (;;) {   /* all of it, so that the child never blocks on the pipe */
		int full = n == sizeof(buf) - 1;
		ssize_t r = read(p[0], full ? junk : buf + n,
		                 full ? sizeof(junk) : sizeof(buf) - 1 - n);

		if (r == 0 || (r < 0 && errno != EINTR))
			break;
		if (r > 0 && !full)
			n += (size_t)r;
	}
	close(p[0]);
	while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
		return NULL;
	buf[n] = '\0';
	return xstrndup(buf, strcspn(buf, "\n"));
}

/* s when it is a version of at least min parts, else NULL */
static const char *version_of(const char *s, int min)
{
	struct version v;

	return s && version_parse(s, &v) == 0 && v.parts >= min ? s : NULL;
}

/* the last word of a --version line that is a version of at least min
 * parts: "12.2.0" of "gcc-12 (Debian 12.2.0-14) 12.2.0", "16.0.6" of
 * "Debian clang version 16.0.6 (15)", "2.40" of "GNU ld (...) 2.40" */
static const char *last_version(const char *line, int min)
{
	const char *best = NULL;

	while (line && *line) {
		size_t n = strcspn(line, " ");
		char *w = xstrndup(line, n);

		if (version_of(w, min))
			best = w;
		line += n + (line[n] == ' ');
	}
	return best;
}

/* ---- where things are ------------------------------------------------- */

/* value i of a placeholder in the search tables: D is DIR, T the triplet
 * the drivers are named for and the GCC's -dumpmachine, V its version, its
 * lib/gcc directory's name and its major, L that directory, C the C++
 * headers, B the target's library directory (lib64) */
static const char *var(const struct found *f, char c, int i)
{
	const char *v[3] = {NULL, NULL, NULL};

	switch (c) {
	case 'D': v[0] = f->dir; break;
	case 'T': v[0] = f->trip; v[1] = f->machine; break;
	case 'V': v[0] = f->ver; v[1] = f->vdir; v[2] = f->major; break;
	case 'L': v[0] = f->gcclib; break;
	case 'C': v[0] = f->cxx; break;
	case 'B': v[0] = f->plat.target->libdir; break;
	}
	return v[i];
}

/* the first expansion of template tpl (after pre, the part done) that ok
 * accepts, or NULL */
static const char *expand(const struct found *f, const char *tpl, const char *pre,
                          int (*ok)(const char *))
{
	size_t n = strcspn(tpl, "/");
	const char *rest = tpl + n, *v, *path, *r;
	int i;

	for (i = 0; i < 3; i++) {
		v = n == 1 && *tpl >= 'A' && *tpl <= 'Z' ? var(f, *tpl, i)
		  : i == 0 ? xstrndup(tpl, n) : NULL;
		if (!v)
			continue;
		path = xconcat(pre, v, (char *)NULL);
		r = !*rest ? (ok(path) ? path : NULL)
		           : expand(f, rest + 1, xconcat(path, "/", (char *)NULL), ok);
		if (r)
			return r;
	}
	return NULL;
}

/* the first path of a NULL-terminated table of templates that ok accepts */
static const char *find(const struct found *f, const char *const *tpl,
                        int (*ok)(const char *))
{
	const char *r = NULL;

	for (; *tpl && !r; tpl++)
		r = expand(f, *tpl, "", ok);
	return r;
}

static const char *const gcclib_at[] = {"D/lib/gcc/T/V", "D/lib/gcc-cross/T/V",
	"D/lib64/gcc/T/V", NULL};
/* the compiler's private directory first: for Debian's mingw-w64 GCC,
 * D/include/c++/V is the host compiler's headers */
static const char *const cxx_at[] = {"L/include/c++", "D/T/include/c++/V",
	"D/include/c++/V", NULL};
static const char *const cxxt_at[] = {"C/T", "D/include/T/c++/V", NULL};
static const char *const runtime_at[] = {"D/T/B", "D/T/lib64", "D/T/lib",
	"D/lib/T", "D/lib64", "D/lib", NULL};
static const char *const sysroot_at[] = {"D/T/sys-root", "D/T/sysroot", NULL};
static const char *const flat_at[] = {"D/T", NULL};

static int has_include(const char *p) { return dir_exists(cat(p, "include")); }
static int has_iostream(const char *p) { return file_exists(cat(p, "iostream")); }
static int has_config(const char *p) { return file_exists(cat(p, "bits/c++config.h")); }
static int has_usr(const char *p) { return dir_exists(cat(p, "usr")); }

/* musl-cross-make's sysroot: TRIPLET/include, TRIPLET/lib */
static int is_flat(const char *p)
{
	return file_exists(cat(p, "include/stdio.h")) && dir_exists(cat(p, "lib"));
}

static int is_core_runtime(const char *n)
{
	return startswith(n, "libstdc++") || startswith(n, "libgcc_s");
}

static int has_runtime(const char *p)
{
	return entry(p, is_core_runtime) != NULL;
}

/* ---- facts ----------------------------------------------------------- */

static int is_versioned_runtime(const char *n)
{
	return startswith(n, "libstdc++.so") || startswith(n, "libgfortran.so") ||
	       startswith(n, "libgcc_s.so");
}

/* the highest GLIBC_ version libstdc++, libgfortran and libgcc_s in dir
 * need (what install.sh's runtime marker read), or NULL; *glibc (may be
 * NULL) set when libstdc++ or libgcc_s needs libc.so.6, not musl's libc.so */
static const char *runtime_glibc(const char *dir, int *glibc)
{
	const char **n, *v, *best = NULL;
	struct elf_info e;
	char err[128];
	size_t k;

	for (n = names(dir); *n; n++) {
		if (!is_versioned_runtime(*n) ||
		    elf_read(cat(dir, *n), &e, err, sizeof(err)) != RD_OK)
			continue;
		if ((v = elf_max_version(&e, "GLIBC_")) &&
		    (!best || version_strcmp(v, best) > 0))
			best = v;
		for (k = 0; glibc && k < e.nneeded; k++)
			*glibc |= strcmp(e.needed[k], "libc.so.6") == 0;
	}
	return best;
}

/* the number after "#define NAME " in text, or -1 */
static int define(const char *text, const char *name)
{
	const char *p = strstr(text, xconcat("#define ", name, " ", (char *)NULL));

	return p ? atoi(p + strlen(name) + 9) : -1;
}

/* X.Y.Z from GCC's plugin/include/bversion.h (Debian's mingw-w64 GCC calls
 * itself "12-posix" everywhere else) */
static const char *bversion(const char *gcclib)
{
	char *t = read_file(cat(gcclib, "plugin/include/bversion.h"), 1 << 16, NULL, NULL);

	if (!t || define(t, "BUILDING_GCC_PATCHLEVEL") < 0)
		return NULL;
	return xprintf("%d.%d.%d", define(t, "BUILDING_GCC_MAJOR"),
	               define(t, "BUILDING_GCC_MINOR"), define(t, "BUILDING_GCC_PATCHLEVEL"));
}

static int is_libc_file(const char *n)
{
	return (startswith(n, "libc-") && strstr(n, ".so")) ||
	       !strcmp(n, "libc.so.6") || startswith(n, "ld-musl-");
}

/* the libc of a sysroot: "glibc 2.17" (features.h, or a libc-2.17.so),
 * "glibc", "musl", or "no known libc" */
static const char *libc_of(const char *sr, int flat)
{
	static const char *const libdirs[] = {"lib", "lib64", "usr/lib64"};
	struct version v;
	const char *n;
	char b[32];
	unsigned i;

	if (!flat && sysroot_glibc(sr, &v) == 0) {
		version_format(&v, b, sizeof(b));
		return xconcat("glibc ", b, (char *)NULL);
	}
	for (i = 0; i < (flat ? 1u : N(libdirs)); i++)
		if ((n = entry(cat(sr, libdirs[i]), is_libc_file)))
			return startswith(n, "libc-") ? xconcat("glibc ", xstrndup(n + 5,
			       (size_t)(strstr(n, ".so") - n - 5)), (char *)NULL)
			     : startswith(n, "ld-musl-") ? "musl" : "glibc";
	return flat && file_exists(cat(sr, "lib/libc.so")) ? "musl" : "no known libc";
}

/* ---- choosing the driver ----------------------------------------------- */

/* the file prefixes ("x86_64-linux-gnu-") of the programs bin/PREFIX TOOL
 * SFX, ccmux's own names left out; "" for a bare TOOL SFX when none has one */
static struct strvec named(const char *bin, const char *tool, const char *sfx,
                           const char *self)
{
	struct strvec sv = {0};
	const char *end = xconcat("-", tool, sfx, (char *)NULL), **n;
	size_t m = strlen(end), len;
	int bare = 0;

	for (n = names(bin); *n; n++) {
		const char *p;

		len = strlen(*n);
		if (strcmp(*n, end + 1) != 0 && (len <= m || !endswith(*n, end)))
			continue;
		p = cat(bin, *n);
		if (access(p, X_OK) != 0 || path_kind(p) != PATH_FILE || is_self(p, self))
			continue;
		if (len == m - 1)
			bare = 1;
		else
			sv_push(&sv, xstrndup(*n, len - m + 1));
	}
	if (!sv.n && bare)
		sv_push(&sv, "");
	return sv;
}

static int same_machine(const struct target *a, const struct target *b)
{
	return a->machine == b->machine && a->elf_class == b->elf_class &&
	       a->os == b->os;
}

/* how well the triplet s fits the target: 2 it is the target, 1 the same
 * machine and OS (a glibc GCC to drive musl, an armv6-rpi-linux vendor ccmux
 * does not know), 0 not at all */
static int fit(const char *s, const struct target *t)
{
	struct platform p;

	if (parse_triplet(s, &p) == NULL)
		return p.target == t ? 2 : same_machine(p.target, t);
	if (parse_triplet(xconcat(xstrndup(s, strcspn(s, "-")), "-linux",
	                          (char *)NULL), &p) != NULL)
		return 0;
	return same_machine(p.target, t);
}

/* the triplet a prefix names; a bare driver's from its -dumpmachine */
static const char *triplet_of(const struct found *f, const char *fpx,
                              const char *tool)
{
	if (*fpx)
		return xstrndup(fpx, strlen(fpx) - 1);
	return ask(xconcat(f->bin, "/", tool, f->sfx, (char *)NULL), "-dumpmachine");
}

/* pick the driver BIN/FPX TOOL SFX: the one that fits the wanted target
 * best, or without one the only one named for a target ccmux knows */
static void pick(struct found *f, const struct strvec *sv, const char *tool)
{
	const char *best = NULL, *t = f->o->target, *why;
	struct platform p;
	struct buf b = {0};
	int score = 0, ties = 0, s;
	size_t i;

	for (i = 0; i < sv->n; i++) {
		const char *trip = triplet_of(f, sv->v[i], tool);

		buf_puts(&b, xconcat(i ? ", " : "", sv->v[i], tool, f->sfx, (char *)NULL));
		s = !trip ? 0 : t ? fit(trip, f->plat.target) : !parse_triplet(trip, &p);
		if (s > score)
			score = s, ties = 0, best = sv->v[i];
		ties += s && s == score;
	}
	if (!best || ties > 1)
		fatal("adopt: %s: %s %s%s for %s (found: %s)", f->bin,
		      best ? "more than one" : "no", tool, f->sfx,
		      t ? t : "a target ccmux knows; give --target", b.s);
	f->fpx = best;
	f->trip = triplet_of(f, best, tool);
	f->driver = xconcat(f->bin, "/", best, tool, f->sfx, (char *)NULL);
	if (!t && (why = parse_triplet(f->trip, &f->plat)))
		fatal("adopt: %s: %s; give --target", f->driver, why);
}

/* ---- inspecting a GCC ---------------------------------------------------- */

/* the GCC's version: the first X.Y.Z its queries or files give */
static void gcc_version(struct found *f)
{
	const char *full = ask(f->driver, "-dumpfullversion");
	const char *dv = ask(f->driver, "-dumpversion");

	f->ver = version_of(full, 3) ? full : version_of(dv, 3) ? dv
	       : last_version(ask(f->driver, "--version"), 3);
	f->vdir = dv ? dv : full ? full : "";
	f->major = xstrndup(f->vdir, strspn(f->vdir, "0123456789"));
	if (!(f->gcclib = find(f, gcclib_at, has_include)))
		fatal("adopt: %s: no lib/gcc/%s/%s in %s", f->driver, f->machine,
		      f->vdir, f->dir);
	f->vdir = basename_of(f->gcclib);
	if (!f->ver && !(f->ver = bversion(f->gcclib)))
		f->ver = f->o->gccver;
	if (!version_of(f->ver, 3))
		fatal("adopt: %s: cannot tell GCC %s's full version; give "
		      "--gcc-version X.Y.Z", f->driver, f->vdir);
}

/* its sysroot: what -print-sysroot names, else a sys-root or sysroot
 * beside its tools, else musl-cross-make's TRIPLET/{include,lib} */
static void gcc_sysroot(struct found *f)
{
	const char *s = ask(f->driver, "-print-sysroot");

	if (s && *s && strcmp(s, "/") != 0 && (s = canon(s)))
		f->sysroot = has_usr(s) ? s : NULL, f->flat = !f->sysroot && is_flat(s);
	if (f->flat)
		f->sysroot = s;
	if (!f->sysroot && !(f->sysroot = find(f, sysroot_at, has_usr)))
		f->flat = (f->sysroot = find(f, flat_at, is_flat)) != NULL;
	if (f->sysroot)
		f->libc = libc_of(f->sysroot, f->flat);
}

static const char *gcc_kind(const struct found *f, int debian)
{
	const char *sr = f->sysroot ? f->sysroot : "";

	return debian ? "Debian"
	     : file_exists(xconcat(f->bin, "/", f->fpx, "ct-ng.config", (char *)NULL)) ||
	       endswith(sr, "/sysroot") ? "crosstool-NG"
	     : f->flat ? "musl-cross-make"
	     : endswith(sr, "/sys-root") ? "BinaryBuilder" : "GCC";
}

/* binutils beside the drivers (BIN/FPX-ld), or in the tooldir (T/bin/ld) */
static void gcc_binutils(struct found *f)
{
	const char *ld = xconcat(f->bin, "/", f->fpx, "ld", (char *)NULL);

	f->bu_bin = f->bin, f->bu_pfx = f->fpx;
	if (!file_exists(ld) && *f->fpx) {
		f->bu_bin = xconcat(f->dir, "/", f->trip, "/bin", (char *)NULL);
		f->bu_pfx = "";
		ld = cat(f->bu_bin, "ld");
	}
	if (file_exists(ld) && !is_self(ld, f->c->self))
		f->bu_ver = last_version(ask(ld, "--version"), 2);
}

static void inspect_gcc(struct found *f)
{
	const struct target *t = f->plat.target;
	int debian, glibc = 0;
	unsigned i;

	if (target_sdk_only(t))
		fatal("adopt: %s is a clang-only target", t->name);
	if (!(f->machine = ask(f->driver, "-dumpmachine")))
		fatal("adopt: %s does not run", f->driver);
	gcc_version(f);
	for (i = 0; i < N(gcc_tools); i++) {
		const char *p = xconcat(f->bin, "/", f->fpx, gcc_tools[i], f->sfx,
		                        (char *)NULL);

		if (access(p, X_OK) == 0 && !is_self(p, f->c->self))
			f->tools[i] = p;
	}
	if ((f->rtdir = find(f, runtime_at, has_runtime)))
		f->rtglibc = runtime_glibc(f->rtdir, &glibc);
	if (t->libc != LIBC_GLIBC)
		f->rtglibc = NULL;
	/* a glibc GCC driving musl (through ccmux's specs): its runtime and
	 * C++ headers are glibc's, so C only until --runtime brings musl's */
	if (glibc && t->libc == LIBC_MUSL)
		f->rtdir = f->tools[1] = f->tools[2] = NULL, f->c_only = 1;
	if (f->tools[1] && (f->cxx = find(f, cxx_at, has_iostream)) &&
	    !has_config(f->cxx))
		f->cxxt = find(f, cxxt_at, has_config);
	/* a distribution's GCC uses the host's libc (Debian's cross GCCs
	 * /usr/TRIPLET): its glibc sysroots are assembled separately */
	debian = strstr(f->gcclib, "/gcc-cross/") || !strchr(f->vdir, '.');
	if (!debian)
		gcc_sysroot(f);
	if (f->libc && (startswith(f->libc, "glibc") ? t->libc != LIBC_GLIBC
	                : !strcmp(f->libc, "musl") && t->libc != LIBC_MUSL))
		fatal("adopt: %s has %s, and %s is not a %s target", f->sysroot,
		      f->libc, t->name, f->libc);
	f->kind = gcc_kind(f, debian);
	gcc_binutils(f);
	f->origin = xprintf("%s %s (%s)", f->kind, f->dir, basename_of(f->driver));
}

/* ---- writing ------------------------------------------------------------ */

static void rm_tree(const char *p)
{
	struct stat st;
	const char **n;

	if (lstat(p, &st) != 0)
		return;
	for (n = S_ISDIR(st.st_mode) ? names(p) : NULL; n && *n; n++)
		rm_tree(cat(p, *n));
	if ((S_ISDIR(st.st_mode) ? rmdir(p) : unlink(p)) != 0)
		fatal("adopt: cannot remove %s:", p);
}

static void mk(const char *p)
{
	if (mkdir_p(p, 0755) != 0)
		fatal("adopt: cannot make %s:", p);
}

/* path as a link to target, in place of what is there */
static void ln(const char *target, const char *path)
{
	unlink(path);
	if (symlink(target, path) != 0)
		fatal("adopt: cannot link %s:", path);
}

static void put(const char *path, const char *s, size_t n)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);

	if (fd < 0 || write_all(fd, s, n) != 0 || close(fd) != 0)
		fatal("adopt: cannot write %s:", path);
}

static int keep_all(const char *n) { (void)n; return 1; }

/* links in dst (made if need be) to the entries of src that keep accepts
 * and dst does not have */
static void mirror(const char *src, const char *dst, int (*keep)(const char *))
{
	const char **n;

	mk(dst);
	for (n = names(src); *n; n++)
		if (keep(*n) && !exists(cat(dst, *n)))
			ln(cat(src, *n), cat(dst, *n));
}

/* a linker script (libc.so) is copied, not linked: ld reads the absolute
 * paths in a script as inside the sysroot only when the script's real path
 * is inside it */
static int copy_script(const char *src, const char *dst)
{
	size_t n;
	char *s = read_file(src, 1 << 16, &n, NULL);
	int script = s && n > 8 && memcmp(s, "\177ELF", 4) != 0 &&
	             memcmp(s, "!<arch>", 7) != 0 && strlen(s) == n &&
	             (strstr(s, "GROUP") || strstr(s, "INPUT"));

	if (script)
		put(dst, s, n);
	xfree(s);
	return script;
}

static int is_libdir(const char *n)
{
	return !strcmp(n, "lib") || !strcmp(n, "lib64") || !strcmp(n, "lib32") ||
	       !strcmp(n, "libx32");
}

/* how many directories a relative link climbs first */
static int ups(const char *s)
{
	int n = 0;

	for (; s[0] == '.' && s[1] == '.' && (s[2] == '/' || !s[2]); s += 2 + !!s[2])
		n++;
	return n;
}

/* a sysroot as links, its library directories (lib, lib64, usr/lib,
 * multiarch lib/TRIPLET) real directories without the GCC runtime; level:
 * 0 the top, 1 usr, 2 a library directory; depth below the top */
static void mirror_sysroot(const char *src, const char *dst, int level, int depth)
{
	const char **n;
	char link[PATH_MAX];
	struct stat st;
	ssize_t len;

	mk(dst);
	for (n = names(src); *n; n++) {
		const char *s = cat(src, *n), *t = cat(dst, *n);

		if ((level == 2 && is_runtime(*n)) || lstat(s, &st) != 0)
			continue;
		if (S_ISLNK(st.st_mode) && (len = readlink(s, link, sizeof(link) - 1)) > 0 &&
		    (link[len] = '\0', link[0] != '/') && ups(link) <= depth)
			ln(link, t);   /* lib64 -> lib stays inside the copy */
		else if (S_ISDIR(st.st_mode) && level == 0 && !strcmp(*n, "usr"))
			mirror_sysroot(s, t, 1, depth + 1);
		else if (S_ISDIR(st.st_mode) && (level < 2 ? is_libdir(*n) : !!strstr(*n, "-linux")))
			mirror_sysroot(s, t, 2, depth + 1);
		else if (!(level == 2 && S_ISREG(st.st_mode) && copy_script(s, t)))
			ln(s, t);
	}
}

/* the link-only specs file that drives a GCC with a musl sysroot */
static void write_musl_specs(const char *sr, const struct target *t)
{
	const char *path = cat(sr, "usr/lib/ccmux.specs");
	char *s = musl_specs(t->dynamic_linker);

	if (!exists(path))
		put(path, s, strlen(s));
}

static void fill_sysroot(const struct found *f, const char *tmp)
{
	const struct target *t = f->plat.target;
	const char *ldso = basename_of(t->dynamic_linker), *own;

	if (!f->flat) {
		mirror_sysroot(f->sysroot, tmp, 0, 0);
	} else {   /* musl-cross-make: TRIPLET/include, TRIPLET/lib */
		mk(cat(tmp, "usr"));
		ln(cat(f->sysroot, "include"), cat(tmp, "usr/include"));
		mirror_sysroot(cat(f->sysroot, "lib"), cat(tmp, "usr/lib"), 2, 0);
		own = xconcat(f->sysroot, "/lib/", ldso, (char *)NULL);
		if (t->libc == LIBC_MUSL && *ldso) {
			mk(cat(tmp, "lib"));
			ln(exists(own) ? own : cat(f->sysroot, "lib/libc.so"),
			   xconcat(tmp, "/lib/", ldso, (char *)NULL));
		}
	}
	if (t->libc == LIBC_MUSL && dir_exists(cat(tmp, "usr/lib")))
		write_musl_specs(tmp, t);
}

static int is_startfile(const char *n)
{
	return (startswith(n, "crt") && endswith(n, ".o")) || startswith(n, "libgc");
}

/* SHARD/bin, and real directories SHARD/lib/gcc/TDIR/VER, SHARD/TDIR/LIBDIR
 * and SHARD/TDIR/include/c++/VER */
static void fill_gcc(const struct found *f, const char *tmp)
{
	const char *lg = xconcat(tmp, "/lib/gcc/", f->tdir, "/", f->ver, (char *)NULL);
	const char *td = cat(tmp, f->tdir), *rt = cat(td, f->plat.target->libdir);
	const char *cx = xconcat(td, "/include/c++/", f->ver, (char *)NULL);
	unsigned i;

	mk(cat(tmp, "bin"));
	for (i = 0; i < N(gcc_tools); i++)
		if (f->tools[i])
			ln(f->tools[i], xconcat(tmp, "/bin/", f->tdir, "-", gcc_tools[i],
			                        (char *)NULL));
	mirror(f->gcclib, lg, keep_all);
	if (f->rtdir) {
		mirror(f->rtdir, rt, is_runtime);
		mirror(f->rtdir, lg, is_runtime);
		/* ccmux links musl with -B of the runtime directory: GCC's own
		 * start files and libgcc belong there too */
		if (f->plat.target->libc == LIBC_MUSL)
			mirror(f->gcclib, rt, is_startfile);
	}
	if (f->cxx)
		mirror(f->cxx, cx, keep_all);
	if (f->cxxt && !exists(cat(cx, f->tdir)))
		ln(f->cxxt, cat(cx, f->tdir));
	if (f->rtglibc)
		ln(f->rtglibc, cat(tmp, "runtime-glibc"));
}

/* links tmp/bin/DPFX NAME to BIN/SPFX NAME for the names that are there
 * (not ccmux); with tmp NULL only counts them */
static unsigned link_tools(const struct found *f, const char *const *name,
                           const char *bin, const char *spfx, const char *dpfx,
                           const char *tmp)
{
	unsigned n = 0;

	for (; *name; name++) {
		const char *s = xconcat(bin, "/", spfx, *name, (char *)NULL);

		if (!file_exists(s) || is_self(s, f->c->self))
			continue;
		n++;
		if (tmp)
			mk(cat(tmp, "bin")), ln(s, xconcat(tmp, "/bin/", dpfx, *name, (char *)NULL));
	}
	return n;
}

/* the binutils tools a shard holds (targets/tools.def) */
static const char *const *binutils_names(void)
{
	struct strvec sv = {0};
	unsigned i;

	for (i = 0; i < ntools; i++)
		if (tools[i].family == FAM_BINUTILS)
			sv_push(&sv, tools[i].shard_name);
	return sv.v;
}

static unsigned fill_binutils(const struct found *f, const char *tmp)
{
	return link_tools(f, binutils_names(), f->bu_bin, f->bu_pfx,
	                  xconcat(f->tdir, "-", (char *)NULL), tmp);
}

static void fill_bu(const struct found *f, const char *tmp)
{
	fill_binutils(f, tmp);
}

static void fill_clang(const struct found *f, const char *tmp)
{
	link_tools(f, clang_tools, f->bin, "", "", tmp);
}

/* make path by filling a dot-named sibling and renaming it into place;
 * the origin goes inside a shard, beside a sysroot */
static void build(const char *path, void (*fill)(const struct found *, const char *),
                  const struct found *f)
{
	const char *tmp = xconcat(dirname_of(path), "/.", basename_of(path), ".adopt",
	                          (char *)NULL);
	const char *o = f->o->origin;
	const char *text = xconcat(f->origin, "\n", o ? o : "", o ? "\n" : "", (char *)NULL);
	int sysroot = fill == fill_sysroot;

	rm_tree(tmp);
	mk(tmp);
	fill(f, tmp);
	put(sysroot ? xconcat(path, ".origin", (char *)NULL) : cat(tmp, "origin"),
	    text, strlen(text));
	if (rename(tmp, path) != 0)
		fatal("adopt: cannot rename %s to %s:", tmp, path);
}

/* ---- the adoption -------------------------------------------------------- */

static void say(const char *verb, const char *what, const char *note)
{
	char *s = xprintf("%-10s %s%s%s%s\n", verb, what, note ? " (" : "",
	                  note ? note : "", note ? ")" : "");

	write_all(1, s, strlen(s));
}

static const char *made(const struct found *f)
{
	return f->o->dry ? "would make" : "made";
}

/* the root to adopt into: --root, else the first writable root */
static const char *pick_root(const struct ctx *c, const struct opts *o)
{
	unsigned i;

	if (o->root)   /* absolute, made when written */
		return canon(o->root) ? canon(o->root) : *o->root == '/' ? o->root
		       : cat(canon("."), o->root);
	for (i = 0; c->roots[i]; i++)
		if (access(c->roots[i], W_OK) == 0 ||
		    (errno == ENOENT && access(dirname_of(c->roots[i]), W_OK) == 0))
			return c->roots[i];
	fatal("adopt: no writable root (CCMUX_ROOT, PREFIX/opt); give --root");
}

/* 1 if root or a root ccmux searches has a sysroot for the target */
static int has_sysroot(const struct ctx *c, const char *root, const char *tdir)
{
	struct strvec sv = {0};
	struct shardset ss;
	unsigned i;

	sv_push(&sv, root);
	for (i = 0; c->roots[i]; i++)
		sv_push(&sv, c->roots[i]);
	shard_scan(sv.v, tdir, 0, &ss);
	return ss.sysroot != NULL;
}

/* the found line; then the shard: the same adoption again is a no-op,
 * anything else there would be overwritten */
static int fresh(const char *shard, const struct found *f, const char *found)
{
	char *line = read_file(cat(shard, "origin"), 4096, NULL, NULL);

	say("found", found, NULL);
	if (!exists(shard))
		return 1;
	if (line && !strncmp(line, f->origin, strlen(f->origin)) &&
	    line[strlen(f->origin)] == '\n') {
		say("adopted", shard, "already: nothing to do");
		return 0;
	}
	fatal("adopt: %s exists (%s%s); remove it or adopt into another --root",
	      shard, line ? "from " : "not made by ccmux adopt",
	      line ? xstrndup(line, strcspn(line, "\n")) : "");
}

static int adopt_gcc(struct found *f, const char *root)
{
	const char *td = cat(root, f->tdir), *rt = f->rtglibc;
	const char *shard = xconcat(td, "/gcc-", f->ver, (char *)NULL);
	const char *sr = xconcat(td, "/", f->tdir, "/sys-root", (char *)NULL);
	const char *bu = f->bu_ver ? xconcat(td, "/binutils-", f->bu_ver, (char *)NULL) : NULL;
	int want_sr = f->sysroot && f->o->sysroot != 0;
	struct buf b = {0};
	unsigned i;

	buf_puts(&b, xprintf("%s GCC %s for %s in %s (%s):", f->kind, f->ver,
	                     f->tdir, f->dir, basename_of(f->driver)));
	for (i = 0; i < N(gcc_tools); i++)
		if (f->tools[i])
			buf_puts(&b, xconcat(" ", gcc_tools[i], (char *)NULL));
	if (bu)
		buf_puts(&b, xprintf("; binutils %s (%u tools)", f->bu_ver,
		                     fill_binutils(f, NULL)));
	if (f->sysroot)
		buf_puts(&b, xprintf("; sysroot %s, %s", f->sysroot, f->libc));
	if (!fresh(shard, f, b.s))
		return 0;
	if (f->o->sysroot == 1 && (!f->sysroot || exists(sr)))
		fatal("adopt: --sysroot: %s", f->sysroot ? xconcat(sr, " exists", (char *)NULL)
		      : "its GCC has no sysroot of its own");
	if (want_sr && f->o->sysroot == -1 && has_sysroot(f->c, root, f->tdir))
		want_sr = 0, say("kept", "the target's sysroot", "there is one");
	if (bu && exists(bu))
		say("kept", bu, "there already"), bu = NULL;
	if (bu && !f->o->dry)
		build(bu, fill_bu, f);
	if (bu)
		say(made(f), bu, NULL);
	if (want_sr && !f->o->dry)
		build(sr, fill_sysroot, f);
	if (want_sr)
		say(made(f), sr, xconcat(f->libc, ", without the GCC runtime", (char *)NULL));
	if (!f->o->dry)
		build(shard, fill_gcc, f);
	say(made(f), shard, rt ? xconcat("its runtime needs glibc ", rt, (char *)NULL)
	    : f->c_only ? "its runtime is glibc's: C only until adopt --runtime" : NULL);
	return 0;
}

/* a clang shard (bin/clang) or a binutils shard (bin/TRIPLET-ld) */
static int adopt_tools(struct found *f, const char *root, int clang)
{
	const char *ver = last_version(ask(f->driver, "--version"), clang ? 3 : 2);
	const char *shard;

	if (!ver)
		fatal("adopt: %s: no version in its --version", f->driver);
	f->bu_bin = f->bin, f->bu_pfx = f->fpx, f->bu_ver = ver;
	shard = clang ? xconcat(root, "/" CLANG_HOST_DIR "/clang-", ver, (char *)NULL)
	              : xconcat(root, "/", f->tdir, "/binutils-", ver, (char *)NULL);
	f->origin = xprintf("%s %s (%s)", clang ? "LLVM" : "binutils", f->dir,
	                    basename_of(f->driver));
	if (!fresh(shard, f, xprintf("%s %s%s%s in %s (%u tools)", clang ? "clang" : "binutils",
	                             ver, clang ? "" : " for ", clang ? "" : f->tdir, f->dir,
	                             clang ? link_tools(f, clang_tools, f->bin, "", "", NULL)
	                                   : fill_binutils(f, NULL))))
		return 0;
	if (!f->o->dry)
		build(shard, clang ? fill_clang : fill_bu, f);
	say(made(f), shard, NULL);
	return 0;
}

/* ---- --runtime OUTDIR SHARD ---------------------------------------------- */

static int any_entry(const char *n) { (void)n; return 1; }

static const char *config_dir;   /* the C++ header directory searched */

static int has_config_entry(const char *n)
{
	return has_config(cat(config_dir, n));
}

/* what the runtime brings, and where it goes */
struct rtwire {
	const char *out, *shard, *tdir, *ver, *lib, *cxx, *cxxt, *fin, *glibc;
	const struct target *t;
};

/* the GCC driver beside the one the shard's gcc links to:
 * /usr/bin/x86_64-linux-gnu-gcc-12 gives /usr/bin/x86_64-linux-gnu-g++-12 */
static const char *sibling(const struct rtwire *w, const char *tool)
{
	const char *bin = cat(w->shard, "bin"), *base, *p, *last = NULL, *s;
	char link[PATH_MAX];
	ssize_t n = readlink(xconcat(bin, "/", w->tdir, "-gcc", (char *)NULL), link,
	                     sizeof(link) - 1);

	if (n <= 0)
		return NULL;
	link[n] = '\0';
	base = basename_of(link);
	for (p = strstr(base, "gcc"); p; p = strstr(p + 1, "gcc"))
		last = p;
	if (!last)
		return NULL;
	s = xconcat(link[0] == '/' ? "" : bin, link[0] == '/' ? "" : "/",
	            xstrndup(link, (size_t)(last - link)), tool, last + 3, (char *)NULL);
	return file_exists(s) ? s : NULL;
}

/* links in dst to the runtime's files (not its directories, .la or .spec
 * files), in place of what dst has under those names */
static void link_files(const char *src, const char *dst)
{
	const char **n;

	mk(dst);
	for (n = names(src); *n; n++)
		if (!endswith(*n, ".la") && !endswith(*n, ".spec") && !dir_exists(cat(src, *n)))
			ln(cat(src, *n), cat(dst, *n));
}

static void wire(const struct rtwire *w)
{
	const char *td = cat(w->shard, w->tdir), *rt = cat(td, w->t->libdir);
	const char *lg = xconcat(w->shard, "/lib/gcc/", w->tdir, "/", w->ver, (char *)NULL);
	const char *cx = xconcat(td, "/include/c++/", w->ver, (char *)NULL);
	const char *tmp = cat(td, ".adopt-runtime");
	unsigned i;

	/* the runtime directory and the C++ headers: made aside, then swapped in */
	rm_tree(tmp);
	link_files(w->lib, cat(tmp, "lib"));
	mirror(w->cxx, cat(tmp, "cxx"), keep_all);
	if (w->cxxt && !exists(xconcat(tmp, "/cxx/", w->tdir, (char *)NULL)))
		ln(w->cxxt, xconcat(tmp, "/cxx/", w->tdir, (char *)NULL));
	rm_tree(rt);
	rm_tree(cx);
	mk(dirname_of(cx));
	if (rename(cat(tmp, "lib"), rt) != 0 || rename(cat(tmp, "cxx"), cx) != 0)
		fatal("adopt: cannot put the runtime in %s:", w->shard);
	rm_tree(tmp);
	/* GCC's own directory: the runtime's files over the GCC's */
	link_files(w->lib, lg);
	unlink(cat(lg, "finclude"));
	if (w->fin)
		ln(w->fin, cat(lg, "finclude"));
	/* the compilers it could not offer before (a glibc GCC driving musl) */
	for (i = 1; i < 3; i++) {
		const char *b = xconcat(w->shard, "/bin/", w->tdir, "-", gcc_tools[i],
		                        (char *)NULL), *s = sibling(w, gcc_tools[i]);

		if (s && !exists(b))
			ln(s, b);
	}
	unlink(cat(w->shard, "runtime-glibc"));
	if (w->glibc)
		ln(w->glibc, cat(w->shard, "runtime-glibc"));
}

/* the shard's origin, "runtime OUTDIR" in place of an earlier such line */
static void note_runtime(const struct rtwire *w)
{
	const char *path = cat(w->shard, "origin");
	char *s = read_file(path, 4096, NULL, NULL), *line;
	struct buf b = {0};

	for (line = s ? strtok(s, "\n") : NULL; line; line = strtok(NULL, "\n"))
		if (!startswith(line, "runtime "))
			buf_puts(&b, xconcat(line, "\n", (char *)NULL));
	buf_puts(&b, xconcat("runtime ", w->out, "\n", (char *)NULL));
	if (s)   /* an adopted shard */
		put(path, b.s, b.n);
}

static int adopt_runtime(const struct opts *o)
{
	struct rtwire w;
	struct platform p;
	const char *inc, *e, *g;

	memset(&w, 0, sizeof(w));
	w.out = canon(o->runtime), w.shard = canon(o->dir);
	if (!w.out || !w.shard)
		fatal("adopt: --runtime %s %s: no such directory", o->runtime, o->dir);
	w.tdir = basename_of(dirname_of(w.shard));
	w.ver = basename_of(w.shard) + 4;
	w.lib = cat(w.out, "lib");
	inc = cat(w.out, "include/c++");
	if (!startswith(basename_of(w.shard), "gcc-") || parse_triplet(w.tdir, &p) ||
	    !exists(xconcat(w.shard, "/bin/", w.tdir, "-gcc", (char *)NULL)) ||
	    !has_runtime(w.lib) || !(e = entry(inc, any_entry)))
		fatal("adopt: --runtime needs a built GCC runtime (lib/libstdc++*, "
		      "include/c++/N) and a GCC shard (ROOT/TARGET/gcc-X.Y.Z)");
	w.t = p.target;
	config_dir = w.cxx = cat(inc, e);
	if (!has_config(w.cxx) && (e = entry(w.cxx, has_config_entry)) &&
	    strcmp(e, w.tdir) != 0)
		w.cxxt = cat(w.cxx, e);
	g = cat(w.lib, "gcc");   /* lib/gcc/TRIPLET/VER/finclude */
	if ((e = entry(g, any_entry)) && (e = cat(g, e)) && (g = entry(e, any_entry)) &&
	    dir_exists(e = xconcat(e, "/", g, "/finclude", (char *)NULL)))
		w.fin = e;
	if (w.t->libc == LIBC_GLIBC)
		w.glibc = runtime_glibc(w.lib, NULL);
	say("found", xprintf("GCC runtime in %s: C++ headers %s%s", w.out,
	                     basename_of(w.cxx), w.fin ? ", Fortran modules" : ""), NULL);
	if (!o->dry) {
		wire(&w);
		note_runtime(&w);
	}
	say(o->dry ? "would wire" : "wired", w.shard,
	    w.glibc ? xconcat("its runtime needs glibc ", w.glibc, (char *)NULL) : NULL);
	return 0;
}

/* ---- the command ---------------------------------------------------------- */

static void parse_opts(int argc, char **argv, struct opts *o)
{
	static const struct {
		const char *name;
		size_t off;
	} valued[] = {
#define V(name, f) {name, offsetof(struct opts, f)}
		V("--gcc-version", gccver), V("--origin", origin), V("--root", root),
		V("--runtime", runtime), V("--suffix", suffix), V("--target", target),
#undef V
	};
	int i;
	unsigned k;

	memset(o, 0, sizeof(*o));
	o->sysroot = -1;
	o->suffix = "";
	for (i = 0; i < argc; i++) {
		for (k = 0; k < N(valued) && strcmp(argv[i], valued[k].name) != 0; k++)
			;
		if (k < N(valued) && i + 1 < argc)
			*(const char **)((char *)o + valued[k].off) = argv[++i];
		else if (!strcmp(argv[i], "--dry-run"))
			o->dry = 1;
		else if (!strcmp(argv[i], "--sysroot") || !strcmp(argv[i], "--no-sysroot"))
			o->sysroot = argv[i][2] == 's';
		else if (argv[i][0] == '-' || o->dir)
			o->dir = NULL, i = argc;
		else
			o->dir = argv[i];
	}
	if (!o->dir)
		fatal("usage: ccmux adopt DIR [--target TRIPLET] [--root ROOT] "
		      "[--suffix SFX] [--origin TEXT] [--sysroot|--no-sysroot] "
		      "[--gcc-version X.Y.Z] [--dry-run]; ccmux adopt --runtime "
		      "OUTDIR SHARD [--dry-run]");
}

int cmd_adopt(const struct ctx *c, int argc, char **argv)
{
	struct opts o;
	struct found f;
	struct strvec sv;
	const char *root, *e, *clang;

	parse_opts(argc, argv, &o);
	if (o.runtime)
		return adopt_runtime(&o);
	memset(&f, 0, sizeof(f));
	f.c = c, f.o = &o, f.sfx = o.suffix;
	if (!(f.dir = canon(o.dir)) || !dir_exists(f.dir))
		fatal("adopt: %s: not a directory", o.dir);
	f.bin = cat(f.dir, "bin");
	clang = cat(f.bin, "clang");
	if (o.target && (e = parse_triplet(o.target, &f.plat)))
		fatal("adopt: --target: %s", e);
	root = pick_root(c, &o);
	if ((sv = named(f.bin, "gcc", f.sfx, c->self)).n) {
		pick(&f, &sv, "gcc");
	} else if (file_exists(clang) && !is_self(clang, c->self)) {
		f.driver = clang;
		return adopt_tools(&f, root, 1);
	} else if ((sv = named(f.bin, "ld", f.sfx = "", c->self)).n) {
		pick(&f, &sv, "ld");
	} else {
		fatal("adopt: %s is not a toolchain (no bin/TRIPLET-gcc%s, bin/clang "
		      "or bin/TRIPLET-ld)", f.dir, o.suffix);
	}
	f.tdir = platform_dir(&f.plat);
	if (endswith(f.driver, "ld"))
		return adopt_tools(&f, root, 0);
	inspect_gcc(&f);
	return adopt_gcc(&f, root);
}
