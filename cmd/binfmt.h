/* binfmt.h: `ccmux binfmt`: run foreign binaries transparently.  Registers
 * with binfmt_misc, for each foreign ELF machine, an interpreter that is
 * ccmux itself (PREFIX/lib/ccmux/binfmt/ccmux-binfmt), which then runs the
 * program as `ccmux run` would: qemu-user with the target's sysroot.  The
 * subcommand is cmd_binfmt (cmd.h). */
#ifndef CCMUX_BINFMT_H
#define CCMUX_BINFMT_H

#include "driver/ctx.h"

/* the name ccmux answers to as a binfmt_misc interpreter */
#define BINFMT_NAME "ccmux-binfmt"

/* called by the kernel as INTERP PROG ARGS...: run PROG for the target its
 * ELF header and interpreter name; never returns */
void binfmt_exec(const struct ctx *c, int argc, char **argv)
	__attribute__((noreturn));

#endif
