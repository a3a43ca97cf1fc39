# caseload contact / schedule: the file name (with its random suffix) and
# fields, text from stdin, unique names, concurrent writers, workers, naming
# clients.
source "$TESTLIB"

new_store s
S=$T/s
export CASELOAD_TODAY=2026-11-23
run --root "$S" intake --name "Åse Østby" --born 1949-06-12
assert_exit 0
ID=$out
D=$S/clients/$ID/contacts

# --- a contact ---------------------------------------------------------------
run --root "$S" contact "$ID" "Called about the rent" --kind call --date 2026-11-23T09:30
assert_exit 0
# The name is date, time, kind and a random suffix: 2026-11-23T0930-call-7gq2.yaml.
assert_event_name "$out" "clients/$ID/contacts/2026-11-23T0930-call"
event_file C "$D" 2026-11-23T0930-call
assert_eq "$S/$out" "$C" "printed path"
assert_eq 1 "$(ls "$D" | wc -l)" "files in contacts/ after one contact"
assert_eq "date: 2026-11-23T09:30|kind: call|status: done|worker: aoki|summary: Called about the rent|" \
  "$(tr '\n' '|' <"$C")" "contact file"
assert_mode "$D" 700
assert_mode "$C" 600

# The same date, time and kind again: a distinct name (another suffix), the
# first file untouched.
cp "$C" "$T/first.yaml"
run --root "$S" contact "$ID" "Called back" --kind call --date 2026-11-23T09:30
assert_exit 0
assert_event_name "$out" "clients/$ID/contacts/2026-11-23T0930-call"
C2=$S/$out
_check; [ "$C2" != "$C" ] || fail "a second contact the same minute got the first one's name: $out"
assert_exists "$C2"
assert_file_line "$C2" "summary: Called back"
assert_same_bytes "$T/first.yaml" "$C"
run --root "$S" contact "$ID" "Called a third time" --kind call --date 2026-11-23T09:30
assert_exit 0
assert_event_name "$out" "clients/$ID/contacts/2026-11-23T0930-call"
C3=$S/$out
assert_exists "$C3"
assert_file_line "$C3" "summary: Called a third time"
assert_eq 3 "$(printf '%s\n' "$C" "$C2" "$C3" | sort -u | wc -l)" "distinct names of three contacts the same minute"
assert_eq 3 "$(ls "$D" | grep -cE "^2026-11-23T0930-call-$NAME_SUFFIX_RE\.yaml\$")" "files of three contacts the same minute"
assert_eq 3 "$(ls "$D" | wc -l)" "files in contacts/ after three contacts"
assert_same_bytes "$T/first.yaml" "$C"

# --text - reads the narrative from stdin into a literal block.
printf 'Åse was tired after the stairs.\nAsked about the day centre.\n' >"$T/narrative"
run --root "$S" contact "$ID" "Home visit, brought groceries" --kind visit --date "2026-11-20T14:00" \
  --text - --next +1w <"$T/narrative"
assert_exit 0
event_file V "$D" 2026-11-20T1400-visit
assert_eq "$S/$out" "$V" "printed path"
assert_file_line "$V" "kind: visit"
assert_file_line "$V" "status: done"
assert_file_line "$V" "text: |"
assert_file_line "$V" "  Åse was tired after the stairs."
assert_file_line "$V" "  Asked about the day centre."
assert_file_line "$V" "next: 2026-11-30"
assert_file_line "$V" "summary: Home visit, brought groceries"
# --text inline; other kinds and statuses.
# An impossible time is a usage error with the forms that work.
run --root "$S" contact "$ID" "Too late" --kind call --date "2026-11-24 25:00"
assert_exit 2
assert_stderr_contains "'25:00' is not a time of day (H:MM or HH:MM)"
assert_stderr_contains "hint: times run from 0:00 to 23:59"
run --root "$S" contact "$ID" "No answer" --kind call --status missed --date 2026-11-21T08:15 --text "Tried twice."
assert_exit 0
event_file M "$D" 2026-11-21T0815-call
assert_file_line "$M" "status: missed"
assert_file_line "$M" "  Tried twice."
for kind in office message collateral note; do
  run --root "$S" contact "$ID" "A $kind" --kind "$kind" --date 2026-11-19T10:00
  assert_exit 0
  event_file K "$D" "2026-11-19T1000-$kind"
  assert_eq "$S/$out" "$K" "printed path"
  assert_file_line "$K" "kind: $kind"
