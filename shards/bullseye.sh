#!/bin/bash
# shards/bullseye.sh [OPTIONS] DESTDIR MAJOR[,MAJOR...] ARCH... (run by install.sh)
#
# Fetch GCC MAJOR (9 or 10) from Debian's previous release, bullseye, native
# and cross, and unpack it under DESTDIR -- without touching the system's apt
# configuration, its dpkg database or /usr:
#
#   - a private apt configuration under the cache directory (APT_CONFIG, with
#     its own empty configuration-parts directory, so no hook or pin of the
#     system's apt.conf.d runs): one source, bullseye's main suite, at the
#     archive the machine's own apt sources use for its release (the suite name
#     is replaced; nothing of GCC's is in bullseye-updates or -security), its
#     own lists, cache and an empty dpkg status;
#   - apt-get update (only when the lists are missing, the source changed, or
#     --update), apt-get download into CACHE/debs (a .deb already there with
#     the archive's SHA256 is not fetched again), dpkg -x into DESTDIR.
#
# What is fetched: the drivers gcc-N, g++-N, gfortran-N (TRIPLET-gcc-N etc.
# for cross ARCHes) and every package they depend on that is built from
# GCC's own source packages (gcc-N, gcc-10, gcc-N-cross, gcc-10-cross): cpp,
# the -base packages, libgcc-N-dev, libstdc++-N-dev, libgfortran-N-dev (or
# their -ARCH-cross variants) and the runtime libraries (libgcc-s1,
# libstdc++6, libgfortran5, libquadmath0, libasan, ... -- bullseye's, from
# GCC 10).  Everything else the packages depend on comes from the running
# system: binutils (as, ld), libc6-dev / libc6-dev-ARCH-cross, and the
# compilers' own host libraries (libgmp10, libisl23, libmpc3, libmpfr6,
# zlib1g: bookworm's have the same sonames).  libcc1-0 (a GDB plugin) is
# left out.
#
# DESTDIR receives the Debian layout (N = MAJOR; amd64 native, arm64 as an
# example of a cross ARCH):
#   DESTDIR/usr/bin/x86_64-linux-gnu-{gcc,g++,gfortran,cpp}-N (and gcc-N ...)
#   DESTDIR/usr/lib/gcc/x86_64-linux-gnu/N/      cc1 cc1plus f951 lto1 collect2
#                                                lto-wrapper, libgcc.a crt*.o
#                                                include/ finclude/, lib*.so links
#   DESTDIR/usr/include/c++/N, DESTDIR/usr/include/x86_64-linux-gnu/c++/N
#   DESTDIR/usr/lib/x86_64-linux-gnu/libstdc++.so.6 ...  bullseye's runtime
#   DESTDIR/lib/x86_64-linux-gnu/libgcc_s.so.1   (and a link to it in
#                                                DESTDIR/usr/lib/x86_64-linux-gnu)
#   DESTDIR/usr/bin/aarch64-linux-gnu-{gcc,g++,gfortran,cpp}-N
#   DESTDIR/usr/lib/gcc-cross/aarch64-linux-gnu/N/
#   DESTDIR/usr/aarch64-linux-gnu/include/c++/N
#   DESTDIR/usr/aarch64-linux-gnu/lib/libstdc++.so.6 ...  bullseye's runtime
#   DESTDIR/usr/aarch64-linux-gnu/{bin,include,lib}/...  links made here to the
#                                                system's cross binutils and
#                                                cross libc (see link_system)
#   DESTDIR/.bullseye/PACKAGE                    the .deb unpacked (a stamp)
# Several MAJORs and ARCHes share one DESTDIR, as they share one system.  The
# packages hold no absolute symbolic link; the drivers find their programs,
# headers and libraries relative to themselves, the native libc in the
# system's /usr/include and /usr/lib/TRIPLET, as and ld in PATH (native) or
# DESTDIR/usr/TRIPLET/bin (cross).
#
# Output on stdout, one line per MAJOR x ARCH:
#   ARCH MAJOR VERSION TRIPLET DRIVERPREFIX
# e.g. "arm64 9 9.3.0 aarch64-linux-gnu /d/usr/bin/aarch64-linux-gnu-": the
# drivers are DRIVERPREFIX{gcc,g++,gfortran,cpp}-MAJOR.  Progress goes to
# stderr.  Exit 0 when every driver runs, 1 otherwise, 2 on bad usage.
#
#   MAJOR   9 | 10 (several: 9,10)
#   ARCH    a Debian architecture: amd64 arm64 armhf i386 ppc64el (also
#           armel and s390x: bullseye has no other cross GCC 9 or 10 under
#           these names), or x86_64 aarch64 armv7l i686 powerpc64le.  The
#           host's own architecture gives the native compiler.
#
# Options:
#   --cache DIR      apt state and downloaded .debs (default
#                    /var/cache/ccmux/bullseye; any user who can write it can
#                    run this, root is not needed)
#   --archive URI    the archive to use instead of the one the apt sources name
#   --update         run apt-get update even when the lists are there
#   --packages       print the package list (one "PACKAGE VERSION" a line) and
#                    stop: no download, DESTDIR is not touched
#   --download-only  fetch into the cache, do not unpack (DESTDIR is not touched)
#   --no-strip       keep the debug information bullseye's gcc-10 cross
#                    compilers carry (cc1 180 MB instead of 25 MB; 3.5 GB for
#                    four cross ARCHes); by default strip --strip-debug removes it
#                    from what a run unpacks
# Environment: BULLSEYE_JOBS=2 (.debs unpacked at once)
set -eu

