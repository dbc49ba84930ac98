#!/bin/bash
# shards/runtime.sh TARGET GCCMAJOR SYSROOT OUTDIR (run by install.sh)
# shards/runtime.sh --arch-flags TARGET     print TARGET's code-generation flags
#
# Build GCC's target runtime libraries -- libgcc_s/libgcc_eh, libstdc++,
# libquadmath (where __float128 exists), libgfortran -- from the upstream GCC
# tarball contained in Debian's gcc-N source package, compiled by Debian's own
# gcc-N (native or cross) against a SYSROOT:
#  - an old glibc (TARGET ARCH-linux-gnu[eabihf]): programs linked against
#    them need only the glibc symbol versions that SYSROOT provides (e.g. 2.17);
#  - musl (TARGET ARCH-linux-musl[eabihf]): Debian's glibc-targeting gcc drives
#    musl through ccmux's specs file (SYSROOT/usr/lib/ccmux.specs); the
#    libraries are configured --host=TARGET, so libstdc++ uses its generic OS
#    and locale support and libgcc's unwinder dl_iterate_phdr.
# For musl, and for a target whose code differs from what the Debian compiler
# makes by default (armv6l: Debian's armhf is ARMv7-A Thumb-2), libgcc.a,
# libgcov.a and the crtbegin/crtend files are installed too: ccmux links with
# -B OUTDIR/lib/ so that they replace Debian's.
#
#   TARGET    ARCH-linux-gnu, ARCH-linux-musl (ARCH x86_64 i686 aarch64
#             powerpc64le), armv7l|armv6l-linux-gnueabihf|musleabihf;
#             x86_64 and aarch64 alone mean ARCH-linux-gnu.  Everything else
#             is derived: Debian's triplet (arm-linux-gnueabihf for both ARM
#             levels), the compiler (DEBTRIPLET-gcc-N), its library directory,
#             the libc and the code-generation flags (--arch-flags).
#   GCCMAJOR  11 | 12            (DEBTRIPLET-gcc-N, -g++-N, -gfortran-N installed,
#                                 and a deb-src line for the archive present)
#   SYSROOT   a glibc-only sysroot (the floor) or ccmux's musl sysroot (musl.sh)
#   OUTDIR    install prefix: OUTDIR/lib, OUTDIR/include/c++/N
#
# Environment knobs:
#   FLOOR_WORK=$TMPDIR/ccmux-floor     scratch (sources, build trees, logs)
#   FLOOR_JOBS=$(nproc)               make -j (one job pool for the whole build)
#   FLOOR_COMPONENTS="libgcc libstdc++ libgfortran"
#                                     (libgcc-bootstrap instead of libgcc:
#                                     libgcc.a without fixed-point, libgcc_eh.a
#                                     and the crt files, enough to link a libc;
#                                     needs the libc's headers only)
#   FLOOR_OPT="-O2"                   optimisation/debug flags for the libraries
#   FLOOR_STRIP=0                     1: strip debug info from installed libs
#   CCMUX=SRC/ccmux                   the ccmux to ask for a target's flags (its cflags)
#
# The steps run as one make -j graph (configure steps overlap each other and
# other builds); with --with-pic, libtool's second (static) compile of each
# source is the PIC object copied, not compiled again.  Per-step wall times
# go to BUILD/logs/times.txt.
#
# Nothing from the Debian patch set is used: only the pristine (dfsg) upstream
# tarball inside gcc-N_*.orig.tar.*.
set -eu
export LC_NUMERIC=C   # the times of `timed`

die() { echo "runtime.sh: $*" >&2; exit 1; }
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# the code-generation flags of TARGET beyond the Debian compiler's defaults,
# from ccmux's target table (its cflags column: the one source of them).
# armv6l = ARM1176JZF-S (Raspberry Pi 1/Zero): ARMv6KZ, ARM mode (Thumb-1
# has no hard-float ABI), VFPv2, hard-float.
arch_flags() {
	local cc=${CCMUX:-$HERE/../ccmux}
	[ -x "$cc" ] || die "no ccmux to ask for $1's flags (set CCMUX=PATH, or run make first)"
	"$cc" targets --field cflags "$1" || die "$cc does not know the target $1"
}

