#!/usr/bin/env bash
# t_musl_targets.sh: every musl target of the seeds has a GCC shard in the
# installed prefix, and its farm names build hello in C, C++ (iostream,
# exceptions, std::thread) and Fortran, static by default, that runs under
# `ccmux run`; the kernel's UAPI headers are in its sysroot; a dynamic C
# program finds musl's loader in the sysroot.  armv6l programs (and the
# sysroot's libc.so) are ARMv6 code: they run under qemu-arm -cpu arm1176,
# which traps on ARMv7 and Thumb-2 instructions, and `readelf -A` says
# v6KZ or older, VFP hard-float, no Thumb-2.  A target without a shard is a
# failure that names what is missing.  The targets are the musl ones the
# install has.
. "$(dirname "$0")/lib.sh"
need_install
PB=$CCMUX_PREFIX/bin
CCMUX=$PB/ccmux
# the seeds' musl targets this install has (install.sh --targets chooses;
# the default installs all five)
TARGETS=$("$CCMUX" targets --installed | grep -E -- '-linux-musl(eabihf)?$' | tr '\n' ' ')
if [ -z "$TARGETS" ]; then
	fail "musl targets" "none installed in $CCMUX_PREFIX (install.sh --targets x86_64-linux-musl,...)"
	exit 0
fi
cd "$T"

cat > hello.c <<'X'
#include <stdio.h>
int main(void) { printf("hello from C\n"); return 0; }
X
cat > kernel.c <<'X'
#include <linux/limits.h>
#include <linux/types.h>
#include <asm/unistd.h>
#include <stdio.h>
int main(void) { __u32 n = PATH_MAX; printf("PATH_MAX %u %d\n", n, __NR_getpid > 0); return 0; }
X
cat > hello.cc <<'X'
#include <iostream>
#include <stdexcept>
#include <string>
#include <thread>
static void thrower(int n) { if (n > 0) throw std::runtime_error("caught " + std::to_string(n)); }
int main() {
	std::string what;
	std::thread t([&what] { try { thrower(42); } catch (const std::exception &e) { what = e.what(); } });
	t.join();
	std::cout << "hello from C++, " << what << std::endl;
}
X
cat > hello.f90 <<'X'
program hello
  print '(a)', 'hello from Fortran'
end program hello
X

# run T PROG: the program's output, under ccmux run (60 s at most)
run() { timeout 60 "$CCMUX" run "$1" "./$2" 2>&1 | tr -d '\r'; }

# the sysroot the installed shards give TARGET
sysroot_of() { echo "$CCMUX_PREFIX/opt/$1/$1/sys-root"; }

# is_static FILE: no program interpreter
is_static() { ! readelf -lW "$1" 2>/dev/null | grep -q 'Requesting program interpreter'; }

# armv6_attrs FILE: empty when readelf -A shows ARMv6 (v6KZ or older),
# VFP hard-float and no Thumb-2; else what is wrong
armv6_attrs() {
	local a arch
	a=$(readelf -A "$1" 2>&1)
	arch=$(echo "$a" | sed -n 's/^ *Tag_CPU_arch: //p')
	case $arch in
	Pre-v4|v4|v4T|v5T|v5TE|v5TEJ|v6|v6KZ|v6K) ;;
	*) echo "Tag_CPU_arch ${arch:-missing}" ;;
	esac
	echo "$a" | grep -q 'Tag_ABI_VFP_args: VFP registers' || echo "not hard-float (Tag_ABI_VFP_args)"
	echo "$a" | grep -q 'Tag_THUMB_ISA_use: Thumb-2' && echo "Tag_THUMB_ISA_use Thumb-2"
	echo "$a" | grep -qE 'Tag_FP_arch: (VFPv[34]|FP for ARMv8)' && echo "$(echo "$a" | grep 'Tag_FP_arch')"
	echo "$a" | grep -q 'Tag_Advanced_SIMD_arch' && echo "uses NEON"
	return 0
}

