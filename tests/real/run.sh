#!/usr/bin/env bash
# tests/real/run.sh: cross-build real upstream projects through the ccmux
# farm, run their own tests under qemu, install them and audit what they
# install (`make check-real`).  Prints "PASS name" / "FAIL name: why" /
# "SKIP name: why" (name = PROJECT/TARGET/STEP), a time table, and last
# "N passed, N failed, N skipped"; exit 1 when something failed.
#
#   REAL_TARGETS   targets (default: aarch64-linux-gnu aarch64-linux-musl
#                  armv7l-linux-gnueabihf)
#   REAL_PROJECTS  projects, in order (default: all; see below)
#   REAL_CACHE     source download cache (default CCMUX_PREFIX/var/cache/src)
#   REAL_JOBS      make -j (default 2)
#   REAL_KEEP=1    keep the work directory (its path is printed)
#   REAL_FULL=1    longer test runs where a project's are cut short
#   CCMUX_PREFIX   the install (default: .ccmux-prefix, else /opt/ccmux)
#
# Needs root for `ccmux binfmt` (autotools `make check` runs the foreign
# test programs directly) and for apt-get (source packages; missing tools).
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
TOP=$(cd "$HERE/../.." && pwd)

ALL_PROJECTS="hello zlib pkgconfig pcre2 cjson tinyxml2 libinih fribidi libspng minpack sqlite3 ccache distcc
 cargo cgo wheel bazel farm"
TARGETS=${REAL_TARGETS:-aarch64-linux-gnu aarch64-linux-musl armv7l-linux-gnueabihf}
PROJECTS=${REAL_PROJECTS:-$ALL_PROJECTS}
# the Debian packages these builds use (install.sh installs them too)
NEED_PACKAGES="dpkg-dev ccache distcc meson ninja-build cmake pkgconf qemu-user
 autotools-dev tcl python3 xz-utils bzip2 make file
 rustc cargo librust-cc-dev golang-go python3-dev python3-setuptools python3-wheel
 bazel-bootstrap bazel-rules-java icecc iproute2"

if [ -z "${CCMUX_PREFIX:-}" ]; then
	if [ -s "$TOP/.ccmux-prefix" ]; then
		CCMUX_PREFIX=$(cat "$TOP/.ccmux-prefix")
	else
		CCMUX_PREFIX=/opt/ccmux
	fi
fi
export CCMUX_PREFIX
export REAL_CACHE=${REAL_CACHE:-$CCMUX_PREFIX/var/cache/src}
export REAL_JOBS=${REAL_JOBS:-2}
CCMUX=$CCMUX_PREFIX/bin/ccmux

