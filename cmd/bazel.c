/* bazel.c: PREFIX/share/ccmux/bazel, a Bazel repository named ccmux:
 *
 *   WORKSPACE, MODULE.bazel      the repository under both systems
 *   constraints/BUILD.bazel      @ccmux//constraints:glibc|musl (a libc
 *                                setting: aarch64 gnu and musl share a cpu)
 *   platforms/BUILD.bazel        @ccmux//platforms:TRIPLET
 *   toolchains/BUILD.bazel       a cc_toolchain and toolchain() per target
 *   toolchains/config.bzl        the rule that fills CcToolchainConfigInfo
 *   rules_cc/                    cc/defs.bzl forwarding to the native rules,
 *                                for an offline Bazel 4 (--override_repository)
 *
 * The compilers are the farm's names pinned to the GCC the CMake files use
 * (C++20 at the floor); C compiles take TRIPLET-gcc-N (an action_config),
 * C++ compiles and links TRIPLET-g++-N (the "gcc" tool path), so that ccmux sees C++ links as C++ (the runtime at
 * the floor).  The built-in include directories are the ones those
 * compilers report (-E -v), which needs the farm in PREFIX/bin.  Paths are absolute: `ccmux files PREFIX`
 * writes them again when the install moves. */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/path.h"
#include "base/util.h"
#include "cmd/bazel.h"
#include "cmd/cmd.h"
#include "cmd/ecosys.h"
#include "compat/shard.h"
#include "driver/driver.h"

/* write text to dir/name through name.tmp and a rename */
static void put(const char *dir, const char *name, const char *text)
{
	char *path = xconcat(dir, "/", name, (char *)NULL);
	char *tmp = xconcat(path, ".tmp", (char *)NULL);
	char *d = dirname_of(path);
	int fd;

	if (mkdir_p(d, 0777) != 0)
		fatal("cannot create %s:", d);
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_NONBLOCK | O_CLOEXEC, 0666);
	if (fd < 0 || write_all(fd, text, strlen(text)) != 0 || close(fd) != 0 ||
	    rename(tmp, path) != 0)
		fatal("cannot write %s:", path);
}

static const char workspace[] =
	"# written by `ccmux files`: the ccmux toolchains for Bazel.\n"
	"# WORKSPACE: local_repository(name = \"ccmux\", path = \"THIS DIRECTORY\")\n"
	"#            register_toolchains(\"@ccmux//toolchains:all\")\n"
	"workspace(name = \"ccmux\")\n";

static const char module[] =
	"# written by `ccmux files`: the ccmux toolchains for Bazel (bzlmod).\n"
	"# MODULE.bazel: bazel_dep(name = \"ccmux\")\n"
	"#               local_path_override(module_name = \"ccmux\", path = \"THIS DIRECTORY\")\n"
	"#               register_toolchains(\"@ccmux//toolchains:all\")\n"
	"module(name = \"ccmux\", version = \"0\")\n\n"
	"bazel_dep(name = \"platforms\", version = \"0.0.10\")\n"
	"bazel_dep(name = \"rules_cc\", version = \"0.0.9\")\n";

static const char constraints[] =
	"# written by `ccmux files`: the C library of a Linux target\n"
	"package(default_visibility = [\"//visibility:public\"])\n\n"
	"constraint_setting(name = \"libc\")\n\n"
	"constraint_value(name = \"glibc\", constraint_setting = \":libc\")\n\n"
	"constraint_value(name = \"musl\", constraint_setting = \":libc\")\n";

