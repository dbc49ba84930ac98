# tests/lib.sh: helpers for the t_*.sh tests (sourced).
#   T          a temporary directory, removed on exit
#   P          a test prefix: P/bin/ccmux is this build, P/opt the installed
#              shards, P/share the installed CMake/meson files
#   pass NAME; fail NAME WHY; skip NAME WHY
#   check NAME EXPECTED ACTUAL     pass when equal, else fail with both
#   farm NAME...                   make P/bin/NAME links to ccmux
set -u
# the flags a make invocation exports (`make check-asan` passes
# CFLAGS/LDFLAGS=-fsanitize=... for ccmux itself) must not reach the
# compilers and build systems the tests drive
unset CFLAGS CXXFLAGS CPPFLAGS FFLAGS FCFLAGS LDFLAGS LDLIBS
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
P=$T/prefix

pass() { echo "PASS $1"; }
fail() { echo "FAIL $1: $2"; }
skip() { echo "SKIP $1: $2"; }

check() {
	if [ "$2" = "$3" ]; then
		pass "$1"
	else
		fail "$1" "expected [$2] got [$3]"
	fi
}

need_install() {
	if [ ! -x "$CCMUX_PREFIX/bin/ccmux" ] || [ ! -d "$CCMUX_PREFIX/opt" ]; then
		fail "${0##*/}" "no install at $CCMUX_PREFIX: run ./install.sh --prefix DIR first"
		exit 0
	fi
}

# make_prefix [--bare | --gcc "VERSIONS"]: --bare leaves out the installed
# shards, --gcc keeps only the GCC shards of those versions
make_prefix() {
	local d e
	mkdir -p "$P/bin"
	cp "$CCMUX_BIN" "$P/bin/ccmux"
	[ "${1:-}" = --bare ] && return 0
	if [ "${1:-}" = --gcc ]; then
		# only the install's GCC shards of the versions named in $2 (a test
		# whose answers are written for those: the install may have more)
		for d in "$CCMUX_PREFIX"/opt/*/; do
			d=${d%/}
			mkdir -p "$P/opt/${d##*/}"
			for e in "$d"/* "$d"/.[!.]*; do
				[ -e "$e" ] || continue
				case ${e##*/} in
				gcc-*) case " $2 " in *" ${e##*/gcc-} "*) ;; *) continue ;; esac ;;
				esac
				ln -s "$e" "$P/opt/${d##*/}/${e##*/}"
			done
		done
	elif [ -d "$CCMUX_PREFIX/opt" ]; then
		ln -s "$CCMUX_PREFIX/opt" "$P/opt"
	fi
	[ -d "$CCMUX_PREFIX/share" ] && ln -s "$CCMUX_PREFIX/share" "$P/share"
	return 0
}

farm() {
	local n
	for n in "$@"; do
		ln -sfn ccmux "$P/bin/$n"
	done
}

# the fake compiler: records its argv (NUL-separated) in $FAKE_LOG
build_fake() {
	[ -x "$T/fakecc" ] || musl-gcc -static -Os -o "$T/fakecc" "$CCMUX_SRC/tests/fake/fakecc.c"
}

# a fake root: each line "TDIR SHARD TOOLS" makes ROOT/TDIR/SHARD/bin/TDIR-TOOL
# (or bin/TOOL for clang) as copies of fakecc; "TDIR sysroot [2.X]" makes
# ROOT/TDIR/TDIR/sys-root with usr/include (and a features.h of glibc 2.X)
make_fake_root() {
	local root=$1 tdir shard tools t
	build_fake
	mkdir -p "$root"
	while read -r tdir shard tools; do
		[ -n "$tdir" ] || continue
		if [ "$shard" = sysroot ]; then
			mkdir -p "$root/$tdir/$tdir/sys-root/usr/include"
			[ -z "$tools" ] || printf '#define __GLIBC__ 2\n#define __GLIBC_MINOR__ %s\n' \
				"${tools#2.}" > "$root/$tdir/$tdir/sys-root/usr/include/features.h"
			continue
		fi
		mkdir -p "$root/$tdir/$shard/bin"
		for t in ${tools//,/ }; do
			case "$shard" in
			clang-*) cp "$T/fakecc" "$root/$tdir/$shard/bin/$t" ;;
			*) cp "$T/fakecc" "$root/$tdir/$shard/bin/$tdir-$t" ;;
			esac
		done
	done
}

# the arguments the fake compiler received in its last call, space-joined
fake_argv() {
	tail -n 1 "$FAKE_LOG" | tr '\0' ' ' | sed 's/ $//'
}
