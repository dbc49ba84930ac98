#!/usr/bin/env bash
# bench/emulated.sh: why cross-compiling matters, in one run (make
# bench-emulated).  A real project, sqlite3 from Debian's source package
# (the canonical tree: configure; lemon and mkkeywordhash for the build
# machine; the amalgamation made with tclsh; then sqlite3.c compiled for
# libsqlite3.so, libsqlite3.a and the shell, -g -O2), built for aarch64 two
# ways, rounds alternating:
#
#   cross     on this machine through ccmux, PATH=PREFIX/bin:
#             ./configure --host=aarch64-linux-gnu && make -jN, once with
#             CC=aarch64-linux-gnu-gcc-12 (GCC 12.2.0, the compiler the
#             emulated side runs: their ratio is the emulation's cost) and
#             once with the default name aarch64-linux-gnu-gcc (the glibc
#             floor's GCC);
#   emulated  Debian bookworm's own arm64 GCC 12 (gcc-12, cpp-12, binutils,
#             libc6-dev, make, bash, coreutils, tcl8.6 ...) in a chroot, where
#             every program of the build (sh, sed, tclsh, make, cc1, as, ld)
#             is an aarch64 binary run by qemu-user through binfmt_misc:
#             ./configure && make -jN, what a build "for arm64" in an
#             emulated container does.
#
# Both sides' configure gets --disable-tcl --disable-readline (neither has
# the target's Tcl or readline headers) and the cross side --build (so that
# a binfmt rule elsewhere on the machine cannot make configure believe it
# builds natively); BUILD_CC is the farm's x86_64-linux-gnu-gcc.
#
# Checked: every output is aarch64 ELF, and both shells answer one query the
# same way (the cross one under `ccmux run aarch64-linux-gnu`, the emulated
# one in its chroot).  The table (text and Markdown) gives each side's best
# wall time, configure and make apart, CPU time (user + system of every
# process, qemu's included), every run, and the ratios.
#
#   bash bench/emulated.sh
#
# Environment:
#   CCMUX_PREFIX      the install whose farm builds the cross side (default:
#                     the prefix in .ccmux-prefix, else /opt/ccmux); read only
#   BENCH_REPS        rounds (default 2; a round builds each side once)
#   BENCH_JOBS        make -j (default: nproc)
#   BENCH_EMU_OUT     raw data (default bench/out-emulated, gitignored)
#   BENCH_EMU_BINFMT  private | global (default: private where the kernel
#                     allows it, see below)
#   BENCH_EMU_FETCH_ONLY=1  fetch and unpack, check that the root runs, stop
#
# Fetched once into bench/cache/emulated (gitignored), with a private apt
# state there (its own sources -- the release's own suites taken from the
# machine's apt sources, as deb and deb-src --, its own lists, cache and an
# empty dpkg status; the system's apt configuration and dpkg database are
# not touched): the sqlite3 source package; the arm64 .debs of the packages
# below and everything they depend on, unpacked with dpkg -x into
# cache/emulated/root (no maintainer script runs: the two links they would
# make, awk and cc, are made here); and qemu-user-static's amd64 .deb
# (downloaded, not installed), whose qemu-aarch64-static is the interpreter.
# A second run downloads nothing.
#
# binfmt_misc: each emulated build runs in new namespaces (unshare: mount
# and pid, and user where it can), where /dev and /proc are mounted into
# the root; they vanish with the namespaces.  Since Linux 6.7 a user
# namespace can mount a binfmt_misc instance of its own: the aarch64 rule
# (Debian's magic and mask, flags OPF) is registered there and nothing of
# the system's changes.  On an older kernel, or with BENCH_EMU_BINFMT=global,
# the rule is registered in the system's /proc/sys/fs/binfmt_misc as
# ccmux-bench-aarch64 (root needed) for the run and removed on exit,
# failure or interruption.
#
# About 35 minutes on 2 cores (an emulated build takes 11 to 15 minutes, a
# cross one 1 to 2); the first time 150 MB of downloads (the source, arm64
# package lists and .debs, qemu-user-static); 1 GB of disk (cache 620 MB,
# the last run's trees 350 MB).
set -euo pipefail
cd "$(dirname "$0")/.."
SRC=$PWD
ME=bench/emulated.sh
. bench/render.sh
NAME=ccmux-bench-aarch64
PKGS=(gcc-12 gcc cpp binutils libc6-dev make bash dash coreutils sed grep mawk
	findutils diffutils tcl8.6)
