/* info.c: what is installed: `ccmux targets`, `ccmux shards` */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "base/util.h"
#include "cmd/cmd.h"
#include "compat/shard.h"
#include "compat/sysroot.h"

static void print_shards(const char *label, const struct shard *s, unsigned n)
{
	unsigned i;

	printf(" %s", label);
	for (i = 0; i < n; i++)
		printf("%s%s", i ? "," : " ", s[i].verstr);
	if (!n)
		printf(" -");
}

/* `ccmux targets --installed`: the targets with a GCC shard, one a line */
static int installed_targets(const struct ctx *c)
{
	const struct target *t;

	for (t = targets; t->name; t++) {
		char *trip = xconcat(t->name, default_osver(t), (char *)NULL);
		struct shardset ss;

		shard_scan(c->roots, trip, 0, &ss);
		if (ss.ngcc)
			printf("%s\n", trip);
	}
	return 0;
}

/* the floor in force: the sysroot's libc, or what stands for it */
static const char *floor_text(const struct target *t, const char *sysroot)
{
	if (t->os == OS_WINDOWS)
		return "mingw-w64";
	if (target_sdk_only(t))
		return sysroot ? "SDK" : "no SDK";
	return sysroot_describe(sysroot, t->libc == LIBC_MUSL);
}

/* the target table's string columns, for scripts: one source of facts */
static const struct {
	const char *name;
	size_t off;
} fields[] = {
#define F(f) {#f, offsetof(struct target, f)}
	F(arch), F(cflags), F(clang_triple), F(cmake_processor), F(dynamic_linker),
	F(libdir), F(meson_cpu), F(meson_cpu_family), F(multiarch), F(qemu),
	F(seed_floor),
#undef F
};

/* `ccmux targets --field NAME [TARGET...]`: the column for each target
 * named (every target if none), one a line; "floor" is the floor in force */
