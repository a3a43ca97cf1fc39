# --version, --help on every command, usage errors and exit codes.
source "$TESTLIB"

run --version
assert_exit 0
assert_stdout_matches '^caseload [0-9]+\.[0-9]+\.[0-9]+'
assert_stdout_contains 'Licence: Apache-2.0'
assert_stderr_empty

run --help
assert_exit 0
for cmd in init intake close reopen contact schedule check fmt; do
  assert_stdout_contains "$cmd"
done
assert_stdout_contains "--root"
assert_stdout_contains "--today"
assert_stdout_contains "--no-input"
assert_stdout_contains "Exit status"

# --help on every subcommand: exit 0, usage on stdout, no store needed.
mkdir empty
cd empty
for cmd in init intake close reopen contact schedule check fmt; do
  run "$cmd" --help
  assert_exit 0
  assert_stdout_contains "$cmd"
  assert_stdout_contains "--help"
done
assert_eq "" "$(ls -A)" "files created by --help"
run intake --help
assert_stdout_contains "--name"
assert_stdout_contains "--score"
assert_stdout_contains "--allow-duplicate"
run contact --help
assert_stdout_contains "--kind"
assert_stdout_contains "--text"
run close --help
assert_stdout_contains "--reason"
run fmt --help
assert_stdout_contains "--check"
cd "$T"

# --- usage errors exit 2 ---------------------------------------------------------
new_store s
run --root s
assert_exit 2
run --root s frobnicate
assert_exit 2
run --root s check --bogus
assert_exit 2
assert_stderr_contains "--bogus"
run --root s --bogus check
assert_exit 2
assert_stderr_contains "--bogus"
run --root s contact
assert_exit 2
run --root s contact ZZZZZZ
assert_exit 2
run --root s close ZZZZZZ
assert_exit 2
run --root s reopen
assert_exit 2
run --root s schedule ZZZZZZ tomorrow
assert_exit 2
run --root s check extra-argument
assert_exit 2
run --root s --color sometimes check
assert_exit 2
run --root s intake --name "X" --risk extreme
assert_exit 2
run --root s intake --name
assert_exit 2
assert_eq 0 "$(ls s/clients | wc -l)" "clients after usage errors"

# --- other exit codes -----------------------------------------------------------------
run --root s check
assert_exit 0
run --root s contact ZZZZZZ "No such client"
assert_exit 1
assert_stderr_contains "ZZZZZZ"
run --root "$T/empty" check
assert_exit 1
# Errors go to stderr, prefixed with the program's name; stdout stays clean.
assert_stdout_empty
assert_stderr_matches '^caseload: '
# Global options may come after the subcommand too.
run check --root s
assert_exit 0
# -q: nothing on stdout for commands that only confirm.
CASELOAD_TODAY=2026-11-23 run --root s intake --name "Quiet Person"
assert_exit 0
ID=$out
run --root s -q close "$ID" --reason "Done"
assert_exit 0
assert_stdout_empty
run --root s --quiet reopen "$ID" --reason "Back"
assert_exit 0
assert_stdout_empty

# The parser's own complaints read like every usage error: prefix, hint, exit 2.
run --root s followups --bogus
assert_exit 2
assert_stderr_contains "caseload: usage: unexpected argument: --bogus"
assert_stderr_contains "hint: \`caseload followups --help\`"
run --root s show
assert_exit 2
assert_stderr_contains "caseload: usage: client is required"
run --root s --help
assert_exit 0
assert_stdout_contains "Usage: caseload"

# An unknown subcommand is named in the message (not "a subcommand is required").
run --root s frobnicate
assert_exit 2
assert_stderr_contains "frobnicate"

pass
