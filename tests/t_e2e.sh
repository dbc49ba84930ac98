#!/usr/bin/env bash
# t_e2e.sh: hello in C, C++ and Fortran for every installed target, built
# through the farm (gcc family and clang) and run with `ccmux run`.
. "$(dirname "$0")/lib.sh"
need_install
make_prefix
cd "$T"
cat > hello.c <<'X'
#include <stdio.h>
int main(void) { printf("hello from C\n"); return 0; }
X
cat > hello.cc <<'X'
#include <iostream>
#include <string>
int main() { std::string s("hello from C++"); std::cout << s << std::endl; }
X
cat > hello.f90 <<'X'
program hello
  print '(a)', 'hello from Fortran'
end program hello
X

# build NAME SRC and run it
build_run() {
	local t=$1 tool=$2 src=$3 want=$4 case="$1-$2 $3" out
	farm "$t-$tool"
	if ! "$P/bin/ccmux" explain "$t-$tool" "$src" >/dev/null 2>"$T/why"; then
		fail "$case" "$(cat "$T/why")"
		return
	fi
	if ! "$P/bin/$t-$tool" "$src" -o "$t-$tool.out" 2>"$T/err"; then
		fail "$case" "build: $(head -c 600 "$T/err")"
		return
	fi
	# the program's stdout only; the reason for a refusal is on stderr
	out=$("$P/bin/ccmux" run "$t" "./$t-$tool.out" 2>"$T/run.err" | tr -d "\r")   # wine: CRLF
	case "$(cat "$T/run.err")" in
	*"no wine for"*)
		# 32-bit Windows programs need wine32 (i386 packages): the PE
		# audit is the check then, as the issue allows
		if "$P/bin/ccmux" audit --target "$t" "$t-$tool.out" >"$T/audit" 2>&1; then
			pass "$case (PE audited; no wine32 here)"
		else
			fail "$case" "PE audit: $(cat "$T/audit")"
		fi
		return ;;
	esac
	if [ "$out" = "$want" ]; then
		pass "$case"
	else
		fail "$case" "expected [$want] got [$out]; stderr: $(head -c 300 "$T/run.err")"
	fi
}

targets=$("$P/bin/ccmux" targets --installed)
[ -n "$targets" ] || fail "targets" "no installed target"
for t in $targets; do
	build_run "$t" gcc hello.c "hello from C"
	build_run "$t" g++ hello.cc "hello from C++"
	build_run "$t" gfortran hello.f90 "hello from Fortran"
	build_run "$t" clang hello.c "hello from C"
	build_run "$t" clang++ hello.cc "hello from C++"
done