/* the rule: C actions take cc, C++ actions and links cxx, archives ar */
static const char config_bzl[] =
	"# written by `ccmux files`: CcToolchainConfigInfo for a ccmux target\n"
	"load(\"@bazel_tools//tools/build_defs/cc:action_names.bzl\", \"ACTION_NAMES\")\n"
	"load(\n"
	"    \"@bazel_tools//tools/cpp:cc_toolchain_config_lib.bzl\",\n"
	"    \"action_config\",\n"
	"    \"feature\",\n"
	"    \"flag_group\",\n"
	"    \"flag_set\",\n"
	"    \"tool\",\n"
	"    \"tool_path\",\n"
	")\n\n"
	"_C = [\n"
	"    ACTION_NAMES.c_compile,\n"
	"    ACTION_NAMES.assemble,\n"
	"    ACTION_NAMES.preprocess_assemble,\n"
	"]\n\n"
	"_LINK = [\n"
	"    ACTION_NAMES.cpp_link_executable,\n"
	"    ACTION_NAMES.cpp_link_dynamic_library,\n"
	"    ACTION_NAMES.cpp_link_nodeps_dynamic_library,\n"
	"]\n\n"
	"# an action_config of our own loses the flags Bazel's legacy ones imply\n"
	"# (archiver and linker flags): only C compiles get one\n"
	"def _configs(actions, path):\n"
	"    return [action_config(action_name = a, tools = [tool(path = path)]) for a in actions]\n\n"
	"def _impl(ctx):\n"
	"    b = ctx.attr.bin + \"/\" + ctx.attr.triplet + \"-\"\n"
	"    cc = b + \"gcc\" + ctx.attr.gcc_suffix\n"
	"    cxx = b + \"g++\" + ctx.attr.gcc_suffix\n"
	"    # C actions: gcc; C++ compiles and every link: g++ (tool_paths)\n"
	"    action_configs = _configs(_C, cc)\n"
	"    tools = {\"gcc\": cxx, \"cpp\": b + \"cpp\" + ctx.attr.gcc_suffix, \"ar\": b + \"ar\",\n"
	"             \"ld\": b + \"ld\", \"nm\": b + \"nm\", \"objcopy\": b + \"objcopy\",\n"
	"             \"objdump\": b + \"objdump\", \"strip\": b + \"strip\", \"gcov\": \"/bin/false\"}\n"
	"    features = [\n"
	"        feature(name = \"supports_pic\", enabled = True),\n"
	"        feature(name = \"supports_start_end_lib\", enabled = False),\n"
	"        feature(\n"
	"            name = \"ccmux_link_libs\",\n"
	"            enabled = True,\n"
	"            flag_sets = [flag_set(actions = _LINK, flag_groups = [flag_group(flags = [\"-lm\"])])],\n"
	"        ),\n"
	"    ]\n"
	"    return cc_common.create_cc_toolchain_config_info(\n"
	"        ctx = ctx,\n"
	"        features = features,\n"
	"        action_configs = action_configs,\n"
	"        cxx_builtin_include_directories = ctx.attr.include_dirs,\n"
	"        toolchain_identifier = \"ccmux-\" + ctx.attr.triplet,\n"
	"        host_system_name = \"x86_64-linux-gnu\",\n"
	"        target_system_name = ctx.attr.triplet,\n"
	"        target_cpu = ctx.attr.cpu,\n"
	"        target_libc = ctx.attr.libc,\n"
	"        compiler = \"gcc\",\n"
	"        abi_version = ctx.attr.libc,\n"
	"        abi_libc_version = ctx.attr.libc,\n"
	"        tool_paths = [tool_path(name = n, path = p) for n, p in tools.items()],\n"
	"    )\n\n"
	"ccmux_cc_toolchain_config = rule(\n"
	"    implementation = _impl,\n"
	"    attrs = {\n"
	"        \"bin\": attr.string(mandatory = True),\n"
	"        \"triplet\": attr.string(mandatory = True),\n"
	"        \"gcc_suffix\": attr.string(default = \"\"),\n"
	"        \"cpu\": attr.string(mandatory = True),\n"
	"        \"libc\": attr.string(mandatory = True),\n"
	"        \"include_dirs\": attr.string_list(),\n"
	"    },\n"
	"    provides = [CcToolchainConfigInfo],\n"
	")\n";

/* Bazel 4.2.3 loads @rules_cc//cc:defs.bzl for its own tools; offline, and
 * with Debian's rules_cc 0.0.4 being too new for it, this one forwards to
 * the native rules */
