# Text from the store never reaches the terminal raw: control characters
# (ESC, BEL, C1), bidi overrides and bytes that are not UTF-8 are printed as
# visible escapes in every format for people, and colour still works.
source "$TESTLIB"

new_store s
S=$T/s
export CASELOAD_ROOT=$S CASELOAD_TODAY=2026-11-23
run intake --name "Siti Rahayu"
ID=$out
run consent "$ID" add food-bank
# A name that sets the window title, opens a hyperlink and reverses the line.
sed -i 's/^name: .*/name: "Si\\e]0;PWNED\\aSiti\\u202Eevil"/' "$S/clients/$ID/client.yaml"
git -C "$S" commit -qam "hostile edit"
raw() {  # fails when the output holds ESC, BEL or U+202E
  if printf '%s%s' "$out" "$err" | grep -qP '[\x1b\x07]|\xe2\x80\xae'; then
    fail "raw control characters in the output of: $*"
  fi
}
for cmd in "list" "find Siti" "followups" "consent $ID"; do
  # shellcheck disable=SC2086
  run $cmd
  assert_exit 0
  raw "$cmd"
done
run list
assert_stdout_contains 'Si\x1B]0;PWNED\x07Siti\u202Eevil'
run followups
assert_stdout_contains 'Si\x1B]0;PWNED\x07Siti'

# Colour is painted around the escaped cell, not mixed into the store's text.
run --today 2027-03-01 --color always list
assert_stdout_contains $'\e[31m2026-11-23\e[0m'
assert_stdout_contains 'Si\x1B]0;PWNED'
pass
