# Writes the Debian changelog the package ships (lintian wants one): one
# entry for this version, dated by the source (source_date.cmake), gzipped.
#   cmake -DIN=packaging/changelog.Debian.in -DOUT=build/packaging/changelog.Debian
#         -DPROJECT_VERSION=0.1.0 -DPACKAGE_VERSION=0.1.0-1 -DMAINTAINER="..."
#         -DSOURCE_DIR=. -P cmake/changelog.cmake
cmake_minimum_required(VERSION 3.20)
include(${CMAKE_CURRENT_LIST_DIR}/source_date.cmake)
string(TIMESTAMP DATE "%a, %d %b %Y %H:%M:%S +0000" UTC)
configure_file("${IN}" "${OUT}" @ONLY)
gzip_reproducibly("${OUT}")
