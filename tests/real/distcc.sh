#!/usr/bin/env bash
# CCMUX_LAUNCHER=distcc: zlib built through a distccd that this script starts
# on 127.0.0.1 only (and stops on exit), DISTCC_FALLBACK=0 so that nothing
# is compiled locally behind its back; distccd's log must show the jobs.
. "$(dirname "$0")/lib.sh"
for c in distcc distccd; do
	command -v $c >/dev/null || { fail distcc "$c is not installed (apt-get install distcc)"; exit 0; }
done
src_step zlib || exit 0
PORT=${REAL_DISTCC_PORT:-3693}
DLOG=$W/distccd.log PIDF=$W/distccd.pid
rm -f "$DLOG" "$PIDF"
mkdir -p "$W/tmp" && chmod 1777 "$W/tmp" "$W"
stop() {
	[ -s "$PIDF" ] && kill "$(cat "$PIDF")" 2>/dev/null
	rm -f "$PIDF"
}
trap stop EXIT
touch "$DLOG" && chmod 666 "$DLOG"
start() {
	TMPDIR=$W/tmp distccd --daemon --allow 127.0.0.1 --listen 127.0.0.1 --port "$PORT" \
		--jobs 2 --pid-file "$PIDF" --log-file "$DLOG" --log-level info \
		--enable-tcp-insecure || return 1
	local i
	for i in 1 2 3 4 5 6 7 8 9 10; do
		[ -s "$PIDF" ] && grep -q listening "$DLOG" 2>/dev/null && return 0
		sleep 0.3
	done
	[ -s "$PIDF" ]
}
# distccd started by root runs its jobs as the user distcc, which must be
# able to reach the compilers in the install
reachable() {
	local d=$CCMUX_PREFIX
	while [ "$d" != / ] && [ -n "$d" ]; do
		case "$(stat -c %A "$d")" in
		*[xt]) ;;
		*) echo "distccd's jobs run as user distcc, which cannot enter $d ($(stat -c %a "$d")): chmod o+rx it"; return 1 ;;
		esac
		d=$(dirname "$d")
	done
}
step install-readable reachable || exit 0
step distccd-start start || { show_log "$DLOG"; exit 0; }
export CCMUX_LAUNCHER=distcc DISTCC_HOSTS="127.0.0.1:$PORT/2" DISTCC_FALLBACK=0 \
	DISTCC_DIR=$W/distcc DISTCC_SKIP_LOCAL_RETRY=1 DISTCC_VERBOSE=0
mkdir -p "$DISTCC_DIR"
export PATH=$P/bin:$PATH
build() {
	rm -rf "$W/build" && mkdir -p "$W/build" && cd "$W/build" &&
	env CHOST="$T" "$SRC/configure" --prefix=/usr --static &&
	{ grep -q "^CC=$T-gcc" Makefile || { echo "zlib's configure fell back to $(grep -m1 '^CC=' Makefile)"; return 1; }; } &&
	make -j"$JOBS" libz.a example minigzip
}
step build build || { show_log "$DLOG"; exit 0; }
remote() {
	local n
	n=$(grep -c 'COMPILE_OK' "$DLOG")
	grep 'COMPILE_OK' "$DLOG" | tail -n 3
	echo "distccd compiled $n jobs"
	[ "$n" -ge 15 ]
}
step distccd-compiled remote
step check make test
stop
