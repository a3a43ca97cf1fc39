# caseload intake: new clients, multilingual names in NFC, intake assessments,
# usage errors, duplicates, dates in every command-line form, root discovery.
source "$TESTLIB"

new_store s
S=$T/s
export CASELOAD_TODAY=2026-11-23
ID_RE='^[0-9A-HJKMNP-TV-Z]{6}$'   # Crockford base32: no I, L, O, U

client_count() { find "$S/clients" -mindepth 1 -maxdepth 1 -type d | wc -l; }

# --- missing --name without a terminal -------------------------------------
run --root "$S" intake --no-input
assert_exit 2
assert_stderr_contains "--name"
run --root "$S" intake --born 1980 </dev/null
assert_exit 2
assert_stderr_contains "--name"
run --root "$S" intake --name "   " --no-input
assert_exit 2
# A birth date whose day does not exist is named as such.
run --root "$S" intake --name "Jun Reyes" --household "Jun-jun:child:2016-02-30" --no-input
assert_exit 2
assert_stderr_contains "born '2016-02-30' is not a date"
assert_stderr_contains "the month and day must exist"
assert_eq 0 "$(client_count)" "clients after refused intakes"

# --- a client with every field --------------------------------------------
run --root "$S" intake --name "Siti Rahayu" --preferred-name Siti --external-id 2026-00142 \
  --born 1984-03-09 --language id --language en --phone "+62 812 5550 1234" --email siti@example.org \
  --address "Jl. Melati 12
Bandung" --household "Adi:child:2015-06-01" --risk high --contact-every 14d --tag family --tag priority \
  --notes "Prefers SMS." --score housing=2 --score food=1 --need housing --need food \
  --strengths "Strong family support."
assert_exit 0
assert_stdout_matches "$ID_RE"
assert_eq 1 "$(wc -l <"$T/stdout")" "lines printed by intake"
SITI=$out
F=$S/clients/$SITI/client.yaml
assert_exists "$F"
# An ID is written plain unless a YAML reader would take it for a number
# (123456, 12E345), which is quoted.
if [[ $SITI =~ ^[0-9]*(E[0-9]+)?$ ]]; then ID_LINE="id: \"$SITI\""; else ID_LINE="id: $SITI"; fi
assert_file_line "$F" "$ID_LINE"
assert_file_line "$F" "name: Siti Rahayu"
assert_file_line "$F" "preferred_name: Siti"
assert_file_line "$F" 'external_id: "2026-00142"'
assert_file_line "$F" "born: 1984-03-09"
assert_file_line "$F" "language: [id, en]"
assert_file_line "$F" 'phone: "+62 812 5550 1234"'
assert_file_line "$F" "email: siti@example.org"
assert_file_line "$F" "address: |"
assert_file_line "$F" "  Jl. Melati 12"
assert_file_line "$F" "  Bandung"
assert_file_line "$F" "  - {name: Adi, relation: child, born: 2015-06-01}"
assert_file_line "$F" "worker: aoki"
assert_file_line "$F" "risk: high"
assert_file_line "$F" "status: open"
assert_file_line "$F" "opened: 2026-11-23"
assert_file_line "$F" "contact_every: 14d"
assert_file_line "$F" "tags: [family, priority]"
assert_file_line "$F" "  Prefers SMS."
assert_eq "$ID_LINE" "$(head -n 1 "$F")" "first line of client.yaml"
assert_mode "$S/clients/$SITI" 700
assert_mode "$F" 600

# The intake assessment: assessments/2026-11-23-k3vd.yaml (a random suffix).
event_file A "$S/clients/$SITI/assessments" 2026-11-23
assert_eq 1 "$(ls "$S/clients/$SITI/assessments" | wc -l)" "files in assessments/ after intake"
assert_mode "$S/clients/$SITI/assessments" 700
assert_mode "$A" 600
assert_file_line "$A" "date: 2026-11-23"
assert_file_line "$A" "kind: intake"
assert_file_line "$A" "worker: aoki"
assert_file_line "$A" "scores:"
assert_file_line "$A" "needs: [housing, food]"
assert_file_contains "$A" "Strong family support."

# Without scores, needs or strengths there is no assessment file.
run --root "$S" intake --name "Dewi Lestari"
assert_exit 0
assert_stdout_matches "$ID_RE"
assert_not_exists "$S/clients/$out/assessments"

