#!/bin/bash
# shards/runtime.sh TARGET GCCMAJOR SYSROOT OUTDIR (run by install.sh)
#
# Build GCC's target runtime libraries -- libgcc_s/libgcc_eh, libstdc++,
# libquadmath (x86_64), libgfortran -- from the upstream GCC tarball contained
# in Debian's gcc-N source package, compiled by Debian's own gcc-N (native or
# cross) against a SYSROOT:
#  - an old glibc (TARGET ARCH-linux-gnu): programs linked against them need
#    only the glibc symbol versions that SYSROOT provides (e.g. 2.17);
#  - musl (TARGET ARCH-linux-musl): Debian's glibc-targeting gcc drives musl
#    through ccmux's specs file (SYSROOT/usr/lib/ccmux.specs); the libraries
#    are configured --host=ARCH-linux-musl, so libstdc++ uses its generic OS
#    and locale support and libgcc's unwinder dl_iterate_phdr.  For musl,
#    libgcc.a and the crtbegin/crtend files are installed too: ccmux links
#    with -B OUTDIR/lib/ so that they replace Debian's glibc-built ones.
#
#   TARGET    x86_64 | aarch64 | x86_64-linux-gnu | aarch64-linux-gnu |
#             x86_64-linux-musl | aarch64-linux-musl
#   GCCMAJOR  11 | 12            (gcc-N, g++-N, gfortran-N must be installed,
#                                 and a deb-src line for the archive present)
#   SYSROOT   a glibc-only sysroot (the floor) or ccmux's musl sysroot
#   OUTDIR    install prefix: OUTDIR/lib, OUTDIR/include/c++/N
#
# Environment knobs:
#   FLOOR_WORK=$TMPDIR/ccmux-floor     scratch (sources, build trees, logs)
#   FLOOR_JOBS=$(nproc)               make -j
#   FLOOR_COMPONENTS="libgcc libstdc++ libgfortran"
#   FLOOR_OPT="-O2 -g"                optimisation/debug flags for the libraries
#   FLOOR_STRIP=0                     1: strip debug info from installed libs (115M -> 32M)
#
# Nothing from the Debian patch set is used: only the pristine (dfsg) upstream
# tarball inside gcc-N_*.orig.tar.*.
set -eu

die() { echo "runtime.sh: $*" >&2; exit 1; }
[ $# -eq 4 ] || die "usage: $0 TARGET GCCMAJOR SYSROOT OUTDIR"
TARGET=$1 MAJOR=$2
[ -d "$3" ] || die "sysroot $3 not found"
SR=$(cd "$3" && pwd)
mkdir -p "$4"; OUT=$(cd "$4" && pwd)
WORK=${FLOOR_WORK:-${TMPDIR:-/tmp}/ccmux-floor}
JOBS=${FLOOR_JOBS:-$(nproc)}
COMPONENTS=${FLOOR_COMPONENTS:-"libgcc libstdc++ libgfortran"}
OPT=${FLOOR_OPT:-"-O2 -g"}

LIBC=glibc
case $TARGET in
  x86_64|x86_64-linux-gnu|x86_64-*-linux-gnu)
    ARCH=x86_64; TRIPLET=x86_64-linux-gnu; PFX=""
    GCCLIB=/usr/lib/gcc/x86_64-linux-gnu/$MAJOR ;;
  aarch64|arm64|aarch64-linux-gnu|aarch64-*-linux-gnu)
    ARCH=aarch64; TRIPLET=aarch64-linux-gnu; PFX=aarch64-linux-gnu-
    GCCLIB=/usr/lib/gcc-cross/aarch64-linux-gnu/$MAJOR ;;
  x86_64-linux-musl|x86_64-*-linux-musl)
    LIBC=musl ARCH=x86_64; TRIPLET=x86_64-linux-musl; PFX=x86_64-linux-gnu-
    GCCLIB=/usr/lib/gcc/x86_64-linux-gnu/$MAJOR ;;
  aarch64-linux-musl|aarch64-*-linux-musl)
    LIBC=musl ARCH=aarch64; TRIPLET=aarch64-linux-musl; PFX=aarch64-linux-gnu-
    GCCLIB=/usr/lib/gcc-cross/aarch64-linux-gnu/$MAJOR ;;
  *) die "unsupported target $TARGET" ;;
esac
BUILD_TRIPLET=$(gcc -dumpmachine)
CC0=${PFX}gcc-$MAJOR CXX0=${PFX}g++-$MAJOR FC0=${PFX}gfortran-$MAJOR
for t in "$CC0" "$CXX0"; do command -v "$t" >/dev/null || die "$t not installed"; done
[ -d "$GCCLIB/include" ] || die "$GCCLIB/include missing"
GCCVER=$($CC0 -dumpfullversion)

