/* run.h: `ccmux run TRIPLET PROG [ARGS...]`: a target's binary on this host */
#ifndef CCMUX_RUN_H
#define CCMUX_RUN_H

#include "driver/ctx.h"
#include "driver/plan.h"

/* build the command that runs PROG for the platform: natively for a static
 * host-arch binary, else under qemu-user with the sysroot as its library
 * root (wine for Windows); dies with exit 2 when it cannot */
void run_plan(const struct ctx *c, const struct platform *p, int argc,
              char *const *argv, struct plan *out);

#endif
