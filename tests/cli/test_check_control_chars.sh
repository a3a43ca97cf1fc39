# check warns about control characters and bidirectional overrides in
# records, at their place, without printing them (issue 15).
source "$TESTLIB"

copy_examples s
S=$T/s
export CASELOAD_ROOT=$S CASELOAD_TODAY=2026-11-23
C=clients/3FZK8R/client.yaml
sed -i 's/^name: .*/name: "Siti \\e]0;PWNED\\a\\e[31m"/' "$S/$C"
sed -i 's/^phone: .*/phone: "+358 \\u202E0142"/' "$S/$C"
printf 'my_field: "x\\x1b[2J"\n"k\\x07": 1\nmy_notes: |\n  a tab\there is text\n' >>"$S/$C"
run check
assert_exit 0
assert_stdout_contains "$C:2:7: warning: 'name' holds control characters or bidirectional overrides (shown as escapes); remove them"
assert_stdout_contains "$C:7:8: warning: 'phone' holds control characters"
assert_stdout_matches "^$C:[0-9]+:11: warning: a value holds control characters"
assert_stdout_matches "^$C:[0-9]+:1: warning: a key holds control characters"
assert_eq 4 "$(grep -c 'control characters' "$T/stdout")" "warnings (the tab in a text block is none)"
_check
! grep -q 'PWNED' "$T/stdout" || fail "the value is printed"
_check
! LC_ALL=C grep -q $'\x1b' "$T/stdout" || fail "an escape reaches the output"
pass
