#!/bin/bash
# shards/glibc/mkabilists.sh GITDIR [OUTDIR]
#
# Write the compact ABI data that floor.sh builds stub libraries from, one
# file per architecture (OUTDIR, default abilists/ beside this script):
# x86_64 i386 aarch64 arm powerpc64le.  Run by a maintainer when the data
# should change; the output is committed, so installing needs no network.
#
#   GITDIR  a clone (bare is fine) of ziglang/glibc-abi-tool: glibc's own
#           *.abilist files for every release 2.16-2.41 under glibc/VERSION/
#
# Also read: Debian's glibc 2.36 shared libraries for each architecture
# (/usr/TRIPLET/lib, /lib/x86_64-linux-gnu), only to learn which symbols
# 2.36 keeps as compatibility symbols (no default version, so not linkable).
#
# What the lists say, and what this keeps:
#  - a line "GLIBC_2.17 name F" (function) or "GLIBC_2.2.5 name D 0x8"
#    (object of that size): the version is the one that INTRODUCED that
#    version of the symbol; a release's list holds every version the library
#    of that release defines.  Old lists (before 2.26 or so) group lines
#    under a "VERSION" header line; both forms are read.
#  - placement: which library a symbol lives in changes between releases
#    (clock_* from librt to libc in 2.17 and 2.31, pthread_attr_* and
#    friends into libc in 2.30-2.32, malloc out of ld.so in 2.32, the big
#    libpthread/libdl/librt/libutil/libanl merge in 2.34), so every entry
#    records the releases whose list has it in that library.
#  - the lists start later for some ports (aarch64, arm: 2.20; ppc64le:
#    2.19); floor.sh serves an older floor from the first list, filtered by
#    version, which is exact as long as nothing moved before that list
#    (true: the first move after 2.17 is in 2.25).
#
# Output format (one file per architecture, text, sorted, deterministic):
#   # comment lines
#   arch NAME                       the abi-tool directory family
#   releases R1 R2 ...              releases whose lists are held (oldest first)
#   lib NAME SONAME                 the libraries, one line each
#   compat SYMBOL SINCE             no default version (link-time invisible)
#                                   from release SINCE on ("-" = always)
#   @LIB                            the entries below are LIB's
#   SYMBOL ENTRY...                 one line per symbol; ENTRY is
#       VER[:SIZE][/FROM-TO]        VER without its GLIBC_ prefix (GCC_3.0
#                                   kept); :SIZE (decimal) marks an object,
#                                   no size a function; /FROM-TO the releases
#                                   whose list has it, either end left empty
#                                   when it is the natural one (FROM: the
#                                   later of VER and the first list; TO: the
#                                   last release held)
set -eu
LC_ALL=C
export LC_ALL

die() { echo "mkabilists.sh: $*" >&2; exit 1; }
[ $# -ge 1 ] || die "usage: $0 GITDIR [OUTDIR]"
GIT=$1
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${2:-$HERE/abilists}
git -C "$GIT" rev-parse -q --verify HEAD >/dev/null || die "$GIT: not a git directory"
COMMIT=$(git -C "$GIT" rev-parse HEAD)
mkdir -p "$OUT"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

RELEASES="2.16 2.17 2.18 2.19 2.20 2.21 2.22 2.23 2.24 2.25 2.26 2.27 2.28 2.29
2.30 2.31 2.32 2.33 2.34 2.35 2.36"

# the libraries a floor provides (libthread_db, libc_malloc_debug and the
# NSS modules are not linked by programs); per arch: soname of ld.so
LIBS="ld libc libm libpthread libdl librt libutil libresolv libanl libcrypt libnsl
libBrokenLocale libmvec"
soname() { # ARCH LIB
	case $2 in
	ld) case $1 in
	    x86_64) echo ld-linux-x86-64.so.2 ;;
	    i386) echo ld-linux.so.2 ;;
	    aarch64) echo ld-linux-aarch64.so.1 ;;
	    arm) echo ld-linux-armhf.so.3 ;;
	    powerpc64le) echo ld64.so.2 ;;
	    esac ;;
	libc|libm) echo "$2.so.6" ;;
	libpthread) echo libpthread.so.0 ;;
	libdl|libresolv) echo "$2.so.2" ;;
	*) echo "$2.so.1" ;;
	esac
}

# where each arch's lists are, newest layout first: DIR/LIB.abilist, where a
# DIR ending in "-le" means the file is LIB-le.abilist (ppc64le before 2.29)
L=sysdeps/unix/sysv/linux
candidates() { # ARCH LIB
	case $1 in
	x86_64) echo "$L/x86_64/64/$2 $L/x86_64/64/nptl/$2 $L/x86_64/$2" ;;
	i386) echo "$L/i386/$2 $L/i386/nptl/$2" ;;
	aarch64) echo "$L/aarch64/$2" ;;
	arm) echo "$L/arm/le/$2 $L/arm/$2" ;;
	powerpc64le) echo "$L/powerpc/powerpc64/le/$2 $L/powerpc/powerpc64/$2-le
	                   $L/powerpc/powerpc64/nptl/$2-le" ;;
	esac
}

