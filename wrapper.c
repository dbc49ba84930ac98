/* wrapper.c: main().  Called by a tool name (aarch64-linux-gnu-gcc, cc,
 * x86_64-linux-gnu-cxx03-g++-12) it builds the exact command for the right
 * shard and execs it; called as ccmux it runs a subcommand. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>

#include "base/util.h"
#include "cmd/binfmt.h"
#include "cmd/cmd.h"
#include "driver/driver.h"
#include "driver/exec.h"

#ifndef CCMUX_VERSION
#define CCMUX_VERSION "0.1.0"
#endif

static const char usage[] =
	"usage: TRIPLET-TOOL [ARGS...]        (ccmux installed under a tool name)\n"
	"       ccmux targets                 targets, floor in force, shards\n"
	"       ccmux shards                  every shard in every root\n"
	"       ccmux explain NAME [ARGS...]  print the command NAME would run\n"
	"       ccmux run TRIPLET PROG [ARGS...]  run a target binary here\n"
	"       ccmux env [--cargo|--go] TRIPLET  export lines for a build (make, cargo, go)\n"
	"       ccmux audit [--target TRIPLET | --policy POLICY] FILE...  check built files\n"
	"       ccmux binfmt [--remove|--status]  run foreign binaries directly\n"
	"       ccmux names                   every name the farm installs\n"
	"       ccmux files PREFIX            write CMake, meson and Bazel files\n"
	"       ccmux adopt DIR [OPTIONS]     shards from a toolchain you have\n"
	"       ccmux --help | --version\n"
	"\n"
	"TRIPLET: ARCH-[VENDOR-]OS[-LIBC[ABI]][-libgfortranN|-gccN][-cxx03|-cxx11]\n"
	"TOOL: cc c++ gcc g++ cpp gfortran f77 clang clang++ ld ld.bfd ld.gold\n"
	"      ld.lld as ar nm ranlib strip objcopy objdump readelf c++filt\n"
	"      addr2line size strings pkg-config windres dlltool [-MAJOR]\n"
	"Environment: CCMUX_ROOT CCMUX_TARGET CCMUX_GCC_VERSION CCMUX_GLIBC\n"
	"      CCMUX_CXX_RUNTIME CCMUX_LAUNCHER CCMUX_DEBUG CCMUX_LOG CCMUX_AUDIT\n"
	"      CCMUX_STATIC\n"
	"Exit: 2 bad name or refused request, 126/127 exec failed.\n";

static const struct cmd {
	const char *name;
	int (*fn)(const struct ctx *, int, char **);
} cmds[] = {
	{"adopt", cmd_adopt},
	{"audit", cmd_audit},
	{"binfmt", cmd_binfmt},
	{"env", cmd_env},
	{"explain", cmd_explain},
	{"files", cmd_files},
	{"names", cmd_names},
	{"run", cmd_run},
	{"shards", cmd_shards},
	{"targets", cmd_targets},
};

static int ccmux_main(int argc, char **argv)
{
	struct ctx c;
	unsigned i;

	if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		fputs(usage, argc < 2 ? stderr : stdout);
		return argc < 2 ? EXIT_USAGE : 0;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("ccmux %s\n", CCMUX_VERSION);
		return 0;
	}
	for (i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
		if (strcmp(argv[1], cmds[i].name) == 0) {
			ctx_init(&c);
			return cmds[i].fn(&c, argc - 2, argv + 2);
		}
	fatal("unknown command '%s'; see ccmux --help", argv[1]);
}

/* a tool name: the data flow of driver.h, then exec */
static int tool_main(int argc, char **argv)
{
	const char *invoked = (const char *)getauxval(AT_EXECFN);
	struct name n;
	struct ctx c;
	struct plan p;

	if (!invoked || !strchr(invoked, '/'))
		invoked = argv[0];
	ctx_init(&c);
	ctx_check_nesting(&c, invoked);
	parse_tool_name(&c, argv[0], invoked, &n);
	drive(&c, &n, basename_of(argv[0]), argc - 1, argv + 1, &p);
	plan_exec(&c, &p, argc - 1, argv + 1);
}

int main(int argc, char **argv)
{
	const char *name = basename_of(argc > 0 && argv[0] ? argv[0] : "ccmux");

	if (strcmp(name, BINFMT_NAME) == 0) {
		struct ctx c;

		ctx_init(&c);
		binfmt_exec(&c, argc, argv);
	}
	if (startswith(name, "ccmux") || argc < 1 || !argv[0])
		return ccmux_main(argc, argv);
	return tool_main(argc, argv);
}
