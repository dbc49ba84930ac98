/* audit.h: checking built files against their platform (see audit.c) */
#ifndef CCMUX_AUDIT_H
#define CCMUX_AUDIT_H

#include "plan.h"

/* `ccmux audit [--target TRIPLET] FILE...`; returns the exit code:
 * 0 clean, 1 a violation, 2 unreadable or malformed input */
int audit_main(const struct ctx *c, int argc, char **argv);
/* CCMUX_AUDIT=1: run the link p (fork, exec, wait), then audit its output
 * against p's platform; on a violation remove the output and return 1;
 * else return the link's own exit status */
int audit_after_link(const struct plan *p, char **env);

#endif
