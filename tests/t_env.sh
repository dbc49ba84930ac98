#!/usr/bin/env bash
# t_env.sh: `ccmux env` exports names that exist in the farm, tags on the
# compilers only; CCMUX_LOG and CCMUX_DEBUG say what ran.
. "$(dirname "$0")/lib.sh"
need_install
make_prefix
"$P/bin/ccmux" names | grep -v / | while read -r n; do ln -sfn ccmux "$P/bin/$n"; done
for t in aarch64-linux-gnu x86_64-linux-musl aarch64-linux-gnu-cxx11 x86_64-linux-gnu-libgfortran5-cxx03 x86_64-w64-mingw32; do
	out=$("$P/bin/ccmux" env "$t")
	missing=""
	for v in CC CXX FC F77 CPP AR RANLIB NM STRIP LD AS OBJCOPY OBJDUMP READELF PKG_CONFIG; do
		f=$(echo "$out" | sed -n "s/^export $v=//p")
		[ -n "$f" ] && [ -L "$f" ] || missing="$missing $v=$f"
	done
	check "env $t: every exported tool is in the farm" "" "$missing"
	(eval "$out"; "$CC" -c -x c /dev/null -o "$T/env.o") && pass "env $t: eval'd CC compiles" || fail "env $t: eval'd CC compiles" "failed"
done
check "env: tagged compilers, untagged tools" "aarch64-linux-gnu-cxx11-g++ aarch64-linux-gnu-ar" \
	"$("$P/bin/ccmux" env aarch64-linux-gnu-cxx11 | grep -E '^export (CXX|AR)=' | sed 's|.*/||' | tr '\n' ' ' | sed 's/ $//')"
"$P/bin/ccmux" env aarch64-linux-gnu | grep -q "^export CMAKE_TOOLCHAIN_FILE=$P/share/ccmux/cmake/aarch64-linux-gnu.cmake$" &&
	pass "env: CMAKE_TOOLCHAIN_FILE" || fail "env: CMAKE_TOOLCHAIN_FILE" "$("$P/bin/ccmux" env aarch64-linux-gnu | tail -1)"

# CCMUX_DEBUG prints the final command; CCMUX_LOG appends one line a call
cd "$T"
printf 'int main(void){return 0;}\n' > d.c
dbg=$(CCMUX_DEBUG=1 "$P/bin/aarch64-linux-gnu-gcc" -c d.c 2>&1 >/dev/null)
check "CCMUX_DEBUG: the command on stderr" "$("$P/bin/ccmux" explain aarch64-linux-gnu-gcc -c d.c)" "${dbg#ccmux: }"
CCMUX_LOG=$T/log "$P/bin/aarch64-linux-gnu-gcc" -c d.c
CCMUX_LOG=$T/log "$P/bin/aarch64-linux-gnu-gcc" -c d.c -o 'a b.o'
check "CCMUX_LOG: one line a call" 2 "$(wc -l < "$T/log")"
grep -q "^aarch64-linux-gnu-gcc -c d.c -o 'a b.o' => .*/aarch64-linux-gnu-gcc .*'a b.o'" "$T/log" &&
	pass "CCMUX_LOG: input and command, shell-quoted" || fail "CCMUX_LOG format" "$(tail -1 "$T/log")"
