/* args.c: classifying a compiler command line (link or not, languages,
 * flags that matter to ccmux).  Nothing here changes an argument. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "driver/args.h"
#include "base/util.h"

#define RSP_MAX_DEPTH 10

enum {
	O_ARG = 1,         /* takes the next argument when written alone */
	O_COMPILE = 2,     /* stops before linking (-c, -S) */
	O_PREPROCESS = 4,  /* stops after preprocessing (-E, -M, -MM) */
	O_QUERY = 8,       /* asks the driver something; no compile at all */
	O_PRINT = 16,      /* -print-...: about search paths */
};

/* options whose exact spelling matters, sorted (a unit test checks it) */
static const struct opt {
	const char *name;
	int flags;
} opts[] = {
	{"--help", O_QUERY},
	{"--param", O_ARG},
	{"--std", O_ARG},
	{"--sysroot", O_ARG},
	{"--target-help", O_QUERY},
	{"--version", O_QUERY},
	{"-A", O_ARG},
	{"-B", O_ARG},
	{"-D", O_ARG},
	{"-E", O_PREPROCESS},
	{"-I", O_ARG},
	{"-J", O_ARG},
	{"-L", O_ARG},
	{"-M", O_PREPROCESS},
	{"-MF", O_ARG},
	{"-MJ", O_ARG},
	{"-MM", O_PREPROCESS},
	{"-MQ", O_ARG},
	{"-MT", O_ARG},
	{"-S", O_COMPILE},
	{"-T", O_ARG},
	{"-U", O_ARG},
	{"-Xassembler", O_ARG},
	{"-Xclang", O_ARG},
	{"-Xlinker", O_ARG},
	{"-Xpreprocessor", O_ARG},
	{"-arch", O_ARG},
	{"-aux-info", O_ARG},
	{"-c", O_COMPILE},
	{"-dumpbase", O_ARG},
	{"-dumpdir", O_ARG},
	{"-dumpfullversion", O_QUERY},
	{"-dumpmachine", O_QUERY},
	{"-dumpspecs", O_QUERY},
	{"-dumpversion", O_QUERY},
	{"-fsyntax-only", O_COMPILE},
	{"-idirafter", O_ARG},
	{"-imacros", O_ARG},
	{"-imultilib", O_ARG},
	{"-include", O_ARG},
	{"-iprefix", O_ARG},
	{"-iquote", O_ARG},
	{"-isysroot", O_ARG},
	{"-isystem", O_ARG},
	{"-iwithprefix", O_ARG},
	{"-iwithprefixbefore", O_ARG},
	{"-l", O_ARG},
	{"-mllvm", O_ARG},
	{"-o", O_ARG},
	{"-qversion", O_QUERY},
	{"-specs", O_ARG},
	{"-target", O_ARG},
	{"-u", O_ARG},
	{"-x", O_ARG},
	{"-z", O_ARG},
};

static int optcmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct opt *)elem)->name);
}

int args_table_sorted(void)
{
	size_t i;

	for (i = 1; i < sizeof(opts) / sizeof(opts[0]); i++)
		if (strcmp(opts[i - 1].name, opts[i].name) >= 0)
			return 0;
	return 1;
}

static const struct opt *opt_find(const char *s)
{
	return bsearch(s, opts, sizeof(opts) / sizeof(opts[0]), sizeof(opts[0]),
	               optcmp);
}

static const struct {
	const char *suffix;
	unsigned lang;
} suffixes[] = {
	{".c", L_C}, {".i", L_C}, {".h", L_C},
	{".cc", L_CXX}, {".cp", L_CXX}, {".cxx", L_CXX}, {".cpp", L_CXX},
	{".CPP", L_CXX}, {".c++", L_CXX}, {".C", L_CXX}, {".ii", L_CXX},
	{".hh", L_CXX}, {".hpp", L_CXX}, {".hxx", L_CXX}, {".h++", L_CXX},
	{".H", L_CXX}, {".tcc", L_CXX}, {".cppm", L_CXX}, {".ixx", L_CXX},
	{".mm", L_CXX}, {".M", L_CXX},
	{".f", L_FORTRAN}, {".for", L_FORTRAN}, {".ftn", L_FORTRAN},
	{".f90", L_FORTRAN}, {".f95", L_FORTRAN}, {".f03", L_FORTRAN},
	{".f08", L_FORTRAN}, {".F", L_FORTRAN}, {".FOR", L_FORTRAN},
	{".FTN", L_FORTRAN}, {".F90", L_FORTRAN}, {".F95", L_FORTRAN},
	{".F03", L_FORTRAN}, {".F08", L_FORTRAN}, {".fpp", L_FORTRAN},
	{".FPP", L_FORTRAN},
	{".s", L_ASM}, {".S", L_ASM}, {".sx", L_ASM}, {".asm", L_ASM},
	{".o", L_OBJ}, {".a", L_OBJ}, {".so", L_OBJ}, {".obj", L_OBJ},
	{".lo", L_OBJ}, {".dll", L_OBJ}, {".lib", L_OBJ}, {".res", L_OBJ},
	{".def", L_OBJ},
};

