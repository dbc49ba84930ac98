/* audit.c: proving that a built file honours its platform: machine and
 * class, dynamic linker, the glibc floor, the libstdc++ it may need, the
 * libgfortran SONAME and C++ string ABI its tags name, static linking where
 * the target is static, hard float on ARM.  It reads files only through
 * elfread.c's bounds-checked reader. */
#include <elf.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "compat/audit.h"
#include "compat/elfread.h"
#include "compat/rules.h"
#include "compat/sysroot.h"

static void say(struct audit_result *r, const char *file, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void say(struct audit_result *r, const char *file, const char *fmt, ...)
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
	return e->type == ET_EXEC || (e->type == ET_DYN && e->interp);
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
	printf("  needs: GLIBC %s, GLIBCXX %s, CXXABI %s, GCC %s, GFORTRAN %s\n",
	       or_dash(elf_max_version(e, "GLIBC_")),
	       or_dash(elf_max_version(e, "GLIBCXX_")),
	       or_dash(elf_max_version(e, "CXXABI_")),
	       or_dash(elf_max_version(e, "GCC_")),
	       or_dash(elf_max_version(e, "GFORTRAN_")));
	printf("  c++ string abi: %s\n", abi_evidence(e));
	printf("  linkage: %s\n", e->interp || e->dynamic ? "dynamic" : "static");
	if (e->arm_hard_float >= 0)
		printf("  float abi: %s\n", e->arm_hard_float ? "hard" : "soft");
	if (e->arm_cpu_arch >= 0)
		printf("  cpu: %s%s%s%s\n", arm_arch_name(e->arm_cpu_arch),
		       e->arm_thumb >= 2 ? ", Thumb-2" : e->arm_thumb == 1 ? ", Thumb-1" : "",
		       e->arm_fp > 0 ? xprintf(", FP %s", arm_fp_name(e->arm_fp)) : "",
		       e->arm_simd > 0 ? ", NEON" : "");
}

/* machine, class, dynamic linker, static */
static void check_form(struct audit_result *r, const char *f, const struct elf_info *e,
                       const struct audit_spec *s)
{
	const struct target *t = s->plat->target;
	int pe = t->os == OS_WINDOWS;

	if (pe != (e->format == FMT_PE)) {
		say(r, f, "a %s file, but %s wants %s", e->format == FMT_PE ? "PE" : "ELF",
		    t->name, pe ? "PE" : "ELF");
		return;
	}
	if (e->machine != t->machine || (!pe && e->elfclass != t->elf_class))
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
	if (t->machine == EM_ARM && e->arm_hard_float == 0)
		say(r, f, "soft-float ARM code, but %s is hard-float (eabihf)", t->name);
	if (t->arm_arch && e->arm_cpu_arch > t->arm_arch)
		say(r, f, "%s code (Tag_CPU_arch %d), but %s runs %s", arm_arch_name(e->arm_cpu_arch),
		    e->arm_cpu_arch, t->name, arm_arch_name(t->arm_arch));
	if (target_armv6(t) && e->arm_thumb >= 2)
		say(r, f, "Thumb-2 code (Tag_THUMB_ISA_use %d), but %s has no Thumb-2",
		    e->arm_thumb, t->name);
	if (target_armv6(t) && e->arm_fp > 2)
		say(r, f, "%s floating point (Tag_FP_arch %d), but %s has VFPv2",
		    arm_fp_name(e->arm_fp), e->arm_fp, t->name);
	if (target_armv6(t) && e->arm_simd > 0)
		say(r, f, "NEON code (Tag_Advanced_SIMD_arch %d), but %s has no NEON",
		    e->arm_simd, t->name);
}

/* a needed version against a limit */
static void check_version(struct audit_result *r, const char *f, const struct elf_info *e,
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

static void check_abi(struct audit_result *r, const char *f, const struct elf_info *e,
                      const struct audit_spec *s)
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

static void check_libs(struct audit_result *r, const char *f, const struct elf_info *e,
                       const struct audit_spec *s)
{
	const struct target *t = s->plat->target;
	char floor[32];
	size_t i;

	if (t->libc == LIBC_MUSL && elf_max_version(e, "GLIBC_"))
		say(r, f, "needs GLIBC_%s symbols, but %s has no glibc",
		    elf_max_version(e, "GLIBC_"), t->name);
	if (s->floor.parts) {
		version_format(&s->floor, floor, sizeof(floor));
		check_version(r, f, e, "GLIBC_", floor, s->floor_from);
	}
	check_version(r, f, e, "GLIBCXX_", s->glibcxx, s->runtime_from);
	check_version(r, f, e, "CXXABI_", s->cxxabi, s->runtime_from);
	check_version(r, f, e, "GCC_", s->libgcc, s->runtime_from);
	for (i = 0; s->libgfortran && i < e->nneeded; i++)
		if (startswith(e->needed[i], "libgfortran.so.") &&
		    atoi(e->needed[i] + 15) != s->libgfortran)
			say(r, f, "links %s, but %s has libgfortran.so.%d", e->needed[i],
			    s->runtime_from, s->libgfortran);
}

int audit_file(const char *f, const struct audit_spec *s, struct audit_result *r,
               int quiet)
{
	struct elf_info e;
	char err[256];
	int before = r->violations;
	int rc = elf_read(f, &e, err, sizeof(err));

	if (rc != RD_OK) {
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

void audit_floor(struct audit_spec *s, const char *sysroot,
                 const struct version *glibc)
{
	const struct target *t = s->plat->target;

	if (t->libc != LIBC_GLIBC)
		return;
	if (sysroot && glibc && glibc->parts) {
		s->floor = *glibc;
		s->floor_from = xconcat("the floor of ", sysroot, (char *)NULL);
		return;
	}
	if (version_parse(t->seed_floor, &s->floor) == 0)
		s->floor_from = xprintf("the seeds' floor for %s", t->name);
}

void audit_runtime(struct audit_spec *s, const char *gcc_version)
{
	const struct gccinfo *g;
	struct version v;

	if (!gcc_version || version_parse(gcc_version, &v) != 0 ||
	    !(g = gcc_info(v.v[0])))
		return;
	s->glibcxx = g->glibcxx;
	s->cxxabi = g->cxxabi;
	s->libgcc = NULL;
	s->libgfortran = 0;
	s->runtime_from = xprintf("what GCC %s's libstdc++ provides "
	                          "(libstdc++.so.%s)", gcc_version, g->libstdcxx);
}

void audit_system(struct audit_spec *s, const struct sysinfo *sys)
{
	s->glibcxx = sys->glibcxx;
	s->cxxabi = sys->cxxabi;
	s->libgcc = sys->libgcc;
	s->libgfortran = sys->libgfortran;
	s->runtime_from = xprintf("the floor's oldest system, %s", sys->names);
}
