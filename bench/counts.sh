# bench/counts.sh: ccmux's own process, counted rather than timed (sourced
# by bench/run.sh): system calls before its execve (strace), instructions
# (callgrind), the binary's size.
# ---- ccmux's own process: syscalls, instructions, size --------------------------

# syscalls between ccmux's own execve and the shard's, by name
count_syscalls() {
	local trace=$1 list=$2
	awk 'NR == 1 { next } /^execve\(/ { exit } { n++ } END { print n + 0 }' "$trace"
	awk 'NR == 1 { next } /^execve\(/ { exit }
	     { sub(/\(.*/, ""); c[$0]++ } END { for (s in c) print c[s], s }' "$trace" |
		sort -rn >"$list"
}
say "strace"
(cd "$OUT/work" && strace -o "$OUT/strace.fake.txt" "$FAKE/bin/$FT-gcc" "${ARGS[@]}")
SYS_FAKE=$(count_syscalls "$OUT/strace.fake.txt" "$OUT/syscalls.fake.txt")
(cd "$OUT/work" && strace -o "$OUT/strace.real.txt" "$REAL/bin/$RT-gcc" "${ARGS[@]}")
SYS_REAL=$(count_syscalls "$OUT/strace.real.txt" "$OUT/syscalls.real.txt")

say "callgrind"
callgrind() {
	local tag=$1 exe=$2 ir f
	f=$OUT/callgrind.$tag.out
	# valgrind execs the shard natively and callgrind never gets to write
	# its profile then: --dump-before=execve writes it (as FILE.1) when
	# ccmux enters execve(), which is exactly "ccmux before its execve"
	(cd "$OUT/work" && valgrind --tool=callgrind --dump-before=execve \
		--callgrind-out-file="$f" "$exe" "${ARGS[@]}") \
		>"$OUT/callgrind.$tag.log" 2>&1 || true
	[ -s "$f.1" ] || die "callgrind wrote no dump at execve (see $OUT/callgrind.$tag.log)"
	callgrind_annotate --inclusive=no "$f.1" >"$OUT/callgrind.$tag.txt" 2>&1 || true
	callgrind_annotate --inclusive=yes "$f.1" >"$OUT/callgrind.$tag.incl.txt" 2>&1 || true
	ir=$(cat "$f" "$f".* 2>/dev/null | awk '/^totals:/ { n += $2 } END { print n + 0 }')
	echo "$ir"
}
# the shipped binary is stripped, and --dump-before=execve needs the symbol:
# the same sources built without -s stand in for it while callgrind counts
make -s -C "$SRC" O="$OUT/build-syms" BIN="$OUT/ccmux-syms" LDFLAGS=-static \
	"$OUT/ccmux-syms" >/dev/null || die "cannot build $OUT/ccmux-syms"
cp "$FAKE/bin/ccmux" "$OUT/ccmux-stripped"
cp "$OUT/ccmux-syms" "$FAKE/bin/ccmux"
cp "$OUT/ccmux-syms" "$REAL/bin/ccmux"
IR_FAKE=$(callgrind fake "$FAKE/bin/$FT-gcc")
# the environment's share: ccmux scans it (getenv, child_env) per variable
IR_NOENV=$(env -i PATH="$PATH" bash -c "$(declare -f callgrind die); OUT='$OUT' ARGS=(${ARGS[*]}); callgrind noenv '$FAKE/bin/$FT-gcc'")
BIGENV=()
for ((i = 1; i <= 100; i++)); do BIGENV+=("BENCH_VAR$i=a_value_of_moderate_length_$i"); done
IR_BIGENV=$(env "${BIGENV[@]}" bash -c "$(declare -f callgrind die); OUT='$OUT' ARGS=(${ARGS[*]}); callgrind bigenv '$FAKE/bin/$FT-gcc'")
IR_REAL=$(callgrind real "$REAL/bin/$RT-gcc")
cp "$OUT/ccmux-stripped" "$FAKE/bin/ccmux"
cp "$OUT/ccmux-stripped" "$REAL/bin/ccmux"

SIZE=$(stat -c %s "$BIN")
strip -o "$OUT/ccmux.stripped" "$BIN"
SIZE_STRIPPED=$(stat -c %s "$OUT/ccmux.stripped")
SIZE_LOAD=$(size "$BIN" | awk 'NR == 2 { print $1 + $2 + $3 }')


# minor page faults of a whole call (the exec'd fake compiler's included),
# the mean of 300 runs: what a call touches, page by page
say "page faults"
faults() {
	(cd "$OUT/work" && perf stat -x, -e minor-faults -r 300 "$@" 2>&1 >/dev/null) |
		awk -F, '/minor-faults/ { printf "%.1f", $1 }'
}
if perf stat -e minor-faults true >/dev/null 2>&1; then
	PF_TRAMP=$(faults "$FAKE/tramp/$FT-gcc" "${ARGS[@]}")
	PF_CCMUX=$(faults "$FAKE/bin/$FT-gcc" "${ARGS[@]}")
	PF_NOP=$(faults "$FAKE/opt/$FT/gcc-12.2.0/bin/$FT-gcc" "${ARGS[@]}")
else
	PF_TRAMP="" PF_WHY="perf stat cannot count page faults here"
fi
