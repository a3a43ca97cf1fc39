# caseload followups on a hand-made store whose answer was worked out by hand
# for 2026-11-23 (fixtures/followups): every kind, every filter, every format.
source "$TESTLIB"

FIX=$(dirname "$TESTLIB")/fixtures/followups
cp -R "$FIX" "$T/s"
S=$T/s
export CASELOAD_TODAY=2026-11-23

# --- the default window: overdue and due today ---------------------------
run --root "$S" followups --format csv
assert_exit 0
assert_eq 'date,kind,client,name,worker,risk,what,ref,path,overdue,time
2026-10-31,contact-due,BBBBBB,Ola Nordmann,berg,low,Contact due every 30d (last 2026-10-01),,clients/BBBBBB/client.yaml,23,
2026-11-01,reassessment,DDDDDD,রহিমা বেগম,aoki,,Assessment (none yet),,clients/DDDDDD/client.yaml,22,
2026-11-14,contact,DDDDDD,রহিমা বেগম,aoki,,call: Call about the clinic,2026-11-14T0900-call,clients/DDDDDD/contacts/2026-11-14T0900-call.yaml,9,09:00
2026-11-19,decision,BBBBBB,Ola Nordmann,berg,low,Child benefit: decision pending since 2026-10-20,child-benefit,clients/BBBBBB/client.yaml,4,
2026-11-20,task,AAAAAA,Siti Rahayu,aoki,high,Apply for housing benefit,t1,clients/AAAAAA/plan.yaml,3,
2026-11-23,plan-review,AAAAAA,Siti Rahayu,aoki,high,Plan review,,clients/AAAAAA/plan.yaml,0,
2026-11-23,referral,AAAAAA,Siti Rahayu,aoki,high,North Food Bank (sent),2026-11-16-food-bank,clients/AAAAAA/referrals/2026-11-16-food-bank.yaml,0,' "$out" "default follow-up list"
# The task with the impossible date is skipped with a warning naming its place.
assert_stderr_contains "clients/AAAAAA/plan.yaml:19:14: warning: 'due': not a valid date"
# Not listed: done task t2, task t3 of an on-hold goal, the closed client,
# DDDDDD's contact-due (a scheduled contact on 2026-11-14 precedes its 2026-11-15).
assert_file_not_contains "$T/stdout" "Collect pay slips"
assert_file_not_contains "$T/stdout" "Waiting task"
assert_file_not_contains "$T/stdout" "CCCCCC"
assert_eq 0 "$(grep -c 'contact-due,DDDDDD' "$T/stdout")" "suppressed contact-due"

# --- a wider window -------------------------------------------------------
run --root "$S" followups --until +7d --format csv
assert_exit 0
assert_eq 12 "$(wc -l < "$T/stdout")" "header + 11 items through 2026-11-30"
assert_stdout_contains '2026-11-24,contact-due,AAAAAA,Siti Rahayu,aoki,high,Contact planned (last 2026-11-10),,clients/AAAAAA/client.yaml,0'
assert_stdout_contains '2026-11-25,report,AAAAAA,Siti Rahayu,aoki,high,Child benefit: progress report,child-benefit,clients/AAAAAA/client.yaml,0'
assert_stdout_contains '2026-11-26,contact,BBBBBB,Ola Nordmann,berg,low,"visit: Home visit, bring forms",2026-11-26T1000-visit,clients/BBBBBB/contacts/2026-11-26T1000-visit.yaml,0'
assert_stdout_contains '2026-11-30,reassessment,AAAAAA,Siti Rahayu,aoki,high,Reassessment every 90d (last 2026-09-01),,clients/AAAAAA/assessments/2026-09-01.yaml,0'
run --root "$S" followups --until eow --format csv
assert_eq 11 "$(wc -l < "$T/stdout")" "through Sunday 2026-11-29"
run --root "$S" followups --from today --until 2026-11-25 --format csv
assert_eq 'date,kind,client,name,worker,risk,what,ref,path,overdue,time
2026-11-23,plan-review,AAAAAA,Siti Rahayu,aoki,high,Plan review,,clients/AAAAAA/plan.yaml,0,
2026-11-23,referral,AAAAAA,Siti Rahayu,aoki,high,North Food Bank (sent),2026-11-16-food-bank,clients/AAAAAA/referrals/2026-11-16-food-bank.yaml,0,
2026-11-24,contact-due,AAAAAA,Siti Rahayu,aoki,high,Contact planned (last 2026-11-10),,clients/AAAAAA/client.yaml,0,
2026-11-25,report,AAAAAA,Siti Rahayu,aoki,high,Child benefit: progress report,child-benefit,clients/AAAAAA/client.yaml,0,' "$out" "--from/--until window"

