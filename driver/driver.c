/* driver.c: the data flow of one call (see driver.h) */
#include <string.h>

#include "base/path.h"
#include "base/util.h"
#include "compat/shard.h"
#include "driver/driver.h"

void parse_tool_name(const struct ctx *c, const char *given,
                     const char *invoked, struct name *n)
{
	const char *e = parse_name(basename_of(given), n);

	if (e)
		fatal("%s", e);
	if (!n->plat.target)
		resolve_bare(c, n, invoked);
}

static const char *which(const char *name, int skip_self, void *arg)
{
	return path_search(name, skip_self ? ((const struct ctx *)arg)->self : NULL);
}

static int self(const char *path, void *arg)
{
	return is_self(path, ((const struct ctx *)arg)->self);
}

const struct hostlookup *host_lookup(const struct ctx *c)
{
	static struct hostlookup h = {which, self, NULL};

	h.arg = (void *)c;
	return &h;
}

void drive(const struct ctx *c, const struct name *n, const char *request,
           int argc, char *const *argv, struct plan *p)
{
	const struct target *t = n->plat.target;
	struct shardset *ss = xmalloc(sizeof(*ss));
	struct choice *ch = xmalloc(sizeof(*ch));
	struct request *rq = xmalloc(sizeof(*rq));
	const char *why;

	request_make(rq, request, n, argc, argv);
	request_check(rq);
	/* one SDK serves every version of a darwin/freebsd target */
	shard_scan(c->roots, target_sdk_only(t) ? t->name : platform_dir(&n->plat),
	           n->tool->family == FAM_CLANG || n->tool->family == FAM_LLD ||
	           target_sdk_only(t), ss);
	if ((why = choose(rq, &c->set, ss, host_lookup(c), ch)))
		fatal("%s", why);
	plan_make(rq, ch, p);
}

int pin_gcc(const struct ctx *c, const char *trip)
{
	static char *const std20[] = {"-std=c++20", "-c", "a.cc"}, *plain[] = {"-c", "a.cc"};
	char *const *argvs[] = {std20, plain};
	int argcs[] = {3, 2};
	struct name n;
	unsigned i;

	if (parse_name(xconcat(trip, "-g++", (char *)NULL), &n))
		return 0;
	for (i = 0; i < 2; i++) {
		struct request rq;
		struct shardset ss;
		struct choice ch;

		request_make(&rq, "files", &n, argcs[i], argvs[i]);
		shard_scan(c->roots, trip, 0, &ss);
		if (!choose(&rq, &c->set, &ss, host_lookup(c), &ch) && ch.gcc)
			return ch.gcc->ver.v[0];
	}
	return 0;
}
