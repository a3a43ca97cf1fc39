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

# --- show, plan, resource show, followups ics, log, check, errors ----------------
run resource add food-bank --name "Food bank"
run plan "$ID" goal add "Find housing"
assert_exit 0
run contact "$ID" "Called"
sed -i 's/^name: .*/name: "Food\\e[2Jbank"/' "$S/resources/food-bank.yaml"
sed -i 's/text: Find housing/text: "Find\\e[5mhousing"/' "$S/clients/$ID/plan.yaml"
# A newline in a one-line field must not forge a line; in notes it is a line.
sed -i 's/^name: .*/name: "Siti\\nforged line\\e[31m"/' "$S/clients/$ID/client.yaml"
printf 'notes: |\n  first line\n  second \033[2J line\n' >>"$S/clients/$ID/client.yaml"
mkdir "$S/clients/$(printf 'AB\nCD')"
git -C "$S" add -A
git -C "$S" commit -qm "$(printf 'edit \033]0;PWNED\007 it')"
for cmd in "show $ID" "plan $ID" "resource show food-bank" "followups --format ics" "log $ID" "check" "list"; do
  # shellcheck disable=SC2086
  run $cmd
  raw "$cmd"
done
run show "$ID"
assert_stdout_contains 'Siti\x0Aforged line\x1B[31m'
assert_stdout_matches '^  second \\x1B\[2J line$'
assert_stdout_matches '^  first line$'
run plan "$ID"
assert_stdout_contains 'Find\x1B[5mhousing'
run resource show food-bank
assert_stdout_contains 'Food\x1B[2Jbank'
run followups --format ics
assert_stdout_contains 'forged line\\x1B[31m'
run log "$ID"
assert_stdout_contains 'edit \x1B]0;PWNED\x07 it'
run check
assert_stdout_matches '^clients/AB\\x0ACD: error: '
run show "$(printf 'x\033[2Jy')"
assert_exit 2
raw "an error message"
case "$out" in *$'\n'CD:*) fail "a folder name forged a line of check output";; esac
pass
