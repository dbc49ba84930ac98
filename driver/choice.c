/* choice.c: the decision stage (see choice.h) */
#include <string.h>

#include "base/path.h"
#include "base/util.h"
#include "compat/elfread.h"
#include "compat/rules.h"
#include "compat/sysroot.h"
#include "driver/choice.h"

void request_make(struct request *rq, const char *name, const struct name *n,
                  int argc, char *const *argv)
{
	const struct tool *tl = n->tool;

	memset(rq, 0, sizeof(*rq));
	rq->name = name;
	rq->n = n;
	rq->argc = argc;
	rq->argv = argv;
	args_classify(argc, argv, &rq->a);
	if (strcmp(tl->name, "cpp") == 0 && rq->a.mode != MODE_QUERY)
		rq->a.mode = MODE_PREPROCESS;
	rq->cxx = tl->lang == LANG_CXX || (rq->a.langs & L_CXX);
	rq->fortran = tl->lang == LANG_FORTRAN || (rq->a.langs & L_FORTRAN);
	rq->c_family = tl->lang != LANG_FORTRAN || (rq->a.langs & (L_C | L_CXX));
}

/* a user -D/-U of _GLIBCXX_USE_CXX11_ABI that the name contradicts */
static void check_abi_define(const struct request *rq)
{
	enum cxxabi want = rq->n->plat.cxxabi;
	int v = rq->a.abi_value;

	if (want == CXXABI_ANY || !rq->a.abi_define)
		return;
	if ((want == CXXABI_03 && v != 0) || (want == CXXABI_11 && v != 1))
		fatal("%s: %s contradicts the %s tag in the name; drop the flag or "
		      "use a %s name", rq->name, rq->a.abi_define,
		      want == CXXABI_03 ? "cxx03" : "cxx11",
		      want == CXXABI_03 ? "cxx11" : "cxx03");
}

/* a link under a cxx03 or cxx11 name refuses objects that were compiled
 * for the other std::string ABI: such a mix can link and break at run
 * time (a struct holding a std::string passed across).  The first few .o
 * inputs are read; archives and later objects are left to the audit. */
static void check_abi_objects(const struct request *rq)
{
	enum cxxabi want = rq->n->plat.cxxabi;
	int i;

	if (want == CXXABI_ANY || rq->a.mode != MODE_LINK)
		return;
	for (i = 0; i < rq->a.nobjects; i++) {
		struct elf_info e;
		char err[128];
		const char *f = rq->a.objects[i];
		int rc = elf_read(f, &e, err, sizeof(err));

		if (rc == RD_NOTFILE)
			fatal("%s: %s (ccmux reads the objects of a link under a "
			      "cxx03/cxx11 name)", rq->name, err);
		if (rc != RD_OK)
			continue;   /* the linker will say what is wrong with it */
		if (want == CXXABI_03 && e.cxx11_syms)
			fatal("%s: %s has %zu C++11-ABI (__cxx11) symbols; linking it "
			      "under a cxx03 name would mix std::string ABIs: rebuild "
			      "it with a cxx03 name", rq->name, f, e.cxx11_syms);
		if (want == CXXABI_11 && e.cxx03_syms && !e.cxx11_syms)
			fatal("%s: %s uses the old std::string ABI (%zu symbols); "
			      "linking it under a cxx11 name would mix std::string ABIs: "
			      "rebuild it with a cxx11 name", rq->name, f, e.cxx03_syms);
	}
}

void request_check(const struct request *rq)
{
	check_abi_define(rq);
	check_abi_objects(rq);
}

/* everything one choice is made from */
struct chooser {
	const struct request *rq;
	const struct settings *set;
	struct shardset *ss;
	const struct hostlookup *host;
	struct choice *ch;
	const struct version *name_pref;   /* the name's -VERSION, or NULL */
	struct version name_ver;
	struct version user_floor;         /* the glibc of a user's --sysroot */
	const struct version *gcc_min;     /* what the -std= asks of GCC ... */
	const struct version *clang_min;   /* ... and of clang, or NULL */
	struct version gcc_std, clang_std;
};

/* C++ and Fortran link the GCC's runtime (libstdc++, libgfortran), which
 * must run at the glibc floor of the sysroot in use: that floor, or NULL.
 * Queries too: --version must name the GCC a build would use. */
