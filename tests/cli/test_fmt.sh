# caseload fmt [--check]: canonical stores pass; hand edits are listed, then
# rewritten once (idempotent), keeping users' own keys; broken files are left alone.
source "$TESTLIB"

copy_examples ag
run --root ag fmt --check
assert_exit 0
assert_stdout_empty
# fmt on a canonical store changes no byte.
before=$(snapshot ag)
run --root ag fmt
assert_exit 0
assert_stdout_empty
assert_eq "$before" "$(snapshot ag)" "canonical store after fmt"

# What the program itself writes is canonical.
new_store s
export CASELOAD_TODAY=2026-11-23
run --root s intake --name "Nur Aisyah" --born 1999-07 --language id --language en --tag new-arrival \
  --household "Rizky:spouse:1996-01-05" --address "Satamakatu 30 C 41
00160 Harbour City" --notes "Datang Agustus 2026." --score health-care=2 --need health-care
assert_exit 0
ID=$out
run --root s contact "$ID" "Called" --text "Line one
Line two" --next +2w
assert_exit 0
run --root s schedule "$ID" 2026-11-26T10:00 "Home visit"
assert_exit 0
run --root s close "$ID" --reason "Moved"
assert_exit 0
run --root s fmt --check
assert_exit 0
assert_stdout_empty
unset CASELOAD_TODAY

# --- a hand-edited record: keys out of order, odd spacing, a key of the user's ---
F=ag/clients/H2W9TD/client.yaml
{
  echo "worker:    dewi"
  grep -v '^worker:' "$EXAMPLES/agency/clients/H2W9TD/client.yaml" |
    sed 's/^phone: /phone:   /; s/^risk: medium$/risk:  medium   /' |
    awk '{ print } /^born:/ { print "shoe_size:   42" }'
} >"$F"
cp "$F" "$T/edited.yaml"
run --root ag fmt --check
assert_exit 3
assert_eq "clients/H2W9TD/client.yaml" "$out" "files listed by fmt --check"
assert_same_bytes "$T/edited.yaml" "$F"   # --check only reports

run --root ag fmt
assert_exit 0
assert_stdout_contains "clients/H2W9TD/client.yaml"
assert_eq "id: H2W9TD" "$(head -n 1 "$F")" "first line after fmt"
assert_file_line "$F" "worker: dewi"
assert_file_line "$F" 'phone: "+358 44 555 0217"'
assert_file_line "$F" "risk: medium"
assert_file_line "$F" "shoe_size: 42"
# The user's key stays after the key it followed (born).
assert_eq "shoe_size: 42" "$(grep -A1 '^born:' "$F" | tail -n 1)" "line after born:"
# Apart from the user's key, the file is back to the original bytes.
assert_eq "" "$(diff <(grep -v '^shoe_size:' "$F") "$EXAMPLES/agency/clients/H2W9TD/client.yaml")" "diff to the original"
# Nothing else in the store changed.
assert_eq "Files ag/clients/H2W9TD/client.yaml and $EXAMPLES/agency/clients/H2W9TD/client.yaml differ" \
  "$(diff -rq -x .caseload ag "$EXAMPLES/agency")" "files that differ from examples/agency"

# Idempotent: a second fmt changes no byte and lists nothing.
cp "$F" "$T/once.yaml"
before=$(snapshot ag)
run --root ag fmt
assert_exit 0
assert_stdout_empty
assert_same_bytes "$T/once.yaml" "$F"
assert_eq "$before" "$(snapshot ag)" "store after a second fmt"
run --root ag fmt --check
assert_exit 0
assert_stdout_empty
run --root ag check
assert_exit 0

# Other record kinds and caseload.yaml are formatted too.
sed -i 's/^summary: /summary:    /' ag/clients/7RJ5NB/contacts/2026-11-12T1730-visit.yaml
sed -i 's/^schema: 1$/schema:   1/' ag/caseload.yaml
run --root ag fmt --check
assert_exit 3
assert_stdout_contains "clients/7RJ5NB/contacts/2026-11-12T1730-visit.yaml"
assert_stdout_contains "caseload.yaml"
assert_eq 2 "$(wc -l <"$T/stdout")" "files listed"
run --root ag fmt
assert_exit 0
assert_same_bytes "$EXAMPLES/agency/caseload.yaml" ag/caseload.yaml
assert_same_bytes "$EXAMPLES/agency/clients/7RJ5NB/contacts/2026-11-12T1730-visit.yaml" \
  ag/clients/7RJ5NB/contacts/2026-11-12T1730-visit.yaml

# --- an unparsable file is never rewritten ------------------------------------------
G=ag/clients/A1HM7Z/client.yaml
sed -i 's/^risk: medium$/risk: medium: high/' "$G"
L=$(grep -n '^risk: medium: high' "$G" | cut -d: -f1)
sed -i 's/^language: /language:    /' ag/clients/X4C8PG/client.yaml
cp "$G" "$T/broken.yaml"
run --root ag fmt --check
assert_exit 1
assert_stderr_contains "clients/A1HM7Z/client.yaml:$L:13"
assert_same_bytes "$T/broken.yaml" "$G"
run --root ag fmt
assert_exit 1
assert_stderr_contains "clients/A1HM7Z/client.yaml:$L:13"
assert_same_bytes "$T/broken.yaml" "$G"
assert_eq "" "$(find ag -name '.*.tmp-*')" "temporary files left behind"

# An unterminated quoted string at the end of the file is a syntax error too
# (yaml-cpp accepts it and folds the rest of the file into one string; a
# rewrite would destroy the record's structure and line breaks).
rm -rf u && copy_examples u
sed -i 's/^risk: medium$/risk: "medium/' u/clients/A1HM7Z/client.yaml
cp u/clients/A1HM7Z/client.yaml "$T/unterminated.yaml"
run --root u fmt
assert_exit 1
assert_stderr_contains "clients/A1HM7Z/client.yaml:"
assert_same_bytes "$T/unterminated.yaml" u/clients/A1HM7Z/client.yaml

pass
