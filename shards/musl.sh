#!/bin/bash
# shards/musl.sh TARGET OUTDIR (run by install.sh)
#
# Make a complete, relocatable musl sysroot for TARGET in OUTDIR:
#
#   OUTDIR/usr/include/          musl's headers over the kernel's UAPI headers
#                                (linux/ asm/ asm-generic/ drm/ misc/ mtd/ rdma/
#                                scsi/ sound/ video/ xen/, from linux-libc-dev)
#   OUTDIR/usr/lib/              crt1.o Scrt1.o rcrt1.o crti.o crtn.o, libc.a,
#                                libc.so, the empty libm.a libpthread.a ...
#   OUTDIR/usr/lib/ccmux.specs   how ccmux links with it (crt files, libc, the
#                                dynamic linker), every path %R-relative
#   OUTDIR/lib/ld-musl-ARCH.so.1 -> ../usr/lib/libc.so
#   OUTDIR/.musl                 "VERSION SOURCE", written last: the sysroot is done
#
#   TARGET  x86_64-linux-musl | aarch64-linux-musl | i686-linux-musl |
#           armv7l-linux-musleabihf | armv6l-linux-musleabihf
#
# Where musl comes from:
#  - Debian's musl and musl-dev packages of the target's Debian architecture
#    (amd64, arm64, i386, armhf), fetched with `apt-get download` and unpacked
#    with `dpkg -x` into the cache.  A foreign architecture the system's apt
#    does not list is read from a private package index (lists in the cache),
#    so the machine's dpkg architectures and apt state stay as they are.
#  - armv6l: Debian's armhf musl is ARMv7-A Thumb-2 code (SIGILL on an ARM1176),
#    so musl is built from Debian's musl source package (`apt-get source`, with
#    Debian's additions: fts) by Debian's arm-linux-gnueabihf-gcc-N in ARMv6
#    ARM mode, VFPv2 hard-float.  Its libc.so (also the dynamic linker) links
#    the compiler runtime (division helpers): that libgcc.a is built ARMv6
#    first, by runtime.sh's libgcc-bootstrap component.
#  - the kernel headers: Debian's linux-libc-dev-DEBARCH-cross (one version for
#    every target, an arch:all package the system's apt always lists).
#
# Environment knobs:
#   MUSL_WORK=$TMPDIR/ccmux-musl       cache: .debs, package index, musl source, builds
#   MUSL_JOBS=$(nproc)                 make -j for the armv6l build
#   MUSL_GCC_MAJOR=12                  Debian GCC that builds musl and libgcc for armv6l
#   FLOOR_WORK                         runtime.sh's scratch (GCC's source), shared
#   CCMUX=SRC/ccmux                    the ccmux that gives the specs file and the flags
set -eu

die() { echo "musl.sh: $*" >&2; exit 1; }
say() { echo "== [musl $TARGET] $*" >&2; }
[ $# -eq 2 ] || die "usage: $0 TARGET OUTDIR"
TARGET=$1
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
WORK=${MUSL_WORK:-${TMPDIR:-/tmp}/ccmux-musl}
JOBS=${MUSL_JOBS:-$(nproc)}
MAJOR=${MUSL_GCC_MAJOR:-12}

# TARGET          Debian arch  musl ARCH  Debian's musl triplet  kernel-header triplet
case $TARGET in
x86_64-linux-musl)       DEBARCH=amd64 MARCH=x86_64  MTRIP=x86_64-linux-musl    KTRIP=x86_64-linux-gnu ;;
aarch64-linux-musl)      DEBARCH=arm64 MARCH=aarch64 MTRIP=aarch64-linux-musl   KTRIP=aarch64-linux-gnu ;;
i686-linux-musl)         DEBARCH=i386  MARCH=i386    MTRIP=i386-linux-musl      KTRIP=i686-linux-gnu ;;
armv7l-linux-musleabihf) DEBARCH=armhf MARCH=armhf   MTRIP=arm-linux-musleabihf KTRIP=arm-linux-gnueabihf ;;
armv6l-linux-musleabihf) DEBARCH=armhf MARCH=armhf   MTRIP=source               KTRIP=arm-linux-gnueabihf ;;
*) die "unsupported target $TARGET" ;;
esac
mkdir -p "$(dirname "$2")"; OUT=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
DEBS=$WORK/debs-$DEBARCH
mkdir -p "$DEBS"

