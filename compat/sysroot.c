/* sysroot.c: facts read from an installed sysroot */
#include <stdlib.h>
#include <string.h>

#include "compat/sysroot.h"
#include "base/util.h"

/* the number after "#define NAME" in text, or -1 */
static int macro_value(const char *text, const char *name)
{
	const char *p = text;
	size_t n = strlen(name);

	while ((p = strstr(p, name))) {
		const char *q = p + n;
		const char *line = p;

		while (line > text && line[-1] != '\n')
			line--;
		p = q;
		if (*q != ' ' && *q != '\t')
			continue;
		while (*line == ' ' || *line == '\t' || *line == '#')
			line++;
		if (!startswith(line, "define"))
			continue;
		while (*q == ' ' || *q == '\t')
			q++;
		if (*q >= '0' && *q <= '9')
			return atoi(q);
	}
	return -1;
}

int sysroot_glibc(const char *sysroot, struct version *out)
{
	char *path = xconcat(sysroot, "/usr/include/features.h", (char *)NULL);
	const char *kind;
	char *text = read_file(path, 1 << 20, NULL, &kind);
	int major, minor;

	if (!text && kind)
		fatal("%s is %s, not a regular file: the sysroot is broken", path, kind);
	if (!text)
		return -1;
	major = macro_value(text, "__GLIBC__");
	minor = macro_value(text, "__GLIBC_MINOR__");
	if (major < 0 || minor < 0)
		return -1;
	out->v[0] = major;
	out->v[1] = minor;
	out->v[2] = 0;
	out->parts = 2;
	return 0;
}

const char *sysroot_run_root(const char *sysroot)
{
	char *text = read_file(xconcat(sysroot, "/ccmux-glibc-floor", (char *)NULL),
	                       1 << 16, NULL, NULL);
	char *line = text;

	while (line && *line) {
		size_t n = strcspn(line, " \t\n");

		if (n == 8 && strncmp(line, "run-root", 8) == 0) {
			char *v = line + n + strspn(line + n, " \t");

			return xstrndup(v, strcspn(v, " \t\n#"));
		}
		line = strchr(line, '\n');
		line = line ? line + 1 : NULL;
	}
	return NULL;
}

char *sysroot_describe(const char *sysroot, int musl)
{
	struct version v;
	char buf[32];

	if (!sysroot)
		return xstrdup("none");
	if (musl)
		return xstrdup("musl");
	if (sysroot_glibc(sysroot, &v) != 0)
		return xstrdup("unknown");
	version_format(&v, buf, sizeof(buf));
	return xconcat("glibc ", buf, (char *)NULL);
}

char *musl_specs(const char *dynamic_linker)
{
	return xconcat("*link_libgcc:\n-L%R/usr/lib -L .%s\n\n"
	               "*libgcc:\nlibgcc.a%s %:if-exists(libgcc_eh.a%s)\n\n"
	               "*startfile:\n%{!shared: %R/usr/lib/Scrt1.o} %R/usr/lib/crti.o "
	               "crtbeginS.o%s\n\n"
	               "*endfile:\ncrtendS.o%s %R/usr/lib/crtn.o\n\n"
	               "*link:\n-dynamic-linker ", dynamic_linker, " -nostdlib "
	               "%{shared:-shared} %{static:-static} %{rdynamic:-export-dynamic}\n\n",
	               (char *)NULL);
}
