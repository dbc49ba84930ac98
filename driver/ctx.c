/* ctx.c: our own place, the roots, the settings */
#include <limits.h>
#include <string.h>
#include <unistd.h>

#include "base/util.h"
#include "compat/shard.h"
#include "driver/ctx.h"

/* recursion limit for CCMUX_DEPTH */
#define CCMUX_MAX_DEPTH 8

void ctx_init(struct ctx *c)
{
	/* a small frame (each stack page a call touches is a page fault); a
	 * longer path is read again into a buffer of PATH_MAX */
	char small[256], *buf = small;
	ssize_t n = readlink("/proc/self/exe", buf, sizeof(small));
	char *dir;

	if (n == (ssize_t)sizeof(small)) {
		buf = xmalloc(PATH_MAX);
		n = readlink("/proc/self/exe", buf, PATH_MAX - 1);
	}
	if (n < 0)
		fatal("cannot find our own binary: readlink /proc/self/exe:");
	buf[n] = '\0';
	settings_read(&c->set);
	c->self = xstrdup(buf);
	dir = dirname_of(c->self);
	c->prefix = strcmp(basename_of(dir), "bin") == 0 ? dirname_of(dir) : NULL;
	c->roots = shard_roots(c->set.root, c->prefix);
}

void resolve_bare(const struct ctx *c, struct name *n, const char *invoked)
{
	const char *e;

	if (invoked && strchr(invoked, '/')) {
		char *dir = dirname_of(invoked);

		if (strcmp(basename_of(dir), "bin") == 0 &&
		    parse_triplet(basename_of(dirname_of(dir)), &n->plat) == NULL)
			return;
	}
	if (c->set.target) {
		if ((e = parse_triplet(c->set.target, &n->plat)))
			fatal("CCMUX_TARGET: %s", e);
		return;
	}
	fatal("'%s' names no target: run it from a .../TRIPLET/bin directory, "
	      "set CCMUX_TARGET, or use a TRIPLET-%s name", n->tool->name,
	      n->tool->name);
}

void ctx_check_nesting(const struct ctx *c, const char *invoked)
{
	unsigned i;

	if (c->set.depth == 0)
		return;
	if (c->set.depth >= CCMUX_MAX_DEPTH)
		fatal("recursive invocation: ccmux has run itself %d times "
		      "(CCMUX_DEPTH); check PATH, CCMUX_LAUNCHER and the shards "
		      "for links back to ccmux", c->set.depth);
	for (i = 0; invoked && c->roots[i]; i++) {
		size_t n = strlen(c->roots[i]);

		if (strncmp(invoked, c->roots[i], n) == 0 && invoked[n] == '/')
			fatal("recursive invocation: the shard tool %s is ccmux "
			      "itself; a shard must hold the real tool", invoked);
	}
}