# TARGET -> TARGET (canonical), ARCH, LIBC, ABI, DEBTRIP, DEBMA
parse_target() {
	local t=$1 os
	case $t in
	x86_64|aarch64) t=$t-linux-gnu ;;
	amd64) t=x86_64-linux-gnu ;;
	arm64) t=aarch64-linux-gnu ;;
	esac
	ARCH=${t%%-*}
	os=${t#"$ARCH"-}
	os=${os#unknown-}; os=${os#pc-}
	case $ARCH in
	amd64) ARCH=x86_64 ;; arm64) ARCH=aarch64 ;; i386|i486|i586) ARCH=i686 ;;
	ppc64le) ARCH=powerpc64le ;;
	esac
	case $os in
	linux-gnu) LIBC=glibc ABI= ;;
	linux-gnueabihf) LIBC=glibc ABI=eabihf ;;
	linux-musl) LIBC=musl ABI= ;;
	linux-musleabihf) LIBC=musl ABI=eabihf ;;
	*) die "unsupported target $1 (OS/libc '$os')" ;;
	esac
	case $ARCH:$ABI in
	x86_64:|i686:|aarch64:|powerpc64le:) DEBTRIP=$ARCH-linux-gnu ;;
	armv7l:eabihf|armv6l:eabihf) DEBTRIP=arm-linux-gnueabihf ;;
	*) die "unsupported target $1" ;;
	esac
	DEBMA=$DEBTRIP; [ "$ARCH" = i686 ] && DEBMA=i386-linux-gnu
	TARGET=$ARCH-$os
}

if [ "${1:-}" = --arch-flags ]; then
	[ $# -eq 2 ] || die "usage: $0 --arch-flags TARGET"
	parse_target "$2"; arch_flags "$TARGET"; exit 0
fi
[ $# -eq 4 ] || die "usage: $0 TARGET GCCMAJOR SYSROOT OUTDIR"
parse_target "$1"
MAJOR=$2
[ -d "$3" ] || die "sysroot $3 not found"
SR=$(cd "$3" && pwd)
mkdir -p "$4"; OUT=$(cd "$4" && pwd)
ARGS=("$TARGET" "$MAJOR" "$SR" "$OUT")   # absolute: steps run in the build tree
WORK=${FLOOR_WORK:-${TMPDIR:-/tmp}/ccmux-floor}
JOBS=${FLOOR_JOBS:-$(nproc)}
COMPONENTS=${FLOOR_COMPONENTS:-"libgcc libstdc++ libgfortran"}
OPT=${FLOOR_OPT:-"-O2"}
SELF=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "${BASH_SOURCE[0]}")
case "$SR$OUT$WORK$SELF" in *[[:space:]]*) die "paths with blanks are not supported" ;; esac

TRIPLET=$TARGET                       # --host of the libraries, GCC's --target
PFX=$DEBTRIP-
BUILD_TRIPLET=$(gcc -dumpmachine)
CC0=${PFX}gcc-$MAJOR CXX0=${PFX}g++-$MAJOR FC0=${PFX}gfortran-$MAJOR
for t in "$CC0" "$CXX0"; do command -v "$t" >/dev/null || die "$t not installed"; done
# gcc/'s configure compiles its host checks with GCC's system.h, which
# includes gmp.h: without it every check of a declaration fails, and the
# generator programs then do not compile (libiberty's basename against glibc's)
echo '#include <gmp.h>' | gcc -E -x c - >/dev/null 2>&1 ||
	die "gmp.h not found: install libgmp-dev (GCC's configure needs it)"
GCCLIB=$(dirname "$("$CC0" -print-libgcc-file-name)")
[ -d "$GCCLIB/include" ] || die "$GCCLIB/include missing"
GCCVER=$($CC0 -dumpfullversion)
AFLAGS=$(arch_flags "$TARGET")
# libgcc.a and the crt files are ours where Debian's do not fit
OWN_LIBGCC=0; { [ $LIBC = musl ] || [ -n "$AFLAGS" ]; } && OWN_LIBGCC=1
# powerpc64le: libgcc's __float128 ifunc resolvers (POWER9/10 hardware
# variants) read the hwcaps glibc keeps in the TCB from 2.23, and mark that
# with a reference to __parse_hwcap_and_convert_at_platform@GLIBC_2.23: below
# 2.23 no program using __float128 (libgfortran's REAL(16), libquadmath)
# would link.  Such a floor gets the software __float128 only (POWER8 has no
# hardware one), in a libgcc.a of its own.
LIBGCC_CONF=()

