#!/usr/bin/env bash
# cJSON: CMake with the toolchain file PREFIX/share/ccmux/cmake/T.cmake,
# ctest (cJSON's add_test names paths, not targets, so its tests run through
# binfmt; a two-line project checks that CMAKE_CROSSCOMPILING_EMULATOR is
# applied to a target test), cmake --install DESTDIR, audit.
. "$(dirname "$0")/lib.sh"
src_step cjson || exit 0
TC=$P/share/ccmux/cmake/$T.cmake
cmake_project cjson -DENABLE_CJSON_UTILS=ON -DENABLE_CJSON_TEST=ON || exit 0

# CMAKE_CROSSCOMPILING_EMULATOR on a target test
mkdir -p "$W/emu/src" && cd "$W/emu" || exit 0
cat > src/CMakeLists.txt <<'CM'
cmake_minimum_required(VERSION 3.13)
project(emu C)
enable_testing()
add_executable(emu emu.c)
add_test(NAME emu COMMAND emu)
set_tests_properties(emu PROPERTIES PASS_REGULAR_EXPRESSION "^emu ok")
CM
printf '#include <stdio.h>\nint main(void) { puts("emu ok"); return 0; }\n' > src/emu.c
emulator() {
	cmake -S src -B build -DCMAKE_TOOLCHAIN_FILE="$TC" &&
	cmake --build build &&
	grep -F "ccmux\" \"run\" \"$T\"" build/CTestTestfile.cmake &&
	ctest --test-dir build --output-on-failure
}
step emulator emulator
