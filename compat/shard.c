/* shard.c: scanning the roots for shards */
#include <dirent.h>
#include <errno.h>
#include <stddef.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "base/util.h"
#include "compat/shard.h"
#include "compat/sysroot.h"

const char **shard_roots(const char *env, const char *prefix)
{
	struct strvec sv = {0};
	struct stat st;

	if (env && *env) {
		char *copy = xstrdup(env), *p = copy, *colon;

		for (;;) {
			colon = strchr(p, ':');
			if (colon)
				*colon = '\0';
			if (*p == '\0')
				fatal("CCMUX_ROOT='%s' has an empty entry; separate "
				      "directories with a single ':'", env);
			if (stat(p, &st) != 0)
				fatal("CCMUX_ROOT entry %s:", p);
			if (!S_ISDIR(st.st_mode))
				fatal("CCMUX_ROOT entry %s is not a directory", p);
			sv_push(&sv, p);
			if (!colon)
				break;
			p = colon + 1;
		}
	}
	if (prefix)
		sv_push(&sv, xconcat(prefix, "/opt", (char *)NULL));
	if (!sv.v)
		sv_push(&sv, NULL);
	return sv.v;
}

static int shardcmp(const void *a, const void *b)
{
	return version_cmp(&((const struct shard *)a)->ver,
	                   &((const struct shard *)b)->ver);
}

static void sort_shards(struct shard *s, unsigned n)
{
	if (n > 1)
		qsort(s, n, sizeof(*s), shardcmp);
}

/* add ROOT/TDIR/NAME to a list unless that version is there already */
static void add_shard(struct shard **list, unsigned *n, const char *dir,
                      const char *name, const char *verstr)
{
	struct shard s;
	unsigned i;

	if (version_parse(verstr, &s.ver) != 0)
		fatal("%s/%s: '%s' is not a version; shard directories are named "
		      "like gcc-12.2.0, binutils-2.40, clang-16.0.6", dir, name,
		      verstr);
	for (i = 0; i < *n; i++)
		if (version_cmp(&(*list)[i].ver, &s.ver) == 0)
			return;
	memset((char *)&s + offsetof(struct shard, tools_known), 0,
	       sizeof(s) - offsetof(struct shard, tools_known));
	s.dir = xconcat(dir, "/", name, (char *)NULL);
	s.verstr = xstrdup(verstr);
	*list = xrealloc(*list, (*n + 1) * sizeof(**list));
	(*list)[(*n)++] = s;
}

/* one scan of ROOT/DIR with getdents64 into a stack buffer (opendir would
 * cost a malloc and an fcntl on every call); the sysroot is noticed by its
 * parent's name, TDIR, among the entries */
