/* cmd.h: the ccmux subcommands.  Each takes the arguments after its own
 * name and returns the exit code (or does not return: run). */
#ifndef CCMUX_CMD_H
#define CCMUX_CMD_H

#include "driver/ctx.h"

/* explain NAME [ARGS...]: print the command NAME would run (explain.c) */
int cmd_explain(const struct ctx *c, int argc, char **argv);
/* run TRIPLET PROG [ARGS...]: run a target's binary here (explain.c) */
int cmd_run(const struct ctx *c, int argc, char **argv);
/* targets [--installed]: targets, floor in force, shards (info.c) */
int cmd_targets(const struct ctx *c, int argc, char **argv);
/* shards: every shard in every root (info.c) */
int cmd_shards(const struct ctx *c, int argc, char **argv);
/* env [--cargo | --go] TRIPLET: export lines for a build (env.c) */
int cmd_env(const struct ctx *c, int argc, char **argv);
/* audit [--target TRIPLET] FILE...: check built files (audit.c) */
int cmd_audit(const struct ctx *c, int argc, char **argv);
/* names: every name the farm installs (farm.c) */
int cmd_names(const struct ctx *c, int argc, char **argv);
/* files PREFIX: write CMake and meson files (farm.c) */
int cmd_files(const struct ctx *c, int argc, char **argv);
/* binfmt [--remove|--status] (binfmt.c) */
int cmd_binfmt(const struct ctx *c, int argc, char **argv);
/* adopt DIR [OPTIONS]: shards from a toolchain the user has (adopt.c) */
int cmd_adopt(const struct ctx *c, int argc, char **argv);

#endif
