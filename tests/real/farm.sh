#!/usr/bin/env bash
# farm: a build farm across hosts, the hosts being network namespaces this
# script makes (ip netns; one LAN, 10.251.0.0/24, on a bridge it makes here,
# each host a veth on it; no traffic leaves them).  Every host sees the
# same PREFIX, as every machine of a real farm must.
#  - distcc: a distccd on each host; zlib cross-built with make -j through
#    CCMUX_LAUNCHER=distcc, DISTCC_HOSTS naming the hosts, DISTCC_FALLBACK=0;
#    every daemon's log must show compiles, and the objects must equal a
#    local build's.
#  - icecream: a scheduler on host 1, an iceccd on each host and one here;
#    the toolchain travels as an environment made by icecc-create-env from
#    the shard compiler ccmux picks; the daemons' logs must show the jobs
#    spread, and the objects must equal the local build's.
# Everything started here is stopped, and the namespaces removed, on exit.
. "$(dirname "$0")/lib.sh"
[ "$(id -u)" = 0 ] || { skip farm "needs root (ip netns)"; exit 0; }
for c in ip distccd distcc; do
	command -v $c >/dev/null || { fail tools "$c is not installed (apt-get install iproute2 distcc)"; exit 0; }
done
src_step zlib || exit 0
NHOSTS=${REAL_FARM_HOSTS:-2}
TAG=cf$$
NS=() ADDR=() PIDS=()
chmod 755 "$W" && mkdir -p "$W/tmp" && chmod 1777 "$W/tmp"

cleanup() {
	local p n
	for p in "${PIDS[@]}"; do
		[ -s "$p" ] && kill "$(cat "$p")" 2>/dev/null
	done
	for n in "${NS[@]}"; do
		ip netns pids "$n" 2>/dev/null | xargs -r kill 2>/dev/null
		ip netns del "$n" 2>/dev/null
	done
	for n in $(seq 1 "$NHOSTS"); do ip link del "$TAG-r$n" 2>/dev/null; done
	ip link del "$TAG-br" 2>/dev/null
	return 0
}
trap cleanup EXIT

# one LAN: a bridge here (TAG-br, 10.251.0.1/24, the client's address) and
# host N as namespace TAG-hN whose eth0 (10.251.0.(10+N)) is a veth whose
# other end is on the bridge; no routing, no forwarding, nothing else reached
hosts() {
	local n ns
	ip link add "$TAG-br" type bridge && ip addr add 10.251.0.1/24 dev "$TAG-br" &&
	ip link set "$TAG-br" up || return 1
	for n in $(seq 1 "$NHOSTS"); do
		ns=$TAG-h$n
		ip netns add "$ns" || return 1
		NS+=("$ns")
		ip link add "$TAG-r$n" type veth peer name "$TAG-p$n" &&
		ip link set "$TAG-r$n" master "$TAG-br" up &&
		ip link set "$TAG-p$n" netns "$ns" &&
		ip netns exec "$ns" ip link set "$TAG-p$n" name eth0 &&
		ip netns exec "$ns" ip addr add "10.251.0.$((10 + n))/24" dev eth0 &&
		ip netns exec "$ns" ip link set eth0 up &&
		ip netns exec "$ns" ip link set lo up || return 1
		ADDR+=("10.251.0.$((10 + n))")
	done
	echo "hosts: ${NS[*]} at ${ADDR[*]} on bridge $TAG-br (10.251.0.1)"
}
step hosts hosts || exit 0

export PATH=$P/bin:$PATH
# zlib's objects, built in DIR with the environment given
zlib() {
	local dir=$1
	shift
	rm -rf "$dir" && mkdir -p "$dir" && cd "$dir" &&
	env CHOST="$T" "$SRC/configure" --prefix=/usr --static >/dev/null &&
	{ grep -q "^CC=$T-gcc" Makefile || { echo "zlib's configure fell back to $(grep -m1 '^CC=' Makefile)"; return 1; }; } &&
	env "$@" make -j"$((2 * NHOSTS))" libz.a example minigzip
}
# the objects of two builds are the same bytes
same_objects() {
	local a=$1 b=$2 f n=0
	for f in "$a"/*.o; do
		cmp -s "$f" "$b/${f##*/}" || { echo "${f##*/} differs from the local build's"; return 1; }
		n=$((n + 1))
	done
	echo "$n objects equal the local build's"
	[ "$n" -gt 10 ]
}
step local-build zlib "$W/local" CCMUX_LAUNCHER= || exit 0

# ---- distcc --------------------------------------------------------------
distccds() {
	local n
	for n in $(seq 1 "$NHOSTS"); do
		touch "$W/distccd-h$n.log" && chmod 666 "$W/distccd-h$n.log"
		ip netns exec "$TAG-h$n" env TMPDIR="$W/tmp" distccd --daemon \
			--allow 10.251.0.0/24 --listen "${ADDR[n - 1]}" --port 3632 --jobs 2 \
			--pid-file "$W/distccd-h$n.pid" --log-file "$W/distccd-h$n.log" \
			--log-level info --enable-tcp-insecure || return 1
		PIDS+=("$W/distccd-h$n.pid")
	done
	for n in $(seq 1 30); do
		grep -q listening "$W"/distccd-h*.log 2>/dev/null &&
			[ "$(grep -l listening "$W"/distccd-h*.log | wc -l)" = "$NHOSTS" ] && return 0
		sleep 0.3
	done
	echo "not every distccd is listening"
	return 1
}
# each daemon answers from its host's address
reach() {
	local a
	for a in "${ADDR[@]}"; do
		timeout 5 bash -c "exec 3<>/dev/tcp/$a/3632" || { echo "$a:3632 does not answer"; return 1; }
		echo "$a:3632 answers"
	done
}
step distccd-start distccds || exit 0
step distccd-reach reach || exit 0
DHOSTS=$(printf '%s:3632/2 ' "${ADDR[@]}")
mkdir -p "$W/distcc"
step distcc-build zlib "$W/distcc-build" CCMUX_LAUNCHER=distcc DISTCC_HOSTS="$DHOSTS" \
	DISTCC_FALLBACK=0 DISTCC_SKIP_LOCAL_RETRY=1 DISTCC_DIR="$W/distcc"
