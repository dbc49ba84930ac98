# bench/table.sh: the table (sourced by bench/run.sh): one row per timed
# command and per goal, as text and Markdown, saved in OUT.
# ---- the table ----------------------------------------------------------------------
. "$(dirname "${BASH_SOURCE[0]}")/render.sh"

ROWS=$OUT/rows.tsv
: >"$ROWS"
row() { printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >>"$ROWS"; }
ms() { calc "sprintf(\"%.3f\", ($1) * 1000)"; }
us() { calc "sprintf(\"%+.0f\", ($1) * 1e6)"; }
col() { awk -F, -v c="$2" -v k="$3" 'NR > 1 && $1 == c { print $k }' "$OUT/$1.csv"; }
timing_rows() {
	local run=$1 label=$2 c m t0 what
	t0=$(med "$run" trampoline)
	for c in direct trampoline ccmux bash zig; do
		m=$(med "$run" $c)
		if [ -z "$m" ]; then
			[ $c = zig ] && row "$label" "zig cc" "zig: not available ($ZIG_WHY)" "" "" "" ""
			continue
		fi
		case $c in
		direct) what="direct: the shard, final flags as arguments" ;;
		trampoline) what="trampoline: static, execve only" ;;
		ccmux) what="ccmux: farm name $( [ $run = fake ] && echo $FT-gcc || echo $RT-gcc)" ;;
		bash) what="bash wrapper (BinaryBuilder style)" ;;
		zig) if [ $run = fake ]; then what="zig $ZIG_VERSION cc -### (driver only)"
		     else what="zig $ZIG_VERSION cc -target $RT.2.17 (cold cache)"; fi ;;
		esac
		row "$label" "$what" "$(ms "$m") ms" \
			"mean $(ms "$(mean "$run" $c)") ± $(ms "$(sdev "$run" $c)"), min $(ms "$(col "$run" $c 7)"), cpu $(ms "$(col "$run" $c 5) + $(col "$run" $c 6)")" \
			"$(calc "sprintf(\"%.2f\", $m / $t0)")x ($(us "$m - $t0") µs)" "" ""
	done
}
verdict() { if [ "$(calc "($1) ? 1 : 0")" = 1 ]; then echo PASS; else echo MISS; fi; }

timing_rows fake "a: fake shard"
timing_rows real "b: real -c, $REAL_SHARD"

F_T=$(med fake trampoline) F_C=$(med fake ccmux) F_B=$(med fake bash)
OV_C=$(calc "$F_C - $F_T") OV_B=$(calc "$F_B - $F_T")
if [ "$(calc "($OV_C <= 0) ? 1 : 0")" = 1 ]; then OV_RATIO=inf; else OV_RATIO=$(calc "sprintf(\"%.1f\", $OV_B / $OV_C)"); fi
row goal "ccmux time ≤ 1.2 × trampoline (fake shard)" "$(ms "$F_C") ms" "trampoline $(ms "$F_T") ms" \
	"$(calc "sprintf(\"%.2f\", $F_C / $F_T)")x" "≤ 1.20x" \
	"$(verdict "$F_C <= 1.2 * $F_T")"
row goal "overhead over trampoline: bash ÷ ccmux (fake)" "ccmux $(us "$OV_C") µs" "bash $(us "$OV_B") µs" \
	"${OV_RATIO}x" "≥ 10x" \
	"$( [ "$OV_RATIO" = inf ] && echo PASS || verdict "$OV_RATIO >= 10")"
row goal "syscalls in ccmux before execve (fake root)" "$SYS_FAKE" "real install, $RT-gcc: $SYS_REAL" "" "≤ 40" \
	"$(verdict "$SYS_FAKE <= 40")"
row goal "instructions in ccmux before execve (fake root)" "$IR_FAKE Ir" "env of $(env | wc -l) variables; empty env $IR_NOENV, +100 variables $IR_BIGENV; real install, $RT-gcc: $IR_REAL" "" "≤ 200000" \
	"$(verdict "$IR_FAKE <= 200000")"
if [ -n "$PF_TRAMP" ]; then
	row goal "minor page faults of a call (fake shard), ccmux over trampoline" \
		"ccmux $PF_CCMUX" "trampoline $PF_TRAMP; the fake compiler alone $PF_NOP" \
		"+$(calc "sprintf(\"%.1f\", $PF_CCMUX - $PF_TRAMP)")" "≤ +6" \
		"$(verdict "$PF_CCMUX - $PF_TRAMP <= 6")"
else
	row goal "minor page faults of a call" "not measured ($PF_WHY)" "" "" "≤ +6" "-"
fi
# the subcommands (adopt, files, audit...) live in pages a call never
# touches: the page faults above are the cost; the size is a bound on it
row goal "static binary size" "$SIZE bytes" "stripped $SIZE_STRIPPED, text+data+bss $SIZE_LOAD" "" "≤ 204800" \
	"$(verdict "$SIZE <= 204800")"
if [ -n "$B_CCMUX" ]; then
	row goal "zlib $RT: configure + make -j2, best of $BUILD_REPS" \
		"$(calc "sprintf(\"%.2f\", $B_CCMUX)") s" \
		"bare $(calc "sprintf(\"%.2f\", $B_BARE)") s; make only $(calc "sprintf(\"%.2f\", $M_CCMUX)") vs $(calc "sprintf(\"%.2f\", $M_BARE)") s; cpu $(calc "sprintf(\"%.2f\", $C_CCMUX)") vs $(calc "sprintf(\"%.2f\", $C_BARE)") s; $B_CALLS compiler calls x $(us "$OV_C") µs = $(calc "sprintf(\"%.1f\", $B_CALLS * $OV_C * 1000)") ms expected" \
		"$(calc "sprintf(\"%.3f\", $B_CCMUX / $B_BARE)")x" "≤ 1.02x" "$(verdict "$B_CCMUX <= 1.02 * $B_BARE")"
else
	row goal "zlib $RT build" "not run ($BUILD_WHY)" "" "" "≤ 1.02x" "-"
fi

HEAD="section	what	median / value	detail	ratio (vs trampoline)	goal	result"
render_table "$HEAD" "$ROWS" "$OUT"

MACHINE="$(nproc) cores, load $LOAD_START -> $(cut -d" " -f1-3 /proc/loadavg), $(uname -r), hyperfine $(hyperfine --version | awk "{ print \$2 }"), medians"
echo
echo "ccmux benchmark ($(date -u +%Y-%m-%dT%H:%MZ), $MACHINE; binary $BIN)"
echo
cat "$OUT/table.txt"
echo
echo "Markdown:"
echo
cat "$OUT/table.md"
echo
echo "made by: $INVOCATION    ($(( $(date +%s) - START )) s; raw data in $OUT)"
echo "hyperfine and build command lines: $OUT/commands.txt"
