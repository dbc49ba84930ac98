/* settings.h: the CCMUX_ environment variables, read and checked once at
 * start; nothing else in ccmux reads them */
#ifndef CCMUX_SETTINGS_H
#define CCMUX_SETTINGS_H

#include "base/version.h"

struct settings {
	const char *root;          /* CCMUX_ROOT: shard roots before PREFIX/opt */
	const char *target;        /* CCMUX_TARGET: the target of bare names */
	struct version glibc;      /* CCMUX_GLIBC: the floor of names without
	                              one (parts 0: the target's default) */
	int has_gcc_pref;          /* CCMUX_GCC_VERSION was given ... */
	struct version gcc_pref;   /*   ... as this version */
	int static_mode;           /* CCMUX_STATIC: -1 (the target's default), 0, 1 */
	int cxx_runtime;           /* CCMUX_CXX_RUNTIME: -1 (as the floor needs),
	                              0 shared, 1 static */
	const char *launcher;      /* CCMUX_LAUNCHER, or NULL */
	int debug;                 /* CCMUX_DEBUG: print the command */
	const char *log;           /* CCMUX_LOG: the file to append to, or NULL */
	int audit;                 /* CCMUX_AUDIT=1: audit the output of links */
	int depth;                 /* CCMUX_DEPTH: how deep our own exec chain is */
};

/* read the environment into s; a bad value dies with one line (exit 2) */
void settings_read(struct settings *s);

#endif
