/* bazel.h: the Bazel repository `ccmux files` writes (bazel.c) */
#ifndef CCMUX_BAZEL_H
#define CCMUX_BAZEL_H

#include "driver/ctx.h"

/* write PREFIX/share/ccmux/bazel: a repository named ccmux with a
 * cc_toolchain, a toolchain() and a platform() per installed Linux target,
 * and beside it rules_cc/, the native rules under rules_cc's name for an
 * offline Bazel 4; prints one line */
void bazel_files(const struct ctx *c, const char *prefix);

#endif