unsigned lang_of_file(const char *name)
{
	const char *dot = strrchr(basename_of(name), '.');
	unsigned i;

	if (!dot)
		return L_OBJ;   /* the linker takes what it does not know */
	for (i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++)
		if (strcmp(dot, suffixes[i].suffix) == 0)
			return suffixes[i].lang;
	if (strstr(name, ".so."))
		return L_OBJ;
	return L_OBJ;
}

unsigned lang_of_x(const char *x)
{
	if (strcmp(x, "none") == 0)
		return 0;
	if (startswith(x, "c++") || startswith(x, "objective-c++"))
		return L_CXX;
	if (startswith(x, "f") && strstr(x, "95"))
		return L_FORTRAN;
	if (startswith(x, "f77") || startswith(x, "fortran"))
		return L_FORTRAN;
	if (startswith(x, "assembler"))
		return L_ASM;
	if (startswith(x, "c") || startswith(x, "objective-c"))
		return L_C;
	return L_OTHER;
}

int rsp_split(const char *p, char ***out)
{
	struct strvec sv = {0};
	struct buf w = {0};

	for (;;) {
		char quote = 0;
		int any = 0;

		while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' ||
		       *p == '\f' || *p == '\v')
			p++;
		if (!*p)
			break;
		w.n = 0;
		for (; *p; p++) {
			if (quote) {
				if (*p == quote)
					quote = 0;
				else if (*p == '\\' && p[1])
					buf_add(&w, ++p, 1);
				else
					buf_add(&w, p, 1);
			} else if (*p == '\'' || *p == '"') {
				quote = *p;
			} else if (*p == '\\' && p[1]) {
				buf_add(&w, ++p, 1);
			} else if (*p == ' ' || *p == '\t' || *p == '\n' ||
			           *p == '\r' || *p == '\f' || *p == '\v') {
				break;
			} else {
				buf_add(&w, p, 1);
			}
			any = 1;
		}
		(void)any;
		sv_push(&sv, w.s ? xstrndup(w.s, w.n) : xstrdup(""));
	}
	xfree(w.s);
	if (!sv.v)
		sv_push(&sv, NULL), sv.n = 0;
	*out = (char **)sv.v;
	return (int)sv.n;
}

struct state {
	struct args *a;
	unsigned xlang;      /* language set by -x, 0 for "by suffix" */
	int flags;           /* O_* seen */
	int depth;
};

static void classify(struct state *st, int argc, char *const *argv);

static void note_abi(struct state *st, const char *whole, const char *def, int is_u)
{
	if (startswith(def, "WINVER") || startswith(def, "_WIN32_WINNT"))
		st->a->defines_winver = 1;
	if (!startswith(def, "_GLIBCXX_USE_CXX11_ABI"))
		return;
	def += strlen("_GLIBCXX_USE_CXX11_ABI");
	if (!is_u && *def != '\0' && *def != '=')
		return;   /* a longer macro name */
	st->a->abi_define = whole;
	if (is_u)
		st->a->abi_value = -1;
	else
		st->a->abi_value = (*def == '=') ? atoi(def + 1) != 0 : 1;
}

static void input(struct state *st, const char *name)
{
	struct args *a = st->a;

	a->ninputs++;
	a->langs |= st->xlang ? st->xlang : lang_of_file(name);
	if (endswith(name, ".so") || strstr(basename_of(name), ".so."))
		a->shared_inputs++;
	if (!st->xlang && endswith(name, ".o") &&
	    a->nobjects < (int)(sizeof(a->objects) / sizeof(a->objects[0])))
		a->objects[a->nobjects++] = name;
}

static void response_file(struct state *st, const char *path)
{
	char **v, *text;
	const char *kind;
	int n;

	if (st->depth >= RSP_MAX_DEPTH)
		return;   /* gcc stops there too; the compiler reports it */
	text = read_file(path, 64 << 20, NULL, &kind);
	if (!text && kind)
		fatal("@%s is %s, not a regular file: ccmux reads a response "
		      "file to classify the command and would consume it; write "
		      "the arguments to a regular file", path, kind);
	if (!text) {
		input(st, path);   /* the compiler will say what is wrong */
		return;
	}
	n = rsp_split(text, &v);
	st->depth++;
	classify(st, n, v);
	st->depth--;
}

