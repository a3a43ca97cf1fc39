# caseload stats (issue 17): every format, each section alone, --worker,
# --output, --redact, and the errors; aggregates only, never a client.
source "$TESTLIB"

copy_examples s
S=$T/s
export CASELOAD_TODAY=2026-11-23
unset NO_COLOR

# The table: every section, the default period the 30 days up to today.
run --root "$S" stats
assert_exit 0
assert_stderr_empty
assert_stdout_contains "2026-10-25 to 2026-11-23 · 16 clients"
for title in "Caseload" "Work done" "Follow-ups" "Outcomes" "Referrals sent in the period" "Benefits"; do
  assert_file_line "$T/stdout" "$title"
done
assert_stdout_matches "^aoki +1 +3 +0 +0 +4 +█+▓+$"
assert_stdout_contains "█ high  ▓ medium  ▒ low  ░ none"
assert_stdout_matches "^all +21 +1 +0 +1 +23 +[▁▂▃▄▅▆▇█]{6}$"
# --today (a global option) is the day "now" is.
run --root "$S" --today 2026-11-30 stats --format csv
assert_stdout_contains "scope,from,,,2026-11-01"

# A narrow terminal: the chart and the first column give way, in every section.
COLUMNS=72 run --root "$S" stats
assert_exit 0
while IFS= read -r line; do
  [ "$(printf '%s' "$line" | LC_ALL=C.UTF-8 wc -m)" -le 72 ] || fail "line wider than 72: $line"
done <"$T/stdout"

# Colour only for the headings, and never with NO_COLOR; the bars need none.
run --root "$S" --color always stats caseload
assert_stdout_contains $'\e[1mCaseload'
NO_COLOR=1 run --root "$S" stats caseload
assert_file_not_contains "$T/stdout" $'\e['
assert_stdout_matches "^aoki +1 +3 +0 +0 +4 +█+▓+$"

# json: the figures by section, stable names; csv: the same figures flat.
run --root "$S" stats --format json
assert_exit 0
assert_eq "13" "$(jq '.caseload.open' "$T/stdout")" "open clients"
assert_eq "4" "$(jq '.caseload.open_by_worker.aoki.total' "$T/stdout")" "aoki's open clients"
assert_eq "23" "$(jq '.work.contacts.total' "$T/stdout")" "contacts"
assert_eq "24" "$(jq '.followups.overdue.total' "$T/stdout")" "overdue items"
assert_eq "8" "$(jq '.referrals.referrals.sent' "$T/stdout")" "referrals sent"
assert_eq "10" "$(jq '.benefits.enrollments.approved' "$T/stdout")" "approved enrollments"
assert_eq "0.50" "$(jq -r '.work.visits_missed_share' "$T/stdout" | xargs printf '%.2f')" "visits missed"
assert_eq '["scope","caseload","work","followups","outcomes","referrals","benefits"]' \
  "$(jq -c 'keys_unsorted' "$T/stdout")" "sections"
cp "$T/stdout" "$T/all.json"
# Referrals per service: those that name one, then those that name none.
run --root "$S" stats referrals --from 2026-01-01 --format json
assert_eq "2" "$(jq '.referrals.referrals_by_service["daycare-majakka/full-day care"].sent' "$T/stdout")" \
  "referrals for full-day care"
assert_eq "36" "$(jq '[.referrals.referrals_by_service[].sent] | add' "$T/stdout")" "referrals by service, all"
assert_eq "31" "$(jq '.referrals.referrals_by_service[""].sent' "$T/stdout")" "referrals naming no service"
run --root "$S" stats referrals --from 2026-01-01
assert_stdout_matches "^food-bank-north/food parcels +1 +1 +1 "
assert_stdout_matches "^\(none\) +31 +20 +8 "
run --root "$S" stats --format csv
assert_exit 0
assert_file_line "$T/stdout" "section,figure,group,subgroup,value"
assert_file_line "$T/stdout" "caseload,open,,,13"
assert_file_line "$T/stdout" "caseload,open_by_worker,aoki,total,4"
assert_file_line "$T/stdout" "followups,overdue,total,,24"
# As many figures in csv as values in json.
assert_eq "$(jq '[paths(scalars, type == "null")] | length' "$T/all.json")" "$(($(wc -l <"$T/stdout") - 1))" "figures"

