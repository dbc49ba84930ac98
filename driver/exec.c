/* exec.c: running a plan */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/path.h"
#include "base/util.h"
#include "compat/audit.h"
#include "driver/exec.h"

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

char **child_env(const struct settings *set, const struct strvec *add,
                 const struct strvec *unset, int clean)
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
	sv_push(&sv, xprintf("CCMUX_DEPTH=%d", set->depth + 1));
	return (char **)sv.v;
}

/* CCMUX_LOG=FILE: one line per call, written with a single write(2) on an
 * O_APPEND descriptor so that lines stay whole under make -j */
static void log_call(const char *file, const struct plan *p, int argc,
                     char *const *argv)
{
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

/* run the link as a child and wait for it */
static int run_link(const struct plan *p, char **env)
{
	pid_t pid = fork();
	int status;

	if (pid < 0)
		fatal("fork:");
	if (pid == 0)
		exec_or_die(p->argv.v, env);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			fatal("waitpid:");
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	return 128 + WTERMSIG(status);
}

/* CCMUX_AUDIT=1: run the link, then audit its output against the choice
 * it was made from; on a violation remove the output and return 1, else
 * the link's own exit status */
static int audit_after_link(const struct settings *set, const struct plan *p,
                            char **env)
{
	struct audit_result r = {0, 0, 1};
	struct audit_spec s;
	int rc = run_link(p, env);

	if (rc != 0 || path_kind(p->output) != PATH_FILE)
		return rc;
	choice_audit_spec(p->ch, set, &s);
	s.want_static = p->ch->static_link;
	if (audit_file(p->output, &s, &r, 1) == 0)
		return 0;
	if (unlink(p->output) != 0)
		warn("audit: cannot remove %s:", p->output);
	else
		fprintf(stderr, "ccmux: audit: removed %s\n", p->output);
	return 1;
}

void plan_exec(const struct ctx *c, const struct plan *p, int argc,
               char *const *argv)
{
	const struct settings *set = &c->set;
	char **env = child_env(set, &p->env, &p->unset, p->clean_env);

	if (set->log)
		log_call(set->log, p, argc, argv);
	if (set->debug) {
		write_all(2, "ccmux: ", 7);
		plan_print(p, 2);
	}
	if (set->audit && p->mode == MODE_LINK && p->output && p->ch)
		exit(audit_after_link(set, p, env));
	exec_or_die(p->argv.v, env);
}
