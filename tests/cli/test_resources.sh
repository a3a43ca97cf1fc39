# caseload resource add/list/show/edit: the referral directory, resource
# IDs, filters, and stable JSON/CSV for scripts.
source "$TESTLIB"

new_store s
S=$T/s
export CASELOAD_ROOT=$S CASELOAD_TODAY=2026-11-23
R=$S/resources/food-bank-north.yaml

# --- an empty directory ------------------------------------------------------
run resource list
assert_exit 0
assert_stdout_empty
assert_stderr_contains "The directory has no resources; \`caseload resource add ID --name NAME\` adds one."
run resource list --format json
assert_eq "[]" "$out" "JSON of an empty directory"

# --- add ---------------------------------------------------------------------
run resource add food-bank-north --name "North Side Food Bank" --organization "City Mission" \
  --domain food --service "food parcels" --service "hot meals" --phone "+358 9 555 0100" \
  --email intake@example.org --url https://example.org --hours "Mon-Fri 9-16" \
  --eligibility "Residents of the north district." --fees free --language fi --language sv --language en
assert_exit 0
assert_stdout_contains "resources/food-bank-north.yaml"
assert_mode "$R" 600
expected='id: food-bank-north
name: North Side Food Bank
organization: City Mission
domains: [food]
services: [food parcels, hot meals]
phone: "+358 9 555 0100"
email: intake@example.org
url: https://example.org
hours: Mon-Fri 9-16
eligibility: |
  Residents of the north district.
fees: free
languages: [fi, sv, en]'
assert_eq "$expected" "$(cat "$R")" "resource file in canonical order"

printf 'Hämeentie 3\nHarbour City\n' | run resource add legal-aid --name "Oikeusaputoimisto" \
  --organization "Legal Aid Office" --domain legal --domain housing --address - --language fi --language en-GB
assert_exit 0
assert_file_line "$S/resources/legal-aid.yaml" "  Hämeentie 3"
assert_file_line "$S/resources/legal-aid.yaml" "domains: [legal, housing]"
run resource add clinic --name "Health Clinic" --domain health-care --language tl
assert_exit 0

# A second add of the same ID is refused, the first file kept.
cp "$R" "$T/before.yaml"
run resource add food-bank-north --name "Another"
assert_exit 1
assert_stderr_contains "already exists"
assert_stderr_contains "resource edit food-bank-north"
assert_same_bytes "$T/before.yaml" "$R"

# Resource IDs are [a-z0-9-]: anything else is a usage error and writes nothing.
before=$(snapshot "$S")
for bad in Food-Bank "food bank" ../etc food_bank "föod"; do
  run resource add "$bad" --name "X"
  assert_exit 2
  assert_stderr_contains "is not a resource ID"
done
run resource add x --name "X" --domain nonsense
assert_exit 2
assert_stderr_contains "unknown domain 'nonsense'"
run resource add x --name "X" --language "not a tag"
assert_exit 2
run resource add x --no-input
assert_exit 2
assert_stderr_contains "--name"
assert_eq "$before" "$(snapshot "$S")" "store after refused adds"

# --- list ----------------------------------------------------------------------
run resource list
assert_exit 0
assert_stdout_matches '^ID +NAME +ORGANIZATION +DOMAINS +LANGUAGES +PHONE'
assert_stdout_matches '^food-bank-north +North Side Food Bank +City Mission +food +fi, sv, en +\+358 9 555 0100'
assert_eq "clinic food-bank-north legal-aid" "$(tail -n +2 "$T/stdout" | cut -d' ' -f1 | tr '\n' ' ' | sed 's/ $//')" \
  "resources sorted by ID"

run resource list --domain housing
assert_exit 0
assert_stdout_contains "legal-aid"
_check; ! grep -q food-bank "$T/stdout" || fail "--domain housing lists the food bank"
run resource list --language en       # en matches en-GB
assert_stdout_contains "legal-aid"
assert_stdout_contains "food-bank-north"
_check; ! grep -q clinic "$T/stdout" || fail "--language en lists a Tagalog-only clinic"
run resource list --domain mobility
assert_exit 0
assert_stdout_empty
assert_stderr_contains "No resources match"
run resource list --domain nonsense
assert_exit 2
assert_stderr_contains "food"

run resource list --format json --domain food
assert_exit 0
expected='[
  {
    "id": "food-bank-north",
    "name": "North Side Food Bank",
    "organization": "City Mission",
    "domains": ["food"],
    "services": ["food parcels", "hot meals"],
    "phone": "+358 9 555 0100",
    "email": "intake@example.org",
    "url": "https://example.org",
    "address": null,
    "hours": "Mon-Fri 9-16",
    "eligibility": "Residents of the north district.",
    "fees": "free",
    "languages": ["fi", "sv", "en"]
  }
]'
assert_eq "$expected" "$out" "resource list JSON"
cp "$T/stdout" "$T/list1.json"
run resource list --format json --domain food
assert_same_bytes "$T/list1.json" "$T/stdout"

run resource list --format csv
assert_exit 0
assert_eq "id,name,organization,domains,services,phone,email,url,address,hours,eligibility,fees,languages" \
  "$(head -1 "$T/stdout")" "CSV header"
assert_stdout_contains 'food-bank-north,North Side Food Bank,City Mission,food,food parcels; hot meals,'"'"'+358 9 555 0100,intake@example.org,https://example.org,,Mon-Fri 9-16,Residents of the north district.,free,fi; sv; en'
assert_stdout_contains '"Hämeentie 3'
assert_eq 4 "$(grep -c '^[a-z]' "$T/stdout")" "CSV rows (header and 3 resources)"
run resource list --format md
assert_exit 2

# --- show ----------------------------------------------------------------------
run resource show food-bank-north
assert_exit 0
assert_stdout_contains "North Side Food Bank  food-bank-north"
assert_stdout_contains "organization: City Mission"
assert_stdout_contains "services: food parcels, hot meals"
assert_stdout_contains "languages: fi, sv, en"
assert_stdout_contains "  Residents of the north district."
run resource show no-such-thing
assert_exit 1
assert_stderr_contains "no resource 'no-such-thing'"
assert_stderr_contains "resource list"
run resource show "Bad ID"
assert_exit 2

# --- edit ------------------------------------------------------------------------
cat >"$T/ed.sh" <<'EOF'
#!/bin/sh
sed -i 's/^hours: .*/hours: Mon-Sat 9-18/' "$1"
EOF
chmod +x "$T/ed.sh"
EDITOR=$T/ed.sh run resource edit food-bank-north
assert_exit 0
assert_file_line "$R" "hours: Mon-Sat 9-18"
assert_mode "$R" 600
# An edit that breaks the record is refused and the file kept.
cp "$R" "$T/before.yaml"
cat >"$T/bad-ed.sh" <<'EOF'
#!/bin/sh
sed -i 's/^id: .*/id: food-bank-south/' "$1"
EOF
chmod +x "$T/bad-ed.sh"
EDITOR=$T/bad-ed.sh run --no-input resource edit food-bank-north
assert_exit 1
assert_stderr_contains "does not match its file name"
assert_same_bytes "$T/before.yaml" "$R"
EDITOR=$T/ed.sh run resource edit no-such-thing
assert_exit 1
EDITOR=$T/ed.sh run resource edit "No/Such"
assert_exit 2

run check
assert_exit 0

pass
