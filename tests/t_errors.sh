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