SUITE=bullseye
CACHE=/var/cache/ccmux/bullseye
ARCHIVE='' FORCE_UPDATE=0 MODE=unpack STRIP=1

me=${0##*/}
die() { echo "$me: $*" >&2; exit 1; }
usage() { echo "usage: $me [--cache DIR] [--archive URI] [--update] [--no-strip] [--packages|--download-only] DESTDIR MAJOR[,MAJOR] ARCH..." >&2; exit 2; }
say() { echo "$me: $*" >&2; }

while [ $# -gt 0 ]; do
	case $1 in
	--cache) [ $# -ge 2 ] || usage; CACHE=$2; shift 2 ;;
	--cache=*) CACHE=${1#*=}; shift ;;
	--archive) [ $# -ge 2 ] || usage; ARCHIVE=$2; shift 2 ;;
	--archive=*) ARCHIVE=${1#*=}; shift ;;
	--update) FORCE_UPDATE=1; shift ;;
	--packages) MODE=list; shift ;;
	--download-only) MODE=download; shift ;;
	--no-strip) STRIP=0; shift ;;
	-h|--help) sed -n '2,/^set -eu/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
	--) shift; break ;;
	-*) echo "$me: unknown option $1" >&2; usage ;;
	*) break ;;
	esac
done
[ $# -ge 3 ] || usage
DEST=$1 MAJORS=$2
shift 2

for m in ${MAJORS//,/ }; do
	case $m in 9|10) ;; *) echo "$me: MAJOR $m: bullseye has GCC 9 and 10" >&2; exit 2 ;; esac
done

for t in apt-get apt-cache dpkg dpkg-deb sha256sum flock; do
	command -v $t >/dev/null || die "$t not found (a Debian system is needed)"
done
if [ $STRIP = 1 ]; then
	for t in readelf strip; do
		command -v $t >/dev/null || die "$t not found (binutils), or give --no-strip"
	done
fi
HOSTARCH=$(dpkg --print-architecture)

