/* audit.h: proving that a built file honours its platform (see audit.c) */
#ifndef CCMUX_AUDIT_H
#define CCMUX_AUDIT_H

#include "base/version.h"
#include "compat/rules.h"
#include "targets/name.h"

/* what a file is checked against; fields left empty are not checked */
struct audit_spec {
	const struct platform *plat;   /* NULL: report only */
	struct version floor;          /* glibc floor; parts 0: none known */
	const char *floor_from;        /* where the floor came from */
	const char *glibcxx, *cxxabi;  /* the newest GLIBCXX_/CXXABI_ allowed */
	const char *libgcc;            /* the newest GCC_ (libgcc_s) allowed */
	int libgfortran;               /* the libgfortran SONAME allowed, 0: any */
	const char *runtime_from;      /* where those limits come from */
	int want_static;               /* executables must be static */
};

/* one run's findings */
struct audit_result {
	int violations;
	int unreadable;
	int to_stderr;                 /* lines to stderr (CCMUX_AUDIT) */
};

/* the floor to check: the sysroot's glibc when known (glibc non-NULL with
 * parts), else the seeds' floor for the platform's target */
void audit_floor(struct audit_spec *s, const char *sysroot,
                 const struct version *glibc);
/* the runtime limits of a program that ships GCC gcc_version's runtime:
 * what that libstdc++ provides */
void audit_runtime(struct audit_spec *s, const char *gcc_version);
/* the runtime limits of a program that must run on the floor's oldest
 * system as it is: that system's libstdc++ and libgfortran */
void audit_system(struct audit_spec *s, const struct sysinfo *sys);
/* audit one file, printing its report unless quiet; returns 0 clean, 1
 * violations (each on its own line), 2 unreadable */
int audit_file(const char *f, const struct audit_spec *s,
               struct audit_result *r, int quiet);

#endif
