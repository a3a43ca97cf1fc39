# caseload report CLIENT PROGRAM: the progress report drafted from the case
# file, for the period since the last filed report, in the program's
# template or the default; Markdown or one self-contained HTML page.
source "$TESTLIB"

copy_examples "$T/s"
S=$T/s
export CASELOAD_ROOT=$S CASELOAD_TODAY=2026-11-23
M=7RJ5NB  # child-benefit: last report filed 2026-06-09; food-assistance: approved 2026-08-23, none filed

run report $M child-benefit
assert_exit 0
assert_stdout_contains "# Progress report: Child benefit"
assert_stdout_contains "- Client: Maria Santos (7RJ5NB), born 1986\-12\-08"
assert_stdout_contains "- Period: 2026-06-09 to 2026-11-23"
assert_stdout_contains "- Report due: 2026-12-01"
# scores: the assessment before the period's start (2026-07-06 is the first in it) and the latest
assert_stdout_contains "| Domain | Start 2026-07-06 | Now 2026-10-05 | Change |"
assert_stdout_contains "| Food | 1 in crisis | 3 safe | \+2 |"
assert_stdout_contains "| Income | 2 vulnerable | 2 vulnerable | 0 |"
# goals with their tasks counted; tasks done in the period and open
assert_stdout_matches "^\| g1 .* \| food \| achieved \| 2026-09-30 \| 2 \| 0 \| 0 \|$"
assert_stdout_matches "^\| t3 .* \| g2 \| 2026-10-09 \| done 2026-10-05 \|$"
assert_stdout_matches "^\| t4 .* \| g2 \| 2026-11-30 \| open \|$"
# contacts in the period, with what became of them
assert_stdout_contains "| 2026-07-06 | office | done |"
assert_stdout_contains "| 2026-11-12 | visit | missed |"
# referrals by resource name, with their outcomes
assert_stdout_matches "^\| 2026\\\\-10\\\\-05\\\\-daycare\\\\-majakka \| Majakka Day Care Centre \| 2026-10-05 \| declined \| Declined"
assert_stdout_contains "| Bayanihan Family Centre | 2026-10-22 | sent |  |"
assert_stdout_contains "| birth\-certificates | received | 2025-05-13 |  |"
assert_stdout_contains "## Worker's assessment"
# the minimum necessary about the client: no phone, address or notes
phone=$(sed -n 's/^phone: //p' "$S/clients/$M/client.yaml")
[ -n "$phone" ] || fail "the demo client has no phone to look for"
grep -qF -- "$phone" "$T/stdout" && fail "the report shows the client's phone number"
grep -q "Nagtatrabaho" "$T/stdout" && fail "the report shows the client's notes"

# --since sets the start
run report $M child-benefit --since 2026-10-01
assert_exit 0
assert_stdout_contains "- Period: 2026-10-01 to 2026-11-23"
grep -q "| 2026-07-06 | office" "$T/stdout" && fail "a contact before --since is in the report"
assert_stdout_contains "| 2026-10-22 | message | done |"
run report $M child-benefit --since 2026-12-01
assert_exit 2
assert_stderr_contains "--since 2026-12-01 is after today"
run report $M child-benefit --since someday
assert_exit 2
assert_stderr_contains "--since"

# filing the report moves the next period's start
run enrollment $M child-benefit reported --date 2026-11-20
assert_exit 0
run report $M child-benefit
assert_stdout_contains "- Period: 2026-11-20 to 2026-11-23"
assert_stdout_contains "_No contact in the period._"

# the program's template: its own headings and order, the same facts
assert_file_line "$S/caseload.yaml" "    template: food-assistance"
run report $M food-assistance
assert_exit 0
assert_stdout_contains "# Food Assistance: quarterly progress report"
assert_stdout_contains "| Reporting period | 2026-08-23 to 2026-11-23 |"
assert_stdout_contains "| payslips\-3m | received | 2026-08-13 |  |"
assert_stdout_contains "## 6. Caseworker's assessment and recommendation"
grep -q "Progress report: " "$T/stdout" && fail "the default layout was used instead of the template"

