#!/usr/bin/env bash
# t_badinput.sh: bad names, bad environment values, broken shard layouts and
# misused subcommands.  Each gives exit 2 and one clear line on stderr, never
# a crash, and leaves no output file behind.
. "$(dirname "$0")/lib.sh"
make_prefix --bare
make_fake_root "$T/root" <<'X'
x86_64-linux-gnu gcc-12.2.0 gcc,g++,cpp
x86_64-linux-gnu binutils-2.40 ar
x86_64-linux-gnu clang-16.0.6 clang
x86_64-linux-gnu sysroot
X
export CCMUX_ROOT=$T/root FAKE_LOG=$T/fake.log
cd "$T"
printf 'int main(void){return 0;}\n' > a.c
printf 'not an ELF file\n' > text.txt
: > empty.bin
printf '\177ELF\002\001\001' > truncated.elf
echo "$T" > file.notdir
# inputs that are not regular files: reading any of them must not block
mkfifo fifo fifo.o
mkdir adir dir.o
python3 -c 'import socket,sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])' "$T/sock"

# broken layouts, one root each: NAME -> a setup under $T/b/NAME
layout() {
	local r=$T/b/$1
	mkdir -p "$r/x86_64-linux-gnu"
	case "$1" in
	gcc-noversion) mkdir "$r/x86_64-linux-gnu/gcc-" ;;
	gcc-letters) mkdir "$r/x86_64-linux-gnu/gcc-abc" ;;
	gcc-fourparts) mkdir "$r/x86_64-linux-gnu/gcc-12.2.0.1" ;;
	gcc-trailingdot) mkdir "$r/x86_64-linux-gnu/gcc-12." ;;
	binutils-noversion) mkdir "$r/x86_64-linux-gnu/binutils-" ;;
	binutils-letters) mkdir "$r/x86_64-linux-gnu/binutils-two" ;;
	clang-noversion) mkdir "$r/x86_64-linux-gnu/clang-" ;;
	dangling-shard) ln -s /nonexistent "$r/x86_64-linux-gnu/gcc-13.1.0" ;;
	empty-shard) mkdir "$r/x86_64-linux-gnu/gcc-13.1.0" ;;
	no-compiler) mkdir -p "$r/x86_64-linux-gnu/gcc-13.1.0/bin"
		cp "$T/fakecc" "$r/x86_64-linux-gnu/gcc-13.1.0/bin/x86_64-linux-gnu-g++" ;;
	compiler-is-dir) mkdir -p "$r/x86_64-linux-gnu/gcc-13.1.0/bin/x86_64-linux-gnu-gcc" ;;
	dangling-compiler) mkdir -p "$r/x86_64-linux-gnu/gcc-13.1.0/bin"
		ln -s /nonexistent "$r/x86_64-linux-gnu/gcc-13.1.0/bin/x86_64-linux-gnu-gcc" ;;
	target-is-file) rmdir "$r/x86_64-linux-gnu"; echo x > "$r/x86_64-linux-gnu" ;;
	target-dangling) rmdir "$r/x86_64-linux-gnu"; ln -s /nonexistent "$r/x86_64-linux-gnu" ;;
	binutils-no-tool) mkdir -p "$r/x86_64-linux-gnu/binutils-2.40/bin" ;;
	fifo-features) mkdir -p "$r/x86_64-linux-gnu/gcc-12.2.0/bin" "$r/x86_64-linux-gnu/x86_64-linux-gnu/sys-root/usr/include"
		cp "$T/fakecc" "$r/x86_64-linux-gnu/gcc-12.2.0/bin/x86_64-linux-gnu-g++"
		mkfifo "$r/x86_64-linux-gnu/x86_64-linux-gnu/sys-root/usr/include/features.h" ;;
	clang-empty) mkdir -p "$r/x86_64-linux-gnu/clang-16.0.6/bin"
		mkdir -p "$r/x86_64-linux-gnu/gcc-12.2.0/bin"
		cp "$T/fakecc" "$r/x86_64-linux-gnu/gcc-12.2.0/bin/x86_64-linux-gnu-gcc" ;;
	esac
	echo "$r"
}