static const char rules_cc_defs[] =
	"# written by `ccmux files`: rules_cc's names for the native rules, for an\n"
	"# offline Bazel 4 (--override_repository=rules_cc=THIS DIRECTORY)\n"
	"def cc_binary(**kwargs):\n    native.cc_binary(**kwargs)\n\n"
	"def cc_import(**kwargs):\n    native.cc_import(**kwargs)\n\n"
	"def cc_library(**kwargs):\n    native.cc_library(**kwargs)\n\n"
	"def cc_proto_library(**kwargs):\n    native.cc_proto_library(**kwargs)\n\n"
	"def cc_test(**kwargs):\n    native.cc_test(**kwargs)\n\n"
	"def cc_toolchain(**kwargs):\n    native.cc_toolchain(**kwargs)\n\n"
	"def cc_toolchain_suite(**kwargs):\n    native.cc_toolchain_suite(**kwargs)\n\n"
	"def fdo_prefetch_hints(**kwargs):\n    native.fdo_prefetch_hints(**kwargs)\n\n"
	"def fdo_profile(**kwargs):\n    native.fdo_profile(**kwargs)\n\n"
	"def objc_import(**kwargs):\n    native.objc_import(**kwargs)\n\n"
	"def objc_library(**kwargs):\n    native.objc_library(**kwargs)";

/* a toolchain's target: 1 for a Linux target with a GCC shard */
static int wanted(const struct target *t, const struct shardset *ss)
{
	return t->os == OS_LINUX && ss->ngcc && ecosys_of(t);
}

/* a directory as a Starlark list item into b, once */
static void add_dir(struct buf *b, const char *dir)
{
	char *q = xprintf("        \"%s\",\n", dir);

	if (!b->s || !strstr(b->s, q))
		buf_puts(b, q);
}

/* dir, its real path, and the directories its entries' links point into
 * (install.sh mirrors a GCC's header directory as one link per entry) */
static void add_resolved(struct buf *b, const char *dir)
{
	char real[4096];
	struct dirent *e;
	DIR *d;

	add_dir(b, dir);
	if (realpath(dir, real) && strcmp(real, dir) != 0)
		add_dir(b, real);
	if (!(d = opendir(dir)))
		return;
	while ((e = readdir(d)))
		if (e->d_name[0] != '.' &&
		    realpath(xconcat(dir, "/", e->d_name, (char *)NULL), real))
			add_dir(b, dirname_of(real));
	closedir(d);
}

/* the include directories the compiler reports for LANG (c, c++) through
 * the farm name cc (`cc -E -v -x LANG /dev/null`: the "#include <...>"
 * list), each also with its symbolic links resolved, as GCC writes the
 * dependency files Bazel checks them against */
static void include_dirs(const char *cc, const char *lang, struct buf *b)
{
	struct buf cmd = {0};
	char line[4096];
	int in = 0;
	FILE *f;

	buf_quote(&cmd, cc);
	buf_puts(&cmd, xprintf(" -E -v -x %s /dev/null 2>&1 >/dev/null", lang));
	if (!(f = popen(cmd.s, "r")))
		fatal("cannot run %s:", cc);
	while (fgets(line, sizeof(line), f)) {
		char *d = line + strspn(line, " ");

		d[strcspn(d, "\n")] = '\0';
		if (startswith(line, "#include <...>"))
			in = 1;
		else if (startswith(line, "End of search list"))
			in = 0;
		else if (in && *d == '/')
			add_resolved(b, d);
	}
	pclose(f);
}

