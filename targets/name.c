/* name.c: the triplet grammar (BinaryBuilder's, with aliases) and tool names */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "targets/name.h"
#include "base/util.h"
#include "base/version.h"

static const struct {
	const char *alias, *arch;
} arch_aliases[] = {
	{"x86_64", "x86_64"}, {"amd64", "x86_64"},
	{"i686", "i686"}, {"i386", "i686"}, {"i486", "i686"}, {"i586", "i686"},
	{"aarch64", "aarch64"}, {"arm64", "aarch64"},
	{"armv7l", "armv7l"}, {"armv7", "armv7l"}, {"armv7a", "armv7l"},
	{"arm", "armv7l"},
	{"armv6l", "armv6l"}, {"armv6", "armv6l"},
	{"powerpc64le", "powerpc64le"}, {"ppc64le", "powerpc64le"},
};

/* legacy gccN tags and the libgfortran they stand for */
static const struct {
	const char *tag;
	int libgfortran;
} gcc_tags[] = {{"gcc4", 3}, {"gcc7", 4}, {"gcc8", 5}};

#define MAXNAME 256  /* longer names are refused */
#define MAXTOK 64   /* more than the extra[] tags can hold */

struct toks {
	char *t[MAXTOK];
	int n, i;
};

/* parsing allocates nothing but its error message: tokens live in a copy
 * on the stack (a static message buffer would be a page of .bss that every
 * call's startup touches) */
static const char *msg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static const char *msg(const char *fmt, ...)
{
	va_list ap;
	char *s;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	s = xmalloc((size_t)(n < 0 ? 0 : n) + 1);
	va_start(ap, fmt);
	vsnprintf(s, (size_t)(n < 0 ? 0 : n) + 1, fmt, ap);
	va_end(ap);
	return s;
}

static const char *canon_arch(const char *a)
{
	unsigned i;

	for (i = 0; i < sizeof(arch_aliases) / sizeof(arch_aliases[0]); i++)
		if (strcmp(arch_aliases[i].alias, a) == 0)
			return arch_aliases[i].arch;
	return NULL;
}

static int is_arm(const char *arch)
{
	return startswith(arch, "armv");
}

/* "13.2" or "14" after an OS word; "" is allowed */
static int osver_ok(const char *v)
{
	struct version ver;

	return *v == '\0' || version_parse(v, &ver) == 0;
}

/* a ".2.28" glibc floor at the end of word w: cut off into p->glibc */
static const char *split_floor(char *w, struct platform *p, const char *whole)
{
	char *dot = strchr(w, '.');

	if (!dot)
		return NULL;
	if (version_parse(dot + 1, &p->glibc) != 0 || p->glibc.parts != 2 ||
	    p->glibc.v[0] != 2)
		return msg("'%s': '%s' is not a glibc floor (write it as .2.17, "
		           ".2.28, ...)", whole, dot);
	*dot = '\0';
	return NULL;
}

/* linux[-LIBC[ABI]][.FLOOR]: fills libc and abi; returns NULL or a message */
static const char *parse_libc(struct toks *tk, const char *arch, enum libc *libc,
                              const char **abi, struct platform *p,
                              const char *whole)
{
	char *w = tk->i < tk->n ? tk->t[tk->i] : "";
	const char *rest, *e;

	if (startswith(w, "gnu") || startswith(w, "musl"))
		if ((e = split_floor(w, p, whole)))
			return e;
	*libc = LIBC_GLIBC;
	*abi = "";
	if (startswith(w, "gnu")) {
		rest = w + 3;
	} else if (startswith(w, "musl")) {
		*libc = LIBC_MUSL;
		rest = w + 4;
	} else {
		return NULL;   /* no libc field: glibc */
	}
	tk->i++;
	if (strcmp(rest, "eabihf") == 0)
		*abi = "eabihf";
	else if (strcmp(rest, "eabi") == 0)
		return msg("'%s': soft-float ARM (%s) is not supported; use the "
		           "hard-float eabihf ABI", whole, w);
	else if (*rest)
		return msg("'%s': unknown libc '%s' (known: gnu, musl, gnueabihf, "
		           "musleabihf)", whole, w);
	if (*rest && !is_arm(arch))
		return msg("'%s': the eabihf ABI is for ARM targets only (%s)",
		           whole, w);
	if (p->glibc.parts && *libc != LIBC_GLIBC)
		return msg("'%s': a glibc floor is for glibc targets; %s has no "
		           "glibc", whole, w);
	return NULL;
}