# md: headings and tables, text escaped.
run --root "$S" stats --format md outcomes
assert_exit 0
assert_stdout_contains "## Outcomes"
assert_stdout_matches '^\| DOMAIN \| CLIENTS \| MEAN CHANGE \|'
assert_file_not_contains "$T/stdout" "## Caseload"

# html: one self-contained page for A4, no script, nothing fetched.
run --root "$S" stats --format html
assert_exit 0
assert_stderr_empty
assert_stdout_contains "<!DOCTYPE html>"
assert_stdout_contains "@page { size: A4; margin: 14mm; }"
for absent in "<script" "src=" "href=" "@import" "url("; do
  assert_file_not_contains "$T/stdout" "$absent"
done
assert_eq "5" "$(grep -c '^<svg xmlns="http://www.w3.org/2000/svg"' "$T/stdout")" "charts"
cp "$T/stdout" "$T/stats.html"
# Well-formed for libxml2's HTML parser. It knows only the tags of HTML 4,
# so it names each SVG element an "invalid tag"; any other error (a tag
# left open, an end tag that does not match, a bad entity) fails.
_check
xmllint --html --noout "$T/stats.html" 2>"$T/xmllint.err" || fail "xmllint --html failed"
grep "error" "$T/xmllint.err" | grep -vE "HTML parser error : Tag (svg|title|rect|text|line|polyline|circle) invalid$" \
  >"$T/xmllint.other" || true
[ ! -s "$T/xmllint.other" ] || fail "xmllint --html: $(head -n 5 "$T/xmllint.other")"
# Each chart alone is valid XML.
n=0
while IFS= read -r svg; do
  n=$((n + 1))
  printf '%s\n' "$svg" >"$T/chart$n.svg"
  _check
  xmllint --noout "$T/chart$n.svg" 2>"$T/chart.err" || fail "chart $n is not valid XML: $(head -n 3 "$T/chart.err")"
done < <(grep -o '<svg.*</svg>' "$T/stats.html")
assert_eq "5" "$n" "charts checked"
# The tables are the terminal's; the figures the same.
assert_stdout_contains "<h2>Caseload</h2>"
assert_stdout_contains '<tr><td>aoki</td><td class="n">1</td><td class="n">3</td><td class="n">0</td><td class="n">0</td><td class="n">4</td></tr>'
# A section alone has its chart alone (benefits has none).
run --root "$S" stats outcomes --format html
assert_eq "1" "$(grep -c '^<svg' "$T/stdout")" "outcomes chart"
run --root "$S" stats benefits --format html
assert_eq "0" "$(grep -c '^<svg' "$T/stdout")" "benefits charts"
# --redact: the tables say "<5"; the charts draw nothing of such a group.
run --root "$S" stats caseload --format html --redact
assert_exit 0
assert_stdout_contains '<tr><td>berg</td><td class="n">&lt;5</td>'
assert_stdout_contains "groups smaller than 5 shown as &lt;5"
assert_file_not_contains "$T/stdout" "<rect x=\"150.0\" y=\"32.0\""

# Each section alone, and two together in their own order.
for section in caseload work followups outcomes referrals benefits; do
  run --root "$S" stats "$section" --format json
  assert_exit 0
  assert_eq "[\"scope\",\"$section\"]" "$(jq -c 'keys_unsorted' "$T/stdout")" "stats $section"
done
run --root "$S" stats benefits caseload --format json
assert_eq '["scope","caseload","benefits"]' "$(jq -c 'keys_unsorted' "$T/stdout")" "two sections"

