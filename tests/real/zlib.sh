#!/usr/bin/env bash
# zlib: its own configure with CHOST=T (it then calls T-gcc, T-ar, T-ranlib
# from PATH: PREFIX/bin first), make test under binfmt, make install DESTDIR.
# The staged zlib (with its zlib.pc) is what pkgconfig.sh and libspng.sh use.
. "$(dirname "$0")/lib.sh"
src_step zlib || exit 0
rm -rf "$W/build" && mkdir -p "$W/build" && cd "$W/build" || exit 0
export PATH=$P/bin:$PATH
# zlib's configure takes its compiler from CHOST (or CC=); no --host
step configure env CHOST="$T" "$SRC/configure" --prefix=/usr || exit 0
# make sure the compiler it chose is ccmux
if grep -q "^CC=$T-gcc" Makefile; then pass configure-chost-cc; else
	fail configure-chost-cc "CHOST=$T ./configure wrote $(grep -m1 '^CC=' Makefile), not CC=$T-gcc"
fi
if ! step build make -j"$JOBS"; then
	# musl is static by default, and ccmux adds -static even to zlib's
	# "cc -o examplesh example.o libz.so.1.2.13"; zlib's own --static
	# option is what a musl user would take
	case "$T" in *-musl*) ;; *) exit 0 ;; esac
	rm -rf ./*
	step configure-static env CHOST="$T" "$SRC/configure" --prefix=/usr --static || exit 0
	step build-static make -j"$JOBS" || exit 0
fi
step check make test
step install make install DESTDIR="$STAGE/zlib" || exit 0
audit "$STAGE/zlib" "$PWD/example" "$PWD/minigzip"