# ARCH -> "DEBARCH TRIPLET"
arch_info() {
	local a
	case $1 in
	amd64|x86_64|x86-64) a=amd64 ;;
	arm64|aarch64) a=arm64 ;;
	armhf|armv7l|armv7|arm) a=armhf ;;
	i386|i686|i586|i486) a=i386 ;;
	ppc64el|powerpc64le|ppc64le) a=ppc64el ;;
	*) a=$1 ;;
	esac
	case $a in
	amd64) echo "amd64 x86_64-linux-gnu" ;;
	arm64) echo "arm64 aarch64-linux-gnu" ;;
	armhf) echo "armhf arm-linux-gnueabihf" ;;
	armel) echo "armel arm-linux-gnueabi" ;;
	i386) echo "i386 i686-linux-gnu" ;;
	ppc64el) echo "ppc64el powerpc64le-linux-gnu" ;;
	s390x) echo "s390x s390x-linux-gnu" ;;
	*) return 1 ;;
	esac
}
ARCHES=()
for a in "$@"; do
	info=$(arch_info "$a") || { echo "$me: unknown architecture $a" >&2; exit 2; }
	ARCHES+=("${info%% *}")
done

# ---- the private apt configuration ------------------------------------------

mkdir -p "$CACHE" || die "cannot create $CACHE"
CACHE=$(cd "$CACHE" && pwd)
exec 9>"$CACHE/lock"
flock 9 || die "cannot lock $CACHE/lock"

# the release the machine runs, and the archive its apt sources use for it:
# prints "URI|SIGNED-BY" (SIGNED-BY a keyring file, or empty)
system_archive() {
	local codename f
	# shellcheck disable=SC1091
	codename=$(. /etc/os-release 2>/dev/null && echo "${VERSION_CODENAME:-}")
	[ -n "$codename" ] || codename=$(apt-config dump 2>/dev/null | sed -n 's/^APT::Default-Release "\(.*\)";/\1/p')
	[ -n "$codename" ] || return 1
	# deb822 .sources: the first enabled "deb" paragraph with suite CODENAME
	# and component main
	for f in /etc/apt/sources.list.d/*.sources; do
		[ -f "$f" ] || continue
		awk -v cn="$codename" '
			function flush() {
				if (types ~ /(^| )deb( |$)/ && enabled !~ /^(no|false)$/ &&
				    (" " suites " ") ~ (" " cn " ") && (" " comps " ") ~ / main /) {
					split(uris, u, " "); print u[1] "|" sb; found = 1; exit
				}
				types = uris = suites = comps = sb = enabled = ""
			}
			/^[ \t]*#/ { next }
			/^[ \t]*$/ { flush(); next }
			/^[A-Za-z-]+:/ {
				k = tolower($1); v = $0; sub(/^[^:]*:[ \t]*/, "", v)
				if (k == "types:") types = v
				else if (k == "uris:") uris = v
				else if (k == "suites:") suites = v
				else if (k == "components:") comps = v
				else if (k == "enabled:") enabled = tolower(v)
				else if (k == "signed-by:" && v ~ /^\//) sb = v
			}
			END { if (!found) flush() }' "$f"
	done | head -n 1 | grep . && return 0
	# one-line sources.list: deb [opts] URI SUITE COMPONENT...
	for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
		[ -f "$f" ] || continue
		awk -v cn="$codename" '
			$1 != "deb" { next }
			{
				sb = ""; i = 2
				if ($2 ~ /^\[/) {
					while (i <= NF) {
						if ($i ~ /^\[?signed-by=/) { sb = $i; sub(/^\[?signed-by=/, "", sb); sub(/\]$/, "", sb) }
						if ($i ~ /\]$/) { i++; break }
						i++
					}
				}
				uri = $i; suite = $(i + 1)
				if (suite != cn) next
				for (j = i + 2; j <= NF; j++) if ($j == "main") { print uri "|" sb; exit }
			}' "$f"
	done | head -n 1 | grep .
}

