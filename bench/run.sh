#!/usr/bin/env bash
# bench/run.sh: what one compiler call through ccmux costs, side by side with
# a bare static trampoline (the floor), a BinaryBuilder-style bash wrapper
# and `zig cc`; ccmux's own syscalls and instructions before its execve; the
# binary's size; and a whole cross build (zlib for aarch64-linux-gnu) through
# ccmux against the bare compiler given the same final flags.
#
#   bash bench/run.sh        (make bench)
#
# Environment:
#   CCMUX_PREFIX      the install to take real shards from (default: the
#                     prefix in .ccmux-prefix, else /opt/ccmux)
#   CCMUX_BIN         the ccmux binary to measure (default: ./ccmux, the one
#                     `make bench` just built, else PREFIX/bin/ccmux)
#   BENCH_OUT         raw data directory (default bench/out, gitignored)
#   BENCH_QUICK=1     fewer runs (a smoke test, numbers are rough)
#   BENCH_NO_ZIG=1    skip zig; BENCH_NO_BUILD=1 skip the zlib build
#
# The measured binary runs from a bench prefix, OUT/{fake,real}/bin/ccmux
# with farm links next to it, exactly like PREFIX/bin: its shard root is
# OUT/fake/opt (a fake root laid out like PREFIX/opt, whose gcc-12.2.0 is a
# static program that exits 0 at once) or OUT/real/opt -> PREFIX/opt.
# Everything it writes goes to OUT; the table is printed at the end, as text
# and as Markdown, and saved as OUT/table.txt and OUT/table.md.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh      # settings, tools, helpers
. bench/calls.sh    # (a) fake shard, (b) real compile, zig beside them
. bench/counts.sh   # syscalls, instructions, size
. bench/build.sh    # the zlib cross build
. bench/table.sh    # the table
