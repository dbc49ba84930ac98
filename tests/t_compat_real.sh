#!/usr/bin/env bash
# t_compat_real.sh: the compat rules on real compilers.  The C++ string ABI
# a cxx03/cxx11 name asks for is the one in the objects; a mix of the two is
# refused (where the bare compiler links it silently); Fortran and C through
# libgfortran5 names link and run.  Where the glibc floor rules a request
# out, the refusal and its reason are what is checked.
. "$(dirname "$0")/lib.sh"
need_install
make_prefix
cd "$T"
cat > str.cc <<'X'
#include <string>
#include <cstdio>
std::string greet(const std::string &who) { return "hello " + who; }
int main() { std::puts(greet("abi").c_str()); }
X
cat > abi_a.cc <<'X'
#include <string>
struct S { std::string s; };
void fill(S &x) { x.s = "hello"; }
X
cat > abi_m.cc <<'X'
#include <string>
#include <cstdio>
struct S { std::string s; };
void fill(S &x);
int main() { S x; fill(x); std::puts(x.s.c_str()); }
X
cat > f.f90 <<'X'
subroutine fsum(n, x, s) bind(c, name='fsum')
  use iso_c_binding
  integer(c_int), value :: n
  real(c_double) :: x(n), s
  s = sum(x)
end subroutine fsum
X
cat > m.c <<'X'
#include <stdio.h>
void fsum(int n, double *x, double *s);
int main(void) { double x[3] = {1, 2, 3.5}, s; fsum(3, x, &s); printf("sum %.1f\n", s); return 0; }
X

# build NAME ARGS...: the farm name, run; its stderr in $T/err
build() {
	local name=$1; shift
	farm "$name"
	"$P/bin/$name" "$@" 2>"$T/err"
}

cxx11_count() { "$P/bin/ccmux" audit "$1" | sed -n 's/.*c++ string abi: cxx11 (\([0-9]*\).*/\1/p'; }

for t in x86_64-linux-gnu aarch64-linux-gnu armv7l-linux-gnueabihf; do
	# cxx03: no __cxx11 symbols in the object, and the program runs; cxx11:
	# __cxx11 symbols there (the object is the ABI boundary: the program
	# may carry libstdc++ inside it)
	for abi in cxx03 cxx11; do
		if ! build "$t-$abi-g++" -c str.cc -o s$abi.o || ! build "$t-$abi-g++" s$abi.o -o s$abi; then
			fail "$t $abi" "$(cat "$T/err")"
			continue
		fi
		n=$(cxx11_count s$abi.o)
		case $abi in
		cxx03) check "$t cxx03: no __cxx11 symbols" "" "$n" ;;
		cxx11) [ -n "$n" ] && [ "$n" -gt 0 ] && pass "$t cxx11: $n __cxx11 symbols" ||
		       fail "$t cxx11: __cxx11 symbols" "none" ;;
		esac
		check "$t $abi: runs" "hello abi" "$("$P/bin/ccmux" run "$t" ./s$abi 2>&1)"
	done
	# a mix: a cxx11 object linked under a cxx03 name is refused
	if build "$t-cxx11-g++" -c abi_a.cc -o a11.o && build "$t-cxx03-g++" -c abi_m.cc -o m03.o; then
		build "$t-cxx03-g++" m03.o a11.o -o mixed
		rc=$?
		if [ $rc = 2 ] && grep -q "would mix std::string ABIs" "$T/err" && [ ! -e mixed ]; then
			pass "$t: cxx03 + cxx11 objects refused"
		else
			fail "$t: cxx03 + cxx11 objects refused" "rc=$rc $(cat "$T/err")"
		fi
		build "$t-cxx11-g++" m03.o a11.o -o mixed2
		check "$t: cxx11 link of a cxx03 object refused" "2 1" "$? $(grep -c 'old std::string ABI' "$T/err")"
	else
		fail "$t: mix objects" "$(cat "$T/err")"
	fi
	# Fortran + C through libgfortran5 names
	if build "$t-libgfortran5-gfortran" -c f.f90 -o f.o; then
		build "$t-libgfortran5-gcc" -c m.c -o m.o && build "$t-libgfortran5-gfortran" m.o f.o -o fc
		case $? in
		0) check "$t: Fortran + C (libgfortran5) runs" "sum 6.5" "$("$P/bin/ccmux" run "$t" ./fc 2>&1)"
		   "$P/bin/ccmux" audit --target "$t-libgfortran5" fc >/dev/null
		   check "$t: libgfortran5 audit" 0 $? ;;
		*) fail "$t: Fortran + C link" "$(cat "$T/err")" ;;
		esac
	else
		fail "$t: libgfortran5 gfortran" "$(cat "$T/err")"
	fi
