#!/usr/bin/env bash
# CCMUX_LAUNCHER=ccache: zlib built twice in the same build directory with
# CCACHE_DIR in the temporary directory; the second build must be all cache
# hits (ccache --print-stats), and its library the same as without ccache.
. "$(dirname "$0")/lib.sh"
command -v ccache >/dev/null || { fail ccache "ccache is not installed (apt-get install ccache)"; exit 0; }
src_step zlib || exit 0
export CCACHE_DIR=$W/ccache CCACHE_NOHASHDIR=1 CCMUX_LAUNCHER=ccache
export PATH=$P/bin:$PATH
# configure's probes (ztest$$.c: a new name each time) are not counted:
# the statistics are zeroed after it
build() {
	rm -rf "$W/build" && mkdir -p "$W/build" && cd "$W/build" &&
	env CHOST="$T" "$SRC/configure" --prefix=/usr --static &&
	{ grep -q "^CC=$T-gcc" Makefile || { echo "zlib's configure fell back to $(grep -m1 '^CC=' Makefile)"; return 1; }; } &&
	ccache -z && make -j"$JOBS" libz.a example minigzip
}
stat_of() { ccache --print-stats | awk -v k="$1" '$1 == k { print $2 }'; }
ccache -C >/dev/null 2>&1
step first-build build || exit 0
first_miss=$(stat_of cache_miss)
step second-build build || exit 0
hits() {
	local hit miss
	hit=$(( $(stat_of direct_cache_hit) + $(stat_of preprocessed_cache_hit) ))
	miss=$(stat_of cache_miss)
	ccache -s
	echo "first build: $first_miss misses; second build: $hit hits, $miss misses"
	[ "$hit" -gt 0 ] && [ "$miss" = 0 ] && [ "$hit" -ge "$first_miss" ]
}
step cache-hits hits
step check make test