debian_libdir() {
	case $1 in
	x86_64) echo /lib/x86_64-linux-gnu ;;
	i386) echo /usr/i686-linux-gnu/lib ;;
	aarch64) echo /usr/aarch64-linux-gnu/lib ;;
	arm) echo /usr/arm-linux-gnueabihf/lib ;;
	powerpc64le) echo /usr/powerpc64le-linux-gnu/lib ;;
	esac
}

# Symbols glibc made compatibility-only (no default version) after 2.17,
# with the release that did it; a symbol 2.36 has without a default version
# and which is not named here has had none since before 2.16.  Facts from
# glibc's NEWS; checked against a real 2.17 (x86_64, aarch64) by
# tests/t_glibc_floor.sh.  An awk ERE matched against the whole name.
COMPAT_SINCE='
__malloc_initialize_hook                                         2.24
bdflush|create_module|get_kernel_syms|query_module|uselib        2.23
sigvec                                                           2.21
cfree|__sig(add|del)set|__sigismember                            2.26
__(mempcpy|stpcpy|strcpy)_small|__strcspn_c[123]|__strpbrk_c[23] 2.26
__strsep_[123]c|__strspn_c[123]|__strtok_r_1c                    2.26
res_send_set[qr]hook|_gethtby(addr|name|name2)|_[sg]ethtent      2.26
res_gethostby(addr|name|name2)                                   2.26
_LIB_VERSION|matherr|pow10[fl]?                                  2.27
encrypt|encrypt_r|setkey|setkey_r|cbc_crypt|ecb_crypt|des_setparity 2.28
inb|inw|inl|outb|outw|outl|ioperm|iopl                           2.30
llseek|ustat|nfsservctl|sstk|advance|step|loc[12s]              2.28
_IO_vfscanf                                                      2.29
fattach|fdetach|getmsg|getpmsg|isastream|putmsg|putpmsg          2.30
.*_finite|stime                                                  2.31
_?sys_errlist|_?sys_nerr|_?sys_siglist|sys_sigabbrev|_?_?sysctl  2.32
vtimes|__nss_(database|group|hosts|passwd)_lookup|__nss_next     2.33
__(after_morecore|free|malloc|memalign|realloc)_hook             2.34
__morecore|__default_morecore|mallwatch|tr_break                 2.34
__pthread_(getspecific|setspecific|once|key_create)              2.34
__pthread_mutex(attr)?_[a-z]+|__pthread_rwlock_[a-z]+            2.34
_pthread_cleanup_(push_defer|pop_restore)|pthread_yield          2.34
pthread_mutex_consistent_np|pthread_mutexattr_[gs]et(robust|kind)_np 2.34
__res_[a-z]+|__dn_(comp|expand|skipname)|__p_secstodate          2.34
__send                                                           2.34
'
# Sun RPC in libc: compatibility-only from 2.32 on (before, the distributions
# built --enable-obsolete-rpc, as the real 2.17 here was); NIS (libnsl): 2.28
RPC='xdr.*|_?svc.*|_?clnt.*|_?auth.*|_?pmap.*|key_.*|__key_.*|__rpc_.*|__libc_(clnt|rpc).*|_rpc_dtablesize|_seterr_reply|_null_auth|callrpc|registerrpc|rpc_createerr|_authenticate|get_myaddress|getrpcport|getnetname|getpublickey|getsecretkey|host2netname|netname2(host|user)|user2netname|rtime|passwd2des|xencrypt|xdecrypt|cbc_crypt|ecb_crypt|des_setparity|xprt_(un)?register'

# 1. every list line of every release: "RELEASE LIB VERSION NAME SIZE|-"
extract() { # ARCH
	local arch=$1 r lib p path
	for r in $RELEASES; do
		for lib in $LIBS; do
			for p in $(candidates "$arch" "$lib"); do
				path=glibc/$r/$p.abilist
				git -C "$GIT" cat-file -e "HEAD:$path" 2>/dev/null || continue
				git -C "$GIT" show "HEAD:$path" | awk -v r="$r" -v lib="$lib" '
					/^[^ ]/ && NF == 1 { ver = $1; next }
					/^ / { $0 = ver " " substr($0, 2) }
					$3 == "A" { next }
					$3 == "F" { print r, lib, $1, $2, "-"; next }
					$3 == "D" { printf "%s %s %s %s %d\n", r, lib, $1, $2, strtonum_hex($4); next }
					{ print "unknown line: " $0 > "/dev/stderr"; exit 1 }
					function strtonum_hex(s,   i, n, c) {
						s = tolower(s); sub(/^0x/, "", s); n = 0
						for (i = 1; i <= length(s); i++) {
							c = index("0123456789abcdef", substr(s, i, 1)) - 1
							n = n * 16 + c
						}
						return n
					}'
				break
			done
		done
	done
}