passed=0 failed=0 skipped=0
failures=()
count() {
	local line
	while IFS= read -r line; do
		case "$line" in
		"PASS "*) passed=$((passed + 1)); echo "$line" ;;
		"FAIL "*) failed=$((failed + 1)); failures+=("${line#FAIL }"); echo "$line" ;;
		"SKIP "*) skipped=$((skipped + 1)); echo "$line" ;;
		*) echo "$line" ;;
		esac
	done
}
finish() {
	if [ ${#failures[@]} -gt 0 ]; then
		echo "failures:"
		printf '  %s\n' "${failures[@]}"
	fi
	echo "$passed passed, $failed failed, $skipped skipped"
	[ "$failed" = 0 ]
	exit
}

if [ ! -x "$CCMUX" ] || [ ! -d "$CCMUX_PREFIX/opt" ]; then
	count <<< "FAIL real/setup: no ccmux install at $CCMUX_PREFIX (run ./install.sh --prefix DIR first)"
	finish
fi

# ---- packages and the source archive --------------------------------------

missing_packages() {
	local p
	for p in $NEED_PACKAGES; do
		dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q "ok installed" || echo "$p"
	done
}

# a deb-src line for each archive the deb lines name (deb822 or one-line)
ensure_deb_src() {
	local f changed=0
	grep -rqs '^Types:.*deb-src\|^deb-src ' /etc/apt/sources.list /etc/apt/sources.list.d/ && return 0
	for f in /etc/apt/sources.list.d/*.sources; do
		[ -f "$f" ] || continue
		grep -q '^Types:.*\bdeb\b' "$f" || continue
		sed 's/^Types:.*/Types: deb-src/' "$f" > "/etc/apt/sources.list.d/ccmux-real-src.sources.tmp"
		cat "/etc/apt/sources.list.d/ccmux-real-src.sources.tmp" >> /etc/apt/sources.list.d/ccmux-real-src.sources
		echo >> /etc/apt/sources.list.d/ccmux-real-src.sources
		rm -f /etc/apt/sources.list.d/ccmux-real-src.sources.tmp
		changed=1
	done
	if [ -f /etc/apt/sources.list ] && grep -q '^deb ' /etc/apt/sources.list; then
		sed -n 's/^deb /deb-src /p' /etc/apt/sources.list > /etc/apt/sources.list.d/ccmux-real-src.list
		changed=1
	fi
	[ $changed = 1 ] && apt-get update -qq
}

setup() {
	local missing
	missing=$(missing_packages | tr '\n' ' ')
	if [ -n "${missing// /}" ]; then
		if [ "$(id -u)" != 0 ]; then
			echo "FAIL real/packages: missing $missing (not root: apt-get install them)"
			return 1
		fi
		echo "  installing: $missing"
		export DEBIAN_FRONTEND=noninteractive
		{ apt-get update -qq && apt-get install -y -qq --no-install-recommends $missing; } \
			>"$REAL_WORK/logs/apt.log" 2>&1 ||
			{ echo "FAIL real/packages: apt-get install $missing failed: $(tail -n 1 "$REAL_WORK/logs/apt.log")"; return 1; }
	fi
	echo "PASS real/packages"
	if [ "$(id -u)" = 0 ]; then
		ensure_deb_src >"$REAL_WORK/logs/apt-src.log" 2>&1 ||
			echo "  (adding a deb-src line failed: see \$WORK/logs/apt-src.log)"
	fi
	# apt-get source downloads as _apt where it can: let it write the cache
	mkdir -p "$REAL_CACHE" && chmod 755 "$REAL_CACHE" 2>/dev/null
	return 0
}

# ---- binfmt: registered for the run, removed after if we registered it ----

BINFMT_OURS=0
binfmt_on() {
	if "$CCMUX" binfmt --status 2>/dev/null | grep -q ': registered'; then
		echo "  binfmt: already registered: $("$CCMUX" binfmt --status | tr '\n' ' ')"
		echo "PASS real/binfmt"
		return
	fi
	if out=$("$CCMUX" binfmt 2>&1); then
		BINFMT_OURS=1
		echo "PASS real/binfmt"
	else
		echo "FAIL real/binfmt: ccmux binfmt: $(echo "$out" | head -n 1) (make check of foreign programs will fail)"
	fi
}

cleanup() {
	[ "$BINFMT_OURS" = 1 ] && "$CCMUX" binfmt --remove >/dev/null 2>&1
	if [ "${REAL_KEEP:-0}" = 1 ]; then
		echo "  work directory kept: $REAL_WORK"
	else
		rm -rf "$REAL_WORK"
	fi
}

export REAL_WORK=$(mktemp -d "${TMPDIR:-/tmp}/ccmux-real.XXXXXX")
chmod 755 "$REAL_WORK"
mkdir -p "$REAL_WORK/logs"
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "ccmux real-project builds: $CCMUX_PREFIX, targets: $TARGETS"
count < <(setup 2>&1)
binfmt_on > "$REAL_WORK/logs/binfmt.out" 2>&1
count < "$REAL_WORK/logs/binfmt.out"

# ---- the builds ---------------------------------------------------------

declare -A TIME
run_start=$(date +%s)
for t in $TARGETS; do
	if ! "$CCMUX" targets --installed 2>/dev/null | grep -qx "$t"; then
		count <<< "FAIL real/$t: not installed at $CCMUX_PREFIX (ccmux targets --installed)"
		continue
	fi
	for p in $PROJECTS; do
		if [ ! -f "$HERE/$p.sh" ]; then
			count <<< "FAIL real/$p: no tests/real/$p.sh (projects: $ALL_PROJECTS)"
			continue
		fi
		echo "-- $p $t"
		start=$(date +%s)
		count < <(bash "$HERE/$p.sh" "$t" 2>&1; rc=$?
			[ $rc = 0 ] || echo "FAIL $p/$t: script exited $rc")
		TIME[$p/$t]=$(( $(date +%s) - start ))
		echo "   (${TIME[$p/$t]}s)"
	done
done

# time table: one row per project, one column per target
echo "seconds per project and target (total $(( $(date +%s) - run_start ))s):"
printf '  %-10s' project
for t in $TARGETS; do printf ' %24s' "$t"; done
echo
for p in $PROJECTS; do
	printf '  %-10s' "$p"
	for t in $TARGETS; do printf ' %24s' "${TIME[$p/$t]:--}"; done
	echo
done
finish