n=0
# KIND|WHAT|EXPECTED SUBSTRING
#   name NAME          ccmux explain NAME -c a.c -o out.o
#   link NAME          run the farm link NAME -c a.c -o out.o
#   env VAR=VALUE NAME  the name with that environment
#   layout CASE NAME   the name with CCMUX_ROOT at a broken layout
#   cmd ARGS           ccmux ARGS
while IFS='|' read -r kind what msg; do
	[ -n "$kind" ] || continue
	case "$kind" in \#*) continue ;; esac
	rm -f out.o
	# a hang is a failure (124), not a stuck suite
	case "$kind" in
	name) timeout 10 "$P/bin/ccmux" explain "$what" -c a.c -o out.o ;;
	link) ln -sfn ccmux "$P/bin/$what"; timeout 10 "$P/bin/$what" -c a.c -o out.o ;;
	env) set -- $what; timeout 10 env "$1" "$P/bin/ccmux" explain "$2" -c a.c -o out.o ;;
	layout) set -- $what; CCMUX_ROOT=$(layout "$1") timeout 10 "$P/bin/ccmux" explain "$2" -c a.c -o out.o ;;
	cmd) eval "set -- $what"; timeout 10 "$P/bin/ccmux" "$@" ;;
	esac >/dev/null 2>err
	rc=$?
	n=$((n + 1))
	lines=$(wc -l < err)
	if [ $rc = 2 ] && [ "$lines" = 1 ] && grep -qF -- "$msg" err && [ ! -e out.o ]; then
		pass "bad input $n: $kind $what"
	else
		fail "bad input $n: $kind $what" "rc=$rc lines=$lines out.o=$([ -e out.o ] && echo left || echo none) stderr=$(head -c 400 err)"
	fi
