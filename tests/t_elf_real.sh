#!/bin/bash
# t_elf_real.sh: compile real binaries with the machine's compilers and
# compare what compat/elfread.c finds (through tests/unit/elfdump.c) with
# readelf and objdump.  Prints "PASS name", "FAIL name: detail" or
# "SKIP name: reason" per case; exits 1 if any case failed.
set -u
cd "$(dirname "$0")/.." || exit 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0

pass() { echo "PASS $1"; }
fail() { echo "FAIL $1: $2"; failed=1; }
skip() { echo "SKIP $1: $2"; }
have() { command -v "$1" >/dev/null 2>&1; }

# --seeds DIR: write small fuzzing seeds (tiny stripped binaries and the
# unit test's hand-made images) into DIR instead of testing
if [ "${1-}" = --seeds ]; then
	mkdir -p "$2" || exit 2
	printf '#include <stdio.h>\nvoid _start(void) { puts("x"); for (;;); }\n' >"$tmp/tiny.c"
	for cc in gcc-12 aarch64-linux-gnu-gcc-12 arm-linux-gnueabihf-gcc-12 \
		powerpc64le-linux-gnu-gcc-12 i686-linux-gnu-gcc-12; do
		name=${cc%-gcc-12}
		[ "$name" = gcc-12 ] && name=x86_64
		have "$cc" && "$cc" -Os -s -nostartfiles -Wl,--build-id=none \
			-Wl,-z,max-page-size=4096 -Wl,-z,noseparate-code -Wl,-z,norelro \
			-o "$2/tiny-$name" "$tmp/tiny.c"
	done
	echo 'void _start(void) { for (;;); }' >"$tmp/bare.c"
	have gcc-12 && gcc-12 -Os -s -nostdlib -static -Wl,--build-id=none \
		-Wl,-z,max-page-size=4096 -Wl,-z,noseparate-code \
		-o "$2/tiny-static" "$tmp/bare.c"
	printf '__declspec(dllimport) void __stdcall ExitProcess(unsigned);\nvoid start(void) { ExitProcess(0); }\n' >"$tmp/tiny-win.c"
	have x86_64-w64-mingw32-gcc && x86_64-w64-mingw32-gcc -Os -s -nostdlib \
		-e start -o "$2/tiny-pe64.exe" "$tmp/tiny-win.c" -lkernel32
	make -s build/tests/test_elf && build/tests/test_elf --seeds "$2"
	exit
fi

# check NAME GOT WANT
check() {
	if [ "$2" = "$3" ]; then pass "$1"; else fail "$1" "got '$2', want '$3'"; fi
}

if ! musl-gcc -std=c99 -D_GNU_SOURCE -I. tests/unit/elfdump.c compat/elfread.c \
	base/binread.c compat/pe.c base/util.c base/version.c -o "$tmp/elfdump"; then
	fail build-elfdump "musl-gcc failed"
	exit 1
fi

# field FILE KEY: elfdump's KEY= values, space-separated
field() { "$tmp/elfdump" "$1" | sed -n "s/^$2=//p" | tr '\n' ' ' | sed 's/ $//'; }
# what readelf says
r_class() { readelf -hW "$1" | sed -n 's/^ *Class: *ELF\([0-9]*\)$/\1/p'; }
r_interp() { readelf -lW "$1" | sed -n 's/.*Requesting program interpreter: \(.*\)]$/\1/p'; }
r_needed() {
	readelf -dW "$1" | sed -n 's/.*(NEEDED).*Shared library: \[\(.*\)\]$/\1/p' |
		tr '\n' ' ' | sed 's/ $//'
}
r_soname() { readelf -dW "$1" | sed -n 's/.*(SONAME).*Library soname: \[\(.*\)\]$/\1/p'; }
# r_maxver FILE PREFIX: the highest PREFIXn.n needed, from readelf -V
r_maxver() {
	readelf -VW "$1" | sed -n "s/.*Name: $2\([0-9][0-9.]*\) .*/\1/p" |
		sort -V | tail -n 1
}
# the same from objdump -T (dynamic symbols' versions), as a cross-check
o_maxver() {
	objdump -T "$1" 2>/dev/null | grep -o "$2[0-9][0-9.]*" |
		sed "s/^$2//" | sort -V | tail -n 1
}
r_hardfloat() {
	if readelf -hA "$1" | grep -q -e 'hard-float ABI' \
		-e 'Tag_ABI_VFP_args: VFP registers'; then echo 1; else echo 0; fi
}

