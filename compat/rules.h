/* rules.h: the GCC compatibility table (gcc.def) and the choice of a GCC
 * shard under the libgfortran, C++ string ABI and preference rules */
#ifndef CCMUX_RULES_H
#define CCMUX_RULES_H

#include "name.h"
#include "shard.h"

struct gccinfo {
	int major;
	int libgfortran;
	const char *libstdcxx, *glibcxx, *cxxabi;
	int cxx11_default;
	const char *binutils;
};

/* the table row for a GCC major; the nearest older row for an unknown
 * major (the newest row for a newer one); NULL below GCC 4 */
const struct gccinfo *gcc_info(int major);
/* the whole table and its length */
extern const struct gccinfo gcc_table[];
extern const unsigned gcc_table_len;

/* the GCC majors a platform's tags allow: lo <= major <= hi (hi 0: no limit) */
void gcc_range(const struct platform *p, int *lo, int *hi);

/* what a GCC choice needs */
struct gccwant {
	const struct platform *plat;
	const char *tool;      /* file that must be in the shard's bin/ after
	                          TDIR- (gcc, g++, gfortran), or NULL */
	const char *pref;      /* preferred version (name suffix or
	                          CCMUX_GCC_VERSION), or NULL */
	const char *request;   /* the name as the user gave it, for messages */
	const struct version *floor; /* glibc floor the GCC runtime (libstdc++,
	                          libgfortran) must run at, or NULL */
};

/* the glibc a GCC shard's runtime libraries need, from the link
 * SHARD/runtime-glibc -> "2.34" that install.sh writes; 0 if it has none */
int shard_runtime_glibc(const struct shard *s, struct version *out);

/* choose the GCC shard; returns it, or NULL with *why set to a one-line
 * message naming the rule, the request and what is installed */
const struct shard *gcc_choose(const struct shardset *ss, const struct gccwant *w,
                               char **why);
/* choose the binutils shard that has TDIR-tool, paired with the GCC that
 * would be chosen for the platform; NULL with *why on failure */
const struct shard *binutils_choose(const struct shardset *ss,
                                    const struct gccwant *w, char **why);
/* choose the clang shard closest to pref (newest if NULL) */
const struct shard *clang_choose(const struct shardset *ss, const char *pref);

#endif