if [ $LIBC = glibc ]; then
	# sysroot library dirs: lib64, Debian multiarch or lib, whichever has crt1.o
	SRUSRLIB=
	for d in usr/lib64 "usr/lib/$DEBMA" usr/lib; do
		[ -e "$SR/$d/crt1.o" ] && { SRUSRLIB=$SR/$d; break; }
	done
	[ -n "$SRUSRLIB" ] || die "no crt1.o in $SR/usr/lib64, usr/lib/$DEBMA or usr/lib"
	SRLIB=$SR/${SRUSRLIB#"$SR"/usr/}
	[ -d "$SRLIB" ] || SRLIB=$SRUSRLIB
	GLIBC_FLOOR=$(sed -n 's/^#define[ \t]*__GLIBC_MINOR__[ \t]*\([0-9]*\).*/2.\1/p' \
		"$SR/usr/include/features.h" 2>/dev/null | head -1)
	[ -n "$GLIBC_FLOOR" ] || GLIBC_FLOOR=$(cd "$SRLIB" && ls libc-*.so 2>/dev/null |
		sed -n 's/^libc-\([0-9.]*\)\.so$/\1/p' | head -1)
	[ -n "$GLIBC_FLOOR" ] || die "cannot tell the glibc version of $SR"
	# "pinning" flags: Debian's gcc sees only its private dir + SYSROOT
	INCPIN="--sysroot=$SR -nostdinc -isystem $GCCLIB/include"
	[ -d "$GCCLIB/include-fixed" ] && INCPIN="$INCPIN -isystem $GCCLIB/include-fixed"
	[ -d "$SR/usr/include/$DEBMA" ] && INCPIN="$INCPIN -isystem $SR/usr/include/$DEBMA"
	INCPIN="$INCPIN -isystem $SR/usr/include"
	LINKPIN="-B$SRUSRLIB/ -L$SRUSRLIB -L$SRLIB -Wl,-rpath-link,$SRLIB"
	GLIBC_CONFIG="--with-glibc-version=$GLIBC_FLOOR"
	CLOCALE=gnu
	LIBGCC_FIX=""
	if [ "$ARCH" = powerpc64le ] &&
	   [ "$(printf '%s\n' 2.23 "$GLIBC_FLOOR" | sort -V | head -n 1)" != 2.23 ]; then
		LIBGCC_CONF=(libgcc_cv_powerpc_float128_hw=no libgcc_cv_powerpc_3_1_float128_hw=no)
		OWN_LIBGCC=1
		# the same symbol behind __builtin_cpu_supports, which libstdc++'s
		# random_device uses for DARN when the compiler says it can: a GCC
		# configured for this floor would not say so
		INCPIN="$INCPIN -U__BUILTIN_CPU_SUPPORTS__"
	fi
else
	[ -e "$SR/usr/lib/ccmux.specs" ] || die "no ccmux.specs in $SR/usr/lib"
	# as ccmux compiles for musl: the musl headers and GCC's own include dir
	# (not include-fixed: it is glibc's); links through the specs file
	INCPIN="--sysroot=$SR -nostdinc -isystem $SR/usr/include -isystem $GCCLIB/include"
	LINKPIN="-specs=$SR/usr/lib/ccmux.specs"
	GLIBC_CONFIG=""
	CLOCALE=generic
	# Debian's gcc predefines __gnu_linux__, so aarch64's outline-atomics
	# check in libgcc calls glibc's __getauxval; musl exports getauxval
	LIBGCC_FIX=""; [ "$ARCH" = aarch64 ] && LIBGCC_FIX="-D__getauxval=getauxval"
fi
CC1="$CC0 $AFLAGS" CXX1="$CXX0 $AFLAGS" FC1="$FC0 $AFLAGS"
# where only libgcc_s and libgcc_eh are ours (Debian's libgcc.a stays), the
# fixed-point routines (ARM's _Fract/_Accum: more than half of its libgcc)
# stay out of libgcc_s: a program that uses them takes them from libgcc.a,
# which the driver links beside libgcc_s
[ $OWN_LIBGCC = 1 ] || LIBGCC_CONF+=(libgcc_cv_fixed_point=no)

SRCDIR=$WORK/src
BLD=$WORK/build-$TRIPLET-gcc$MAJOR   # mimics a GCC build tree:
TB=$BLD/$TRIPLET                     #   $TB/{libgcc,libstdc++-v3,libgfortran,...}
GCCB=$BLD/gcc                        #   configured (not built) gcc/ dir for libgcc
LOG=$BLD/logs
TIMES=$LOG/times.txt
step() { echo "== [$TRIPLET gcc$MAJOR] $*" >&2; }
# timed NAME CMD...: run CMD with output to $LOG/NAME.log, record its wall
# time, the CPU time of everything it ran (user + system, so the cost of a
# step is known apart from what ran beside it) and when it started (seconds
# after the build began)
timed() {
	local name=$1 t0 rc cpu TIMEFORMAT='%R %U %S'; shift
	step "$name"
	t0=$(date +%s)
	# subshell with its own errexit (errexit is ignored inside `if`/`||` contexts)
	set +e
	{ time { ( set -e; "$@" ) >"$LOG/$name.log" 2>&1; }; } 2>"$LOG/$name.time"
	rc=$?
	set -e
	if [ $rc -ne 0 ]; then
		tail -20 "$LOG/$name.log" >&2; die "$name failed, see $LOG/$name.log"
	fi
	cpu=$(awk '{ printf "%d", $2 + $3 }' "$LOG/$name.time")
	printf '%-24s %5.0f s  cpu %4d s  (from +%d s)\n' "$name" "$(cut -d' ' -f1 "$LOG/$name.time")" \
		"$cpu" $((t0 - ${RUNTIME_T0:-$t0})) >> "$TIMES"
}
# make in a step: inside the pipeline's make, share its job pool
submake() {
	case " ${MAKEFLAGS:-} " in
	*jobserver*) make "$@" ;;
	*) make -j"$JOBS" "$@" ;;
	esac
}
# after libgcc is built, link the target libraries against *our* libgcc
# (Debian's libgcc_s.so.1 needs _dl_find_object@GLIBC_2.35; Debian's libgcc.a
# and crt files are glibc's, or not the target's code): -B finds our crt
# files, which the specs file names with %s, and -L our libgcc.a/libgcc_s
tlinkpin() {
	if [ ! -e "$TB/libgcc/libgcc_s.so.1" ]; then echo "$LINKPIN"
	else echo "-B$TB/libgcc/ -L$TB/libgcc $LINKPIN"; fi
}
# musl's specs give libgcc as bare .a paths, which libtool drops when it
# links a C++ or Fortran library: name libgcc_s, as a normal GCC build does
tlibs() { if [ $LIBC = musl ] && [ -e "$TB/libgcc/libgcc_s.so.1" ]; then echo "-lgcc_s"; fi; }
# configure scripts, libtool and the makefiles' recipes run under dash
# where there is one (Debian's /bin/sh): autoconf would pick bash, whose
# start-up is most of libtool's cost per compiled file
[ -x /bin/dash ] && export CONFIG_SHELL=/bin/dash
HOSTTOOLS=(AR="${PFX}ar" RANLIB="${PFX}ranlib" NM="${PFX}nm" STRIP="${PFX}strip")

