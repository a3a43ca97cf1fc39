# A key a typo away from a known key of its record (or nested entry) is a
# warning in `check` and `edit`, which offers to re-open the editor; other
# unknown keys are the user's own fields and pass without a word.
source "$TESTLIB"

copy_examples s
S=$T/s
export CASELOAD_ROOT=$S CASELOAD_TODAY=2026-11-23
F=$S/clients/3FZK8R/client.yaml
P=$S/clients/3FZK8R/plan.yaml
cp "$F" "$T/orig.yaml"

# --- check -------------------------------------------------------------------------
sed -i 's/^risk: high$/rsik: high/' "$F"
L_RISK=$(grep -n '^rsik:' "$F" | cut -d: -f1)
sed -i '0,/^        due: /s//        deu: /' "$P"
L_DUE=$(grep -n '^        deu:' "$P" | cut -d: -f1)
# The user's own fields: a short one two edits from 'name', a long one far
# from everything, and a near miss next to the key itself.
printf 'note: x\npets: 2\nhousing_history: x\nstatu: x\n' >>"$F"
run check
assert_exit 0
assert_stdout_contains "clients/3FZK8R/client.yaml:$L_RISK:1: warning: unknown key; did you mean 'risk'?"
assert_stdout_contains "clients/3FZK8R/plan.yaml:$L_DUE:9: warning: task: unknown key; did you mean 'due'?"
_check
[ "$(grep -c 'unknown key' "$T/stdout")" -eq 2 ] || fail "only the two typos are reported"
# A key in a nested map (caseload.yaml's defaults).
sed -i 's/^  contact_every:/  contact_evry:/' "$S/caseload.yaml"
L_EVERY=$(grep -n '^  contact_evry:' "$S/caseload.yaml" | cut -d: -f1)
run check
assert_stdout_contains "caseload.yaml:$L_EVERY:3: warning: unknown key; did you mean 'contact_every'?"
sed -i 's/^  contact_evry:/  contact_every:/' "$S/caseload.yaml"
cp "$T/orig.yaml" "$F"

# --- edit --------------------------------------------------------------------------
# Without a terminal the warning is printed and the edit is saved as written.
EDITOR="sed -i -e 's/^risk: high/rsik: high/'" run edit siti
assert_exit 0
assert_stderr_contains "clients/3FZK8R/client.yaml:$L_RISK:1: warning: unknown key; did you mean 'risk'?"
assert_stdout_contains "Saved clients/3FZK8R/client.yaml"
assert_file_line "$F" "rsik: high"
cp "$T/orig.yaml" "$F"

# In a terminal it offers to re-open: the first run makes the typo, the
# second (after "y") fixes it, and what is saved has no warning.
cat >"$T/editor" <<'EOF'
#!/bin/sh
n=$(cat "$0.runs" 2>/dev/null || echo 0)
echo $((n + 1)) >"$0.runs"
if [ "$n" = 0 ]; then sed -i 's/^risk: high/rsik: medium/' "$1"; else sed -i 's/^rsik: medium/risk: medium/' "$1"; fi
EOF
chmod +x "$T/editor"
printf 'y\n' | EDITOR="$T/editor" script -qec "'$CASELOAD' edit siti" /dev/null >"$T/tty.out" 2>&1
assert_file_contains "$T/tty.out" "warning: unknown key; did you mean 'risk'?"
assert_file_contains "$T/tty.out" "Re-open the editor to fix it? [Y/n]"
assert_file_contains "$T/tty.out" "Saved clients/3FZK8R/client.yaml"
assert_eq 2 "$(cat "$T/editor.runs")" "editor runs"
assert_file_line "$F" "risk: medium"
cp "$T/orig.yaml" "$F"

# Answering "n" keeps the edit with its warning.
rm -f "$T/editor.runs"
printf 'n\n' | EDITOR="$T/editor" script -qec "'$CASELOAD' edit siti" /dev/null >"$T/tty.out" 2>&1
assert_file_contains "$T/tty.out" "Saved clients/3FZK8R/client.yaml"
assert_eq 1 "$(cat "$T/editor.runs")" "editor runs"
assert_file_line "$F" "rsik: medium"

pass
