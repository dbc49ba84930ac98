#!/usr/bin/env bash
# t_compat.sh: the compat rules (issue 3) as a table.  The installed shards
# of three GCCs (4.8.5 without gfortran, 11.3.0 with Debian's runtime, which
# needs glibc 2.36, and 12.2.0 with its runtime built for the target's floor:
# 2.17, armv7l's 2.19; the install's other GCCs are left out) plus fake
# ones for the GCC versions that cannot be installed here (5.2.0, 6.1.0,
# 7.1.0, 8.1.0, and 9.1.0 whose runtime is marked as needing glibc 2.36)
# under a CCMUX_ROOT searched first.  Each case checks what `ccmux explain` says
# (chosen GCC, injected define, or the refusal), and for a fake shard also
# what the compiler really received.
. "$(dirname "$0")/lib.sh"
need_install
make_prefix --gcc "4.8.5 11.3.0 12.2.0"
make_fake_root "$T/fake" <<'X'
x86_64-linux-gnu gcc-5.2.0 gcc,g++,gfortran,cpp
x86_64-linux-gnu gcc-6.1.0 gcc,g++,gfortran,cpp
x86_64-linux-gnu gcc-7.1.0 gcc,g++,gfortran,cpp
x86_64-linux-gnu gcc-8.1.0 gcc,g++,gfortran,cpp
x86_64-linux-gnu gcc-9.1.0 gcc,g++,gfortran,cpp
X
# the fake 9.1.0's runtime needs glibc 2.36, above the 2.17 floor
ln -s 2.36 "$T/fake/x86_64-linux-gnu/gcc-9.1.0/runtime-glibc"
export FAKE_LOG=$T/fake.log
cd "$T"
printf -- '-O2 -D_GLIBCXX_USE_CXX11_ABI=1\n' > abi1.rsp

# the GCC version a command line uses: the shard of argv[0], or clang's
# --gcc-install-dir
gcc_of() {
	sed -n 's|.*--gcc-install-dir=[^ ]*/gcc-\([0-9.]*\)/.*|\1|p; t; s|^\([^ ]*/\)\{0,1\}[^ ]*/gcc-\([0-9.]*\)/bin/.*|\2|p'
}

# the define ccmux injected (before the user's arguments, which all begin
# with -c in the table), or "none"
define_of() {
	local d
	d=$(sed 's/ -c .*//' | grep -o -- '-D_GLIBCXX_USE_CXX11_ABI=[01]')
	echo "${d:-none}"
}

# ENV|NAME ARGS|WANT: "VERSION DEFINE" or "refuse: MESSAGE SUBSTRING"
while IFS='|' read -r envs call want; do
	[ -n "$call" ] || continue
	label="${envs:+$envs }$call"
	set -- $call
	name=$1; shift
	out=$(env CCMUX_ROOT="$T/fake" $envs "$P/bin/ccmux" explain "$name" "$@" 2>&1)
	rc=$?
	case "$want" in
	refuse:*)
		msg=${want#refuse: }
		if [ $rc = 2 ] && [ "$(echo "$out" | wc -l)" = 1 ] && [[ "$out" == *"$msg"* ]]; then
			pass "$label"
		else
			fail "$label" "want exit 2 and [$msg], got $rc [$out]"
		fi
		continue ;;
	esac
	[ $rc = 0 ] || { fail "$label" "exit $rc: $out"; continue; }
	check "$label" "$want" "$(echo "$out" | gcc_of) $(echo "$out" | define_of)"
	# a fake shard: run the real command and compare what it received
	case "$out" in
	"$T/fake/"*)
		farm "$name"
		rm -f "$FAKE_LOG"
		env CCMUX_ROOT="$T/fake" $envs "$P/bin/$name" "$@" >/dev/null 2>&1
		check "$label (received)" "$out" "$(fake_argv)" ;;
	esac
