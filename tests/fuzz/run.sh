#!/bin/bash
# run.sh: build each tests/fuzz/fuzz_NAME.c with clang and libFuzzer and run
# it for FUZZ_SECONDS (default 60) on a copy of tests/fuzz/corpus/NAME/.
# A harness names the sources it needs in a comment line:
#     fuzz-sources: compat/elfread.c base/util.c
# and may add libFuzzer flags in another:
#     fuzz-options: -detect_leaks=0
# Prints "PASS fuzz-NAME: N execs, 0 crashes" or "FAIL fuzz-NAME: ..." per
# harness; crash inputs are kept in build/fuzz-artifacts/NAME/.
# Needs clang-N and its libFuzzer runtime (Debian: libclang-rt-N-dev).
set -u
cd "$(dirname "$0")/../.." || exit 2
secs=${FUZZ_SECONDS:-60}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0

# the newest clang-N installed, else clang
cc=$(compgen -c clang- | grep -E '^clang-[0-9]+$' | sort -t- -k2 -n | tail -n 1)
cc=${cc:-clang}
if ! command -v "$cc" >/dev/null; then
	echo "FAIL fuzz: no clang installed"
	exit 1
fi

# sources NAME FILE: the harness's fuzz-sources line
sources() { sed -n 's/.*fuzz-sources:\(.*\)/\1/p' "$1" | sed 's/\*\/.*//' | head -n 1; }

# options FILE: extra libFuzzer flags from its fuzz-options line (harnesses
# of code that never frees, by policy, turn leak detection off)
options() { sed -n 's/.*fuzz-options:\(.*\)/\1/p' "$1" | sed 's/\*\/.*//' | head -n 1; }

# execs LOG: executed units from libFuzzer's final stats
execs() { sed -n 's/^stat::number_of_executed_units: *//p' "$1" | tail -n 1; }

run() {
	local src=$1 name bin corpus art log srcs rc n crashes
	name=$(basename "$src" .c)
	name=${name#fuzz_}
	bin=$tmp/fuzz_$name
	corpus=$tmp/corpus-$name
	art=build/fuzz-artifacts/$name
	log=$tmp/$name.log
	srcs=$(sources "$src")
	mkdir -p "$corpus" "$art"
	[ -d "tests/fuzz/corpus/$name" ] && cp -R "tests/fuzz/corpus/$name/." "$corpus/"
	# shellcheck disable=SC2086
	if ! "$cc" -g -O1 -fsanitize=fuzzer,address,undefined \
		-fno-sanitize-recover=undefined -std=c99 -D_GNU_SOURCE \
		-Wall -Wextra -I. -o "$bin" "$src" $srcs \
		2>"$log"; then
		echo "FAIL fuzz-$name: build failed: $(grep -m1 error "$log")"
		failed=1
		return
	fi
	# shellcheck disable=SC2046
	ASAN_OPTIONS=$(case "$(options "$src")" in *detect_leaks=0*) echo detect_leaks=0 ;; esac) \
	"$bin" $(options "$src") -max_total_time="$secs" -print_final_stats=1 -timeout=10 \
		-artifact_prefix="$art/" "$corpus" >"$log" 2>&1
	rc=$?
	n=$(execs "$log")
	crashes=$(find "$art" -type f -newer "$bin" | wc -l)
	if [ "$rc" -ne 0 ] || [ "$crashes" -ne 0 ]; then
		echo "FAIL fuzz-$name: ${n:-0} execs, $crashes crashes, exit $rc:" \
			"$(grep -m1 -E 'ERROR|SUMMARY|runtime error' "$log") (see $art)"
		failed=1
	else
		echo "PASS fuzz-$name: ${n:-0} execs, 0 crashes"
	fi
}

for src in tests/fuzz/fuzz_*.c; do
	[ -f "$src" ] && run "$src"
done
exit $failed
