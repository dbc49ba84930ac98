# bench/lib.sh: what every part of the benchmark shares (sourced by
# bench/run.sh): the settings, the output directory, the tools it needs and
# the helpers that plan, wrap and time a compiler call.
SRC=$PWD
START=$(date +%s)
LOAD_START=$(cut -d" " -f1-3 /proc/loadavg)
QUICK=${BENCH_QUICK:-0}

if [ -z "${CCMUX_PREFIX:-}" ]; then
	if [ -s .ccmux-prefix ]; then
		CCMUX_PREFIX=$(cat .ccmux-prefix)
	else
		CCMUX_PREFIX=/opt/ccmux
	fi
fi
PREFIX=$CCMUX_PREFIX
BIN=${CCMUX_BIN:-}
if [ -z "$BIN" ]; then
	if [ -x "$SRC/ccmux" ]; then BIN=$SRC/ccmux; else BIN=$PREFIX/bin/ccmux; fi
fi
OUT=${BENCH_OUT:-$SRC/bench/out}
CACHE=$SRC/bench/cache
# the exact command, with every setting that shaped this run
INVOCATION="cd $SRC && CCMUX_PREFIX=$PREFIX${CCMUX_BIN:+ CCMUX_BIN=$BIN}"
for v in BENCH_OUT BENCH_QUICK BENCH_NO_ZIG BENCH_NO_BUILD BENCH_BUILD_REPS; do
	[ -z "${!v:-}" ] || INVOCATION="$INVOCATION $v=${!v}"
done
INVOCATION="$INVOCATION bash bench/run.sh"

# nothing of the caller's ccmux settings leaks into the measurement
for v in $(env | sed -n 's/^\(CCMUX_[A-Z_]*\)=.*/\1/p'); do
	unset "$v"
done

say() { echo "== $*" >&2; }
die() { echo "bench/run.sh: $*" >&2; exit 1; }

[ -x "$BIN" ] || die "no ccmux binary at $BIN (run make, or set CCMUX_BIN)"
[ -d "$PREFIX/opt" ] || die "no install at $PREFIX (run ./install.sh --prefix DIR first, or set CCMUX_PREFIX)"

# ---- tools -----------------------------------------------------------------

need_tools() {
	local missing="" t pkg
	for t in hyperfine:hyperfine strace:strace valgrind:valgrind \
	         callgrind_annotate:valgrind musl-gcc:musl-tools make:make \
	         bzip2:bzip2 xz:xz-utils; do
		command -v "${t%%:*}" >/dev/null || missing="$missing ${t#*:}"
	done
	[ -n "$missing" ] || return 0
	[ "$(id -u)" = 0 ] || die "missing tools (install as root):$missing"
	say "installing:$missing"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	# shellcheck disable=SC2086
	apt-get install -y -qq --no-install-recommends $missing >/dev/null
}
need_tools

rm -rf "$OUT"
mkdir -p "$OUT/work" "$CACHE"
cp bench/t.c "$OUT/work/t.c"
HF_FLAGS=(-N --style basic)
if [ "$QUICK" = 1 ]; then
	FAKE_RUNS=(--warmup 10 --min-runs 50 --max-runs 300)
	REAL_RUNS=(--warmup 1 --min-runs 5 --max-runs 10)
	BUILD_REPS=1
else
	FAKE_RUNS=(--warmup 100 --min-runs 300)
	REAL_RUNS=(--warmup 3 --min-runs 40)
	BUILD_REPS=${BENCH_BUILD_REPS:-3}
fi
: >"$OUT/commands.txt"

# ---- helpers -----------------------------------------------------------------