# compare NAME FILE MACHINE: elfdump against readelf on one ELF file
compare() {
	local f=$2 out
	if ! out=$("$tmp/elfdump" "$f"); then
		fail "$1" "elfdump: $(sed -n 's/^error=//p' <<<"$out")"
		return
	fi
	check "$1-machine" "$(field "$f" machine)/$(field "$f" class)" \
		"$3/$(r_class "$f")"
	check "$1-interp" "$(field "$f" interp)" "$(r_interp "$f")"
	check "$1-needed" "$(field "$f" needed)" "$(r_needed "$f")"
	check "$1-glibc" "$(field "$f" glibc)" "$(r_maxver "$f" GLIBC_)"
}

cat >"$tmp/hello.c" <<'EOF'
#include <stdio.h>
#include <stdlib.h>
int main(int argc, char **argv)
{
	char *p = reallocarray(NULL, (size_t)argc, 8);
	printf("%s %p\n", argv[0], (void *)p);
	return 0;
}
EOF
cat >"$tmp/win.c" <<'EOF'
#include <stdio.h>
int main(void) { puts("hi"); return 0; }
EOF
cat >"$tmp/str.cc" <<'EOF'
#include <iostream>
#include <string>
std::string greet(const std::string &who) { return "hi " + who; }
int main(int argc, char **argv) { std::cout << greet(argv[argc - 1]) << "\n"; }
EOF

# name compiler flags machine
while read -r name cc flags machine; do
	[ -n "$name" ] || continue
	[ "$flags" = - ] && flags=
	if ! have "$cc"; then
		skip "$name" "$cc not installed"
		continue
	fi
	# shellcheck disable=SC2086
	if ! "$cc" $flags -o "$tmp/$name" "$tmp/hello.c" 2>"$tmp/$name.log"; then
		skip "$name" "$cc cannot link here: $(head -n 1 "$tmp/$name.log")"
		continue
	fi
	compare "$name" "$tmp/$name" "$machine"
done <<'EOF'
native gcc-12 - x86_64
static gcc-12 -static x86_64
aarch64 aarch64-linux-gnu-gcc-12 - aarch64
armhf arm-linux-gnueabihf-gcc-12 - arm
ppc64le powerpc64le-linux-gnu-gcc-12 - ppc64
i686 i686-linux-gnu-gcc-12 - i386
EOF

if [ -f "$tmp/native" ]; then
	f=$tmp/native
	check native-glibc-objdump "$(field "$f" glibc)" "$(o_maxver "$f" GLIBC_)"
	check native-hardfloat "$(field "$f" hardfloat)" -1
	check static-no-dynamic "$(field "$tmp/static" dynamic)" 0
	# no section headers: e_shoff, e_shnum and e_shstrndx zeroed, so the
	# reader must go through PT_DYNAMIC and the PT_LOAD segments
	cp "$f" "$tmp/noshdr"
	printf '\0\0\0\0\0\0\0\0' | dd of="$tmp/noshdr" bs=1 seek=40 conv=notrunc 2>/dev/null
	printf '\0\0\0\0' | dd of="$tmp/noshdr" bs=1 seek=60 conv=notrunc 2>/dev/null
	check noshdr-needed "$(field "$tmp/noshdr" needed)" "$(r_needed "$f")"
	check noshdr-glibc "$(field "$tmp/noshdr" glibc)" "$(r_maxver "$f" GLIBC_)"
	strip -o "$tmp/stripped" "$f"
	check stripped-needed "$(field "$tmp/stripped" needed)" "$(r_needed "$f")"
	check stripped-glibc "$(field "$tmp/stripped" glibc)" "$(r_maxver "$f" GLIBC_)"
	gcc-12 -shared -fPIC -Wl,-soname,libt.so.3 -o "$tmp/libt.so" "$tmp/hello.c" ||
		fail shared-soname "gcc-12 -shared failed"
	check shared-soname "$(field "$tmp/libt.so" soname)" "$(r_soname "$tmp/libt.so")"
