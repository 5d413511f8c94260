# Cross-compiling matchday for 64-bit Windows with Debian's MinGW-w64
# (g++-mingw-w64-x86-64-posix: the POSIX thread model, for std::thread).
#   cmake -S . -B build-win -DCMAKE_TOOLCHAIN_FILE=cmake/mingw-w64-x86_64.cmake \
#         -DMATCHDAY_WINDOWS_DEPS=/path/to/deps
# windows/build.sh (run by `bash setup.sh windows`) does all of it. The tests
# run under Wine (CMAKE_CROSSCOMPILING_EMULATOR) when it is installed.
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)
set(matchday_mingw x86_64-w64-mingw32)
set(CMAKE_C_COMPILER ${matchday_mingw}-gcc-posix)
set(CMAKE_CXX_COMPILER ${matchday_mingw}-g++-posix)
set(CMAKE_RC_COMPILER ${matchday_mingw}-windres)
# Libraries and headers for Windows only: MinGW's own (zlib from libz-mingw-w64-dev)
# and MATCHDAY_WINDOWS_DEPS (libxlsxwriter cross-built by windows/build.sh, and
# links to the header-only CLI11 and doctest). Never /usr/include: glibc's
# headers would shadow MinGW's.
set(CMAKE_FIND_ROOT_PATH /usr/${matchday_mingw} ${MATCHDAY_WINDOWS_DEPS})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES MATCHDAY_WINDOWS_DEPS)
find_program(matchday_wine NAMES wine64 wine PATHS /usr/lib/wine NO_CMAKE_FIND_ROOT_PATH)
if(matchday_wine)
  set(CMAKE_CROSSCOMPILING_EMULATOR ${matchday_wine})
endif()
