#!/usr/bin/env bash
# bench/install.sh: what installing costs (make bench-install).
#
#   bash bench/install.sh                 cold, then warm, into new prefixes
#   bash bench/install.sh --report LOG PREFIX CACHE   the table of a finished
#                                         install (LOG: its output)
#
# The run: ./install.sh --targets $BENCH_TARGETS (default all) into a new
# prefix with a new, empty cache (cold: every runtime, floor and sysroot is
# built; packages and downloads the machine has stay), then into a second new
# prefix from that cache (warm).  The table: each target's steps with their
# wall seconds (runtimes run two at a time, so their seconds overlap), the
# target's disk in the prefix (PREFIX/opt/TARGET; shards are mostly links
# into /usr and PREFIX/var/toolchains, counted once each) and in the cache,
# then the totals: cold and warm wall time, the whole prefix, the cache.
# Goals (issue 15): cold <= 30 min, warm <= 2 min.
#
# Environment: BENCH_TARGETS (default all), BENCH_DIR (default
# /var/tmp/ccmux-bench-install; removed first), BENCH_KEEP=1 keeps it.
set -euo pipefail
HERE=$(cd "$(dirname "$0")/.." && pwd)

say() { echo "== $*" >&2; }
mb() { du -sm "$@" 2>/dev/null | awk '{ s += $1 } END { print s + 0 }'; }

# the step lines of an install's output: "   NAME: Ns" -> NAME N
steps() { sed -n 's/^   \([a-z0-9_.+-]*\): \([0-9]*\)s$/\1 \2/p' "$1"; }
total_time() { sed -n 's/^== done: .* (\([0-9]*m[0-9]*s\) in all.*/\1/p' "$1" | tail -n 1; }

report() {
	local log=$1 prefix=$2 cache=$3 t kinds cols sum
	printf '| target | shards | floors / sysroot | runtime | seconds | prefix MB | cache MB |\n'
	printf '|---|---|---|---|---|---|---|\n'
	for t in $(ls "$prefix/opt"); do
		cols=$(steps "$log" | awk -v t="$t" '
			$1 == "shards-" t { s = $2 }
			$1 == "floors-" t || $1 == "musl-" t { f = $2 }
			$1 == "runtime-" t { r = $2 }
			END { printf "%s %s %s %d", (s == "" ? "-" : s), (f == "" ? "-" : f), (r == "" ? "-" : r), s + f + r }')
		read -r s f r sum <<<"$cols"
		printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$t" "$s" "$f" "$r" "$sum" \
			"$(mb "$prefix/opt/$t")" \
			"$(mb "$cache"/runtime/runtime-"$t"-* "$cache"/floors/floors-"$t"-* "$cache"/musl/musl-"$t"-*)"
	done
	kinds=$(steps "$log" | awk '$1 !~ /^(shards|floors|musl|runtime)-/ { printf "%s %ss, ", $1, $2 }')
	echo
	echo "other steps: ${kinds%, }"
	echo "wall time in all: $(total_time "$log"); prefix $(mb "$prefix") MB" \
		"(of which $(mb "$prefix/var/toolchains") MB unpacked toolchains); cache $(mb "$cache") MB"
}

if [ "${1:-}" = --report ]; then
	[ $# = 4 ] || { echo "usage: $0 --report LOG PREFIX CACHE" >&2; exit 2; }
	report "$2" "$3" "$4"
	exit 0
fi

DIR=${BENCH_DIR:-/var/tmp/ccmux-bench-install}
TARGETS=${BENCH_TARGETS:-all}
rm -rf "$DIR"
mkdir -p "$DIR"
[ "${BENCH_KEEP:-0}" = 1 ] || trap 'rm -rf "$DIR"' EXIT
say "cold: ./install.sh --targets $TARGETS into $DIR/cold, cache $DIR/cache (empty)"
"$HERE/install.sh" --prefix "$DIR/cold" --cache "$DIR/cache" --targets "$TARGETS" \
	--no-demo > "$DIR/cold.log" 2>&1 || { tail -n 20 "$DIR/cold.log" >&2; exit 1; }
say "warm: the same into $DIR/warm from that cache"
"$HERE/install.sh" --prefix "$DIR/warm" --cache "$DIR/cache" --targets "$TARGETS" \
	--no-demo > "$DIR/warm.log" 2>&1 || { tail -n 20 "$DIR/warm.log" >&2; exit 1; }
echo "## cold install (goal: 30 min or less)"
report "$DIR/cold.log" "$DIR/cold" "$DIR/cache"
echo
echo "## warm install into a new prefix (goal: 2 min or less)"
echo "wall time in all: $(total_time "$DIR/warm.log")"