if [ $LIBC = glibc ]; then
  # sysroot library dirs: lib64 if it holds the crt files, else lib
  if [ -e "$SR/usr/lib64/crt1.o" ]; then SRUSRLIB=$SR/usr/lib64; else SRUSRLIB=$SR/usr/lib; fi
  if [ -d "$SR/lib64" ]; then SRLIB=$SR/lib64; else SRLIB=$SR/lib; fi
  [ -e "$SRUSRLIB/crt1.o" ] || die "no crt1.o in $SRUSRLIB"
  GLIBC_FLOOR=$(cd "$SRLIB" && ls libc-*.so 2>/dev/null | sed -n 's/^libc-\([0-9.]*\)\.so$/\1/p' | head -1)
  [ -n "$GLIBC_FLOOR" ] || GLIBC_FLOOR=2.17
  # "pinning" flags: Debian's gcc sees only its private dir + SYSROOT
  INCPIN="--sysroot=$SR -nostdinc -isystem $GCCLIB/include"
  [ -d "$GCCLIB/include-fixed" ] && INCPIN="$INCPIN -isystem $GCCLIB/include-fixed"
  INCPIN="$INCPIN -isystem $SR/usr/include"
  LINKPIN="-B$SRUSRLIB/ -L$SRUSRLIB -L$SRLIB -Wl,-rpath-link,$SRLIB"
  GLIBC_CONFIG="--with-glibc-version=$GLIBC_FLOOR"
  CLOCALE=gnu
  LIBGCC_FIX=""
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

SRCDIR=$WORK/src
BLD=$WORK/build-$TRIPLET-gcc$MAJOR   # mimics a GCC build tree:
TB=$BLD/$TRIPLET                     #   $TB/{libgcc,libstdc++-v3,libgfortran,...}
GCCB=$BLD/gcc                        #   configured (not built) gcc/ dir for libgcc
LOG=$BLD/logs
mkdir -p "$SRCDIR" "$TB" "$LOG"
TIMES=$LOG/times.txt; : > "$TIMES"
step() { echo "== [$TRIPLET gcc$MAJOR] $*" >&2; }
# timed NAME CMD...: run CMD with output to $LOG/NAME.log, record wall time
timed() {
  local name=$1 t0 t1 rc; shift
  step "$name"
  t0=$(date +%s)
  # subshell with its own errexit (errexit is ignored inside `if`/`||` contexts)
  set +e; ( set -e; "$@" ) >"$LOG/$name.log" 2>&1; rc=$?; set -e
  if [ $rc -ne 0 ]; then
    tail -20 "$LOG/$name.log" >&2; die "$name failed, see $LOG/$name.log"
  fi
  t1=$(date +%s)
  printf '%-28s %5d s\n' "$name" $((t1 - t0)) | tee -a "$TIMES" >&2
}
# after libgcc is built, link the target libraries against *our* libgcc_s
# (Debian's libgcc_s.so.1 needs _dl_find_object@GLIBC_2.35); for musl also
# our libgcc.a, libgcc_eh.a and crtbeginS.o, which the specs file names with
# %s and the driver finds in -B directories first
tlinkpin() {
  if [ ! -e "$TB/libgcc/libgcc_s.so.1" ]; then echo "$LINKPIN"
  elif [ $LIBC = musl ]; then echo "-B$TB/libgcc/ -L$TB/libgcc $LINKPIN"
  else echo "-L$TB/libgcc $LINKPIN"; fi
}
# musl's specs give libgcc as bare .a paths, which libtool drops when it
# links a C++ or Fortran library: name libgcc_s, as a normal GCC build does
tlibs() { if [ $LIBC = musl ] && [ -e "$TB/libgcc/libgcc_s.so.1" ]; then echo "-lgcc_s"; fi; }
HOSTTOOLS=(AR="${PFX}ar" RANLIB="${PFX}ranlib" NM="${PFX}nm" STRIP="${PFX}strip")

