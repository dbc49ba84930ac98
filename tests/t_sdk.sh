#!/usr/bin/env bash
# t_sdk.sh: macOS and FreeBSD, clang-only targets with an SDK the user
# supplies.  Without it: exit 2 naming the directory to create.  With a
# minimal one made here (a header, a libSystem.tbd stub; FreeBSD stub crt
# files and libc): the exact commands, real Mach-O and FreeBSD ELF files.
. "$(dirname "$0")/lib.sh"
need_install
make_prefix
cd "$T"
R=$T/sdkroot
export CCMUX_ROOT=$R
mkdir -p "$R"
printf '#include <stdio.h>\nint main(void){puts("hi");return 0;}\n' > m.c
CL=$(cd "$P/opt/x86_64-linux-gnu" && ls -d clang-* | tail -1)
CL=$P/opt/x86_64-linux-gnu/$CL/bin

# ---- without an SDK: one line naming the directory
for t in x86_64-apple-darwin14 aarch64-apple-darwin20 x86_64-unknown-freebsd13.2; do
	base=$(echo "$t" | sed 's/[0-9.]*$//')
	farm "$t-clang" "$t-clang++" "$t-gcc" "$t-ar"
	"$P/bin/$t-clang" -c m.c 2>err
	rc=$?
	if [ $rc = 2 ] && [ "$(wc -l < err)" = 1 ] &&
	   grep -qF "create $P/opt/$base/$base/sys-root" err; then
		pass "$t: no SDK: exit 2 naming $base/$base/sys-root"
	else
		fail "$t: no SDK" "rc=$rc $(cat err)"
	fi
	"$P/bin/$t-gcc" -c m.c 2>err
	check "$t: gcc refused (clang-only)" "2 1" "$? $(grep -c 'clang-only target' err)"
done

# ---- stub SDKs
for a in x86_64 aarch64; do
	sr=$R/$a-apple-darwin/$a-apple-darwin/sys-root
	mkdir -p "$sr/usr/include" "$sr/usr/lib"
	printf 'int puts(const char *);\n' > "$sr/usr/include/stdio.h"
	cat > "$sr/usr/lib/libSystem.tbd" <<'X'
--- !tapi-tbd
tbd-version:     4
targets:         [ x86_64-macos, arm64-macos ]
install-name:    '/usr/lib/libSystem.B.dylib'
current-version: 1311
exports:
  - targets:         [ x86_64-macos, arm64-macos ]
    symbols:         [ _puts, dyld_stub_binder ]
...
X
done
fb=$R/x86_64-unknown-freebsd/x86_64-unknown-freebsd/sys-root
mkdir -p "$fb/usr/include" "$fb/usr/lib" "$fb/lib"
printf 'int puts(const char *);\n' > "$fb/usr/include/stdio.h"
FBC="$CL/clang --target=x86_64-unknown-freebsd13.2 -fuse-ld=lld -nostdlib"
printf 'int puts(const char *s){(void)s;return 0;}\n' > libc.c
$FBC -shared -fPIC libc.c -Wl,-soname,libc.so.7 -o "$fb/usr/lib/libc.so"
$FBC -shared -x c /dev/null -o "$fb/usr/lib/libgcc_s.so"
printf 'void _start(void){}\n' > crt1.c
$FBC -c crt1.c -o "$fb/usr/lib/crt1.o"
for f in crti crtn crtbegin crtend crtbeginS crtendS; do $FBC -c -x c /dev/null -o "$fb/usr/lib/$f.o"; done
"$CL/llvm-ar" rcs "$fb/usr/lib/libgcc.a"
"$CL/llvm-ar" rcs "$fb/usr/lib/libgcc_eh.a"

# ---- the exact commands ($SR stands for the SDK)
XS=$R/x86_64-apple-darwin/x86_64-apple-darwin/sys-root
AS=$R/aarch64-apple-darwin/aarch64-apple-darwin/sys-root
while IFS='|' read -r call want; do
	[ -n "$call" ] || continue
	want=$(eval "echo $want")
	set -- $call
	check "explain $call" "$want" "$("$P/bin/ccmux" explain "$@" 2>&1)"
done <<'X'
x86_64-apple-darwin14-clang -c m.c|$CL/clang --target=x86_64-apple-darwin14 -isysroot $XS -mmacosx-version-min=10.10 -c m.c
x86_64-apple-darwin14-clang m.c -o m|$CL/clang --target=x86_64-apple-darwin14 -isysroot $XS -mmacosx-version-min=10.10 m.c -o m -fuse-ld=lld
x86_64-apple-darwin19-clang++ -c m.cc|$CL/clang++ --target=x86_64-apple-darwin19 -isysroot $XS -mmacosx-version-min=10.15 -c m.cc
x86_64-apple-darwin-clang -c m.c|$CL/clang --target=x86_64-apple-darwin14 -isysroot $XS -mmacosx-version-min=10.10 -c m.c
aarch64-apple-darwin20-clang m.c -o m|$CL/clang --target=arm64-apple-darwin20 -isysroot $AS -mmacosx-version-min=11.0 m.c -o m -fuse-ld=lld
aarch64-apple-darwin22-clang++ -c m.cc|$CL/clang++ --target=arm64-apple-darwin22 -isysroot $AS -mmacosx-version-min=13.0 -c m.cc
aarch64-apple-darwin20-ar rcs x.a m.o|$CL/llvm-ar rcs x.a m.o
aarch64-apple-darwin20-ld -o x m.o|$CL/ld64.lld -o x m.o
x86_64-unknown-freebsd13.2-clang m.c -o m|$CL/clang --target=x86_64-unknown-freebsd13.2 --sysroot=$R/x86_64-unknown-freebsd/x86_64-unknown-freebsd/sys-root m.c -o m -fuse-ld=lld -Wl,--build-id
x86_64-unknown-freebsd12.4-clang -c m.c|$CL/clang --target=x86_64-unknown-freebsd12.4 --sysroot=$R/x86_64-unknown-freebsd/x86_64-unknown-freebsd/sys-root -c m.c
x86_64-unknown-freebsd13.2-nm a.o|$CL/llvm-nm a.o
x86_64-unknown-freebsd13.2-ld -o x a.o|$CL/ld.lld -o x a.o
x86_64-apple-darwin14-clang --version|$CL/clang --target=x86_64-apple-darwin14 --version
X

# ---- real files
magic() { od -An -tx1 -N "$2" "$1" | tr -d ' \n'; }
"$P/bin/x86_64-apple-darwin14-clang" m.c -o mx && check "darwin14: a Mach-O x86_64 executable" "cffaedfe07000001" "$(magic mx 8)"
"$P/bin/aarch64-apple-darwin20-clang" m.c -o ma && check "darwin20: a Mach-O arm64 executable" "cffaedfe0c000001" "$(magic ma 8)"
"$P/bin/x86_64-unknown-freebsd13.2-clang" m.c -o mf 2>/dev/null
check "freebsd13.2: an ELF with the FreeBSD OS ABI" "7f454c46020101090000" "$(magic mf 10)"
"$P/bin/ccmux" audit --target x86_64-unknown-freebsd13.2 mf >audit.txt 2>&1
check "freebsd13.2: audit (machine, /libexec/ld-elf.so.1)" 0 $?