CONFIGURE_FLAGS="--disable-tcl --disable-readline"
QUERY="create table t(a integer, b text);
insert into t values (1,'one'),(2,'two'),(3,'three');
select group_concat(b, '+') from t where a > 1;
with recursive c(x) as (select 1 union all select x + 1 from c where x < 100000)
  select count(*), sum(x), printf('%.6f', avg(x * 1.5)), printf('%.12f', sqrt(2)) from c;
select hex('ab'), json_object('a', 1, 'b', json_array(2, 3));
select sqlite_version(), sqlite_source_id();"
ANSWER_LINE1="two+three"

say() { echo "== $*" >&2; }
die() { echo "$ME: $*" >&2; exit 1; }

# ---- inside the namespaces (this script again, started by `emu` below) --------

if [ "${1:-}" = --in-namespace ]; then
	shift
	if [ "$EMU_BINFMT" = private ]; then
		mkdir -p "$EMU_OUT/binfmt"
		mount -t binfmt_misc binfmt_misc "$EMU_OUT/binfmt"
		echo "$EMU_RULE" >"$EMU_OUT/binfmt/register"
	fi
	mount --rbind /dev "$EMU_ROOT/dev"
	mount -t proc proc "$EMU_ROOT/proc"
	# inroot [TIMEFILE] CMD: CMD by the root's /bin/sh, in a clean
	# environment; timed ("wall user sys") into TIMEFILE
	inroot() {
		local t=()
		[ $# = 1 ] || { t=(/usr/bin/time -f "%e %U %S" -o "$1"); shift; }
		"${t[@]}" env -i PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin \
			HOME=/root LC_ALL=C chroot "$EMU_ROOT" /bin/sh -c "$1"
	}
	case $1 in
	build) # build LABEL: configure and make in ROOT/build/LABEL
		inroot "$EMU_OUT/$2.time.configure" "cd /build/$2 && ./configure $CONFIGURE_FLAGS" ||
			exit 1
		inroot "$EMU_OUT/$2.time.make" "cd /build/$2 && make -j$EMU_JOBS" ;;
	uname) inroot "uname -m" ;;
	gcc) inroot "gcc --version | head -n 1" ;;
	query) inroot "cd /build/$2 && ./sqlite3" <"$EMU_OUT/query.sql" ;;
	*) exit 2 ;;
	esac
	exit
fi

# ---- settings ---------------------------------------------------------------------

START=$(date +%s)
LOAD_START=$(cut -d" " -f1-3 /proc/loadavg)
if [ -z "${CCMUX_PREFIX:-}" ]; then
	if [ -s .ccmux-prefix ]; then CCMUX_PREFIX=$(cat .ccmux-prefix); else CCMUX_PREFIX=/opt/ccmux; fi
fi
PREFIX=$CCMUX_PREFIX
REPS=${BENCH_REPS:-2}
JOBS=${BENCH_JOBS:-$(nproc)}
OUT=${BENCH_EMU_OUT:-$SRC/bench/out-emulated}
CACHE=$SRC/bench/cache/emulated
ROOT=$CACHE/root
INVOCATION="cd $SRC && CCMUX_PREFIX=$PREFIX"
for v in BENCH_REPS BENCH_JOBS BENCH_EMU_OUT BENCH_EMU_BINFMT BENCH_EMU_FETCH_ONLY; do
	[ -z "${!v:-}" ] || INVOCATION="$INVOCATION $v=${!v}"
done
INVOCATION="$INVOCATION bash $ME"
for v in $(env | sed -n 's/^\(CCMUX_[A-Z_]*\)=.*/\1/p'); do unset "$v"; done

