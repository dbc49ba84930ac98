#!/bin/bash
# shards/glibc/floor.sh TARGET VERSION OUTDIR
#
# Make OUTDIR a sysroot that links exactly what glibc VERSION offers on
# TARGET, from Debian's glibc 2.36 headers and static libraries, glibc's
# ABI lists (abilists/, see mkabilists.sh) and start files of our own.
# Programs linked against it need no GLIBC_ symbol version above VERSION,
# and find at run time only what a real glibc VERSION has.
#
#   TARGET   x86_64-linux-gnu i686-linux-gnu aarch64-linux-gnu
#            armv7l-linux-gnueabihf armv6l-linux-gnueabihf powerpc64le-linux-gnu
#   VERSION  2.N, from the target's minimum (floor.sh --list) to 2.36
#   OUTDIR   created, or replaced if it holds a generated floor already
#
# The layout is the one ccmux pins (LIBDIR = lib64 or lib, see targets.def):
#   usr/include/            glibc + Linux UAPI headers, made truthful for VERSION
#   LIBDIR/                 stub shared libraries with the real sonames
#   usr/LIBDIR/             crt1.o Scrt1.o gcrt1.o crti.o crtn.o, libc.so and
#                           the other linker scripts and links, libc_nonshared.a,
#                           libpthread_nonshared.a, static libraries (-static)
#   lib, usr/lib            links to lib64 on 64-bit targets
#   ccmux-glibc-floor       the marker: "key value" lines (see README.md)
#
# Environment:
#   GLIBC_FLOOR_CACHE  where the per-target work shared by all floors lives
#                      (patched headers, compiled start files; one for armv7l
#                      and armv6l), default OUTDIR/../.glibc-floor-cache;
#                      floors hard-link their headers to it, so keep it on
#                      the same file system
#
#   floor.sh --list    targets, their minimum floor and the maximum
set -eu
umask 022
export LC_ALL=C
HERE=$(cd "$(dirname "$0")" && pwd)
MAX=2.36

die() { echo "floor.sh: $*" >&2; exit 1; }

# TARGET -> T_DEB (Debian triplet: tools and /usr/T_DEB), T_PKG (Debian arch
# of the -cross packages), T_ABI (abilists file and csu/start-*.S), T_LIBDIR,
# T_MIN (minimum floor), T_FORMAT (ld OUTPUT_FORMAT), T_RET (a stub body),
# T_CFLAGS/T_ASFLAGS, T_STAT (_STAT_VER _MKNOD_VER of glibc < 2.33),
# T_STATIC (Debian's static libc is usable), T_RUN (a libc root that runs
# the programs here)
target_info() {
	T_CFLAGS='' T_ASFLAGS='' T_STATIC=1 T_STDIN_REF=0
	case $1 in
	x86_64-linux-gnu)
		T_DEB=x86_64-linux-gnu T_PKG=amd64 T_ABI=x86_64 T_LIBDIR=lib64 T_MIN=2.17
		T_FORMAT=elf64-x86-64 T_RET=ret T_STAT="1 0" T_ASFLAGS=--64 T_RUN=/ ;;
	i686-linux-gnu)
		T_DEB=i686-linux-gnu T_PKG=i386 T_ABI=i386 T_LIBDIR=lib T_MIN=2.17
		T_FORMAT=elf32-i386 T_RET=ret T_STAT="3 1" T_ASFLAGS=--32 T_STDIN_REF=1 ;;
	aarch64-linux-gnu)
		T_DEB=aarch64-linux-gnu T_PKG=arm64 T_ABI=aarch64 T_LIBDIR=lib64 T_MIN=2.17
		T_FORMAT=elf64-littleaarch64 T_RET=ret T_STAT="0 0" ;;
	armv7l-linux-gnueabihf | armv6l-linux-gnueabihf)
		# one set of objects for both: ARMv6 ARM-state code with VFPv2 runs
		# on ARMv7 too; Debian's libc.a is ARMv7/Thumb-2, so not for armv6l
		T_DEB=arm-linux-gnueabihf T_PKG=armhf T_ABI=arm T_LIBDIR=lib T_MIN=2.17
		T_FORMAT=elf32-littlearm T_RET="bx lr" T_STAT="3 1"
		T_CFLAGS="-march=armv6kz+fp -mfpu=vfp -mfloat-abi=hard -marm"
		T_ASFLAGS="-march=armv6kz -mfpu=vfp -mfloat-abi=hard"
		case $1 in armv6l-*) T_STATIC=0 ;; esac ;;
	powerpc64le-linux-gnu)
		T_DEB=powerpc64le-linux-gnu T_PKG=ppc64el T_ABI=powerpc64le T_LIBDIR=lib64 T_MIN=2.17
		T_FORMAT=elf64-powerpcle T_RET=blr T_STAT="1 1" ;;
	*) return 1 ;;
	esac
	T_RUN=${T_RUN:-/usr/$T_DEB}
}

