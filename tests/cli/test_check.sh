# caseload check: the demo store is clean; broken stores give
# path:line:col: error: lines sorted by path, and exit 3.
source "$TESTLIB"

# --- clean stores ------------------------------------------------------------
run --root "$EXAMPLES/agency" check
assert_exit 0
_check
! grep -q ': error: ' "$T/stdout" || fail "errors in examples/agency"
new_store fresh
run --root fresh check
assert_exit 0
assert_stdout_empty
cd fresh/resources
run check            # root found by walking up
assert_exit 0
cd "$T"
mkdir nostore
cd nostore
run check
assert_exit 1
assert_stderr_contains "caseload.yaml"
cd "$T"

# --- one store, many problems ------------------------------------------------
copy_examples bad
B=$T/bad/clients
line_of() { grep -n -m1 -- "$2" "$1" | cut -d: -f1; }  # FILE REGEX

# 1. YAML syntax error: a second ': ' on the risk line.
sed -i 's/^risk: medium$/risk: medium: high/' "$B/A1HM7Z/client.yaml"
L_SYNTAX=$(line_of "$B/A1HM7Z/client.yaml" '^risk: medium: high')
# 2. missing required key.
sed -i '/^worker:/d' "$B/2DPY7W/client.yaml"
# 3. a value outside an enum.
sed -i 's/^status: open$/status: pending/' "$B/3FZK8R/client.yaml"
L_ENUM=$(line_of "$B/3FZK8R/client.yaml" '^status: pending')
# 4. an impossible date.
sed -i 's/^opened: .*/opened: 2026-02-30/' "$B/7RJ5NB/client.yaml"
L_DATE=$(line_of "$B/7RJ5NB/client.yaml" '^opened: 2026-02-30')
# 5. an id that does not match its folder.
sed -i 's/^id: .*/id: ZZZZZZ/' "$B/9GQ2TF/client.yaml"
# 6. an unknown worker.
sed -i 's/^worker: .*/worker: nobody/' "$B/E3N6WC/client.yaml"
L_WORKER=$(line_of "$B/E3N6WC/client.yaml" '^worker: nobody')
# 7. duplicate clients: same name and birth date in two folders.
mkdir "$B/K7Q2MX"
sed 's/^id: .*/id: K7Q2MX/' "$B/P0WSD3/client.yaml" >"$B/K7Q2MX/client.yaml"
# 8. a duplicate key (line 3 repeats name:).
awk '{ print } /^name:/ { print "name: Budi S." }' "$B/H2W9TD/client.yaml" >"$T/dup" && cat "$T/dup" >"$B/H2W9TD/client.yaml"
# 9. a contact with a status that does not exist.
sed -i 's/^status: .*/status: maybe/' "$B/T5YB0R/contacts/2026-10-20T1100-call.yaml"
# 10. a leftover temporary file: a warning only.
printf 'id: Q8M4XV\n' >"$B/Q8M4XV/.client.yaml.tmp-abc123"

before=$(snapshot bad)
run --root bad check
assert_exit 3
assert_eq "$before" "$(snapshot bad)" "store after check"

assert_stdout_matches "^clients/A1HM7Z/client\.yaml:$L_SYNTAX:13: error: .*(YAML|syntax)"
assert_stdout_matches "^clients/2DPY7W/client\.yaml:[0-9]+:[0-9]+: error: .*required.*worker"
assert_stdout_matches "^clients/3FZK8R/client\.yaml:$L_ENUM:9: error: 'status': not one of: open, closed$"
assert_stdout_matches "^clients/7RJ5NB/client\.yaml:$L_DATE:9: error: 'opened': not a valid date \(YYYY-MM-DD\)$"
assert_stdout_matches "^clients/9GQ2TF/client\.yaml:1:5: error: 'id' does not match its folder name '9GQ2TF'$"
assert_stdout_matches "^clients/E3N6WC/client\.yaml:$L_WORKER:9: error: 'worker': unknown worker: not listed under workers in caseload.yaml$"
assert_stdout_matches "^clients/(K7Q2MX|P0WSD3)/client\.yaml:[0-9]+:[0-9]+: error: duplicate client.*(K7Q2MX|P0WSD3)"
assert_stdout_matches "^clients/H2W9TD/client\.yaml:3:1: error: duplicate key 'name'"
assert_stdout_matches "^clients/T5YB0R/contacts/2026-10-20T1100-call\.yaml:[0-9]+:[0-9]+: error: 'status': not one of: scheduled, done, missed, cancelled$"
assert_stdout_matches "^clients/Q8M4XV/\.client\.yaml\.tmp-abc123(:[0-9]+:[0-9]+)?: warning: "
_check
! grep -q 'tmp-abc123.*error' "$T/stdout" || fail "the temporary file is reported as an error"

