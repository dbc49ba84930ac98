/* exec.h: running a plan (log, debug line, environment, execve) */
#ifndef CCMUX_EXEC_H
#define CCMUX_EXEC_H

#include "plan.h"

/* recursion limit for CCMUX_DEPTH */
#define CCMUX_MAX_DEPTH 8

/* die with "recursive invocation" when CCMUX_DEPTH shows too deep a chain */
void depth_check(void);
/* a nested call (CCMUX_DEPTH set by our own exec) invoked by a path inside
 * a shard root was exec'd as a chosen shard tool, which is therefore a link
 * back to ccmux: die with "recursive invocation" and the path.  Costs no
 * system call; the first call never pays anything. */
void shard_self_check(const struct ctx *c, const char *invoked);
/* write plan's argv as one shell-quoted line, and a newline, to fd */
void plan_print(const struct plan *p, int fd);
/* log (CCMUX_LOG), print (CCMUX_DEBUG), then execve the plan; with
 * CCMUX_AUDIT=1 on a link, run it, audit the output and exit.  Never
 * returns; our own exec failure exits 127 (ENOENT) or 126. */
void plan_exec(const struct plan *p, int argc, char *const *argv)
	__attribute__((noreturn));
/* the environment for a child: environ minus host search-path variables
 * (when clean) and the names in unset, plus add[] and CCMUX_DEPTH+1 */
char **child_env(const struct strvec *add, const struct strvec *unset, int clean);
/* execve argv with env, reporting our own failure the toybox way */
void exec_or_die(const char *const *argv, char **env)
	__attribute__((noreturn));

#endif