# HTML: one well-formed page, nothing fetched, text from the store never markup
run contact $M '<script>alert(1)</script> **loud** [x](javascript:alert(1))' --date 2026-11-21
assert_exit 0
run report $M child-benefit --format html --output "$T/report.html"
assert_exit 0
assert_stdout_empty
assert_mode "$T/report.html" 600
assert_file_contains "$T/report.html" "<title>Progress report child-benefit 7RJ5NB</title>"
assert_file_contains "$T/report.html" "size: A4"
assert_file_contains "$T/report.html" "&lt;script&gt;alert(1)&lt;/script&gt; **loud**"
assert_file_not_contains "$T/report.html" "<script"
assert_file_not_contains "$T/report.html" "href="
assert_file_not_contains "$T/report.html" "<strong>loud"
assert_file_not_contains "$T/report.html" "http"
if command -v xmllint >/dev/null; then
  xmllint --html --noout "$T/report.html" 2>"$T/xmllint" || fail "the HTML does not parse: $(cat "$T/xmllint")"
  [ -s "$T/xmllint" ] && fail "the HTML parser complains: $(cat "$T/xmllint")"
fi
run report $M child-benefit --format table
assert_exit 2

# --output never writes through a link or into a FIFO
echo keep > "$T/elsewhere"
ln -s "$T/elsewhere" "$T/link.md"
run report $M child-benefit --output "$T/link.md"
assert_exit 1
assert_stderr_contains "is a link"
assert_file_line "$T/elsewhere" "keep"

# errors
run report $M nosuch-program
assert_exit 1
assert_stderr_contains "nosuch-program"
run report 2DPY7W child-benefit
assert_exit 1
assert_stderr_contains "2DPY7W has no enrollment in child-benefit"
assert_stderr_contains "caseload enroll 2DPY7W child-benefit"

# a bad template: named at its line and column, by report and by check
printf '# Report\n\nClient {{client_nme}}\n' > "$S/templates/food-assistance.md"
run report $M food-assistance
assert_exit 1
assert_stderr_contains "templates/food-assistance.md:3:8: unknown placeholder"
run check
assert_exit 3
assert_stdout_contains "templates/food-assistance.md:3:8: error: unknown placeholder"
rm "$S/templates/food-assistance.md"
run report $M food-assistance
assert_exit 1
assert_stderr_contains "templates/food-assistance.md"
assert_stderr_contains "missing"
ln -s "$S/caseload.yaml" "$S/templates/food-assistance.md"
run report $M food-assistance
assert_exit 1
assert_stderr_contains "link"
run check
assert_exit 3
assert_stdout_contains "templates/food-assistance.md"
rm "$S/templates/food-assistance.md"
sed -i 's|    template: food-assistance|    template: ../clients/x|' "$S/caseload.yaml"
run report $M food-assistance
assert_exit 1
assert_stderr_matches "caseload.yaml:[0-9]+:[0-9]+: a setting in caseload.yaml is not valid"
run check
assert_exit 3
assert_stdout_contains "'template': a template is named by [a-z0-9-]"
sed -i 's|    template: ../clients/x|    template: food-assistance|' "$S/caseload.yaml"

# a program's template set by command: never one that report would refuse
run program set child-benefit --template cb-form
assert_exit 1
assert_stderr_contains "templates/cb-form.md"
grep -q "template: cb-form" "$S/caseload.yaml" && fail "a missing template was named"
run program set child-benefit --template ../x
assert_exit 2
printf '# CB-7 {{client_id}}\n\n{{contacts}}\n' > "$S/templates/cb-form.md"
run program set child-benefit --template cb-form
assert_exit 0
run report $M child-benefit
assert_stdout_contains "# CB-7 7RJ5NB"
run program set child-benefit --template ""
assert_exit 0
grep -q "template: cb-form" "$S/caseload.yaml" && fail "--template '' left the template"
run report $M child-benefit
assert_stdout_contains "# Progress report: Child benefit"

# a file of the folder that cannot be read is named at the top of the draft
printf 'date: [\n' > "$S/clients/$M/contacts/2026-11-22-broken.yaml"
run report $M child-benefit
assert_exit 0
assert_stdout_contains "> **Could not be read; this draft leaves them out:**"
assert_stdout_contains "2026-11-22-broken.yaml"
assert_stderr_contains "2026-11-22-broken.yaml"

pass
