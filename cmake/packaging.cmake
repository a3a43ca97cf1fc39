# What `cmake --install` puts where besides the binary and the man pages.
# Paths are Debian's: completions where bash-completion, zsh and fish look
# for a package's own.

install(FILES completions/caseload.bash DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
        RENAME caseload)
install(FILES completions/_caseload DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
install(FILES completions/caseload.fish DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)