done <<'X'
|x86_64-linux-gnu-gcc -c a.c|4.8.5 none
|x86_64-linux-gnu-g++ -c a.cc|4.8.5 none
|x86_64-linux-gnu-gfortran -c a.f90|5.2.0 none
|x86_64-linux-gnu-libgfortran3-gfortran -c a.f90|5.2.0 none
|x86_64-linux-gnu-libgfortran3-gcc -c a.c|4.8.5 none
|x86_64-linux-gnu-libgfortran3-g++ -c a.cc|4.8.5 none
|x86_64-linux-gnu-libgfortran4-gfortran -c a.f90|7.1.0 none
|x86_64-linux-gnu-libgfortran4-gcc -c a.c|7.1.0 none
|x86_64-linux-gnu-libgfortran5-gfortran -c a.f90|8.1.0 none
|x86_64-linux-gnu-libgfortran5-g++ -c a.cc|8.1.0 none
|x86_64-linux-gnu-cxx03-g++ -c a.cc|4.8.5 -D_GLIBCXX_USE_CXX11_ABI=0
|x86_64-linux-gnu-cxx11-g++ -c a.cc|5.2.0 -D_GLIBCXX_USE_CXX11_ABI=1
|x86_64-linux-gnu-cxx03-gcc -c a.c|4.8.5 -D_GLIBCXX_USE_CXX11_ABI=0
|x86_64-linux-gnu-libgfortran3-cxx11-g++ -c a.cc|5.2.0 -D_GLIBCXX_USE_CXX11_ABI=1
|x86_64-linux-gnu-libgfortran3-cxx11-gfortran -c a.f90|5.2.0 -D_GLIBCXX_USE_CXX11_ABI=1
|x86_64-linux-gnu-libgfortran3-cxx03-gfortran -c a.f90|5.2.0 -D_GLIBCXX_USE_CXX11_ABI=0
|x86_64-linux-gnu-libgfortran5-cxx03-gfortran -c a.f90|8.1.0 -D_GLIBCXX_USE_CXX11_ABI=0
|x86_64-linux-gnu-gcc7-cxx11-g++ -c a.cc|7.1.0 -D_GLIBCXX_USE_CXX11_ABI=1
|x86_64-linux-gnu-gcc4-g++ -c a.cc|4.8.5 none
|x86_64-linux-gnu-gcc8-gfortran -c a.f90|8.1.0 none
|x86_64-linux-gnu-gcc-12 -c a.c|12.2.0 none
|x86_64-linux-gnu-gcc-11 -c a.c|11.3.0 none
|x86_64-linux-gnu-g++-6 -c a.cc|6.1.0 none
|x86_64-linux-gnu-g++-9 -c a.cc|8.1.0 none
|x86_64-linux-gnu-gcc-9 -c a.c|9.1.0 none
|x86_64-linux-gnu-gfortran-9 -c a.f90|8.1.0 none
|x86_64-linux-gnu-gcc-10 -c a.c|9.1.0 none
|x86_64-linux-gnu-g++-10 -c a.cc|8.1.0 none
|x86_64-linux-gnu-g++-12 -c a.cc|12.2.0 none
|x86_64-linux-gnu-g++-11 -c a.cc|12.2.0 none
|x86_64-linux-gnu-gfortran-11 -c a.f90|12.2.0 none
|armv7l-linux-gnueabihf-cxx11-g++ -c a.cc|12.2.0 -D_GLIBCXX_USE_CXX11_ABI=1
|armv7l-linux-gnueabihf-gfortran-12 -c a.f90|12.2.0 none
|armv7l-linux-gnueabihf-g++-10 -c a.cc|12.2.0 none
|x86_64-linux-gnu-libgfortran3-g++-12 -c a.cc|6.1.0 none
|x86_64-linux-gnu-libgfortran5-g++-4 -c a.cc|8.1.0 none
|x86_64-linux-gnu-cxx11-g++-4 -c a.cc|5.2.0 -D_GLIBCXX_USE_CXX11_ABI=1
|x86_64-linux-gnu-libgfortran4-gfortran-12 -c a.f90|7.1.0 none
|x86_64-linux-gnu-gcc-4.8 -c a.c|4.8.5 none
|x86_64-linux-gnu-gcc-12.1 -c a.c|12.2.0 none
CCMUX_GCC_VERSION=12|x86_64-linux-gnu-gcc -c a.c|12.2.0 none
CCMUX_GCC_VERSION=11.3|x86_64-linux-gnu-gcc -c a.c|11.3.0 none
CCMUX_GCC_VERSION=6.1.0|x86_64-linux-gnu-libgfortran5-gfortran -c a.f90|8.1.0 none
CCMUX_GCC_VERSION=7|x86_64-linux-gnu-gcc-12 -c a.c|12.2.0 none
CCMUX_GCC_VERSION=7|x86_64-linux-gnu-cxx03-g++ -c a.cc|7.1.0 -D_GLIBCXX_USE_CXX11_ABI=0
CCMUX_GCC_VERSION=abc|x86_64-linux-gnu-gcc -c a.c|refuse: CCMUX_GCC_VERSION='abc' is not a version
|x86_64-linux-gnu-libgfortran6-gfortran -c a.f90|refuse: unknown tag 'libgfortran6'
|x86_64-linux-gnu-cxx03-g++ -c a.cc -D_GLIBCXX_USE_CXX11_ABI=1|refuse: -D_GLIBCXX_USE_CXX11_ABI=1 contradicts the cxx03 tag
|x86_64-linux-gnu-cxx11-g++ -c a.cc -D_GLIBCXX_USE_CXX11_ABI=0|refuse: -D_GLIBCXX_USE_CXX11_ABI=0 contradicts the cxx11 tag
|x86_64-linux-gnu-cxx11-g++ -c a.cc -D _GLIBCXX_USE_CXX11_ABI=0|refuse: contradicts the cxx11 tag
|x86_64-linux-gnu-cxx03-g++ -c a.cc -U_GLIBCXX_USE_CXX11_ABI|refuse: -U_GLIBCXX_USE_CXX11_ABI contradicts the cxx03 tag
|x86_64-linux-gnu-cxx03-g++ -c a.cc @abi1.rsp|refuse: -D_GLIBCXX_USE_CXX11_ABI=1 contradicts the cxx03 tag
|x86_64-linux-gnu-cxx11-g++ -c a.cc -D_GLIBCXX_USE_CXX11_ABI=1|5.2.0 -D_GLIBCXX_USE_CXX11_ABI=1
|x86_64-linux-gnu-g++ -c a.cc -D_GLIBCXX_USE_CXX11_ABI=1|4.8.5 none
|x86_64-linux-gnu-cxx11-clang++ -c a.cc|5.2.0 -D_GLIBCXX_USE_CXX11_ABI=1
|x86_64-linux-gnu-libgfortran4-clang -c a.c|7.1.0 none
|aarch64-linux-gnu-gfortran -c a.f90|12.2.0 none
|aarch64-linux-gnu-gfortran-11 -c a.f90|12.2.0 none
|aarch64-linux-gnu-cxx11-g++ -c a.cc|12.2.0 -D_GLIBCXX_USE_CXX11_ABI=1
|aarch64-linux-gnu-cxx11-g++-11 -c a.cc|12.2.0 -D_GLIBCXX_USE_CXX11_ABI=1
|aarch64-linux-gnu-libgfortran3-gfortran -c a.f90|refuse: libgfortran3 needs GCC 4.8-6 with gfortran; installed for aarch64-linux-gnu: 4.8.5 (no gfortran), 11.3.0 (its runtime
|aarch64-linux-gnu-libgfortran4-gcc -c a.c|refuse: libgfortran4 needs GCC 7 with gcc; installed for aarch64-linux-gnu: 4.8.5, 11.3.0, 12.2.0
|aarch64-linux-gnu-libgfortran3-cxx11-g++ -c a.cc|refuse: libgfortran3 and cxx11 needs GCC 5-6 with g++; installed for aarch64-linux-gnu: 4.8.5, 11.3.0 (its runtime needs glibc 2.36, the floor is 2.17), 12.2.0
|armv7l-linux-gnueabihf-libgfortran3-gfortran -c a.f90|refuse: libgfortran3 needs GCC 4.8-6 with gfortran; installed for armv7l-linux-gnueabihf: 11.3.0 (its runtime needs glibc 2.36, the floor is 2.19), 12.2.0
|aarch64-linux-gnu-libgfortran4-cxx03-g++-12 -c a.cc|refuse: libgfortran4 needs GCC 7 with g++
X
