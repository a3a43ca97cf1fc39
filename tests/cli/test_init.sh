# caseload init: the store's layout, settings, permissions; refusing to overwrite.
source "$TESTLIB"

# A new store, in a folder that does not exist yet.
run init store --agency "Harbour City Social Services" --worker "aoki:Hana Aoki" --worker "berg:Ingrid Berg"
assert_exit 0
assert_stdout_contains "store"
S=$T/store
assert_exists "$S/caseload.yaml"
assert_exists "$S/clients"
assert_exists "$S/resources"
assert_exists "$S/.gitignore"
assert_file_line "$S/.gitignore" ".caseload/"

C=$S/caseload.yaml
assert_file_line "$C" "schema: 1"
assert_file_line "$C" "agency: Harbour City Social Services"
assert_file_line "$C" "workers:"
assert_file_line "$C" "  - {id: aoki, name: Hana Aoki}"
assert_file_line "$C" "  - {id: berg, name: Ingrid Berg}"
assert_file_line "$C" "defaults:"
assert_file_line "$C" "  worker: aoki"           # the first --worker is the default
assert_file_line "$C" "  contact_every: 30d"
assert_file_line "$C" "  reassess_every: 90d"
assert_file_line "$C" "  referral_follow_up: 7d"
assert_file_line "$C" "  consent_warning: 14d"
assert_file_line "$C" "domains:"
assert_file_contains "$C" "scale:"
for label in "in crisis" vulnerable safe "building capacity" empowered; do
  assert_file_contains "$C" "$label"
done
# The 18 Self-Sufficiency Matrix domains, each once.
domains=$(sed -n '/^domains:/,/^[a-z]/p' "$C" | grep -cE '^  - \{id: [a-z0-9-]+, name: .+\}$')
assert_eq 18 "$domains" "domain entries in caseload.yaml"
for d in income employment housing food childcare children-education adult-education legal health-care \
  life-skills mental-health substance-use family-relations mobility community safety parenting credit; do
  assert_eq 1 "$(grep -c "^  - {id: $d, name: " "$C")" "domain $d"
done
assert_eq "schema: 1" "$(head -n 1 "$C")" "first line of caseload.yaml"

# Private: folders 0700, files 0600 (the test runs with umask 022).
assert_mode "$S" 700
assert_mode "$S/clients" 700
assert_mode "$S/resources" 700
assert_mode "$S/caseload.yaml" 600
assert_mode "$S/.gitignore" 600

# What init writes is a valid, canonical store.
run --root "$S" check
assert_exit 0
run --root "$S" fmt --check
assert_exit 0
assert_stdout_empty

# init on an existing store fails and changes nothing.
before=$(snapshot "$S")
run init store --worker "cruz:Paolo Cruz"
assert_exit 1
assert_stderr_contains "already"
assert_eq "$before" "$(snapshot "$S")" "store after a second init"
(cd "$S" && "$CASELOAD" init >/dev/null 2>&1)
assert_eq 1 "$?" "exit of init . inside a store"
assert_eq "$before" "$(snapshot "$S")" "store after init . inside it"

# init without DIR: the current folder.
mkdir here
(cd here && "$CASELOAD" init --worker dewi >/dev/null 2>&1)
assert_eq 0 "$?" "exit of init in the current folder"
assert_exists "$T/here/caseload.yaml"
assert_file_line "$T/here/caseload.yaml" "  - {id: dewi}"
assert_file_line "$T/here/caseload.yaml" "  worker: dewi"

# Without --worker, the login name is the worker.
USER=Hana LOGNAME=Hana run init bylogin
assert_exit 0
assert_file_line "$T/bylogin/caseload.yaml" "  worker: hana"
# A login name that cannot be a worker ID is a usage error, and nothing is created.
USER="not a worker!" LOGNAME="not a worker!" run init badlogin
assert_exit 2
assert_stderr_contains "--worker"
assert_not_exists "$T/badlogin/caseload.yaml"
run init badworker --worker "Hana Aoki"
assert_exit 2
assert_stderr_contains "--worker"
assert_not_exists "$T/badworker/caseload.yaml"

# A folder that already has a .gitignore (e.g. inside a project): init keeps
# its lines and adds .caseload/, so the lock and cache are never committed.
mkdir withignore
printf '*.bak\n' > withignore/.gitignore
run init withignore --worker aoki
assert_exit 0
assert_file_line "$T/withignore/.gitignore" "*.bak"
assert_file_line "$T/withignore/.gitignore" ".caseload/"

# SPEC 6 writes the scale with integer levels: {1: in crisis, ...}.
assert_file_line "$C" "scale: {1: in crisis, 2: vulnerable, 3: safe, 4: building capacity, 5: empowered}"

pass