# plan NAMEDIR NAME ARGS...: the argv `ccmux explain` prints for the call,
# split into PLAN_TOOL, PLAN_PRE (before the user's arguments) and PLAN_POST
plan() {
	local dir=$1 name=$2 line i j n ok
	shift 2
	local user=("$@")
	line=$("$dir/bin/ccmux" explain "$name" "${user[@]}") ||
		die "ccmux explain $name $* failed"
	eval "local argv=( $line )"
	n=${#user[@]}
	for ((i = 1; i + n <= ${#argv[@]}; i++)); do
		ok=1
		for ((j = 0; j < n; j++)); do
			[ "${argv[i + j]}" = "${user[j]}" ] || { ok=0; break; }
		done
		if [ $ok = 1 ]; then
			PLAN_TOOL=${argv[0]}
			PLAN_PRE=("${argv[@]:1:i-1}")
			PLAN_POST=("${argv[@]:i+n}")
			return 0
		fi
	done
	die "cannot find the user's arguments in: $line"
}

# c_array NAME ITEMS...: a NULL-ended C array of string literals
c_array() {
	local name=$1 s
	shift
	printf 'static const char *const %s[] = {\n' "$name"
	for s in "$@"; do
		s=${s//\\/\\\\}
		printf '\t"%s",\n' "${s//\"/\\\"}"
	done
	printf '\tNULL,\n};\n'
}

# wrappers DIR NAME: build DIR/tramp/NAME and DIR/bbwrap/NAME for the tool
# and flags ccmux plans for NAME (compile flags from `-c t.c -o t.o`, link
# extras from `t.o -o t`)
wrappers() {
	local dir=$1 name=$2 tool pre post link_post extra
	plan "$dir" "$name" -c t.c -o t.o
	tool=$PLAN_TOOL pre=("${PLAN_PRE[@]}") post=("${PLAN_POST[@]}")
	plan "$dir" "$name" t.o -o t
	link_post=("${PLAN_POST[@]}")
	[ "${link_post[*]:0:${#post[*]}}" = "${post[*]}" ] ||
		die "$name: link flags do not start with the compile flags"
	extra=("${link_post[@]:${#post[@]}}")
	mkdir -p "$dir/tramp" "$dir/bbwrap"
	{
		printf '#include <stddef.h>\n#define TRAMP_TOOL "%s"\n' "$tool"
		c_array tramp_pre "${pre[@]}"
		c_array tramp_post "${post[@]}"
	} >"$dir/tramp/tramp.h"
	musl-gcc -static -Os -I"$dir/tramp" -o "$dir/tramp/$name" bench/trampoline.c
	{
		sed -n '1,/^#@CONFIG@$/p' bench/bbwrap.in | sed '$d'
		printf 'TOOL=%q\n' "$tool"
		printf 'CXXABI_DEFINE=\n'
		printf 'SYSROOT_FLAGS=('; printf ' %q' "${pre[@]}"; printf ' )\n'
		printf 'COMPILE_FLAGS=('; printf ' %q' "${post[@]}"; printf ' )\n'
		printf 'LINK_FLAGS=('; printf ' %q' "${extra[@]}"; printf ' )\n'
		sed '1,/^#@CONFIG@$/d' bench/bbwrap.in
	} >"$dir/bbwrap/$name"
	chmod +x "$dir/bbwrap/$name"
	# the same final command, for the direct row and for the bare build
	FINAL_TOOL=$tool FINAL_PRE=("${pre[@]}") FINAL_POST=("${post[@]}")
	FINAL_LINK=("${extra[@]}")
	printf '%s\n' "$tool" "${pre[*]}" "${post[*]}" "${extra[*]}" >"$dir/final-flags.txt"
}

# a bench prefix: DIR/bin/ccmux (the measured binary) and farm links
bench_prefix() {
	local dir=$1 n
	shift
	mkdir -p "$dir/bin"
	cp "$BIN" "$dir/bin/ccmux"
	for n in "$@"; do
		ln -sfn ccmux "$dir/bin/$n"
	done
}

# words ARRAY...: one hyperfine command line (no shell: split on blanks)
words() {
	local s out=""
	for s in "$@"; do
		case "$s" in
		*[[:space:]\'\"\\]*) die "argument with blanks or quotes: $s" ;;
		esac
		out="$out${out:+ }$s"
	done
	echo "$out"
}

# hf NAME -- [hyperfine options and commands]: run hyperfine, keep its data
hf() {
	local name=$1
	shift
	printf 'hyperfine %s\n\n' "$(printf '%q ' "$@")" >>"$OUT/commands.txt"
	(cd "$OUT/work" && hyperfine "${HF_FLAGS[@]}" \
		--export-json "$OUT/$name.json" --export-csv "$OUT/$name.csv" "$@") \
		>"$OUT/$name.log" 2>&1 || { cat "$OUT/$name.log" >&2; die "hyperfine ($name) failed"; }
	grep -E '^Benchmark|Time \(mean|Range' "$OUT/$name.log" >&2 || true
}

# med NAME CMD: the median of command CMD in run NAME, in seconds
med() { awk -F, -v c="$2" 'NR > 1 && $1 == c { print $4 }' "$OUT/$1.csv"; }
mean() { awk -F, -v c="$2" 'NR > 1 && $1 == c { print $2 }' "$OUT/$1.csv"; }
sdev() { awk -F, -v c="$2" 'NR > 1 && $1 == c { print $3 }' "$OUT/$1.csv"; }
calc() { awk "BEGIN { printf \"%s\", $1 }"; }

