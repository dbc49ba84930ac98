#!/usr/bin/env bash
# sqlite3 (the canonical source tree): autotools with `ccmux env`, --host=T,
# the build-machine tools (lemon, mkkeywordhash) with the farm's x86_64 gcc
# (BUILD_CC), the Tcl extension off (no Tcl for the target).  sqlite's full
# test suite needs a target testfixture linked with a target Tcl and runs for
# an hour under qemu: instead its fuzz regression test (fuzzcheck over
# test/fuzzdata*.db, as `make fuzztest` does) and the shell on a small SQL
# script.  make install DESTDIR, audit.
. "$(dirname "$0")/lib.sh"
src_step sqlite3 || exit 0
mkdir -p "$W/build" && cd "$W/build" || exit 0
ccmux_env
case "$T" in aarch64-linux-gnu) export CFLAGS="-O2 -std=gnu99" ;; esac
step configure "$SRC/configure" --host="$T" --build=$BUILD_TRIPLET --prefix=/usr \
	--disable-tcl --disable-readline BUILD_CC="$BUILD_CC" || exit 0
step build make -j"$JOBS" || exit 0
sql() {
	local out
	out=$(printf '%s\n' "create table t(a integer, b text);" \
		"insert into t values (1,'one'),(2,'two'),(3,'three');" \
		"select group_concat(b, '+') from t where a > 1;" | ./sqlite3) || return 1
	echo "$out"
	[ "$out" = "two+three" ]
}
step shell sql
fuzz() {
	make -j"$JOBS" fuzzcheck || return 1
	# two of the eight databases (~12,000 cases, ~40 s under qemu);
	# REAL_FULL=1 runs all eight as `make fuzztest` does
	if [ "${REAL_FULL:-0}" = 1 ]; then
		./fuzzcheck "$SRC"/test/fuzzdata[1-8].db
	else
		./fuzzcheck "$SRC"/test/fuzzdata1.db "$SRC"/test/fuzzdata4.db
	fi
}
step fuzzcheck fuzz
step install make install DESTDIR="$STAGE/sqlite3" || exit 0
audit "$STAGE/sqlite3"
