#!/usr/bin/env bash
# bench/probe/run.sh: the decomposition behind bench/run.sh's fake-shard row,
# after a `bash bench/run.sh` (it uses bench/out/fake).  Prints:
#  - interleaved timings (abrun) of the bare shard, the trampoline, ccmux by
#    its farm name and `ccmux --version` (the cost of exec'ing ccmux's image
#    alone), with an empty environment, the caller's, and 100 more variables;
#  - what the system calls ccmux makes before its execve cost without
#    ptrace (replay);
#  - ccmux's syscalls by name and its top functions by instructions.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${BENCH_OUT:-$PWD/out}
F=$OUT/fake
[ -x "$F/bin/ccmux" ] || { echo "run bash bench/run.sh first" >&2; exit 1; }
N=${PROBE_RUNS:-3000}
musl-gcc -static -O2 -o "$OUT/abrun" probe/abrun.c
musl-gcc -static -O2 -o "$OUT/replay" probe/replay.c
SHARD=$(head -n 1 "$F/final-flags.txt")
BIG=()
for ((i = 1; i <= 100; i++)); do BIG+=("PROBE_VAR$i=a_value_of_moderate_length_$i"); done
cd "$OUT/work"
set -- "$SHARD" -- "$F/tramp/x86_64-linux-gnu-gcc" -c t.c -o t.o \
	-- "$F/bin/x86_64-linux-gnu-gcc" -c t.c -o t.o -- "$F/bin/ccmux" --version
echo "== abrun, empty environment"; env -i "$OUT/abrun" "$N" "$@"
echo "== abrun, this environment ($(env | wc -l) variables)"; "$OUT/abrun" "$N" "$@"
echo "== abrun, 100 more variables"; env "${BIG[@]}" "$OUT/abrun" "$N" "$@"
echo "== replay of ccmux's syscalls (warm, in a loop)"
"$OUT/replay" 20000 "$F/opt" "$F/bin/ccmux"
echo "== syscalls before execve (fake root), by name"; cat "$OUT/syscalls.fake.txt"
echo "== syscalls before execve (real install), by name"; cat "$OUT/syscalls.real.txt"
echo "== top functions by Ir, exclusive"; sed -n '/file:function/,$p' "$OUT/callgrind.fake.txt" | sed -n '3,20p'
echo "== top functions by Ir, inclusive"; sed -n '/file:function/,$p' "$OUT/callgrind.fake.incl.txt" | sed -n '3,30p'
