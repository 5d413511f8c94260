#!/usr/bin/env bash
# The Windows release, cross-compiled here (run by `bash setup.sh windows`):
#   windows/build.sh [test]
# builds build-win/matchday.exe (static: no DLL beside it) with MinGW-w64 and
# writes dist/matchday-VERSION-win64.zip; with `test`, also runs the unit tests
# and the golden cases under Wine (windows/wine-test.sh).
#
# libxlsxwriter (for -o x.xlsx) is not packaged by Debian for MinGW: it is built
# from Debian's own source package (`apt-get source libxlsxwriter`, deb-src
# enabled by setup.sh), against zlib from libz-mingw-w64-dev. CLI11 and doctest
# are header-only: their Debian headers are linked into the deps folder.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
mode=${1:-release}
jobs=$(nproc 2>/dev/null || echo 2)
deps=$root/build-win-deps
mingw=x86_64-w64-mingw32

# ---- the dependencies, once ------------------------------------------------
mkdir -p "$deps/include" "$deps/src"
ln -sfn /usr/include/CLI "$deps/include/CLI"
ln -sfn /usr/include/doctest "$deps/include/doctest"
if [ ! -f "$deps/lib/libxlsxwriter.a" ]; then
  (
    cd "$deps/src"
    rm -rf libxlsxwriter-*
    apt-get source -qq libxlsxwriter >&2
    cd libxlsxwriter-*/
    # libxlsxwriter takes MinGW for a POSIX system (#undef _WIN32): then it
    # opens the workbook with fopen(), which cannot open a UTF-8 path with
    # Chinese in it on Windows. Keep _WIN32, so that it converts the path to
    # UTF-16 and writes the zip through minizip's iowin32 (_wfopen / CreateFileW).
    sed -i '/^#ifdef __MINGW32__$/,/^#endif$/d' src/packager.c src/utility.c
    perl -0pi -e 's/if\(MSVC\)\n(\s*list\(APPEND LXW_SOURCES third_party\/minizip\/iowin32\.c\))/if(WIN32)\n$1/' CMakeLists.txt
    grep -q 'if(WIN32)' CMakeLists.txt
    cmake -S . -B build -DCMAKE_TOOLCHAIN_FILE="$root/cmake/mingw-w64-x86_64.cmake" \
      -DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=OFF -DCMAKE_INSTALL_PREFIX="$deps" >&2
    cmake --build build -j"$jobs" >&2
    cmake --install build >&2
  )
fi

# ---- matchday.exe ------------------------------------------------------------
werror=OFF
[ -n "${CI:-}" ] && werror=ON
cmake -S . -B build-win -DCMAKE_TOOLCHAIN_FILE="$root/cmake/mingw-w64-x86_64.cmake" \
  -DMATCHDAY_WINDOWS_DEPS="$deps" -DCMAKE_BUILD_TYPE=Release -DMATCHDAY_WERROR=$werror >&2
cmake --build build-win -j"$jobs" >&2

# ---- the zip -------------------------------------------------------------------
version=$(sed -n 's/^project(matchday VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
name=matchday-$version-win64
stage=build-win/$name
rm -rf "$stage" && mkdir -p "$stage" dist
cp build-win/matchday.exe "$stage/"
# The commands of those names: copies (Windows has no symlinks to rely on);
# the program runs the subcommand of the name it was started by.
cp build-win/matchday.exe "$stage/standings.exe"
cp build-win/matchday.exe "$stage/eligibility.exe"
cp windows/使用说明.txt "$stage/"
cp LICENSE "$stage/LICENSE.txt"
cp -r examples "$stage/examples"
# Text files with Windows line ends, for Notepad before Windows 10 (1809).
for f in "$stage/使用说明.txt" "$stage/LICENSE.txt"; do sed -i 's/\r*$/\r/' "$f"; done
rm -f "dist/$name.zip"
(cd build-win && TZ=UTC zip -q -r -X "../dist/$name.zip" "$name")
echo "windows: wrote dist/$name.zip" >&2

if [ "$mode" = test ]; then
  bash windows/wine-test.sh build-win
fi
