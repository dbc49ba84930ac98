#!/usr/bin/env bash
# t_floor.sh: every binary runs on the oldest system its target supports.
# The matrix: every installed glibc target x compiler (default gcc, -11,
# -12, clang) x language (C, C++ cxx03, C++ cxx11, Fortran), built through
# the farm, audited (CCMUX_AUDIT=1), checked by objdump -T independently,
# and run with `ccmux run` (the real glibc 2.17 for x86_64 and aarch64,
# Debian's libraries for the generated floors).  Then floors by name: a
# program using reallocarray (2.26) links at .2.28 and runs, and at the
# target's own floor fails with the linker's own message.
. "$(dirname "$0")/lib.sh"
need_install
make_prefix
cd "$T"
cat > c.c <<'X'
#include <stdio.h>
#include <math.h>
#include <pthread.h>
static void *work(void *p) { *(double *)p = sqrt(2.0); return p; }
int main(void) { pthread_t t; double d = 0; pthread_create(&t, 0, work, &d); pthread_join(t, 0); printf("C %.3f\n", d); return 0; }
X
cat > cxx.cc <<'X'
#include <iostream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
int main() {
	std::map<std::string, int> m; m["floor"] = 17;
	std::ostringstream os; os << "C++ " << m["floor"];
	try { throw std::runtime_error("ok"); } catch (std::exception &e) { os << " " << e.what(); }
	std::cout << os.str() << std::endl;
}
X
cat > f.f90 <<'X'
program f
  real(8) :: x(3) = [1d0, 2d0, 4d0]
  write(*, '(a, f4.1)') 'Fortran ', sum(x)
end program f
X
cat > q.f90 <<'X'
program q
  real(16) :: x = 2
  write(*, '(a, f32.29)') 'REAL(16) ', sqrt(x)
end program q
X

floor_of() { "$P/bin/ccmux" targets | awk -v t="$1" '$1 == t { print $3 }'; }
glibc_max() { objdump -T "$1" 2>/dev/null | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -V | tail -1; }

cell() {
	local t=$1 name=$2 src=$3 want=$4 floor=$5 label="$2-${3%%.*}" out gcc max libs
	farm "$name"
	if ! "$P/bin/ccmux" explain "$name" "$src" >/dev/null 2>"$T/why"; then
		fail "$label" "refused: $(cat "$T/why")"
		return
	fi
	gcc=$("$P/bin/ccmux" explain "$name" "$src" | grep -o '/gcc-[0-9.]*' | head -1)
	gcc=${gcc#/}
	case "$src" in *.c) libs="-lm -lpthread" ;; *) libs= ;; esac
	# shellcheck disable=SC2086
	if ! CCMUX_AUDIT=1 "$P/bin/$name" "$src" -o "$label.out" $libs 2>"$T/err"; then
		fail "$label ($gcc)" "build or audit: $(head -c 500 "$T/err")"
		return
	fi
	max=$(glibc_max "$label.out")
	if [ "$(printf '%s\n%s\n' "$max" "$floor" | sort -V | tail -1)" = "$floor" ]; then
		pass "$label ($gcc): objdump -T agrees: GLIBC_$max <= $floor"
	else
		fail "$label ($gcc): objdump -T" "needs GLIBC_$max > $floor"
	fi
	out=$("$P/bin/ccmux" run "$t" "./$label.out" 2>&1)
	check "$label ($gcc): runs at the floor" "$want" "$out"
}

glibc_targets=$("$P/bin/ccmux" targets --installed | grep -- '-linux-gnu')
[ -n "$glibc_targets" ] || fail "glibc targets" "none installed"
for t in $glibc_targets; do
	floor=$(floor_of "$t")
	case "$floor" in 2.*) pass "$t: floor in force $floor" ;; *) fail "$t" "no glibc floor ($floor)"; continue ;; esac
	for v in "" -11 -12; do
		[ -z "$v" ] || ls -d "$CCMUX_PREFIX/opt/$t/gcc${v}".* >/dev/null 2>&1 || continue
		cell "$t" "$t-gcc$v" c.c "C 1.414" "$floor"
		cell "$t" "$t-cxx03-g++$v" cxx.cc "C++ 17 ok" "$floor"
		cell "$t" "$t-cxx11-g++$v" cxx.cc "C++ 17 ok" "$floor"
		cell "$t" "$t-gfortran$v" f.f90 "Fortran  7.0" "$floor"
	done
	# REAL(16) is __float128 (libquadmath) on x86 and POWER: on powerpc64le
	# below glibc 2.23 it needs a libgcc without the POWER9 ifunc resolvers
	case $t in x86_64-*|i686-*|powerpc64le-*)
		cell "$t" "$t-gfortran" q.f90 "REAL(16)  1.41421356237309504880168872421" "$floor" ;;
	esac
	cell "$t" "$t-clang" c.c "C 1.414" "$floor"
	cell "$t" "$t-cxx03-clang++" cxx.cc "C++ 17 ok" "$floor"
	cell "$t" "$t-cxx11-clang++" cxx.cc "C++ 17 ok" "$floor"