done
n=$(ls "$D" | wc -l)
run --root "$S" contact "$ID" "Wrong kind" --kind fax
assert_exit 2
run --root "$S" contact "$ID" "Wrong status" --status maybe
assert_exit 2
run --root "$S" contact "$ID" "$(printf 'two\nlines')"
assert_exit 2
run --root "$S" contact "$ID" ""
assert_exit 2
assert_eq "$n" "$(ls "$D" | wc -l)" "files in contacts/ after refused contacts"

# Dates: relative forms, with a time; a date alone gets T0000 in the name.
run --root "$S" contact "$ID" "Yesterday's call" --date yesterday
assert_exit 0
event_file F "$D" 2026-11-22T0000-call
assert_file_line "$F" "date: 2026-11-22"
# (Dates after today are for contacts not done yet: a done one is refused.)
run --root "$S" contact "$ID" "Tomorrow's note" --kind note --date "tomorrow 14:30" --status scheduled
assert_exit 0
event_file F "$D" 2026-11-24T1430-note
assert_file_line "$F" "date: 2026-11-24T14:30"
run --root "$S" contact "$ID" "Friday" --date "fri 16:05" --status scheduled
assert_exit 0
event_file F "$D" 2026-11-27T1605-call
assert_file_line "$F" "date: 2026-11-27T16:05"
for bad in 2026-02-30 2026-11-26T25:00 soon; do
  run --root "$S" contact "$ID" "Bad date" --date "$bad"
  assert_exit 2
  assert_stderr_contains "--date"
done
run --root "$S" contact "$ID" "Bad date" --date soon
assert_stderr_contains "YYYY-MM-DD"
assert_stderr_contains "eom"

# --- schedule ----------------------------------------------------------------
run --root "$S" schedule "$ID" 2026-11-26T10:00 "Home visit"
assert_exit 0
assert_event_name "$out" "clients/$ID/contacts/2026-11-26T1000-visit"
event_file H "$D" 2026-11-26T1000-visit
assert_eq "$S/$out" "$H" "printed path"
assert_eq "date: 2026-11-26T10:00|kind: visit|status: scheduled|worker: aoki|summary: Home visit|" \
  "$(tr '\n' '|' <"$H")" "scheduled contact"
run --root "$S" schedule "$ID" "fri 09:00" "Call the day centre" --kind call
assert_exit 0
event_file F "$D" 2026-11-27T0900-call
assert_file_line "$F" "status: scheduled"
run --root "$S" schedule "$ID" someday "Never"
assert_exit 2
assert_stderr_contains "YYYY-MM-DD"
run --root "$S" schedule "$ID" 2026-11-26T10:00
assert_exit 2

# --- workers -------------------------------------------------------------------
run --root "$S" contact "$ID" "By an unknown worker" --worker nobody
assert_exit 2
assert_stderr_contains "nobody"
assert_stderr_contains "aoki"
CASELOAD_WORKER=nobody run --root "$S" contact "$ID" "By an unknown worker"
assert_exit 2
assert_stderr_contains "CASELOAD_WORKER"

copy_examples ag
run --root ag contact E3N6WC "Visit by Ingrid" --worker berg --kind visit --date 2026-11-23T11:00
assert_exit 0
event_file F ag/clients/E3N6WC/contacts 2026-11-23T1100-visit
assert_file_line "$F" "worker: berg"
CASELOAD_WORKER=cruz run --root ag contact E3N6WC "Call by Paolo" --date 2026-11-23T12:00
assert_exit 0
event_file F ag/clients/E3N6WC/contacts 2026-11-23T1200-call
assert_file_line "$F" "worker: cruz"
CASELOAD_WORKER=cruz run --root ag contact E3N6WC "The flag wins" --worker dewi --date 2026-11-23T13:00
assert_exit 0
event_file F ag/clients/E3N6WC/contacts 2026-11-23T1300-call
assert_file_line "$F" "worker: dewi"