/* the OS field, after an optional vendor */
static const char *parse_os(struct toks *tk, const char *arch, struct platform *p,
                            const char *whole)
{
	char *w;
	const char *abi = "", *e;
	enum libc libc = LIBC_NONE;
	enum os os;

	if (tk->i < tk->n && (strcmp(tk->t[tk->i], "unknown") == 0 ||
	                      strcmp(tk->t[tk->i], "pc") == 0 ||
	                      strcmp(tk->t[tk->i], "apple") == 0 ||
	                      strcmp(tk->t[tk->i], "w64") == 0))
		tk->i++;
	if (tk->i >= tk->n)
		return msg("'%s': missing the OS field (linux, w64-mingw32, "
		           "apple-darwinN, unknown-freebsdN.M)", whole);
	w = tk->t[tk->i++];
	if (startswith(w, "linux.") && (e = split_floor(w, p, whole)))
		return e;
	if (strcmp(w, "linux") == 0) {
		os = OS_LINUX;
		if (!p->glibc.parts && (e = parse_libc(tk, arch, &libc, &abi, p, whole)))
			return e;
		if (p->glibc.parts)
			libc = LIBC_GLIBC;
		if (is_arm(arch) && !*abi)
			abi = "eabihf";
	} else if (strcmp(w, "mingw32") == 0) {
		os = OS_WINDOWS;
	} else if (startswith(w, "darwin") && osver_ok(w + 6)) {
		os = OS_DARWIN;
		snprintf(p->osver, sizeof(p->osver), "%s", w + 6);
	} else if (startswith(w, "freebsd") && osver_ok(w + 7)) {
		os = OS_FREEBSD;
		snprintf(p->osver, sizeof(p->osver), "%s", w + 7);
	} else {
		return msg("'%s': unknown OS '%s' (known: linux, w64-mingw32, "
		           "apple-darwinN, unknown-freebsdN.M)", whole, w);
	}
	p->target = target_find(arch, os, libc, abi);
	if (!p->target)
		return msg("'%s': no such target (%s); 'ccmux targets' lists them",
		           whole, arch);
	return NULL;
}

static const char *parse_tag(const char *w, struct platform *p, const char *whole)
{
	unsigned i;

	if (startswith(w, "libgfortran")) {
		const char *v = w + 11;

		if (p->libgfortran)
			return msg("'%s': two libgfortran tags (%s)", whole, w);
		if (strlen(v) != 1 || *v < '3' || *v > '5')
			return msg("'%s': unknown tag '%s' (libgfortran versions are "
			           "3, 4 and 5)", whole, w);
		p->libgfortran = *v - '0';
		return NULL;
	}
	if (startswith(w, "gcc") && w[3] >= '0' && w[3] <= '9') {
		for (i = 0; i < sizeof(gcc_tags) / sizeof(gcc_tags[0]); i++)
			if (strcmp(gcc_tags[i].tag, w) == 0) {
				if (p->libgfortran)
					return msg("'%s': two libgfortran tags (%s)", whole, w);
				p->libgfortran = gcc_tags[i].libgfortran;
				return NULL;
			}
		return msg("'%s': unknown tag '%s' (the legacy gccN tags are gcc4, "
		           "gcc7 and gcc8)", whole, w);
	}
	if (strcmp(w, "cxx03") == 0 || strcmp(w, "cxx11") == 0) {
		if (p->cxxabi != CXXABI_ANY)
			return msg("'%s': two C++ string ABI tags (%s)", whole, w);
		p->cxxabi = w[4] == '3' ? CXXABI_03 : CXXABI_11;
		return NULL;
	}
	if (strchr(w, '+') && w[0] != '+' && w[strlen(w) - 1] != '+') {
		size_t n = strlen(p->extra);

		if (n + strlen(w) + 2 > sizeof(p->extra))
			return msg("'%s': too many key+value tags", whole);
		snprintf(p->extra + n, sizeof(p->extra) - n, "-%s", w);
		return NULL;
	}
	return msg("'%s': unknown tag '%s' (tags: libgfortran3|4|5, gcc4|7|8, "
	           "cxx03|cxx11, key+value)", whole, w);
}

