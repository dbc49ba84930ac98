#!/usr/bin/env bash
# t_modern_cxx.sh: C++17 and C++20 at the floor with no extra flags.  The
# untagged names pick the oldest GCC that accepts the -std= asked for; CMake
# with CXX_STANDARD 17/20 through the default toolchain file configures and
# builds; every program runs under `ccmux run` and passes the audit against
# the floor's oldest system (GLIBC and GLIBCXX within it: the runtime is
# inside); exceptions cross a shared library; -std=c++26 is refused in one
# line; C89 still gets the oldest GCC.
. "$(dirname "$0")/lib.sh"
need_install
make_prefix
cd "$T"
cat > c17.cc <<'X'
#include <filesystem>
#include <iostream>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
int main() {
	std::optional<int> o = 41;
	std::thread t([&] { o = *o + 1; });
	t.join();
	try { throw std::runtime_error("thrown"); }
	catch (const std::exception &e) { std::cout << e.what() << " "; }
	std::cout << *o << " " << std::filesystem::path("/a/b.txt").filename().string() << std::endl;
}
X
cat > c20.cc <<'X'
#include <concepts>
#include <iostream>
#include <span>
#include <vector>
template <std::integral T> T sum(std::span<const T> s) { T r = 0; for (T x : s) r += x; return r; }
int main() { std::vector<int> v{1, 2, 3, 4}; std::cout << "sum " << sum<int>(v) << std::endl; }
X
cat > lib.cc <<'X'
#include <stdexcept>
struct lib_error : std::runtime_error { lib_error() : std::runtime_error("from the library") {} };
extern "C" void thrower(int k) { if (k) throw lib_error(); throw std::logic_error("logic"); }
X
cat > main.cc <<'X'
#include <cstdio>
#include <stdexcept>
struct lib_error : std::runtime_error { lib_error() : std::runtime_error("from the library") {} };
extern "C" void thrower(int k);
int main() {
	for (int k = 1; k >= 0; k--)
		try { thrower(k); }
		catch (lib_error &e) { std::printf("caught %s\n", e.what()); }
		catch (std::exception &e) { std::printf("caught %s\n", e.what()); }
}
X
printf 'int main(void) { return 0; }\n' > c89.c

# the GCC a command runs, from ccmux explain
gcc_of() { "$P/bin/ccmux" explain "$@" | sed -n 's|^[^ ]*/gcc-\([0-9.]*\)/bin/.*|\1|p'; }

# audit NAME FILE: clean against the target's floor and its oldest system
audit_clean() {
	if "$P/bin/ccmux" audit --target "$1" "$2" >"$T/audit" 2>&1; then
		pass "$3: audit clean ($(sed -n 's/^  needs: //p' "$T/audit"))"
	else
		fail "$3: audit" "$(grep VIOLATION "$T/audit" | head -3)"
	fi
}

# the glibc targets of the issue that are installed, the generated-floor
# ARMv6 one, and the first musl target installed
installed=$("$P/bin/ccmux" targets --installed)
targets=""
for t in x86_64-linux-gnu aarch64-linux-gnu armv7l-linux-gnueabihf armv6l-linux-gnueabihf; do
	grep -qx "$t" <<<"$installed" && targets="$targets $t"
