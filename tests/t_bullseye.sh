#!/usr/bin/env bash
# t_bullseye.sh: shards/bullseye.sh fetches GCC 9 and 10 from Debian
# bullseye with a private apt configuration and unpacks them into a
# temporary DESTDIR; the unpacked drivers run from there (their own cc1,
# headers and runtime, the system's binutils and libc), build hello in C, C++
# and Fortran for amd64 and arm64 that runs (natively / qemu with the loader
# path pinned), and show GCC 9's -fcommon default.  The system's apt sources
# and dpkg database are left alone.
#
#   CCMUX_BULLSEYE_CACHE   the script's cache (default /var/cache/ccmux/bullseye,
#                          the one install.sh fills); a cold cache downloads
#                          about 200 MB
# shellcheck disable=SC1091
. "$(dirname "$0")/lib.sh"
cd "$T" || exit 1
SCRIPT=$CCMUX_SRC/shards/bullseye.sh
CACHE=${CCMUX_BULLSEYE_CACHE:-/var/cache/ccmux/bullseye}
D=$T/dest
if ! mkdir -p "$CACHE" 2>/dev/null || [ ! -w "$CACHE" ]; then
	skip bullseye "cache $CACHE not writable (run as root or set CCMUX_BULLSEYE_CACHE)"
	exit 0
fi
HOST=$(dpkg --print-architecture)
if [ "$HOST" != amd64 ]; then
	skip bullseye "the checks are written for an amd64 host, this is $HOST"
	exit 0
fi

# ---- the script ---------------------------------------------------------------
if bash "$SCRIPT" --cache "$CACHE" "$D" 9,10 amd64 arm64 > out 2> err; then
	pass "bullseye.sh 9,10 amd64 arm64"
else
	fail "bullseye.sh 9,10 amd64 arm64" "exit $?: $(tail -n 5 err)"
	exit 0
fi
# one line per MAJOR x ARCH: ARCH MAJOR VERSION TRIPLET DRIVERPREFIX
check "output lines" "amd64 9 9.3.0 x86_64-linux-gnu $D/usr/bin/x86_64-linux-gnu-
arm64 9 9.3.0 aarch64-linux-gnu $D/usr/bin/aarch64-linux-gnu-
amd64 10 10.2.1 x86_64-linux-gnu $D/usr/bin/x86_64-linux-gnu-
arm64 10 10.2.1 aarch64-linux-gnu $D/usr/bin/aarch64-linux-gnu-" "$(cat out)"

# idempotent: a second run unpacks nothing and says the same
if bash "$SCRIPT" --cache "$CACHE" "$D" 9,10 amd64 arm64 > out2 2> err2 &&
	cmp -s out out2 && ! grep -q unpacking err2 && ! grep -q downloading err2; then
	pass "second run: nothing to do"
else
	fail "second run: nothing to do" "$(cat err2 out2 | head -n 5)"
fi

# the system's apt configuration, lists and dpkg database are untouched (others
# may edit the system's sources meanwhile: no checksum of them here)
if grep -rqs bullseye /etc/apt/sources.list /etc/apt/sources.list.d/; then
	fail "no bullseye in the system's sources" "$(grep -rls bullseye /etc/apt/sources.list /etc/apt/sources.list.d/)"
else
	pass "no bullseye in the system's sources"
fi
sys_lists=$(find /var/lib/apt/lists/ -maxdepth 1 -name '*_dists_bullseye*' 2>/dev/null | head -n 3)
if [ -n "$sys_lists" ]; then
	fail "no bullseye lists in the system's apt lists" "$sys_lists"
else
	pass "no bullseye lists in the system's apt lists"
fi
if [ -e "$CACHE/apt.conf" ] && [ -n "$(find "$CACHE/lists/" -maxdepth 1 -name '*_dists_bullseye_InRelease')" ]; then
	pass "private apt state in $CACHE"