[ "$(uname -m)" = x86_64 ] || die "the cross side is x86_64's farm (this is $(uname -m))"
[ "$(id -u)" = 0 ] || die "root is needed (chroot, mounts, binfmt_misc)"
for t in apt-get dpkg-deb unshare chroot file flock xz /usr/bin/time; do
	command -v $t >/dev/null || die "$t not found"
done
for n in aarch64-linux-gnu-gcc aarch64-linux-gnu-gcc-12 x86_64-linux-gnu-gcc ccmux; do
	[ -x "$PREFIX/bin/$n" ] || die "no $PREFIX/bin/$n (install ccmux first, or set CCMUX_PREFIX)"
done
command -v tclsh >/dev/null || command -v tclsh8.6 >/dev/null ||
	die "no tclsh (the cross build makes sqlite's amalgamation with it): apt-get install tcl"
mkdir -p "$CACHE"
exec 9>"$CACHE/.lock"
flock -n 9 || die "another $ME is running (lock $CACHE/.lock)"
rm -rf "$OUT"
mkdir -p "$OUT"
: >"$OUT/commands.txt"
printf '%s\n' "$QUERY" >"$OUT/query.sql"

# ---- the private apt state ---------------------------------------------------------

APT=$CACHE/apt
CODENAME=$(sed -n 's/^VERSION_CODENAME=//p' /etc/os-release)
[ -n "$CODENAME" ] || die "no VERSION_CODENAME in /etc/os-release"
apt_private() {
	apt-get -q -o APT::Architecture=arm64 -o "APT::Architectures::=arm64" \
		-o Dir::State::Lists="$APT/lists" -o Dir::State::status="$APT/status" \
		-o Dir::Cache="$APT" -o Dir::Cache::archives="$APT/archives" \
		-o Dir::Etc::SourceList="$APT/none.list" -o Dir::Etc::SourceParts="$APT/sources" \
		-o Dir::Etc::Parts="$APT/empty" -o Dir::Etc::Preferences="$APT/none.pref" \
		-o Dir::Etc::PreferencesParts="$APT/empty" -o Debug::NoLocking=1 \
		-o APT::Sandbox::User=root "$@"
}
# the release's own suites (CODENAME, -updates, -security) of the machine's
# sources, as binary and source archives, any architecture restriction off
release_sources() {
	local f
	for f in /etc/apt/sources.list.d/*.sources; do
		[ -f "$f" ] || continue
		awk -v code="$CODENAME" 'BEGIN { RS = ""; ORS = "\n" }
		{
			n = split($0, L, "\n"); s = ""; deb = 0; rel = 0; off = 0
			for (i = 1; i <= n; i++) {
				l = L[i]
				if (l ~ /^#/ || l ~ /^Architectures:/) continue
				if (l ~ /^Types:/) { if (l ~ /[ \t]deb([ \t]|$)/) deb = 1; l = "Types: deb deb-src" }
				else if (l ~ /^Suites:/) { if (l ~ ("[ \t]" code "([ \t-]|$)")) rel = 1 }
				else if (l ~ /^Enabled:[ \t]*[Nn]o/) off = 1
				s = s l "\n"
			}
			if (deb && rel && !off) print s
		}' "$f"
	done >"$APT/sources/release.sources.new"
	for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
		[ -f "$f" ] || continue
		awk -v code="$CODENAME" '$1 == "deb" {
			o = ""; i = 2
			if ($2 ~ /^\[/) { while (i <= NF && $i !~ /\]$/) { o = o " " $i; i++ } o = o " " $i; i++ }
			gsub(/arch=[^] ]*/, "", o)
			if (o ~ /^[ \t]*\[[ \t]*\][ \t]*$/) o = ""
			if ($(i + 1) !~ ("^" code "($|-)")) next
			rest = ""; for (k = i; k <= NF; k++) rest = rest " " $k
			print "deb" o rest; print "deb-src" o rest
		}' "$f"
	done >"$APT/sources/release.list.new"
	[ -s "$APT/sources/release.sources.new" ] || [ -s "$APT/sources/release.list.new" ] ||
		die "no $CODENAME suite in /etc/apt's sources"
	local changed=0
	for f in release.sources release.list; do
		cmp -s "$APT/sources/$f.new" "$APT/sources/$f" || changed=1
		mv -f "$APT/sources/$f.new" "$APT/sources/$f"
		[ -s "$APT/sources/$f" ] || rm -f "$APT/sources/$f"
	done
	if [ $changed = 1 ] || ! compgen -G "$APT/lists/*binary-arm64_Packages*" >/dev/null; then
		say "apt-get update (private state, arm64 and sources of $CODENAME)"
		apt_private update >"$OUT/apt-update.log" 2>&1 ||
			die "apt-get update failed, see $OUT/apt-update.log"
	fi
}
apt_setup() {
	[ -z "${APT_READY:-}" ] || return 0
	mkdir -p "$APT/lists/partial" "$APT/archives/partial" "$APT/sources" "$APT/empty"
	[ -e "$APT/status" ] || : >"$APT/status"
	chmod 755 "$CACHE" "$APT"
	release_sources
	APT_READY=1
}