static const struct version *runtime_floor(struct chooser *c)
{
	struct choice *ch = c->ch;

	if (!(c->rq->cxx || c->rq->fortran) || ch->t->libc != LIBC_GLIBC || !ch->sysroot)
		return NULL;
	if (ch->sysroot != ch->target_sysroot)   /* the user's own sysroot */
		return sysroot_glibc(ch->sysroot, &c->user_floor) == 0 ?
		       &c->user_floor : NULL;
	if (!ch->floor.parts && !shardset_glibc(c->ss, &ch->floor))
		return NULL;
	return &ch->floor;
}

/* "2.12-2.36", the floors installed */
static char *floor_range(const struct shardset *ss)
{
	if (!ss->nfloors)
		return xstrdup("none");
	if (ss->nfloors == 1)
		return xstrdup(ss->floors[0].verstr);
	return xconcat(ss->floors[0].verstr, "-", ss->floors[ss->nfloors - 1].verstr,
	               (char *)NULL);
}

/* a glibc floor asked for by name (gnu.2.28) or CCMUX_GLIBC: its sysroot
 * ROOT/TDIR/glibc-V, or the default sysroot when V is the target's own
 * floor.  CCMUX_GLIBC leaves targets without glibc alone, so that one
 * setting serves a build of several targets. */
static const char *pick_floor(struct chooser *c)
{
	const struct platform *p = &c->rq->n->plat;
	const struct version *want = p->glibc.parts ? &p->glibc :
	                             c->set->glibc.parts ? &c->set->glibc : NULL;
	struct choice *ch = c->ch;
	struct version seed;
	char v[32];
	unsigned i;

	if (!want || ch->t->libc != LIBC_GLIBC)
		return NULL;
	for (i = 0; i < c->ss->nfloors; i++)
		if (version_cmp(&c->ss->floors[i].ver, want) == 0) {
			ch->target_sysroot = c->ss->floors[i].dir;
			ch->floor = *want;
			return NULL;
		}
	/* the default sysroot's own glibc (aarch64's is 2.17, the seeds say
	 * 2.19), the seeds' floor when it has no features.h */
	if (c->ss->sysroot && (shardset_glibc(c->ss, &seed) ||
	                       version_parse(ch->t->seed_floor, &seed) == 0) &&
	    version_cmp(&seed, want) == 0) {
		ch->floor = *want;
		return NULL;
	}
	version_format(want, v, sizeof(v));
	return xprintf("%s: no glibc %s floor for %s%s (floors installed: %s; "
	               "install.sh makes every floor the target's headers serve)",
	               c->rq->name, v, ch->tdir, p->glibc.parts ? "" :
	               xconcat(" (CCMUX_GLIBC=", v, ")", (char *)NULL),
	               floor_range(c->ss));
}

/* the GCC shard with file tool under the rules; pref: the preference */
static const char *pick_gcc(struct chooser *c, const char *tool,
                            const struct version *pref)
{
	struct gccwant w = {&c->rq->n->plat, tool, pref, c->rq->name, NULL, NULL, NULL, 0};
	char *why = NULL;

	w.floor = runtime_floor(c);
	w.own_crt = target_armv6(c->ch->t) &&
	            c->ch->t->os == OS_LINUX;
	w.min = c->gcc_min;
	w.min_why = c->rq->a.std ? xconcat("-std=", c->rq->a.std, (char *)NULL) : NULL;
	c->ch->gcc = gcc_choose(c->ss, &w, &why);
	return c->ch->gcc ? NULL : why;
}

static const struct version *env_pref(struct chooser *c)
{
	return c->set->has_gcc_pref ? &c->set->gcc_pref : NULL;
}

/* static by default on musl and Windows (no runtime DLLs to ship);
 * CCMUX_STATIC decides for any target; a link that names a shared object,
 * or makes one, stays dynamic */
static int static_link(struct chooser *c)
{
	const struct args *a = &c->rq->a;
	int on = c->ch->t->libc == LIBC_MUSL || c->ch->t->os == OS_WINDOWS;

	if (c->set->static_mode >= 0)
		on = c->set->static_mode;
	return on && a->mode == MODE_LINK && !a->shared && !a->relocatable &&
	       !a->is_static && !a->static_pie && !a->shared_inputs;
}

/* C++ and Fortran links take the GCC runtime statically where the floor's
 * oldest system has an older one than the chosen GCC's (and on musl, where
 * no system is known), so that the program runs there as it is;
 * CCMUX_CXX_RUNTIME=static|shared decides for any link */
