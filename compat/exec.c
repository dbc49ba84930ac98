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
static const char *const host_vars[] = {
	"LIBRARY_PATH=", "CPATH=", "C_INCLUDE_PATH=", "CPLUS_INCLUDE_PATH=",
	"OBJC_INCLUDE_PATH=", "GCC_EXEC_PREFIX=", "COMPILER_PATH=",
};

static int depth(void)
{
	const char *d = getenv("CCMUX_DEPTH");

	return d ? atoi(d) : 0;
}

void depth_check(void)
{
	if (depth() >= CCMUX_MAX_DEPTH)
		fatal("recursive invocation: ccmux has run itself %d times "
		      "(CCMUX_DEPTH); check PATH, CCMUX_LAUNCHER and the shards "
		      "for links back to ccmux", depth());
}

static int dropped(const char *e, int clean)
{
	unsigned i;

	if (startswith(e, "CCMUX_DEPTH="))
		return 1;
	for (i = 0; clean && i < sizeof(host_vars) / sizeof(host_vars[0]); i++)
		if (startswith(e, host_vars[i]))
			return 1;
	return 0;
}

/* 1 if e is NAME=... for a NAME in unset */
static int unset_here(const char *e, const struct strvec *unset)
{
	size_t i, n;

	for (i = 0; unset && i < unset->n; i++) {
		n = strlen(unset->v[i]);
		if (strncmp(e, unset->v[i], n) == 0 && e[n] == '=')
			return 1;
	}
	return 0;
}

char **child_env(const struct strvec *add, const struct strvec *unset, int clean)
{
	struct strvec sv = {0};
	char **e;
	size_t i;

	for (e = environ; *e; e++) {
		int replaced = 0;

		for (i = 0; add && i < add->n; i++) {
			const char *eq = strchr(add->v[i], '=');

			if (eq && strncmp(*e, add->v[i], (size_t)(eq - add->v[i]) + 1) == 0)
				replaced = 1;
		}
		if (!replaced && !dropped(*e, clean) && !unset_here(*e, unset))
			sv_push(&sv, *e);
	}
	for (i = 0; add && i < add->n; i++)
		sv_push(&sv, add->v[i]);
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
	const char *file = getenv("CCMUX_LOG");
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
	fd = open(file, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0666);
	if (fd < 0) {
		warn("CCMUX_LOG %s:", file);
		return;
	}
	if (write(fd, b.s, b.n) != (ssize_t)b.n)
		warn("CCMUX_LOG %s: short write", file);
	close(fd);
}

void exec_or_die(const char *const *argv, char **env)
{
	execve(argv[0], (char *const *)argv, env);
	fatalx(errno == ENOENT ? EXIT_NOENT : EXIT_EXEC, "exec %s:", argv[0]);
}

void plan_exec(const struct ctx *c, const struct plan *p, int argc,
               char *const *argv)
{
	const char *dbg = getenv("CCMUX_DEBUG");
	const char *aud = getenv("CCMUX_AUDIT");
	char **env = child_env(&p->env, &p->unset, p->clean_env);

	log_call(p, argc, argv);
	if (dbg && *dbg && strcmp(dbg, "0") != 0) {
		write_all(2, "ccmux: ", 7);
		plan_print(p, 2);
	}
	if (is_self(p->argv.v[0], c->self))
		fatal("recursive invocation: %s is ccmux itself", p->argv.v[0]);
	if (aud && strcmp(aud, "1") == 0 && p->mode == MODE_LINK && p->output)
		exit(audit_after_link(c, p, env));
	exec_or_die(p->argv.v, env);
}