# ---------------------------------------------------------------- packages
# a private package index for one Debian architecture, made from the
# system's binary sources (deb lines only: no source indexes to fetch)
APTDIR=$WORK/apt-$DEBARCH
private_apt() {
	apt-get -q -o Dir::Etc::SourceList=/dev/null -o Dir::Etc::SourceParts="$APTDIR/sources" \
		-o Dir::State::Lists="$APTDIR/lists" -o Dir::Cache="$APTDIR/cache" \
		-o Dir::State::status=/dev/null -o APT::Architecture="$DEBARCH" \
		-o APT::Architectures="$DEBARCH" -o Acquire::Languages=none \
		-o APT::Sandbox::User=root "$@"
}
private_index() {
	[ -e "$APTDIR/.updated" ] && return
	rm -rf "$APTDIR"
	mkdir -p "$APTDIR/sources" "$APTDIR/lists/partial" "$APTDIR/cache/archives/partial"
	grep -hE '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null \
		> "$APTDIR/sources/system.list" || true
	# deb822 stanzas whose Types has "deb", reduced to Types: deb
	cat /etc/apt/sources.list.d/*.sources 2>/dev/null |
		awk 'BEGIN { RS = ""; ORS = "\n\n" }
		     /(^|\n)Types:([^\n]* )?deb( |\n|$)/ { sub(/Types:[^\n]*/, "Types: deb"); print }' \
		> "$APTDIR/sources/system.sources"
	# a mirror in sync can fail one index; the download says what is missing
	private_apt update >"$APTDIR/update.log" 2>&1 || echo "apt-get update reported errors (see $APTDIR/update.log)" >&2
	touch "$APTDIR/.updated"
}
# fetch PKG[:ARCH]... into $DEBS (cached); the system's apt first, then the
# private index for an architecture the system does not list
# (one fetch at a time: musl.sh for armv6l and armv7l share the armhf cache)
fetch_debs() {
	exec 7>"$WORK/.fetch.lock"; flock 7
	fetch_debs_unlocked "$@"
	exec 7>&-
}
fetch_debs_unlocked() {
	local p have=1
	for p in "$@"; do ls "$DEBS/${p%%:*}"_*.deb >/dev/null 2>&1 || have=0; done
	[ $have = 1 ] && return
	say "download $*"
	(cd "$DEBS" && apt-get -q -o APT::Sandbox::User=root download "$@") >"$DEBS/download.log" 2>&1 && return
	private_index
	(cd "$DEBS" && private_apt download "${@%%:*}") >>"$DEBS/download.log" 2>&1 ||
		{ cat "$DEBS/download.log" >&2; die "cannot download $*"; }
}
# unpack every cached .deb of NAME into DIR
unpack_deb() {
	local name=$1 dir=$2 deb
	deb=$(ls "$DEBS/$name"_*.deb | sort -V | tail -1)
	dpkg -x "$deb" "$dir"
}
deb_version() { basename "$(ls "$DEBS/$1"_*.deb | sort -V | tail -1)" | cut -d_ -f2; }

# ---------------------------------------------------------------- layout
# the kernel's UAPI headers first, musl's over them (none collide today;
# on a collision musl's file is the one a musl program must see)
kernel_headers() {
	local x=$WORK/x-kernel-$TARGET
	rm -rf "$x"; mkdir -p "$x"
	unpack_deb "linux-libc-dev-$DEBARCH-cross" "$x"
	[ -d "$x/usr/$KTRIP/include/linux" ] || die "no linux/ in linux-libc-dev-$DEBARCH-cross"
	mkdir -p "$OUT/usr/include"
	cp -a "$x/usr/$KTRIP/include/." "$OUT/usr/include/"
	rm -rf "$x"
}

# musl from Debian's binary packages
debian_musl() {
	local x=$WORK/x-musl-$TARGET f
	rm -rf "$x"; mkdir -p "$x"
	unpack_deb musl "$x"; unpack_deb musl-dev "$x"
	[ -e "$x/usr/lib/$MTRIP/libc.a" ] && [ -e "$x/lib/$MTRIP/libc.so" ] ||
		die "musl packages for $DEBARCH lack usr/lib/$MTRIP/libc.a or lib/$MTRIP/libc.so"
	cp -a "$x/usr/include/$MTRIP/." "$OUT/usr/include/"
	mkdir -p "$OUT/usr/lib"
	for f in "$x/usr/lib/$MTRIP"/*; do
		case $f in *.specs) continue ;; esac
		cp -a "$f" "$OUT/usr/lib/"
	done
	cp "$x/lib/$MTRIP/libc.so" "$OUT/usr/lib/libc.so"
	rm -rf "$x"
}

# ---------------------------------------------------------------- armv6l
DEBTRIP=arm-linux-gnueabihf
musl_source() {
	local src=$WORK/src
	mkdir -p "$src"
	exec 7>"$WORK/.fetch.lock"; flock 7
	if ! ls -d "$src"/musl-[0-9]*/.ccmux-unpacked >/dev/null 2>&1; then
		say "apt-get source musl"
		(cd "$src" && apt-get -q -o APT::Sandbox::User=root source musl) >"$src/source.log" 2>&1 ||
			{ tail "$src/source.log" >&2; die "apt-get source musl failed"; }
		local d; d=$(ls -d "$src"/musl-[0-9]* | sort -V | tail -1)
		# what Debian's rules do before configure (copy_fts): fts in libc
		mkdir -p "$d/src/fts"
		cp "$d/debian/musl-fts/fts.c" "$d/debian/musl-fts/config.h" "$d/src/fts/"
		cp "$d/debian/musl-fts/fts.h" "$d/include/"
		touch "$d/.ccmux-unpacked"
	fi
	MUSLSRC=$(ls -d "$src"/musl-[0-9]*/.ccmux-unpacked | sort -V | tail -1)
	MUSLSRC=${MUSLSRC%/.ccmux-unpacked}
	exec 7>&-
}

