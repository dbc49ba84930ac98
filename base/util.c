/* util.c: errors, memory, strings and argv vectors (see util.h) */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/util.h"

const char *progname = "ccmux";

static void vmsg(const char *prefix, const char *fmt, va_list ap)
{
	struct buf b = {0};
	char tmp[1024];
	size_t len = strlen(fmt);
	int err = errno;

	buf_puts(&b, progname);
	buf_puts(&b, ": ");
	buf_puts(&b, prefix);
	vsnprintf(tmp, sizeof(tmp), fmt, ap);
	buf_puts(&b, tmp);
	if (len > 0 && fmt[len - 1] == ':') {
		buf_puts(&b, " ");
		buf_puts(&b, strerror(err));
	}
	buf_puts(&b, "\n");
	write_all(2, b.s, b.n);
}

void fatalx(int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg("", fmt, ap);
	va_end(ap);
	exit(code);
}

void fatal(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg("", fmt, ap);
	va_end(ap);
	exit(EXIT_USAGE);
}

void warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg("warning: ", fmt, ap);
	va_end(ap);
}

/* The arena: allocations come from a static buffer first, each with its
 * capacity in front, so that a call that ends in execve touches a few pages
 * and makes no mmap/brk calls; larger needs fall back to malloc. */
#define ARENA (64 * 1024)
#define HDR 16

/* after every other zero-initialised variable (x86-64's linker places
 * .lbss after .bss): the arena is large, and the small ones, ours and the C
 * library's, then share the pages a call touches anyway */
#if defined(__x86_64__)
static unsigned char arena[ARENA] __attribute__((aligned(HDR), section(".lbss")));
#else
static unsigned char arena[ARENA] __attribute__((aligned(HDR)));
#endif
static size_t used;

static int in_arena(const void *p)
{
	return (const unsigned char *)p >= arena &&
	       (const unsigned char *)p < arena + sizeof(arena);
}

static size_t capacity(const void *p)
{
	size_t n;

	memcpy(&n, (const unsigned char *)p - HDR, sizeof(n));
	return n;
}

void *xmalloc(size_t n)
{
	size_t need = (n + HDR - 1) / HDR * HDR;
	void *p;

	if (need == 0)
		need = HDR;
	if (sizeof(arena) - used >= HDR && need <= sizeof(arena) - used - HDR) {
		p = arena + used + HDR;
		memcpy(arena + used, &need, sizeof(need));
		used += HDR + need;
		return p;
	}
	p = malloc(n ? n : 1);
	if (!p)
		fatal("out of memory");
	return p;
}

void *xrealloc(void *p, size_t n)
{
	size_t cap;
	void *q;

	if (!p)
		return xmalloc(n);
	if (!in_arena(p)) {
		q = realloc(p, n ? n : 1);
		if (!q)
			fatal("out of memory");
		return q;
	}
	cap = capacity(p);
	if (n <= cap)
		return p;
	/* the last block grows in place while the arena has room */
	if ((unsigned char *)p + cap == arena + used &&
	    n - cap <= sizeof(arena) - used) {
		size_t grow = (n - cap + HDR - 1) / HDR * HDR;

		if (grow <= sizeof(arena) - used) {
			cap += grow;
			used += grow;
			memcpy((unsigned char *)p - HDR, &cap, sizeof(cap));
			return p;
		}
	}
	q = xmalloc(n);
	memcpy(q, p, cap);
	return q;
}

void xfree(void *p)
{
	if (p && !in_arena(p))
		free(p);
}

/* the CCMUX_ variables, found in one pass over the environment */
static const char *const env_names[] = {
	"CCMUX_AUDIT", "CCMUX_CXX_RUNTIME", "CCMUX_DEBUG", "CCMUX_DEPTH",
	"CCMUX_GCC_VERSION", "CCMUX_GLIBC",
	"CCMUX_LAUNCHER", "CCMUX_LOG", "CCMUX_ROOT", "CCMUX_STATIC",
	"CCMUX_TARGET",
};
static const char *env_values[sizeof(env_names) / sizeof(env_names[0])];
static int env_scanned;

extern char **environ;

static void env_scan(void)
{
	char **e;
	unsigned i;

	env_scanned = 1;
	for (e = environ; e && *e; e++) {
		if ((*e)[0] != 'C' || strncmp(*e, "CCMUX_", 6) != 0)
			continue;
		for (i = 0; i < sizeof(env_names) / sizeof(env_names[0]); i++) {
			size_t n = strlen(env_names[i]);

			if (strncmp(*e, env_names[i], n) == 0 && (*e)[n] == '=') {
				env_values[i] = *e + n + 1;
				break;
			}
		}
	}
}

const char *ccmux_env(const char *name)
{
	unsigned i;

	if (!env_scanned)
		env_scan();
	for (i = 0; i < sizeof(env_names) / sizeof(env_names[0]); i++)
		if (strcmp(env_names[i], name) == 0)
			return env_values[i];
	return getenv(name);
}

