# shards/glibc/headers.sh: the header half of floor.sh (sourced by it).
#
# One patched copy of Debian's glibc 2.36 headers (plus the kernel's UAPI
# headers) per target serves every floor: each change that depends on the
# floor is a preprocessor test of __GLIBC_MINOR__, which features.h defines
# first thing.  Per floor only three things differ, and floor_headers
# writes them: features.h (the floor's __GLIBC_MINOR__), the absence of the
# public headers glibc added after the floor (a configure test or
# __has_include must not find them), and gfortran's SIMD declarations.
#
# What is patched, and why (each found by compiling every public header at
# an old floor and looking up every symbol it redirects to or inlines):
#  - features.h: __GLIBC_MINOR__ = the floor, defined before the feature
#    logic that now tests it; _DYNAMIC_STACK_SIZE_SOURCE (on with
#    _GNU_SOURCE) only from 2.34, since before it PTHREAD_STACK_MIN and
#    SIGSTKSZ become sysconf() calls an old glibc answers with -1;
#    _TIME_BITS=64 (32-bit targets) refused below 2.34, which added it.
#  - fcntl.h: _FILE_OFFSET_BITS=64 (meson sets it even on 64-bit targets)
#    redirects fcntl to fcntl64, which exists from 2.28 only.
#  - fts.h: the same for fts_* -> fts64_* (2.23); below, 64-bit targets keep
#    fts_* and 32-bit ones get the #error the old header had.
#  - dlfcn.h: _dl_find_object and <bits/dl_find_object.h> from 2.35 only
#    (libgcc's unwinder uses them when DLFO_STRUCT_HAS_EH_DBASE is defined).
#  - bits/mathcalls.h: totalorder/totalordermag take pointers from 2.31;
#    2.25-2.30 exported a by-value version under the same name.
#  - bits/math-vector.h (x86_64): each libmvec SIMD declaration from the
#    release whose libmvec has all its variants (2.22, 2.35), read from the
#    ABI data, so that -ffast-math vectorization never calls a missing one.
# Not patched: stat() & co. are declared as functions; below 2.33 they link
# to libc_nonshared.a's wrappers.  Plain declarations of functions newer
# than the floor stay: calling one fails at link time, with the linker's
# own "undefined reference", as the brief asks.

# public headers glibc added after 2.17, with the release that added them
NEW_HEADERS='
sys/random.h            25
threads.h               28
sys/single_threaded.h   32
sys/platform/x86.h      33
sys/rseq.h              35
sys/pidfd.h             36
'

# edit FILE OP LINE [ARG]: an exact whole LINE (awk string: \t is a tab),
# which must occur exactly once; OP is before TEXT, after TEXT, replace
# TEXT, or close N TEXT (insert TEXT after the Nth line following LINE)
edit() {
	local f=$1 op=$2 line=$3 n=0 text
	if [ "$op" = close ]; then n=$4 text=$5; else text=$4; fi
	awk -v op="$op" -v line="$line" -v text="$text" -v n="$n" '
		$0 == line { hits++; if (op == "before") print text
		             if (op == "replace") { print text; next }
		             if (op == "after") { print; print text; next }
		             if (op == "close") at = NR + n }
		{ print }
		NR == at { print text }
		END { if (hits != 1) exit 1 }' "$f" >"$f.new" ||
		die "header patch failed (Debian's headers changed?): $f: $op [$line]"
	mv "$f.new" "$f"
}

# the packages holding the target's glibc and kernel headers, with the
# directory their files are under; for x86_64 on an x86_64 host the native
# packages, whose multiarch directory is folded into the top
header_sources() {
	if [ "$T_PKG" = amd64 ] && ! dpkg-query -W -f='${Status}' libc6-dev-amd64-cross 2>/dev/null | grep -q ' installed'; then
		echo "libc6-dev:amd64 linux-libc-dev:amd64 /usr/include /usr/include/x86_64-linux-gnu"
	else
		echo "libc6-dev-$T_PKG-cross linux-libc-dev-$T_PKG-cross /usr/$T_DEB/include -"
	fi
}

