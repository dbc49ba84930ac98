/* ecosys.h: what other build tools (cargo, go, Bazel) call each target
 * (ecosys.def) and reading their spellings */
#ifndef CCMUX_ECOSYS_H
#define CCMUX_ECOSYS_H

#include "targets/name.h"

struct ecosys {
	const char *target;      /* ours: aarch64-linux-gnu */
	const char *rust;        /* aarch64-unknown-linux-gnu */
	const char *goos, *goarch, *goarm;
	const char *bazel_cpu, *bazel_os;
};

/* the row of a target; NULL if the table has none (a test checks that
 * every target has one) */
const struct ecosys *ecosys_of(const struct target *t);
/* a target in our spelling, Rust's (arm-unknown-linux-gnueabihf is ARMv6)
 * or Go's (linux/arm64, linux/arm/6; linux is glibc), each with an
 * optional glibc floor (.2.17) in our and cargo-zigbuild's spelling;
 * returns NULL, or the message of the failed parse */
const char *ecosys_parse(const char *s, struct platform *p);

#endif