# ---- the source -----------------------------------------------------------------

mkdir -p "$CACHE/src"
# first (sorted) of FILES that exists, or nothing
first() { if [ -e "$1" ]; then echo "$1"; fi; }
TARBALL=$(first "$CACHE"/src/sqlite3_*[0-9].orig.tar.*)
if [ -z "$TARBALL" ]; then
	apt_setup
	say "apt-get source --download-only sqlite3"
	(cd "$CACHE/src" && apt_private source --download-only sqlite3) >"$OUT/src.log" 2>&1 ||
		die "apt-get source sqlite3 failed, see $OUT/src.log"
	TARBALL=$(first "$CACHE"/src/sqlite3_*[0-9].orig.tar.*)
	[ -n "$TARBALL" ] || die "no sqlite3 orig tarball, see $OUT/src.log"
fi
SQLITE=$(basename "$TARBALL" | sed 's/\.orig\.tar\..*//')

# ---- the arm64 root -----------------------------------------------------------------

# ROOT/.ccmux-bench: the .debs it was unpacked from; it is made again when
# that file is missing or the package list changed
if ! [ -s "$ROOT/.ccmux-bench" ] || [ "$(sed -n 1p "$ROOT/.ccmux-bench")" != "${PKGS[*]}" ]; then
	apt_setup
	say "arm64 .debs: ${PKGS[*]} and their dependencies"
	rm -f "$APT/archives/"*.deb
	apt_private install --download-only -y --no-install-recommends "${PKGS[@]}" \
		>"$OUT/debs.log" 2>&1 || die "apt-get install --download-only failed, see $OUT/debs.log"
	debs=("$APT/archives/"*.deb)
	say "unpacking ${#debs[@]} .debs into $ROOT"
	rm -rf "$ROOT.new" "$ROOT"
	mkdir -p "$ROOT.new"
	for f in "${debs[@]}"; do
		dpkg-deb -x "$f" "$ROOT.new" || die "dpkg-deb -x $f failed"
	done
	# what the maintainer scripts would have made: the alternatives
	# awk -> mawk and cc -> gcc
	ln -sfn mawk "$ROOT.new/usr/bin/awk"
	ln -sfn gcc "$ROOT.new/usr/bin/cc"
	mkdir -p "$ROOT.new/dev" "$ROOT.new/proc" "$ROOT.new/tmp" "$ROOT.new/build"
	chmod 1777 "$ROOT.new/tmp"
	{ echo "${PKGS[*]}"; printf '%s\n' "${debs[@]##*/}"; } >"$ROOT.new/.ccmux-bench"
	mv "$ROOT.new" "$ROOT"
fi
ROOT_DEBS=$(($(wc -l <"$ROOT/.ccmux-bench") - 1))
ROOT_GCC=$(sed -n 's/^gcc-12_\([^_]*\)_arm64\.deb$/\1/p' "$ROOT/.ccmux-bench" | sed 's/%3a/:/')

