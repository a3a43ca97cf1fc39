# cmake --install: the man pages carry the build's version and a reproducible
# date on their .TH line (cmake/man_page.cmake), gzipped as Debian ships them;
# the completion scripts go where the shells find them.
source "$TESTLIB"
: "${CASELOAD_BUILD:?CASELOAD_BUILD must name the build folder}"
SRC=$(dirname "$TESTLIB")/../..

version=$("$CASELOAD" --version | head -1)   # "caseload X.Y.Z"
cmake --install "$CASELOAD_BUILD" --prefix "$T/inst" >"$T/install.log" 2>&1
assert_eq 0 "$?" "cmake --install"
for section in 1 5; do
  page=$T/inst/share/man/man$section/caseload.$section.gz
  assert_exists "$page"
  th=$(zcat "$page" | head -1)
  case "$th" in
    ".TH CASELOAD $section "*" \"$version\" "*) ;;
    *) fail "man$section .TH line has not the build's version ($version): $th" ;;
  esac
done

# The shell completions, where each shell looks for a package's own.
for f in bash-completion/completions/caseload zsh/vendor-completions/_caseload \
         fish/vendor_completions.d/caseload.fish; do
  assert_exists "$T/inst/share/$f"
done

# The date: SOURCE_DATE_EPOCH when set (here 2026-11-30 00:00 UTC), the same
# bytes each time.
for i in 1 2; do
  SOURCE_DATE_EPOCH=1795996800 cmake -DIN="$SRC/man/caseload.1" -DOUT="$T/page$i.1" \
    -DVERSION=9.8.7 -DSOURCE_DIR="$SRC" -P "$SRC/cmake/man_page.cmake"
  assert_eq 0 "$?" "man_page.cmake"
done
assert_eq '.TH CASELOAD 1 2026-11-30 "caseload 9.8.7" "User Commands"' "$(head -1 "$T/page1.1")" "dated by SOURCE_DATE_EPOCH"
assert_same_bytes "$T/page1.1.gz" "$T/page2.1.gz"
# The rest of the page is the repository's, which man -l reads as it is.
assert_eq "$(tail -n +2 "$SRC/man/caseload.1")" "$(tail -n +2 "$T/page1.1")" "the page below .TH"

pass
