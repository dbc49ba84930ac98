# shards/lib.sh: the machinery of install.sh (sourced by it): the install
# lock, steps with one progress line each and their logs, background steps,
# the build cache, and the small facts the recipes need.
#
# Needs from install.sh: PREFIX, CACHE, LOGS, JOBS, HERE.

INSTALL_START=$(date +%s)
elapsed() {
	local s=$(( $(date +%s) - INSTALL_START ))
	printf '%dm%02ds' $((s / 60)) $((s % 60))
}

# one install into a prefix at a time; a second one says so and waits
install_lock() {
	exec 9>"$PREFIX/.install.lock"
	if ! flock -n 9; then
		echo "== another install.sh is installing into $PREFIX; waiting for it" \
		     "(lock $PREFIX/.install.lock)"
		flock 9
	fi
}

# step NAME WHAT MINUTES FN ARGS...: run FN ARGS in a subshell with its whole
# output in LOGS/NAME.log; one line when it starts (with an estimate when
# it takes minutes) and one when it ends.  A failure names the step, its
# log and how to resume, and stops the install.
step() {
	local name=$1 what=$2 est=$3 t0 rc
	shift 3
	t0=$(date +%s)
	printf '== [%s] %s%s\n' "$(elapsed)" "$what" \
		"$( [ "$est" -ge 2 ] && echo " (about $est min)")"
	set +e
	( set -e; "$@" ) >"$LOGS/$name.log" 2>&1
	rc=$?
	set -e
	if [ $rc != 0 ]; then
		tail -n 15 "$LOGS/$name.log" | sed 's/^/   | /' >&2
		# background steps under way finish first (their results go to
		# the cache, so the rerun has them); none are left running
		if [ -n "$(jobs -rp)" ]; then
			echo "   (step $name failed; waiting for the $(jobs -rp | wc -l) background step(s) under way)" >&2
			wait || true
		fi
		die "step $name failed (log: $LOGS/$name.log); fix it and run the same command again to resume"
	fi
	printf '   %s: %ss\n' "$name" $(( $(date +%s) - t0 ))
}

