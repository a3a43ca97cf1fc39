# cpack -G DEB from the build: the package's files and control fields, a
# stripped binary, the cron script where the crontab says, and lintian
# (when installed; scripts/setup installs it) finds no errors.
source "$TESTLIB"
: "${CASELOAD_BUILD:?CASELOAD_BUILD must name the build folder}"
SRC=$(dirname "$TESTLIB")/../..
for tool in cpack dpkg-deb dpkg-shlibdeps readelf; do
  command -v $tool >/dev/null || { echo "$tool not installed: the package is not tested"; pass; }
done

# The build's own binary and pages, packaged into a folder of the test's.
cpack -G DEB --config "$CASELOAD_BUILD/CPackConfig.cmake" -B "$T/pkg" >"$T/cpack.log" 2>&1 ||
  fail "cpack failed: $(tail -5 "$T/cpack.log")"
only_file deb "$T/pkg/caseload_*.deb"

dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./|/|' >"$T/files"
for f in /usr/bin/caseload \
         /usr/share/man/man1/caseload.1.gz /usr/share/man/man5/caseload.5.gz \
         /usr/share/bash-completion/completions/caseload \
         /usr/share/zsh/vendor-completions/_caseload \
         /usr/share/fish/vendor_completions.d/caseload.fish \
         /usr/share/caseload/caseload-daily \
         /usr/share/doc/caseload/examples/crontab \
         /usr/share/doc/caseload/copyright /usr/share/doc/caseload/changelog.Debian.gz; do
  assert_file_line "$T/files" "$f"
done
# The crontab runs the script where the package puts it.
cron_script=$(grep -v "^#" "$SRC/examples/cron/crontab" | grep -o '/usr/share/caseload/[^ ]*' | head -1)
assert_file_line "$T/files" "$cron_script"

version=$("$CASELOAD" --version | head -1)
assert_eq caseload "$(dpkg-deb -f "$deb" Package)" "Package"
assert_eq "${version#caseload }-1" "$(dpkg-deb -f "$deb" Version)" "Version"
depends=$(dpkg-deb -f "$deb" Depends)
case "$depends" in *libc6*libyaml-cpp* | *libyaml-cpp*libc6*) ;; *) fail "Depends from shlibdeps: $depends" ;; esac

dpkg-deb -x "$deb" "$T/root"
readelf -S "$T/root/usr/bin/caseload" >"$T/sections"
assert_file_not_contains "$T/sections" ".debug_info"
assert_eq "$version" "$("$T/root/usr/bin/caseload" --version | head -1)" "the packaged binary runs"
assert_file_contains "$T/root/usr/share/doc/caseload/copyright" "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/"
assert_file_contains "$T/root/usr/share/doc/caseload/copyright" "License: Apache-2.0"
case "$(zcat "$T/root/usr/share/man/man1/caseload.1.gz" | head -1)" in
  *"\"$version\""*) ;; *) fail "man page .TH without $version" ;;
esac

if command -v lintian >/dev/null; then
  lintian --fail-on error "$deb" >"$T/lintian" 2>&1
  assert_eq 0 "$?" "lintian: $(grep '^E:' "$T/lintian" | head -5)"
else
  echo "lintian not installed: the package is not checked by it (scripts/setup installs it)"
fi

pass
