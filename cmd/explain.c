/* explain.c: `ccmux explain` prints the plan a name would run; `ccmux run`
 * runs a target's binary here */
#include <string.h>

#include "base/util.h"
#include "cmd/cmd.h"
#include "driver/driver.h"
#include "driver/exec.h"
#include "driver/run.h"

int cmd_explain(const struct ctx *c, int argc, char **argv)
{
	struct name n;
	struct plan p;

	if (argc < 1)
		fatal("usage: ccmux explain NAME [ARGS...]");
	parse_tool_name(c, argv[0], argv[0], &n);
	drive(c, &n, basename_of(argv[0]), argc - 1, argv + 1, &p);
	plan_print(&p, 1);
	return 0;
}

int cmd_run(const struct ctx *c, int argc, char **argv)
{
	struct platform pf;
	struct plan p;
	const char *e;

	if (argc < 2)
		fatal("usage: ccmux run TRIPLET PROG [ARGS...]");
	if ((e = parse_triplet(argv[0], &pf)))
		fatal("%s", e);
	run_plan(c, &pf, argc - 1, argv + 1, &p);
	plan_exec(c, &p, argc, argv);
}
