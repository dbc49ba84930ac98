#!/bin/bash
# shards/libgcc-newer.sh PREFIX [TDIR...]   (run by install.sh, after the farm)
#
# For every GCC shard of a Linux target that is older than the newest GCC
# shard of that target, write SHARD/libgcc-newer.a: the members of the newest
# GCC's libgcc.a that define only symbols the older GCC's runtime (libgcc.a,
# libgcc_eh.a, libgcc_s.so.1) lacks.  Code compiled by a newer compiler calls
# such helpers -- aarch64's outline atomics (__aarch64_ldadd8_rel,
# __aarch64_cas4_acq, ... since GCC 10, which rustc's aarch64 std calls too),
# _Float16 conversions (GCC 12) -- and ccmux puts the archive on every link
# made with the older GCC (driver/plan.c).  The linker takes a member only
# when a link needs it, so links that do not need one are unchanged.
#
# A member is left out when it defines a symbol the older runtime has (its
# copy stays the one used), or when it needs a symbol that neither the older
# runtime, the other members kept nor the target's sysroot libc provides
# (a helper that needs a newer glibc than the floor).
#
#   PREFIX   the install: PREFIX/opt/TDIR/gcc-X.Y.Z, PREFIX/bin/TDIR-{nm,ar}
#   TDIR     targets (default: every installed *-linux-* target)
# Output: one line per archive written.  Exit 1 on a failure.
set -eu

die() { echo "libgcc-newer.sh: $*" >&2; exit 1; }

[ $# -ge 1 ] || die "usage: $0 PREFIX [TDIR...]"
PREFIX=$1
shift
CCMUX=$PREFIX/bin/ccmux
[ -x "$CCMUX" ] || die "$CCMUX not found"
if [ $# = 0 ]; then
	set -- $("$CCMUX" targets --installed | grep -- '-linux-')
fi
WORK=$(mktemp -d "${TMPDIR:-/tmp}/libgcc-newer.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# the defined global symbols of object files, archives (nm) and shared
# objects (nm -D), one a line, without @version
defined() {
	local f
	for f in "$@"; do
		[ -e "$f" ] || continue
		[ "$(head -c 4 "$f" | od -An -c | tr -d ' ')" = 177ELF ] || [ "${f%.a}" != "$f" ] || continue
		case $f in
		*.so*) "$NM" -D --defined-only "$f" ;;
		*) "$NM" --defined-only "$f" 2>/dev/null ;;
		esac
	done | awk 'NF >= 3 && $2 ~ /^[A-TV-Z]$/ { sub(/@.*/, "", $3); print $3 }' | sort -u
}

# the newest libgcc's members: "MEMBER D SYMBOL" and "MEMBER U SYMBOL" lines
# (weak undefined symbols need nothing)
members() {
	"$NM" -A "$1" 2>/dev/null | awk '{
		n = split($1, a, ":"); m = a[n - 1]
		if (NF == 3 && $2 == "U") print m, "U", $3
		else if (NF == 3 && $2 ~ /^[A-TV-Z]$/) print m, "D", $3
	}'
}

# one old shard: which members to keep, then the archive
one() {
	local tdir=$1 old=$2 new=$3 libdir sr out n
	libdir=$("$CCMUX" targets --field libdir "$tdir")
	defined "$old/lib/gcc/$tdir/${old##*/gcc-}"/libgcc.a \
		"$old/lib/gcc/$tdir/${old##*/gcc-}"/libgcc_eh.a \
		"$old/$tdir/$libdir/libgcc_s.so.1" > "$WORK/old"
	[ -s "$WORK/old" ] || die "$old: no libgcc.a symbols (lib/gcc/$tdir/${old##*/gcc-}/libgcc.a)"
	# what the floor's libc provides (any library of the sysroot's lib dirs)
	sr=$PREFIX/opt/$tdir/$tdir/sys-root
	defined $(find "$sr/lib" "$sr/lib64" "$sr/usr/lib" "$sr/usr/lib64" -maxdepth 2 \
		-name 'lib*.so*' 2>/dev/null) > "$WORK/libc"
	# keep: no symbol the old runtime defines; then drop, until nothing
	# changes, members needing a symbol nobody provides
	awk -v OLD="$WORK/old" -v LIBC="$WORK/libc" '
		BEGIN {
			while ((getline s < OLD) > 0) old[s] = 1
			while ((getline s < LIBC) > 0) libc[s] = 1
		}
		$2 == "D" { if ($3 in old) mixed[$1] = 1; else { has[$1] = 1; by[$3] = $1 } }
		$2 == "U" { nu[$1]++; need[$1, nu[$1]] = $3 }
		END {
			for (m in has) if (!(m in mixed)) keep[m] = 1
			do {
				changed = 0
				for (m in keep)
					for (i = 1; i <= nu[m]; i++) {
						s = need[m, i]
						if ((s in old) || (s in libc) || ((s in by) && (by[s] in keep)))
							continue
						delete keep[m]; changed = 1; break
					}
			} while (changed)
			for (m in keep) print m
		}' <(members "$new/lib/gcc/$tdir/${new##*/gcc-}/libgcc.a") | sort > "$WORK/keep"
	out=$old/libgcc-newer.a
	rm -f "$out.tmp"
	n=$(wc -l < "$WORK/keep")
	if [ "$n" = 0 ]; then
		rm -f "$out"
		echo "   $tdir ${old##*/}: nothing of ${new##*/}'s libgcc is missing"
		return 0
	fi
	rm -rf "$WORK/x" && mkdir "$WORK/x"
	(cd "$WORK/x" && "$AR" x "$new/lib/gcc/$tdir/${new##*/gcc-}/libgcc.a" $(cat "$WORK/keep"))
	(cd "$WORK/x" && "$AR" rcs "$out.tmp" $(cat "$WORK/keep"))
	mv -f "$out.tmp" "$out"
	echo "   $tdir ${old##*/}: libgcc-newer.a, $n members of ${new##*/}'s libgcc ($(head -c 60 <<< "$(tr '\n' ' ' < "$WORK/keep")")...)"
}

for tdir in "$@"; do
	NM=$PREFIX/bin/$tdir-nm AR=$PREFIX/bin/$tdir-ar
	shards=$(ls -d "$PREFIX/opt/$tdir"/gcc-* 2>/dev/null | sort -V) || true
	[ -n "$shards" ] || continue
	newest=$(tail -n 1 <<< "$shards")
	[ -e "$newest/lib/gcc/$tdir/${newest##*/gcc-}/libgcc.a" ] || continue
	for old in $(sed '$d' <<< "$shards"); do
		one "$tdir" "$old" "$newest"
	done
done
