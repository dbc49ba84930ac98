# tests/real/lib.sh: helpers for the per-project scripts (sourced).
#
# A project script is run by tests/real/run.sh as
#     bash tests/real/NAME.sh TARGET
# with these in the environment:
#   CCMUX_PREFIX   the install (bin/ccmux, bin/TRIPLET-TOOL, share/ccmux/...)
#   REAL_WORK      the run's temporary directory (removed by run.sh)
#   REAL_CACHE     where source packages are downloaded to (kept)
#   REAL_JOBS      make -j
# and prints "PASS name" / "FAIL name: why" / "SKIP name: why" lines, one per
# step (name = PROJECT/TARGET/STEP); anything else it prints is detail.
set -u

P=$CCMUX_PREFIX
CCMUX=$P/bin/ccmux
T=${1:?usage: $0 TARGET}
PROJ=$(basename "$0" .sh)
JOBS=${REAL_JOBS:-2}
W=$REAL_WORK/$T/$PROJ              # this project on this target
LOGS=$REAL_WORK/logs
STAGE=$REAL_WORK/$T/stage           # DESTDIRs of every project of this target
mkdir -p "$W" "$LOGS" "$STAGE"
# the farm's x86_64 compiler for build-machine helpers (never a bare cc)
BUILD_CC=$P/bin/x86_64-linux-gnu-gcc
BUILD_TRIPLET=x86_64-pc-linux-gnu

pass() { echo "PASS $PROJ/$T/$1"; }
fail() { echo "FAIL $PROJ/$T/$1: $2"; }
skip() { echo "SKIP $PROJ/$T/$1: $2"; }

# last meaningful lines of a log, indented (shown by the runner as detail)
show_log() {
	grep -v '^[[:space:]]*$' "$1" | tail -n "${2:-15}" | sed 's/^/    | /'
}

# one line out of a log for a FAIL reason: the first error, else the last line
why_of() {
	local l
	l=$(grep -m1 -iE 'error|undefined reference|not found|failed|cannot|FAIL' "$1" ||
		tail -n 1 "$1")
	l=${l//$REAL_WORK/\$WORK}
	echo "${l:0:300}"
}

# step NAME CMD...: run CMD (in the current directory) with its output in a
# log; PASS, or FAIL with the first error line and the log's tail
step() {
	local name=$1 log="$LOGS/$PROJ-$T-${1//\//_}.log" rc
	shift
	"$@" >"$log" 2>&1
	rc=$?
	if [ $rc = 0 ]; then
		pass "$name"
		return 0
	fi
	fail "$name" "exit $rc: $(why_of "$log") (log: ${log/#$REAL_WORK/\$WORK})"
	show_log "$log"
	return 1
}

# fetch NAME[=VERSION]: the upstream tarball(s) of a Debian source package in
# REAL_CACHE; prints the path of NAME_*.orig.tar.* (the main one)
fetch() {
	local spec=$1 name=${1%%=*} f
	mkdir -p "$REAL_CACHE"
	f=$(orig_of "$name")
	if [ -z "$f" ]; then
		(cd "$REAL_CACHE" && apt-get source --download-only "$spec") \
			>"$LOGS/fetch-$name.log" 2>&1
		f=$(orig_of "$name")
	fi
	[ -n "$f" ] || return 1
	echo "$f"
}

orig_of() {
	ls "$REAL_CACHE/$1"_*.orig.tar.* 2>/dev/null | grep -v -e '\.asc$' -e '\.orig-' | head -n 1
}

# unpack NAME[=VERSION]: the pristine upstream tree, once per run for every
# target (builds are out of tree); prints its directory
unpack() {
	local name=${1%%=*} tgz dir=$REAL_WORK/src/${1%%=*} top
	if [ ! -d "$dir" ]; then
		tgz=$(fetch "$1") || return 1
		mkdir -p "$dir.tmp"
		tar -xf "$tgz" -C "$dir.tmp" || return 1
		top=$(ls "$dir.tmp")
		# several targets may unpack at once: the rename is the lock
		mv "$dir.tmp/$top" "$dir" 2>/dev/null || true
		rm -rf "$dir.tmp"
	fi
	echo "$dir"
}

# src_step NAME[=VERSION]: sets SRC or prints the FAIL line and returns 1
src_step() {
	local log=$LOGS/fetch-${1%%=*}.log
	if SRC=$(unpack "$1"); then
		return 0
	fi
	fail fetch "apt-get source --download-only $1 gave no upstream tarball: $(why_of "$log" 2>/dev/null)"
	[ -f "$log" ] && show_log "$log" 5
	return 1
}

# the ELF executables and shared objects under DIR (ET_EXEC = 2, ET_DYN = 3)
elf_files() {
	local f magic type
	find "$1" -type f | sort | while read -r f; do
		magic=$(od -An -tx1 -N4 "$f" 2>/dev/null | tr -d ' \n')
		[ "$magic" = 7f454c46 ] || continue
		type=$(od -An -tu1 -j16 -N1 "$f" | tr -d ' ')
		case "$type" in 2|3) echo "$f" ;; esac
	done
}