# 2. names without a default version in any of Debian's 2.36 libraries
# (libcrypt is libxcrypt's there, not glibc's: its names come from
# COMPAT_SINCE alone, see COMPAT_EXTRA)
COMPAT_EXTRA="encrypt encrypt_r setkey setkey_r"
compat36() { # ARCH
	local dir f lib
	dir=$(debian_libdir "$1")
	for lib in $LIBS; do
		[ "$lib" = libcrypt ] && continue
		f=$dir/$(soname "$1" "$lib")
		[ -e "$f" ] || continue
		readelf --dyn-syms -W "$f"
	done | awk -v extra="$COMPAT_EXTRA" '
		NR > 3 && $7 != "UND" && $8 ~ /@/ {
			n = $8; sub(/@.*/, "", n)
			if ($8 ~ /@@/) def[n] = 1; else seen[n] = 1
		}
		END {
			split(extra, x, " "); for (i in x) seen[x[i]] = 1
			for (n in seen) if (!(n in def)) print n
		}'
}

for arch in x86_64 i386 aarch64 arm powerpc64le; do
	extract "$arch" >"$TMP/raw"
	[ -s "$TMP/raw" ] || die "$arch: no lists found in $GIT"
	compat36 "$arch" >"$TMP/compat"
	[ -s "$TMP/compat" ] || die "$arch: no Debian glibc 2.36 libraries in $(debian_libdir "$arch")"
	{
		echo "# glibc ABI lists for $arch: generated by shards/glibc/mkabilists.sh"
		echo "# from glibc-abi-tool $COMMIT and Debian's glibc 2.36; do not edit"
		echo "arch $arch"
		echo "releases $(cut -d' ' -f1 "$TMP/raw" | sort -u -t. -k1,1n -k2,2n | tr '\n' ' ' | sed 's/ $//')"
		for lib in $LIBS; do
			grep -q "^[^ ]* $lib " "$TMP/raw" && echo "lib $lib $(soname "$arch" "$lib")"
		done
		# compat: the libraries' own view at 2.36, by name; a name compatible
		# in one library but default in another stays default
		awk -v since="$COMPAT_SINCE" -v rpc="$RPC" '
			BEGIN {
				n = split(since, line, "\n")
				for (i = 1; i <= n; i++) if (split(line[i], f, " ") == 2) { pat[++np] = "^(" f[1] ")$"; rel[np] = f[2] }
			}
			FNR == NR { if ($2 == "libnsl") nsl[$4] = 1; else other[$4] = 1; next }
			!(($1 in nsl) || ($1 in other)) { next }   # not in any list
			{
				name = $1; s = "-"
				if (name ~ ("^(" rpc ")$")) s = "2.32"
				for (i = 1; i <= np; i++) if (name ~ pat[i]) { s = rel[i]; break }
				if ((name in nsl) && !(name in other)) s = "2.28"
				print "compat", name, s
			}' "$TMP/raw" "$TMP/compat" | sort
		# entries
		awk '
			{ r = $1; if (!(r in ri)) { ri[r] = ++nr; rel[nr] = r } }
			{ key = $2 SUBSEP $4 SUBSEP $3 SUBSEP $5
			  if (!(key in first)) { first[key] = r; order[++nk] = key }
			  last[key] = r; cnt[key]++ }
			function vnum(v,   a, n, i, x) {    # GLIBC_2.3.4 -> sortable
				if (v !~ /^GLIBC_/) return "0000000000"
				sub(/^GLIBC_/, "", v); n = split(v, a, ".")
				x = ""; for (i = 1; i <= 3; i++) x = x sprintf("%03d", (i <= n ? a[i] : 0))
				return x
			}
			function rnum(r,   a) { split(r, a, "."); return a[1] * 1000 + a[2] }
			END {
				for (k = 1; k <= nk; k++) {
					key = order[k]; split(key, f, SUBSEP)
					lib = f[1]; name = f[2]; ver = f[3]; size = f[4]
					# contiguous: every release from first to last has it
					if (cnt[key] != ri[last[key]] - ri[first[key]] + 1) {
						print "mkabilists: gap in " lib " " name " " ver > "/dev/stderr"; exit 1
					}
					v = ver; sub(/^GLIBC_/, "", v)
					e = v (size == "-" ? "" : ":" size)
					nat = rel[1]
					if (ver ~ /^GLIBC_/ && rnum(v) > rnum(nat)) nat = v
					from = (first[key] == nat ? "" : first[key])
					to = (last[key] == rel[nr] ? "" : last[key])
					if (from != "" || to != "") e = e "/" from "-" to
					print lib, name, vnum(ver), e
				}
			}' "$TMP/raw" | sort -k1,1 -k2,2 -k3,3 -k4,4 |
		awk '
			$1 != lib { if (line != "") print line; line = ""; lib = $1; print "@" lib; name = "" }
			$2 != name { if (line != "") print line; name = $2; line = name }
			{ line = line " " $4 }
			END { if (line != "") print line }'
	} >"$OUT/$arch.new"
	mv "$OUT/$arch.new" "$OUT/$arch"
	echo "$arch: $(grep -c '^[^#@]' "$OUT/$arch") lines, $(wc -c <"$OUT/$arch") bytes"
done
