/* run.c: running a target's binary here, against the target's sysroot */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/path.h"
#include "base/util.h"
#include "compat/elfread.h"
#include "compat/rules.h"
#include "compat/sysroot.h"
#include "driver/run.h"

/* where a glibc program runs here: a real libc root */
struct root {
	const char *dir;        /* its top: a sysroot, Debian's /usr/TRIPLET, / */
	struct version glibc;   /* its glibc; parts 0: not known (the newest) */
	int native;             /* this machine's own libc: no qemu */
	int borrowed;           /* a generated floor's run-root: a libc built
	                           for the architecture's common CPU, not for
	                           the target's own (Debian's armhf for armv6l) */
};

/* the real root with the oldest glibc that still has every version the
 * program needs: the target's sysroot when it is a real glibc, else the
 * root a generated floor names (its marker's run-root) */
static int pick_root(struct shardset *ss, const struct target *t,
                     const struct elf_info *e, struct root *r)
{
	const char *need = elf_max_version(e, "GLIBC_");
	const char *alt = ss->sysroot ? sysroot_run_root(ss->sysroot) : NULL;
	struct version n;

	memset(r, 0, sizeof(*r));
	if (!alt && ss->nfloors)
		alt = sysroot_run_root(ss->floors[ss->nfloors - 1].dir);
	if (ss->sysroot && !sysroot_run_root(ss->sysroot) &&
	    sysroot_glibc(ss->sysroot, &r->glibc) == 0 &&
	    (!alt || !need || version_parse(need, &n) != 0 ||
	     version_cmp(&n, &r->glibc) <= 0)) {
		r->dir = ss->sysroot;
		return 1;
	}
	if (!alt)
		return 0;
	r->dir = alt;
	r->glibc.parts = 0;
	r->borrowed = 1;
	r->native = strcmp(alt, "/") == 0 && target_is_host_arch(t);
	return 1;
}

/* the oldest GCC shard whose runtime satisfies what the binary needs from
 * libstdc++ and libgfortran and runs at the root's glibc, so that its
 * libraries are the ones found */
static const struct shard *runtime_shard(struct shardset *ss,
                                         const struct target *t,
                                         const struct elf_info *e,
                                         const struct root *r)
{
	const char *cxx = elf_max_version(e, "GLIBCXX_");
	struct version need = {{0, 0, 0}, 0}, have, rt;
	int gf = 0;
	size_t i;
	unsigned k;

	if (cxx)
		version_parse(cxx, &need);
	for (i = 0; i < e->nneeded; i++)
		if (startswith(e->needed[i], "libgfortran.so."))
			gf = e->needed[i][15] - '0';
	for (k = 0; k < ss->ngcc; k++) {
		const struct gccinfo *g = gcc_info(ss->gcc[k].ver.v[0]);

		if (!g || (gf && g->libgfortran != gf))
			continue;
		/* ARMv6: only a runtime built for it (Debian's is ARMv7) */
		if (target_armv6(t) && !shard_own_crt(&ss->gcc[k], ss->tdir, t))
			continue;
		if (r->glibc.parts && shard_runtime_glibc(&ss->gcc[k], &rt) &&
		    version_cmp(&rt, &r->glibc) > 0)
			continue;
		version_parse(g->glibcxx, &have);
		if (!cxx || version_cmp(&have, &need) >= 0)
			return &ss->gcc[k];
	}
	return NULL;
}

/* the caller's LD_LIBRARY_PATH first (libtool's wrappers and test
 * scripts point it at the build tree), then the root's libraries (a
 * sysroot keeps them in LIBDIR, Debian's cross root in lib; this
 * machine's own are found by its loader) and the GCC runtime */
static char *library_path(const struct platform *p, struct shardset *ss,
                          const struct elf_info *e, const struct root *r)
{
	const char *ld = p->target->libdir;
	const struct shard *g = runtime_shard(ss, p->target, e, r);
	const char *caller = getenv("LD_LIBRARY_PATH");
	struct strvec dirs = {0};
	struct buf b = {0};
	size_t i;

	if (caller && *caller)
		sv_push(&dirs, caller);
	if (!r->native) {
		sv_push(&dirs, xconcat(r->dir, "/", ld, (char *)NULL));
		sv_push(&dirs, xconcat(r->dir, "/usr/", ld, (char *)NULL));
		if (strcmp(ld, "lib") != 0)
			sv_push(&dirs, xconcat(r->dir, "/lib", (char *)NULL));
	}
	if (g)
		sv_push(&dirs, xconcat(g->dir, "/", ss->tdir, "/", ld, (char *)NULL));
	for (i = 0; i < dirs.n; i++) {
		if (i)
			buf_puts(&b, ":");
		buf_puts(&b, dirs.v[i]);
	}
	return b.s ? b.s : xstrdup("");
}

