/* driver.h: one call's whole data flow, the README's picture in code:
 *
 *   argv[0] -> name -> platform -> request -> inventory -> choice -> plan
 *   (name.c)          (choice.c)  (shard.c)   (choice.c)  (plan.c)
 *
 * after which exec.c runs the plan, or `ccmux explain` prints it. */
#ifndef CCMUX_DRIVER_H
#define CCMUX_DRIVER_H

#include "driver/choice.h"
#include "driver/ctx.h"
#include "driver/plan.h"

/* parse a tool name as given (a path's last part is the name); a bare name
 * (cc) takes its target from invoked's directory or CCMUX_TARGET; dies
 * with one line on a bad name */
void parse_tool_name(const struct ctx *c, const char *given,
                     const char *invoked, struct name *n);
/* the plan for name n called with the user's arguments; a refused request
 * dies here with exit 2 and one line on stderr */
void drive(const struct ctx *c, const struct name *n, const char *request,
           int argc, char *const *argv, struct plan *p);
/* the host lookups of a real call: PATH, skipping ccmux itself */
const struct hostlookup *host_lookup(const struct ctx *c);
/* the GCC major the build-system files (CMake, meson, Bazel) pin for a
 * target: the one the rules choose for a C++20 compile (the oldest that
 * builds it at the floor), else for any C++ compile; 0 when no GCC serves
 * C++ */
int pin_gcc(const struct ctx *c, const char *trip);

#endif
