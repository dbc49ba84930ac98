#!/usr/bin/env bash
# t_explain.sh: golden `ccmux explain` lines for each target x compiler
# family, against a fake root (so the lines do not depend on this machine's
# package versions).  $R stands for the fake root.  Each case also runs the
# name for real and checks that the fake compiler received the same argv.
. "$(dirname "$0")/lib.sh"
make_prefix --bare
make_fake_root "$T/root" <<'EOF'
x86_64-linux-gnu gcc-4.8.5 gcc,g++,cpp
x86_64-linux-gnu gcc-12.2.0 gcc,g++,gfortran,cpp
x86_64-linux-gnu binutils-2.40 ar,ld,nm,strip
x86_64-linux-gnu clang-16.0.6 clang,clang++,ld.lld
x86_64-linux-gnu sysroot 2.17
aarch64-linux-gnu gcc-11.3.0 gcc,g++,gfortran,cpp
aarch64-linux-gnu binutils-2.40 ar,ld
aarch64-linux-gnu sysroot
armv7l-linux-gnueabihf gcc-12.2.0 gcc,g++,gfortran,cpp
armv7l-linux-gnueabihf sysroot
x86_64-linux-musl gcc-12.2.0 gcc,g++,gfortran,cpp
x86_64-linux-musl binutils-2.40 ar
x86_64-linux-musl sysroot
i686-linux-gnu gcc-12.2.0 gcc,g++,gfortran,cpp
i686-linux-gnu sysroot
powerpc64le-linux-gnu gcc-11.3.0 gcc,g++,gfortran,cpp
powerpc64le-linux-gnu sysroot
aarch64-linux-musl gcc-12.2.0 gcc,cpp
aarch64-linux-musl sysroot
x86_64-w64-mingw32 gcc-12.2.0 gcc,g++,gfortran,cpp
x86_64-w64-mingw32 binutils-2.40 windres,dlltool,ar
x86_64-w64-mingw32 sysroot
i686-w64-mingw32 gcc-12.2.0 gcc,g++
EOF
export CCMUX_ROOT=$T/root FAKE_LOG=$T/fake.log
R=$T/root
X=$R/x86_64-linux-gnu
XS=$X/x86_64-linux-gnu/sys-root
A=$R/aarch64-linux-gnu
AS=$A/aarch64-linux-gnu/sys-root
V=$R/armv7l-linux-gnueabihf
VS=$V/armv7l-linux-gnueabihf/sys-root
M=$R/x86_64-linux-musl
MS=$M/x86_64-linux-musl/sys-root
XINC="-nostdinc -isystem $X/gcc-4.8.5/lib/gcc/x86_64-linux-gnu/4.8.5/include -isystem $X/gcc-4.8.5/lib/gcc/x86_64-linux-gnu/4.8.5/include-fixed -isystem $XS/usr/include"
XCXX="-nostdinc -isystem $X/gcc-4.8.5/x86_64-linux-gnu/include/c++/4.8.5 -isystem $X/gcc-4.8.5/x86_64-linux-gnu/include/c++/4.8.5/x86_64-linux-gnu -isystem $X/gcc-4.8.5/x86_64-linux-gnu/include/c++/4.8.5/backward -isystem $X/gcc-4.8.5/lib/gcc/x86_64-linux-gnu/4.8.5/include -isystem $X/gcc-4.8.5/lib/gcc/x86_64-linux-gnu/4.8.5/include-fixed -isystem $XS/usr/include"
minc() { echo "-nostdinc -isystem $1/$2/sys-root/usr/include -isystem $1/gcc-12.2.0/lib/gcc/$2/12.2.0/include"; }
mlink() { echo "-B$1/gcc-12.2.0/$2/lib/ -L$1/gcc-12.2.0/$2/lib -Wl,-rpath-link,$1/gcc-12.2.0/$2/lib -Wl,--eh-frame-hdr"; }
xlink() { echo "-B$XS/usr/lib64/ -L$XS/usr/lib64 -L$XS/lib64 -L$X/gcc-$1/x86_64-linux-gnu/lib64 -Wl,-rpath-link,$XS/lib64:$XS/usr/lib64:$X/gcc-$1/x86_64-linux-gnu/lib64"; }
VCXX="-nostdinc -isystem $V/gcc-12.2.0/armv7l-linux-gnueabihf/include/c++/12.2.0 -isystem $V/gcc-12.2.0/armv7l-linux-gnueabihf/include/c++/12.2.0/armv7l-linux-gnueabihf -isystem $V/gcc-12.2.0/armv7l-linux-gnueabihf/include/c++/12.2.0/backward -isystem $V/gcc-12.2.0/lib/gcc/armv7l-linux-gnueabihf/12.2.0/include -isystem $V/gcc-12.2.0/lib/gcc/armv7l-linux-gnueabihf/12.2.0/include-fixed -isystem $VS/usr/include"
CL=$X/clang-16.0.6/bin
I=$R/i686-linux-gnu
IS=$I/i686-linux-gnu/sys-root
Q=$R/powerpc64le-linux-gnu
QS=$Q/powerpc64le-linux-gnu/sys-root
AM=$R/aarch64-linux-musl
AMS=$AM/aarch64-linux-musl/sys-root
W=$R/x86_64-w64-mingw32
WS=$W/x86_64-w64-mingw32/sys-root
W32=$R/i686-w64-mingw32