# copy the package files under DIR (and MULTI) into DEST
copy_headers() {
	local dest=$1 p1 p2 dir multi
	read -r p1 p2 dir multi <<<"$(header_sources)"
	dpkg -L "$p1" "$p2" >"$TMP/files" || die "packages $p1 $p2 are not installed"
	mkdir -p "$dest"
	grep "^$dir/" "$TMP/files" | while read -r f; do [ -f "$f" ] && echo "$f"; done >"$TMP/hdrs"
	if [ "$multi" != - ]; then
		grep -v "^$multi/" "$TMP/hdrs" | sed "s|^$dir/||" >"$TMP/top"
		grep "^$multi/" "$TMP/hdrs" | sed "s|^$multi/||" >"$TMP/arch"
		tar -C "$dir" -cf - -T "$TMP/top" | tar -C "$dest" -xf -
		tar -C "$multi" -cf - -T "$TMP/arch" | tar -C "$dest" -xf -
	else
		sed "s|^$dir/||" "$TMP/hdrs" >"$TMP/top"
		tar -C "$dir" -cf - -T "$TMP/top" | tar -C "$dest" -xf -
	fi
	# a generated floor keeps glibc's and Linux's headers only; libstdc++'s
	# and gfortran's come from the compiler shards
	[ -f "$dest/features.h" ] && [ -f "$dest/linux/version.h" ] ||
		die "$p1/$p2 did not provide features.h and linux/version.h"
}

# the libmvec functions and the release that has all their variants:
# "NAME MINOR" lines, e.g. "cos 22" (x86_64 only)
mvec_table() {
	awk '/^@/ { on = ($1 == "@libmvec"); next }
	     on && $1 ~ /^_ZGV[a-z]N[0-9]+[vlu]+_/ {
		n = $1; sub(/^_ZGV[a-z]N[0-9]+[vlu]+_/, "", n)
		split($2, v, "[.:/]"); m = v[2] + 0
		if (!(n in min) || m > min[n]) min[n] = m
	     }
	     END { for (n in min) print n, min[n] }' "$ABI" | sort
}