done
musl=$(grep -m1 -E -- '-linux-musl(eabihf)?$' <<<"$installed")
targets="${targets# } $musl"
[ -n "${targets// /}" ] || fail "targets" "none of x86_64/aarch64/armv7l/armv6l gnu or a musl target installed"
for t in $targets; do
	farm "$t-g++" "$t-gcc"
	for std in 17 20; do
		case "$("$P/bin/$t-g++" -std=c++$std -O2 c$std.cc -o c$std-$t 2>&1)" in
		"") ;;
		*) fail "$t c++$std: build" "$("$P/bin/$t-g++" -std=c++$std -O2 c$std.cc -o c$std-$t 2>&1 | head -3)"; continue ;;
		esac
		want="thrown 42 b.txt"
		[ $std = 20 ] && want="sum 10"
		check "$t c++$std: runs (GCC $(gcc_of "$t-g++" -std=c++$std c$std.cc))" "$want" \
			"$("$P/bin/ccmux" run "$t" "./c$std-$t" 2>&1)"
		audit_clean "$t" "c$std-$t" "$t c++$std"
	done
	# an exception thrown in a shared library, caught in the program (glibc:
	# musl programs are static, see the README)
	case $t in *-musl*) ;; *)
	if "$P/bin/$t-g++" -std=c++17 -fPIC -shared lib.cc -o libthrow.so &&
	   "$P/bin/$t-g++" -std=c++17 main.cc -L. -lthrow -Wl,-rpath,'$ORIGIN' -o main-$t; then
		check "$t: exceptions across a shared library" \
			"caught from the library
caught logic" "$(LD_LIBRARY_PATH=$T "$P/bin/ccmux" run "$t" "./main-$t" 2>&1)"
		audit_clean "$t" libthrow.so "$t shared library"
	else
		fail "$t: exceptions across a shared library" "build failed"
	fi ;;
	esac
	# CMake: CXX_STANDARD 17 and 20 through the default toolchain file
	for std in 17 20; do
		rm -rf "cm$std" && mkdir "cm$std"
		printf 'cmake_minimum_required(VERSION 3.16)\nproject(m CXX)\nset(CMAKE_CXX_STANDARD %s)\nset(CMAKE_CXX_STANDARD_REQUIRED ON)\nfind_package(Threads REQUIRED)\nadd_executable(m c%s.cc)\ntarget_link_libraries(m Threads::Threads)\n' \
			$std $std > "cm$std/CMakeLists.txt"
		cp c$std.cc "cm$std/"
		if cmake -S "cm$std" -B "cm$std/b" -DCMAKE_TOOLCHAIN_FILE="$CCMUX_PREFIX/share/ccmux/cmake/$t.cmake" \
			>"cm$std.log" 2>&1 && cmake --build "cm$std/b" >>"cm$std.log" 2>&1; then
			want="thrown 42 b.txt"
			[ $std = 20 ] && want="sum 10"
			check "$t CMake CXX_STANDARD $std: builds and runs" "$want" \
				"$("$P/bin/ccmux" run "$t" "cm$std/b/m" 2>&1)"
			audit_clean "$t" "cm$std/b/m" "$t CMake CXX_STANDARD $std"
		else
			fail "$t CMake CXX_STANDARD $std" "$(grep -iE 'error|not know' "cm$std.log" | head -3)"
		fi
	done
done

# a standard no installed GCC knows: one line, exit 2
t=${targets%% *}
out=$("$P/bin/ccmux" explain "$t-g++" -std=c++26 -c c20.cc 2>&1)
rc=$?
if [ $rc = 2 ] && [ "$(echo "$out" | wc -l)" = 1 ] && [[ "$out" == *"-std=c++26 needs GCC >= 14"* ]]; then
	pass "-std=c++26 refused: $out"
else
	fail "-std=c++26 refused" "rc=$rc $out"
fi
# C89 code still gets the oldest GCC
oldest=$(ls -d "$CCMUX_PREFIX/opt/$t"/gcc-* | sed 's|.*/gcc-||' | sort -V | head -n 1)
check "C89 gets the oldest GCC" "$oldest" "$(gcc_of "$t-gcc" -std=c89 -c c89.c)"
# the size the runtime inside costs (information, not a limit)
if [ -e "c17-$t" ]; then
	"$P/bin/$t-g++" -std=c++17 -O2 c17.cc -o c17-shared-$t 2>/dev/null &&
	CCMUX_CXX_RUNTIME=shared "$P/bin/$t-g++" -std=c++17 -O2 c17.cc -o c17-shared-$t 2>/dev/null &&
	echo "info: $t c++17 program: $(stat -c %s "c17-$t") bytes with libstdc++ inside, $(stat -c %s "c17-shared-$t") shared"
fi