# --- multilingual names, stored as given (NFC) ----------------------------
for name in "মোহাম্মদ করিম" "Päivi Hämäläinen" "Åse Østby" "Ligaya Dela Cruz-Niño" "Nur Aisyah binti Abdullah"; do
  run --root "$S" intake --name "$name"
  assert_exit 0
  assert_stdout_matches "$ID_RE"
  assert_file_line "$S/clients/$out/client.yaml" "name: $name"
done
# A decomposed name ("e" + U+0301) is stored composed (U+00E9, bytes C3 A9).
run --root "$S" intake --name "$(printf 'Jose\xcc\x81 Villanueva')" --born 1981-05-30
assert_exit 0
JOSE=$out
assert_file_line "$S/clients/$JOSE/client.yaml" "$(printf 'name: Jos\xc3\xa9 Villanueva')"
assert_file_not_contains "$S/clients/$JOSE/client.yaml" "$(printf '\xcc\x81')"

# No client's name appears in any path of the store.
paths=$(cd "$S" && find . | LC_ALL=C sort)
for word in Siti Rahayu Dewi করিম Päivi Hämäläinen Åse Østby Ligaya Niño Aisyah Jos Villanueva; do
  _check
  ! grep -qiF -- "$word" <<<"$paths" || fail "a path carries the name '$word'"
done

# --- scores, needs and their errors ---------------------------------------
n=$(client_count)
run --root "$S" intake --name "Bad Score" --score housing=9
assert_exit 2
assert_stderr_contains "housing=9"
for level in "1 (in crisis)" "3 (safe)" "5 (empowered)"; do assert_stderr_contains "$level"; done
run --root "$S" intake --name "Bad Domain" --score hosuing=2
assert_exit 2
assert_stderr_contains "hosuing"
assert_stderr_contains "housing"
assert_stderr_contains "mental-health"
run --root "$S" intake --name "Bad Need" --need nope
assert_exit 2
assert_stderr_contains "nope"
assert_stderr_contains "food"
run --root "$S" intake --name "No Level" --score housing
assert_exit 2
run --root "$S" intake --name "Bad Risk" --risk extreme
assert_exit 2
run --root "$S" intake --name "Bad Born" --born 1984-02-30
assert_exit 2
assert_stderr_contains "--born"
run --root "$S" intake --name "Bad Language" --language "not a tag"
assert_exit 2
run --root "$S" intake --name "$(printf 'Two\nLines')"
assert_exit 2
assert_eq "$n" "$(client_count)" "clients after usage errors"

# --- duplicates: same name (any case, accents composed) and birth date -----
run --root "$S" intake --name "Siti Rahayu" --born 1984-03-09
assert_exit 1
assert_stderr_contains "$SITI"
assert_stderr_contains "--allow-duplicate"
run --root "$S" intake --name "SITI  rahayu" --born 1984-03-09
assert_exit 1
run --root "$S" intake --name "José Villanueva" --born 1981-05-30
assert_exit 1
assert_stderr_contains "$JOSE"
assert_eq "$n" "$(client_count)" "clients after refused duplicates"
run --root "$S" intake --name "Siti Rahayu" --born 1984-03-10
assert_exit 0
run --root "$S" intake --name "Siti Rahayu" --born 1984-03-09 --allow-duplicate
assert_exit 0
assert_stdout_matches "$ID_RE"
assert_eq $((n + 2)) "$(client_count)" "clients after allowed intakes"