static void toolchain(const struct ctx *c, const char *prefix, const struct target *t,
                      const char *trip, struct buf *tc, struct buf *pf)
{
	const struct ecosys *e = ecosys_of(t);
	const char *libc = t->libc == LIBC_MUSL ? "musl" : "glibc";
	char *suffix = "", *compat;
	struct buf inc = {0};
	int g = pin_gcc(c, trip);

	if (g)
		suffix = xprintf("-%d", g);
	include_dirs(xconcat(prefix, "/bin/", trip, "-g++", suffix, (char *)NULL), "c++", &inc);
	include_dirs(xconcat(prefix, "/bin/", trip, "-gcc", suffix, (char *)NULL), "c", &inc);
	compat = xprintf("        \"@platforms//cpu:%s\",\n        \"@platforms//os:%s\",\n"
	                 "        \"//constraints:%s\",\n", e->bazel_cpu, e->bazel_os, libc);
	buf_puts(tc, xprintf(
		"ccmux_cc_toolchain_config(\n"
		"    name = \"%s-config\",\n"
		"    bin = \"%s/bin\",\n"
		"    triplet = \"%s\",\n"
		"    gcc_suffix = \"%s\",\n"
		"    cpu = \"%s\",\n"
		"    libc = \"%s\",\n"
		"    include_dirs = [\n%s    ],\n"
		")\n\n"
		"cc_toolchain(\n"
		"    name = \"%s-cc\",\n"
		"    all_files = \":empty\",\n"
		"    compiler_files = \":empty\",\n"
		"    dwp_files = \":empty\",\n"
		"    linker_files = \":empty\",\n"
		"    objcopy_files = \":empty\",\n"
		"    strip_files = \":empty\",\n"
		"    supports_param_files = 0,\n"
		"    toolchain_config = \":%s-config\",\n"
		")\n\n"
		"toolchain(\n"
		"    name = \"%s\",\n"
		"    exec_compatible_with = [\n"
		"        \"@platforms//cpu:x86_64\",\n        \"@platforms//os:linux\",\n"
		"    ],\n"
		"    target_compatible_with = [\n%s    ],\n"
		"    toolchain = \":%s-cc\",\n"
		"    toolchain_type = \"@bazel_tools//tools/cpp:toolchain_type\",\n"
		")\n\n",
		trip, prefix, trip, suffix, e->bazel_cpu, libc, inc.s ? inc.s : "",
		trip, trip, trip, compat, trip));
	buf_puts(pf, xprintf("platform(\n    name = \"%s\",\n    constraint_values = [\n%s"
	                     "    ],\n)\n\n", trip, compat));
}

void bazel_files(const struct ctx *c, const char *prefix)
{
	const char *dir = xconcat(prefix, "/share/ccmux/bazel", (char *)NULL);
	struct buf tc = {0}, pf = {0};
	const struct target *t;
	int n = 0;

	buf_puts(&tc, "# written by `ccmux files`: a C/C++ toolchain per ccmux target\n"
	         "load(\"@rules_cc//cc:defs.bzl\", \"cc_toolchain\")\n"
	         "load(\":config.bzl\", \"ccmux_cc_toolchain_config\")\n\n"
	         "package(default_visibility = [\"//visibility:public\"])\n\n"
	         "filegroup(name = \"empty\")\n\n");
	buf_puts(&pf, "# written by `ccmux files`: bazel build --platforms=@ccmux//platforms:TRIPLET\n"
	         "package(default_visibility = [\"//visibility:public\"])\n\n");
	for (t = targets; t->name; t++) {
		char *trip = xconcat(t->name, default_osver(t), (char *)NULL);
		struct shardset ss;

		shard_scan(c->roots, trip, 0, &ss);
		if (!wanted(t, &ss))
			continue;
		toolchain(c, prefix, t, trip, &tc, &pf);
		n++;
	}
	put(dir, "WORKSPACE", workspace);
	put(dir, "MODULE.bazel", module);
	put(dir, "BUILD.bazel", "# written by `ccmux files`\n");
	put(dir, "constraints/BUILD.bazel", constraints);
	put(dir, "toolchains/config.bzl", config_bzl);
	put(dir, "toolchains/BUILD.bazel", tc.s);
	put(dir, "platforms/BUILD.bazel", pf.s);
	put(dir, "rules_cc/WORKSPACE", "workspace(name = \"rules_cc\")\n");
	put(dir, "rules_cc/BUILD", "");
	put(dir, "rules_cc/cc/BUILD", "exports_files([\"defs.bzl\"])\n\n"
	    "alias(\n    name = \"toolchain_type\",\n"
	    "    actual = \"@bazel_tools//tools/cpp:toolchain_type\",\n"
	    "    visibility = [\"//visibility:public\"],\n)\n");
	put(dir, "rules_cc/cc/defs.bzl", rules_cc_defs);
	printf("   %d Bazel toolchains and platforms in %s\n", n, dir);
}
