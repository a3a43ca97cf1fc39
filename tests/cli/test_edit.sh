# caseload edit: the editor runs through the shell; a valid result is saved
# as written; an invalid one never replaces the record and is kept.
source "$TESTLIB"

copy_examples s
S=$T/s
export CASELOAD_ROOT=$S CASELOAD_TODAY=2026-11-23
F=$S/clients/3FZK8R/client.yaml
cp "$F" "$T/orig.yaml"

# A valid edit, by an "editor" that is a shell command line with arguments.
EDITOR="sed -i -e 's/^risk: high/risk: medium/'" run edit siti
assert_exit 0
assert_stdout_contains "Saved clients/3FZK8R/client.yaml"
assert_file_line "$F" "risk: medium"
assert_mode "$F" 600
# VISUAL wins over EDITOR.
VISUAL="sed -i -e 's/^risk: medium/risk: high/'" EDITOR=false run edit 3FZK8R
assert_exit 0
assert_same_bytes "$T/orig.yaml" "$F"

# No change: nothing written.
EDITOR=true run edit siti
assert_exit 0
assert_stdout_contains "No changes."

# An invalid result without a terminal: exit 1, the record untouched, the
# edit kept where the message says.
EDITOR="sed -i -e 's/^status: open/status: opne/'" run edit siti
assert_exit 1
assert_stderr_contains "clients/3FZK8R/client.yaml:"
assert_stderr_contains "'status': not one of: open, closed; did you mean 'open'?"
assert_same_bytes "$T/orig.yaml" "$F"
kept=$(sed -n 's/.*your edit is kept in \([^;]*\);.*/\1/p' "$T/stderr")
assert_exists "$kept"
assert_file_contains "$kept" "status: opne"

# A broken YAML edit likewise.
EDITOR="sh -c 'printf \"name: [oops\\n\" >> \"\$1\"' sh" run edit siti
assert_exit 1
assert_stderr_contains "YAML syntax"
assert_same_bytes "$T/orig.yaml" "$F"

# A failing editor changes nothing.
EDITOR=false run edit siti
assert_exit 1
assert_same_bytes "$T/orig.yaml" "$F"

# Other files of the folder, and nothing outside it.
EDITOR="sed -i -e 's/^review: 2026-12-14/review: 2026-12-21/'" run edit siti plan.yaml
assert_exit 0
assert_file_line "$S/clients/3FZK8R/plan.yaml" "review: 2026-12-21"
EDITOR=true run edit siti contacts/2026-11-09T1030-office.yaml
assert_exit 0
for bad in ../../caseload.yaml /etc/passwd contacts/../../B9T3KS/client.yaml notes.txt; do
  EDITOR=true run edit siti "$bad"
  assert_exit 2
done
EDITOR=true run edit siti contacts/2026-01-01T0000-call.yaml
assert_exit 1
assert_stderr_contains "no file"

# Hand edits are first-class: a valid but non-canonical edit is kept as written.
EDITOR="sed -i -e 's/^risk: high/risk:    high   # user comment/'" run edit siti
assert_exit 0
assert_file_line "$F" "risk:    high   # user comment"
# A client.yaml that cannot be parsed stops other commands, with a hint to
# edit it; edit itself opens it, as that is how it gets fixed.
cp "$F" "$T/before-break.yaml"
sed -i -e '1a\  oops: [unclosed' "$F"
run show 3FZK8R
assert_exit 1
assert_stderr_contains "clients/3FZK8R/client.yaml:"
assert_stderr_contains "caseload edit 3FZK8R"
assert_file_not_contains "$T/stderr" "nothing was changed"
EDITOR="sed -i -e '/oops/d'" run edit 3FZK8R
assert_exit 0
assert_same_bytes "$T/before-break.yaml" "$F"
run show 3FZK8R
assert_exit 0
pass