# --- dates on the command line, as of 2026-11-23 (a Monday) ----------------
unset CASELOAD_TODAY
opened_for() {  # DATE-ARG EXPECTED
  run --root "$S" --today 2026-11-23 intake --name "Date Test" --opened "$1"
  assert_exit 0
  assert_file_line "$S/clients/$out/client.yaml" "opened: $2"
}
# A date after today is refused, naming the date it resolved to.
opened_after_today() {  # DATE-ARG EXPECTED
  run --root "$S" --today 2026-11-23 intake --name "Date Test" --opened "$1"
  assert_exit 2
  assert_stderr_contains "--opened: the opening date cannot be in the future ($2 is after today, 2026-11-23)"
}
opened_for 2026-11-20 2026-11-20
opened_for today 2026-11-23
opened_after_today tomorrow 2026-11-24
opened_for yesterday 2026-11-22
opened_after_today +3d 2026-11-26
opened_for -2w 2026-11-09
opened_after_today +1m 2026-12-23
opened_after_today +1y 2027-11-23
opened_after_today fri 2026-11-27
opened_after_today mon 2026-11-30   # the next Monday, never today
opened_after_today sun 2026-11-29
opened_after_today eow 2026-11-29
opened_after_today eom 2026-11-30
# The date an assessment gets is the opening date.
run --root "$S" --today 2026-11-23 intake --name "Dated Score" --opened yesterday --score food=3
assert_exit 0
event_file DA "$S/clients/$out/assessments" 2026-11-22
assert_eq 1 "$(ls "$S/clients/$out/assessments" | wc -l)" "files in assessments/ after a dated intake"
assert_file_line "$DA" "date: 2026-11-22"
# Months clamp to the month's last day.
run --root "$S" --today 2026-03-31 intake --name "Clamp" --opened -1m
assert_exit 0
assert_file_line "$S/clients/$out/client.yaml" "opened: 2026-02-28"
# CASELOAD_TODAY says what today is; --today wins over it.
CASELOAD_TODAY=2026-03-10 run --root "$S" intake --name "Env Today"
assert_exit 0
assert_file_line "$S/clients/$out/client.yaml" "opened: 2026-03-10"
CASELOAD_TODAY=2026-03-10 run --root "$S" --today 2026-04-01 intake --name "Flag Today" --opened yesterday
assert_exit 0
assert_file_line "$S/clients/$out/client.yaml" "opened: 2026-03-31"
# A bad date is a usage error that shows the accepted forms.
n=$(client_count)
for bad in 2026-02-30 2026-13-01 someday +3x 26-11-23; do
  run --root "$S" --today 2026-11-23 intake --name "Bad Date" --opened "$bad"
  assert_exit 2
  assert_stderr_contains "--opened"
  assert_stderr_contains "YYYY-MM-DD"
  assert_stderr_contains "tomorrow"
  assert_stderr_contains "+3d"
  assert_stderr_contains "eom"
done
run --root "$S" --today notadate intake --name "Bad Today"
assert_exit 2
assert_stderr_contains "--today"
assert_stderr_contains "YYYY-MM-DD"
CASELOAD_TODAY=notadate run --root "$S" intake --name "Bad Today"
assert_exit 2
assert_stderr_contains "CASELOAD_TODAY"
assert_eq "$n" "$(client_count)" "clients after bad dates"

# --- root discovery ---------------------------------------------------------
export CASELOAD_TODAY=2026-11-23
run --root "$S" intake --name "By Root"
assert_exit 0
assert_exists "$S/clients/$out/client.yaml"
CASELOAD_ROOT=$S run intake --name "By Env"
assert_exit 0
assert_exists "$S/clients/$out/client.yaml"
cd "$S/clients/$SITI/assessments"
run intake --name "By Walking Up"
assert_exit 0
assert_exists "$S/clients/$out/client.yaml"
cd "$T"
# --root wins over CASELOAD_ROOT.
new_store other
CASELOAD_ROOT=$S run --root "$T/other" intake --name "Root Wins"
assert_exit 0
assert_exists "$T/other/clients/$out/client.yaml"
# No store: exit 1 with a hint.
mkdir -p nostore/deeper
cd nostore/deeper
run intake --name "Nowhere"
assert_exit 1
assert_stderr_contains "caseload.yaml"
assert_stderr_contains "init"
cd "$T"
run --root "$T/nostore" intake --name "Nowhere"
assert_exit 1
assert_stderr_contains "--root"
CASELOAD_ROOT=$T/nostore run intake --name "Nowhere"
assert_exit 1
assert_stderr_contains "CASELOAD_ROOT"
assert_not_exists "$T/nostore/clients"

# Ten intakes at once: ten distinct IDs, ten records.
new_store par
pids=()
for i in $(seq 1 10); do
  "$CASELOAD" --root par intake --name "Parallel $i" >"$T/par.$i" 2>&1 </dev/null &
  pids+=($!)
done
for p in "${pids[@]}"; do wait "$p" || fail "a concurrent intake failed: $(cat "$T"/par.*)"; done
_check
assert_eq 10 "$(cat "$T"/par.* | grep -E "$ID_RE" | sort -u | wc -l)" "distinct IDs from concurrent intakes"
assert_eq 10 "$(ls par/clients | wc -l)" "clients after concurrent intakes"

# Everything intake wrote is valid.
run --root "$S" check
assert_exit 3  # the --allow-duplicate client is reported as a duplicate
assert_stdout_contains "duplicate"
assert_eq 1 "$(grep -c ': error: ' "$T/stdout")" "errors in check after intakes"

# --- scores are integers on the scale (SPEC 2: housing: 2, not "2") --------
assert_file_line "$A" "  housing: 2"
assert_file_line "$A" "  food: 1"

pass