# configure musl in BUILD for ARMv6; the compiler runtime (LIBCC) is set
# once an ARMv6 libgcc exists
musl_configure() {
	local build=$1 cflags
	# Debian's flags for armhf (hardening=+all, as its rules ask; no -g, as
	# its packages are stripped), plus ARMv6
	cflags=$(DEB_HOST_ARCH=armhf DEB_BUILD_MAINT_OPTIONS=hardening=+all dpkg-buildflags --get CFLAGS 2>/dev/null |
		sed 's/-g\b//; s/-ffile-prefix-map=[^ ]*//')
	rm -rf "$build"; mkdir -p "$build"
	(cd "$build" && "$MUSLSRC/configure" --target=arm-linux-musleabihf --prefix=/usr \
		--libdir=/usr/lib --includedir=/usr/include --syslibdir=/lib --disable-wrapper \
		CC="$DEBTRIP-gcc-$MAJOR" CROSS_COMPILE="$DEBTRIP-" \
		CFLAGS="$cflags $ARMV6_FLAGS" LIBCC=-lgcc) >"$build/configure.log" 2>&1 ||
		{ tail "$build/configure.log" >&2; die "musl configure failed"; }
	grep -q '^ARCH = arm$' "$build/config.mak" && grep -q '^SUBARCH = hf' "$build/config.mak" ||
		die "musl configure did not pick arm hard-float"
}

# musl's arm atomics carry `.arch armv6t2` / `.arch armv7-a` for the
# barrier/cas variants it picks at run time from AT_HWCAP; gas then marks
# the object "7-A, Thumb-2" and every linked program inherits the claim.
# The code is ARM mode and runs on an ARM1176 (AT_PLATFORM "v6l" selects the
# v6 variants, an old kernel the kuser helpers), so the object's attributes
# are dropped: the program's come from the objects built with the ARMv6 flags.
musl_armv6_fixups() {
	local o
	for o in "$1"/obj/src/thread/arm/atomics.o "$1"/obj/src/thread/arm/atomics.lo; do
		[ -e "$o" ] || die "musl build has no $o"
		"$DEBTRIP-objcopy" --remove-section=.ARM.attributes "$o"
	done
}

