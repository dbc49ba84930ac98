#!/usr/bin/env bash
# T-pkg-config against the zlib that zlib.sh staged (DESTDIR=STAGE/zlib,
# prefix /usr): no host .pc file leaks in, the staged zlib.pc is found only
# through PKG_CONFIG_PATH, its paths are relocated into the staging tree
# (--define-prefix), and zlib's own examples/zpipe.c builds with those flags
# and round-trips data under `ccmux run`.
. "$(dirname "$0")/lib.sh"
ZPC=$STAGE/zlib/usr/lib/pkgconfig
PC=$P/bin/$T-pkg-config
if [ ! -f "$ZPC/zlib.pc" ]; then
	fail staged-zlib "no $ZPC/zlib.pc: run zlib first (REAL_PROJECTS must list zlib before pkgconfig)"
	exit 0
fi
src_step zlib || exit 0
cd "$W" || exit 0
if pkg-config --exists zlib 2>/dev/null; then
	echo "    the host's pkg-config has zlib ($(pkg-config --variable=pcfiledir zlib)): it must not leak"
fi
leak() {
	env -u PKG_CONFIG_PATH "$PC" --exists zlib && {
		echo "$T-pkg-config found a zlib without PKG_CONFIG_PATH:"
		env -u PKG_CONFIG_PATH "$PC" --variable=pcfiledir zlib
		return 1
	}
	env -u PKG_CONFIG_PATH "$PC" --list-all | grep -v '^$' | sed 's/^/    target .pc: /'
	return 0
}
step no-host-leak leak
staged() {
	local cflags libs
	export PKG_CONFIG_PATH=$ZPC
	"$PC" --exists zlib || return 1
	cflags=$("$PC" --cflags zlib) libs=$("$PC" --libs zlib)
	echo "cflags: $cflags"; echo "libs: $libs"
	case " $libs " in *" -L$STAGE/zlib/usr/lib "*) ;; *)
		echo "--libs does not point into the staging tree"; return 1 ;; esac
	case " $cflags " in *" -I$STAGE/zlib/usr/include "*|"  ") ;; *)
		echo "--cflags does not point into the staging tree"; return 1 ;; esac
}
step staged-zlib staged
zpipe() {
	export PKG_CONFIG_PATH=$ZPC
	"$P/bin/$T-gcc" -O2 $("$PC" --cflags zlib) -o zpipe "$SRC/examples/zpipe.c" \
		$("$PC" --libs zlib) -Wl,-rpath,"$STAGE/zlib/usr/lib" || return 1
	head -c 200000 "$SRC/ChangeLog" > in.txt
	"$CCMUX" run "$T" ./zpipe < in.txt > in.z || return 1
	"$CCMUX" run "$T" ./zpipe -d < in.z > out.txt || return 1
	ls -l in.txt in.z out.txt
	cmp in.txt out.txt && [ "$(stat -c %s in.z)" -lt "$(stat -c %s in.txt)" ]
}
step zpipe zpipe
