/* test_util: the arena allocator, shell quoting, versions, response-file
 * splitting and the argument classifier, one line a case. */
#include <stdint.h>
#include <stdlib.h>

#include "driver/args.h"
#include "unit.h"
#include "base/util.h"
#include "base/version.h"

static void arena(void)
{
	unsigned char *blocks[5000];
	int ok = 1, i, j;
	char *p, *q;

	/* far more than the arena holds: every block distinct and writable */
	for (i = 0; i < 5000; i++) {
		blocks[i] = xmalloc((size_t)(i % 97) + 1);
		memset(blocks[i], i & 0xff, (size_t)(i % 97) + 1);
	}
	for (i = 0; i < 5000 && ok; i++)
		for (j = 0; j <= i % 97; j++)
			ok &= blocks[i][j] == (i & 0xff);
	CHECK("arena: 5000 blocks keep their bytes", ok, "a block was overwritten");
	p = xmalloc(10);
	strcpy(p, "abcdefghi");
	q = xrealloc(p, 100000);
	CHECK("arena: realloc beyond the arena keeps the bytes",
	      strcmp(q, "abcdefghi") == 0, "got %s", q);
	memset(q, 'x', 100000);
	xfree(q);
	p = xmalloc(0);
	CHECK("arena: xmalloc(0) gives a block", p != NULL, "NULL");
	CHECK("arena: aligned", ((uintptr_t)xmalloc(3) % 16) == 0, "misaligned");
}

static void quoting(void)
{
	static const struct {
		const char *word, *want;
	} cases[] = {
		{"plain", "plain"}, {"", "''"}, {"a b", "'a b'"},
		{"it's", "'it'\\''s'"}, {"$HOME", "'$HOME'"}, {"a\nb", "'a\nb'"},
		{"-DX=1", "-DX=1"}, {"/a/b.c", "/a/b.c"}, {"*", "'*'"},
	};
	unsigned i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct buf b = {0};

		buf_quote(&b, cases[i].word);
		CHECK(xprintf("quote case %u", i), streq(b.s, cases[i].want),
		      "got [%s] want [%s]", b.s, cases[i].want);
	}
}

static void versions(void)
{
	static const struct {
		const char *a, *b;
		int cmp;
	} cases[] = {
		{"4.8.5", "11.3.0", -1}, {"12", "12.0.0", 0}, {"12.2", "12.10", -1},
		{"2.17", "2.3.2", 1}, {"13.1.0", "13.1.0", 0}, {"9.99999", "10", -1},
	};
	static const char *const bad[] = {"", "a", "1.", ".1", "1..2", "1.2.3.4",
	                                  "123456", "1.2a", "-1", " 1"};
	unsigned i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct version a, b;
		int c;

		version_parse(cases[i].a, &a);
		version_parse(cases[i].b, &b);
		c = version_cmp(&a, &b);
		CHECK(xprintf("version %s vs %s", cases[i].a, cases[i].b),
		      (c > 0) - (c < 0) == cases[i].cmp, "got %d", c);
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct version v;

		CHECK(xprintf("version [%s] refused", bad[i]),
		      version_parse(bad[i], &v) != 0, "accepted");
	}
}

static void rsp(void)
{
	static const struct {
		const char *text;
		int n;
		const char *last;
	} cases[] = {
		{"-c a.c", 2, "a.c"}, {"  -O2\n\t-g  ", 2, "-g"}, {"'a b' c", 2, "c"},
		{"\"x y\"", 1, "x y"}, {"a\\ b", 1, "a b"}, {"''", 1, ""},
		{"", 0, NULL}, {"'it''s'", 1, "its"}, {"\"a\\\"b\"", 1, "a\"b"},
	};
	unsigned i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char **v;
		int n = rsp_split(cases[i].text, &v);

		CHECK(xprintf("rsp case %u", i),
		      n == cases[i].n && (n == 0 || streq(v[n - 1], cases[i].last)),
		      "got %d args, last [%s]", n, n ? v[n - 1] : "");
	}
}