armv6_musl() {
	local b=$WORK/build-musl-armv6l stage=$WORK/stage-musl-armv6l rt=$WORK/libgcc-armv6l
	local gcc=$DEBTRIP-gcc-$MAJOR f crt="lib/crt1.o lib/Scrt1.o lib/rcrt1.o lib/crti.o lib/crtn.o"
	command -v "$gcc" >/dev/null || die "$gcc not installed"
	# ARM1176JZF-S: the flags runtime.sh builds GCC's runtime with
	ARMV6_FLAGS=$(bash "$HERE/runtime.sh" --arch-flags "$TARGET")
	[ -n "$ARMV6_FLAGS" ] || die "runtime.sh gives no ARMv6 flags"
	musl_source
	# 1. headers, crt files and libc.a: enough for GCC's libgcc to compile
	say "musl $(basename "$MUSLSRC") for ARMv6: headers, crt files, libc.a"
	musl_configure "$b"
	rm -rf "$stage"
	# shellcheck disable=SC2086
	(cd "$b" && nice make -j"$JOBS" obj/src/thread/arm/atomics.o obj/src/thread/arm/atomics.lo &&
		{ musl_armv6_fixups "$b"; } && nice make -j"$JOBS" lib/libc.a $crt &&
		make DESTDIR="$stage" install-headers) >"$b/make1.log" 2>&1 ||
		{ tail -20 "$b/make1.log" >&2; die "musl build (static) failed"; }
	kernel_headers
	cp -a "$stage/usr/include/." "$OUT/usr/include/"
	mkdir -p "$OUT/usr/lib"
	# shellcheck disable=SC2086
	(cd "$b" && cp $crt lib/libc.a "$OUT/usr/lib/")
	write_specs
	# 2. an ARMv6 libgcc.a/libgcc_eh.a from GCC's source against it
	say "libgcc for ARMv6 (runtime.sh, libgcc-bootstrap)"
	rm -rf "$rt"
	FLOOR_COMPONENTS=libgcc-bootstrap FLOOR_WORK=${FLOOR_WORK:-$WORK/runtime-work} \
		FLOOR_JOBS=$JOBS FLOOR_OPT=-O2 \
		bash "$HERE/runtime.sh" "$TARGET" "$MAJOR" "$OUT" "$rt" >"$WORK/libgcc-armv6l.log" 2>&1 ||
		{ tail -20 "$WORK/libgcc-armv6l.log" >&2; die "libgcc for ARMv6 failed (log: $WORK/libgcc-armv6l.log)"; }
	# 3. the rest of musl: libc.so (the dynamic linker too) links that libgcc
	say "musl for ARMv6: libc.so"
	sed -i "s|^LIBCC = .*|LIBCC = $rt/lib/libgcc.a $rt/lib/libgcc_eh.a|" "$b/config.mak"
	rm -rf "$stage"
	(cd "$b" && nice make -j"$JOBS" && make DESTDIR="$stage" install-libs) >"$b/make2.log" 2>&1 ||
		{ tail -20 "$b/make2.log" >&2; die "musl build failed"; }
	rm -f "$stage/usr/lib/libcrypt.a"    # as Debian's musl-dev
	for f in "$stage/usr/lib"/*; do cp -a "$f" "$OUT/usr/lib/"; done
	rm -rf "$stage" "$rt"
	MUSLVER=$(cat "$MUSLSRC/VERSION")
	MUSLFROM="built from $(basename "$(ls "$WORK"/src/musl_*.dsc | sort -V | tail -1)" .dsc) with $ARMV6_FLAGS"
}

# ---------------------------------------------------------------- specs
# link only (ccmux gives compiles their include directories itself); the
# text is ccmux's, which `ccmux adopt` writes too
write_specs() {
	local cc=${CCMUX:-$HERE/../ccmux}
	[ -x "$cc" ] || die "no ccmux to ask for the specs (set CCMUX=PATH, or run make first)"
	mkdir -p "$OUT/usr/lib"
	"$cc" targets --field musl_specs "$TARGET" > "$OUT/usr/lib/ccmux.specs.tmp" &&
		mv "$OUT/usr/lib/ccmux.specs.tmp" "$OUT/usr/lib/ccmux.specs"
}

# ---------------------------------------------------------------- main
if [ -e "$OUT/.musl" ] && [ -e "$OUT/usr/lib/ccmux.specs" ] && [ -e "$OUT/usr/include/linux/limits.h" ]; then
	say "done already: $OUT ($(cat "$OUT/.musl"))"
	exit 0
fi
# built in place; .musl, written last, says it is complete
rm -rf "$OUT"; mkdir -p "$OUT"
fetch_debs "linux-libc-dev-$DEBARCH-cross"
if [ "$MTRIP" = source ]; then
	armv6_musl
else
	fetch_debs "musl:$DEBARCH" "musl-dev:$DEBARCH"
	kernel_headers
	debian_musl
	MUSLVER=$(deb_version musl-dev)
	MUSLFROM="Debian musl-dev:$DEBARCH"
fi
write_specs
mkdir -p "$OUT/lib"
ln -sfn ../usr/lib/libc.so "$OUT/lib/ld-musl-$MARCH.so.1"
for f in crt1.o Scrt1.o crti.o crtn.o libc.a libc.so; do
	[ -e "$OUT/usr/lib/$f" ] || die "sysroot lacks usr/lib/$f"
done
[ -e "$OUT/usr/include/stdio.h" ] && [ -e "$OUT/usr/include/linux/limits.h" ] &&
	[ -e "$OUT/usr/include/asm/unistd.h" ] || die "sysroot lacks headers"
echo "$MUSLVER $MUSLFROM; kernel headers $(deb_version "linux-libc-dev-$DEBARCH-cross")" > "$OUT/.musl"
say "done: $OUT ($(du -sh "$OUT" | cut -f1); $(cat "$OUT/.musl"))"