spread() {
	local n c total=0 every=1
	for n in $(seq 1 "$NHOSTS"); do
		c=$(grep -c COMPILE_OK "$W/distccd-h$n.log")
		echo "host $n (${ADDR[n - 1]}): $c compiles"
		total=$((total + c))
		[ "$c" -gt 0 ] || every=0
	done
	echo "$total compiles on $NHOSTS hosts"
	[ $every = 1 ] && [ "$total" -ge 15 ]
}
step distcc-spread spread
step distcc-same-objects same_objects "$W/distcc-build" "$W/local"

# ---- icecream ------------------------------------------------------------
if ! command -v iceccd >/dev/null || ! command -v icecc-scheduler >/dev/null; then
	fail icecc-tools "iceccd/icecc-scheduler not installed (apt-get install icecc)"
	exit 0
fi
# the compiler ccmux runs for the target's C compiles, and the toolchain
# environment icecream ships to the hosts
icecc_env() {
	local cc
	cc=$("$CCMUX" explain "$T-gcc" -c x.c | awk '{print $1}')
	[ -x "$cc" ] || { echo "no compiler from ccmux explain: $cc"; return 1; }
	mkdir -p "$W/icenv" && cd "$W/icenv" &&
	icecc-create-env --gcc "$cc" "${cc%gcc}g++" > create-env.log 2>&1 ||
		{ tail -5 create-env.log; return 1; }
	ICENV=$W/icenv/$(sed -n 's/^creating //p' create-env.log | tail -n 1)
	[ -f "$ICENV" ] || ICENV=$(ls "$W"/icenv/*.tar.gz | head -n 1)
	chmod 644 "$ICENV"
	echo "environment: $ICENV (for $cc)"
	[ -f "$ICENV" ]
}
step icecc-env icecc_env || exit 0
# the daemons write their logs and unpack environments as user icecc
IL=$W/ice
icecream() {
	local n i
	mkdir -p "$IL" && chmod 1777 "$IL"
	ip netns exec "$TAG-h1" icecc-scheduler -d -l "$IL/scheduler.log" -n "$TAG" -vvv \
		-p 8765 || return 1
	# each host's daemon, on the scheduler of host 1; host 1's serves the
	# client too (the build runs in host 1); each makes its own -b directory
	for n in $(seq 1 "$NHOSTS"); do
		ip netns exec "$TAG-h$n" iceccd -d -l "$IL/iceccd-h$n.log" -vvv -n "$TAG" \
			-s "${ADDR[0]}:8765" -b "$IL/env-h$n" -m 2 -N "h$n" || return 1
	done
	for i in $(seq 1 30); do
		[ "$(grep -c 'login' "$IL/scheduler.log" 2>/dev/null)" -ge "$NHOSTS" ] && break
		sleep 0.5
	done
	grep -h 'login' "$IL/scheduler.log"
	[ "$(grep -c 'login' "$IL/scheduler.log")" -ge "$NHOSTS" ]
}
step icecc-start icecream || exit 0
echo "    (icecream's client daemon runs in host 1: the build runs there)"
# twice: the first build also ships the environment to the hosts (the
# scheduler sends no job to a host before it has it), the second is the one
# whose objects are compared
icecc_build() {
	ip netns exec "$TAG-h1" env PATH="$PATH" CHOST="$T" bash -c '
		cd "$1" && for i in 1 2; do
			make clean >/dev/null &&
			env CCMUX_LAUNCHER=icecc ICECC_VERSION="$2" ICECC_DEBUG=debug \
				ICECC_LOGFILE="$3" make -j"$4" libz.a example minigzip || exit 1
			sleep 2
		done' _ "$W/icecc-build" "$ICENV" "$W/icecc-client.log" "$((2 * NHOSTS))"
}
prep_icecc() {
	rm -rf "$W/icecc-build" && mkdir -p "$W/icecc-build" && cd "$W/icecc-build" &&
	env CHOST="$T" "$SRC/configure" --prefix=/usr --static >/dev/null
}
step icecc-configure prep_icecc || exit 0
step icecc-build icecc_build
# the scheduler's log names the server of every job it placed
icespread() {
	local n c every=1
	for n in $(seq 1 "$NHOSTS"); do
		c=$(grep -c "END .* server=h$n\$" "$IL/scheduler.log")
		echo "host $n: $c jobs"
		[ "$c" -gt 0 ] || every=0
	done
	[ $every = 1 ]
}
step icecc-spread icespread
step icecc-same-objects same_objects "$W/icecc-build" "$W/local"