/* ccmux's own wine prefix, never the user's ~/.wine: PREFIX/var/wine,
 * which install.sh makes; wine refuses a prefix its user does not own, so
 * anyone else gets their own under the XDG cache.  A WINEPREFIX the caller
 * sets wins. */
static void wine_prefix(const struct ctx *c, struct strvec *env)
{
	const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
	struct stat st;
	char *dir;

	if (getenv("WINEPREFIX"))
		return;
	if (c->prefix) {
		dir = xconcat(c->prefix, "/var/wine", (char *)NULL);
		if (stat(dir, &st) == 0 && st.st_uid == geteuid()) {
			sv_push(env, xconcat("WINEPREFIX=", dir, (char *)NULL));
			return;
		}
	}
	if (xdg && *xdg == '/')
		dir = xconcat(xdg, "/ccmux", (char *)NULL);
	else if (home && *home == '/')
		dir = xconcat(home, "/.cache/ccmux", (char *)NULL);
	else
		fatal("run: no wine prefix: %s/var/wine is not yours and neither "
		      "HOME nor XDG_CACHE_HOME is set; set WINEPREFIX",
		      c->prefix ? c->prefix : "PREFIX");
	/* wine makes the prefix, but not the directories above it */
	if (mkdir_p(dir, 0700) != 0)
		fatal("run: cannot make the wine prefix's directory %s:", dir);
	sv_push(env, xconcat("WINEPREFIX=", dir, "/wine", (char *)NULL));
}

/* a Windows program under wine: 64-bit needs wine64, 32-bit wine32 */
static void run_wine(const struct ctx *c, const struct target *t,
                     const struct elf_info *e, int argc, char *const *argv,
                     struct plan *out)
{
	const char *wine;

	if (e->format != FMT_PE || e->machine != t->machine)
		fatal("run %s: a %s %d-bit file, not a %s program", argv[0],
		      elf_machine_name(e->format, e->machine), e->elfclass, t->name);
	if (t->machine == IMAGE_FILE_MACHINE_AMD64) {
		wine = path_search("wine64", c->self);
		if (!wine && file_exists("/usr/lib/wine/wine64"))
			wine = "/usr/lib/wine/wine64";
	} else {
		wine = path_search("wine", c->self);
		if (wine && !file_exists("/usr/lib/wine/wine"))
			wine = NULL;   /* Debian's wine without wine32 */
	}
	if (!wine)
		fatal("run: no wine for %s programs (apt-get install %s)", t->name,
		      t->machine == IMAGE_FILE_MACHINE_AMD64 ? "wine64" :
		      "wine32 after dpkg --add-architecture i386");
	sv_push(&out->argv, wine);
	sv_pushn(&out->argv, argv, (size_t)argc);
	if (!getenv("WINEDEBUG"))
		sv_push(&out->env, "WINEDEBUG=-all");
	wine_prefix(c, &out->env);
}

/* "C.UTF-8" as glibc names its directory: "C.utf8" */
static char *normal_codeset(const char *name)
{
	char *s = xstrdup(name), *dot = strchr(s, '.'), *o;
	const char *p;

	if (!dot)
		return s;
	for (p = o = dot + 1; *p; p++)
		if (*p != '-')
			*o++ = (*p >= 'A' && *p <= 'Z') ? *p - 'A' + 'a' : *p;
	*o = '\0';
	return s;
}

/* 1 if the host has locale data for this name, which an older glibc would
 * load from /usr/lib/locale and assert on */
static int host_locale(const char *v)
{
	struct stat st;

	if (!*v || strcmp(v, "C") == 0 || strcmp(v, "POSIX") == 0 || strchr(v, '/'))
		return 0;
	if (stat("/usr/lib/locale/locale-archive", &st) == 0)
		return 1;
	return stat(xconcat("/usr/lib/locale/", v, (char *)NULL), &st) == 0 ||
	       stat(xconcat("/usr/lib/locale/", normal_codeset(v), (char *)NULL),
	            &st) == 0;
}

/* the host's locale files are in its glibc's format, and an older glibc
 * asserts on them (glibc adds /usr/lib/locale to any LOCPATH): when the
 * sysroot's glibc is not the host's, a locale variable that names one of
 * the host's locales becomes C for the program; the others stay as they
 * are, so that a program still sees a locale it cannot load fail */
static void locale_guard(const struct root *r, struct strvec *env)
{
	static const char *const vars[] = {
		"LC_ALL", "LC_CTYPE", "LC_NUMERIC", "LC_TIME", "LC_COLLATE",
		"LC_MONETARY", "LC_MESSAGES", "LC_PAPER", "LC_NAME", "LC_ADDRESS",
		"LC_TELEPHONE", "LC_MEASUREMENT", "LC_IDENTIFICATION", "LANG",
	};
	struct version host;
	unsigned i;

	if (getenv("LOCPATH") || !r->glibc.parts)
		return;   /* not an older glibc than the host's */
	if (sysroot_glibc("", &host) == 0 && version_cmp(&host, &r->glibc) == 0)
		return;
	for (i = 0; i < sizeof(vars) / sizeof(vars[0]); i++) {
		const char *v = getenv(vars[i]);

		if (v && host_locale(v))
			sv_push(env, xconcat(vars[i], "=C", (char *)NULL));
	}
}

