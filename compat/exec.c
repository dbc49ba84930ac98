/* exec.c: running a plan */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "audit.h"
#include "exec.h"
#include "path.h"

extern char **environ;

/* variables through which a host's search paths leak into a cross build */
static const struct {
	const char *name;   /* with its '=' */
	size_t len;
} host_vars[] = {
#define V(s) {s, sizeof(s) - 1}
	V("LIBRARY_PATH="), V("CPATH="), V("C_INCLUDE_PATH="),
	V("CPLUS_INCLUDE_PATH="), V("OBJC_INCLUDE_PATH="), V("GCC_EXEC_PREFIX="),
	V("COMPILER_PATH="),
#undef V
};

static int depth(void)
{
	const char *d = ccmux_env("CCMUX_DEPTH");

	return d ? atoi(d) : 0;
}

void depth_check(void)
{
	if (depth() >= CCMUX_MAX_DEPTH)
		fatal("recursive invocation: ccmux has run itself %d times "
		      "(CCMUX_DEPTH); check PATH, CCMUX_LAUNCHER and the shards "
		      "for links back to ccmux", depth());
}

void shard_self_check(const struct ctx *c, const char *invoked)
{
	unsigned i;

	if (depth() == 0 || !invoked)
		return;
	for (i = 0; c->roots[i]; i++) {
		size_t n = strlen(c->roots[i]);

		if (strncmp(invoked, c->roots[i], n) == 0 && invoked[n] == '/')
			fatal("recursive invocation: the shard tool %s is ccmux "
			      "itself; a shard must hold the real tool", invoked);
	}
}

/* 1 if e is NAME=... for NAME in the list (first letters compared first:
 * this runs once per environment variable on every call) */
static int dropped(const char *e, int clean)
{
	unsigned i;

	if (e[0] == 'C' && strncmp(e, "CCMUX_DEPTH=", 12) == 0)
		return 1;
	if (!clean || (e[0] != 'L' && e[0] != 'C' && e[0] != 'O' && e[0] != 'G'))
		return 0;
	for (i = 0; i < sizeof(host_vars) / sizeof(host_vars[0]); i++)
		if (e[0] == host_vars[i].name[0] &&
		    strncmp(e, host_vars[i].name, host_vars[i].len) == 0)
			return 1;
	return 0;
}

/* 1 if e is NAME=... for a NAME in unset, or for a NAME=VALUE in add */
static int replaced(const char *e, const struct strvec *add,
                    const struct strvec *unset)
{
	size_t i, n;

	for (i = 0; unset && i < unset->n; i++) {
		n = strlen(unset->v[i]);
		if (strncmp(e, unset->v[i], n) == 0 && e[n] == '=')
			return 1;
	}
	for (i = 0; add && i < add->n; i++) {
		const char *eq = strchr(add->v[i], '=');

		if (eq && strncmp(e, add->v[i], (size_t)(eq - add->v[i]) + 1) == 0)
			return 1;
	}
	return 0;
}

char **child_env(const struct strvec *add, const struct strvec *unset, int clean)
{
	struct strvec sv = {0};
	size_t n = 0;
	char **e;

	for (e = environ; *e; e++)
		n++;
	sv.v = xmalloc((n + 2 + (add ? add->n : 0)) * sizeof(*sv.v));
	sv.cap = n + 2 + (add ? add->n : 0);
	for (e = environ; *e; e++)
		if (!dropped(*e, clean) && !replaced(*e, add, unset))
			sv.v[sv.n++] = *e;
	sv.v[sv.n] = NULL;
	if (add)
		sv_pushn(&sv, (char *const *)add->v, add->n);
	sv_push(&sv, xprintf("CCMUX_DEPTH=%d", depth() + 1));
	return (char **)sv.v;
}

void plan_print(const struct plan *p, int fd)
{
	struct buf b = {0};
	size_t i;

	for (i = 0; i < p->env.n; i++) {
		buf_quote(&b, p->env.v[i]);
		buf_puts(&b, " ");
	}
	buf_argv(&b, p->argv.v);
	buf_puts(&b, "\n");
	write_all(fd, b.s, b.n);
}

/* CCMUX_LOG=FILE: one line per call, written with a single write(2) on an
 * O_APPEND descriptor so that lines stay whole under make -j */
static void log_call(const struct plan *p, int argc, char *const *argv)
{
	const char *file = ccmux_env("CCMUX_LOG");
	struct buf b = {0};
	int fd;

	if (!file || !*file)
		return;
	buf_quote(&b, p->request);
	for (int i = 0; i < argc; i++) {
		buf_puts(&b, " ");
		buf_quote(&b, argv[i]);
	}
	buf_puts(&b, " => ");
	buf_argv(&b, p->argv.v);
	for (char *s = b.s; *s; s++)
		if (*s == '\n')
			*s = ' ';   /* quoted newlines would split the line */
	buf_puts(&b, "\n");
	/* non-blocking: a FIFO nobody reads must not hang the build (ENXIO) */
	fd = open(file, O_WRONLY | O_APPEND | O_CREAT | O_NONBLOCK | O_NOCTTY |
	          O_CLOEXEC, 0666);
	if (fd < 0) {
		warn("CCMUX_LOG %s:", file);
		return;
	}
	fcntl(fd, F_SETFL, O_APPEND);   /* a reader is there: wait for it */
	if (write(fd, b.s, b.n) != (ssize_t)b.n)
		warn("CCMUX_LOG %s: short write", file);
	close(fd);
}

void exec_or_die(const char *const *argv, char **env)
{
	execve(argv[0], (char *const *)argv, env);
	fatalx(errno == ENOENT ? EXIT_NOENT : EXIT_EXEC, "exec %s:", argv[0]);
}

void plan_exec(const struct plan *p, int argc, char *const *argv)
{
	const char *dbg = ccmux_env("CCMUX_DEBUG");
	const char *aud = ccmux_env("CCMUX_AUDIT");
	char **env = child_env(&p->env, &p->unset, p->clean_env);

	log_call(p, argc, argv);
	if (dbg && *dbg && strcmp(dbg, "0") != 0) {
		write_all(2, "ccmux: ", 7);
		plan_print(p, 2);
	}
	/* a shard that leads back to ccmux is caught by CCMUX_DEPTH one call
	 * later; no stat of our own is spent here on every call */
	if (aud && strcmp(aud, "1") == 0 && p->mode == MODE_LINK && p->output)
		exit(audit_after_link(p, env));
	exec_or_die(p->argv.v, env);
}
