# examples/cron/caseload-daily: one report per worker, to files or by mail.
source "$TESTLIB"

DAILY=$EXAMPLES/cron/caseload-daily
export CASELOAD CASELOAD_TODAY=2026-11-23

bash "$DAILY" "$EXAMPLES/agency" "$T/reports" 2>"$T/err"
assert_eq 0 "$?" "exit status"
assert_eq "2026-11-23-aoki.md
2026-11-23-berg.md
2026-11-23-cruz.md
2026-11-23-dewi.md" "$(ls "$T/reports")" "one report per worker with open clients"
assert_mode "$T/reports/2026-11-23-aoki.md" 600
assert_file_line "$T/reports/2026-11-23-aoki.md" "# Follow-ups 2026-11-23"
assert_file_contains "$T/reports/2026-11-23-berg.md" "E3N6WC"
assert_file_not_contains "$T/reports/2026-11-23-berg.md" "2DPY7W"   # aoki's client

# Mail: a stand-in mail(1) records what it was given.
mkdir "$T/bin"
cat > "$T/bin/mail" <<'SH'
#!/bin/sh
{ echo "to=$3 subject=$2"; cat; } >> "$MAILBOX"
SH
chmod +x "$T/bin/mail"
MAILBOX=$T/mailbox PATH="$T/bin:$PATH" MAIL_DOMAIN=example.org bash "$DAILY" "$EXAMPLES/agency"
assert_eq 0 "$?" "exit status when mailing"
assert_eq 4 "$(grep -c '^to=' "$T/mailbox")" "four mails"
assert_file_contains "$T/mailbox" "to=aoki@example.org subject=Follow-ups 2026-11-23"
assert_file_contains "$T/mailbox" "# Follow-ups 2026-11-23"

bash "$DAILY" "$EXAMPLES/agency" 2>"$T/err"
assert_eq 2 "$?" "no destination"
pass
