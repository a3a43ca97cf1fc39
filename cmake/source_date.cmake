# The date of the source, for files that print one (man pages, the Debian
# changelog), so that the same commit builds the same bytes: SOURCE_DATE_EPOCH
# when the builder sets it (reproducible-builds.org), else the last commit's
# time. Sets ENV{SOURCE_DATE_EPOCH}, which string(TIMESTAMP) reads; leaves it
# unset outside a git checkout (the caller then keeps a date of its own).
#   include(source_date.cmake) with SOURCE_DIR set
if(NOT DEFINED ENV{SOURCE_DATE_EPOCH})
  execute_process(COMMAND git -C "${SOURCE_DIR}" log -1 --format=%ct
                  OUTPUT_VARIABLE commit_time OUTPUT_STRIP_TRAILING_WHITESPACE
                  RESULT_VARIABLE git_status ERROR_QUIET)
  if(git_status EQUAL 0 AND commit_time MATCHES "^[0-9]+$")
    set(ENV{SOURCE_DATE_EPOCH} "${commit_time}")
  endif()
endif()

# gzip -9n: no name or time stamp in the header, so the same file gives the
# same bytes; `-k` keeps the plain file next to it.
function(gzip_reproducibly file)
  execute_process(COMMAND gzip -9nkf "${file}" RESULT_VARIABLE gzip_status)
  if(NOT gzip_status EQUAL 0)
    message(FATAL_ERROR "gzip ${file} failed")
  endif()
endfunction()
