/* shard.h: finding the installed shards of a target under the roots
 *
 * Layout (the seeds'):  ROOT/TDIR/gcc-X.Y.Z/bin/TDIR-{gcc,g++,gfortran,cpp}
 *                       ROOT/TDIR/binutils-X.Y/bin/TDIR-{ld,as,ar,...}
 *                       ROOT/TDIR/TDIR/sys-root/
 *                       ROOT/x86_64-linux-gnu/clang-X.Y.Z/bin/clang
 * where TDIR is the target with its OS version (platform_dir()).  Versions
 * come from the directory names; no compiler is run to learn them. */
#ifndef CCMUX_SHARD_H
#define CCMUX_SHARD_H

#include "version.h"

/* where clang shards live: the build machine's own directory */
#define CLANG_HOST_DIR "x86_64-linux-gnu"

struct shard {
	const char *dir;        /* ROOT/TDIR/gcc-12.2.0 */
	const char *verstr;     /* "12.2.0", as written */
	struct version ver;
};

struct shardset {
	const char *tdir;       /* TDIR */
	struct shard *gcc;      /* oldest first; a version in an earlier root */
	unsigned ngcc;          /*   hides the same version in a later one */
	struct shard *binutils;
	unsigned nbinutils;
	struct shard *clang;
	unsigned nclang;
	const char *sysroot;    /* first ROOT/TDIR/TDIR/sys-root found, or NULL */
};

/* the roots to search: CCMUX_ROOT entries, then PREFIX/opt; dies with a
 * clear message on an empty or missing CCMUX_ROOT entry */
const char **shard_roots(const char *prefix);
/* scan the roots for the shards of tdir, and for the clang shards when
 * want_clang */
void shard_scan(const char **roots, const char *tdir, int want_clang,
                struct shardset *ss);
/* SHARD/bin/TDIR-NAME, the path of a tool inside a shard */
char *shard_tool(const struct shard *s, const char *tdir, const char *name);
/* 1 if path is an existing file (following links) */
int file_exists(const char *path);
/* the versions of a list of shards as "4.8.5, 11.3.0" plus per-shard notes
 * from note(s, arg) (which returns NULL or a note such as "no gfortran") */
char *shard_list(const struct shard *s, unsigned n,
                 const char *(*note)(const struct shard *, void *), void *arg);

#endif
