/* name.h: the triplet grammar and tool names (argv[0]) */
#ifndef CCMUX_NAME_H
#define CCMUX_NAME_H

#include "base/version.h"
#include "targets/target.h"

enum cxxabi { CXXABI_ANY, CXXABI_03, CXXABI_11 };

/* a target platform as a triplet names it */
struct platform {
	const struct target *target;
	char osver[16];        /* darwin/freebsd version as written, or "" */
	struct version glibc;  /* a glibc floor (gnu.2.28), parts 0 when none */
	int libgfortran;       /* 3, 4 or 5; 0 when the name has no tag */
	enum cxxabi cxxabi;
	char extra[128];       /* -key+value tags as written, or "" */
};

/* what a tool name asks for: [TRIPLET-]TOOL[-VERSION] */
struct name {
	struct platform plat;  /* plat.target is NULL for a bare name (cc) */
	const struct tool *tool;
	char version[16];      /* "12" from x86_64-linux-gnu-gcc-12, or "" */
};

/* parse a triplet such as arm64-unknown-linux-gnu.2.28-libgfortran5-cxx11
 * (the glibc floor after the libc, in zig's and cargo-zigbuild's spelling);
 * returns NULL, or a message saying what is wrong */
const char *parse_triplet(const char *s, struct platform *p);
/* parse a tool name; returns NULL or a message */
const char *parse_name(const char *s, struct name *n);
/* the canonical triplet with its floor and tags
 * (aarch64-linux-gnu.2.28-libgfortran5-cxx11) */
char *platform_string(const struct platform *p);
/* the target with its OS version, as a shard directory is named
 * (x86_64-apple-darwin14, aarch64-linux-gnu) */
char *platform_dir(const struct platform *p);

#endif