fi

if [ -f "$tmp/armhf" ]; then
	check armhf-hardfloat "$(field "$tmp/armhf" hardfloat)" "$(r_hardfloat "$tmp/armhf")"
	# e_flags' hard-float bit cleared: only .ARM.attributes says it now
	cp "$tmp/armhf" "$tmp/armhf-attrs"
	printf '\0' | dd of="$tmp/armhf-attrs" bs=1 seek=37 conv=notrunc 2>/dev/null
	check armhf-attributes-only "$(field "$tmp/armhf-attrs" hardfloat)" \
		"$(r_hardfloat "$tmp/armhf-attrs")"
	if arm-linux-gnueabihf-gcc-12 -mfloat-abi=softfp -c -o "$tmp/softfp.o" \
		"$tmp/hello.c" 2>/dev/null; then
		check arm-softfp "$(field "$tmp/softfp.o" hardfloat)" \
			"$(r_hardfloat "$tmp/softfp.o")"
	fi
fi

if ! have g++-12; then
	skip cxx11-syms "g++-12 not installed"
elif ! g++-12 -o "$tmp/cxx11" "$tmp/str.cc" ||
	! g++-12 -D_GLIBCXX_USE_CXX11_ABI=0 -o "$tmp/cxx03" "$tmp/str.cc"; then
	fail cxx11-syms "g++-12 failed"
else
	n=$(field "$tmp/cxx11" cxx11)
	if [ "$n" -gt 0 ]; then pass cxx11-syms; else fail cxx11-syms "cxx11=$n"; fi
	check cxx11-glibcxx "$(field "$tmp/cxx11" glibcxx)" "$(r_maxver "$tmp/cxx11" GLIBCXX_)"
	check cxx11-glibcxx-objdump "$(field "$tmp/cxx11" glibcxx)" \
		"$(o_maxver "$tmp/cxx11" GLIBCXX_)"
	n=$(field "$tmp/cxx03" cxx11)/$(field "$tmp/cxx03" cxx03)
	case $n in
	0/0) fail cxx03-syms "cxx11=0 cxx03=0" ;;
	0/*) pass cxx03-syms ;;
	*) fail cxx03-syms "cxx11/cxx03=$n" ;;
	esac
fi

if ! have x86_64-w64-mingw32-gcc; then
	skip pe-real "mingw-w64 not installed"
elif ! x86_64-w64-mingw32-gcc -o "$tmp/hello.exe" "$tmp/win.c" ||
	! x86_64-w64-mingw32-gcc -mwindows -o "$tmp/gui.exe" "$tmp/win.c"; then
	fail pe-real "x86_64-w64-mingw32-gcc failed"
else
	f=$tmp/hello.exe
	check pe-real-header "$(field "$f" format)/$(field "$f" machine)/$(field "$f" class)/$(field "$f" subsystem)" \
		pe/x86_64/64/3
	check pe-real-imports "$(field "$f" needed)" \
		"$(objdump -p "$f" | sed -n 's/.*DLL Name: //p' | tr '\n' ' ' | sed 's/ $//')"
	check pe-real-gui "$(field "$tmp/gui.exe" subsystem)" 2
fi

# the unit test's own file mode, where it is built
if [ -x build/tests/test_elf ] && [ -f "$tmp/native" ]; then
	args=("$tmp/native=x86_64:64")
	[ -f "$tmp/aarch64" ] && args+=("$tmp/aarch64=aarch64:64")
	[ -f "$tmp/i686" ] && args+=("$tmp/i686=i386:32")
	[ -f "$tmp/hello.exe" ] && args+=("$tmp/hello.exe=x86_64:64")
	build/tests/test_elf "${args[@]}" | sed "s|$tmp/||" || failed=1
fi
exit $failed
