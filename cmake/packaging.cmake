# What `cmake --install` puts where besides the binary and the man pages,
# and the Debian package `cpack -G DEB` makes of it (README, "Install").
# Paths are Debian's: completions where bash-completion, zsh and fish look
# for a package's own, documents under share/doc/caseload, and the cron
# script under share/caseload (a script a crontab runs must not live under
# share/doc, which minimal systems leave out).

install(FILES completions/caseload.bash DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
        RENAME caseload)
install(FILES completions/_caseload DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
install(FILES completions/caseload.fish DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)
install(PROGRAMS examples/cron/caseload-daily DESTINATION ${CMAKE_INSTALL_DATADIR}/caseload)
install(FILES examples/cron/crontab DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples)
install(FILES packaging/copyright DESTINATION ${CMAKE_INSTALL_DOCDIR})

set(CPACK_PACKAGE_NAME caseload)
set(CPACK_PACKAGE_CONTACT "caseload maintainers <maintainers@caseload.example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "caseworker's caseload as plain-text YAML case folders")
set(CPACK_PACKAGE_DESCRIPTION "A command-line tool for caseworkers: each client is a folder of
plain-text YAML files in a git-versioned tree, and every morning
`caseload followups` lists what is due.")
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # caseload_0.1.0-1_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)    # Depends: from the libraries the binary links
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS git)  # stores are git repositories; caseload runs without
set(CPACK_STRIP_FILES ON)                 # RelWithDebInfo's 89 MB binary is 2 MB stripped
set(CPACK_GENERATOR DEB)

# The changelog lintian asks for, with this version and the source's date.
set(package_version ${PROJECT_VERSION}-${CPACK_DEBIAN_PACKAGE_RELEASE})
set(changelog ${CMAKE_BINARY_DIR}/packaging/changelog.Debian)
add_custom_command(OUTPUT ${changelog}.gz
  COMMAND ${CMAKE_COMMAND} -DIN=${PROJECT_SOURCE_DIR}/packaging/changelog.Debian.in -DOUT=${changelog}
          -DPROJECT_VERSION=${PROJECT_VERSION} -DPACKAGE_VERSION=${package_version}
          "-DMAINTAINER=${CPACK_PACKAGE_CONTACT}" -DSOURCE_DIR=${PROJECT_SOURCE_DIR}
          -P ${PROJECT_SOURCE_DIR}/cmake/changelog.cmake
  DEPENDS packaging/changelog.Debian.in cmake/changelog.cmake cmake/source_date.cmake
  VERBATIM)
add_custom_target(debian_changelog ALL DEPENDS ${changelog}.gz)
install(FILES ${changelog}.gz DESTINATION ${CMAKE_INSTALL_DOCDIR})

include(CPack)
