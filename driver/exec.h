/* exec.h: running a plan (log, debug line, environment, execve) */
#ifndef CCMUX_EXEC_H
#define CCMUX_EXEC_H

#include "driver/ctx.h"
#include "driver/plan.h"

/* log (CCMUX_LOG), print (CCMUX_DEBUG), then execve the plan; with
 * CCMUX_AUDIT=1 on a link, run it, audit the output against the choice and
 * exit.  argc/argv are the call as made, for the log.  Never returns; our
 * own exec failure exits 127 (ENOENT) or 126. */
void plan_exec(const struct ctx *c, const struct plan *p, int argc,
               char *const *argv) __attribute__((noreturn));
/* the environment for a child: environ minus host search-path variables
 * (when clean) and the names in unset, plus add[] and CCMUX_DEPTH+1 */
char **child_env(const struct settings *set, const struct strvec *add,
                 const struct strvec *unset, int clean);
/* execve argv with env, reporting our own failure the toybox way */
void exec_or_die(const char *const *argv, char **env)
	__attribute__((noreturn));

#endif
