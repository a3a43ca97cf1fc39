# Text from the store in Markdown and CSV is data, never markup or a formula:
# in Markdown every ASCII punctuation character is backslash-escaped, so a
# backslash cannot end a cell early and <b> or *x* stay text; code spans
# (paths) are fenced so no backquote ends them (man caseload(1), OUTPUT
# FORMATS). In CSV a field that a spreadsheet would run as a formula gets a
# leading ', the numbers the program computes stay numbers, and a list is
# joined with "; " with a ';' inside an item escaped, so two tags read back as
# two.
source "$TESTLIB"

new_store s
S=$T/s
export CASELOAD_ROOT=$S CASELOAD_TODAY=2026-11-23
run intake --no-input --name 'a\|b <b>x</b> *x*' --tag 'food; clothes' --tag rent
assert_exit 0
ID=$out
run intake --no-input --name '=HYPERLINK("x")' --phone '+358 40 555 0300'
assert_exit 0
ID2=$out
run plan "$ID" goal add "Housing"
run plan "$ID" task add g1 '*call* <i>x</i> `tick` a\|b' --due 2026-11-20
assert_exit 0
run plan "$ID2" goal add "Housing"
run plan "$ID2" task add g1 '-2+3' --due 2026-11-20
assert_exit 0
# A contact note of two lines stays on its table row.
run contact "$ID" "Called"
assert_exit 0
printf 'text: |\n  first | line\n  second <i>line</i>\n' >>"$(ls "$S/clients/$ID/contacts/"*.yaml)"
git -C "$S" commit -qam "contact text"

# --- Markdown ------------------------------------------------------------------
md_name='a\\\|b \<b\>x\<\/b\> \*x\*'
run followups --format md
assert_exit 0
assert_stdout_contains "| 3d | $ID | $md_name | task | \\*call\\* \\<i\\>x\\<\\/i\\> \\\`tick\\\` a\\\\\\|b | \`clients/$ID/plan.yaml\` |"
# Every table row has its six cells: no '|' the reader would split on.
while IFS= read -r line; do
  case "$line" in "|"*)
    cells=$(printf '%s' "$line" | sed 's/\\\\//g; s/\\|//g' | tr -cd '|' | wc -c)
    [ "$cells" -eq 7 ] || fail "a row of followups --format md has $((cells - 1)) cells: $line" ;;
  esac
done <"$T/stdout"
case "$out" in *'<b>'* | *'*x*'*) fail "markup from the store in followups --format md";; esac

run show "$ID" --format md
assert_exit 0
assert_stdout_contains "# Case summary: $md_name ($ID)"
assert_stdout_contains "- **name**: $md_name"
assert_stdout_contains 'text: \*call\* \<i\>x\<\/i\> \`tick\` a\\\|b'
assert_stdout_contains '| first \| line second \<i\>line\<\/i\> |'
case "$out" in *'<b>'* | *'<i>'* | *'*x*'*) fail "markup from the store in show --format md";; esac

# --- CSV -----------------------------------------------------------------------
run list --format csv
assert_exit 0
assert_stdout_contains "$ID2,\"'=HYPERLINK(\"\"x\"\")\",aoki,"
assert_stdout_contains "$ID,a\\|b <b>x</b> *x*,aoki,"
assert_stdout_matches "^$ID,.*,food\\\\; clothes; rent\$"
run followups --format csv
assert_exit 0
assert_stdout_contains "2026-11-20,task,$ID2,\"'=HYPERLINK(\"\"x\"\")\",aoki,,'-2+3,t1,clients/$ID2/plan.yaml,3,"
run find HYPERLINK --format csv
assert_exit 0
assert_stdout_contains "'+358 40 555 0300,open"
# No field of any CSV output starts with a formula character.
for cmd in "list --format csv" "followups --format csv" "find x --format csv"; do
  # shellcheck disable=SC2086
  run $cmd
  if printf '%s\n' "$out" | tr ',' '\n' | sed 's/^"//' | grep -qE '^[=+@-]'; then
    fail "a field of $cmd starts like a formula"
  fi
done
pass
