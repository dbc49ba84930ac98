#!/usr/bin/env bash
# t_errors.sh: refusals and failures: one line on stderr, a documented code.
. "$(dirname "$0")/lib.sh"
make_prefix --bare
make_fake_root "$T/root" <<'X'
x86_64-linux-gnu gcc-12.2.0 gcc,g++
x86_64-linux-gnu binutils-2.40 ar
x86_64-linux-gnu sysroot
aarch64-linux-gnu gcc-12.2.0 gcc
X
export CCMUX_ROOT=$T/root
# a shard whose gcc cannot be executed (126) and one whose interpreter is
# missing (127)
mkdir -p "$T/root/i686-linux-gnu/gcc-12.2.0/bin" "$T/root/powerpc64le-linux-gnu/gcc-12.2.0/bin"
printf 'not a program\n' > "$T/root/i686-linux-gnu/gcc-12.2.0/bin/i686-linux-gnu-gcc"
chmod 644 "$T/root/i686-linux-gnu/gcc-12.2.0/bin/i686-linux-gnu-gcc"
printf '#!/nonexistent/interpreter\n' > "$T/root/powerpc64le-linux-gnu/gcc-12.2.0/bin/powerpc64le-linux-gnu-gcc"
chmod 755 "$T/root/powerpc64le-linux-gnu/gcc-12.2.0/bin/powerpc64le-linux-gnu-gcc"

# NAME|CODE|STDERR SUBSTRING
while IFS='|' read -r name code msg; do
	[ -n "$name" ] || continue
	farm "$name"
	"$P/bin/$name" -c x.c >"$T/out" 2>"$T/err"
	rc=$?
	lines=$(wc -l < "$T/err")
	if [ "$rc" = "$code" ] && [ "$lines" = 1 ] && grep -qF -- "$msg" "$T/err"; then
		pass "$name exits $code"
	else
		fail "$name exits $code" "rc=$rc lines=$lines stderr=$(cat "$T/err")"
	fi
	# explain gives the same error and code (exec failures excepted)
	[ "$code" = 2 ] || continue
	"$P/bin/ccmux" explain "$name" -c x.c >/dev/null 2>"$T/err2"
	rc=$?
	check "explain $name exits $code" "$code:$(cat "$T/err")" "$rc:$(cat "$T/err2")"
done <<'X'
mips-linux-gnu-gcc|2|unknown architecture 'mips'
x86_64-linux-gnu-frobnicate|2|no known tool
armv6l-linux-gnueabihf-gcc|2|no GCC shard installed for armv6l-linux-gnueabihf
aarch64-linux-gnu-g++|2|installed for aarch64-linux-gnu: 12.2.0 (no g++)
x86_64-linux-gnu-libgfortran3-gcc|2|libgfortran3 needs GCC 4.8-6 with gcc; installed for x86_64-linux-gnu: 12.2.0
x86_64-linux-gnu-nm|2|no binutils shard with x86_64-linux-gnu-nm
x86_64-linux-gnu-libgfortran6-gfortran|2|unknown tag 'libgfortran6'
x86_64-linux-gnu-clang|2|no clang shard installed
i686-linux-gnu-gcc|126|exec
powerpc64le-linux-gnu-gcc|127|exec
X

# a bare name with no target
farm cc
"$P/bin/cc" -c x.c 2>"$T/err"
rc=$?
check "bare cc without a target" "2:1" "$rc:$(wc -l < "$T/err")"
CCMUX_TARGET=nope-linux "$P/bin/cc" -c x.c 2>"$T/err"
check "CCMUX_TARGET unknown" "2" "$?"
grep -q "CCMUX_TARGET: 'nope-linux': unknown architecture" "$T/err" && pass "CCMUX_TARGET message" || fail "CCMUX_TARGET message" "$(cat "$T/err")"

