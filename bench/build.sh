# bench/build.sh: a whole cross build (sourced by bench/run.sh): zlib for
# aarch64-linux-gnu through ccmux against the bare compiler given the same
# final flags, rounds alternating.
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

