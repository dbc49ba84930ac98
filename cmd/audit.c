/* audit.c: `ccmux audit [--target TRIPLET] FILE...` */
#include <stdio.h>
#include <string.h>

#include "base/util.h"
#include "cmd/cmd.h"
#include "compat/audit.h"
#include "compat/policy.h"
#include "driver/driver.h"

/* the spec for a platform as its tool names see it: the floor in force and
 * the GCC the rules would choose for C++ */
static void spec_for(const struct ctx *c, const struct platform *p,
                     struct audit_spec *s)
{
	struct name *n = xmalloc(sizeof(*n));
	struct request rq;
	struct shardset ss;
	struct choice ch;

	memset(n, 0, sizeof(*n));
	n->plat = *p;
	n->tool = tool_by_name("g++");
	request_make(&rq, "audit", n, 0, NULL);
	shard_scan(c->roots, platform_dir(p), 0, &ss);
	if (choose(&rq, &c->set, &ss, host_lookup(c), &ch)) {
		/* no C++ shard: the platform and floor alone */
		memset(&ch, 0, sizeof(ch));
		ch.plat = p;
		ch.t = p->target;
		ch.inv = &ss;
		ch.target_sysroot = ss.sysroot;
	}
	choice_audit_spec(&ch, &c->set, s);
	/* a musl executable linked against a shared library is dynamic by the
	 * user's choice: static is demanded only when CCMUX_STATIC=1 says so
	 * (CCMUX_AUDIT=1 checks what ccmux itself decided) */
	s->want_static = c->set.static_mode == 1;
}

/* --policy NAME FILE...: a wheel platform policy (compat/policy.c) */
static int audit_policy(int argc, char **argv)
{
	const struct policy *p = policy_find(argv[0]);
	int i, rc, worst = 0;

	if (!p)
		fatal("audit --policy: no policy '%s' (%s)", argv[0], policy_names());
	if (argc < 2)
		fatal("usage: ccmux audit --policy POLICY FILE...");
	for (i = 1; i < argc; i++)
		if ((rc = policy_audit_file(p, argv[i])) > worst)
			worst = rc;
	fflush(stdout);
	return worst;
}

int cmd_audit(const struct ctx *c, int argc, char **argv)
{
	struct platform p;
	struct audit_spec s;
	struct audit_result r = {0, 0, 0};
	int i = 0, worst = 0;

	memset(&s, 0, sizeof(s));
	if (argc >= 2 && strcmp(argv[0], "--policy") == 0)
		return audit_policy(argc - 1, argv + 1);
	if (argc >= 2 && strcmp(argv[0], "--target") == 0) {
		const char *e = parse_triplet(argv[1], &p);

		if (e)
			fatal("%s", e);
		spec_for(c, &p, &s);
		i = 2;
	}
	if (i >= argc)
		fatal("usage: ccmux audit [--target TRIPLET | --policy POLICY] FILE...");
	for (; i < argc; i++) {
		int rc = audit_file(argv[i], &s, &r, 0);

		if (rc > worst)
			worst = rc;
	}
	fflush(stdout);
	return worst;
}