# bare names take the target from their directory, then CCMUX_TARGET
mkdir -p "$T/farm/aarch64-linux-gnu/bin"
ln -s "$P/bin/ccmux" "$T/farm/aarch64-linux-gnu/bin/cc"
got=$(PATH=$T/farm/aarch64-linux-gnu/bin:$PATH "$P/bin/ccmux" explain "$T/farm/aarch64-linux-gnu/bin/cc" -c x.c | cut -d' ' -f1)
check "bare cc from its directory" "$T/root/aarch64-linux-gnu/gcc-12.2.0/bin/aarch64-linux-gnu-gcc" "$got"
export FAKE_LOG=$T/fake.log
(cd "$T/farm/aarch64-linux-gnu/bin" && PATH=$PWD:$PATH cc -c x.c)
check "bare cc found on PATH runs the aarch64 shard" "$T/root/aarch64-linux-gnu/gcc-12.2.0/bin/aarch64-linux-gnu-gcc" "$(fake_argv | cut -d' ' -f1)"
got=$(CCMUX_TARGET=x86_64-linux-gnu "$P/bin/ccmux" explain cc -c x.c | cut -d' ' -f1)
check "bare cc from CCMUX_TARGET" "$T/root/x86_64-linux-gnu/gcc-12.2.0/bin/x86_64-linux-gnu-gcc" "$got"

# usage errors of ccmux itself
"$P/bin/ccmux" frob 2>/dev/null; check "unknown subcommand exits 2" 2 $?
"$P/bin/ccmux" 2>/dev/null; check "no subcommand exits 2" 2 $?
"$P/bin/ccmux" --version >/dev/null; check "--version exits 0" 0 $?
"$P/bin/ccmux" --help | grep -q "ccmux explain" && pass "--help" || fail "--help" "no usage text"

# ARMv6 (the ARM1176 of armv6l): options that make code it does not run are
# refused before any compiler runs; a GCC without its own ARMv6 runtime
# (Debian's libgcc and crt files are ARMv7 Thumb-2) is not legal
make_fake_root "$T/v6" <<'X'
armv6l-linux-gnueabihf gcc-11.3.0 gcc
armv6l-linux-gnueabihf gcc-12.2.0 gcc
armv6l-linux-gnueabihf sysroot 2.19
X
mkdir -p "$T/v6/armv6l-linux-gnueabihf/gcc-12.2.0/armv6l-linux-gnueabihf/lib"
: > "$T/v6/armv6l-linux-gnueabihf/gcc-12.2.0/armv6l-linux-gnueabihf/lib/crtbeginS.o"
v6() { CCMUX_ROOT=$T/v6 "$P/bin/ccmux" explain "$@" 2>"$T/err"; }
while IFS='|' read -r args msg; do
	# shellcheck disable=SC2086
	v6 armv6l-linux-gnueabihf-gcc $args -c x.c >/dev/null
	rc=$?
	check "armv6l refuses $args" "2:1:1" "$rc:$(wc -l < "$T/err"):$(grep -cF -- "$msg" "$T/err")"
done <<'X'
-mfpu=neon-vfpv4|-mfpu=neon-vfpv4 makes code the ARM1176
-mfpu=vfpv3-d16|(it has VFPv2, no NEON)
-mthumb|-mthumb makes Thumb code
-marm -mthumb|-mthumb makes Thumb code
-mfloat-abi=softfp|-mfloat-abi=softfp does not match
-march=armv7-a|-march=armv7-a makes ARMv7 code
-mcpu=cortex-a7|-mcpu=cortex-a7 makes ARMv7 code
-march=native|-march=native makes unknown code
X
got=$(v6 armv6l-linux-gnueabihf-gcc -mthumb -marm -mfpu=vfp -c x.c)
check "armv6l takes -mthumb -marm -mfpu=vfp (the last -marm wins)" 0 $?
got=$(v6 armv6l-linux-gnueabihf-gcc -mcpu=arm1136jf-s -c x.c)
case " $got " in
*" -march="*) fail "armv6l: a user's -mcpu replaces the injected -march" "$got" ;;
*" -mfpu=vfp "*"-mcpu=arm1136jf-s"*) pass "armv6l: a user's -mcpu replaces the injected -march" ;;
*) fail "armv6l: a user's -mcpu replaces the injected -march" "$got" ;;
esac
got=$(v6 armv6l-linux-gnueabihf-gcc-11 -c x.c | cut -d' ' -f1)
check "armv6l-gcc-11 is served by the GCC with an ARMv6 runtime" \
	"$T/v6/armv6l-linux-gnueabihf/gcc-12.2.0/bin/armv6l-linux-gnueabihf-gcc" "$got"
rm "$T/v6/armv6l-linux-gnueabihf/gcc-12.2.0/armv6l-linux-gnueabihf/lib/crtbeginS.o"
v6 armv6l-linux-gnueabihf-gcc -c x.c >/dev/null
check "armv6l without an ARMv6 runtime is refused" "2:1" \
	"$?:$(grep -c "11.3.0 (no runtime built for ARMv6.*12.2.0 (no runtime built for ARMv6" "$T/err")"