static void classify(void)
{
	static const struct {
		const char *args;   /* space-separated */
		enum mode mode;
		unsigned langs;
	} cases[] = {
		{"a.c", MODE_LINK, L_C}, {"-c a.c", MODE_COMPILE, L_C},
		{"-S a.cc", MODE_COMPILE, L_CXX}, {"-E a.c", MODE_PREPROCESS, L_C},
		{"-M a.c", MODE_PREPROCESS, L_C}, {"-MM a.c", MODE_PREPROCESS, L_C},
		{"-MD -c a.c", MODE_COMPILE, L_C}, {"--version", MODE_QUERY, 0},
		{"-v", MODE_QUERY, 0}, {"-v a.c", MODE_LINK, L_C},
		{"-dumpmachine", MODE_QUERY, 0}, {"-print-file-name=crt1.o", MODE_PRINT, 0},
		{"-fsyntax-only a.c", MODE_COMPILE, L_C}, {"", MODE_QUERY, 0},
		{"-x c++ -", MODE_LINK, L_CXX}, {"-x c++ a.c -x none b.c", MODE_LINK, L_CXX | L_C},
		{"a.o b.a -lm", MODE_LINK, L_OBJ}, {"a.f90 -o a", MODE_LINK, L_FORTRAN},
		{"-o a.c b.o", MODE_LINK, L_OBJ}, {"-I include -c a.cpp", MODE_COMPILE, L_CXX},
		{"-Xlinker -c a.o", MODE_LINK, L_OBJ}, {"-lfoo", MODE_LINK, L_OBJ},
		{"-c -x assembler a.s", MODE_COMPILE, L_ASM},
	};
	unsigned i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char **v;
		int n = rsp_split(cases[i].args, &v);
		struct args a;

		args_classify(n, v, &a);
		CHECK(xprintf("classify [%s]", cases[i].args),
		      a.mode == cases[i].mode && a.langs == cases[i].langs,
		      "got mode %d langs %u", a.mode, a.langs);
	}
	{
		char *v[] = {"-D_GLIBCXX_USE_CXX11_ABI=0", "-c", "a.cc",
		             "-D", "_GLIBCXX_USE_CXX11_ABI=1", "--sysroot=/sr", "-o", "x.o"};
		struct args a;

		args_classify(8, v, &a);
		CHECK("classify: last ABI define wins", a.abi_value == 1 &&
		      streq(a.abi_define, "_GLIBCXX_USE_CXX11_ABI=1"), "got %d", a.abi_value);
		CHECK("classify: --sysroot= and -o", streq(a.sysroot, "/sr") &&
		      streq(a.output, "x.o"), "got %s %s", a.sysroot, a.output);
	}
	{
		char *v[] = {"-D_GLIBCXX_USE_CXX11_ABI_X=1", "-U_GLIBCXX_USE_CXX11_ABI", "a.c"};
		struct args a;

		args_classify(3, v, &a);
		CHECK("classify: -U counts, a longer macro does not",
		      a.abi_value == -1, "got %d", a.abi_value);
	}
}

static void optsorted(void)
{
	/* the option table is searched with bsearch: args_classify must find
	 * the first and the last entries */
	char *first[] = {"--help"}, *last[] = {"-z", "defs", "a.o"};
	struct args a;

	CHECK("option table: sorted (bsearch)", args_table_sorted(), "not sorted");
	args_classify(1, first, &a);
	CHECK("option table: first entry found", a.mode == MODE_QUERY, "mode %d", a.mode);
	args_classify(3, last, &a);
	CHECK("option table: last entry takes its argument", a.ninputs == 1,
	      "inputs %d", a.ninputs);
}

int main(void)
{
	arena();
	quoting();
	versions();
	rsp();
	classify();
	optsorted();
	return unit_failed;
}
