/* ctx.h: where this ccmux lives, where it looks for shards, and its
 * settings: made once at start, read by every stage */
#ifndef CCMUX_CTX_H
#define CCMUX_CTX_H

#include "driver/settings.h"
#include "targets/name.h"

struct ctx {
	const char *self;       /* our own binary, from /proc/self/exe */
	const char *prefix;     /* PREFIX when self is PREFIX/bin/ccmux, or NULL */
	const char **roots;     /* CCMUX_ROOT entries, then PREFIX/opt */
	struct settings set;
};

/* fill c from /proc/self/exe and the environment; dies on a bad setting */
void ctx_init(struct ctx *c);
/* the platform a bare name (cc) stands for: from the directory it was run
 * from (.../TRIPLET/bin/cc), else CCMUX_TARGET; dies if neither */
void resolve_bare(const struct ctx *c, struct name *n, const char *invoked);
/* a nested call (CCMUX_DEPTH set by our own exec) invoked by a path inside
 * a shard root was exec'd as a chosen shard tool, which is therefore a link
 * back to ccmux: die with "recursive invocation" and the path; and die when
 * the chain is too deep.  Costs no system call. */
void ctx_check_nesting(const struct ctx *c, const char *invoked);

#endif