/* a flag with its argument (separate or joined) */
static void flag_arg(struct state *st, const char *flag, const char *val,
                     const char *whole)
{
	struct args *a = st->a;

	if (strcmp(flag, "-o") == 0)
		a->output = val;
	else if (strcmp(flag, "-x") == 0)
		st->xlang = lang_of_x(val);
	else if (strcmp(flag, "--sysroot") == 0)
		a->sysroot = val;
	else if (strcmp(flag, "-std") == 0 || strcmp(flag, "--std") == 0)
		a->std = val;
	else if (strcmp(flag, "-march") == 0)
		a->arm.march = val;
	else if (strcmp(flag, "-mcpu") == 0)
		a->arm.mcpu = val;
	else if (strcmp(flag, "-mfpu") == 0)
		a->arm.mfpu = val;
	else if (strcmp(flag, "-mfloat-abi") == 0)
		a->arm.float_abi = val;
	else if (strcmp(flag, "-D") == 0)
		note_abi(st, whole, val, 0);
	else if (strcmp(flag, "-U") == 0)
		note_abi(st, whole, val, 1);
	else if (strcmp(flag, "-l") == 0)
		input(st, val);
}

static const struct {
	const char *name;
	size_t off;
} bool_flags[] = {
	{"-nostdinc", offsetof(struct args, nostdinc)},
	{"-nostdinc++", offsetof(struct args, nostdincxx)},
	{"-shared", offsetof(struct args, shared)},
	{"-static", offsetof(struct args, is_static)},
	{"-static-pie", offsetof(struct args, static_pie)},
	{"-r", offsetof(struct args, relocatable)},
};

static int bool_flag(struct args *a, const char *s)
{
	unsigned i;

	for (i = 0; i < sizeof(bool_flags) / sizeof(bool_flags[0]); i++)
		if (strcmp(s, bool_flags[i].name) == 0) {
			*(int *)((char *)a + bool_flags[i].off) = 1;
			return 1;
		}
	return 0;
}

/* joined spellings: -ofile, -xc++, -DNAME, --sysroot=DIR, -lm */
static void joined(struct state *st, const char *s)
{
	static const char *const prefixes[] = {"--sysroot=", "-std=", "--std=",
	                                       "-march=", "-mcpu=", "-mfpu=",
	                                       "-mfloat-abi=", "-o", "-x",
	                                       "-D", "-U", "-l"};
	static const char *const flags[] = {"--sysroot", "-std", "-std", "-march",
	                                    "-mcpu", "-mfpu", "-mfloat-abi", "-o",
	                                    "-x", "-D", "-U", "-l"};
	unsigned i;

	for (i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++) {
		size_t n = strlen(prefixes[i]);

		if (strncmp(s, prefixes[i], n) == 0 && s[n]) {
			flag_arg(st, flags[i], s + n, s);
			return;
		}
	}
}

static void classify(struct state *st, int argc, char *const *argv)
{
	int i;

	for (i = 0; i < argc; i++) {
		const char *s = argv[i];
		const struct opt *o;

		if (s[0] == '@' && s[1]) {
			response_file(st, s + 1);
			continue;
		}
		if (s[0] != '-' || s[1] == '\0') {
			input(st, s);
			continue;
		}
		if (startswith(s, "-print-") || startswith(s, "--print-")) {
			st->flags |= O_PRINT;
			continue;
		}
		if (bool_flag(st->a, s))
			continue;
		if (s[1] == 'm' && (strcmp(s, "-mthumb") == 0 || strcmp(s, "-marm") == 0)) {
			st->a->arm.thumb = s[2] == 't';   /* the last one wins */
			continue;
		}
		o = opt_find(s);
		if (o) {
			st->flags |= o->flags;
			if ((o->flags & O_ARG) && i + 1 < argc) {
				flag_arg(st, s, argv[i + 1], argv[i + 1]);
				i++;
			}
			continue;
		}
		joined(st, s);
	}
}

void args_classify(int argc, char *const *argv, struct args *a)
{
	struct state st = {a, 0, 0, 0};

	memset(a, 0, sizeof(*a));
	classify(&st, argc, argv);
	if (st.flags & O_PREPROCESS)
		a->mode = MODE_PREPROCESS;
	else if (st.flags & O_COMPILE)
		a->mode = MODE_COMPILE;
	else if (st.flags & O_PRINT)
		a->mode = MODE_PRINT;
	else if ((st.flags & O_QUERY) || a->ninputs == 0)
		a->mode = MODE_QUERY;
	else
		a->mode = MODE_LINK;
}
