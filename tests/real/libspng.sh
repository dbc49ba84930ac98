#!/usr/bin/env bash
# libspng: meson whose dependency('zlib') is resolved by T-pkg-config (the
# cross file's pkg-config) from the zlib that zlib.sh staged, named in
# PKG_CONFIG_PATH; its example program decodes PNG files from its test
# images under the exe_wrapper (`ccmux run`); meson install DESTDIR, audit.
# (Its own test suite needs libpng as well: not built here.)
. "$(dirname "$0")/lib.sh"
ZPC=$STAGE/zlib/usr/lib/pkgconfig
if [ ! -f "$ZPC/zlib.pc" ]; then
	fail staged-zlib "no $ZPC/zlib.pc: run zlib first (REAL_PROJECTS must list zlib before libspng)"
	exit 0
fi
src_step libspng || exit 0
export PKG_CONFIG_PATH=$ZPC
# a cross linker does not search -rpath (nor a library's RUNPATH) for the
# libraries a shared library needs: the example, linked with libspng.so
# only, needs -rpath-link to find libz.so.1 (an adaptation any cross build
# against a staged library needs); -rpath so that it runs
meson_setup "$W/build" "$SRC" --prefix=/usr -Dbuild_examples=true \
	-Dc_link_args="-Wl,-rpath,$STAGE/zlib/usr/lib -Wl,-rpath-link,$STAGE/zlib/usr/lib" || exit 0
zdep() {
	grep -E 'Run-time dependency zlib found: YES' "$W/build/meson-logs/meson-log.txt" &&
		grep -F "$STAGE/zlib" "$W/build/build.ninja" | head -n 2 | cut -c1-300 | grep .
}
step zlib-via-pkg-config zdep
step build ninja -C "$W/build" -j "$JOBS" || exit 0
decode() {
	local img out
	for img in basn0g01 basn2c08 basn3p08 basn6a16; do
		out=$("$CCMUX" run "$T" "$W/build/examples/example" "$SRC/tests/images/$img.png") || return 1
		echo "$img: $(echo "$out" | tr '\n' ' ' | cut -c1-160)"
		echo "$out" | grep -q 'width: 32' || return 1
	done
}
step example decode
step install env DESTDIR="$STAGE/libspng" meson install -C "$W/build" || exit 0
audit "$STAGE/libspng"