# ---------------------------------------------------------------- sources
fetch_source() {
  ls "$SRCDIR"/gcc-"$MAJOR"_*.orig.tar.* >/dev/null 2>&1 && { echo cached; return 0; }
  cd "$SRCDIR" && apt-get source --download-only "gcc-$MAJOR"
}
unpack_source() {
  local orig inner top
  orig=$(ls "$SRCDIR"/gcc-"$MAJOR"_*.orig.tar.* | head -1)
  # the Debian orig tarball wraps the upstream one: gcc-N-X.Y.Z/gcc-X.Y.Z-dfsg.tar.xz
  inner=$(tar tf "$orig" | grep -E '/gcc-[0-9.]+(-dfsg)?\.tar\.(xz|gz|bz2)$' | head -1)
  [ -n "$inner" ] || { echo "no upstream tarball inside $orig"; return 1; }
  cd "$SRCDIR" && tar xf "$orig" "$inner"
  top=$(tar tf "$inner" | head -1); top=${top%%/*}
  rm -rf "$top"
  # skip testsuites, docs and front ends/runtimes we never configure (~1 GB -> ~220 MB)
  # (configure scripts of libiberty/libstdc++ need their testsuite/Makefile.in)
  tar xf "$inner" --exclude="$top/gcc/testsuite" --exclude="$top/libgomp/testsuite" --exclude='*/ChangeLog*' \
      --exclude="$top/gcc/ada" --exclude="$top/gcc/go" --exclude="$top/gcc/d" \
      --exclude="$top/gcc/po" --exclude="$top/gcc/doc" --exclude="$top/libgo" \
      --exclude="$top/libphobos" --exclude="$top/libada" --exclude="$top/gnattools" \
      --exclude="$top/libsanitizer" --exclude="$top/libcpp/po"
  rm -f "$inner"; rmdir "$(dirname "$inner")" 2>/dev/null || true
  touch "$top/.floor-unpacked"
}
find_src() { GCCSRC=$(ls -d "$SRCDIR"/gcc-"$MAJOR".*/.floor-unpacked 2>/dev/null | head -1); GCCSRC=${GCCSRC%/.floor-unpacked}; }

# ---------------------------------------------------------------- libgcc
# libgcc normally needs the freshly built compiler's gcc/ directory.  We only
# *configure* gcc/ for the target and generate the few headers libgcc uses
# (tm.h, tconfig.h, options.h, insn-constants.h, version.h) -- that needs the
# host-side genconstants, hence a small build-libiberty.  No compiler is built.
gcc_config() {
  rm -rf "$GCCB" "$BLD/build-$BUILD_TRIPLET"; mkdir -p "$GCCB/include" "$BLD/build-$BUILD_TRIPLET/libiberty"
  (cd "$BLD/build-$BUILD_TRIPLET/libiberty" && CC=gcc CXX=g++ "$GCCSRC/libiberty/configure" \
      --build="$BUILD_TRIPLET" --host="$BUILD_TRIPLET" && make -j"$JOBS")
  cd "$GCCB" && CC=gcc CXX=g++ "$GCCSRC/gcc/configure" --build="$BUILD_TRIPLET" \
      --host="$BUILD_TRIPLET" --target="$TRIPLET" --with-sysroot="$SR" \
      $GLIBC_CONFIG --enable-languages=c --disable-multilib \
      --disable-plugin --enable-shared --enable-threads=posix --enable-checking=release \
      --disable-bootstrap --with-gnu-as --with-gnu-ld \
      --with-as="$(command -v "${PFX}as")" --with-ld="$(command -v "${PFX}ld")"
  # a standalone gcc/ configure cannot probe binutils unless told where they are;
  # without this HAVE_LD_EH_FRAME_HDR etc. are unset and libgcc's unwinder is broken
  grep -q '^#define HAVE_LD_EH_FRAME_HDR 1' auto-host.h || { echo "binutils not probed"; return 1; }
  grep -q '^#define HAVE_GAS_HIDDEN 1' auto-host.h || { echo "binutils not probed"; return 1; }
  make -j"$JOBS" tconfig.h tm.h options.h insn-constants.h
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
libgcc_configure() {
  rm -rf "$TB/libgcc"; mkdir -p "$TB/libgcc"; cd "$TB/libgcc"
  "$GCCSRC/libgcc/configure" --build="$BUILD_TRIPLET" --host="$TRIPLET" --target="$TRIPLET" \
      --prefix="$OUT" --enable-shared --disable-multilib \
      CC="$CC0 $INCPIN $LIBGCC_FIX $LINKPIN" CFLAGS="$OPT" "${HOSTTOOLS[@]}"
}
libgcc_install() {
  cd "$TB/libgcc"
  mkdir -p "$OUT/lib"
  install -m 755 libgcc_s.so.1 "$OUT/lib/"
  install -m 644 libgcc_eh.a "$OUT/lib/"
  if [ $LIBC = musl ]; then
    install -m 644 libgcc.a libgcov.a crtbegin.o crtbeginS.o crtbeginT.o crtend.o crtendS.o "$OUT/lib/"
    for f in crtfastmath.o crtprec32.o crtprec64.o crtprec80.o; do [ ! -e $f ] || install -m 644 $f "$OUT/lib/"; done
  fi
  # same linker script GCC installs; found before the compiler's own copy
  printf '/* GNU ld script */\nGROUP ( libgcc_s.so.1 -lgcc )\n' > "$OUT/lib/libgcc_s.so"
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
      CC="$CC0 $INCPIN $(tlinkpin)" CXX="$CXX0 -nostdinc++ $INCPIN $(tlinkpin)" \
      LDFLAGS="-L$TB/libgcc" LIBS="$(tlibs)" \
      CPP="$CC0 -E $INCPIN" CXXCPP="$CXX0 -E -nostdinc++ $INCPIN" \
      CFLAGS="$OPT" CXXFLAGS="$OPT" "${HOSTTOOLS[@]}"
  grep -q '^#define _GLIBCXX_HAS_GTHREADS 1' "$b/config.h" || { echo "gthreads not detected"; return 1; }
  [ $LIBC = glibc ] || grep -q 'os/generic' "$b/Makefile" || { echo "libstdc++ did not pick os/generic"; return 1; }
}

# ---------------------------------------------------------------- Fortran
generic_configure() {  # DIR extra-configure-args...
  local d=$1; shift
  rm -rf "$TB/$d"; mkdir -p "$TB/$d"; cd "$TB/$d"
  "$GCCSRC/$d/configure" --build="$BUILD_TRIPLET" --host="$TRIPLET" --target="$TRIPLET" \
      --prefix="$OUT" --libdir="$OUT/lib" --disable-multilib --disable-nls \
      CC="$CC0 $INCPIN $(tlinkpin)" CFLAGS="$OPT" \
      FC="$FC0 $INCPIN $(tlinkpin)" GFORTRAN="$FC0 $INCPIN $(tlinkpin)" FCFLAGS="$OPT" \
      LIBS="$(tlibs)" "${HOSTTOOLS[@]}" "$@"   # libgfortran's configure does FC=$GFORTRAN
}

# ---------------------------------------------------------------- main
timed download fetch_source
find_src
if [ -z "$GCCSRC" ]; then timed unpack unpack_source; find_src; fi
[ -n "$GCCSRC" ] || die "source not unpacked"
echo "source: $GCCSRC  (gcc $GCCVER, $TRIPLET)" >&2
case $GCCSRC in *"$GCCVER"*) ;; *) echo "WARNING: source is not gcc $GCCVER" >&2 ;; esac

