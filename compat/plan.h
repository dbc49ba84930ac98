/* plan.h: turning a tool name and the user's arguments into the exact
 * command ccmux executes (the shard's tool, injected flags, user args) */
#ifndef CCMUX_PLAN_H
#define CCMUX_PLAN_H

#include "args.h"
#include "name.h"
#include "shard.h"
#include "util.h"

/* where this ccmux lives and where it looks for shards */
struct ctx {
	const char *self;       /* our own binary, from /proc/self/exe */
	const char *prefix;     /* PREFIX when self is PREFIX/bin/ccmux, or NULL */
	const char **roots;     /* CCMUX_ROOT entries, then PREFIX/opt */
};

struct plan {
	struct strvec argv;     /* the command; argv.v[0] is the file run */
	struct strvec env;      /* NAME=VALUE to set in its environment */
	struct strvec unset;    /* NAME to remove from it */
	int clean_env;          /* drop host search-path variables (CPATH...) */
	const char *request;    /* the name as given */
	const char *output;     /* the -o file of a link, for CCMUX_AUDIT */
	const struct platform *plat;
	const struct shard *gcc; /* the GCC shard used (or borrowed by clang) */
	const char *sysroot;    /* the sysroot used, or NULL */
	const char *target_sysroot; /* the target's installed sysroot: its floor */
	int static_link;        /* ccmux asked for a static link */
	enum mode mode;
};

/* fill c from /proc/self/exe and the environment */
void ctx_init(struct ctx *c);
/* the platform a bare name (cc) stands for: from the directory it was run
 * from (.../TRIPLET/bin/cc), else CCMUX_TARGET; dies if neither */
void resolve_bare(struct name *n, const char *invoked);
/* build the plan for name n called as request with user args; a refused
 * request dies here with exit 2 and one line on stderr */
void plan_make(const struct ctx *c, struct name *n, const char *request,
               int argc, char *const *argv, struct plan *p);

#endif
