# A record that cannot be read never makes a client vanish (issue 14): every
# store-wide output names it, in the output itself and in every format, with
# its place and the command that fixes it.
source "$TESTLIB"

copy_examples ag
export CASELOAD_TODAY=2026-11-23
# Siti Rahayu (3FZK8R, aoki) has a plan with tasks and a referral due today.
# Her client.yaml breaks: an unclosed quote.
printf 'id: 3FZK8R\nname: "Siti\n' > ag/clients/3FZK8R/client.yaml
# Maria Santos (7RJ5NB, cruz): her plan breaks, her other items still count.
printf 'goals:\n  - id: g1\n   text: bad indent\n' > ag/clients/7RJ5NB/plan.yaml

# --- followups: an item of kind unreadable, today, first ---------------------
run --root ag followups --format csv
assert_exit 0
# Today's first two items, before everything else of the day (a high-risk
# client's plan before a client of unknown risk).
assert_eq "2026-11-23,unreadable,7RJ5NB
2026-11-23,unreadable,3FZK8R" "$(grep '^2026-11-23,' "$T/stdout" | head -2 | cut -d, -f1-3)" "the unreadable files first today"
assert_stdout_contains ',clients/3FZK8R/client.yaml,0'
assert_stdout_matches '^2026-11-23,unreadable,7RJ5NB,Maria Santos,cruz,high,fix with `caseload edit 7RJ5NB plan.yaml`: .* \(clients/7RJ5NB/plan.yaml:3:[0-9]+\),,clients/7RJ5NB/plan.yaml,0,$'
# Maria's other items are still there (her referral follow-up, her report).
assert_stdout_matches '^[0-9-]+,referral,7RJ5NB,'
assert_stdout_matches '^[0-9-]+,report,7RJ5NB,'
# The warning on stderr stays, for people who read it.
assert_stderr_contains "clients/3FZK8R/client.yaml"

run --root ag followups
assert_exit 0
assert_stdout_contains "unreadable"
assert_stdout_contains "caseload edit 3FZK8R"
# The first two rows of today's section.
assert_eq "unreadable
unreadable" "$(sed -n '/^Today/,$p' "$T/stdout" | sed -n 2,3p | grep -o unreadable)" "today's first rows"

run --root ag followups --format json
assert_exit 0
assert_stdout_contains '"kind": "unreadable"'
assert_stdout_contains '"ref": null'

run --root ag followups --format md
assert_stdout_contains "unreadable"
run --root ag followups --format ics
assert_stdout_contains "clients/3FZK8R/client.yaml"

# Every filter that could hide it: a date range in the future, a worker.
# Whose client 3FZK8R is cannot be read, so every worker hears of it.
run --root ag followups --from +3d --until +10d --format csv
assert_stdout_contains "2026-11-23,unreadable,3FZK8R"
run --root ag followups --worker berg --format csv
assert_stdout_contains "unreadable,3FZK8R"
assert_file_not_contains "$T/stdout" "unreadable,7RJ5NB"  # Maria is cruz's: her worker is known
run --root ag followups --worker cruz --format csv
assert_stdout_contains "unreadable,7RJ5NB"
run --root ag followups --kind unreadable --format csv
assert_eq 3 "$(wc -l < "$T/stdout")" "header + the two unreadable files"
run --root ag followups --client 7RJ5NB --format csv
assert_stdout_contains "unreadable,7RJ5NB"
assert_file_not_contains "$T/stdout" "3FZK8R"

# The daily report script mails it like any other item.
mkdir out
bash "$EXAMPLES/cron/caseload-daily" ag out >/dev/null 2>&1
grep -l "3FZK8R" out/*.md > /dev/null || fail "the daily report names the unreadable client"

# --- list: its own section, and a row with status unreadable for scripts -----
run --root ag list
assert_exit 0
assert_stdout_contains "Cannot be read (1)"
assert_stdout_matches '^3FZK8R +clients/3FZK8R/client.yaml:[0-9]+:[0-9]+ +.*caseload edit 3FZK8R'
run --root ag list --worker berg
assert_stdout_contains "Cannot be read (1)"
run --root ag list --format csv
assert_stdout_contains "3FZK8R,,,unreadable,,,,,,"
run --root ag list --format json
assert_stdout_contains '"status": "unreadable"'

# --- find: the unreadable client could be the one looked for ----------------
run --root ag find siti
assert_stdout_contains "Cannot be read (1)"
assert_stdout_contains "3FZK8R"
run --root ag find jose --format csv
assert_exit 0
assert_stdout_contains "3FZK8R,,,,,unreadable"
run --root ag find nobody-has-this-name
assert_exit 1
assert_stdout_contains "3FZK8R"

# --- fixed, it is gone --------------------------------------------------------
cp "$EXAMPLES/agency/clients/3FZK8R/client.yaml" ag/clients/3FZK8R/client.yaml
cp "$EXAMPLES/agency/clients/7RJ5NB/plan.yaml" ag/clients/7RJ5NB/plan.yaml
run --root ag followups --format csv
assert_file_not_contains "$T/stdout" "unreadable"
run --root ag list
assert_file_not_contains "$T/stdout" "Cannot be read"

pass