# ---------------------------------------------------------------- sources
fetch_source() {
	ls "$SRCDIR"/gcc-"$MAJOR"_*.orig.tar.* >/dev/null 2>&1 && { echo cached; return 0; }
	cd "$SRCDIR" && apt-get source --download-only "gcc-$MAJOR"
}
# the tree is unpacked beside its final name and renamed into place, and a
# tree counts only when every directory a step configures is complete: a
# killed or failed unpack (or one an older script left) is never built from
SRC_PARTS="libiberty gcc libgcc libstdc++-v3 libgfortran libquadmath"
unpack_source() {
	local orig inner top
	orig=$(ls "$SRCDIR"/gcc-"$MAJOR"_*.orig.tar.* | head -1)
	# the Debian orig tarball wraps the upstream one: gcc-N-X.Y.Z/gcc-X.Y.Z-dfsg.tar.xz
	inner=$(tar tf "$orig" | grep -E '/gcc-[0-9.]+(-dfsg)?\.tar\.(xz|gz|bz2)$' | head -1)
	[ -n "$inner" ] || { echo "no upstream tarball inside $orig"; return 1; }
	cd "$SRCDIR" && tar xf "$orig" "$inner"
	top=$(tar tf "$inner" | head -1); top=${top%%/*}
	rm -rf "$top" "$top.unpack"; mkdir "$top.unpack"
	# skip testsuites, docs and front ends/runtimes we never configure (~1 GB -> ~220 MB)
	# (configure scripts of libiberty/libstdc++ need their testsuite/Makefile.in)
	tar xf "$inner" -C "$top.unpack" --exclude="$top/gcc/testsuite" --exclude="$top/libgomp/testsuite" --exclude='*/ChangeLog*' \
		--exclude="$top/gcc/ada" --exclude="$top/gcc/go" --exclude="$top/gcc/d" \
		--exclude="$top/gcc/po" --exclude="$top/gcc/doc" --exclude="$top/libgo" \
		--exclude="$top/libphobos" --exclude="$top/libada" --exclude="$top/gnattools" \
		--exclude="$top/libsanitizer" --exclude="$top/libcpp/po"
	rm -f "$inner"; rmdir "$(dirname "$inner")" 2>/dev/null || true
	touch "$top.unpack/$top/.floor-unpacked"
	mv "$top.unpack/$top" "$top"; rmdir "$top.unpack"
}
find_src() {
	local d p
	GCCSRC=
	for d in "$SRCDIR"/gcc-"$MAJOR".*/; do
		d=${d%/}
		[ -e "$d/.floor-unpacked" ] || continue
		for p in $SRC_PARTS; do [ -x "$d/$p/configure" ] || continue 2; done
		GCCSRC=$d; return 0
	done
}

# ---------------------------------------------------------------- libgcc
# libgcc normally needs the freshly built compiler's gcc/ directory.  We only
# *configure* gcc/ for the target and generate the few headers libgcc uses
# (tm.h, tconfig.h, options.h, insn-constants.h, version.h) -- that needs the
# host-side genconstants, hence a small build-libiberty.  No compiler is built.
# build-libiberty (for gcc/'s generator programs, which run on this
# machine) is the same for every target: built once per GCC source and host
# compiler in WORK, under a lock, complete or absent
host_libiberty() {
	local d=$WORK/host-libiberty-${GCCSRC##*/} id
	id="$BUILD_TRIPLET $(gcc -dumpfullversion)"
	exec 6>"$d.lock"; flock 6
	if [ "$(cat "$d/.done" 2>/dev/null)" != "$id" ]; then
		rm -rf "$d" "$d.tmp"; mkdir -p "$d.tmp/libiberty"
		(cd "$d.tmp/libiberty" && CC=gcc CXX=g++ "$GCCSRC/libiberty/configure" \
			--build="$BUILD_TRIPLET" --host="$BUILD_TRIPLET" >configure.out 2>&1 &&
			submake >make.out 2>&1) || { cat "$d.tmp/libiberty"/*.out; return 1; }
		echo "$id" > "$d.tmp/.done"
		mv "$d.tmp" "$d"
	fi
	exec 6>&-
	ln -sfn "$d" "$BLD/build-$BUILD_TRIPLET"
}
gcc_config() {
	local pid rc=0
	rm -rf "$GCCB" "$BLD/build-$BUILD_TRIPLET"; mkdir -p "$GCCB/include"
	# build-libiberty and gcc/'s configure are independent: side by side
	host_libiberty &
	pid=$!
	cd "$GCCB" && CC=gcc CXX=g++ "$GCCSRC/gcc/configure" --build="$BUILD_TRIPLET" \
		--host="$BUILD_TRIPLET" --target="$TRIPLET" --with-sysroot="$SR" \
		$GLIBC_CONFIG --enable-languages=c --disable-multilib \
		--disable-plugin --enable-shared --enable-threads=posix --enable-checking=release \
		--disable-bootstrap --with-gnu-as --with-gnu-ld \
		--with-as="$(command -v "${PFX}as")" --with-ld="$(command -v "${PFX}ld")" || rc=$?
	wait $pid || { echo "build-libiberty failed"; return 1; }
	[ $rc = 0 ] || return $rc
	# a standalone gcc/ configure cannot probe binutils unless told where they are;
	# without this HAVE_LD_EH_FRAME_HDR etc. are unset and libgcc's unwinder is broken
	grep -q '^#define HAVE_LD_EH_FRAME_HDR 1' auto-host.h || { echo "binutils not probed"; return 1; }
	grep -q '^#define HAVE_GAS_HIDDEN 1' auto-host.h || { echo "binutils not probed"; return 1; }
	# config.h (powerpc's tramp.S), tm.h, options.h and what they include
	# (insn-constants.h; arm-cpu.h and arm-isa.h on ARM): gcc/Makefile's own
	# lists, named by a second makefile
	printf 'ccmux-libgcc-headers: config.h $(TCONFIG_H) $(GTM_H) $(OPTIONS_H)\n' > libgcc-headers.mk
	submake -f Makefile -f libgcc-headers.mk ccmux-libgcc-headers
	# libgcov's gcov-io.h wants version.h (GCC 12) or gcov-iov.h (GCC 11)
	for h in version.h gcov-iov.h; do ! grep -q "^$h:" Makefile || make "$h"; done
	local cross=""; [ "$TRIPLET" = "$BUILD_TRIPLET" ] || cross=-DCROSS_DIRECTORY_STRUCTURE
	# normally written by gcc/Makefile once xgcc exists
	cat > libgcc.mvars <<EOF
GCC_CFLAGS = $OPT -DIN_GCC $cross -W -Wall -Wno-narrowing -Wwrite-strings -Wcast-qual -Wstrict-prototypes -Wmissing-prototypes -Wold-style-definition -isystem ./include
INHIBIT_LIBC_CFLAGS =
TARGET_SYSTEM_ROOT =
NO_PIE_CFLAGS = -fno-PIE
EOF
}
# -B$GCCB/: libgcc copies its crt files there before it links libgcc_s, as
# a GCC build does, so that libgcc_s gets these and not Debian's
libgcc_configure() {  # extra-configure-args...
	rm -rf "$TB/libgcc"; mkdir -p "$TB/libgcc"; cd "$TB/libgcc"
	"$GCCSRC/libgcc/configure" --build="$BUILD_TRIPLET" --host="$TRIPLET" --target="$TRIPLET" \
		--prefix="$OUT" --enable-shared --disable-multilib \
		CC="$CC1 $INCPIN $LIBGCC_FIX -B$GCCB/ $LINKPIN" CFLAGS="$OPT" "${HOSTTOOLS[@]}" \
		"${LIBGCC_CONF[@]}" "$@"
}
# libgcc adds -g of its own (LIBGCC2_DEBUG_CFLAGS) unless told otherwise
LIBGCC_MAKEVARS=(); case " $OPT " in *" -g"*) ;; *) LIBGCC_MAKEVARS=(LIBGCC2_DEBUG_CFLAGS=) ;; esac
libgcc_build() { submake -C "$TB/libgcc" "${LIBGCC_MAKEVARS[@]}"; }
# the bootstrap libgcc links a libc (musl's libc.so), which needs none of
# the fixed-point routines (more than half of ARM's libgcc)
libgcc_bootstrap_build() {
	submake -C "$TB/libgcc" "${LIBGCC_MAKEVARS[@]}" libgcc.a libgcc_eh.a libgcc-extra-parts
}
install_own_libgcc() {
	local f
	install -m 644 libgcc.a "$OUT/lib/"
	for f in libgcov.a crt*.o; do [ ! -e "$f" ] || install -m 644 "$f" "$OUT/lib/"; done
}
libgcc_bootstrap_install() {
	cd "$TB/libgcc"
	mkdir -p "$OUT/lib"
	install -m 644 libgcc_eh.a "$OUT/lib/"
	install_own_libgcc
}
libgcc_install() {
	cd "$TB/libgcc"
	mkdir -p "$OUT/lib"
	install -m 755 libgcc_s.so.1 "$OUT/lib/"
	install -m 644 libgcc_eh.a "$OUT/lib/"
	[ $OWN_LIBGCC = 0 ] || install_own_libgcc
	# same linker script GCC installs; found before the compiler's own copy
	printf '/* GNU ld script */\nGROUP ( libgcc_s.so.1 -lgcc )\n' > "$OUT/lib/libgcc_s.so"
}

# libtool compiles each source twice when it builds shared and static
# libraries; with --with-pic (pic_mode=yes) both commands are the same, so
# the static object is a copy of the PIC one.  Edits the generated libtool
# script of build directory DIR; leaves it alone if its text is not the
# expected one.
libtool_compile_once() {
	local lt=$1/libtool
	[ -e "$lt" ] || return 0
	grep -q '^	command="\$command -o \$obj"$' "$lt" || { echo "libtool: no static compile to share"; return 0; }
	sed -i '/^	command="\$command -o \$obj"$/{n;a\
      # ccmux: with --with-pic the static object is the PIC object\
      if test "$pic_mode" = yes && test "$build_libtool_libs" = yes && test -f "$lobj"; then command="cp $lobj $obj"; fi
}' "$lt"
	grep -q 'ccmux: with --with-pic' "$lt"
}

# ---------------------------------------------------------------- libstdc++
libstdcxx_configure() {
	local b=$TB/libstdc++-v3
	rm -rf "$b"; mkdir -p "$b"
	# libstdc++'s gthreads check includes <toplevel_builddir>/libgcc/gthr-default.h,
	# which libgcc's configure creates; without it threads are silently disabled.
	[ -e "$TB/libgcc/gthr-default.h" ] || { mkdir -p "$TB/libgcc"; cp "$GCCSRC/libgcc/gthr-posix.h" "$TB/libgcc/gthr-default.h"; }
	cd "$b"
	# -nostdinc++: never see the host compiler's (glibc-2.36-configured) C++ headers
	"$GCCSRC/libstdc++-v3/configure" \
		--build="$BUILD_TRIPLET" --host="$TRIPLET" --target="$TRIPLET" \
		--prefix="$OUT" --libdir="$OUT/lib" \
		--with-gxx-include-dir="$OUT/include/c++/$MAJOR" \
		--disable-multilib --disable-nls --disable-libstdcxx-pch \
		--enable-shared --enable-static --with-pic \
		--enable-threads=posix --enable-clocale=$CLOCALE --enable-symvers=gnu \
		--enable-libstdcxx-time=yes \
		CC="$CC1 $INCPIN $(tlinkpin)" CXX="$CXX1 -nostdinc++ $INCPIN $(tlinkpin)" \
		LDFLAGS="-L$TB/libgcc" LIBS="$(tlibs)" \
		CPP="$CC1 -E $INCPIN" CXXCPP="$CXX1 -E -nostdinc++ $INCPIN" \
		CFLAGS="$OPT" CXXFLAGS="$OPT" "${HOSTTOOLS[@]}"
	grep -q '^#define _GLIBCXX_HAS_GTHREADS 1' "$b/config.h" || { echo "gthreads not detected"; return 1; }
	[ $LIBC = glibc ] || grep -q 'os/generic' "$b/Makefile" || { echo "libstdc++ did not pick os/generic"; return 1; }
	libtool_compile_once "$b"
}

# ---------------------------------------------------------------- Fortran
generic_configure() {  # DIR extra-configure-args...
	local d=$1; shift
	rm -rf "${TB:?}/$d"; mkdir -p "$TB/$d"; cd "$TB/$d"
	"$GCCSRC/$d/configure" --build="$BUILD_TRIPLET" --host="$TRIPLET" --target="$TRIPLET" \
		--prefix="$OUT" --libdir="$OUT/lib" --disable-multilib --disable-nls \
		CC="$CC1 $INCPIN $(tlinkpin)" CFLAGS="$OPT" \
		FC="$FC1 $INCPIN $(tlinkpin)" GFORTRAN="$FC1 $INCPIN $(tlinkpin)" FCFLAGS="$OPT" \
		LIBS="$(tlibs)" "${HOSTTOOLS[@]}" "$@"   # libgfortran's configure does FC=$GFORTRAN
	libtool_compile_once "$TB/$d"
}
# REAL(16) is __float128 where the target has it (x86, powerpc64le): libquadmath
has_float128() { echo '__float128 f(__float128 x) { return x * 2; }' | $CC1 -x c -c -o /dev/null - 2>/dev/null; }

# ---------------------------------------------------------------- steps
# run_step NAME: one node of the pipeline (called back by its make)
run_step() {
	case $1 in
	gcc-config)            timed "$1" gcc_config ;;
	libgcc-configure)      timed "$1" libgcc_configure ;;
	libgcc-build)          timed "$1" libgcc_build ;;
	libgcc-install)        timed "$1" libgcc_install ;;
	libgcc-bootstrap-configure) timed "$1" libgcc_configure libgcc_cv_fixed_point=no ;;
	libgcc-bootstrap-build)     timed "$1" libgcc_bootstrap_build ;;
	libgcc-bootstrap-install)   timed "$1" libgcc_bootstrap_install ;;
	libstdc++-configure)   timed "$1" libstdcxx_configure ;;
	libstdc++-build)       timed "$1" submake -C "$TB/libstdc++-v3" ;;
	libstdc++-install)     timed "$1" make -C "$TB/libstdc++-v3" install ;;
	libquadmath-configure) timed "$1" generic_configure libquadmath --enable-shared --enable-static --with-pic ;;
	libbacktrace-configure)
		timed "$1" generic_configure libbacktrace --disable-shared --with-pic --with-target-subdir="$TRIPLET" ;;
	libgfortran-configure) timed "$1" generic_configure libgfortran --enable-shared --enable-static --with-pic ;;
	libquadmath-build|libbacktrace-build|libgfortran-build)
		timed "$1" submake -C "$TB/${1%-build}" ;;
	libquadmath-install|libgfortran-install)
		timed "$1" make -C "$TB/${1%-install}" install ;;
	*) die "unknown step $1" ;;
	esac
}