else
	fail "private apt state in $CACHE" "no apt.conf or bullseye lists there"
fi
if dpkg-query -W -f='${Status}\n' gcc-9 gcc-9-aarch64-linux-gnu libgcc-9-dev 2>/dev/null | grep -q ' installed$'; then
	fail "dpkg database" "a bullseye GCC 9 package is installed in the system"
else
	pass "dpkg database: no GCC 9 package installed"
fi

cat > hello.c <<'X'
#include <stdio.h>
int main(void) { printf("hello C %d\n", __GNUC__); return 0; }
X
cat > hello.cc <<'X'
#include <iostream>
#include <string>
int main() { std::string s("hello C++"); std::cout << s << ' ' << __GNUC__ << std::endl; }
X
cat > hello.f90 <<'X'
program hello
  print '(a)', 'hello Fortran'
end program hello
X
printf 'int x;\nint main(void) { return x; }\n' > common1.c
printf 'int x;\n' > common2.c

# run PROGRAM for TRIPLET, the foreign loader's search path pinned to the
# cross libc (else it can load the host's multiarch libc and hang)
run() {
	local tri=$1 prog=$2 q
	case $tri in
	x86_64-linux-gnu) timeout 60 "./$prog" ;;
	aarch64-linux-gnu) q=qemu-aarch64 ;;
	esac
	[ -n "${q:-}" ] || return
	timeout 60 "$q" -L "/usr/$tri" -E "LD_LIBRARY_PATH=/usr/$tri/lib" "./$prog"
}

