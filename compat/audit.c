/* audit.c: proving that a built file honours its platform: machine and
 * class, dynamic linker, the glibc floor, the libstdc++ it may need, the
 * libgfortran SONAME and C++ string ABI its tags name, static linking where
 * the target is static, hard float on ARM.  It reads files only through
 * elfread.c's bounds-checked reader. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "audit.h"
#include "exec.h"
#include "elfread.h"
#include "rules.h"
#include "sysroot.h"

/* what a file is checked against; fields left empty are not checked */
struct spec {
	const struct platform *plat;   /* NULL: report only */
	struct version floor;          /* glibc floor; parts 0: none known */
	const char *floor_from;        /* where the floor came from */
	const struct gccinfo *gcc;     /* the libstdc++ the binary may need */
	const char *gcc_version;       /* "4.8.5" */
	int want_static;               /* executables must be static */
};

/* one run's findings: violations and unreadable files */
struct result {
	int violations;
	int unreadable;
	int to_stderr;                 /* CCMUX_AUDIT: lines to stderr */
};

static void say(struct result *r, const char *file, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void say(struct result *r, const char *file, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	r->violations++;
	if (r->to_stderr)
		fprintf(stderr, "ccmux: audit: %s: %s\n", file, msg);
	else
		printf("  VIOLATION %s: %s\n", file, msg);
}

static const char *or_dash(const char *s)
{
	return s ? s : "-";
}

static int is_executable(const struct elf_info *e)
{
	return e->type == 2 || (e->type == 3 && e->interp);
}

static const char *abi_evidence(const struct elf_info *e)
{
	if (e->cxx11_syms)
		return xprintf("cxx11 (%zu __cxx11 symbols)", e->cxx11_syms);
	if (e->cxx03_syms)
		return xprintf("cxx03 (%zu old std::string symbols)", e->cxx03_syms);
	return "none";
}

static void report(const char *file, const struct elf_info *e)
{
	size_t i;

	printf("%s: %s %d-bit %s, %s, type %d\n", file,
	       e->format == FMT_PE ? "PE" : "ELF", e->elfclass,
	       e->big_endian ? "MSB" : "LSB", elf_machine_name(e->format, e->machine),
	       e->type);
	if (e->format == FMT_PE) {
		printf("  subsystem: %d\n  imports:", e->pe_subsystem);
		for (i = 0; i < e->nneeded; i++)
			printf(" %s", e->needed[i]);
		printf("\n");
		return;
	}
	printf("  interpreter: %s\n  needed:", or_dash(e->interp));
	for (i = 0; i < e->nneeded; i++)
		printf(" %s", e->needed[i]);
	printf("%s\n", e->nneeded ? "" : " -");
	printf("  needs: GLIBC %s, GLIBCXX %s, CXXABI %s, GFORTRAN %s\n",
	       or_dash(elf_max_version(e, "GLIBC_")),
	       or_dash(elf_max_version(e, "GLIBCXX_")),
	       or_dash(elf_max_version(e, "CXXABI_")),
	       or_dash(elf_max_version(e, "GFORTRAN_")));
	printf("  c++ string abi: %s\n", abi_evidence(e));
	printf("  linkage: %s\n", e->interp || e->dynamic ? "dynamic" : "static");
	if (e->arm_hard_float >= 0)
		printf("  float abi: %s\n", e->arm_hard_float ? "hard" : "soft");
}

/* machine, class, dynamic linker, static */
static void check_form(struct result *r, const char *f, const struct elf_info *e,
                       const struct spec *s)
{
	const struct target *t = s->plat->target;
	int pe = t->os == OS_WINDOWS;
	int want_pe_machine = strcmp(t->arch, "x86_64") == 0 ? 0x8664 : 0x14c;

	if (pe != (e->format == FMT_PE)) {
		say(r, f, "a %s file, but %s wants %s", e->format == FMT_PE ? "PE" : "ELF",
		    t->name, pe ? "PE" : "ELF");
		return;
	}
	if ((pe && e->machine != want_pe_machine) ||
	    (!pe && (e->machine != t->elf_machine || e->elfclass != t->elf_class)))
		say(r, f, "machine %s %d-bit, but %s is %s %d-bit",
		    elf_machine_name(e->format, e->machine), e->elfclass, t->name,
		    t->arch, t->elf_class);
	if (pe)
		return;
	if (e->interp && *t->dynamic_linker && strcmp(e->interp, t->dynamic_linker) != 0)
		say(r, f, "interpreter %s, but %s loads with %s", e->interp, t->name,
		    t->dynamic_linker);
	if (s->want_static && is_executable(e) && e->interp)
		say(r, f, "dynamic executable (interpreter %s), but %s executables "
		    "are static", e->interp, t->name);
	if (t->elf_machine == 40 && e->arm_hard_float == 0)
		say(r, f, "soft-float ARM code, but %s is hard-float (eabihf)", t->name);
}

/* a needed version against a limit */
static void check_version(struct result *r, const char *f, const struct elf_info *e,
                          const char *prefix, const char *limit, const char *why)
{
	const char *need = elf_max_version(e, prefix);
	struct version n, l;

	if (!need || !limit || version_parse(limit, &l) != 0)
		return;
	if (version_parse(need, &n) != 0)
		return;
	if (version_cmp(&n, &l) > 0)
		say(r, f, "needs %s%s, above %s%s (%s)", prefix, need, prefix, limit, why);
}

static void check_abi(struct result *r, const char *f, const struct elf_info *e,
                      const struct spec *s)
{
	const struct platform *p = s->plat;
	size_t i;

	if (p->libgfortran)
		for (i = 0; i < e->nneeded; i++)
			if (startswith(e->needed[i], "libgfortran.so.") &&
			    atoi(e->needed[i] + 15) != p->libgfortran)
				say(r, f, "links %s, but the name says libgfortran%d",
				    e->needed[i], p->libgfortran);
	if (p->cxxabi == CXXABI_03 && e->cxx11_syms)
		say(r, f, "%zu __cxx11 symbols, but the name says cxx03", e->cxx11_syms);
	if (p->cxxabi == CXXABI_11 && e->cxx03_syms && !e->cxx11_syms)
		say(r, f, "old-ABI std::string symbols (%zu), but the name says cxx11",
		    e->cxx03_syms);
}

static void check_libs(struct result *r, const char *f, const struct elf_info *e,
                       const struct spec *s)
{
	const struct target *t = s->plat->target;
	char floor[32];

	if (t->libc == LIBC_MUSL && elf_max_version(e, "GLIBC_"))
		say(r, f, "needs GLIBC_%s symbols, but %s has no glibc",
		    elf_max_version(e, "GLIBC_"), t->name);
	if (s->floor.parts) {
		version_format(&s->floor, floor, sizeof(floor));
		check_version(r, f, e, "GLIBC_", floor, s->floor_from);
	}
	if (s->gcc) {
		char *why = xprintf("what GCC %s's libstdc++ provides", s->gcc_version);

		check_version(r, f, e, "GLIBCXX_", s->gcc->glibcxx, why);
		check_version(r, f, e, "CXXABI_", s->gcc->cxxabi, why);
	}
}

/* audit one file; returns 0, 1 (violations) or 2 (unreadable) */
static int audit_file(const char *f, const struct spec *s, struct result *r,
                      int quiet)
{
	struct elf_info e;
	char err[256];
	int before = r->violations;
	int rc = elf_read(f, &e, err, sizeof(err));

	if (rc != ELF_OK) {
		r->unreadable++;
		fprintf(stderr, "ccmux: audit: %s: %s\n", f, err);
		return 2;
	}
	if (!quiet)
		report(f, &e);
	if (s->plat) {
		check_form(r, f, &e, s);
		if (e.format == FMT_ELF) {
			check_libs(r, f, &e, s);
			check_abi(r, f, &e, s);
		}
	}
	return r->violations > before;
}

/* the floor in force (the sysroot's glibc) or the seeds' floor */
static void spec_floor(struct spec *s, const char *sysroot)
{
	const struct target *t = s->plat->target;

	if (t->libc != LIBC_GLIBC)
		return;
	if (sysroot && sysroot_glibc(sysroot, &s->floor) == 0) {
		s->floor_from = xconcat("the floor of ", sysroot, (char *)NULL);
		return;
	}
	if (version_parse(t->seed_floor, &s->floor) == 0)
		s->floor_from = xprintf("the seeds' floor for %s", t->name);
}

/* `ccmux audit` demands static executables only when CCMUX_STATIC=1 says
 * so: a musl executable linked against a shared library is dynamic by the
 * user's choice (CCMUX_AUDIT=1 checks what ccmux itself asked for) */
static int static_asked(void)
{
	const char *env = ccmux_env("CCMUX_STATIC");

	return env && strcmp(env, "1") == 0;
}

/* the spec for a platform as `ccmux audit --target` sees it: the shards
 * and sysroot installed, the GCC the compat rules would choose for C++ */
static void spec_for(const struct ctx *c, const struct platform *p, struct spec *s)
{
	struct shardset ss;
	struct gccwant w = {p, "g++", ccmux_env("CCMUX_GCC_VERSION"), "audit", NULL};
	const struct shard *g;
	char *why;

	memset(s, 0, sizeof(*s));
	s->plat = p;
	shard_scan(c->roots, platform_dir(p), 0, &ss);
	spec_floor(s, ss.sysroot);
	if (w.pref && !*w.pref)
		w.pref = NULL;
	g = gcc_choose(&ss, &w, &why);
	if (g) {
		s->gcc = gcc_info(g->ver.v[0]);
		s->gcc_version = g->verstr;
	}
	s->want_static = static_asked();
}

int audit_main(const struct ctx *c, int argc, char **argv)
{
	struct platform p;
	struct spec s;
	struct result r = {0, 0, 0};
	int i = 0, worst = 0;

	memset(&s, 0, sizeof(s));
	if (argc >= 2 && strcmp(argv[0], "--target") == 0) {
		const char *e = parse_triplet(argv[1], &p);

		if (e)
			fatal("%s", e);
		spec_for(c, &p, &s);
		i = 2;
	}
	if (i >= argc)
		fatal("usage: ccmux audit [--target TRIPLET] FILE...");
	for (; i < argc; i++) {
		int rc = audit_file(argv[i], &s, &r, 0);

		if (rc > worst)
			worst = rc;
	}
	fflush(stdout);
	return worst;
}

/* run the link as a child and wait for it */
static int run_link(const struct plan *p, char **env)
{
	pid_t pid = fork();
	int status;

	if (pid < 0)
		fatal("fork:");
	if (pid == 0)
		exec_or_die(p->argv.v, env);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			fatal("waitpid:");
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	return 128 + WTERMSIG(status);
}

int audit_after_link(const struct plan *p, char **env)
{
	struct result r = {0, 0, 1};
	struct spec s;
	struct stat st;
	int rc = run_link(p, env);

	if (rc != 0 || stat(p->output, &st) != 0 || !S_ISREG(st.st_mode))
		return rc;
	memset(&s, 0, sizeof(s));
	s.plat = p->plat;
	spec_floor(&s, p->target_sysroot);
	if (p->gcc) {
		s.gcc = gcc_info(p->gcc->ver.v[0]);
		s.gcc_version = p->gcc->verstr;
	}
	s.want_static = p->static_link;
	if (audit_file(p->output, &s, &r, 1) == 0)
		return 0;
	if (unlink(p->output) != 0)
		warn("audit: cannot remove %s:", p->output);
	else
		fprintf(stderr, "ccmux: audit: removed %s\n", p->output);
	return 1;
}