# the dependency graph of COMPONENTS as a makefile: "NODE: DEPS" lines;
# a library's configure links test programs, so it waits for our libgcc
pipeline_edges() {
	local c lg=""
	case " $COMPONENTS " in *" libgcc "*) lg=libgcc-build ;; esac
	for c in $COMPONENTS; do
		case $c in
		libgcc)
			echo "all: libgcc-install"
			echo "libgcc-build: gcc-config libgcc-configure"
			echo "libgcc-install: libgcc-build" ;;
		libgcc-bootstrap)
			case " $COMPONENTS " in *" libgcc "*) die "libgcc and libgcc-bootstrap exclude each other" ;; esac
			echo "all: libgcc-bootstrap-install"
			echo "libgcc-bootstrap-build: gcc-config libgcc-bootstrap-configure"
			echo "libgcc-bootstrap-install: libgcc-bootstrap-build" ;;
		libstdc++)
			echo "all: libstdc++-install"
			echo "libstdc++-configure: $lg"
			echo "libstdc++-build: libstdc++-configure"
			echo "libstdc++-install: libstdc++-build" ;;
		libgfortran)
			command -v "$FC0" >/dev/null || die "$FC0 not installed"
			echo "all: libgfortran-install"
			if has_float128; then
				echo "all: libquadmath-install"
				echo "libquadmath-configure: $lg"
				echo "libquadmath-build: libquadmath-configure"
				echo "libquadmath-install: libquadmath-build"
				# its configure looks for ../libquadmath/libquadmath.la
				echo "libgfortran-configure: libquadmath-build"
			fi
			echo "libbacktrace-configure: $lg"
			echo "libbacktrace-build: libbacktrace-configure"
			echo "libgfortran-configure: $lg"
			echo "libgfortran-build: libgfortran-configure libbacktrace-build"
			echo "libgfortran-install: libgfortran-build" ;;
		*) die "unknown component $c" ;;
		esac
	done
}
# every node runs this script for one step (RUNTIME_STEP); "+" hands it
# make's job pool, which the step's own make joins
pipeline() {
	local edges nodes
	edges=$(pipeline_edges)
	nodes=$(echo "$edges" | tr -d ':' | tr ' ' '\n' | grep -v '^all$' | grep . | sort -u | tr '\n' ' ')
	echo "NODES = $nodes"
	echo ".PHONY: all \$(NODES)"
	echo "$edges"
	printf '$(NODES): %%:\n\t+@RUNTIME_STEP=$@ bash %s %s\n' "$SELF" "${ARGS[*]}"
}