# ---- qemu-user-static ----------------------------------------------------------------

QDIR=$CACHE/qemu
QDEB=$(first "$QDIR"/qemu-user-static_*_amd64.deb)
if [ -z "$QDEB" ]; then
	mkdir -p "$QDIR"
	chmod 755 "$QDIR"
	say "apt-get download qemu-user-static (not installed)"
	(cd "$QDIR" && apt-get -q download qemu-user-static:amd64) >"$OUT/qemu.log" 2>&1 ||
		die "apt-get download qemu-user-static failed, see $OUT/qemu.log"
	QDEB=$(first "$QDIR"/qemu-user-static_*_amd64.deb)
	[ -n "$QDEB" ] || die "no qemu-user-static .deb, see $OUT/qemu.log"
fi
if ! [ -x "$QDIR/usr/bin/qemu-aarch64-static" ] || [ "$QDEB" -nt "$QDIR/usr/bin/qemu-aarch64-static" ]; then
	dpkg-deb --fsys-tarfile "$QDEB" | tar -x -C "$QDIR" ./usr/bin/qemu-aarch64-static \
		./usr/lib/binfmt.d/qemu-aarch64.conf || die "cannot unpack $QDEB"
	touch "$QDIR/usr/bin/qemu-aarch64-static"
fi
# flag P: the interpreter is given the original argv[0], which Debian's
# qemu expects under the name *-binfmt-P
ln -sfn usr/bin/qemu-aarch64-static "$QDIR/aarch64-binfmt-P"
QEMU_VERSION=$("$QDIR/usr/bin/qemu-aarch64-static" --version | sed -n '1s/.*version \([^ ]*\).*/\1/p')
# Debian's rule (qemu-aarch64.conf), under our name and our interpreter path
RULE=$(sed -n 's/^:qemu-aarch64:\(M:[^:]*:[^:]*:[^:]*\):[^:]*:\([A-Z]*\)$/\1/p' \
	"$QDIR/usr/lib/binfmt.d/qemu-aarch64.conf")
FLAGS=$(sed -n 's/^:qemu-aarch64:.*:\([A-Z]*\)$/\1/p' "$QDIR/usr/lib/binfmt.d/qemu-aarch64.conf")
{ [ -n "$RULE" ] && [ -n "$FLAGS" ]; } || die "cannot read qemu-aarch64.conf"
RULE=":$NAME:$RULE:$QDIR/aarch64-binfmt-P:$FLAGS"

# ---- binfmt_misc: private (user namespace) or global ----------------------------------------------------

BINFMT=${BENCH_EMU_BINFMT:-}
if [ -z "$BINFMT" ]; then
	mkdir -p "$OUT/probe"
	if unshare --user --map-root-user --mount \
		mount -t binfmt_misc binfmt_misc "$OUT/probe" 2>/dev/null; then
		BINFMT=private
	else
		BINFMT=global
	fi
	rmdir "$OUT/probe"
fi
GLOBAL=/proc/sys/fs/binfmt_misc
EMU_PID=""
# on exit: the global rule goes; on a signal: the namespaces' first process
# (and with it every process in them) is killed first
cleanup() {
	if [ "$BINFMT" = global ] && [ -e "$GLOBAL/$NAME" ]; then
		echo -1 >"$GLOBAL/$NAME" || echo "$ME: could not remove $GLOBAL/$NAME" >&2
	fi
}
on_signal() {
	[ -z "$EMU_PID" ] || kill -KILL "$EMU_PID" 2>/dev/null || true
	exit "$1"
}
trap cleanup EXIT
trap 'on_signal 130' INT
trap 'on_signal 143' TERM
trap 'on_signal 129' HUP
case $BINFMT in
private) NS=(--user --map-root-user --mount --pid --fork --kill-child) ;;
global)
	NS=(--mount --pid --fork --kill-child)
	[ -w "$GLOBAL/register" ] || die "no writable $GLOBAL/register (mount binfmt_misc there)"
	cleanup   # a stale rule of an interrupted run
	echo "$RULE" >"$GLOBAL/register" || die "binfmt_misc registration failed"
	say "registered $GLOBAL/$NAME (removed on exit)"
	;;