done

# ---- a floor by name: reallocarray came in glibc 2.26
printf '#include <stdlib.h>\n#include <stdio.h>\nint main(void){int *p = reallocarray(0, 4, sizeof *p); p[3] = 26; printf("reallocarray %%d\\n", p[3]); return 0;}\n' > ra.c
for t in $glibc_targets; do
	floor=$(floor_of "$t")
	farm "$t.2.28-gcc" "$t-gcc"
	if "$P/bin/$t.2.28-gcc" ra.c -o "ra-$t" 2>"$T/err"; then
		check "$t.2.28: reallocarray links and runs" "reallocarray 26" "$("$P/bin/ccmux" run "$t" "./ra-$t" 2>&1)"
		"$P/bin/ccmux" audit --target "$t.2.28" "ra-$t" >/dev/null 2>&1
		check "$t.2.28: the audit at .2.28 accepts it" 0 $?
		"$P/bin/ccmux" audit --target "$t" "ra-$t" >"$T/a" 2>&1
		check "$t: the audit at the default floor $floor refuses it" "1 1" "$? $(grep -c 'needs GLIBC_2.26' "$T/a")"
	else
		fail "$t.2.28: reallocarray" "$(head -c 300 "$T/err")"
	fi
	"$P/bin/$t-gcc" ra.c -o "ra0-$t" 2>"$T/err"
	check "$t: at the floor $floor reallocarray is the linker's undefined reference" "1 1 no" \
		"$? $(grep -c "undefined reference to .reallocarray'" "$T/err") $([ -e "ra0-$t" ] && echo yes || echo no)"
done
out=$("$P/bin/ccmux" explain x86_64-linux-gnu.2.99-gcc -c c.c 2>&1)
check "a floor not installed: one line, exit 2, the range" "2 1 1" \
	"$? $(echo "$out" | wc -l) $(echo "$out" | grep -c 'floors installed: 2.17-2.36')"

# ---- audit negatives
gcc-12 c.c -o host -lm -lpthread
"$P/bin/ccmux" audit --target x86_64-linux-gnu host >audit.txt 2>&1
rc=$?
check "audit: the host's gcc-12 binary (GLIBC_2.34) is a violation" "1 1" "$rc $(grep -c 'needs GLIBC_2.3[0-9]' audit.txt)"
"$P/bin/ccmux" audit --target aarch64-linux-gnu host >audit.txt 2>&1
check "audit: wrong architecture is a violation" "1" "$?"
grep -q "machine x86_64 64-bit, but aarch64-linux-gnu is aarch64" audit.txt && pass "audit: says which machine" || fail "audit: says which machine" "$(cat audit.txt)"
CCMUX_AUDIT=1 "$P/bin/x86_64-linux-gnu-gcc-12" --sysroot=/ c.c -o viol -lm -lpthread 2>err
rc=$?
check "CCMUX_AUDIT=1: a link past the floor fails and leaves no file" "1 no" "$rc $([ -e viol ] && echo yes || echo no)"
grep -q "removed viol" err && pass "CCMUX_AUDIT=1: says it removed the output" || fail "CCMUX_AUDIT=1 message" "$(cat err)"
head -c 100 host > trunc
for f in trunc /dev/null; do
	"$P/bin/ccmux" audit --target x86_64-linux-gnu "$f" >/dev/null 2>&1
	check "audit: unreadable $f exits 2" 2 $?
done

# ---- a 2.17 program with the host's C.UTF-8 locale asked for: the host's
# locale files would crash its older glibc, so it runs in the C locale
printf '#include <locale.h>\n#include <stdio.h>\nint main(void){setlocale(LC_ALL, ""); puts("locale ok"); return 0;}\n' > loc.c
for t in $glibc_targets; do
	"$P/bin/$t-gcc" loc.c -o "loc-$t" &&
		check "$t: LANG=C.UTF-8 does not crash a floor binary" "locale ok" \
			"$(LANG=C.UTF-8 "$P/bin/ccmux" run "$t" "./loc-$t" 2>&1)"
done
