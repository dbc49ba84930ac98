/* plan.h: writing a choice out as the exact command ccmux executes: the
 * chosen program, the flag groups that apply (a table in plan.c), the
 * user's arguments byte for byte, the environment.  Nothing is decided
 * here; `ccmux explain` prints the same plan that runs. */
#ifndef CCMUX_PLAN_H
#define CCMUX_PLAN_H

#include "base/util.h"
#include "driver/choice.h"

struct plan {
	struct strvec argv;     /* the command; argv.v[0] is the file run */
	struct strvec env;      /* NAME=VALUE to set in its environment */
	struct strvec unset;    /* NAME to remove from it */
	int clean_env;          /* drop host search-path variables (CPATH...) */
	const char *request;    /* the name as given */
	const char *output;     /* the -o file of a link, for CCMUX_AUDIT */
	enum mode mode;
	const struct choice *ch; /* what it was made from (NULL for `run`) */
};

/* the command for a request and its choice */
void plan_make(const struct request *rq, const struct choice *ch,
               struct plan *p);
/* write plan's environment additions and argv as one shell-quoted line,
 * and a newline, to fd */
void plan_print(const struct plan *p, int fd);

#endif
