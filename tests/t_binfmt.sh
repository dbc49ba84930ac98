#!/usr/bin/env bash
# t_binfmt.sh: `ccmux binfmt` registers ccmux as the binfmt_misc interpreter
# of foreign ELF files: an aarch64 or armv7l program then runs by its own
# name, with its target's sysroot, as `ccmux run` would run it.
. "$(dirname "$0")/lib.sh"
need_install
B=$CCMUX_PREFIX/bin
cd "$T"
printf '#include <stdio.h>\nint main(void){puts("direct");return 0;}\n' > d.c
"$B/aarch64-linux-gnu-gcc" d.c -o d-gnu
"$B/armv7l-linux-gnueabihf-gcc" d.c -o d-arm
"$B/aarch64-linux-musl-gcc" d.c -o d-musl
was=$("$B/ccmux" binfmt --status 2>&1)
if ! "$B/ccmux" binfmt >reg.txt 2>&1; then
	fail "binfmt: register" "$(cat reg.txt)"
	exit 0
fi
pass "binfmt: register ($(grep -c registered reg.txt) machines)"
check "binfmt: status" 1 "$("$B/ccmux" binfmt --status | grep -c 'ccmux-aarch64: registered')"
check "binfmt: aarch64 glibc program runs by name" direct "$(./d-gnu 2>&1)"
check "binfmt: armv7l program runs by name" direct "$(./d-arm 2>&1)"
check "binfmt: aarch64 musl program runs by name (its loader picks the target)" direct "$(./d-musl 2>&1)"
case "$was" in
*": registered"*) pass "binfmt: left registered, as it was" ;;
*) "$B/ccmux" binfmt --remove >/dev/null
   check "binfmt: removed again" 0 "$("$B/ccmux" binfmt --status | grep -c ': registered')" ;;
esac