# --- naming the client ----------------------------------------------------------
n_contacts() { find ag/clients -path '*/contacts/*' -type f | wc -l; }
run --root ag contact 9gq "By a lower-case ID prefix" --date 2026-11-23T08:00
assert_exit 0
assert_event_name "$out" "clients/9GQ2TF/contacts/2026-11-23T0800-call"
assert_exists "ag/$out"
run --root ag contact "Lars Haugen" "By the full name" --date 2026-11-23T08:00
assert_exit 0
assert_stdout_contains "clients/V8KX4J/"
run --root ag contact jose "Without the accent" --date 2026-11-23T08:00
assert_exit 0
assert_stdout_contains "clients/X4C8PG/"
run --root ag contact "MARIA MÄKINEN" "Upper case" --date 2026-11-23T08:00
assert_exit 0
assert_stdout_contains "clients/M6VHQ2/"
run --root ag contact "মোহাম্মদ করিম" "Bengali name" --date 2026-11-23T08:00
assert_exit 0
assert_stdout_contains "clients/T5YB0R/"
before=$(n_contacts)
run --root ag contact maria "Which Maria?"
assert_exit 1
assert_stderr_contains "7RJ5NB"
assert_stderr_contains "Maria Santos"
assert_stderr_contains "M6VHQ2"
assert_stderr_contains "Maria Mäkinen"
run --root ag contact "Nobody Known" "No one"
assert_exit 1
assert_stderr_contains "Nobody Known"
run --root ag contact ZZZZZZ "No such ID"
assert_exit 1
assert_eq "$before" "$(n_contacts)" "contacts after failed commands"

# --- 20 concurrent writers, same client, date, time and kind -----------------------
pids=()
for i in $(seq 1 20); do
  "$CASELOAD" --root "$S" contact "$ID" "Parallel $i" --kind office --date 2026-11-18T10:00 \
    >"$T/par.$i.out" 2>"$T/par.$i.err" </dev/null &
  pids+=($!)
done
failed=0
for i in "${!pids[@]}"; do
  wait "${pids[$i]}" || { failed=$((failed + 1)); cat "$T/par.$((i + 1)).err" >&2; }
done
assert_eq 0 "$failed" "failed concurrent contact commands"
assert_eq 20 "$(ls "$D" | grep -c '^2026-11-18T1000-office')" "files from 20 concurrent contacts"
assert_eq 20 "$(ls "$D" | grep -cE "^2026-11-18T1000-office-$NAME_SUFFIX_RE\.yaml\$")" "files from 20 concurrent contacts with a suffix"
assert_eq 20 "$(cat "$T"/par.*.out | sort -u | wc -l)" "distinct paths printed"
assert_eq "$(cd "$S" && ls clients/"$ID"/contacts/2026-11-18T1000-office* | LC_ALL=C sort)" \
  "$(cat "$T"/par.*.out | LC_ALL=C sort)" "paths printed by 20 concurrent contacts"
for i in $(seq 1 20); do
  _check
  [ "$(grep -lxF "summary: Parallel $i" "$D"/2026-11-18T1000-office*.yaml | wc -l)" = 1 ] ||
    fail "summary 'Parallel $i' is not in exactly one file"
done

# Everything written is valid and canonical; nothing temporary is left.
run --root "$S" check
assert_exit 0
run --root "$S" fmt --check
assert_exit 0
run --root ag check
assert_exit 0
assert_eq "" "$(find "$S" ag -name '.*.tmp-*')" "temporary files left behind"

# --- a prefix that names a client whose record is broken ----------------------------
# The folder exists but client.yaml cannot be parsed; "no client matches" would
# send the worker looking in the wrong place: say which file is broken, and where.
printf 'id: A1HM7Z\nname: [Emily Carter\nstatus: open\n' >ag/clients/A1HM7Z/client.yaml
run --root ag contact A1H "Prefix of a broken record"
assert_exit 1
assert_stderr_contains "clients/A1HM7Z/client.yaml:"

pass