# Background steps.  step_queue NAME WHAT MINUTES FN ARGS... queues a step
# that runs as `step` does, in the background, JOBS at a time.  steps_pump
# starts what it can: the install calls it between its foreground steps, so
# that runtime builds overlap the shards and sysroots of the targets after
# them.  Once a background step has failed, nothing new starts.  steps_wait
# starts the rest, waits for every one and stops on a failure, naming the
# failed steps and those it did not start.
BG_PIDS=()       # the steps started and not yet collected
BG_NAMES=()
BG_QUEUE=()      # the steps not yet started
BG_FAILED=""     # the names of the failed ones
step_queue() {
	BG_QUEUE+=("$(printf '%q ' "$@")")
	steps_pump
}
step_bg() {
	( step "$@" ) &
	BG_PIDS+=($!)
	BG_NAMES+=("$1")
}
# steps_ended PID STATUS: PID's step is over
steps_ended() {
	local i
	for i in "${!BG_PIDS[@]}"; do
		[ "${BG_PIDS[$i]}" = "$1" ] || continue
		[ "$2" = 0 ] || BG_FAILED="$BG_FAILED ${BG_NAMES[$i]}"
		unset "BG_PIDS[$i]" "BG_NAMES[$i]"
	done
}
# steps_reap [--one]: collect the steps that have ended (--one: wait until
# one has); each status is collected once
steps_reap() {
	local i pid rc running
	if [ "${1:-}" = --one ]; then
		pid=
		wait -n -p pid && rc=0 || rc=$?
		[ -z "$pid" ] || steps_ended "$pid" "$rc"
	fi
	running=" $(jobs -rp | tr '\n' ' ') "
	for i in "${!BG_PIDS[@]}"; do
		pid=${BG_PIDS[$i]}
		case $running in *" $pid "*) continue ;; esac
		wait "$pid" && rc=0 || rc=$?
		steps_ended "$pid" "$rc"
	done
}
steps_pump() {   # [--wait]: until the queue is empty
	local s
	while [ ${#BG_QUEUE[@]} -gt 0 ]; do
		steps_reap
		[ -z "$BG_FAILED" ] || return 0
		if [ ${#BG_PIDS[@]} -ge "$JOBS" ]; then
			[ "${1:-}" = --wait ] || return 0
			steps_reap --one
			continue
		fi
		s=${BG_QUEUE[0]}
		BG_QUEUE=("${BG_QUEUE[@]:1}")
		eval "step_bg $s"
	done
}
steps_wait() {
	local s left=""
	steps_pump --wait
	while [ ${#BG_PIDS[@]} -gt 0 ]; do
		steps_reap --one
	done
	for s in "${BG_QUEUE[@]}"; do left="$left ${s%% *}"; done
	BG_QUEUE=()
	[ -z "$BG_FAILED" ] ||
		die "failed:$BG_FAILED${left:+ (not started:$left)} (logs in $LOGS); run the same command again to resume"
}

# ---- the build cache ----------------------------------------------------------
# CACHE/KIND/NAME-HASH: one directory per result, complete or absent (built
# in a temporary directory and renamed into place); HASH covers everything
# that makes the result (the scripts, the package versions, the inputs).

# cache_key NAME INPUT...: NAME-<16 hex digits of the inputs' hash>
cache_key() {
	local name=$1
	shift
	printf '%s-%s\n' "$name" "$(printf '%s\n' "$@" | sha256sum | cut -c1-16)"
}

# cache_get KIND KEY FN ARGS...: the entry's directory; FN ARGS OUTDIR builds
# it when it is absent (one builder at a time per entry, across installs)
cache_get() {
	local kind=$1 key=$2 entry tmp
	shift 2
	entry=$CACHE/$kind/$key
	mkdir -p "$CACHE/$kind"
	if [ ! -d "$entry" ]; then
		exec 8>"$entry.lock"
		flock 8
		if [ ! -d "$entry" ]; then
			# what a killed builder of this entry left (we hold its lock)
			rm -rf "$entry".tmp.*
			tmp=$(mktemp -d "$entry.tmp.XXXXXX")
			chmod 755 "$tmp"   # readable by all, as an install is
			echo "building $kind/$key" >&2
			"$@" "$tmp" >&2 || { rm -rf "$tmp"; return 1; }
			mv "$tmp" "$entry"
		fi
		exec 8>&-
	else
		echo "from the cache: $kind/$key" >&2
	fi
	echo "$entry"
}

# copy_tree SRC DST: DST becomes a copy of SRC, hard-linked where the file
# systems allow (the cache's files are never changed in place), else copied
copy_tree() {
	rm -rf "$2.tmp"
	mkdir -p "$(dirname "$2")"
	cp -al "$1" "$2.tmp" 2>/dev/null || { rm -rf "$2.tmp"; cp -a "$1" "$2.tmp"; }
	rm -rf "$2"
	mv "$2.tmp" "$2"
}

# hash_files FILE...: one hash of the files' contents
hash_files() { cat "$@" | sha256sum | cut -c1-16; }
# hash_dir DIR: one hash of every file under DIR
hash_dir() { (cd "$1" && find . -type f | LC_ALL=C sort | xargs cat) | sha256sum | cut -c1-16; }
# pkg_version PACKAGE...: the installed version of the first one installed
pkg_version() {
	local p
	for p in "$@"; do
		dpkg-query -W -f='${Version}' "$p" 2>/dev/null && return
	done
	echo none
}

# the Debian architecture of a target (amd64, arm64, armhf, ...)
deb_arch() { recipe "$1" | awk '{ print $5 }'; }

# the version of the Debian GCC that builds a target's runtime
gcc_version() {
	local deb
	deb=$(recipe "$1" | awk '{ print $3 }')
	if [ "$deb" = x86_64-linux-gnu ]; then
		pkg_version "gcc-$RUNTIME_MAJOR"
	else
		pkg_version "gcc-$RUNTIME_MAJOR-$deb"
	fi
}

# what identifies a sysroot's content: a generated floor's or a musl
# sysroot's marker, else the glibc headers' hash
sysroot_id() {
	local sr
	sr=$(readlink -f "$1")
	if [ -f "$sr/ccmux-glibc-floor" ]; then
		grep -v '^#' "$sr/ccmux-glibc-floor"
		hash_files "$sr/usr/include/features.h"
	elif [ -f "$sr/.musl" ]; then
		cat "$sr/.musl"
	else
		hash_files "$sr/usr/include/features.h" "$sr/usr/include/gnu/lib-names.h" 2>/dev/null
	fi
}

# fetch an npm package tarball into the cache; prints its path
npm_fetch() {
	local spec=$1 dir=$CACHE/npm name
	mkdir -p "$dir"
	# npm names the file after the package: @a/b@1.0 -> a-b-1.0.tgz
	name=$(echo "${spec#@}" | sed 's|/|-|; s|@|-|').tgz
	if [ ! -s "$dir/$name" ]; then
		(cd "$dir" && npm pack --silent "$spec" >/dev/null) ||
			die "npm pack $spec failed"
		[ -s "$dir/$name" ] || die "npm pack $spec did not write $name"
	fi
	echo "$dir/$name"
}

# apt-get source (GCC's and musl's sources) needs a deb-src line and its
# index; a new machine's image may come with empty apt lists
ensure_deb_src() {
	local f=/etc/apt/sources.list.d/ccmux-src.sources src
	if ! grep -rqsE '^(Types:.*deb-src|deb-src )' /etc/apt/sources.list /etc/apt/sources.list.d/; then
		[ "$(id -u)" = 0 ] || die "apt-get source needs a deb-src line (run as root)"
		src=$(ls /etc/apt/sources.list.d/*.sources 2>/dev/null | head -1)
		if [ -n "$src" ]; then
			sed 's/^Types: deb$/Types: deb-src/' "$src" > "$f"
		else
			grep '^deb ' /etc/apt/sources.list | sed 's/^deb /deb-src /' > "${f%.sources}.list"
		fi
	fi
	apt-cache showsrc gcc-12 2>/dev/null | grep -q '^Package:' && return
	[ "$(id -u)" = 0 ] || die "apt-get source needs the source index: run apt-get update as root"
	apt-get update -qq >/dev/null 2>&1 || echo "== apt-get update reported errors; going on"
}
