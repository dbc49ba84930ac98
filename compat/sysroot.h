/* sysroot.h: facts read from an installed sysroot */
#ifndef CCMUX_SYSROOT_H
#define CCMUX_SYSROOT_H

#include "base/version.h"

/* the glibc version of a sysroot, from usr/include/features.h; returns 0,
 * or -1 when it has no glibc headers */
int sysroot_glibc(const char *sysroot, struct version *out);
/* a generated floor's marker (SYSROOT/ccmux-glibc-floor, shards/glibc):
 * the real libc root that runs its programs here ("/" or Debian's
 * /usr/TRIPLET); NULL when sysroot is not a generated floor */
const char *sysroot_run_root(const char *sysroot);
/* "glibc 2.17", "musl", or "none" when sysroot is NULL */
char *sysroot_describe(const char *sysroot, int musl);
/* the link-only specs file that drives a glibc GCC with a musl sysroot
 * (SYSROOT/usr/lib/ccmux.specs; %R is the sysroot): crt files, libc, the
 * dynamic linker.  One text for shards/musl.sh (`ccmux targets --field
 * musl_specs`) and `ccmux adopt`. */
char *musl_specs(const char *dynamic_linker);

#endif