static void runtime_linkage(struct chooser *c)
{
	struct choice *ch = c->ch;
	const struct gccinfo *g;
	int mode = c->set->cxx_runtime;

	static const struct version merged = {{2, 34, 0}, 2};

	if (ch->t->libc == LIBC_GLIBC && ch->floor.parts)
		ch->system = floor_system(&ch->floor);
	/* libstdc++'s std::thread calls pthread_create, in libpthread below
	 * glibc 2.34; C++ written for newer systems does not say -pthread */
	ch->pthread = ch->mode == MODE_LINK && c->rq->cxx && ch->system &&
	              version_cmp(&ch->floor, &merged) < 0;
	if (ch->mode != MODE_LINK || !ch->gcc || ch->static_link ||
	    ch->t->os != OS_LINUX || mode == 0)
		return;
	g = gcc_info(ch->gcc->ver.v[0]);
	if (c->rq->cxx)
		ch->static_cxx = mode == 1 || !ch->system ||
		                 version_strcmp(g->glibcxx, ch->system->glibcxx) > 0;
	if (c->rq->fortran && c->rq->n->tool->family == FAM_GCC)
		ch->static_fortran = mode == 1 || !ch->system ||
		                     g->libgfortran != ch->system->libgfortran;
}

/* objects compiled by a newer GCC (or rustc) call libgcc helpers an older
 * GCC's libgcc lacks (aarch64's outline atomics since GCC 10, _Float16
 * conversions since 12): a link with a GCC older than the newest installed
 * takes SHARD/libgcc-newer.a (shards/libgcc-newer.sh), whose members the
 * linker pulls only when needed.  One stat, on such links only. */
static void libgcc_newer(struct chooser *c)
{
	struct choice *ch = c->ch;
	char *a;

	if (ch->mode != MODE_LINK || !ch->gcc || c->rq->a.relocatable ||
	    ch->gcc == &c->ss->gcc[c->ss->ngcc - 1])
		return;
	a = xconcat(ch->gcc->dir, "/libgcc-newer.a", (char *)NULL);
	if (file_exists(a))
		ch->libgcc_newer = a;
}

/* a Debian-style sysroot (debootstrap) keeps libc in multiarch
 * directories: usr/include/x86_64-linux-gnu, usr/lib/x86_64-linux-gnu */
static int multiarch(struct chooser *c)
{
	struct choice *ch = c->ch;

	if (ch->sysroot == ch->target_sysroot)
		return shardset_multiarch(c->ss, ch->t);
	return *ch->t->multiarch &&
	       dir_exists(xconcat(ch->sysroot, "/usr/include/", ch->t->multiarch,
	                          (char *)NULL));
}

static const char *choose_gcc(struct chooser *c)
{
	const struct tool *tl = c->rq->n->tool;
	struct choice *ch = c->ch;
	const char *why;

	if (target_sdk_only(ch->t))
		return xprintf("%s: %s is a clang-only target; use %s-clang or "
		               "%s-clang++", c->rq->name, ch->t->name,
		               platform_string(&c->rq->n->plat),
		               platform_string(&c->rq->n->plat));
	if ((why = arm_level_check(ch->t, &c->rq->a.arm)))
		return xconcat(c->rq->name, ": ", why, (char *)NULL);
	if ((why = pick_gcc(c, tl->shard_name, c->name_pref ? c->name_pref
	                                                     : env_pref(c))))
		return why;
	ch->program = shard_tool(ch->gcc, ch->tdir, tl->shard_name);
	if (ch->t->libc == LIBC_GLIBC && ch->sysroot && ch->mode != MODE_QUERY)
		ch->multiarch = multiarch(c);
	ch->static_link = static_link(c);
	runtime_linkage(c);
	libgcc_newer(c);
	return NULL;
}

/* the named file of the chosen clang shard, which must be there */
static const char *clang_file(struct chooser *c, const char *file)
{
	if (!shard_has(c->ch->clang, c->ch->tdir, file))
		return xprintf("%s: the clang shard %s has no bin/%s", c->rq->name,
		               c->ch->clang->dir, file);
	c->ch->program = shard_tool(c->ch->clang, c->ch->tdir, file);
	return NULL;
}

/* the last root: PREFIX/opt when installed, where an SDK is put */
static const char *home_root(const struct shardset *ss)
{
	unsigned n = 0;

	while (ss->roots[n])
		n++;
	return n ? ss->roots[n - 1] : "ROOT";
}

