/* policy.h: a built file against a Python wheel platform policy
 * (manylinux2014 = manylinux_2_17, manylinux_2_28, musllinux_1_2; the
 * facts in policy.def): the machine, the libraries it links and the
 * symbol versions it needs, as auditwheel checks them */
#ifndef CCMUX_POLICY_H
#define CCMUX_POLICY_H

struct policy;

/* the policy of a name or alias; NULL if there is none */
const struct policy *policy_find(const char *name);
/* the names of every policy, space-separated, for messages */
const char *policy_names(void);
/* check one file, printing "  VIOLATION FILE: ..." for each violation or
 * one "FILE: POLICY ARCH: ok" line; returns 0 clean, 1 violations, 2
 * unreadable (said on stderr) */
int policy_audit_file(const struct policy *p, const char *file);

#endif
