#!/usr/bin/env bash
# t_env_ecosystems.sh: `ccmux env --cargo|--go` (Rust's and Go's spellings,
# floors), `ccmux audit --policy`, and the newer libgcc's helpers on links
# with an older GCC (SHARD/libgcc-newer.a), against a fake root.
. "$(dirname "$0")/lib.sh"
make_prefix --bare
make_fake_root "$T/root" <<'EOF'
aarch64-linux-gnu gcc-4.8.5 gcc,g++,cpp
aarch64-linux-gnu gcc-12.2.0 gcc,g++,cpp
aarch64-linux-gnu sysroot 2.17
x86_64-linux-musl gcc-12.2.0 gcc,g++,cpp
x86_64-linux-musl sysroot
EOF
export CCMUX_ROOT=$T/root
C=$P/bin/ccmux
R=$T/root

# Rust triple (with a floor) -> the ccmux name cargo's linker variable gets
while read -r rust var ours; do
	check "env --cargo $rust" "$var=$P/bin/$ours-gcc" \
		"$("$C" env --cargo "$rust" | sed -n "s/^export \(CARGO_TARGET_.*_LINKER\)=/\1=/p")"
done <<'EOF'
aarch64-unknown-linux-gnu CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_LINKER aarch64-linux-gnu
aarch64-unknown-linux-gnu.2.17 CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_LINKER aarch64-linux-gnu
armv7-unknown-linux-gnueabihf CARGO_TARGET_ARMV7_UNKNOWN_LINUX_GNUEABIHF_LINKER armv7l-linux-gnueabihf
arm-unknown-linux-gnueabihf CARGO_TARGET_ARM_UNKNOWN_LINUX_GNUEABIHF_LINKER armv6l-linux-gnueabihf
x86_64-unknown-linux-musl CARGO_TARGET_X86_64_UNKNOWN_LINUX_MUSL_LINKER x86_64-linux-musl
i686-unknown-linux-gnu CARGO_TARGET_I686_UNKNOWN_LINUX_GNU_LINKER i686-linux-gnu
powerpc64le-unknown-linux-gnu CARGO_TARGET_POWERPC64LE_UNKNOWN_LINUX_GNU_LINKER powerpc64le-linux-gnu
x86_64-pc-windows-gnu CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER x86_64-w64-mingw32
aarch64-linux-gnu CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_LINKER aarch64-linux-gnu
EOF
out=$("$C" env --cargo aarch64-unknown-linux-gnu.2.28)
check "env --cargo: the floor goes to CCMUX_GLIBC" "export CCMUX_GLIBC=2.28" "$(grep CCMUX_GLIBC <<< "$out")"
check "env --cargo: the cc crate's CC_<triple>" "export CC_aarch64_unknown_linux_gnu=$P/bin/aarch64-linux-gnu-gcc" \
	"$(grep '^export CC_' <<< "$out")"
check "env --cargo: the runner is ccmux run" "export CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_RUNNER='$P/bin/ccmux run aarch64-linux-gnu'" \
	"$(grep _RUNNER <<< "$out")"
check "env: a floor is not part of a farm name" "export CC=$P/bin/aarch64-linux-gnu-cxx11-gcc" \
	"$("$C" env aarch64-linux-gnu.2.28-cxx11 | grep '^export CC=')"

# Go: GOOS/GOARCH/GOARM, Go's own spelling
while read -r spec want; do
	check "env --go $spec" "$want" \
		"$("$C" env --go "$spec" | sed -n 's/^export \(GOOS\|GOARCH\|GOARM\|CC\)=//p' | sed "s|$P/bin/||" | tr '\n' ' ' | sed 's/ $//')"
done <<'EOF'
aarch64-linux-gnu linux arm64 aarch64-linux-gnu-gcc
linux/arm64 linux arm64 aarch64-linux-gnu-gcc
linux/arm linux arm 7 armv7l-linux-gnueabihf-gcc
linux/arm/6 linux arm 6 armv6l-linux-gnueabihf-gcc
x86_64-linux-musl linux amd64 x86_64-linux-musl-gcc
EOF
"$C" env --go x86_64-linux-musl | grep -q -- "-extldflags -static" &&
	pass "env --go: static advice on musl" || fail "env --go: static advice on musl" "missing"
"$C" env --go bogus-target >/dev/null 2>&1
check "env --go: a bad target exits 2" 2 $?
"$C" env --rust x >/dev/null 2>&1
check "env: an unknown option exits 2" 2 $?

# audit --policy: a host program needs a newer glibc than manylinux2014
out=$("$C" audit --policy manylinux2014 /bin/true)
check "audit --policy manylinux2014 /bin/true: exit 1" 1 $?
grep -q 'VIOLATION /bin/true: needs GLIBC_2\.[0-9]* from libc.so.6; manylinux_2_17 x86_64 allows GLIBC up to 2.17' <<< "$out" &&
	pass "audit --policy: one line names the version and the limit" || fail "audit --policy line" "$out"
"$C" audit --policy manylinux_2_99 /bin/true >/dev/null 2>&1
check "audit --policy: an unknown policy exits 2" 2 $?
out=$("$C" audit --policy musllinux_1_2 /bin/true)
grep -q 'links libc.so.6, which musllinux_1_2 does not allow' <<< "$out" &&
	pass "audit --policy musllinux_1_2: glibc's libc refused" || fail "audit --policy musllinux_1_2" "$out"

# the newer libgcc's helpers: a link with the older GCC names its archive;
# a compile, a link with the newest GCC, and a relocatable link do not
touch "$R/aarch64-linux-gnu/gcc-4.8.5/libgcc-newer.a"
has() { "$C" explain "$@" | tr ' ' '\n' | grep -c 'libgcc-newer\.a$'; }
check "libgcc-newer: a link with GCC 4.8.5" 1 "$(has aarch64-linux-gnu-gcc a.o -o a)"
check "libgcc-newer: a C++ link with GCC 4.8.5" 1 "$(has aarch64-linux-gnu-g++-4 a.o -o a)"
check "libgcc-newer: not on a compile" 0 "$(has aarch64-linux-gnu-gcc -c a.c)"
check "libgcc-newer: not with the newest GCC" 0 "$(has aarch64-linux-gnu-gcc-12 a.o -o a)"
check "libgcc-newer: not on ld -r" 0 "$(has aarch64-linux-gnu-gcc -r a.o -o b.o)"
rm "$R/aarch64-linux-gnu/gcc-4.8.5/libgcc-newer.a"
check "libgcc-newer: none without the archive" 0 "$(has aarch64-linux-gnu-gcc a.o -o a)"