static const char *choose_clang(struct chooser *c)
{
	struct choice *ch = c->ch;
	const char *why;

	ch->clang = clang_choose(c->ss, c->name_pref, c->clang_min);
	if (!ch->clang && c->ss->nclang)
		return xprintf("%s: -std=%s needs clang >= %s; installed clang: %s",
		               c->rq->name, c->rq->a.std, std_info(c->rq->a.std)->clang,
		               shard_list(c->ss->clang, c->ss->nclang, NULL, NULL));
	if (!ch->clang)
		return xprintf("%s: no clang shard installed (looked for "
		               "ROOT/%s/clang-X.Y.Z in %s); run install.sh or set "
		               "CCMUX_ROOT", c->rq->name, CLANG_HOST_DIR,
		               c->ss->roots[0] ? c->ss->roots[0] : "no root");
	if ((why = clang_file(c, c->rq->n->tool->shard_name)))
		return why;
	if (target_sdk_only(ch->t)) {
		if (ch->mode != MODE_QUERY && !ch->sysroot)
			return xprintf("%s: %s needs %s the user supplies: create "
			               "%s/%s/%s/sys-root", c->rq->name, ch->t->name,
			               ch->t->os == OS_DARWIN ?
			               "a macOS SDK (usr/include, usr/lib/libSystem.tbd)" :
			               "a FreeBSD sysroot (usr/include, usr/lib, lib)",
			               home_root(c->ss), ch->t->name, ch->t->name);
		return NULL;
	}
	if (ch->mode != MODE_QUERY &&
	    (why = pick_gcc(c, c->rq->cxx ? "g++" : "gcc", env_pref(c))))
		return why;
	ch->static_link = static_link(c);
	runtime_linkage(c);
	libgcc_newer(c);
	return NULL;
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

static const char *choose_llvm_tool(struct chooser *c)
{
	const char *name = c->rq->n->tool->name, *llvm = NULL;
	unsigned i;

	if (strcmp(name, "ld") == 0 || strcmp(name, "ld.lld") == 0)
		llvm = c->ch->t->os == OS_DARWIN ? "ld64.lld" : "ld.lld";
	for (i = 0; i < sizeof(llvm_tools) / sizeof(llvm_tools[0]); i++)
		if (strcmp(llvm_tools[i].tool, name) == 0)
			llvm = llvm_tools[i].llvm;
	if (!llvm)
		return xprintf("%s: %s is a clang-only target and has no %s; use %s-clang",
		               c->rq->name, c->ch->t->name, name,
		               platform_string(&c->rq->n->plat));
	c->ch->clang = clang_choose(c->ss, NULL, NULL);
	if (!c->ch->clang)
		return xprintf("%s: the LLVM tools come with the clang shard, and none "
		               "is installed (ROOT/%s/clang-X.Y.Z)", c->rq->name,
		               CLANG_HOST_DIR);
	return clang_file(c, llvm);
}

static const char *choose_lld(struct chooser *c)
{
	c->ch->clang = clang_choose(c->ss, NULL, NULL);
	if (!c->ch->clang)
		return xprintf("%s: ld.lld comes with the clang shard, and none is "
		               "installed (ROOT/%s/clang-X.Y.Z)", c->rq->name,
		               CLANG_HOST_DIR);
	return clang_file(c, "ld.lld");
}

static const char *choose_binutils(struct chooser *c)
{
	const char *tool = c->rq->n->tool->shard_name;
	struct gccwant w = {&c->rq->n->plat, tool, env_pref(c), c->rq->name, NULL,
	                    NULL, NULL, 0};
	char *why = NULL;

	if (target_sdk_only(c->ch->t))
		return choose_llvm_tool(c);
	c->ch->binutils = binutils_choose(c->ss, &w, &why);
	if (!c->ch->binutils)
		return why;
	c->ch->program = shard_tool(c->ch->binutils, c->ch->tdir, tool);
	return NULL;
}

static const char *choose_pkgconfig(struct chooser *c)
{
	const char *tdir = c->ch->tdir;

	c->ch->program = c->host->which("pkg-config", 1, c->host->arg);
	if (!c->ch->program)
		return xprintf("%s: pkg-config is not installed on this machine "
		               "(apt-get install pkg-config)", c->rq->name);
	if (!c->ss->sysroot)
		return xprintf("%s: no sysroot for %s (ROOT/%s/%s/sys-root), so "
		               "there is nothing for pkg-config to look in",
		               c->rq->name, tdir, tdir, tdir);
	return NULL;
}

/* the request's -std= constrains the compiler when its language is one the
 * request involves (GCC ignores, with a warning, a -std= of another) */
static void std_limits(struct chooser *c)
{
	const struct request *rq = c->rq;
	const struct stdinfo *si = rq->a.std ? std_info(rq->a.std) : NULL;
	int involved;

	if (!si)
		return;   /* a value the table does not know: the compiler judges */
	involved = si->lang == LANG_CXX ? rq->cxx :
	           si->lang == LANG_FORTRAN ? rq->fortran :
	           rq->n->tool->lang == LANG_C || (rq->a.langs & L_C);
	if (!involved)
		return;
	if (version_parse(si->gcc, &c->gcc_std) == 0)
		c->gcc_min = &c->gcc_std;
	if (version_parse(si->clang, &c->clang_std) == 0)
		c->clang_min = &c->clang_std;
}

/* CCMUX_LAUNCHER=ccache|sccache|distcc|icecc|PATH goes in front of a
 * compiler, so that it sees (and caches on) the final argv */
static const char *choose_launcher(struct chooser *c)
{
	const char *l = c->set->launcher, *exe;
	enum mode m = c->ch->mode;
	int kind;

	if (!l || !tool_is_compiler(c->rq->n->tool) || m == MODE_QUERY ||
	    m == MODE_PRINT)
		return NULL;
	exe = strchr(l, '/') ? l : c->host->which(l, 0, c->host->arg);
	kind = exe ? path_kind(exe) : PATH_MISSING;
	if (kind == PATH_MISSING)
		return xprintf("CCMUX_LAUNCHER=%s: not found (install it, or give "
		               "its path)", l);
	if (kind == PATH_DIR)
		return xprintf("CCMUX_LAUNCHER=%s is a directory; name the launcher "
		               "program itself (ccache, sccache, distcc, icecc)", l);
	if (c->host->is_self(exe, c->host->arg))
		return xprintf("recursive invocation: CCMUX_LAUNCHER=%s is ccmux "
		               "itself", l);
	c->ch->launcher = exe;
	return NULL;
}

const char *choose(const struct request *rq, const struct settings *set,
                   struct shardset *ss, const struct hostlookup *host,
                   struct choice *ch)
{
	const struct name *n = rq->n;
	struct chooser c;
	const char *why = NULL;

	memset(&c, 0, sizeof(c));
	c.rq = rq, c.set = set, c.ss = ss, c.host = host, c.ch = ch;
	memset(ch, 0, sizeof(*ch));
	ch->plat = &n->plat;
	ch->t = n->plat.target;
	ch->inv = ss;
	ch->tdir = ss->tdir;
	ch->osver = *n->plat.osver ? n->plat.osver : default_osver(ch->t);
	ch->mode = rq->a.mode;
	ch->target_sysroot = ss->sysroot;
	if ((why = pick_floor(&c)))
		return why;
	ch->sysroot = rq->a.sysroot ? rq->a.sysroot : ch->target_sysroot;
	if (*n->version && version_parse(n->version, &c.name_ver) == 0)
		c.name_pref = &c.name_ver;
	std_limits(&c);
	switch (n->tool->family) {
	case FAM_GCC: why = choose_gcc(&c); break;
	case FAM_CLANG: why = choose_clang(&c); break;
	case FAM_BINUTILS: why = choose_binutils(&c); break;
	case FAM_LLD:
		why = target_sdk_only(ch->t) ? choose_llvm_tool(&c) : choose_lld(&c);
		break;
	case FAM_PKGCONFIG: why = choose_pkgconfig(&c); break;
	}
	return why ? why : choose_launcher(&c);
}

void choice_audit_spec(const struct choice *ch, const struct settings *set,
                       struct audit_spec *s)
{
	struct version glibc = {{0, 0, 0}, 0};

	memset(s, 0, sizeof(*s));
	s->plat = ch->plat;
	if (ch->floor.parts)
		glibc = ch->floor;
	else if (ch->inv)
		shardset_glibc(ch->inv, &glibc);
	audit_floor(s, ch->target_sysroot, &glibc);
	if (set->cxx_runtime != 0 && ch->system)
		audit_system(s, ch->system);
	else if (ch->gcc)
		audit_runtime(s, ch->gcc->verstr);
}