patch_headers() {
	local d=$1
	# features.h: the floor first; @GLIBC_MINOR@ is filled in per floor
	edit "$d/features.h" replace "#undef  __GNU_LIBRARY__" "/* (__GNU_LIBRARY__, __GLIBC__, __GLIBC_MINOR__: see the top) */"
	edit "$d/features.h" replace "#define __GNU_LIBRARY__ 6" ""
	edit "$d/features.h" replace "#define\t__GLIBC__\t2" ""
	edit "$d/features.h" replace "#define\t__GLIBC_MINOR__\t36" ""
	edit "$d/features.h" after "#define\t_FEATURES_H\t1" \
"\n/* ccmux: a generated glibc floor.  __GLIBC_MINOR__ is the oldest glibc\n   the programs built here run on, set before the logic below tests it. */\n#define __GNU_LIBRARY__ 6\n#define __GLIBC__ 2\n#define __GLIBC_MINOR__ @GLIBC_MINOR@"
	edit "$d/features.h" replace "#ifdef\t_DYNAMIC_STACK_SIZE_SOURCE" \
		"#if defined _DYNAMIC_STACK_SIZE_SOURCE && __GLIBC_MINOR__ >= 34"
	edit "$d/features.h" after "#include <features-time64.h>" \
"#if defined __USE_TIME_BITS64 && __GLIBC_MINOR__ < 34\n# error \"_TIME_BITS=64 needs glibc 2.34; this sysroot is an older glibc floor\"\n#endif"
	# fcntl.h
	edit "$d/fcntl.h" replace "extern int __REDIRECT (fcntl, (int __fd, int __cmd, ...), fcntl64);" \
"#   if __GLIBC_MINOR__ >= 28\nextern int __REDIRECT (fcntl, (int __fd, int __cmd, ...), fcntl64);\n#   else\nextern int fcntl (int __fd, int __cmd, ...);\n#   endif"
	edit "$d/fcntl.h" replace "#   define fcntl fcntl64" \
"#   if __GLIBC_MINOR__ >= 28\n#    define fcntl fcntl64\n#   else\nextern int fcntl (int __fd, int __cmd, ...);\n#   endif"
	# fts.h
	edit "$d/fts.h" before "__BEGIN_DECLS" \
"#if __GLIBC_MINOR__ < 23 && defined __USE_FILE_OFFSET64 && !defined __OFF_T_MATCHES_OFF64_T\n# error \"<fts.h> cannot be used with -D_FILE_OFFSET_BITS=64 below glibc 2.23\"\n#endif"
	edit "$d/fts.h" after "__BEGIN_DECLS" "#if __GLIBC_MINOR__ < 23\n# define __FTS_PLAIN 1\n#endif"
	awk '!done && $0 == "#ifndef __USE_FILE_OFFSET64" && seen { print "#if !defined __USE_FILE_OFFSET64 || defined __FTS_PLAIN"; done = 1; next }
	     $0 == "__BEGIN_DECLS" { seen = 1 } { print }
	     END { if (!done) exit 1 }' "$d/fts.h" >"$d/fts.h.new" || die "header patch failed: fts.h"
	mv "$d/fts.h.new" "$d/fts.h"
	# dlfcn.h
	edit "$d/dlfcn.h" replace "#include <bits/dl_find_object.h>" \
		"#if __GLIBC_MINOR__ >= 35\n# include <bits/dl_find_object.h>\n#endif"
	edit "$d/dlfcn.h" before "struct dl_find_object" "#if __GLIBC_MINOR__ >= 35"
	edit "$d/dlfcn.h" after "int _dl_find_object (void *__address, struct dl_find_object *__result) __THROW;" \
		"#endif"
	# bits/mathcalls.h
	edit "$d/bits/mathcalls.h" before "/* Total order operation.  */" "# if __GLIBC_MINOR__ >= 31"
	edit "$d/bits/mathcalls.h" close "__MATHDECL_1 (int, totalordermag,, (const _Mdouble_ *__x," 2 "# endif"
	# bits/math-vector.h: x86_64's libmvec declarations
	if [ "$T_ABI" = x86_64 ]; then
		mvec_table >"$TMP/mvec"
		awk 'FNR == NR { since[$1] = $2; next }
		     /^#  undef __DECL_SIMD_/ {
			n = $3; sub(/^__DECL_SIMD_/, "", n)
			if (!(n in since)) { print "math-vector.h: no libmvec data for " n > "/dev/stderr"; exit 1 }
			print "#  if __GLIBC_MINOR__ >= " since[n]; print; open = 1; next
		     }
		     open && /^#  define __DECL_SIMD_/ { print; print "#  endif"; open = 0; next }
		     { print }' "$TMP/mvec" "$d/bits/math-vector.h" >"$d/bits/math-vector.h.new" ||
			die "header patch failed: bits/math-vector.h"
		mv "$d/bits/math-vector.h.new" "$d/bits/math-vector.h"
		cp "$TMP/mvec" "$d/../mvec"
	fi
}

# the per-floor part: DEST/usr/include from the patched tree SRC
floor_headers() {
	local src=$1 dest=$2 minor=$3 f since
	cp -al "$src" "$dest" 2>/dev/null || { rm -rf "$dest"; cp -a "$src" "$dest"; }
	rm -f "$dest/features.h"
	sed "s/@GLIBC_MINOR@/$minor/" "$src/features.h" >"$dest/features.h"
	while read -r f since; do
		if [ -n "$f" ] && [ "$minor" -lt "$since" ]; then rm -f "$dest/$f"; fi
	done <<<"$NEW_HEADERS"
	# gfortran's SIMD declarations: the functions this floor's libmvec has
	for f in "$dest"/finclude/*/math-vector-fortran.h; do
		[ -f "$f" ] || continue
		rm -f "$f"
		if [ -f "$src/../mvec" ]; then
			awk -v minor="$minor" 'FNR == NR { since[$1] = $2; next }
				/^!GCC\$ builtin \(/ { n = $0; sub(/^!GCC\$ builtin \(/, "", n); sub(/\).*/, "", n)
				                      if (!(n in since) || since[n] > minor) next }
				{ print }' "$src/../mvec" "$src/${f#"$dest"/}" >"$f"
		else
			cp "$src/${f#"$dest"/}" "$f"
		fi
	done
	return 0
}