done

# ---- compat/std.def against the real compilers: each installed GCC shard
# and clang accepts exactly the -std= values the table says it does
printf 'int main(void){return 0;}\n' > std.c
printf 'int main(){}\n' > std.cc
printf 'end\n' > std.f90
std_rows() { sed -n 's/^STD("\([^"]*\)", LANG_\([A-Z]*\), "\([^"]*\)", "\([^"]*\)")$/\1 \2 \3 \4/p' "$CCMUX_SRC/compat/std.def"; }
# older VERSION FIRST: yes when VERSION is older than FIRST ("-": never)
older() { [ "$2" = - ] || [ "$(printf '%s\n%s\n' "$1" "$2" | sort -V | head -n 1)" != "$2" ]; }
shards=$(ls -d "$CCMUX_PREFIX"/opt/x86_64-linux-gnu/gcc-* "$CCMUX_PREFIX"/opt/x86_64-linux-gnu/clang-* 2>/dev/null)
[ -n "$shards" ] || fail "std.def" "no shard in $CCMUX_PREFIX/opt/x86_64-linux-gnu"
for s in $shards; do
	v=${s##*-}
	bad="" n=0
	while read -r std lang g c; do
		case "$s:$lang" in
		*/gcc-*:C) cc=$s/bin/x86_64-linux-gnu-gcc src=std.c first=$g ;;
		*/gcc-*:CXX) cc=$s/bin/x86_64-linux-gnu-g++ src=std.cc first=$g ;;
		*/gcc-*:FORTRAN) cc=$s/bin/x86_64-linux-gnu-gfortran src=std.f90 first=$g ;;
		*/clang-*:C) cc=$s/bin/clang src=std.c first=$c ;;
		*/clang-*:CXX) cc=$s/bin/clang++ src=std.cc first=$c ;;
		*) continue ;;
		esac
		[ -x "$cc" ] || continue
		older "$v" "$first" && want=no || want=yes
		"$cc" -std="$std" -fsyntax-only "$src" >/dev/null 2>&1 && got=yes || got=no
		n=$((n + 1))
		[ "$got" = "$want" ] || bad="$bad -std=$std (table: $want, compiler: $got)"
	done < <(std_rows)
	check "std.def: ${s##*/} accepts what the table says ($n values)" "" "$bad"
done

# ---- GCC 9 and 10 (Debian bullseye's) through the farm: they are what
# their names say, and GCC 9 is the last whose default is -fcommon
printf 'int x;\nint main(void) { return x; }\n' > common1.c
printf 'int x;\n' > common2.c
for t in $("$P/bin/ccmux" targets --installed | grep -- '-linux-gnu'); do
	for m in 9 10; do
		ls -d "$CCMUX_PREFIX/opt/$t/gcc-$m".* >/dev/null 2>&1 || continue
		farm "$t-gcc-$m"
		v=$("$P/bin/$t-gcc-$m" -dumpfullversion 2>&1)
		case "$v" in "$m".*) pass "$t-gcc-$m is GCC $v" ;; *) fail "$t-gcc-$m" "says $v" ;; esac
		"$P/bin/$t-gcc-$m" common1.c common2.c -o common-$m 2>"$T/err"
		rc=$?
		if [ $m = 9 ]; then
			check "$t-gcc-9: two tentative definitions link (-fcommon)" 0 $rc
		else
			check "$t-gcc-10: two tentative definitions do not (multiple definition)" "1 1" \
				"$rc $(grep -c 'multiple definition of .x' "$T/err")"
		fi
	done
done