*) die "BENCH_EMU_BINFMT: private or global" ;;
esac
export EMU_BINFMT=$BINFMT EMU_RULE=$RULE EMU_OUT=$OUT EMU_ROOT=$ROOT EMU_JOBS=$JOBS \
	CONFIGURE_FLAGS NAME
# emu ACTION ARGS: this script inside new namespaces, on the root; in the
# background, so that a signal is handled at once (--kill-child: when
# unshare dies, the namespaces' first process gets SIGKILL, and so do all
# the others)
emu() {
	unshare "${NS[@]}" bash "$SRC/$ME" --in-namespace "$@" &
	EMU_PID=$!
	local rc=0
	wait "$EMU_PID" || rc=$?
	EMU_PID=""
	return $rc
}
[ "$(emu uname 2>"$OUT/emu-uname.log")" = aarch64 ] ||
	die "the root does not run under qemu (binfmt_misc $BINFMT), see $OUT/emu-uname.log"
EMU_GCC=$(emu gcc | head -n 1)
if [ "${BENCH_EMU_FETCH_ONLY:-0}" = 1 ]; then
	echo "fetched: $TARBALL; $ROOT ($EMU_GCC, runs under qemu-aarch64-static $QEMU_VERSION, binfmt_misc $BINFMT)"
	exit 0
fi

# ---- the builds -----------------------------------------------------------------

# unpack DIR: a fresh source tree
unpack() { rm -rf "$1"; mkdir -p "$1"; tar -xf "$TARBALL" -C "$1" --strip-components=1; }
# check DIR LABEL: every output aarch64 ELF
check() {
	local f
	for f in sqlite3 .libs/libsqlite3.so .libs/libsqlite3.a; do
		[ -e "$1/$f" ] || die "$2: no $f (see $OUT/$2.log)"
	done
	file -L "$1/sqlite3" "$1/.libs/libsqlite3.so" >"$OUT/$2.file"
	[ "$(grep -c 'ELF 64-bit LSB .*ARM aarch64' "$OUT/$2.file")" = 2 ] ||
		die "$2: not aarch64 ELF: $(cat "$OUT/$2.file")"
	"$PREFIX/bin/aarch64-linux-gnu-readelf" -h "$1/.libs/libsqlite3.a" 2>/dev/null |
		grep -q 'Machine:.*AArch64' || die "$2: libsqlite3.a is not aarch64"
}
# cross KIND LABEL: configure + make here, through the farm
BUILD_TRIPLET=""
cross() {
	local kind=$1 label=$2 dir=$OUT/$2 cc=()
	[ "$kind" = gcc12 ] && cc=(CC=aarch64-linux-gnu-gcc-12)
	unpack "$dir"
	[ -n "$BUILD_TRIPLET" ] || BUILD_TRIPLET=$(sh "$dir/config.guess")
	local env=(env -i PATH="$PREFIX/bin:/usr/local/bin:/usr/bin:/bin" HOME="$HOME" LC_ALL=C)
	# shellcheck disable=SC2206 # CONFIGURE_FLAGS: words
	local conf=(./configure --host=aarch64-linux-gnu --build="$BUILD_TRIPLET" $CONFIGURE_FLAGS
		"${cc[@]}" BUILD_CC="$PREFIX/bin/x86_64-linux-gnu-gcc")
	[ "$label" != "${kind}.1" ] ||
		echo "cross ($kind): cd <fresh $SQLITE tree> && PATH=$PREFIX/bin:\$PATH ${conf[*]} && make -j$JOBS" >>"$OUT/commands.txt"
	(
		cd "$dir"
		/usr/bin/time -f "%e %U %S" -o "$OUT/$label.time.configure" "${env[@]}" "${conf[@]}" &&
			/usr/bin/time -f "%e %U %S" -o "$OUT/$label.time.make" "${env[@]}" make -j"$JOBS"
	) >"$OUT/$label.log" 2>&1 || die "$label: the build failed, see $OUT/$label.log"
	check "$dir" "$label"
}
# emulated LABEL: configure + make in the root, under qemu
emulated() {
	local label=$1
	unpack "$ROOT/build/$label"
	[ "$label" != emu.1 ] ||
		echo "emulated: chroot $ROOT (arm64, binfmt_misc $BINFMT -> qemu-aarch64-static $QEMU_VERSION) /bin/sh -c 'cd /build/<fresh $SQLITE tree> && ./configure $CONFIGURE_FLAGS && make -j$JOBS'" >>"$OUT/commands.txt"
	emu build "$label" >"$OUT/$label.log" 2>&1 || die "$label: the build failed, see $OUT/$label.log"
	check "$ROOT/build/$label" "$label"
}
# timesof LABEL: "wall user+sys configure_wall make_wall"
timesof() {
	awk 'NR == FNR { cw = $1; cc = $2 + $3; next } { print cw + $1, cc + $2 + $3, cw, $1 }' \
		"$OUT/$1.time.configure" "$OUT/$1.time.make"
}