# audit DIR [FILE...]: `ccmux audit --target T` every installed ELF file
# under DIR; when a (static-only) install has none, the FILEs instead
audit() {
	local dir=$1 files out rc log="$LOGS/$PROJ-$T-audit.log"
	shift
	mapfile -t files < <(elf_files "$dir")
	if [ ${#files[@]} = 0 ] && [ $# -gt 0 ]; then
		echo "    no ELF installed under ${dir/#$REAL_WORK/\$WORK} (static library only): auditing $*"
		files=("$@")
	fi
	if [ ${#files[@]} = 0 ]; then
		fail audit "no ELF executable or shared object installed under ${dir/#$REAL_WORK/\$WORK}"
		return 1
	fi
	out=$("$CCMUX" audit --target "$T" "${files[@]}" 2>&1)
	rc=$?
	printf '%s\n' "$out" > "$log"
	if [ $rc = 0 ]; then
		pass "audit"
		echo "    audited ${#files[@]} files: $(printf '%s ' "${files[@]##*/}")"
		return 0
	fi
	fail audit "ccmux audit --target $T (${#files[@]} files) exit $rc: $(echo "$out" | head -n 1)"
	show_log "$log" 10
	return 1
}

# can TOOL: does ccmux have a shard for T-TOOL (prints why not)
can() {
	"$CCMUX" explain "$T-$1" -c x.c >/dev/null 2>"$W/can.err" && return 0
	head -n 1 "$W/can.err"
	return 1
}

# the export lines of `ccmux env`, with the build-machine compiler from the farm
ccmux_env() {
	eval "$("$CCMUX" env "$T")"
	export CC_FOR_BUILD=$BUILD_CC
}

# meson_setup BUILDDIR SRCDIR ARGS...: meson setup with the shipped cross
# file; when that fails on its @DIRNAME@ (meson < 1.3 does not expand it),
# the FAIL stands and the build goes on with a copy that has the absolute
# prefix, so that the rest of the project is still tested
meson_setup() {
	local b=$1 s=$2 cf=$P/share/ccmux/meson/$T.ini
	shift 2
	rm -rf "$b"
	step configure meson setup "$b" "$s" --cross-file "$cf" "$@" && return 0
	grep -q '@DIRNAME@' "$LOGS/$PROJ-$T-configure.log" || return 1
	sed "s|'@DIRNAME@'|'$(dirname "$cf")'|" "$cf" > "$W/cross-abs.ini"
	echo "    meson $(meson --version) does not expand @DIRNAME@ in $cf; going on with an absolute copy"
	rm -rf "$b"
	step configure-abs-crossfile meson setup "$b" "$s" --cross-file "$W/cross-abs.ini" "$@"
}

# cmake_project NAME CMAKE-ARGS...: SRC configured with the toolchain file
# $TC (Ninja, Release, prefix /usr) in $W/build, built, its tests run by
# ctest, installed into $STAGE/NAME and audited; 1 when a step it needs failed
cmake_project() {
	local name=$1
	shift
	mkdir -p "$W/build" && cd "$W/build" || return 1
	step configure cmake -S "$SRC" -B . -G Ninja -DCMAKE_TOOLCHAIN_FILE="$TC" \
		-DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr "$@" || return 1
	step build cmake --build . -j "$JOBS" || return 1
	step ctest ctest --output-on-failure -j "$JOBS"
	step install env DESTDIR="$STAGE/$name" cmake --install . || return 1
	audit "$STAGE/$name"
}
