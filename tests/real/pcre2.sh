#!/usr/bin/env bash
# pcre2: autotools with `eval "$(ccmux env T)"` and --host=T, its own test
# suite (make check: RunTest, RunGrepTest, pcre2_jit_test) under binfmt,
# make install DESTDIR, audit.
. "$(dirname "$0")/lib.sh"
src_step pcre2 || exit 0
mkdir -p "$W/build" && cd "$W/build" || exit 0
ccmux_env
case "$T" in aarch64-linux-gnu) export CFLAGS="-O2 -std=gnu99" ;; esac
step configure "$SRC/configure" --host="$T" --build=$BUILD_TRIPLET --prefix=/usr \
	--enable-pcre2-16 --enable-pcre2-32 --enable-jit || exit 0
step build make -j"$JOBS" || exit 0
# RunGrepTest's script-callout case (pcre2grep forks /bin/echo) comes out
# in a different order now and then under qemu: a failed test gets one
# `make recheck` (automake reruns only the failed ones), and the log says so
check() {
	make -j"$JOBS" check && return 0
	echo "== make check failed; make recheck (failed tests again):"
	grep -h '^FAIL' ./*.log 2>/dev/null | sort -u
	make recheck && return 0
	musl_locale_only
}
# RunGrepTest's test 150 expects setlocale("badlocale") to fail, which is
# glibc's behaviour: musl accepts any locale name.  On musl that one hunk
# of the diff is no failure; anything else still is.
musl_locale_only() {
	case "$T" in *-musl*) ;; *) return 1 ;; esac
	grep -q '^FAIL' RunTest.log pcre2_jit_test.log pcre2posix_test.log 2>/dev/null && return 1
	local hunks
	hunks=$(grep -c '^@@' RunGrepTest.log)
	if [ "$hunks" = 1 ] && grep -q '^-pcre2grep: Failed to set locale badlocale' RunGrepTest.log; then
		echo "== only test 150 differs: musl's setlocale accepts 'badlocale' (glibc refuses it)"
		return 0
	fi
	return 1
}
step check check
step install make install DESTDIR="$STAGE/pcre2" || exit 0
audit "$STAGE/pcre2"