rm -rf "$ROOT/build"
ROOT_MB=$(du -sm "$ROOT" | cut -f1)
mkdir -p "$ROOT/build"
say "$SQLITE for aarch64: $REPS rounds of cross (ccmux, gcc-12 and default gcc) and emulated (qemu-user $QEMU_VERSION, binfmt_misc $BINFMT), make -j$JOBS"
for ((r = 1; r <= REPS; r++)); do
	order="gcc12 emu default"
	[ $((r % 2)) = 0 ] && order="emu gcc12 default"
	for k in $order; do
		l0=$(cut -d" " -f1 /proc/loadavg)
		if [ "$k" = emu ]; then
			# the previous emulated tree goes: the root holds one at a time
			[ $r = 1 ] || rm -rf "$ROOT/build/emu.$((r - 1))"
			emulated "emu.$r"
		else
			[ $r = 1 ] || rm -rf "$OUT/$k.$((r - 1))"
			cross "$k" "$k.$r"
		fi
		echo "$k $r $(timesof "$k.$r") $l0 $(cut -d" " -f1 /proc/loadavg)" >>"$OUT/times"
		say "  round $r: $k $(tail -n 1 "$OUT/times" | awk '{ printf "%.1f s (configure %.1f, make %.1f), cpu %.1f s, load %s -> %s", $3, $5, $6, $4, $7, $8 }')"
	done
done

# ---- the shells answer ---------------------------------------------------------

cp "$OUT/query.sql" "$ROOT/build/query.sql"
Q_CROSS=$(cd "$OUT/gcc12.$REPS" && "$PREFIX/bin/ccmux" run aarch64-linux-gnu ./sqlite3 <"$OUT/query.sql" 2>&1) ||
	die "the cross shell failed: $Q_CROSS"
Q_DEF=$(cd "$OUT/default.$REPS" && "$PREFIX/bin/ccmux" run aarch64-linux-gnu ./sqlite3 <"$OUT/query.sql" 2>&1) ||
	die "the cross shell (default gcc) failed: $Q_DEF"
Q_EMU=$(emu query "emu.$REPS" 2>&1) || die "the emulated shell failed: $Q_EMU"
printf '%s\n' "$Q_CROSS" >"$OUT/answer.cross"
printf '%s\n' "$Q_DEF" >"$OUT/answer.default"
printf '%s\n' "$Q_EMU" >"$OUT/answer.emulated"
[ "$(sed -n 1p "$OUT/answer.cross")" = "$ANSWER_LINE1" ] || die "the cross shell answered: $Q_CROSS"
SAME=yes
cmp -s "$OUT/answer.cross" "$OUT/answer.emulated" || SAME=no
cmp -s "$OUT/answer.cross" "$OUT/answer.default" || SAME=no

# ---- the table -----------------------------------------------------------------

