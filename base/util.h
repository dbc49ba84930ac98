/* util.h: errors, memory, strings and argv vectors shared by every module.
 *
 * Memory policy: ccmux is a short-lived process that ends in execve or exit.
 * Every allocation goes through the x* wrappers, which die on failure, and
 * nothing is freed.  This keeps every path free of cleanup code. */
#ifndef CCMUX_UTIL_H
#define CCMUX_UTIL_H

#include <stddef.h>

/* exit codes, documented in README.md */
enum {
	EXIT_VIOLATION = 1,   /* audit found a violation */
	EXIT_USAGE = 2,       /* bad name, bad input, refused request */
	EXIT_EXEC = 126,      /* our own execve failed */
	EXIT_NOENT = 127,     /* our own execve failed with ENOENT */
};

/* name used in messages ("ccmux") */
extern const char *progname;

/* print "ccmux: MSG" to stderr and exit with code; a format ending in ':'
 * appends strerror(errno) */
void fatalx(int code, const char *fmt, ...)
	__attribute__((noreturn, format(printf, 2, 3)));
/* fatalx with EXIT_USAGE */
void fatal(const char *fmt, ...)
	__attribute__((noreturn, format(printf, 1, 2)));
/* print "ccmux: warning: MSG" to stderr */
void warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* allocation wrappers that never return NULL; small blocks come from a
 * static arena, so only xfree (never free) may release them */
void *xmalloc(size_t n);
void *xrealloc(void *p, size_t n);
/* release a block if it came from malloc (for tests and fuzzers only) */
void xfree(void *p);
/* getenv for the CCMUX_ variables, from one scan of the environment */
const char *ccmux_env(const char *name);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* concatenate a NULL-terminated list of strings into a new string */
char *xconcat(const char *s, ...) __attribute__((sentinel));
/* printf into a new string */
char *xprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* a growable, always NULL-terminated array of strings (an argv) */
struct strvec {
	const char **v;
	size_t n, cap;
};
/* append one string (not copied) */
void sv_push(struct strvec *sv, const char *s);
/* append n strings */
void sv_pushn(struct strvec *sv, char *const *s, size_t n);

/* 1 if s starts with prefix */
int startswith(const char *s, const char *prefix);
/* 1 if s ends with suffix */
int endswith(const char *s, const char *suffix);
/* the part of path after the last '/' */
const char *basename_of(const char *path);
/* a new string holding the part of path before the last '/' ("." if none) */
char *dirname_of(const char *path);

/* a growable byte buffer */
struct buf {
	char *s;
	size_t n, cap;
};
/* append n bytes */
void buf_add(struct buf *b, const char *s, size_t n);
/* append a NUL-terminated string */
void buf_puts(struct buf *b, const char *s);
/* append one word quoted for a POSIX shell (bare when it needs no quotes) */
void buf_quote(struct buf *b, const char *word);
/* append argv as one shell-quoted line (no newline) */
void buf_argv(struct buf *b, const char *const *argv);

/* write all of buf to fd in one write(2) call where the kernel allows it;
 * returns 0 or -1 with errno */
int write_all(int fd, const char *s, size_t n);

/* open a file named by the user for reading, never blocking: a FIFO,
 * socket, device or directory is refused (*kind says which, "a FIFO");
 * returns the descriptor, or -1 with errno set (and *kind NULL) */
int open_input(const char *path, const char **kind);
/* read a whole regular file of at most max bytes into a new NUL-terminated
 * string; NULL on error (errno; *kind as open_input, kind may be NULL);
 * *len (may be NULL) gets its length */
char *read_file(const char *path, size_t max, size_t *len, const char **kind);

#endif