char *xstrndup(const char *s, size_t n)
{
	char *d = xmalloc(n + 1);

	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

/* exactly the bytes needed: a call makes dozens of these, and every arena
 * page they spill into is a page fault */
char *xconcat(const char *s, ...)
{
	const char *p;
	size_t n = 0;
	char *out, *o;
	va_list ap;

	va_start(ap, s);
	for (p = s; p; p = va_arg(ap, const char *))
		n += strlen(p);
	va_end(ap);
	o = out = xmalloc(n + 1);
	va_start(ap, s);
	for (p = s; p; p = va_arg(ap, const char *)) {
		n = strlen(p);
		memcpy(o, p, n);
		o += n;
	}
	va_end(ap);
	*o = '\0';
	return out;
}

char *xprintf(const char *fmt, ...)
{
	va_list ap;
	int n;
	char *s;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		fatal("bad format");
	s = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}

static void sv_grow(struct strvec *sv, size_t extra)
{
	size_t need = sv->n + extra + 1;

	if (need <= sv->cap)
		return;
	sv->cap = sv->cap ? sv->cap : 32;
	while (sv->cap < need)
		sv->cap *= 2;
	sv->v = xrealloc(sv->v, sv->cap * sizeof(*sv->v));
}

void sv_push(struct strvec *sv, const char *s)
{
	sv_grow(sv, 1);
	sv->v[sv->n++] = s;
	sv->v[sv->n] = NULL;
}

void sv_pushn(struct strvec *sv, char *const *s, size_t n)
{
	sv_grow(sv, n);
	if (n)
		memcpy(sv->v + sv->n, s, n * sizeof(*s));
	sv->n += n;
	sv->v[sv->n] = NULL;
}

int startswith(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

int endswith(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && memcmp(s + n - m, suffix, m) == 0;
}

const char *basename_of(const char *path)
{
	const char *p = strrchr(path, '/');

	return p ? p + 1 : path;
}

char *dirname_of(const char *path)
{
	const char *p = strrchr(path, '/');

	if (!p)
		return xstrdup(".");
	if (p == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(p - path));
}

void buf_add(struct buf *b, const char *s, size_t n)
{
	if (b->n + n + 1 > b->cap) {
		b->cap = b->cap ? b->cap : 256;
		while (b->cap < b->n + n + 1)
			b->cap *= 2;
		b->s = xrealloc(b->s, b->cap);
	}
	memcpy(b->s + b->n, s, n);
	b->n += n;
	b->s[b->n] = '\0';
}

void buf_puts(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

/* characters that never need quoting in a POSIX shell word */
static int shell_safe(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || strchr("+,-./:=@_%^", c) != NULL;
}

void buf_quote(struct buf *b, const char *w)
{
	const char *p;
	int bare = *w != '\0';

	for (p = w; *p && bare; p++)
		bare = shell_safe((unsigned char)*p);
	if (bare) {
		buf_puts(b, w);
		return;
	}
	buf_add(b, "'", 1);
	for (p = w; *p; p++) {
		if (*p == '\'')
			buf_puts(b, "'\\''");
		else
			buf_add(b, p, 1);
	}
	buf_add(b, "'", 1);
}

void buf_argv(struct buf *b, const char *const *argv)
{
	size_t i;

	for (i = 0; argv[i]; i++) {
		if (i)
			buf_add(b, " ", 1);
		buf_quote(b, argv[i]);
	}
}

int write_all(int fd, const char *s, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, s, n);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		s += w;
		n -= (size_t)w;
	}
	return 0;
}

/* what a file that is not a regular file is, for messages */
static const char *kind_of(mode_t m)
{
	if (S_ISDIR(m))
		return "a directory";
	if (S_ISFIFO(m))
		return "a FIFO";
	if (S_ISSOCK(m))
		return "a socket";
	if (S_ISCHR(m) || S_ISBLK(m))
		return "a device";
	return "not a regular file";
}

int open_input(const char *path, const char **kind)
{
	/* non-blocking: opening a FIFO must not wait for a writer */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	struct stat st;

	*kind = NULL;
	if (fd < 0) {
		int err = errno;

		/* a socket cannot be opened at all: say what it is */
		if (err == ENXIO && stat(path, &st) == 0 && !S_ISREG(st.st_mode))
			*kind = kind_of(st.st_mode);
		errno = err;
		return -1;
	}
	if (fstat(fd, &st) != 0) {
		close(fd);
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		*kind = kind_of(st.st_mode);
		close(fd);
		errno = EINVAL;
		return -1;
	}
	return fd;
}

char *read_file(const char *path, size_t max, size_t *len, const char **kind)
{
	const char *k;
	int fd = open_input(path, kind ? kind : &k);
	struct stat st;
	size_t n = 0, size;
	char *p;

	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) != 0 || (uint64_t)st.st_size > max) {
		if ((uint64_t)st.st_size > max)
			errno = EFBIG;
		close(fd);
		return NULL;
	}
	size = (size_t)st.st_size;
	p = xmalloc(size + 1);
	while (n < size) {
		ssize_t r = read(fd, p + n, size - n);

		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			close(fd);
			return NULL;
		}
		if (r == 0)
			break;   /* the file shrank: what is there */
		n += (size_t)r;
	}
	close(fd);
	p[n] = '\0';
	if (len)
		*len = n;
	return p;
}