TARGETS="x86_64-linux-gnu i686-linux-gnu aarch64-linux-gnu armv7l-linux-gnueabihf
armv6l-linux-gnueabihf powerpc64le-linux-gnu"

if [ "${1:-}" = --list ]; then
	for t in $TARGETS; do target_info "$t"; echo "$t $T_MIN $MAX"; done
	exit 0
fi
[ $# -eq 3 ] || die "usage: $0 TARGET VERSION OUTDIR (or --list)"
TARGET=$1 VERSION=$2 OUT=$3
target_info "$TARGET" || die "$TARGET: not a glibc target this makes floors for (${TARGETS//$'\n'/ })"
case $VERSION in 2.[0-9] | 2.[0-9][0-9]) ;; *) die "$VERSION: a glibc version is 2.N" ;; esac
MINOR=${VERSION#2.}
[ "$MINOR" -ge "${T_MIN#2.}" ] && [ "$MINOR" -le "${MAX#2.}" ] ||
	die "$TARGET: glibc $VERSION is outside $T_MIN-$MAX (see README.md: the minimum floor)"

ABI=$HERE/abilists/$T_ABI
[ -f "$ABI" ] || die "$ABI missing (shards/glibc/mkabilists.sh writes it)"
for tool in as ld ar gcc-12; do
	command -v "$T_DEB-$tool" >/dev/null || die "$T_DEB-$tool not found (Debian's cross toolchain)"
done
AS="$T_DEB-as $T_ASFLAGS" LD=$T_DEB-ld AR=$T_DEB-ar CC="$T_DEB-gcc-12 $T_CFLAGS"

# OUTDIR is replaced: only when it is empty or a floor already
if [ -e "$OUT" ] && [ -n "$(ls -A "$OUT" 2>/dev/null)" ] && [ ! -f "$OUT/ccmux-glibc-floor" ]; then
	die "$OUT exists and is not a generated floor: not replacing it"
fi
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
CACHE=${GLIBC_FLOOR_CACHE:-$(dirname "$OUT")/.glibc-floor-cache}
mkdir -p "$CACHE"
# per Debian triplet: armv7l and armv6l floors share one
CACHE=$(cd "$CACHE" && pwd)/$T_DEB
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

. "$HERE/headers.sh"

# ---- the per-target cache: patched headers and compiled objects ---------
# rebuilt when this tooling or Debian's header packages change
cache_key() {
	local p1 p2 rest
	read -r p1 p2 rest <<<"$(header_sources)"
	{
		cat "$HERE/floor.sh" "$HERE/headers.sh" "$HERE/stubs.awk" "$HERE"/csu/* "$ABI"
		dpkg-query -W -f='${Package} ${Version}\n' "$p1" "$p2"
		echo "$T_CFLAGS $T_DEB"
	} | sha1sum | cut -c1-16
}

# start files: crt1 in its four variants, crti, crtn; and the members of
# the nonshared archives
build_objects() {
	local o=$1 src=$HERE/csu/start-$T_ABI.S v m statver mknodver
	read -r statver mknodver <<<"$T_STAT"
	mkdir -p "$o"
	for v in nocsu csu; do
		local d=
		[ $v = csu ] && d=-DCSU
		$CC $d -DCRT1 -c "$src" -o "$o/crt1-$v.o"
		$CC $d -DCRT1 -DPIC -c "$src" -o "$o/Scrt1-$v.o"
	done
	$CC -DCRTI -c "$src" -o "$o/crti.o"
	$CC -DCRTN -c "$src" -o "$o/crtn.o"
	for m in atexit at_quick_exit pthread_atfork stack_chk_fail_local csu csu_static \
	         stat stat64 gmon; do
		$CC -O2 -fPIC -fno-stack-protector -fno-builtin -Wall -Werror \
			-DSTAT_VER="$statver" -DMKNOD_VER="$mknodver" -DM_$m \
			-c "$HERE/csu/nonshared.c" -o "$o/$m.o"
	done
}

prepare_cache() {
	local key
	key=$(cache_key)
	[ -f "$CACHE/key" ] && [ "$(cat "$CACHE/key")" = "$key" ] && return 0
	rm -rf "$CACHE"
	mkdir -p "$CACHE"
	copy_headers "$CACHE/include"
	patch_headers "$CACHE/include"
	build_objects "$CACHE/obj"
	echo "$key" >"$CACHE/key"
}

# ---- per floor ----------------------------------------------------------
# The ld.so stub is what a program names as its interpreter: run against
# the floor by mistake (qemu -L FLOOR), it says so instead of crashing.
# Raw write(2, ...) and exit(127) system calls, per architecture.
STUB_MSG="this is a generated glibc floor: its libraries are for linking only; run programs with the libc root named in ccmux-glibc-floor (run-root)"
stub_entry() {
	printf '\t.text\n\t.globl __floor_stub_entry\n\t.hidden __floor_stub_entry\n__floor_stub_entry:\n'
	case $T_ABI in
	x86_64) printf '\tmovl $1, %%eax\n\tmovl $2, %%edi\n\tleaq .Lmsg(%%rip), %%rsi\n\tmovl $.Lend-.Lmsg, %%edx\n\tsyscall\n\tmovl $60, %%eax\n\tmovl $127, %%edi\n\tsyscall\n' ;;
	i386) printf '\tmovl $4, %%eax\n\tmovl $2, %%ebx\n\tcall 1f\n1:\tpopl %%ecx\n\taddl $.Lmsg-1b, %%ecx\n\tmovl $.Lend-.Lmsg, %%edx\n\tint $0x80\n\tmovl $1, %%eax\n\tmovl $127, %%ebx\n\tint $0x80\n' ;;
	aarch64) printf '\tmov x8, #64\n\tmov x0, #2\n\tadr x1, .Lmsg\n\tmov x2, #.Lend-.Lmsg\n\tsvc #0\n\tmov x8, #93\n\tmov x0, #127\n\tsvc #0\n' ;;
	arm) printf '\tmov r7, #4\n\tmov r0, #2\n\tadr r1, .Lmsg\n\tmov r2, #.Lend-.Lmsg\n\tsvc #0\n\tmov r7, #1\n\tmov r0, #127\n\tsvc #0\n' ;;
	powerpc64le) printf '\tbl 1f\n1:\tmflr 4\n\taddi 4, 4, .Lmsg-1b\n\tli 0, 4\n\tli 3, 2\n\tli 5, .Lend-.Lmsg\n\tsc\n\tli 0, 1\n\tli 3, 127\n\tsc\n' ;;
	esac
	printf '.Lmsg:\t.ascii "%s\\n"\n.Lend:\n' "$STUB_MSG"
}

# stub libraries into OUT/LIBDIR; prints "LIB SONAME" lines
build_stubs() {
	local lib so entry
	mkdir -p "$TMP/stubs" "$OUT/$T_LIBDIR"
	awk -v floor="$VERSION" -v out="$TMP/stubs" -v ret="$T_RET" -v stdin_ref="$T_STDIN_REF" \
		-f "$HERE/stubs.awk" "$ABI" >"$TMP/libs"
	while read -r lib so; do
		entry=
		if [ "$lib" = ld ]; then
			stub_entry >>"$TMP/stubs/$lib.s"
			entry="-e __floor_stub_entry"
		fi
		# the ABI the real libraries state in their ELF header: ELFv2;
		# hard-float (EF_ARM_ABI_FLOAT_HARD, from the VFP-arguments tag)
		case $T_ABI in
		powerpc64le) sed -i '1i\\t.abiversion 2' "$TMP/stubs/$lib.s" ;;
		arm) sed -i '1i\\t.eabi_attribute 28, 1' "$TMP/stubs/$lib.s" ;;
		esac
		$AS -o "$TMP/stubs/$lib.o" "$TMP/stubs/$lib.s"
		$LD -shared -soname "$so" --version-script="$TMP/stubs/$lib.map" -z noexecstack $entry \
			-o "$OUT/$T_LIBDIR/$so" "$TMP/stubs/$lib.o"
	done <"$TMP/libs"
	cat "$TMP/libs"
}

has_lib() { grep -q "^$1 " "$TMP/libs"; }
soname_of() { awk -v l="$1" '$1 == l { print $2 }' "$TMP/libs"; }

# crt files and the nonshared archives into OUT/usr/LIBDIR
build_startfiles() {
	local o=$CACHE/obj u=$OUT/usr/$T_LIBDIR csu=nocsu members
	mkdir -p "$u"
	[ "$MINOR" -le 33 ] && csu=csu
	cp "$o/crt1-$csu.o" "$u/crt1.o"
	cp "$o/Scrt1-$csu.o" "$u/Scrt1.o"
	cp "$o/crti.o" "$o/crtn.o" "$u/"
	# GCC links gcrt1.o for -pg in PIE and non-PIE programs alike: PIC
	$LD -r -o "$u/gcrt1.o" "$o/Scrt1-$csu.o" "$o/gmon.o"
	members="atexit.o at_quick_exit.o stack_chk_fail_local.o"
	[ "$MINOR" -le 33 ] && members="$members csu.o"
	[ "$MINOR" -lt 33 ] && members="$members stat.o stat64.o"
	[ "$MINOR" -ge 28 ] && members="$members pthread_atfork.o"
	rm -f "$u/libc_nonshared.a" "$u/libpthread_nonshared.a"
	# shellcheck disable=SC2086 # a list of file names without spaces
	(cd "$o" && $AR rcD "$u/libc_nonshared.a" $members)
	# glibc < 2.28 had pthread_atfork in libpthread_nonshared.a; later an empty one
	if [ "$MINOR" -lt 28 ]; then
		(cd "$o" && $AR rcD "$u/libpthread_nonshared.a" pthread_atfork.o)
	else
		$AR rcD "$u/libpthread_nonshared.a"
	fi
}

script() { # FILE GROUP-CONTENTS
	printf '/* GNU ld script: a generated glibc %s floor (ccmux shards/glibc) */\nOUTPUT_FORMAT(%s)\nGROUP ( %s )\n' \
		"$VERSION" "$T_FORMAT" "$2" >"$1"
}

# libc.so and friends as glibc VERSION installs them
build_devlinks() {
	local u=$OUT/usr/$T_LIBDIR L=/$T_LIBDIR U=/usr/$T_LIBDIR lib so
	script "$u/libc.so" "$L/libc.so.6 $U/libc_nonshared.a  AS_NEEDED ( $L/$(soname_of ld) )"
	if has_lib libmvec; then
		script "$u/libm.so" "$L/libm.so.6  AS_NEEDED ( $L/$(soname_of libmvec) )"
	else
		ln -s "../../$T_LIBDIR/libm.so.6" "$u/libm.so"
	fi
	# 2.34 merged these into libc: placeholders only, and no .so to link
	if [ "$MINOR" -le 33 ]; then
		script "$u/libpthread.so" "$L/libpthread.so.0 $U/libpthread_nonshared.a"
		for lib in libdl librt libutil; do
			ln -s "../../$T_LIBDIR/$(soname_of $lib)" "$u/$lib.so"
		done
	fi
	# NIS became compatibility-only in 2.28: nothing to link against
	for lib in libresolv libanl libcrypt libBrokenLocale libmvec libnsl; do
		has_lib $lib || continue
		[ $lib = libnsl ] && [ "$MINOR" -ge 28 ] && continue
		ln -s "../../$T_LIBDIR/$(soname_of $lib)" "$u/$lib.so"
	done
	if [ "$T_LIBDIR" = lib64 ]; then
		ln -s lib64 "$OUT/lib"
		ln -s lib64 "$OUT/usr/lib"
	fi
}

# static libraries: Debian's glibc 2.36 ones, which need no GLIBC_ version at
# run time (links into glibc-2.36-static/); below 2.34 our crt1.o passes
# __libc_csu_init, so libc.a is a script adding its static flavour
build_static() {
	local u=$OUT/usr/$T_LIBDIR s=$OUT/usr/$T_LIBDIR/glibc-2.36-static src lib f
	[ "$T_STATIC" = 1 ] || return 0
	src=/usr/$T_DEB/lib
	[ "$T_PKG" = amd64 ] && [ ! -d "$src" ] && src=/usr/lib/x86_64-linux-gnu
	[ -f "$src/libc.a" ] || die "$src/libc.a missing (Debian's libc6-dev for $TARGET)"
	mkdir -p "$s"
	for lib in libc libm libpthread libdl librt libutil libresolv libanl libBrokenLocale libmvec; do
		f=$src/$lib.a
		[ -f "$f" ] || continue
		if head -c 8 "$f" | grep -q '^!<arch>'; then
			ln -sf "$f" "$s/$lib.a"
		else
			# a linker script naming archives by absolute paths (x86_64's
			# libm.a): link each, and name them inside the sysroot
			local list='' a
			for a in $(grep -o '/[^ )]*\.a' "$f"); do
				ln -sf "$a" "$s/${a##*/}"
				list="$list /usr/$T_LIBDIR/glibc-2.36-static/${a##*/}"
			done
			script "$s/$lib.a" "$list"
		fi
		if [ $lib = libc ] && [ "$MINOR" -le 33 ]; then
			$AR rcD "$u/libcsu_static.a" "$CACHE/obj/csu_static.o"
			script "$u/libc.a" "/usr/$T_LIBDIR/glibc-2.36-static/libc.a /usr/$T_LIBDIR/libcsu_static.a"
		else
			ln -s "glibc-2.36-static/$lib.a" "$u/$lib.a"
		fi
	done
}

marker() {
	cat >"$OUT/ccmux-glibc-floor" <<EOF
# a generated glibc floor: shards/glibc/floor.sh $TARGET $VERSION
floor $VERSION
target $TARGET
libdir $T_LIBDIR
run-root $T_RUN
static $([ "$T_STATIC" = 1 ] && echo glibc-2.36 || echo none)
EOF
}

exec 9>"$CACHE.lock"
flock 9
prepare_cache
flock -u 9
find "$OUT" -mindepth 1 -delete
echo "# an unfinished glibc floor (shards/glibc/floor.sh)" >"$OUT/ccmux-glibc-floor"
mkdir -p "$OUT/usr"
floor_headers "$CACHE/include" "$OUT/usr/include" "$MINOR"
build_stubs >/dev/null
build_startfiles
build_devlinks
build_static
marker