static void scan_dir(const char *root, const char *tdir, struct shardset *ss,
                     int want_target, int want_clang)
{
	char *dir = xconcat(root, "/", tdir, (char *)NULL);
	/* the raw call: musl's open() adds an fcntl for O_CLOEXEC */
	int fd = (int)syscall(SYS_openat, AT_FDCWD, dir,
	                      O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	/* small: a target's directory has a few dozen entries, and each stack
	 * page a call touches is a page fault (the loop reads on if needed) */
	char buf[2048] __attribute__((aligned(8)));
	int has_sysroot_parent = 0;
	long n;

	if (fd < 0) {
		if (errno != ENOENT && errno != ENOTDIR)
			fatal("cannot read shard directory %s:", dir);
		return;
	}
	while ((n = syscall(SYS_getdents64, fd, buf, sizeof(buf))) > 0) {
		long off = 0;

		while (off < n) {
			const struct dirent64 *e = (const void *)(buf + off);
			const char *name = e->d_name;

			off += e->d_reclen;
			if (want_target && startswith(name, "gcc-"))
				add_shard(&ss->gcc, &ss->ngcc, dir, name, name + 4);
			else if (want_target && startswith(name, "binutils-"))
				add_shard(&ss->binutils, &ss->nbinutils, dir, name, name + 9);
			else if (want_clang && startswith(name, "clang-"))
				add_shard(&ss->clang, &ss->nclang, dir, name, name + 6);
			else if (want_target && startswith(name, "glibc-"))
				add_shard(&ss->floors, &ss->nfloors, dir, name, name + 6);
			else if (want_target && strcmp(name, tdir) == 0)
				has_sysroot_parent = 1;
		}
	}
	if (n < 0)
		fatal("cannot read shard directory %s:", dir);
	close(fd);
	if (has_sysroot_parent && !ss->sysroot) {
		char *sr = xconcat(dir, "/", tdir, "/sys-root", (char *)NULL);
		struct stat st;

		if (stat(sr, &st) == 0 && S_ISDIR(st.st_mode))
			ss->sysroot = sr;
	}
}

void shard_scan(const char **roots, const char *tdir, int want_clang,
                struct shardset *ss)
{
	int same = strcmp(tdir, CLANG_HOST_DIR) == 0;
	unsigned i;

	memset(ss, 0, sizeof(*ss));
	ss->tdir = tdir;
	ss->roots = roots;
	for (i = 0; roots[i]; i++) {
		scan_dir(roots[i], tdir, ss, 1, same && want_clang);
		if (!same && want_clang)
			scan_dir(roots[i], CLANG_HOST_DIR, ss, 0, 1);
	}
	sort_shards(ss->gcc, ss->ngcc);
	sort_shards(ss->binutils, ss->nbinutils);
	sort_shards(ss->clang, ss->nclang);
	sort_shards(ss->floors, ss->nfloors);
}

char *shard_tool(const struct shard *s, const char *tdir, const char *name)
{
	if (startswith(basename_of(s->dir), "clang-"))
		return xconcat(s->dir, "/bin/", name, (char *)NULL);
	return xconcat(s->dir, "/bin/", tdir, "-", name, (char *)NULL);
}

int file_exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

int shard_has(struct shard *s, const char *tdir, const char *name)
{
	const struct tool *tl = tool_by_name(name);
	unsigned bit;

	if (!tl)
		return file_exists(shard_tool(s, tdir, name));
	bit = 1u << (tl - tools);
	if (!(s->tools_known & bit)) {
		s->tools_known |= bit;
		if (file_exists(shard_tool(s, tdir, name)))
			s->tools_have |= bit;
	}
	return (s->tools_have & bit) != 0;
}

int shard_runtime_glibc(struct shard *s, struct version *out)
{
	if (!s->runtime_known) {
		char buf[32];
		ssize_t n = readlink(xconcat(s->dir, "/runtime-glibc", (char *)NULL),
		                     buf, sizeof(buf) - 1);

		s->runtime_known = 1;
		s->runtime_glibc.parts = 0;
		if (n > 0) {
			buf[n] = '\0';
			if (version_parse(buf, &s->runtime_glibc) != 0)
				s->runtime_glibc.parts = 0;
		}
	}
	*out = s->runtime_glibc;
	return out->parts != 0;
}

int shard_own_crt(struct shard *s, const char *tdir, const struct target *t)
{
	if (!s->crt_known) {
		s->crt_known = 1;
		s->crt = file_exists(xconcat(s->dir, "/", tdir, "/", t->libdir,
		                             "/crtbeginS.o", (char *)NULL));
	}
	return s->crt;
}

int shardset_multiarch(struct shardset *ss, const struct target *t)
{
	if (!ss->multiarch_known) {
		struct stat st;

		ss->multiarch_known = 1;
		ss->multiarch = ss->sysroot && *t->multiarch &&
		                stat(xconcat(ss->sysroot, "/usr/include/", t->multiarch,
		                             (char *)NULL), &st) == 0;
	}
	return ss->multiarch;
}

int shardset_glibc(struct shardset *ss, struct version *out)
{
	if (!ss->glibc_known) {
		ss->glibc_known = 1;
		if (!ss->sysroot || sysroot_glibc(ss->sysroot, &ss->glibc) != 0)
			ss->glibc.parts = 0;
	}
	*out = ss->glibc;
	return out->parts != 0;
}

char *shard_list(struct shard *s, unsigned n,
                 const char *(*note)(struct shard *, void *), void *arg)
{
	struct buf b = {0};
	unsigned i;

	for (i = 0; i < n; i++) {
		const char *why = note ? note(&s[i], arg) : NULL;

		if (i)
			buf_puts(&b, ", ");
		buf_puts(&b, s[i].verstr);
		if (why) {
			buf_puts(&b, " (");
			buf_puts(&b, why);
			buf_puts(&b, ")");
		}
	}
	if (!n)
		buf_puts(&b, "none");
	return b.s;
}
