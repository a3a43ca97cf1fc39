# Timed follow-up items (scheduled contacts with a time) show their time:
# in the table and md before WHAT, in json/csv as `time` (the last key;
# null/empty when none), and in ics as events with a start and end time
# instead of all-day ones.
source "$TESTLIB"

new_store s
S=$T/s
export CASELOAD_ROOT=$S CASELOAD_TODAY=2026-11-23
run intake --name "Arjun Thapa"
assert_exit 0
ID=$out
run schedule "$ID" "2026-11-24 14:00" "Home visit"
assert_exit 0
V=$(basename "$out" .yaml)
run schedule "$ID" 2026-11-25 "Call about the form" --kind call
assert_exit 0
L=$(basename "$out" .yaml)
run schedule "$ID" "2026-11-26 23:30" "Night shelter visit"
assert_exit 0

run followups --kind contact --until 2026-11-30
assert_exit 0
assert_stdout_matches "^ +$ID +Arjun Thapa +contact +14:00 visit: Home visit +clients/$ID/contacts/$V.yaml"
assert_stdout_matches "^ +$ID +Arjun Thapa +contact +call: Call about the form +clients/"
run followups --kind contact --until 2026-11-30 --format csv
assert_exit 0
assert_stdout_contains "date,kind,client,name,worker,risk,what,ref,path,overdue,time"
assert_stdout_contains "2026-11-24,contact,$ID,Arjun Thapa,aoki,,visit: Home visit,$V,clients/$ID/contacts/$V.yaml,0,14:00"
assert_stdout_contains "2026-11-25,contact,$ID,Arjun Thapa,aoki,,call: Call about the form,$L,clients/$ID/contacts/$L.yaml,0,"
run followups --kind contact --until 2026-11-30 --format json
assert_exit 0
assert_stdout_contains "\"overdue\": 0,
    \"time\": \"14:00\""
assert_stdout_contains "\"time\": null"
run followups --kind contact --until 2026-11-30 --format md
assert_stdout_contains "| contact | 14\\:00 visit\\: Home visit |"  # punctuation escaped
run followups --kind contact --until 2026-11-30 --format ics
assert_exit 0
tr -d '\r' <"$T/stdout" >"$T/ics"
assert_file_line "$T/ics" "DTSTART:20261124T140000"
assert_file_line "$T/ics" "DTEND:20261124T150000"
assert_file_line "$T/ics" "DTSTART;VALUE=DATE:20261125"
assert_file_line "$T/ics" "DTEND;VALUE=DATE:20261126"
# An hour from 23:30 ends the next day.
assert_file_line "$T/ics" "DTSTART:20261126T233000"
assert_file_line "$T/ics" "DTEND:20261127T003000"

pass
