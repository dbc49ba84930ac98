/* choice.h: the decision stage.  A request (the tool name and the user's
 * classified arguments) and the settings, against the inventory of the
 * target's shards, give one struct choice: which program runs, which GCC,
 * binutils and clang shards, which sysroot and glibc floor, static or not.
 * Everything the command line will carry is decided here; the plan
 * (plan.c) only writes it out. */
#ifndef CCMUX_CHOICE_H
#define CCMUX_CHOICE_H

#include "base/version.h"
#include "compat/audit.h"
#include "compat/rules.h"
#include "compat/shard.h"
#include "driver/args.h"
#include "driver/settings.h"
#include "targets/name.h"

/* what the caller asked for */
struct request {
	const char *name;          /* the name as given (for messages) */
	const struct name *n;      /* its platform, tool and -VERSION suffix */
	struct args a;             /* the user's arguments, classified */
	int argc;                  /* the user's arguments, passed on as they are */
	char *const *argv;
	int cxx, fortran;          /* C++ / Fortran involved: by name or input */
	int c_family;              /* C-family headers involved (not Fortran alone) */
};

/* the host programs a choice may name (pkg-config, a launcher); a unit test
 * gives its own */
struct hostlookup {
	/* the path of an executable NAME on PATH (that is not ccmux when
	 * skip_self), or NULL */
	const char *(*which)(const char *name, int skip_self, void *arg);
	/* 1 if path names ccmux itself */
	int (*is_self)(const char *path, void *arg);
	void *arg;
};

struct choice {
	const struct platform *plat; /* the request's platform */
	const struct target *t;     /* its target */
	struct shardset *inv;       /* the inventory it was chosen from */
	const char *tdir;           /* the target's directory under a root */
	const char *osver;          /* darwin/freebsd version in force, or "" */
	enum mode mode;             /* what the driver is asked to do */
	const char *program;        /* the file to exec */
	const char *launcher;       /* CCMUX_LAUNCHER's program, or NULL */
	struct shard *gcc;          /* the GCC (run, or borrowed by clang) */
	struct shard *binutils;
	struct shard *clang;
	const char *sysroot;        /* in use: the user's --sysroot, else ours */
	const char *target_sysroot; /* the target's installed sysroot (its floor) */
	struct version floor;       /* that sysroot's glibc; parts 0: unknown */
	int multiarch;              /* the sysroot in use is Debian-style */
	int static_link;            /* ccmux adds -static */
	const struct sysinfo *system; /* the floor's oldest system (glibc), or NULL */
	int static_cxx;             /* link libstdc++ statically */
	int static_fortran;         /* link libgfortran (and libquadmath) statically */
	int pthread;                /* a C++ link below glibc 2.34: -pthread */
	const char *libgcc_newer;   /* a link with a GCC older than the newest
	                               installed: SHARD/libgcc-newer.a (the newer
	                               libgcc's helpers its own lacks), or NULL */
};

/* fill rq from a parsed name and the user's arguments */
void request_make(struct request *rq, const char *name, const struct name *n,
                  int argc, char *const *argv);
/* the refusals that read the user's input rather than the shards: a
 * _GLIBCXX_USE_CXX11_ABI flag or an object of the other std::string ABI
 * under a cxx03/cxx11 name; dies with one line */
void request_check(const struct request *rq);
/* decide; returns NULL, or the one-line refusal (the rule, the request and
 * what is installed).  Reads nothing but the inventory ss (whose facts are
 * read on first use), the host lookups, and what a user's own --sysroot or
 * CCMUX_LAUNCHER path names. */
const char *choose(const struct request *rq, const struct settings *set,
                   struct shardset *ss, const struct hostlookup *host,
                   struct choice *ch);

/* what a file built under this choice is audited against: the platform,
 * the floor of the target's sysroot, and the runtime limits: the floor's
 * oldest system, or with CCMUX_CXX_RUNTIME=shared the chosen GCC's own
 * runtime (which is then shipped); the caller sets want_static */
void choice_audit_spec(const struct choice *ch, const struct settings *set,
                       struct audit_spec *s);

#endif
