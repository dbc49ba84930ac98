#!/usr/bin/env bash
# TinyXML-2: C++ through CMake with the toolchain file
# PREFIX/share/ccmux/cmake/T.cmake (the C++ project of the set: libstdc++ at
# the target's floor), its own xmltest under ctest (the toolchain file's
# CMAKE_CROSSCOMPILING_EMULATOR runs it), cmake --install DESTDIR, audit.
. "$(dirname "$0")/lib.sh"
src_step tinyxml2 || exit 0
TC=$P/share/ccmux/cmake/$T.cmake
mkdir -p "$W/build" && cd "$W/build" || exit 0
step configure cmake -S "$SRC" -B . -G Ninja -DCMAKE_TOOLCHAIN_FILE="$TC" \
	-DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr \
	-DBUILD_SHARED_LIBS=ON -Dtinyxml2_BUILD_TESTING=ON || exit 0
step build cmake --build . -j "$JOBS" || exit 0
step ctest ctest --output-on-failure -j "$JOBS"
step install env DESTDIR="$STAGE/tinyxml2" cmake --install . || exit 0
audit "$STAGE/tinyxml2"
