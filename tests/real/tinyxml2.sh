#!/usr/bin/env bash
# TinyXML-2: C++ through CMake with the toolchain file
# PREFIX/share/ccmux/cmake/T.cmake (the C++ project of the set: libstdc++ at
# the target's floor), its own xmltest under ctest (the toolchain file's
# CMAKE_CROSSCOMPILING_EMULATOR runs it), cmake --install DESTDIR, audit.
. "$(dirname "$0")/lib.sh"
src_step tinyxml2 || exit 0
TC=$P/share/ccmux/cmake/$T.cmake
cmake_project tinyxml2 -DBUILD_SHARED_LIBS=ON -Dtinyxml2_BUILD_TESTING=ON