setup_apt() {
	local uri sb src
	mkdir -p "$CACHE/etc/apt.conf.d" "$CACHE/etc/preferences.d" "$CACHE/etc/sources.list.d" \
		"$CACHE/lists/partial" "$CACHE/apt/archives/partial" "$CACHE/debs"
	if [ -n "$ARCHIVE" ]; then
		uri=$ARCHIVE sb=
	else
		src=$(system_archive) ||
			die "no Debian archive for this release in the apt sources (/etc/apt/sources.list, /etc/apt/sources.list.d/); give one with --archive URI"
		uri=${src%%|*} sb=${src#*|}
	fi
	{
		echo "Types: deb"
		echo "URIs: $uri"
		echo "Suites: $SUITE"
		echo "Components: main"
		[ -z "$sb" ] || echo "Signed-By: $sb"
	} > "$CACHE/etc/sources.new"
	if ! cmp -s "$CACHE/etc/sources.new" "$CACHE/etc/sources.list.d/$SUITE.sources"; then
		mv "$CACHE/etc/sources.new" "$CACHE/etc/sources.list.d/$SUITE.sources"
		rm -f "$CACHE/updated"
	else
		rm -f "$CACHE/etc/sources.new"
	fi
	[ -e "$CACHE/status" ] || : > "$CACHE/status"
	# the machine's Acquire settings (proxies, Check-Valid-Until, ...) carry
	# over; nothing else of its configuration is read
	{
		echo "// written by $me: a private apt for Debian $SUITE"
		echo "Dir::Etc::main \"/dev/null\";"
		echo "Dir::Etc::parts \"$CACHE/etc/apt.conf.d\";"
		echo "Dir::Etc::sourcelist \"/dev/null\";"
		echo "Dir::Etc::sourceparts \"$CACHE/etc/sources.list.d\";"
		echo "Dir::Etc::preferences \"/dev/null\";"
		echo "Dir::Etc::preferencesparts \"$CACHE/etc/preferences.d\";"
		echo "Dir::State \"$CACHE\";"
		echo "Dir::State::Lists \"$CACHE/lists\";"
		echo "Dir::State::status \"$CACHE/status\";"
		echo "Dir::State::extended_states \"$CACHE/extended_states\";"
		echo "Dir::Cache \"$CACHE/apt\";"
		echo "Dir::Cache::srcpkgcache \"\";"
		echo "Dir::Log \"$CACHE\";"
		echo "APT::Architecture \"$HOSTARCH\";"
		echo "APT::Architectures { \"$HOSTARCH\"; };"
		echo "APT::Default-Release \"\";"
		echo "Acquire::Languages \"none\";"
		echo "Acquire::GzipIndexes \"true\";"
		APT_CONFIG=/dev/null apt-config dump 2>/dev/null | grep -E \
			'^Acquire::(Check-|Max-ValidTime|Min-ValidTime|Retries|ForceIPv|Allow|(http|https|ftp|socks)::)' || true
	} > "$CACHE/apt.conf"
	export APT_CONFIG=$CACHE/apt.conf
}

apt_update() {
	if [ $FORCE_UPDATE = 0 ] && [ -e "$CACHE/updated" ]; then
		return 0
	fi
	say "apt-get update ($SUITE, private lists in $CACHE/lists)"
	apt-get -q update >"$CACHE/update.log" 2>&1 || {
		cat "$CACHE/update.log" >&2
		die "apt-get update failed"
	}
	# apt-get update exits 0 when an index could not be fetched
	if grep -qE '^(E: |W: (Failed to fetch|Some index files failed|GPG error|The repository))' "$CACHE/update.log"; then
		cat "$CACHE/update.log" >&2
		die "apt-get update: warnings or errors (see above)"
	fi
	date -u +%FT%TZ > "$CACHE/updated"
}

# ---- the package list ----------------------------------------------------------

# from GCC's source packages, and needed to compile and link
wanted() {  # SOURCE PACKAGE
	case $2 in libcc1-0) return 1 ;; esac
	case $1 in gcc-[0-9]*) ;; *) return 1 ;; esac
	case ${1#gcc-} in *[!0-9]*) [ "${1#gcc-*-}" = cross ] || return 1 ;; esac
}

