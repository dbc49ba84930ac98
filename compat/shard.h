/* shard.h: the inventory of a target's installed shards under the roots
 *
 * Layout (the seeds'):  ROOT/TDIR/gcc-X.Y.Z/bin/TDIR-{gcc,g++,gfortran,cpp}
 *                       ROOT/TDIR/binutils-X.Y/bin/TDIR-{ld,as,ar,...}
 *                       ROOT/TDIR/TDIR/sys-root/     (the default floor)
 *                       ROOT/TDIR/glibc-X.Y/         (a sysroot at glibc X.Y)
 *                       ROOT/x86_64-linux-gnu/clang-X.Y.Z/bin/clang
 * where TDIR is the target with its OS version (platform_dir()).  Versions
 * come from the directory names; no compiler is run to learn them.
 *
 * The scan (one getdents of each ROOT/TDIR) fills the lists.  What a shard
 * holds (its tool files, the glibc its runtime needs) is read from disk the
 * first time a rule asks, and only for the shards the rules look at; a unit
 * test fills those facts in advance and nothing touches the disk. */
#ifndef CCMUX_SHARD_H
#define CCMUX_SHARD_H

#include "base/version.h"
#include "targets/target.h"

/* where clang shards live: the build machine's own directory */
#define CLANG_HOST_DIR "x86_64-linux-gnu"

struct shard {
	const char *dir;        /* ROOT/TDIR/gcc-12.2.0 */
	const char *verstr;     /* "12.2.0", as written */
	struct version ver;
	/* facts, read on first use (known) or filled in advance */
	unsigned tools_known;   /* bit per tools[] index: looked at */
	unsigned tools_have;    /*   ... and the file is there */
	int runtime_known;
	struct version runtime_glibc; /* parts 0: no runtime-glibc mark */
	int crt_known, crt;     /* SHARD/TDIR/LIBDIR/crtbeginS.o: a runtime built
	                           with the target's own cflags (ARMv6) */
};

struct shardset {
	const char *tdir;       /* TDIR */
	const char **roots;     /* the roots scanned, first searched first */
	struct shard *gcc;      /* oldest first; a version in an earlier root */
	unsigned ngcc;          /*   hides the same version in a later one */
	struct shard *binutils;
	unsigned nbinutils;
	struct shard *clang;
	unsigned nclang;
	struct shard *floors;   /* ROOT/TDIR/glibc-X.Y: sysroots at each glibc */
	unsigned nfloors;       /*   floor, oldest first */
	const char *sysroot;    /* first ROOT/TDIR/TDIR/sys-root found, or NULL */
	/* facts of the sysroot, read on first use or filled in advance */
	int multiarch_known, multiarch; /* libc in Debian's multiarch dirs */
	int glibc_known;
	struct version glibc;   /* its glibc (features.h); parts 0: none */
};

/* the roots to search: CCMUX_ROOT entries (root_env, may be NULL), then
 * PREFIX/opt; dies with a clear message on an empty or missing entry */
const char **shard_roots(const char *root_env, const char *prefix);
/* scan the roots for the shards of tdir, and for the clang shards when
 * want_clang */
void shard_scan(const char **roots, const char *tdir, int want_clang,
                struct shardset *ss);
/* SHARD/bin/TDIR-NAME (SHARD/bin/NAME for clang), the path of a tool */
char *shard_tool(const struct shard *s, const char *tdir, const char *name);
/* 1 if the shard's bin/ has the tool named by a tools[] shard_name (gcc,
 * g++, gfortran, ar, clang, ...); clang shards name their files bare */
int shard_has(struct shard *s, const char *tdir, const char *name);
/* the glibc a GCC shard's runtime libraries need, from the link
 * SHARD/runtime-glibc -> "2.34" that install.sh writes; 0 if none */
int shard_runtime_glibc(struct shard *s, struct version *out);
/* 1 if the shard has a runtime of its own with crt files
 * (SHARD/TDIR/LIBDIR/crtbeginS.o, which shards/runtime.sh builds for a
 * target with its own code generation), not only the compiler's */
int shard_own_crt(struct shard *s, const char *tdir, const struct target *t);
/* 1 if the target's sysroot keeps libc in Debian's multiarch directories
 * (usr/include/MULTIARCH, as debootstrap makes it) */
int shardset_multiarch(struct shardset *ss, const struct target *t);
/* the glibc of the target's sysroot; 0 if it has none (or no sysroot) */
int shardset_glibc(struct shardset *ss, struct version *out);
/* 1 if path is an existing file (following links) */
int file_exists(const char *path);
/* the versions of a list of shards as "4.8.5, 11.3.0" plus per-shard notes
 * from note(s, arg) (which returns NULL or a note such as "no gfortran") */
char *shard_list(struct shard *s, unsigned n,
                 const char *(*note)(struct shard *, void *), void *arg);

#endif
