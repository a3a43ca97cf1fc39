# Text from the store in Markdown and CSV is data, never markup or a formula:
# in Markdown every ASCII punctuation character is backslash-escaped, so a
# backslash cannot end a cell early and <b> or *x* stay text; code spans
# (paths) are fenced so no backquote ends them (man caseload(1), OUTPUT
# FORMATS).
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
pass