# ---------------------------------------------------------------- main
if [ -n "${RUNTIME_STEP:-}" ]; then
	find_src
	run_step "$RUNTIME_STEP"
	exit 0
fi

rm -rf "$LOG"; mkdir -p "$SRCDIR" "$TB" "$LOG"
: > "$TIMES"
RUNTIME_T0=$(date +%s); export RUNTIME_T0
# one download and unpack for every build sharing WORK (runtimes build side by side)
exec 7>"$SRCDIR/.lock"; flock 7
timed download fetch_source
find_src
if [ -z "$GCCSRC" ]; then timed unpack unpack_source; find_src; fi
exec 7>&-
[ -n "$GCCSRC" ] || die "source not unpacked"
echo "source: $GCCSRC  (gcc $GCCVER, $TRIPLET${AFLAGS:+, $AFLAGS})" >&2
case $GCCSRC in *"$GCCVER"*) ;; *) echo "WARNING: source is not gcc $GCCVER" >&2 ;; esac

pipeline > "$BLD/pipeline.mk"
make -j"$JOBS" -f "$BLD/pipeline.mk" -C "$BLD" all || die "build failed (logs in $LOG)"

if [ "${FLOOR_STRIP:-0}" = 1 ]; then
	find "$OUT/lib" -maxdepth 1 \( -name '*.a' -o -name '*.so.*[0-9]' -o -name 'crt*.o' \) -type f \
		-exec "${PFX}strip" --strip-debug {} +
fi
printf '%-24s %5d s  cpu %4d s\n' total $(( $(date +%s) - RUNTIME_T0 )) \
	"$(awk '$4 == "cpu" { c += $5 } END { print c + 0 }' "$TIMES")" >> "$TIMES"
step "done; results in $OUT ($(du -sh "$OUT" | cut -f1))"
cat "$TIMES" >&2