best() { awk -v k="$1" -v c="$2" '$1 == k { if (m == "" || $c < m) m = $c } END { print m }' "$OUT/times"; }
at_best() { awk -v k="$1" -v c="$2" -v b="$(best "$1" 3)" '$1 == k && $3 == b { print $c; exit }' "$OUT/times"; }
all() { awk -v k="$1" '$1 == k { printf "%s%.1f", s, $3; l = l s $7; s = ", " } END { printf " s (load %s)", l }' "$OUT/times"; }
f1() { awk -v x="$1" 'BEGIN { printf "%.1f", x }'; }
mmss() { awk -v x="$1" 'BEGIN { printf "%d:%04.1f", int(x / 60), x - 60 * int(x / 60) }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1fx", a / b }'; }
W_G=$(best gcc12 3) C_G=$(best gcc12 4)
CROSS_GCC=$("$PREFIX/bin/aarch64-linux-gnu-gcc-12" -dumpfullversion 2>/dev/null || "$PREFIX/bin/aarch64-linux-gnu-gcc-12" -dumpversion)
DEF_GCC=$("$PREFIX/bin/aarch64-linux-gnu-gcc" -dumpfullversion 2>/dev/null || "$PREFIX/bin/aarch64-linux-gnu-gcc" -dumpversion)
ROWS=$OUT/rows.tsv
: >"$ROWS"
row() { printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >>"$ROWS"; }
side_row() { # KIND WHAT
	row "$2" "$(f1 "$(best "$1" 3)") s ($(mmss "$(best "$1" 3)"))" \
		"$(f1 "$(at_best "$1" 5)") + $(f1 "$(at_best "$1" 6)") s" \
		"$(f1 "$(best "$1" 4)") s" "$(all "$1")" \
		"$(ratio "$(best "$1" 3)" "$W_G") (cpu $(ratio "$(best "$1" 4)" "$C_G"))"
}
side_row gcc12 "cross, ccmux: aarch64-linux-gnu-gcc-12 (GCC $CROSS_GCC)"
side_row default "cross, ccmux: aarch64-linux-gnu-gcc (default, GCC $DEF_GCC)"
side_row emu "emulated: Debian arm64 gcc-12 ($ROOT_GCC) under qemu-user $QEMU_VERSION"
HEAD="$SQLITE for aarch64, configure + make -j$JOBS	wall, best of $REPS	configure + make	cpu (user + sys), best	every run (wall)	vs cross gcc-12"
render_table "$HEAD" "$ROWS" "$OUT"
CHECK="outputs: sqlite3, libsqlite3.so and libsqlite3.a aarch64 ELF on every side; the shells (cross under \`ccmux run aarch64-linux-gnu\`, emulated in its chroot) answer the query $( [ $SAME = yes ] && echo "the same way" || echo "DIFFERENTLY (see $OUT/answer.*)"): $(sed -n 1p "$OUT/answer.cross"); $(sed -n 2p "$OUT/answer.cross")"
LOAD_END=$(cut -d" " -f1-3 /proc/loadavg)
MACHINE="$(nproc) cores, load average $LOAD_START at the start, $LOAD_END at the end, $(uname -r)"
{
	echo
	echo "cross vs emulated build ($(date -u +%Y-%m-%dT%H:%MZ), $MACHINE)"
	echo
	cat "$OUT/table.txt"
	echo
	echo "$CHECK"
	echo
	echo "Markdown:"
	echo
	cat "$OUT/table.md"
	echo
	echo "$CHECK"
	echo
	echo "emulated: $EMU_GCC in $ROOT: $ROOT_DEBS arm64 .debs (${PKGS[*]} and their dependencies), $ROOT_MB MB unpacked; binfmt_misc rule $NAME ($BINFMT instance) -> qemu-aarch64-static $QEMU_VERSION"
	echo "made by: $INVOCATION    ($(( $(date +%s) - START )) s; raw data in $OUT)"
	echo "build commands: $OUT/commands.txt"
} | tee "$OUT/report.txt"
[ $SAME = yes ] || exit 1