const char *parse_triplet(const char *s, struct platform *p)
{
	struct toks tk = {{0}, 0, 0};
	char copy[MAXNAME], *q;
	const char *arch, *e;

	memset(p, 0, sizeof(*p));
	if (*s == '\0')
		return msg("empty target name");
	if (strlen(s) >= MAXNAME)
		return msg("'%.40s...': name too long (%zu bytes)", s, strlen(s));
	strcpy(copy, s);
	for (q = copy; ; ) {
		if (tk.n == MAXTOK)
			return msg("'%s': too many fields", s);
		tk.t[tk.n++] = q;
		q = strchr(q, '-');
		if (!q)
			break;
		*q++ = '\0';
	}
	for (int i = 0; i < tk.n; i++)
		if (*tk.t[i] == '\0')
			return msg("'%s': empty field (two '-' in a row, or a '-' at "
			           "an end)", s);
	arch = canon_arch(tk.t[0]);
	if (!arch)
		return msg("'%s': unknown architecture '%s' (known: x86_64, i686, "
		           "aarch64, armv7l, armv6l, powerpc64le and aliases)",
		           s, tk.t[0]);
	tk.i = 1;
	if ((e = parse_os(&tk, arch, p, s)))
		return e;
	for (; tk.i < tk.n; tk.i++)
		if ((e = parse_tag(tk.t[tk.i], p, s)))
			return e;
	return NULL;
}

/* the length of a trailing "-VERSION" (digits and dots), 0 if none */
static size_t version_suffix(const char *s)
{
	size_t n = strlen(s), i = n;
	struct version v;

	while (i > 0 && ((s[i - 1] >= '0' && s[i - 1] <= '9') || s[i - 1] == '.'))
		i--;
	if (i == n || i == 0 || s[i - 1] != '-' || version_parse(s + i, &v) != 0)
		return 0;
	return n - i + 1;
}

/* the longest tool that s ends with ("-TOOL" or all of s); NULL if none */
static const struct tool *tool_suffix(const char *s, size_t len)
{
	const struct tool *best = NULL;
	unsigned i;

	for (i = 0; i < ntools; i++) {
		size_t m = strlen(tools[i].name);

		if (m > len || memcmp(s + len - m, tools[i].name, m) != 0)
			continue;
		if (m < len && s[len - m - 1] != '-')
			continue;
		if (!best || m > strlen(best->name))
			best = &tools[i];
	}
	return best;
}

const char *parse_name(const char *s, struct name *n)
{
	size_t len = strlen(s), vlen = version_suffix(s);
	const struct tool *tl = NULL;
	char trip[MAXNAME];

	memset(n, 0, sizeof(*n));
	if (vlen) {
		tl = tool_suffix(s, len - vlen);
		if (tl && tool_is_compiler(tl)) {
			if (vlen - 1 >= sizeof(n->version))
				return msg("'%s': version suffix too long", s);
			memcpy(n->version, s + len - vlen + 1, vlen - 1);
			len -= vlen;
		} else {
			tl = NULL;
		}
	}
	if (!tl)
		tl = tool_suffix(s, len);
	if (!tl)
		return msg("'%s': no known tool at the end of the name (cc, c++, "
		           "gcc, g++, gfortran, clang, ld, ar, ...; see ccmux "
		           "--help)", s);
	n->tool = tl;
	len -= strlen(tl->name);
	if (len == 0)
		return NULL;   /* bare name: the target comes from elsewhere */
	if (len - 1 >= MAXNAME)
		return msg("'%.40s...': name too long (%zu bytes)", s, len - 1);
	memcpy(trip, s, len - 1);
	trip[len - 1] = '\0';
	return parse_triplet(trip, &n->plat);
}

char *platform_dir(const struct platform *p)
{
	const struct target *t = p->target;

	if (!*p->osver)
		return xstrdup(t->name);
	return xconcat(t->name, p->osver, (char *)NULL);
}

char *platform_string(const struct platform *p)
{
	struct buf b = {0};

	buf_puts(&b, platform_dir(p));
	if (p->glibc.parts) {
		char v[32];

		version_format(&p->glibc, v, sizeof(v));
		buf_puts(&b, ".");
		buf_puts(&b, v);
	}
	if (p->libgfortran) {
		char tag[16];

		snprintf(tag, sizeof(tag), "-libgfortran%d", p->libgfortran);
		buf_puts(&b, tag);
	}
	if (p->cxxabi != CXXABI_ANY)
		buf_puts(&b, p->cxxabi == CXXABI_03 ? "-cxx03" : "-cxx11");
	buf_puts(&b, p->extra);
	return b.s;
}
