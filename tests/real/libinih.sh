#!/usr/bin/env bash
# libinih: meson with the cross file PREFIX/share/ccmux/meson/T.ini,
# meson test (its tests are shell scripts around the test programs: binfmt),
# meson install DESTDIR, audit.
. "$(dirname "$0")/lib.sh"
if ! SRC=$(unpack libinih); then
	log=$LOGS/fetch-libinih.log
	if grep -q '404' "$log" 2>/dev/null; then
		skip fetch "the Debian archive this machine reaches answers 404 for libinih's upstream tarball ($(grep -m1 -o 'http[^ ]*orig[^ ]*' "$log" | sed 's|.*/||')); fribidi is the meson project instead"
	else
		fail fetch "apt-get source --download-only libinih gave no upstream tarball: $(why_of "$log")"
	fi
	exit 0
fi
meson_setup "$W/build" "$SRC" --prefix=/usr -Ddefault_library=shared -Ddistro_install=true || exit 0
step build ninja -C "$W/build" -j "$JOBS" || exit 0
step meson-test meson test -C "$W/build" --print-errorlogs
step install env DESTDIR="$STAGE/libinih" meson install -C "$W/build" || exit 0
audit "$STAGE/libinih"