# --- filters --------------------------------------------------------------
run --root "$S" followups --worker berg --format csv
assert_eq 3 "$(wc -l < "$T/stdout")" "berg's items"
assert_file_not_contains "$T/stdout" ",aoki,"
CASELOAD_WORKER=berg run --root "$S" followups --mine --format csv
assert_eq 3 "$(wc -l < "$T/stdout")" "--mine as berg"
run --root "$S" followups --client siti --format csv
assert_eq 4 "$(wc -l < "$T/stdout")" "one client's items by name"
# A bad value is ignored, not the file: the warning does not say "skipped".
assert_stderr_contains ": not a valid date (YYYY-MM-DD); ignored (see \`caseload check\`)"
run --root "$S" followups --client DDDDDD --format csv
assert_exit 0
assert_stderr_empty  # AAAAAA's warning is not about this client
run --root "$S" followups --kind task --kind decision --format csv
assert_eq 3 "$(wc -l < "$T/stdout")" "two kinds"
run --root "$S" followups --kind renewal --until 2027-12-31 --format csv
assert_eq 'date,kind,client,name,worker,risk,what,ref,path,overdue,time
2027-09-01,renewal,AAAAAA,Siti Rahayu,aoki,high,Child benefit: renewal,child-benefit,clients/AAAAAA/client.yaml,0,' "$out" "renewal item"
run --root "$S" followups --kind nonsense
assert_exit 2
assert_stderr_contains "contact-due"
run --root "$S" followups --until someday
assert_exit 2
assert_stderr_contains "YYYY-MM-DD"
run --root "$S" followups --worker nobody
assert_exit 2

# --- formats --------------------------------------------------------------
run --root "$S" followups --format json --kind task
assert_exit 0
assert_eq '[
  {
    "date": "2026-11-20",
    "kind": "task",
    "client": "AAAAAA",
    "name": "Siti Rahayu",
    "worker": "aoki",
    "risk": "high",
    "what": "Apply for housing benefit",
    "ref": "t1",
    "path": "clients/AAAAAA/plan.yaml",
    "overdue": 3,
    "time": null
  }
]' "$out" "JSON item"
run --root "$S" followups --format json --client DDDDDD --kind reassessment
assert_stdout_contains '"risk": null,'
assert_stdout_contains '"ref": null,'
run --root "$S" followups --format json --until 2026-01-01
assert_eq "[]" "$out" "an empty list in JSON"

run --root "$S" followups
assert_exit 0
assert_stdout_matches '^Overdue$'
assert_stdout_matches '^Today 2026-11-23$'
assert_stdout_matches '^23d +BBBBBB +Ola Nordmann +contact-due'
assert_file_not_contains "$T/stdout" $'\e['  # no colour when not a terminal
run --root "$S" followups --color always
assert_file_contains "$T/stdout" $'\e[1m'
NO_COLOR=1 run --root "$S" followups
assert_file_not_contains "$T/stdout" $'\e['
# Columns line up by display width: the FILE column starts at the same
# column on the Bengali rows as on the Latin ones.
col_of_file() { grep -F "$1" "$T/stdout" | head -1 | sed 's/clients\/.*//' | LC_ALL=C.UTF-8 wc -m; }
assert_eq "$(col_of_file 'Ola Nordmann')" "$(col_of_file 'রহিমা')" "FILE column of a Bengali row"
run --root "$S" followups --until 2026-01-01
assert_stdout_contains "Nothing due through 2026-01-01."

run --root "$S" followups --format md --until +3d
assert_exit 0
assert_stdout_matches '^# Follow-ups 2026-11-23$'
assert_stdout_matches '^## Overdue$'
assert_stdout_matches '^## Wednesday 2026-11-25$'
assert_stdout_contains '| 3d | AAAAAA | Siti Rahayu | task | Apply for housing benefit | `clients/AAAAAA/plan.yaml` |'

run --root "$S" followups --format ics --until +7d
assert_exit 0
cp "$T/stdout" "$T/a.ics"
assert_eq "BEGIN:VCALENDAR" "$(head -1 "$T/a.ics" | tr -d '\r')" "calendar start"
assert_eq 11 "$(grep -c '^BEGIN:VEVENT' "$T/a.ics")" "one event per item"
assert_eq "$(wc -l < "$T/a.ics")" "$(grep -c $'\r$' "$T/a.ics")" "every line ends in CRLF"
assert_eq 0 "$(awk '{ if (length($0) > 76) n++ } END { print n + 0 }' "$T/a.ics")" "lines of at most 75 octets + CR"
assert_file_contains "$T/a.ics" "UID:AAAAAA-task-t1@caseload"
assert_file_contains "$T/a.ics" "DTSTART;VALUE=DATE:20261120"
# A UID names the item, not its date: moving the due date keeps the UID.
sed -i 's/due: 2026-11-20/due: 2026-11-21/' "$S/clients/AAAAAA/plan.yaml"
run --root "$S" followups --format ics --until +7d
assert_file_contains "$T/stdout" "UID:AAAAAA-task-t1@caseload"
assert_file_contains "$T/stdout" "DTSTART;VALUE=DATE:20261121"
sed -i 's/due: 2026-11-21/due: 2026-11-20/' "$S/clients/AAAAAA/plan.yaml"

# Byte for byte the same output for the same inputs.
run --root "$S" followups --format ics --until +7d
assert_same_bytes "$T/a.ics" "$T/stdout"

# --- exit codes and --output ----------------------------------------------
run --root "$S" followups --fail-if-overdue
assert_exit 3
run --root "$S" followups --fail-if-overdue --from today
assert_exit 0
run --root "$S" followups --format md --output "$T/report.md"
assert_exit 0
assert_stdout_empty
assert_file_contains "$T/report.md" "# Follow-ups 2026-11-23"
assert_mode "$T/report.md" 600

pass
