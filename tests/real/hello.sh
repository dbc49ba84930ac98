#!/usr/bin/env bash
# GNU hello: autotools through the per-target bin directory on PATH
# (PATH=PREFIX/lib/ccmux/T/bin:PREFIX/bin:$PATH ./configure --host=T), make
# check under binfmt, make install DESTDIR, audit.
. "$(dirname "$0")/lib.sh"
src_step hello || exit 0
mkdir -p "$W/build" && cd "$W/build" || exit 0
# GCC 4.8.5 defaults to gnu90; gnulib needs C99
case "$T" in aarch64-linux-gnu) export CFLAGS="-O2 -std=gnu99" ;; esac

# the recipe "PATH=PREFIX/lib/ccmux/T/bin:$PATH ./configure --host=T" alone:
# autoconf looks for T-gcc before gcc, so the compiler it takes must still be
# ccmux (a Debian cross gcc in /usr/bin must not win)
recipe_cc() {
	(PATH=$P/lib/ccmux/$T/bin:$PATH "$SRC/configure" --host="$T" --build=$BUILD_TRIPLET \
		--prefix=/usr CC_FOR_BUILD="$BUILD_CC" >"$W/recipe.log" 2>&1)
	local cc
	cc=$(sed -n "s/^CC='\(.*\)'$/\1/p" config.log | head -n 1)
	cc=$(PATH=$P/lib/ccmux/$T/bin:$PATH command -v "${cc%% *}")
	case "$(readlink -f "$cc")" in
	"$(readlink -f "$CCMUX")") pass path-recipe ;;
	*) fail path-recipe "PATH=\$PREFIX/lib/ccmux/$T/bin:\$PATH ./configure --host=$T took CC=$cc, not ccmux (lib/ccmux/$T/bin has no $T-gcc name, so autoconf's \${host}-gcc search finds another compiler first)" ;;
	esac
	rm -rf ./*
}
recipe_cc

export PATH=$P/lib/ccmux/$T/bin:$P/bin:$PATH
step configure "$SRC/configure" --host="$T" --build=$BUILD_TRIPLET \
	--prefix=/usr CC_FOR_BUILD="$BUILD_CC" || exit 0
step build make -j"$JOBS" || exit 0
step check make -j"$JOBS" check
# directly (binfmt), in the C locale and in Debian's default C.UTF-8
step run env LC_ALL=C bash -c 'out=$(./hello --greeting=ccmux) && echo "$out" && [ "$out" = ccmux ]'
step run-c.utf8 env -u LC_ALL LANG=C.UTF-8 bash -c 'out=$(./hello) && echo "$out" && [ "$out" = "Hello, world!" ]'
step install make install DESTDIR="$STAGE/hello" || exit 0
audit "$STAGE/hello"
