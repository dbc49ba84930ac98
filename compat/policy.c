/* policy.c: a built file against a wheel platform policy (see policy.h) */
#include <elf.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "base/util.h"
#include "base/version.h"
#include "compat/elfread.h"
#include "compat/policy.h"
#include "targets/target.h"

struct policy {
	const char *name, *alias;
	enum libc libc;
	const char *libs;        /* allowed DT_NEEDED names, space-separated */
};

struct policy_arch {
	const char *policy, *arch;
	int machine, elfclass;
	const char *maxima;      /* "GLIBC_2.17 GLIBCXX_3.4.19 ... LIBATOMIC_-" */
	const char *exact;       /* "CXXABI_TM_1 ..." */
};

static const struct policy policies[] = {
#define POLICY(name, alias, libc, libs) {name, alias, libc, libs},
#include "compat/policy.def"
};

static const struct policy_arch arches[] = {
#define ARCH(policy, arch, machine, elfclass, maxima, exact) \
	{policy, arch, machine, elfclass, maxima, exact},
#include "compat/policy.def"
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

const struct policy *policy_find(const char *name)
{
	unsigned i;

	for (i = 0; i < N(policies); i++)
		if (strcmp(policies[i].name, name) == 0 ||
		    (*policies[i].alias && strcmp(policies[i].alias, name) == 0))
			return &policies[i];
	return NULL;
}

const char *policy_names(void)
{
	struct buf b = {0};
	unsigned i;

	for (i = 0; i < N(policies); i++) {
		buf_puts(&b, i ? ", " : "");
		buf_puts(&b, policies[i].name);
		if (*policies[i].alias) {
			buf_puts(&b, " (");
			buf_puts(&b, policies[i].alias);
			buf_puts(&b, ")");
		}
	}
	return b.s;
}

/* 1 if word w (length n) is one of the space-separated words of list */
static int in_list(const char *list, const char *w, size_t n)
{
	const char *p = list;

	while (*p) {
		size_t m = strcspn(p, " ");

		if (m == n && strncmp(p, w, n) == 0)
			return 1;
		p += m;
		p += strspn(p, " ");
	}
	return 0;
}

/* the dynamic loader (aarch64's __stack_chk_guard lives there) and
 * libpythonX.Y, which every policy allows */
static int always_allowed(const char *lib)
{
	return strstr(lib, "ld-linux") || strcmp(lib, "ld64.so.1") == 0 ||
	       strcmp(lib, "ld64.so.2") == 0 || startswith(lib, "libpython");
}

/* the row of this file's machine under the policy, or NULL */
static const struct policy_arch *arch_of(const struct policy *p,
                                         const struct elf_info *e)
{
	unsigned i;

	for (i = 0; i < N(arches); i++)
		if (strcmp(arches[i].policy, p->name) == 0 &&
		    arches[i].machine == e->machine &&
		    arches[i].elfclass == e->elfclass && !e->big_endian)
			return &arches[i];
	return NULL;
}

struct report {
	const char *file, *policy;
	int violations;
};

static void say(struct report *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void say(struct report *r, const char *fmt, ...)
{
	va_list ap;

	printf("  VIOLATION %s: ", r->file);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	r->violations++;
}

/* one needed version against the maxima: known prefix, then the number or
 * an exact name */
static void check_version(struct report *r, const struct policy_arch *a,
                          const struct elf_verneed *vn)
{
	const char *p = a->maxima, *name = vn->name;

	if (!name)
		return;
	while (*p) {
		size_t m = strcspn(p, " ");
		const char *us = memchr(p, '_', m), *max;
		size_t plen;
		struct version need, lim;

		if (!us)
			fatal("policy.def: '%.*s' has no PREFIX_", (int)m, p);
		plen = (size_t)(us - p) + 1;   /* "GLIBC_" */
		max = us + 1;
		if (strncmp(name, p, plen) == 0) {
			char limit[32];

			snprintf(limit, sizeof(limit), "%.*s", (int)(m - plen), max);
			if (in_list(a->exact, name, strlen(name)))
				return;
			if (version_parse(name + plen, &need) != 0)
				say(r, "needs %s from %s, which %s %s does not allow",
				    name, vn->file, r->policy, a->arch);
			else if (strcmp(limit, "-") == 0)
				say(r, "needs %s from %s; %s %s allows no %.*s version",
				    name, vn->file, r->policy, a->arch, (int)(plen - 1), p);
			else if (version_parse(limit, &lim) == 0 &&
			         version_cmp(&need, &lim) > 0)
				say(r, "needs %s from %s; %s %s allows %.*s up to %s",
				    name, vn->file, r->policy, a->arch, (int)(plen - 1), p,
				    limit);
			return;
		}
		p += m;
		p += strspn(p, " ");
	}
}

int policy_audit_file(const struct policy *p, const char *file)
{
	struct report r = {file, p->name, 0};
	const struct policy_arch *a;
	struct elf_info e;
	char err[256];
	size_t i;

	if (elf_read(file, &e, err, sizeof(err)) != RD_OK) {
		fprintf(stderr, "ccmux: audit: %s: %s\n", file, err);
		return 2;
	}
	if (e.format != FMT_ELF) {
		say(&r, "a PE file; wheels for Linux hold ELF");
		return 1;
	}
	if (!(a = arch_of(p, &e))) {
		say(&r, "machine %s %d-bit%s is not one of %s's architectures",
		    elf_machine_name(e.format, e.machine), e.elfclass,
		    e.big_endian ? " big-endian" : "", p->name);
		return 1;
	}
	if (e.machine == EM_ARM && e.arm_hard_float == 0)
		say(&r, "soft-float ARM code; %s armv7l is hard-float", p->name);
	for (i = 0; i < e.nneeded; i++)
		if (!always_allowed(e.needed[i]) &&
		    !in_list(p->libs, e.needed[i], strlen(e.needed[i])))
			say(&r, "links %s, which %s does not allow (bundle or link it "
			    "statically)", e.needed[i], p->name);
	if (e.interp && (p->libc == LIBC_MUSL) != startswith(e.interp, "/lib/ld-musl-"))
		say(&r, "interpreter %s, but %s is for %s", e.interp, p->name,
		    p->libc == LIBC_MUSL ? "musl" : "glibc");
	for (i = 0; i < e.nverneed; i++)
		check_version(&r, a, &e.verneed[i]);
	if (!r.violations)
		printf("%s: %s %s: ok\n", file, p->name, a->arch);
	return r.violations > 0;
}
