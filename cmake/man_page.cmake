# Writes a man page of man/ with the build's version and date on its .TH line,
# and its gzipped copy (what is installed, as Debian ships man pages).
# The repository's page keeps a literal .TH line so that `man -l man/caseload.1`
# reads it; the date is the source's (source_date.cmake), else the date the
# source page already has.
#   cmake -DIN=man/caseload.1 -DOUT=build/man/caseload.1 -DVERSION=0.1.0
#         -DSOURCE_DIR=. -P cmake/man_page.cmake
cmake_minimum_required(VERSION 3.20)

include(${CMAKE_CURRENT_LIST_DIR}/source_date.cmake)

file(READ "${IN}" page)
if(DEFINED ENV{SOURCE_DATE_EPOCH})
  string(TIMESTAMP date "%Y-%m-%d" UTC)  # string(TIMESTAMP) reads SOURCE_DATE_EPOCH
else()
  string(REGEX MATCH "^\\.TH [^ ]+ [^ ]+ ([^ ]+)" _ "${page}")
  set(date "${CMAKE_MATCH_1}")
endif()
string(REGEX REPLACE "^(\\.TH [^ ]+ [^ ]+) [^ ]+ \"caseload [^\"]*\""
       "\\1 ${date} \"caseload ${VERSION}\"" page "${page}")
if(NOT page MATCHES "^\\.TH [^\n]*\"caseload ${VERSION}\"")
  message(FATAL_ERROR "${IN}: the first line is not `.TH NAME SECTION DATE \"caseload VERSION\" ...`")
endif()
file(WRITE "${OUT}" "${page}")
gzip_reproducibly("${OUT}")
