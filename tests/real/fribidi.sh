#!/usr/bin/env bash
# fribidi: meson with the cross file PREFIX/share/ccmux/meson/T.ini (and a
# native file naming the farm's x86_64 gcc for its table generators),
# meson test (the unicode-conformance programs run through the cross file's
# exe_wrapper; the charset tests are a Python runner that starts the fribidi
# program itself, so those go through binfmt), meson install DESTDIR, audit.
# (Stands in for libinih as the meson project when libinih's source cannot
# be fetched, and is run beside it otherwise.)
. "$(dirname "$0")/lib.sh"
src_step fribidi || exit 0
cat > "$W/native.ini" <<NATIVE
[binaries]
c = '$BUILD_CC'
NATIVE
meson_setup "$W/build" "$SRC" --native-file "$W/native.ini" --prefix=/usr -Ddocs=false || exit 0
step build ninja -C "$W/build" -j "$JOBS" || exit 0
step meson-test meson test -C "$W/build" --print-errorlogs
step install env DESTDIR="$STAGE/fribidi" meson install -C "$W/build" || exit 0
audit "$STAGE/fribidi"
