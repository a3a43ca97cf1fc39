# A missed or cancelled contact raises a `contact-missed` follow-up
# ("Reschedule ...") in every format, until a later contact of the client
# is scheduled or done.
source "$TESTLIB"

new_store s
S=$T/s
export CASELOAD_ROOT=$S CASELOAD_TODAY=2026-11-23
run intake --name "Nusrat Jahan"
assert_exit 0
ID=$out

run contact "$ID" "Not at home, left a note" --kind visit --status missed --date "2026-11-20 14:00"
assert_exit 0
MISSED=$(basename "$out" .yaml)
assert_event_name "$MISSED" "2026-11-20T1400-visit" ""
WHAT="Reschedule visit (missed 2026-11-20): Not at home, left a note"

# Every format names it, overdue since the day it was missed.
run followups --kind contact-missed
assert_exit 0
assert_stdout_contains "Overdue"
assert_stdout_matches "^3d +$ID +Nusrat Jahan +contact-missed +Reschedule visit \(missed 2026-11-20\)"
run followups --kind contact-missed --format json
assert_exit 0
assert_stdout_contains "\"date\": \"2026-11-20\""
assert_stdout_contains "\"kind\": \"contact-missed\""
assert_stdout_contains "\"what\": \"$WHAT\""
assert_stdout_contains "\"ref\": \"$MISSED\""
assert_stdout_contains "\"path\": \"clients/$ID/contacts/$MISSED.yaml\""
run followups --kind contact-missed --format csv
assert_exit 0
assert_stdout_contains "2026-11-20,contact-missed,$ID,Nusrat Jahan,aoki,,\"$WHAT\",$MISSED,clients/$ID/contacts/$MISSED.yaml,3"
run followups --kind contact-missed --format md
assert_exit 0
# Markdown escapes each ASCII punctuation character.
assert_stdout_contains "| 3d | $ID | Nusrat Jahan | contact\\-missed | Reschedule visit \\(missed 2026\\-11\\-20\\)\\: Not at home\\, left a note | \`clients/$ID/contacts/$MISSED.yaml\` |"
run followups --kind contact-missed --format ics
assert_exit 0
assert_stdout_contains "UID:$ID-contact-missed-$MISSED@caseload"
assert_stdout_contains "CATEGORIES:contact-missed"
run followups --kind nonsense
assert_exit 2
assert_stderr_contains "contact-missed"

# A contact scheduled before the missed one does not reschedule it ...
run schedule "$ID" "2026-11-19 10:00" "Office meeting" --kind office
assert_exit 0
run followups --kind contact-missed --format csv
assert_stdout_contains ",contact-missed,$ID,"
# ... one scheduled after it does.
run schedule "$ID" "2026-11-26 10:00" "Second try: home visit"
assert_exit 0
run followups --kind contact-missed --format csv
assert_exit 0
assert_eq "date,kind,client,name,worker,risk,what,ref,path,overdue,time" "$out" "followups once rescheduled"

# A visit cancelled in advance is to be rescheduled now (dated today); a
# later missed contact does not end it, a later done one does.
run contact "$ID" "Client asked to move it" --kind visit --status cancelled --date "2026-11-30 09:00"
assert_exit 0
run contact "$ID" "No answer" --status missed --date "2026-12-01"
assert_exit 0
run followups --kind contact-missed --until 2026-12-31 --format csv
assert_exit 0
assert_stdout_contains "2026-11-23,contact-missed,$ID,Nusrat Jahan,aoki,,Reschedule visit (cancelled 2026-11-30): Client asked to move it,"
assert_stdout_contains "2026-11-23,contact-missed,$ID,Nusrat Jahan,aoki,,Reschedule call (missed 2026-12-01): No answer,"
CASELOAD_TODAY=2026-12-02 run contact "$ID" "Reached her by phone"
assert_exit 0
CASELOAD_TODAY=2026-12-02 run followups --kind contact-missed --until 2026-12-31 --format csv
assert_exit 0
assert_eq "date,kind,client,name,worker,risk,what,ref,path,overdue,time" "$out" "followups after a later done contact"

# A closed client asks for nothing.
export CASELOAD_TODAY=2026-12-06
run contact "$ID" "Missed again" --status missed --date 2026-12-05
assert_exit 0
run followups --kind contact-missed --format csv
assert_stdout_contains "2026-12-05,contact-missed,$ID,"
run close "$ID" --reason "Moved away"
assert_exit 0
run followups --kind contact-missed --format csv
assert_eq "date,kind,client,name,worker,risk,what,ref,path,overdue,time" "$out" "followups of a closed client"

pass