done <<'X'
name||no known tool
name|x86_64|no known tool
name|gcc-|no known tool
name|-gcc|empty target name
name|--gcc|empty field
name|x86_64-linux-gnu-|no known tool
name|x86_64-linux-gnu-frob|no known tool
name|x86_64-linux-gnu-gcc-|no known tool
name|x86_64-linux-gnu-gcc-x|no known tool
name|x86_64-linux-gnu-gcc-1.2.3.4|no known tool
name|x86_64-linux-gnu-gcc-999999|no known tool
name|x86_64-linux-gnu-ar-12|no known tool
name|mips-linux-gnu-gcc|unknown architecture 'mips'
name|x86-64-linux-gnu-gcc|unknown architecture 'x86'
name|X86_64-linux-gnu-gcc|unknown architecture 'X86_64'
name|riscv64-linux-gnu-gcc|unknown architecture 'riscv64'
name|x86_64-gcc|missing the OS field
name|x86_64-unknown-gcc|missing the OS field
name|x86_64-solaris-gcc|unknown OS 'solaris'
name|x86_64-linux-glibc-gcc|unknown tag 'glibc'
name|x86_64-linux-uclibc-gcc|unknown tag 'uclibc'
name|x86_64-linux-gnux32-gcc|unknown libc 'gnux32'
name|x86_64-linux-muslx-gcc|unknown libc 'muslx'
name|x86_64-linux-gnueabihf-gcc|eabihf ABI is for ARM
name|armv7l-linux-gnueabi-gcc|soft-float ARM
name|armv7l-linux-musleabi-gcc|soft-float ARM
name|x86_64--linux-gnu-gcc|empty field
name|x86_64-linux--gnu-gcc|empty field
name|x86_64-linux-gnu-libgfortran6-gfortran|unknown tag 'libgfortran6'
name|x86_64-linux-gnu-libgfortran2-gfortran|unknown tag 'libgfortran2'
name|x86_64-linux-gnu-libgfortran-gfortran|unknown tag 'libgfortran'
name|x86_64-linux-gnu-libgfortran55-gfortran|unknown tag 'libgfortran55'
name|x86_64-linux-gnu-gcc5-gfortran|unknown tag 'gcc5'
name|x86_64-linux-gnu-gcc12-gfortran|unknown tag 'gcc12'
name|x86_64-linux-gnu-cxx14-g++|unknown tag 'cxx14'
name|x86_64-linux-gnu-cxx-g++|unknown tag 'cxx'
name|x86_64-linux-gnu-cxx03-cxx11-g++|two C++ string ABI tags
name|x86_64-linux-gnu-cxx11-cxx11-g++|two C++ string ABI tags
name|x86_64-linux-gnu-libgfortran3-libgfortran5-g++|two libgfortran tags
name|x86_64-linux-gnu-gcc4-libgfortran3-g++|two libgfortran tags
name|x86_64-linux-gnu-+v-g++|unknown tag '+v'
name|x86_64-linux-gnu-k+-g++|unknown tag 'k+'
name|aarch64-w64-mingw32-gcc|no such target
name|powerpc64le-linux-musl-gcc|no such target
name|x86_64-apple-darwinX-clang|unknown OS 'darwinX'
name|x86_64-unknown-freebsdX-clang|unknown OS 'freebsdX'
name|a-b-c-d-e-f-g-h-i-j-k-l-m-n-o-p-q-r-s-t-u-v-w-x-y-z-a-b-c-d-e-f-g-h-i-j-k-l-m-n-o-p-q-r-s-t-u-v-w-x-y-z-a-b-c-d-e-f-g-h-i-j-k-l-m-gcc|too many fields
name|armv6l-linux-gnueabihf-gcc|no GCC shard installed for armv6l-linux-gnueabihf
name|x86_64-linux-gnu-gfortran|needs a GCC shard with gfortran
name|x86_64-linux-gnu-libgfortran3-gcc|libgfortran3 needs GCC 4.8-6
name|x86_64-linux-gnu-libgfortran4-g++|libgfortran4 needs GCC 7
name|x86_64-linux-gnu-nm|no binutils shard with x86_64-linux-gnu-nm
name|x86_64-linux-gnu-ld.lld|has no bin/ld.lld
name|x86_64-linux-gnu-clang++|has no bin/clang++
link|mips-linux-gnu-cc|unknown architecture
link|x86_64-linux-gnu-cxx14-c++|unknown tag 'cxx14'
link|x86_64-linux-gnu-libgfortran9-gfortran|unknown tag 'libgfortran9'
link|armv7l-linux-gnueabi-gcc|soft-float ARM
link|x86_64-linux-gnu-frobnicate|no known tool
link|cc|names no target
link|c++-12|names no target
link|armv6l-linux-gnueabihf-g++|no GCC shard installed
link|x86_64-linux-gnu-gfortran-12|needs a GCC shard with gfortran
link|x86_64-linux-gnu-strip|no binutils shard with
env|CCMUX_GCC_VERSION=abc x86_64-linux-gnu-gcc|CCMUX_GCC_VERSION='abc' is not a version
env|CCMUX_GCC_VERSION=1.2.3.4 x86_64-linux-gnu-gcc|is not a version
env|CCMUX_GCC_VERSION=-1 x86_64-linux-gnu-gcc|is not a version
env|CCMUX_GCC_VERSION=12abc x86_64-linux-gnu-gcc|is not a version
env|CCMUX_GCC_VERSION=1..2 x86_64-linux-gnu-gcc|is not a version
env|CCMUX_GCC_VERSION=.12 x86_64-linux-gnu-gcc|is not a version
env|CCMUX_GCC_VERSION=12. x86_64-linux-gnu-gcc|is not a version
env|CCMUX_GCC_VERSION=9999999 x86_64-linux-gnu-gcc|is not a version
env|CCMUX_GCC_VERSION=x.y x86_64-linux-gnu-g++|is not a version
env|CCMUX_GCC_VERSION=abc x86_64-linux-gnu-ar|is not a version
env|CCMUX_ROOT=: x86_64-linux-gnu-gcc|has an empty entry
env|CCMUX_ROOT=:: x86_64-linux-gnu-gcc|has an empty entry
env|CCMUX_ROOT=:/tmp x86_64-linux-gnu-gcc|has an empty entry
env|CCMUX_ROOT=/tmp: x86_64-linux-gnu-gcc|has an empty entry
env|CCMUX_ROOT=/tmp::/tmp x86_64-linux-gnu-gcc|has an empty entry
env|CCMUX_ROOT=/nonexistent x86_64-linux-gnu-gcc|CCMUX_ROOT entry /nonexistent: No such file or directory
env|CCMUX_ROOT=/etc/passwd x86_64-linux-gnu-gcc|is not a directory
env|CCMUX_ROOT=/nonexistent/a:/tmp x86_64-linux-gnu-gcc|No such file or directory
env|CCMUX_TARGET=nope cc|CCMUX_TARGET: 'nope': unknown architecture
env|CCMUX_TARGET=x86_64-linux-gnu-gcc cc|CCMUX_TARGET: 'x86_64-linux-gnu-gcc': unknown tag 'gcc'
env|CCMUX_TARGET=x86_64-linux-gnu-cxx99 cc|unknown tag 'cxx99'
env|CCMUX_TARGET=-x86_64 c++|empty field
env|CCMUX_STATIC=2 x86_64-linux-gnu-gcc|CCMUX_STATIC='2': use 0 or 1
env|CCMUX_STATIC=yes x86_64-linux-gnu-gcc|CCMUX_STATIC='yes': use 0 or 1
env|CCMUX_LAUNCHER=/nonexistent/ccache x86_64-linux-gnu-gcc|CCMUX_LAUNCHER=/nonexistent/ccache: not found
env|CCMUX_LAUNCHER=no-such-launcher-here x86_64-linux-gnu-gcc|not found
env|CCMUX_LAUNCHER=/tmp x86_64-linux-gnu-gcc|is a directory
layout|gcc-noversion x86_64-linux-gnu-gcc|'' is not a version
layout|gcc-letters x86_64-linux-gnu-gcc|'abc' is not a version
layout|gcc-fourparts x86_64-linux-gnu-gcc|'12.2.0.1' is not a version
layout|gcc-trailingdot x86_64-linux-gnu-gcc|'12.' is not a version
layout|binutils-noversion x86_64-linux-gnu-ar|'' is not a version
layout|binutils-letters x86_64-linux-gnu-ar|'two' is not a version
layout|clang-noversion x86_64-linux-gnu-clang|'' is not a version
layout|dangling-shard x86_64-linux-gnu-gcc|13.1.0 (no gcc)
layout|empty-shard x86_64-linux-gnu-gcc|13.1.0 (no gcc)
layout|no-compiler x86_64-linux-gnu-gcc|13.1.0 (no gcc)
layout|compiler-is-dir x86_64-linux-gnu-gcc|13.1.0 (no gcc)
layout|dangling-compiler x86_64-linux-gnu-gcc|13.1.0 (no gcc)
layout|target-is-file x86_64-linux-gnu-gcc|no GCC shard installed for x86_64-linux-gnu
layout|target-dangling x86_64-linux-gnu-gcc|no GCC shard installed for x86_64-linux-gnu
layout|binutils-no-tool x86_64-linux-gnu-ar|2.40 (no ar)
layout|clang-empty x86_64-linux-gnu-clang|has no bin/clang
layout|fifo-features x86_64-linux-gnu-g++|features.h is a FIFO, not a regular file
cmd|explain|usage: ccmux explain
cmd|run|usage: ccmux run
cmd|run x86_64-linux-gnu|usage: ccmux run
cmd|run nope-linux a.out|unknown architecture 'nope'
cmd|run aarch64-linux-gnu text.txt|run text.txt
cmd|run aarch64-linux-gnu /nonexistent|run /nonexistent
cmd|run aarch64-linux-gnu empty.bin|run empty.bin
cmd|audit|usage: ccmux audit
cmd|audit --target nope-linux a.c|unknown architecture 'nope'
cmd|audit /nonexistent|/nonexistent
cmd|audit text.txt|text.txt
cmd|audit empty.bin|empty.bin
cmd|audit truncated.elf|truncated.elf
cmd|env|usage: ccmux env
cmd|env x86_64-linux-gnu-bogus|unknown tag 'bogus'
cmd|files|usage: ccmux files
cmd|targets --bogus|usage: ccmux targets
cmd|binfmt --bogus|usage: ccmux binfmt
cmd|frobnicate|unknown command 'frobnicate'
cmd|explain ''|no known tool
cmd|audit fifo|fifo is a FIFO, not a regular file
cmd|audit sock|sock is a socket, not a regular file
cmd|audit adir|adir is a directory, not a regular file
cmd|audit /dev/zero|/dev/zero is a device, not a regular file
cmd|run aarch64-linux-gnu fifo|fifo is a FIFO, not a regular file
cmd|run x86_64-linux-gnu /dev/zero|is a device
cmd|run x86_64-linux-gnu adir|adir is a directory
cmd|explain x86_64-linux-gnu-gcc @fifo -c a.c|@fifo is a FIFO, not a regular file
cmd|explain x86_64-linux-gnu-gcc @/dev/zero -c a.c|@/dev/zero is a device
cmd|explain x86_64-linux-gnu-gcc @adir -c a.c|@adir is a directory
cmd|explain x86_64-linux-gnu-cxx11-g++ fifo.o -o out|fifo.o is a FIFO, not a regular file
cmd|explain x86_64-linux-gnu-cxx03-g++ dir.o -o out|dir.o is a directory
X
[ $n -ge 100 ] && pass "at least 100 bad-input cases ($n)" || fail "at least 100 bad-input cases" "only $n"