for c in $COMPONENTS; do
  case $c in
    libgcc)
      timed gcc-config gcc_config
      timed libgcc-configure libgcc_configure
      timed libgcc-build make -C "$TB/libgcc" -j"$JOBS"
      timed libgcc-install libgcc_install ;;
    libstdc++)
      timed libstdc++-configure libstdcxx_configure
      timed libstdc++-build make -C "$TB/libstdc++-v3" -j"$JOBS"
      timed libstdc++-install make -C "$TB/libstdc++-v3" install ;;
    libgfortran)
      command -v "$FC0" >/dev/null || die "$FC0 not installed"
      if [ "$ARCH" = x86_64 ]; then   # REAL(16) = __float128 needs libquadmath
        timed libquadmath-configure generic_configure libquadmath --enable-shared --enable-static --with-pic
        timed libquadmath-build make -C "$TB/libquadmath" -j"$JOBS"
        timed libquadmath-install make -C "$TB/libquadmath" install
      fi
      timed libbacktrace-configure generic_configure libbacktrace --disable-shared --with-pic \
          --with-target-subdir="$TRIPLET"
      timed libbacktrace-build make -C "$TB/libbacktrace" -j"$JOBS"
      timed libgfortran-configure generic_configure libgfortran --enable-shared --enable-static --with-pic
      timed libgfortran-build make -C "$TB/libgfortran" -j"$JOBS"
      timed libgfortran-install make -C "$TB/libgfortran" install ;;
    *) die "unknown component $c" ;;
  esac
done

if [ "${FLOOR_STRIP:-0}" = 1 ]; then
  find "$OUT/lib" -maxdepth 1 \( -name '*.a' -o -name '*.so.*[0-9]' \) -type f \
    -exec "${PFX}strip" --strip-debug {} +
fi

step "done; results in $OUT ($(du -sh "$OUT" | cut -f1))"
cat "$TIMES" >&2