static int print_field(const struct ctx *c, const char *field, int argc,
                       char **argv)
{
	const struct target *t;
	unsigned i;
	int k;

	for (i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
		if (strcmp(fields[i].name, field) == 0)
			break;
	if (i == sizeof(fields) / sizeof(fields[0]) && strcmp(field, "floor") != 0 &&
	    strcmp(field, "musl_specs") != 0)
		fatal("targets --field: no field '%s' (floor, musl_specs, arch, cflags, "
		      "libdir, multiarch, dynamic_linker, qemu, ...)", field);
	for (k = 0, t = targets; argc ? k < argc : t->name != NULL; k++, t++) {
		if (argc && !(t = target_by_name(argv[k])))
			fatal("targets --field: no target '%s'", argv[k]);
		if (i < sizeof(fields) / sizeof(fields[0])) {
			printf("%s\n", *(const char *const *)((const char *)t + fields[i].off));
		} else if (strcmp(field, "musl_specs") == 0) {
			if (t->libc != LIBC_MUSL)
				fatal("targets --field musl_specs: %s is not a musl target", t->name);
			fputs(musl_specs(t->dynamic_linker), stdout);
		} else {
			struct shardset ss;

			shard_scan(c->roots, t->name, 0, &ss);
			printf("%s\n", floor_text(t, ss.sysroot));
		}
	}
	return 0;
}

/* `ccmux targets --tools FAMILY`: the shard file names of a family's tools */
static int print_tools(const char *family)
{
	static const char *const names[] = {"gcc", "clang", "binutils", "lld",
	                                    "pkg-config"};
	unsigned f, i, j;

	for (f = 0; f < sizeof(names) / sizeof(names[0]); f++)
		if (strcmp(names[f], family) == 0)
			break;
	if (f == sizeof(names) / sizeof(names[0]))
		fatal("targets --tools: no family '%s' (gcc, clang, binutils, lld, "
		      "pkg-config)", family);
	for (i = 0; i < ntools; i++) {
		if (tools[i].family != (enum family)f)
			continue;
		for (j = 0; j < i; j++)
			if (tools[j].family == (enum family)f &&
			    strcmp(tools[j].shard_name, tools[i].shard_name) == 0)
				break;
		if (j == i)
			printf("%s\n", tools[i].shard_name);
	}
	return 0;
}

int cmd_targets(const struct ctx *c, int argc, char **argv)
{
	const struct target *t;
	const struct shard *clang = NULL;
	unsigned nclang = 0;

	if (argc > 0 && strcmp(argv[0], "--installed") == 0)
		return installed_targets(c);
	if (argc > 1 && strcmp(argv[0], "--field") == 0)
		return print_field(c, argv[1], argc - 2, argv + 2);
	if (argc == 2 && strcmp(argv[0], "--tools") == 0)
		return print_tools(argv[1]);
	if (argc > 0)
		fatal("usage: ccmux targets [--installed | --field NAME [TARGET...] | "
		      "--tools FAMILY]");
	printf("%-26s %-12s %-10s %-8s %-28s %s\n", "TARGET", "FLOOR", "FLOORS",
	       "SEEDS", "DYNAMIC LINKER", "SHARDS");
	for (t = targets; t->name; t++) {
		struct shardset ss;

		shard_scan(c->roots, t->name, 1, &ss);
		printf("%-26s %-12s %-10s %-8s %-28s", t->name, floor_text(t, ss.sysroot),
		       ss.nfloors ? xconcat(ss.floors[0].verstr, "-",
		                            ss.floors[ss.nfloors - 1].verstr,
		                            (char *)NULL) : "-",
		       *t->seed_floor ? t->seed_floor : "-",
		       *t->dynamic_linker ? t->dynamic_linker : "-");
		print_shards("gcc", ss.gcc, ss.ngcc);
		print_shards(" binutils", ss.binutils, ss.nbinutils);
		printf("\n");
		if (strcmp(t->name, CLANG_HOST_DIR) == 0)
			nclang = ss.nclang, clang = ss.clang;
	}
	print_shards("clang (every target):", clang, nclang);
	printf("\n");
	return 0;
}

/* "  from KIND DIR (DRIVER); TEXT", the lines `ccmux adopt` wrote in file
 * about where a shard came from; "" when there is no such file */
static const char *origin(const char *file)
{
	char *s = read_file(file, 4096, NULL, NULL), *line;
	struct buf b = {0};

	for (line = s ? strtok(s, "\n") : NULL; line; line = strtok(NULL, "\n"))
		buf_puts(&b, xconcat(b.n ? "; " : "  from ", line, (char *)NULL));
	return b.n ? b.s : "";
}

static void list_set(const char *kind, const struct shard *s, unsigned n)
{
	unsigned i;

	for (i = 0; i < n; i++)
		printf("  %-9s %-8s %s%s\n", kind, s[i].verstr, s[i].dir,
		       origin(xconcat(s[i].dir, "/origin", (char *)NULL)));
}

int cmd_shards(const struct ctx *c, int argc, char **argv)
{
	const struct target *t;
	unsigned i;

	(void)argc, (void)argv;
	printf("roots:");
	for (i = 0; c->roots[i]; i++)
		printf(" %s", c->roots[i]);
	printf("\n");
	for (t = targets; t->name; t++) {
		struct shardset ss;

		shard_scan(c->roots, t->name, 1, &ss);
		if (!ss.ngcc && !ss.nbinutils && !ss.sysroot &&
		    strcmp(t->name, CLANG_HOST_DIR) != 0)
			continue;
		printf("%s\n", t->name);
		list_set("gcc", ss.gcc, ss.ngcc);
		list_set("binutils", ss.binutils, ss.nbinutils);
		if (strcmp(t->name, CLANG_HOST_DIR) == 0)
			list_set("clang", ss.clang, ss.nclang);
		if (ss.sysroot)
			printf("  %-9s %-8s %s%s\n", "sysroot",
			       sysroot_describe(ss.sysroot, t->libc == LIBC_MUSL),
			       ss.sysroot,
			       origin(xconcat(ss.sysroot, ".origin", (char *)NULL)));
	}
	return 0;
}
