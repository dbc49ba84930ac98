/* rules.h: the GCC compatibility table (gcc.def) and the choice of a GCC,
 * binutils or clang shard from an inventory under the libgfortran, C++
 * string ABI, runtime-floor and preference rules */
#ifndef CCMUX_RULES_H
#define CCMUX_RULES_H

#include "base/version.h"
#include "compat/shard.h"
#include "targets/name.h"

struct gccinfo {
	int major;
	int libgfortran;        /* SONAME number of its libgfortran */
	const char *libstdcxx;  /* libstdc++.so.6.0.N of its first release */
	const char *glibcxx, *cxxabi; /* highest GLIBCXX_ / CXXABI_ it has */
	int cxx11_default;      /* the C++11 std::string ABI exists (GCC >= 5) */
	const char *binutils;   /* the binutils BinaryBuilder pairs with it */
};

/* the whole table, oldest first, and its length */
extern const struct gccinfo gcc_table[];
extern const unsigned gcc_table_len;
/* the table row for a GCC major; the nearest older row for an unknown
 * major (the newest row for a newer one); NULL below the first row */
const struct gccinfo *gcc_info(int major);
/* the GCC majors a platform's tags allow, from the table: lo <= major <= hi
 * (hi 0: no upper limit) */
void gcc_range(const struct platform *p, int *lo, int *hi);

/* the user's ARM code-generation options: the last value of each, NULL
 * (or thumb 0) when not given */
struct armflags {
	const char *march, *mcpu, *mfpu, *float_abi;
	int thumb;             /* 1 after -mthumb, 0 after -marm or neither */
};
/* NULL if the user's ARM options make code the target's CPU runs (its
 * targets.def arm_arch: below ARMv7 the ARM1176 of armv6l: ARM mode,
 * VFPv2, no NEON, hard-float), else why not; any target of ARMv7 or
 * newer takes anything (its GCC judges) */
const char *arm_level_check(const struct target *t, const struct armflags *f);
/* "ARMv6KZ" for a Tag_CPU_arch value */
const char *arm_arch_name(int tag);
/* "VFPv3" for a Tag_FP_arch value */
const char *arm_fp_name(int tag);

/* 1 if GCC builds libquadmath for the target's architecture (the x86 and
 * POWER ones), which libgfortran then uses */
int gcc_has_quadmath(const struct target *t);

/* the oldest system of a glibc floor (systems.def) */
struct sysinfo {
	const char *glibc;
	const char *glibcxx, *cxxabi; /* the newest its libstdc++ has */
	int libgfortran;        /* its libgfortran SONAME number */
	const char *libgcc;     /* the newest GCC_ version its libgcc_s has */
	const char *names;      /* "RHEL/CentOS 7 (GCC 4.8)" */
};

/* the system a program built at this glibc floor must run on: the row of
 * the newest glibc not above it (the oldest row below the first) */
const struct sysinfo *floor_system(const struct version *floor);

/* a -std= value and the first GCC and clang that accept it (std.def) */
struct stdinfo {
	const char *name;       /* "c++17" */
	enum lang lang;
	const char *gcc, *clang; /* first versions; "-" for never */
};

/* the row for a -std= value; NULL for a value the table does not know
 * (the compiler will judge it) */
const struct stdinfo *std_info(const char *value);
/* 1 if the table is sorted, as std_info's bsearch needs (unit tests) */
int std_table_sorted(void);

/* what a GCC choice needs */
struct gccwant {
	const struct platform *plat;
	const char *tool;      /* file that must be in the shard's bin/ after
	                          TDIR- (gcc, g++, gfortran), or NULL */
	const struct version *pref; /* preferred version, or NULL: the oldest */
	const char *request;   /* the name as the user gave it, for messages */
	const struct version *floor; /* glibc floor the GCC runtime (libstdc++,
	                          libgfortran) must run at, or NULL */
	const struct version *min;   /* the oldest GCC that can do what the
	                          request asks (its -std=), or NULL */
	const char *min_why;   /* what asks it: "-std=c++17" */
	int own_crt;           /* 1: the shard needs a runtime built for the
	                          target's CPU level (shard_own_crt: ARMv6, where
	                          Debian's libgcc and crt files are ARMv7) */
};

/* choose the GCC shard: the oldest legal one, or the legal one closest to
 * pref (major, then minor, then patch; ties to the older); NULL with *why
 * set to one line naming the rule, the request and what is installed */
struct shard *gcc_choose(struct shardset *ss, const struct gccwant *w,
                         char **why);
/* choose the binutils shard that has TDIR-tool, paired with the GCC that
 * would be chosen for the platform; NULL with *why on failure */
struct shard *binutils_choose(struct shardset *ss, const struct gccwant *w,
                              char **why);
/* choose the clang shard closest to pref (the newest if NULL) among those
 * at least min (any if NULL); NULL if none */
struct shard *clang_choose(struct shardset *ss, const struct version *pref,
                           const struct version *min);

#endif