# NAME ARGS | EXPECTED ARGV
while IFS='|' read -r call want; do
	[ -n "$call" ] || continue
	want=$(eval "echo $want")
	set -- $call
	envs=()
	while [[ "$1" == *=* ]]; do envs+=("$1"); shift; done
	name=$1; shift
	got=$(env "${envs[@]}" "$P/bin/ccmux" explain "$name" "$@" 2>&1)
	check "explain $call" "$want" "$got"
	farm "$name"
	rm -f "$FAKE_LOG"
	(cd "$T" && env "${envs[@]}" "$P/bin/$name" "$@") >/dev/null 2>&1
	check "runs $call" "$want" "$(fake_argv 2>/dev/null)"
done <<'EOF'
x86_64-linux-gnu-gcc -c a.c|$X/gcc-4.8.5/bin/x86_64-linux-gnu-gcc --sysroot=$XS -c a.c $XINC
x86_64-linux-gnu-gcc a.c -o a|$X/gcc-4.8.5/bin/x86_64-linux-gnu-gcc --sysroot=$XS a.c -o a $XINC $(xlink 4.8.5) -Wl,--build-id
x86_64-linux-gnu-cc -E a.c|$X/gcc-4.8.5/bin/x86_64-linux-gnu-gcc --sysroot=$XS -E a.c $XINC
x86_64-linux-gnu-cpp a.c|$X/gcc-4.8.5/bin/x86_64-linux-gnu-cpp --sysroot=$XS a.c $XINC
x86_64-linux-gnu-g++ a.cc -o a|$X/gcc-4.8.5/bin/x86_64-linux-gnu-g++ --sysroot=$XS a.cc -o a $XCXX $(xlink 4.8.5) -Wl,--build-id -pthread
x86_64-linux-gnu-gcc a.cpp -o a|$X/gcc-4.8.5/bin/x86_64-linux-gnu-gcc --sysroot=$XS a.cpp -o a $XCXX $(xlink 4.8.5) -Wl,--build-id -pthread
x86_64-linux-gnu-g++-12 a.cc -o a|$X/gcc-12.2.0/bin/x86_64-linux-gnu-g++ --sysroot=$XS a.cc -o a $(echo "$XCXX" | sed 's/4\.8\.5/12.2.0/g') $(xlink 12.2.0) -Wl,--build-id -pthread -static-libstdc++ -Wl,--exclude-libs,libstdc++.a:libsupc++.a:libgfortran.a:libquadmath.a
CCMUX_CXX_RUNTIME=shared x86_64-linux-gnu-g++-12 a.cc -o a|$X/gcc-12.2.0/bin/x86_64-linux-gnu-g++ --sysroot=$XS a.cc -o a $(echo "$XCXX" | sed 's/4\.8\.5/12.2.0/g') $(xlink 12.2.0) -Wl,--build-id -pthread
CCMUX_CXX_RUNTIME=static x86_64-linux-gnu-g++ a.cc -o a|$X/gcc-4.8.5/bin/x86_64-linux-gnu-g++ --sysroot=$XS a.cc -o a $XCXX $(xlink 4.8.5) -Wl,--build-id -pthread -static-libstdc++ -Wl,--exclude-libs,libstdc++.a:libsupc++.a:libgfortran.a:libquadmath.a
x86_64-linux-gnu-g++ -std=c++17 a.cc -o a|$X/gcc-12.2.0/bin/x86_64-linux-gnu-g++ --sysroot=$XS -std=c++17 a.cc -o a $(echo "$XCXX" | sed 's/4\.8\.5/12.2.0/g') $(xlink 12.2.0) -Wl,--build-id -pthread -static-libstdc++ -Wl,--exclude-libs,libstdc++.a:libsupc++.a:libgfortran.a:libquadmath.a
x86_64-linux-gnu-gcc --version|$X/gcc-4.8.5/bin/x86_64-linux-gnu-gcc --version
x86_64-linux-gnu-gcc -dumpmachine|$X/gcc-4.8.5/bin/x86_64-linux-gnu-gcc -dumpmachine
x86_64-linux-gnu-gcc -print-file-name=crt1.o|$X/gcc-4.8.5/bin/x86_64-linux-gnu-gcc --sysroot=$XS -print-file-name=crt1.o $XINC $(xlink 4.8.5)
x86_64-linux-gnu-gcc -nostdinc -c a.c|$X/gcc-4.8.5/bin/x86_64-linux-gnu-gcc --sysroot=$XS -nostdinc -c a.c
x86_64-linux-gnu-gfortran a.f90|$X/gcc-12.2.0/bin/x86_64-linux-gnu-gfortran --sysroot=$XS a.f90 $(xlink 12.2.0) -Wl,--build-id -static-libgfortran -Wl,-Bstatic,-lgfortran,-lquadmath,-Bdynamic -Wl,--exclude-libs,libstdc++.a:libsupc++.a:libgfortran.a:libquadmath.a
x86_64-linux-gnu-gcc-12 -c a.c|$X/gcc-12.2.0/bin/x86_64-linux-gnu-gcc --sysroot=$XS -c a.c -nostdinc -isystem $X/gcc-12.2.0/lib/gcc/x86_64-linux-gnu/12.2.0/include -isystem $X/gcc-12.2.0/lib/gcc/x86_64-linux-gnu/12.2.0/include-fixed -isystem $XS/usr/include
x86_64-linux-gnu-cxx03-g++ -c a.cc|$X/gcc-4.8.5/bin/x86_64-linux-gnu-g++ -D_GLIBCXX_USE_CXX11_ABI=0 --sysroot=$XS -c a.cc $XCXX
x86_64-linux-gnu-ar rcs x.a a.o|$X/binutils-2.40/bin/x86_64-linux-gnu-ar rcs x.a a.o
x86_64-linux-gnu-clang a.c|$CL/clang --target=x86_64-linux-gnu --sysroot=$XS --gcc-install-dir=$X/gcc-4.8.5/lib/gcc/x86_64-linux-gnu/4.8.5 a.c -L$X/gcc-4.8.5/x86_64-linux-gnu/lib64 -Wl,-rpath-link,$X/gcc-4.8.5/x86_64-linux-gnu/lib64 -fuse-ld=lld -rtlib=libgcc -unwindlib=libgcc -Wl,--build-id
x86_64-linux-gnu-clang --version|$CL/clang --target=x86_64-linux-gnu --version
x86_64-linux-gnu-ld.lld --version|$CL/ld.lld --version
aarch64-linux-gnu-gcc -c a.c|$A/gcc-11.3.0/bin/aarch64-linux-gnu-gcc --sysroot=$AS -c a.c -nostdinc -isystem $A/gcc-11.3.0/lib/gcc/aarch64-linux-gnu/11.3.0/include -isystem $A/gcc-11.3.0/lib/gcc/aarch64-linux-gnu/11.3.0/include-fixed -isystem $AS/usr/include
aarch64-linux-gnu-gfortran -c a.f90|$A/gcc-11.3.0/bin/aarch64-linux-gnu-gfortran --sysroot=$AS -c a.f90
aarch64-linux-gnu-clang++ -c a.cc|$CL/clang++ --target=aarch64-linux-gnu --sysroot=$AS --gcc-install-dir=$A/gcc-11.3.0/lib/gcc/aarch64-linux-gnu/11.3.0 -stdlib=libstdc++ -c a.cc
aarch64-linux-gnu-ld -o x a.o|$A/binutils-2.40/bin/aarch64-linux-gnu-ld -o x a.o
armv7l-linux-gnueabihf-cxx11-g++ -c a.cc|$V/gcc-12.2.0/bin/armv7l-linux-gnueabihf-g++ -D_GLIBCXX_USE_CXX11_ABI=1 --sysroot=$VS -c a.cc $VCXX
arm-linux-gnueabihf-g++ -c a.cc|$V/gcc-12.2.0/bin/armv7l-linux-gnueabihf-g++ --sysroot=$VS -c a.cc $VCXX
armv7l-linux-gnueabihf-clang -c a.c|$CL/clang --target=armv7a-linux-gnueabihf --sysroot=$VS --gcc-install-dir=$V/gcc-12.2.0/lib/gcc/armv7l-linux-gnueabihf/12.2.0 -c a.c
x86_64-linux-musl-gcc a.c -o a|$M/gcc-12.2.0/bin/x86_64-linux-musl-gcc --sysroot=$MS -specs=$MS/usr/lib/ccmux.specs a.c -o a $(minc $M x86_64-linux-musl) $(mlink $M x86_64-linux-musl) -Wl,--build-id -static
x86_64-linux-musl-gcc -shared a.c -o a.so|$M/gcc-12.2.0/bin/x86_64-linux-musl-gcc --sysroot=$MS -specs=$MS/usr/lib/ccmux.specs -shared a.c -o a.so $(minc $M x86_64-linux-musl) $(mlink $M x86_64-linux-musl) -Wl,--build-id
x86_64-linux-musl-gcc -c a.c|$M/gcc-12.2.0/bin/x86_64-linux-musl-gcc --sysroot=$MS -c a.c $(minc $M x86_64-linux-musl)
x86_64-linux-musl-gcc a.o libz.so.1 -o a|$M/gcc-12.2.0/bin/x86_64-linux-musl-gcc --sysroot=$MS -specs=$MS/usr/lib/ccmux.specs a.o libz.so.1 -o a $(minc $M x86_64-linux-musl) $(mlink $M x86_64-linux-musl) -Wl,--build-id
x86_64-linux-musl-g++ -c a.cc|$M/gcc-12.2.0/bin/x86_64-linux-musl-g++ --sysroot=$MS -c a.cc -nostdinc -isystem $M/gcc-12.2.0/x86_64-linux-musl/include/c++/12.2.0 -isystem $M/gcc-12.2.0/x86_64-linux-musl/include/c++/12.2.0/x86_64-linux-musl -isystem $M/gcc-12.2.0/x86_64-linux-musl/include/c++/12.2.0/backward -isystem $MS/usr/include -isystem $M/gcc-12.2.0/lib/gcc/x86_64-linux-musl/12.2.0/include
x86_64-linux-musl-gfortran a.f90|$M/gcc-12.2.0/bin/x86_64-linux-musl-gfortran --sysroot=$MS -specs=$MS/usr/lib/ccmux.specs a.f90 -fintrinsic-modules-path $M/gcc-12.2.0/lib/gcc/x86_64-linux-musl/12.2.0/finclude $(mlink $M x86_64-linux-musl) -Wl,--build-id -static
x86_64-linux-musl-clang a.c|$CL/clang --target=x86_64-linux-musl --sysroot=$MS --gcc-install-dir=$M/gcc-12.2.0/lib/gcc/x86_64-linux-musl/12.2.0 a.c -L$M/gcc-12.2.0/x86_64-linux-musl/lib -Wl,-rpath-link,$M/gcc-12.2.0/x86_64-linux-musl/lib -fuse-ld=lld -rtlib=libgcc -unwindlib=libgcc -Wl,--build-id -static
x86_64-linux-musl-ar rcs x.a a.o|$M/binutils-2.40/bin/x86_64-linux-musl-ar rcs x.a a.o
i686-linux-gnu-gcc a.c -o a|$I/gcc-12.2.0/bin/i686-linux-gnu-gcc --sysroot=$IS a.c -o a -nostdinc -isystem $I/gcc-12.2.0/lib/gcc/i686-linux-gnu/12.2.0/include -isystem $I/gcc-12.2.0/lib/gcc/i686-linux-gnu/12.2.0/include-fixed -isystem $IS/usr/include -B$IS/usr/lib/ -L$IS/usr/lib -L$IS/lib -L$I/gcc-12.2.0/i686-linux-gnu/lib -Wl,-rpath-link,$IS/lib:$IS/usr/lib:$I/gcc-12.2.0/i686-linux-gnu/lib -Wl,--build-id
i386-linux-gnu-gfortran -c a.f90|$I/gcc-12.2.0/bin/i686-linux-gnu-gfortran --sysroot=$IS -c a.f90
i686-linux-gnu-clang -c a.c|$CL/clang --target=i686-linux-gnu --sysroot=$IS --gcc-install-dir=$I/gcc-12.2.0/lib/gcc/i686-linux-gnu/12.2.0 -c a.c
powerpc64le-linux-gnu-gcc a.c -o a|$Q/gcc-11.3.0/bin/powerpc64le-linux-gnu-gcc --sysroot=$QS a.c -o a -nostdinc -isystem $Q/gcc-11.3.0/lib/gcc/powerpc64le-linux-gnu/11.3.0/include -isystem $Q/gcc-11.3.0/lib/gcc/powerpc64le-linux-gnu/11.3.0/include-fixed -isystem $QS/usr/include -B$QS/usr/lib64/ -L$QS/usr/lib64 -L$QS/lib64 -L$Q/gcc-11.3.0/powerpc64le-linux-gnu/lib64 -Wl,-rpath-link,$QS/lib64:$QS/usr/lib64:$Q/gcc-11.3.0/powerpc64le-linux-gnu/lib64 -Wl,--build-id
ppc64le-linux-gnu-clang++ -c a.cc|$CL/clang++ --target=powerpc64le-linux-gnu --sysroot=$QS --gcc-install-dir=$Q/gcc-11.3.0/lib/gcc/powerpc64le-linux-gnu/11.3.0 -stdlib=libstdc++ -c a.cc
aarch64-linux-musl-gcc a.c -o a|$AM/gcc-12.2.0/bin/aarch64-linux-musl-gcc --sysroot=$AMS -specs=$AMS/usr/lib/ccmux.specs a.c -o a $(minc $AM aarch64-linux-musl) $(mlink $AM aarch64-linux-musl) -Wl,--build-id -static
CCMUX_STATIC=0 aarch64-linux-musl-gcc a.c -o a|$AM/gcc-12.2.0/bin/aarch64-linux-musl-gcc --sysroot=$AMS -specs=$AMS/usr/lib/ccmux.specs a.c -o a $(minc $AM aarch64-linux-musl) $(mlink $AM aarch64-linux-musl) -Wl,--build-id
aarch64-linux-musl-clang a.c|$CL/clang --target=aarch64-linux-musl --sysroot=$AMS --gcc-install-dir=$AM/gcc-12.2.0/lib/gcc/aarch64-linux-musl/12.2.0 a.c -L$AM/gcc-12.2.0/aarch64-linux-musl/lib -Wl,-rpath-link,$AM/gcc-12.2.0/aarch64-linux-musl/lib -fuse-ld=lld -rtlib=libgcc -unwindlib=libgcc -Wl,--build-id -static
x86_64-w64-mingw32-gcc a.c -o a.exe|$W/gcc-12.2.0/bin/x86_64-w64-mingw32-gcc -DWINVER=0x0601 -D_WIN32_WINNT=0x0601 a.c -o a.exe -Wl,--no-insert-timestamp -static
x86_64-w64-mingw32-g++ -c a.cc -D_WIN32_WINNT=0x0A00|$W/gcc-12.2.0/bin/x86_64-w64-mingw32-g++ -c a.cc -D_WIN32_WINNT=0x0A00
CCMUX_STATIC=0 x86_64-w64-mingw32-gcc -shared a.c -o a.dll|$W/gcc-12.2.0/bin/x86_64-w64-mingw32-gcc -DWINVER=0x0601 -D_WIN32_WINNT=0x0601 -shared a.c -o a.dll -Wl,--no-insert-timestamp
x86_64-w64-mingw32-gfortran a.f90|$W/gcc-12.2.0/bin/x86_64-w64-mingw32-gfortran -DWINVER=0x0601 -D_WIN32_WINNT=0x0601 a.f90 -Wl,--no-insert-timestamp -static
x86_64-w64-mingw32-clang++ a.cc|$CL/clang++ --target=x86_64-w64-windows-gnu --sysroot=$WS -DWINVER=0x0601 -D_WIN32_WINNT=0x0601 -nostdinc++ -isystem $W/gcc-12.2.0/x86_64-w64-mingw32/include/c++/12.2.0 -isystem $W/gcc-12.2.0/x86_64-w64-mingw32/include/c++/12.2.0/x86_64-w64-mingw32 -isystem $W/gcc-12.2.0/x86_64-w64-mingw32/include/c++/12.2.0/backward a.cc -L$W/gcc-12.2.0/lib/gcc/x86_64-w64-mingw32/12.2.0 -lpthread -fuse-ld=lld -Wl,--no-insert-timestamp -static
x86_64-w64-mingw32-windres a.rc a.o|$W/binutils-2.40/bin/x86_64-w64-mingw32-windres a.rc a.o
i686-w64-mingw32-g++ -c a.cc|$W32/gcc-12.2.0/bin/i686-w64-mingw32-g++ -DWINVER=0x0601 -D_WIN32_WINNT=0x0601 -c a.cc
EOF