/* qemu-user with the root as its library root; the library path and the
 * guest environment go in as -E */
static void run_qemu(const struct ctx *c, const struct platform *p,
                     struct shardset *ss, const struct elf_info *e,
                     const struct root *r, struct plan *out)
{
	const struct target *t = p->target;
	const char *qemu;

	if (!*t->qemu)
		fatal("run: no way to run %s binaries on this machine", t->name);
	qemu = path_search(xconcat("qemu-", t->qemu, (char *)NULL), c->self);
	if (!qemu)
		fatal("run: qemu-%s is not installed (apt-get install qemu-user)",
		      t->qemu);
	sv_push(&out->argv, qemu);
	/* qemu's default ARM CPU is a v7/v8 one: an ARMv6 program runs on the
	 * ARM1176 it is built for, so that a newer instruction is a SIGILL here
	 * as on the board -- unless it loads a borrowed glibc of ARMv7 code
	 * (Debian's armhf runs a generated floor's programs): that runs on the
	 * default CPU, and the audit judges the program's ARMv6 */
	if (target_armv6(t) && !(e->interp && r->borrowed)) {
		sv_push(&out->argv, "-cpu");
		sv_push(&out->argv, "arm1176");
	}
	if (r->dir) {
		sv_push(&out->argv, "-L");
		sv_push(&out->argv, r->dir);
	}
	/* a dynamic program finds the GCC runtime (libstdc++.so.6) through
	 * the library path, on musl as on glibc */
	if (e->interp) {
		struct strvec guest = {0};

		if (t->libc == LIBC_GLIBC)
			locale_guard(r, &guest);
		sv_push(&out->argv, "-E");
		sv_push(&out->argv, xconcat("LD_LIBRARY_PATH=",
		                            library_path(p, ss, e, r), (char *)NULL));
		for (size_t i = 0; i < guest.n; i++) {
			sv_push(&out->argv, "-E");
			sv_push(&out->argv, guest.v[i]);
		}
	}
}

void run_plan(const struct ctx *c, const struct platform *p, int argc,
              char *const *argv, struct plan *out)
{
	const struct target *t = p->target;
	struct shardset ss;
	struct elf_info e;
	struct root r;
	char err[256];

	memset(out, 0, sizeof(*out));
	memset(&r, 0, sizeof(r));
	out->request = "run";
	if (argc < 1)
		fatal("usage: ccmux run TRIPLET PROG [ARGS...]");
	if (elf_read(argv[0], &e, err, sizeof(err)) != RD_OK)
		fatal("run %s: %s", argv[0], err);
	if (t->os == OS_WINDOWS) {
		run_wine(c, t, &e, argc, argv, out);
		return;
	}
	if (t->os != OS_LINUX)
		fatal("run: %s programs cannot run on this machine", t->name);
	if (e.format != FMT_ELF || e.machine != t->machine ||
	    e.elfclass != t->elf_class)
		fatal("run %s: a %s %d-bit file, not a %s binary", argv[0],
		      elf_machine_name(e.format, e.machine), e.elfclass, t->name);
	shard_scan(c->roots, platform_dir(p), 0, &ss);
	if (t->libc != LIBC_GLIBC) {
		r.dir = ss.sysroot;   /* musl: its loader and libc */
	} else if (!pick_root(&ss, t, &e, &r) && e.interp) {
		fatal("run %s: no sysroot for %s (ROOT/%s/%s/sys-root) to load it "
		      "from", argv[0], t->name, t->name, t->name);
	}
	if (e.interp && !r.dir)
		fatal("run %s: no sysroot for %s (ROOT/%s/%s/sys-root) to load it "
		      "from", argv[0], t->name, t->name, t->name);
	/* a static binary of this machine runs as it is, and so does a dynamic
	 * one whose root is this machine's own libc; any other dynamic one runs
	 * under qemu, so that the root's loader and libraries are the only ones
	 * it sees (starting glibc 2.17's ld.so by hand mis-runs PIE programs) */
	if (r.native && e.interp)
		sv_push(&out->env, xconcat("LD_LIBRARY_PATH=",
		                           library_path(p, &ss, &e, &r), (char *)NULL));
	else if (!target_is_host_arch(t) || e.interp)
		run_qemu(c, p, &ss, &e, &r, out);
	sv_pushn(&out->argv, argv, (size_t)argc);
}