# armv6 NAME FILE WANT [SYSROOT]: attributes, then a run on an ARM1176
# (a dynamic program's loader and libraries from SYSROOT only)
armv6() {
	local name=$1 f=$2 want=$3 sr=${4:-} why q=(qemu-arm -cpu arm1176)
	why=$(armv6_attrs "$f" | tr '\n' ';')
	if [ -z "$why" ]; then pass "$name: readelf -A: ARMv6, VFP hard-float, no Thumb-2"
	else fail "$name: readelf -A" "$why"; fi
	command -v qemu-arm >/dev/null || { fail "$name: ARM1176" "no qemu-arm"; return; }
	[ -n "$sr" ] && q+=(-L "$sr" -E "LD_LIBRARY_PATH=$sr/usr/lib")
	check "$name: runs on qemu-arm -cpu arm1176" "$want" "$(timeout 60 "${q[@]}" "./$f" 2>&1 | head -3)"
}

# one language: build static by default, run
lang() {
	local t=$1 tool=$2 src=$3 want=$4 exe="$1-$2" out
	if ! "$PB/$t-$tool" "$src" -o "$exe" 2>err.txt; then
		fail "$t: $tool $src" "build: $(head -c 600 err.txt)"
		return 1
	fi
	is_static "$exe" && pass "$t: $tool: static by default" ||
		fail "$t: $tool: static by default" "$(readelf -lW "$exe" | grep interpreter)"
	out=$(run "$t" "$exe")
	check "$t: $tool: runs under ccmux run" "$want" "$out"
	[ "${t%%-*}" = armv6l ] && armv6 "$t: $tool" "$exe" "$want"
	return 0
}

for t in $TARGETS; do
	# a shard: the farm names and a GCC the installed ccmux picks
	missing=""
	for tool in gcc g++ gfortran; do
		[ -e "$PB/$t-$tool" ] || missing="$missing $PB/$t-$tool"
	done
	if [ -n "$missing" ]; then
		fail "$t" "no farm names:$missing"
		continue
	fi
	if ! "$CCMUX" explain "$t-gcc" -c hello.c >/dev/null 2>err.txt; then
		fail "$t" "no GCC shard in $CCMUX_PREFIX/opt: $(head -c 300 err.txt)"
		continue
	fi
	sr=$(sysroot_of "$t")
	[ -e "$sr/usr/lib/ccmux.specs" ] || fail "$t: sysroot" "no $sr/usr/lib/ccmux.specs"

	lang "$t" gcc hello.c "hello from C"
	lang "$t" g++ hello.cc "hello from C++, caught 42"
	lang "$t" gfortran hello.f90 "hello from Fortran"

	# the kernel's UAPI headers (upstream libffi includes <linux/limits.h>)
	if "$PB/$t-gcc" kernel.c -o "$t-kernel" 2>err.txt; then
		check "$t: <linux/limits.h>, <asm/unistd.h>" "PATH_MAX 4096 1" "$(run "$t" "$t-kernel")"
		[ "${t%%-*}" = armv6l ] && armv6 "$t: kernel headers" "$t-kernel" "PATH_MAX 4096 1"
	else
		fail "$t: <linux/limits.h>, <asm/unistd.h>" "$(head -c 400 err.txt)"
	fi

	# dynamic: musl's loader (libc.so) from the sysroot
	if CCMUX_STATIC=0 "$PB/$t-gcc" hello.c -o "$t-dyn" 2>err.txt; then
		interp=$(readelf -lW "$t-dyn" | sed -n 's/.*Requesting program interpreter: \(.*\)]/\1/p')
		check "$t: dynamic: interpreter" "$("$CCMUX" targets --field dynamic_linker "$t")" "$interp"
		[ -e "$sr$interp" ] && pass "$t: dynamic: the sysroot has $interp" ||
			fail "$t: dynamic: the sysroot has $interp" "no $sr$interp"
		check "$t: dynamic: runs under ccmux run" "hello from C" "$(run "$t" "$t-dyn")"
		if [ "${t%%-*}" = armv6l ]; then
			armv6 "$t: dynamic" "$t-dyn" "hello from C" "$sr"
			why=$(armv6_attrs "$sr/usr/lib/libc.so" | tr '\n' ';')
			[ -z "$why" ] && pass "$t: sysroot libc.so is ARMv6" || fail "$t: sysroot libc.so" "$why"
		fi
	else
		fail "$t: dynamic C" "$(head -c 400 err.txt)"
	fi
done
