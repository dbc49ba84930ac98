#!/usr/bin/env bash
# minpack (Fortran 77): its 1996-era autotools (libtool 1.5, a 2006
# config.sub that predates aarch64: replaced by autotools-dev's, as any
# cross build of it needs) with `ccmux env` (F77=T-gfortran) and --host=T;
# its test programs (ex/file14..20 with the data in ex/file21..23, the same
# ones Debian's autopkgtest runs) linked against the built library and run
# under binfmt; make install DESTDIR, audit.
. "$(dirname "$0")/lib.sh"
if ! why=$(can gfortran); then
	skip build "no Fortran compiler for $T in this install: $why"
	exit 0
fi
src_step minpack || exit 0
for f in config.sub config.guess; do
	[ -f /usr/share/misc/$f ] || { fail configure "/usr/share/misc/$f missing (apt-get install autotools-dev)"; exit 0; }
	cp /usr/share/misc/$f "$SRC/$f"
done
chmod +x "$SRC/configure"
mkdir -p "$W/build" && cd "$W/build" || exit 0
ccmux_env
step configure "$SRC/configure" --host="$T" --build=$BUILD_TRIPLET --prefix=/usr || exit 0
step build make -j"$JOBS" || exit 0
tests() (
	local n prog fails=0 lib=$PWD/.libs
	mkdir -p ex && cd ex || return 1
	for n in 14:dmchar 15:hybrd 16:hybrj 17:lmder 18:lmstr 19:lmdif 20:chkder; do
		prog=${n#*:}
		cp "$SRC/ex/file${n%%:*}" "$prog.f"
		"$F77" -O2 -o "$prog" "$prog.f" -L"$lib" -Wl,-rpath,"$lib" -lminpack || return 1
	done
	for n in dmchar: hybrd:21 hybrj:21 lmder:22 lmstr:22 lmdif:22 chkder:23; do
		prog=${n%%:*}
		echo "*** TESTING: $prog"
		if [ -n "${n#*:}" ]; then
			./"$prog" < "$SRC/ex/file${n#*:}" > "$prog.out" 2>&1
		else
			./"$prog" > "$prog.out" 2>&1
		fi || { echo "$prog: exit $?"; fails=1; }
		cat "$prog.out"
		if grep -qiE 'nan|\*\*\*\*' "$prog.out" || [ ! -s "$prog.out" ]; then
			echo "$prog: bad output"; fails=1
		fi
	done
	return $fails
)
step check tests
step install make install DESTDIR="$STAGE/minpack" || exit 0
audit "$STAGE/minpack"
