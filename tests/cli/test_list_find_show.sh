# caseload list, find and show on the demo store (read-only).
source "$TESTLIB"

A=$EXAMPLES/agency
export CASELOAD_TODAY=2026-11-23
before=$(snapshot "$A")

# --- list -----------------------------------------------------------------
run --root "$A" list
assert_exit 0
assert_stdout_matches '^ID +NAME +WORKER +OPENED +LAST CONTACT +NEXT DUE$'
assert_eq 14 "$(wc -l < "$T/stdout")" "header + 13 open clients"
assert_file_not_contains "$T/stdout" "Ligaya Bautista"   # closed
run --root "$A" list --status closed --format csv
assert_eq 4 "$(wc -l < "$T/stdout")" "header + 3 closed clients"
assert_stdout_contains "B9T3KS,Ligaya Bautista,cruz,closed"
run --root "$A" list --status all --format json
assert_exit 0
assert_eq 16 "$(grep -c '"id":' "$T/stdout")" "all clients in JSON"
# Sorted by ID, with the SPEC's fields in order.
assert_eq "$(grep '"id":' "$T/stdout" | sort)" "$(grep '"id":' "$T/stdout")" "JSON sorted by ID"
# A mistyped worker is a usage error naming the known ones, not an empty list.
run --root "$A" list --worker zed
assert_exit 2
assert_stderr_contains "unknown worker 'zed'"
assert_stderr_contains "berg"
run --root "$A" list --format json --worker berg
assert_eq '[
  {
    "id": "E3N6WC",
    "name": "Åse Østby",
    "worker": "berg",
    "status": "open",
    "risk": "medium",
    "opened": "2026-05-18",
    "closed": null,
    "last_contact": "2026-11-02",
    "next_due": "2026-08-16",
    "tags": ["senior", "lives-alone"]
  },' "$(head -13 "$T/stdout")" "first client of berg in JSON"
run --root "$A" list --tag priority --format csv
assert_stdout_contains "3FZK8R,Siti Rahayu"
run --root "$A" list --status maybe
assert_exit 2
run --root "$A" list --format ics
assert_exit 2

# --- find -----------------------------------------------------------------
run --root "$A" find maria
assert_exit 0
assert_stdout_contains "7RJ5NB"
assert_stdout_contains "M6VHQ2"
run --root "$A" find jose --format csv
assert_eq 'id,name,preferred_name,external_id,phone,status
X4C8PG,José Villanueva,,2026-00163,'"'"'+358 41 555 0163,open' "$out" "accent-insensitive find"  # a phone starting with + is marked (OWASP)
run --root "$A" find "ÅSE"
assert_stdout_contains "E3N6WC"
run --root "$A" find "ostby"
assert_stdout_contains "E3N6WC"
run --root "$A" find "ＭＡＲＩＡ"   # full-width letters
assert_stdout_contains "7RJ5NB"
run --root "$A" find "বেগম"
assert_stdout_contains "9GQ2TF"
run --root "$A" find 2026-00142
assert_stdout_contains "3FZK8R"
run --root "$A" find "555 0163"
assert_stdout_contains "X4C8PG"
run --root "$A" find "zzzz nobody"
assert_exit 1
assert_stderr_contains "no client matches"

# --- show -----------------------------------------------------------------
run --root "$A" show 3FZK8R
assert_exit 0
assert_stdout_contains "Siti Rahayu (Siti)  3FZK8R"
assert_stdout_contains "housing             2 → 3"
assert_stdout_contains "Plan (review 2026-12-14)"
assert_stdout_contains "t3 Kirim slip gaji Oktober"
assert_stdout_contains "(overdue)"
assert_stdout_contains "2026-09-25-daycare-majakka  accepted  follow-up 2026-11-23"
assert_stdout_contains "Next follow-ups"
assert_stdout_contains "Last contacts"
run --root "$A" show 3fz          # unique prefix, any case
assert_exit 0
assert_stdout_contains "3FZK8R"
run --root "$A" show "josé villanueva"
assert_stdout_contains "X4C8PG"
run --root "$A" show maria
assert_exit 1
assert_stderr_contains "7RJ5NB  Maria Santos"
assert_stderr_contains "M6VHQ2  Maria Mäkinen"
run --root "$A" show "maria s"
assert_exit 0
assert_stdout_contains "7RJ5NB"
run --root "$A" show ZZZZZZ
assert_exit 1
assert_stderr_contains "no client matches"
run --root "$A" show B9T3KS   # closed clients can be shown
assert_exit 0
assert_stdout_contains "closed 2026-10-30"

# Reading never writes.
assert_eq "$before" "$(snapshot "$A")" "demo store unchanged"
pass