for m in 9 10; do
	case $m in 9) ver=9.3.0 ;; 10) ver=10.2.1 ;; esac
	for tri in x86_64-linux-gnu aarch64-linux-gnu; do
		n="gcc-$m $tri"
		if [ $tri = aarch64-linux-gnu ] &&
			{ [ ! -e /usr/$tri/lib/libc.so ] || ! command -v qemu-aarch64 >/dev/null; }; then
			skip "$n" "needs libc6-dev-arm64-cross and qemu-user"
			continue
		fi
		pfx=$D/usr/bin/$tri-
		case $tri in
		x86_64-linux-gnu)
			gccdir=$D/usr/lib/gcc/$tri/$m rtdir=$D/usr/lib/$tri cxxdir=$D/usr/include/c++/$m ;;
		*)
			gccdir=$D/usr/lib/gcc-cross/$tri/$m rtdir=$D/usr/$tri/lib cxxdir=$D/usr/$tri/include/c++/$m ;;
		esac

		# ---- versions --------------------------------------------------------
		check "$n -dumpfullversion" "$ver" "$("${pfx}gcc-$m" -dumpfullversion 2>&1)"
		for d in g++ gfortran cpp; do
			v=$("${pfx}$d-$m" --version 2>&1 | head -n 1)
			case "$v" in
			*" $ver"|*" $ver "*) pass "$n $d --version" ;;
			*) fail "$n $d --version" "[$v]" ;;
			esac
		done

		# ---- relocation: its own programs and files, the system's binutils ---
		check "$n cc1" "$gccdir/cc1" "$(realpath -m "$("${pfx}gcc-$m" -print-prog-name=cc1)")"
		check "$n libstdc++.so" "$rtdir/libstdc++.so.6.0.28" \
			"$(realpath -m "$("${pfx}g++-$m" -print-file-name=libstdc++.so)")"
		case $tri in
		x86_64-linux-gnu) want=$(command -v as) ;;
		*) want=/usr/bin/$tri-as ;;
		esac
		# the native driver names plain "as" and leaves it to PATH
		got=$("${pfx}gcc-$m" -print-prog-name=as)
		[ "$got" = as ] && got=$(command -v as)
		check "$n as" "$(realpath "$want")" "$(realpath -m "$got")"
		if "${pfx}gcc-$m" -print-search-dirs | grep '^install:' | grep -q "^install: $D/"; then
			pass "$n install dir in DESTDIR"
		else
			fail "$n install dir in DESTDIR" "$("${pfx}gcc-$m" -print-search-dirs | head -n 1)"
		fi
		inc=$(echo '#include <iostream>' | "${pfx}g++-$m" -x c++ -E -H - 2>&1 >/dev/null |
			sed -n 's/^\. //p' | head -n 1)
		check "$n <iostream>" "$cxxdir/iostream" "$(realpath -m "$inc")"

		# ---- hello C, C++, Fortran: built, linked with bullseye's runtime, run
		for lang in c:gcc:"hello C $m" cc:g++:"hello C++ $m" f90:gfortran:"hello Fortran"; do
			ext=${lang%%:*} rest=${lang#*:}
			drv=${rest%%:*} want=${rest#*:}
			prog=hello-$m-$tri-$ext
			if ! "${pfx}$drv-$m" "hello.$ext" -o "$prog" -Wl,-t > trace 2> err; then
				fail "$n hello.$ext" "build: $(head -c 600 err)"
				continue
			fi
			case $ext in
			cc) lib=$rtdir/libstdc++.so.6.0.28 ;;
			f90) lib=$rtdir/libgfortran.so.5.0.0 ;;
			*) lib= ;;
			esac
			if [ -n "$lib" ] && ! xargs -n1 realpath -m < trace 2>/dev/null | grep -qx "$lib"; then
				fail "$n hello.$ext" "not linked with bullseye's ${lib##*/}: $(grep -E 'stdc|gfortran' trace | head -n 3)"
				continue
			fi
			out=$(run "$tri" "$prog" 2>&1)
			check "$n hello.$ext runs" "$want" "$out"
		done

		# bullseye's libstdc++ itself runs on this system's glibc
		if [ $tri = x86_64-linux-gnu ]; then
			out=$(LD_LIBRARY_PATH=$rtdir timeout 60 "./hello-$m-$tri-cc" 2>&1)
			lso=$(LD_LIBRARY_PATH=$rtdir ldd "./hello-$m-$tri-cc" | awk '/libstdc\+\+/ { print $3 }')
		else
			out=$(timeout 60 qemu-aarch64 -L "/usr/$tri" -E "LD_LIBRARY_PATH=$rtdir:/usr/$tri/lib" \
				"./hello-$m-$tri-cc" 2>&1)
			lso=$rtdir/libstdc++.so.6
		fi
		check "$n hello C++ with bullseye's libstdc++" "hello C++ $m $(realpath "$rtdir/libstdc++.so.6")" \
			"$out $(realpath -m "$lso")"

		# ---- GCC 9 defaults to -fcommon, GCC 10 to -fno-common ----------------
		rm -f common.out
		"${pfx}gcc-$m" common1.c common2.c -o common.out > err 2>&1
		rc=$?
		if [ $m = 9 ]; then
			if [ $rc = 0 ] && [ -x common.out ]; then
				pass "$n links two tentative definitions of x (-fcommon)"
			else
				fail "$n links two tentative definitions of x (-fcommon)" "$(head -c 400 err)"
			fi
		else
			if [ $rc != 0 ] && grep -q "multiple definition of .x'" err; then
				pass "$n refuses two definitions of x (-fno-common)"
			else
				fail "$n refuses two definitions of x (-fno-common)" "rc=$rc $(head -c 400 err)"
			fi
		fi
	done
done

# the system's GCC 12 agrees with GCC 10
for g in gcc-12 aarch64-linux-gnu-gcc-12; do
	command -v $g >/dev/null || { skip "$g -fno-common" "$g not installed"; continue; }
	if ! $g common1.c common2.c -o common12.out > err 2>&1 && grep -q "multiple definition of .x'" err; then
		pass "$g refuses two definitions of x"
	else
		fail "$g refuses two definitions of x" "$(head -c 300 err)"
	fi
done