# --worker: that worker's clients and rows only.
run --root "$S" stats caseload --worker berg --format json
assert_exit 0
assert_eq "3" "$(jq '.caseload.open' "$T/stdout")" "berg's open clients"
assert_eq '["berg"]' "$(jq -c '.caseload.open_by_worker | keys' "$T/stdout")" "berg's rows"
assert_eq '"berg"' "$(jq -c '.scope.worker' "$T/stdout")" "scope"
run --root "$S" stats --worker nobody
assert_exit 2
assert_stdout_empty

# --from/--until, and bad dates.
run --root "$S" stats --from 2026-11-01 --until 2026-11-15 --format csv
assert_file_line "$T/stdout" "scope,from,,,2026-11-01"
assert_file_line "$T/stdout" "scope,until,,,2026-11-15"
run --root "$S" stats --from 2026-11-30 --until 2026-11-01
assert_exit 2
assert_stderr_contains "--from 2026-11-30 is after --until 2026-11-01: no day is in that range"
run --root "$S" stats --from 2026-02-30
assert_exit 2
assert_stderr_contains "--from"
assert_stdout_empty
run --root "$S" stats --until someday
assert_exit 2

# An unknown section or format.
run --root "$S" stats everything
assert_exit 2
assert_stderr_contains "'everything' is not a section of stats"
assert_stderr_contains "sections: caseload, work, followups, outcomes, referrals, benefits"
run --root "$S" stats --format ics
assert_exit 2

# --redact: csv and html only; a group below stats.min_group is "<5".
run --root "$S" stats --format csv --redact
assert_exit 0
assert_file_line "$T/stdout" "caseload,open,,,13"
assert_file_line "$T/stdout" "caseload,open_by_worker,aoki,total,<5"
assert_file_line "$T/stdout" "caseload,open_by_worker,aoki,low,0"
run --root "$S" stats --format json --redact
assert_exit 2
assert_stderr_contains "--redact is for the exports that leave the agency"
# stats.min_group in caseload.yaml.
printf 'stats:\n  min_group: 3\n' >>"$S/caseload.yaml"
run --root "$S" stats caseload --format csv --redact
assert_file_line "$T/stdout" "caseload,open_by_worker,aoki,total,4"
assert_file_line "$T/stdout" "caseload,open_by_worker,cruz,total,<3"
run --root "$S" check
assert_exit 0
printf 'stats:\n  min_group: 0\n' >"$T/min0.yaml"
sed '/^stats:/,$d' "$S/caseload.yaml" >"$T/base.yaml"
cat "$T/base.yaml" "$T/min0.yaml" >"$S/caseload.yaml"
run --root "$S" stats
assert_exit 1
assert_stderr_contains "a setting in caseload.yaml is not valid"
run --root "$S" check
assert_exit 3
assert_stdout_contains "'min_group': at least 1"
cp "$T/base.yaml" "$S/caseload.yaml"

# --output: written atomically, owner-only; a link or a FIFO is refused.
cd "$T"
run --root "$S" stats --output report.txt
assert_exit 0
assert_stdout_empty
assert_mode "$T/report.txt" 600
assert_file_contains "$T/report.txt" "Open clients by worker and risk"
ln -s /etc/hostname link.txt
run --root "$S" stats --output link.txt
assert_exit 1
assert_stderr_contains "caseload writes only a new file or replaces a regular one"
mkfifo pipe
run --root "$S" stats --output pipe
assert_exit 1

# Aggregates only: no client's name or ID in any format.
for format in table json csv md html; do
  run --root "$S" stats --format "$format" --wide
  assert_exit 0
  for dir in "$S"/clients/*/; do
    id=$(basename "$dir")
    name=$(sed -n 's/^name: //p' "$dir/client.yaml")
    assert_file_not_contains "$T/stdout" "$id"
    assert_file_not_contains "$T/stdout" "$name"
  done
done

pass