# the roots and every GCC-built package they depend on, transitively (one
# apt-cache call per level of the tree); prints "PACKAGE VERSION FILENAME
# SHA256" lines
resolve() {
	local -A seen=()
	local todo=("$@") next pkg src ver file sha deps d
	for pkg in "$@"; do seen[$pkg]=1; done
	while [ ${#todo[@]} -gt 0 ]; do
		next=()
		while IFS='|' read -r pkg src ver file sha deps; do
			if ! wanted "$src" "$pkg"; then continue; fi
			echo "$pkg $ver $file $sha"
			for d in ${deps//[,|]/ }; do
				d=${d%%:*}
				[ -z "${seen[$d]:-}" ] || continue
				seen[$d]=1
				next+=("$d")
			done
		done < <(apt-cache show --no-all-versions "${todo[@]}" 2>/dev/null | awk '
			function out() { if (p != "") print p "|" (s == "" ? p : s) "|" v "|" f "|" h "|" d; p = s = v = f = h = d = "" }
			/^$/ { out(); next }
			/^Package: / { p = $2 }
			/^Source: / { s = $2 }
			/^Version: / { v = $2 }
			/^Filename: / { f = $2 }
			/^SHA256: / { h = $2 }
			/^(Depends|Pre-Depends): / { sub(/^[^:]*: /, ""); gsub(/\([^)]*\)/, ""); d = d ", " $0 }
			END { out() }')
		todo=("${next[@]}")
	done
	return 0
}

roots() {  # MAJOR DEBARCH
	local m=$1 a=$2 tri
	if [ "$a" = "$HOSTARCH" ]; then
		echo "gcc-$m g++-$m gfortran-$m"
	else
		tri=$(arch_info "$a"); tri=${tri#* }
		tri=${tri//_/-}
		echo "gcc-$m-$tri g++-$m-$tri gfortran-$m-$tri"
	fi
}

setup_apt
apt_update

LIST=$CACHE/packages.$$
trap 'rm -f "$LIST" "$LIST.new"' EXIT
all=()
for m in ${MAJORS//,/ }; do
	for a in "${ARCHES[@]}"; do
		read -ra r <<< "$(roots "$m" "$a")"
		all+=("${r[@]}")
	done
done
resolve "${all[@]}" > "$LIST"
for m in ${MAJORS//,/ }; do
	for a in "${ARCHES[@]}"; do
		for p in $(roots "$m" "$a"); do
			grep -q "^$p " "$LIST" || die "$SUITE has no package $p (GCC $m for $a)"
		done
	done
done
sort -u "$LIST" -o "$LIST"

if [ $MODE = list ]; then
	awk '{ print $1, $2 }' "$LIST"
	exit 0
fi

# ---- download ------------------------------------------------------------------

# a .deb is good when its SHA256 is the archive's; the check is remembered
# (CACHE/debs/.verified: FILE SIZE MTIME SHA256) so that a warm run does not
# hash a gigabyte again
declare -A verified=()
if [ -f "$CACHE/debs/.verified" ]; then
	while read -r f sz mt h; do verified[$f]="$sz $mt $h"; done < "$CACHE/debs/.verified"
fi
have_deb() {  # FILE SHA256
	local f=$CACHE/debs/$1 st
	[ -s "$f" ] || return 1
	st=$(stat -c '%s %Y' "$f")
	[ "${verified[$1]:-}" = "$st $2" ] && return 0
	[ "$(sha256sum < "$f" | cut -d' ' -f1)" = "$2" ] || return 1
	verified[$1]="$st $2"
	echo "$1 $st $2" >> "$CACHE/debs/.verified"
}

missing=()
while read -r pkg ver file sha; do
	have_deb "${file##*/}" "$sha" || missing+=("$pkg=$ver")
done < "$LIST"
if [ ${#missing[@]} -gt 0 ]; then
	say "downloading ${#missing[@]} packages into $CACHE/debs"
	# apt's download method runs as _apt when started by root
	[ "$(id -u)" != 0 ] || ! id _apt >/dev/null 2>&1 || chown _apt "$CACHE/debs"
	(cd "$CACHE/debs" && apt-get -q download "${missing[@]}") >"$CACHE/download.log" 2>&1 || {
		cat "$CACHE/download.log" >&2
		die "apt-get download failed"
	}
	while read -r pkg ver file sha; do
		# apt-get download names the file PACKAGE_VERSION_ARCH.deb, as the
		# pool does, except for an epoch (%3a)
		have_deb "${file##*/}" "$sha" && continue
		f=
		for f in "$CACHE/debs/${pkg}_"*"${ver#*:}_"*.deb; do break; done
		if [ ! -f "$f" ] || [ "$(sha256sum < "$f" | cut -d' ' -f1)" != "$sha" ]; then
			die "$pkg $ver: no .deb with the archive's checksum in $CACHE/debs"
		fi
		mv "$f" "$CACHE/debs/${file##*/}"
		have_deb "${file##*/}" "$sha"
	done < "$LIST"
fi

[ $MODE = download ] && exit 0

# ---- unpack --------------------------------------------------------------------

mkdir -p "$DEST/.bullseye" || die "cannot create $DEST"
DEST=$(cd "$DEST" && pwd)
: > "$LIST.new"
while read -r pkg ver file sha; do
	deb=${file##*/}
	[ "$(cat "$DEST/.bullseye/$pkg" 2>/dev/null)" = "$deb" ] || echo "$pkg $deb" >> "$LIST.new"
done < "$LIST"
n=$(wc -l < "$LIST.new")
if [ "$n" -gt 0 ]; then
	say "unpacking $n packages into $DEST"
	# two at a time: dpkg-deb spends its time in xz
	awk '{ print $2 }' "$LIST.new" | xargs -P "${BULLSEYE_JOBS:-2}" -I{} \
		dpkg-deb -x "$CACHE/debs/{}" "$DEST" || die "dpkg-deb -x failed"
	# bullseye's gcc-10-cross compilers carry their debug information (cc1
	# 180 MB instead of 25 MB): strip it (the code is not touched), unless
	# --no-strip
	if [ $STRIP = 1 ]; then
		for f in "$DEST"/usr/lib/gcc*/*/*/* "$DEST"/usr/bin/*; do
			if [ ! -f "$f" ] || [ ! -x "$f" ] || [ -L "$f" ]; then continue; fi
			readelf -S "$f" 2>/dev/null | grep -q '\.debug_info' || continue
			strip --strip-debug "$f" || die "strip --strip-debug $f failed"
		done
	fi
	while read -r pkg deb; do echo "$deb" > "$DEST/.bullseye/$pkg"; done < "$LIST.new"
fi
rm -f "$LIST.new"

# A cross driver finds its binutils and its target's libc relative to
# itself, in DESTDIR/usr/TRIPLET/{bin,include,lib} (the places an installed
# Debian cross GCC finds /usr/TRIPLET/...); past those it looks only in the
# host's /usr/include, /lib/TRIPLET and /usr/lib/TRIPLET (multiarch, not the
# cross libc) and then PATH for a plain "as".  So DESTDIR/usr/TRIPLET gets
# links to every entry of the system's /usr/TRIPLET/{include,lib} that the
# packages did not bring (bullseye's C++ headers and GCC runtime stay), and
# bin/{as,ld,...} links to the system's TRIPLET-as etc.  Run again after
# installing or upgrading libc6-dev-ARCH-cross or binutils-TRIPLET.
link_system() {  # TRIPLET
	local tri=$1 d e n
	mkdir -p "$DEST/usr/$tri/bin" "$DEST/usr/$tri/include" "$DEST/usr/$tri/lib"
	for t in as ld ld.bfd ld.gold ar nm objcopy objdump ranlib readelf strip; do
		[ -x "/usr/bin/$tri-$t" ] && ln -sfn "/usr/bin/$tri-$t" "$DEST/usr/$tri/bin/$t"
	done
	for d in include lib; do
		for e in "/usr/$tri/$d"/* "/usr/$tri/$d"/.[!.]*; do
			[ -e "$e" ] || [ -L "$e" ] || continue
			n=$DEST/usr/$tri/$d/${e##*/}
			# not over what the packages brought (their own links too)
			if [ -e "$n" ] || [ -L "$n" ]; then
				case $(readlink "$n") in "/usr/$tri/"*) ;; *) continue ;; esac
			fi
			# the system's GCC runtime is another GCC's: only bullseye's
			case ${e##*/} in
			libstdc++.so*|libgcc_s.so*|libgfortran.so*|libquadmath.so*|libasan.so*|\
			libtsan.so*|liblsan.so*|libubsan.so*|libhwasan.so*|libatomic.so*|\
			libgomp.so*|libitm.so*|libobjc.so*|libgo.so*|libgphobos.so*|\
			libgdruntime.so*|libgm2*.so*|libcc1.so*) rm -f "$n"; continue ;;
			esac
			ln -sfn "$e" "$n"
		done
	done
	# links left from an earlier run to what is no longer there
	find "$DEST/usr/$tri" -maxdepth 2 -xtype l -lname "/usr/*" -delete
	[ -x "/usr/bin/$tri-as" ] ||
		say "warning: /usr/bin/$tri-as not found: install binutils-$tri to use the $tri compilers"
	[ -e "/usr/$tri/lib/libc.so" ] ||
		say "warning: /usr/$tri/lib/libc.so not found: install libc6-dev-*-cross for $tri to link"
	return 0
}
status=0
# native: libgcc-s1 puts libgcc_s.so.1 in /lib/TRIPLET, which the driver
# does not search relative to itself (its own libgcc_s.so script names
# libgcc_s.so.1); as on a merged-/usr system, give it a name in
# DESTDIR/usr/lib/TRIPLET, so that links use bullseye's and not the system's
for d in "$DEST"/lib/*-linux-gnu*; do
	[ -d "$d" ] || continue
	mkdir -p "$DEST/usr/lib/${d##*/}"
	for e in "$d"/*; do
		n=$DEST/usr/lib/${d##*/}/${e##*/}
		[ -e "$n" ] || [ -L "$n" ] || ln -s "../../../lib/${d##*/}/${e##*/}" "$n"
	done
done
for a in "${ARCHES[@]}"; do
	[ "$a" != "$HOSTARCH" ] || continue
	tri=$(arch_info "$a"); tri=${tri#* }
	link_system "$tri"
done

# the compilers' own host libraries (libisl, libmpc, libmpfr, libgmp, zlib,
# libzstd) come from the running system: say which are missing
for f in "$DEST"/usr/lib/gcc*/*/*/cc1 "$DEST"/usr/lib/gcc*/*/*/cc1plus \
	"$DEST"/usr/lib/gcc*/*/*/f951 "$DEST"/usr/lib/gcc*/*/*/lto1; do
	[ -x "$f" ] || continue
	miss=$(ldd "$f" 2>/dev/null | awk '/not found/ { print $1 }' | tr '\n' ' ')
	[ -z "$miss" ] || { say "${f#"$DEST"/}: missing host libraries: $miss"; status=1; }
done

for m in ${MAJORS//,/ }; do
	for a in "${ARCHES[@]}"; do
		tri=$(arch_info "$a"); tri=${tri#* }
		pfx=$DEST/usr/bin/$tri-
		v=$("${pfx}gcc-$m" -dumpfullversion 2>/dev/null) || {
			say "GCC $m for $a: ${pfx}gcc-$m does not run"
			status=1
			continue
		}
		echo "$a $m $v $tri $pfx"
	done
done
exit $status