# Every line is path[:line:col]: error|warning: message; errors carry line:col.
_check
bad_lines=$(grep -vE '^[^: ]+(:[0-9]+:[0-9]+)?: (error|warning): .+' "$T/stdout")
[ -z "$bad_lines" ] || fail "lines not in path:line:col: form:"$'\n'"$bad_lines"
_check
bad_lines=$(grep ': error: ' "$T/stdout" | grep -vE '^[^: ]+:[0-9]+:[0-9]+: error: ')
[ -z "$bad_lines" ] || fail "errors without line:col:"$'\n'"$bad_lines"
# Sorted by path.
_check
cut -d: -f1 "$T/stdout" | LC_ALL=C sort -c 2>/dev/null || fail "findings are not sorted by path:"$'\n'"$out"
assert_eq 9 "$(grep -c ': error: ' "$T/stdout")" "errors found"
assert_eq 1 "$(grep -c ': warning: ' "$T/stdout")" "warnings found"
# Nothing else from examples/agency leaks in.
_check
others=$(grep -vE '^clients/(A1HM7Z|2DPY7W|3FZK8R|7RJ5NB|9GQ2TF|E3N6WC|K7Q2MX|P0WSD3|H2W9TD|T5YB0R|Q8M4XV)/' "$T/stdout")
[ -z "$others" ] || fail "unexpected findings:"$'\n'"$others"
# Quiet: the same findings, no summary on stderr.
run --root bad -q check
assert_exit 3
assert_eq 10 "$(wc -l <"$T/stdout")" "findings with -q"

# --- a warning alone does not fail ---------------------------------------------
copy_examples warn
printf 'id: Q8M4XV\n' >warn/clients/Q8M4XV/.client.yaml.tmp-abc123
run --root warn check
assert_exit 0
assert_stdout_contains "clients/Q8M4XV/.client.yaml.tmp-abc123"
assert_stdout_contains "warning"
_check
! grep -q ': error: ' "$T/stdout" || fail "errors reported for a leftover temporary file"

# --- each problem alone exits 3 ---------------------------------------------------
copy_examples one
one_problem() {  # NAME SED-SCRIPT FILE-IN-STORE: break one file, check, restore it
  cp "one/$3" "$T/saved.yaml"
  sed -i "$2" "one/$3"
  run --root one check
  assert_exit 3
  assert_stdout_matches "^$3:[0-9]+:[0-9]+: error: "
  assert_eq 1 "$(grep -c ': error: ' "$T/stdout")" "errors for $1"
  cp "$T/saved.yaml" "one/$3"
}
one_problem "syntax" 's/^risk: medium$/risk: [medium/' clients/A1HM7Z/client.yaml
one_problem "required" '/^status:/d' clients/X4C8PG/client.yaml
one_problem "enum" 's/^risk: .*/risk: extreme/' clients/X4C8PG/client.yaml
one_problem "date" 's/^born: .*/born: 1981-13-30/' clients/X4C8PG/client.yaml
one_problem "id" 's/^id: .*/id: X4C8PH/' clients/X4C8PG/client.yaml
one_problem "worker" 's/^worker: .*/worker: zed/' clients/X4C8PG/client.yaml
one_problem "contact date" 's/^date: .*/date: 2026-02-30T10:00/' clients/X4C8PG/contacts/2026-10-05T1000-visit.yaml
one_problem "settings" 's/^schema: 1$/schema: [1/' caseload.yaml

# A stray word on the last line is not a key: YAML requires "key: value".
# (yaml-cpp reads it as a key with a null value: jbeder/yaml-cpp#819; a later
# write turns it into "oops: ~".)
printf 'oops\n' >>one/clients/Q8M4XV/client.yaml
L=$(wc -l <one/clients/Q8M4XV/client.yaml)
run --root one check
assert_exit 3
assert_stdout_matches "^clients/Q8M4XV/client\.yaml:$L:[0-9]+: error: "

pass
