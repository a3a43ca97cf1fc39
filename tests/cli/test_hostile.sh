# Issue 8: hostile store files and hostile command-line names. Readers
# (check, list, find, show, followups) never crash, hang or follow a link out
# of the store; check exits 3 naming each bad file; names that could reach
# outside the store are usage errors before any path is built.
source "$TESTLIB"
export CASELOAD_TODAY=2026-11-23

copy_examples s
S=$T/s
mkdir -p outside/client outside/contacts
OUT=$T/outside

# --- the hostile files: one or two per client, so `show` meets each ---------------
put() {  # PATH: stdin becomes $S/PATH
  mkdir -p "$(dirname "$S/$1")"
  cat >"$S/$1"
}
bad=()  # every file check must name
hostile() { bad+=("$1"); put "$1"; }

{ printf '\177ELF\002\001\001\000\000\000\377\376'; head -c 4096 /dev/urandom; } |
  hostile clients/2DPY7W/contacts/2026-01-01T1000-call.yaml
printf 'date: 2026-01-01T10:00\nkind: call\nstatus: done\nworker: aoki\nsummary: "never closed\n' |
  hostile clients/3FZK8R/contacts/2026-01-01T1000-call.yaml
# yaml-cpp's LoadAll loops for ever on this (found by the fuzzer)
printf ', ---\ndate: 2026-01-01T10:00\nkind: visit\n...\n' | hostile clients/3FZK8R/contacts/2026-01-01T1100-call.yaml
awk 'BEGIN { printf "text: "; for (i = 0; i < 20000; i++) printf "["; for (i = 0; i < 20000; i++) printf "]"; print "" }' |
  hostile clients/7RJ5NB/contacts/2026-01-01T1000-call.yaml
awk 'BEGIN { printf "text:\n"; for (i = 0; i < 20000; i++) printf "- "; print "x" }' |
  hostile clients/7RJ5NB/contacts/2026-01-01T1100-call.yaml
awk 'BEGIN { printf "text: "; for (i = 0; i < 20000; i++) printf "{a: "; for (i = 0; i < 20000; i++) printf "}"; print "" }' |
  hostile clients/7RJ5NB/contacts/2026-01-01T1200-call.yaml
{ # billion laughs: nine levels of ten aliases each
  echo 'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'
  prev=a
  for n in b c d e f g h i; do
    printf '%s: &%s [*%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s]\n' $n $n $prev $prev $prev $prev $prev $prev $prev $prev $prev $prev
    prev=$n
  done
} | hostile clients/9GQ2TF/plan.yaml
{ printf 'date: 2026-01-01\nkind: review\nworker: aoki\nnotes: '; head -c 3000000 /dev/zero | tr '\0' 'x'; echo; } |
  hostile clients/A1HM7Z/assessments/2026-01-01.yaml
hostile clients/B9T3KS/client.yaml <<'YAML'
id: [B9T3KS]
name: {first: Wrong}
born: [1984]
language: {a: b}
phone: [1, 2]
household: a string
worker: [aoki]
risk: 42
status: {open: true}
opened: yes
closed: [2026]
contact_every: [14d]
tags: {a: b}
consent: 5
enrollments: {program: x}
notes: [a]
YAML
printf -- '- id: E3N6WC\n- name: A List\n' | hostile clients/E3N6WC/client.yaml
hostile clients/H2W9TD/plan.yaml <<'YAML'
review: [2027]
goals:
  - 1
  - [2]
  - {id: g1, text: {a: b}, status: [x], tasks: {t1: x}}
  - {id: g2, text: Fine, status: active, tasks: [7, {id: t1, text: [x], status: 5, due: {}}]}
YAML
hostile clients/M6VHQ2/referrals/2026-01-01-food-bank-north.yaml <<'YAML'
id: 5
resource: [food-bank-north]
reason: {why: x}
status: {x: y}
follow_up: [2026]
history: sent
YAML
hostile clients/S4E9HY/contacts/2026-01-01T1000-call.yaml <<'YAML'
date: [2026-01-01]
kind: {a: b}
status: 5
worker: []
summary: {}
next: [1]
YAML
printf -- '- date: 2026-01-01\n- kind: call\n' | hostile clients/T5YB0R/contacts/2026-01-01T1000-call.yaml
hostile resources/wrong-types.yaml <<'YAML'
id: [x]
name: {a: b}
domains: food
languages: 5
YAML
hostile clients/V8KX4J/assessments/2026-01-01.yaml <<'YAML'
date: {}
kind: [intake]
worker: 7
scores: [1, 2]
needs: {housing: true}
YAML

# Links out of the store, to files that would be valid records.
cat >"$OUT/secret-contact.yaml" <<'YAML'
date: 2026-11-20T10:00
kind: call
status: scheduled
worker: aoki
summary: SMUGGLED OUTSIDE CONTACT
YAML
cp "$OUT/secret-contact.yaml" "$OUT/contacts/2026-11-21T1000-call.yaml"
sed 's/^name: .*/name: SMUGGLED Outsider/; s/^id: .*/id: ZZZZZZ/' "$S/clients/X4C8PG/client.yaml" >"$OUT/client/client.yaml"
printf 'id: planted\nname: SMUGGLED OUTSIDE RESOURCE\n' >"$OUT/secret-resource.yaml"
links=(clients/P0WSD3/contacts/2026-11-21T1000-call.yaml clients/ZZZZZZ clients/Q8M4XV/contacts
       resources/planted.yaml clients/RZ5A1E/client.yaml)
ln -s "$OUT/secret-contact.yaml" "$S/clients/P0WSD3/contacts/2026-11-21T1000-call.yaml"
ln -s "$OUT/client" "$S/clients/ZZZZZZ"
rm -rf "$S/clients/Q8M4XV/contacts" && ln -s "$OUT/contacts" "$S/clients/Q8M4XV/contacts"
ln -s "$OUT/secret-resource.yaml" "$S/resources/planted.yaml"
mv "$S/clients/RZ5A1E/client.yaml" "$OUT/rz5a1e.yaml" && sed -i 's/^name: .*/name: SMUGGLED Linked/' "$OUT/rz5a1e.yaml"
ln -s "$OUT/rz5a1e.yaml" "$S/clients/RZ5A1E/client.yaml"

# --- readers survive ------------------------------------------------------------------
run_bounded() {  # like `run`, but a hang is killed after 20 s (exit 124)
  last_cmd="$*"
  timeout -k 5 20 "$CASELOAD" "$@" >"$T/stdout" 2>"$T/stderr" </dev/null
  status=$?
  out=$(<"$T/stdout")
  err=$(<"$T/stderr")
}
survives() {  # the last run ended by itself, with an exit code of its own
  _check
  [ "$status" -ne 124 ] && [ "$status" -ne 137 ] || fail "hung: killed after 20 s"
  _check
  [ "$status" -le 3 ] || fail "crashed: exit $status"
  _check
  ! grep -q SMUGGLED "$T/stdout" "$T/stderr" || fail "read a file outside the store through a link"
}

before=$(snapshot "$S")
run_bounded --root "$S" check
survives
assert_exit 3
for f in "${bad[@]}"; do assert_stdout_contains "$f:"; done
assert_stdout_contains "clients/A1HM7Z/assessments/2026-01-01.yaml: error: file is over the limit of 1048576 bytes"
assert_stdout_matches "clients/7RJ5NB/contacts/2026-01-01T1[01]00-call.yaml:.*nesting deeper than 64 levels"
assert_stdout_matches "clients/9GQ2TF/plan.yaml:.*error: "
for l in "${links[@]}"; do assert_stdout_contains "$l"; done

for args in "list" "list --status all --format json" "find a" "find outsider" "find linked" "followups" \
  "followups --until 2027-12-31 --format json" "fmt --check" "resource list" "resource show planted"; do
  # shellcheck disable=SC2086
  run_bounded --root "$S" $args
  survives
done
for id in $(ls "$S/clients") ZZZZZZ; do
  run_bounded --root "$S" show "$id"
  survives
done
assert_eq "$before" "$(snapshot "$S")" "the store after reading it"

# --- writers do not write through a linked folder either ---------------------------
outside_before=$(ls -la "$OUT/contacts")
run_bounded --root "$S" contact Q8M4XV "Through the link" --date 2026-11-23T10:00
survives
assert_exit 1
assert_stderr_contains "clients/Q8M4XV/contacts/"
assert_stderr_contains "symbolic link"
assert_eq "$outside_before" "$(ls -la "$OUT/contacts")" "the folder outside the store"

# A settings file that is itself hostile stops every command with its place.
cp -R "$S" "$T/s2"
sed -n '/^a:/,$p' "$S/clients/9GQ2TF/plan.yaml" >"$T/s2/caseload.yaml"
run_bounded --root "$T/s2" check
survives
assert_exit 3
assert_stdout_contains "caseload.yaml:1:"
for cmd in list followups "show X4C8PG"; do
  # shellcheck disable=SC2086
  run_bounded --root "$T/s2" $cmd
  survives
  assert_exit 1
  assert_stderr_contains "caseload.yaml:1:"
done

# --- names on the command line ----------------------------------------------------------
copy_examples c
C=$T/c
export VISUAL=false   # an edit that got past validation would run it and fail with 1
touch "$T/marker"
before=$(snapshot "$C")
refused() {  # ARGS...: a usage error (2) before anything is read or written
  run_bounded --root "$C" "$@"
  survives
  assert_exit 2
}
for name in ../../../etc/passwd /etc/passwd contacts/../../../x.yaml contacts/../client.yaml \
  "contacts/2026-01-01T1000-call"$'\n'".yaml" "plan.yaml/.." "referrals/../../../../tmp/x"; do
  refused edit X4C8PG "$name"
done
for id in ../food-bank-north /etc/passwd "food-bank-north/../x" "food"$'\001' ""; do
  refused resource show "$id"
  refused resource edit "$id"
  refused refer X4C8PG "$id" --reason "Escape"
done
for d in ../2026-11-23 /2026-11-23 "2026-11-23"$'\001' "2026-11-23/../x" "+3d/.."; do
  refused contact X4C8PG "Escape" --date "$d"
  refused contact X4C8PG "Escape" --next "$d"
  refused schedule X4C8PG "$d" "Escape"
  refused refer X4C8PG food-bank-north --reason "Escape" --follow-up "$d"
done
for ref in ../../x /etc/passwd "2026"$'\001'; do
  refused referral X4C8PG "$ref" accepted
done
for prog in ../x /etc/passwd "child-benefit"$'\001'; do
  refused enroll X4C8PG "$prog"
  refused enrollment X4C8PG "$prog" approved
done
for item in ../x /etc/passwd "g1"$'\001'; do
  refused plan X4C8PG done "$item"
done
refused contact "X4C8PG"$'\001' "Escape"
for client in ../X4C8PG /etc/passwd "clients/X4C8PG" ..; do
  refused show "$client"
  refused contact "$client" "Escape"
done
refused close X4C8PG --reason "Escape"$'\001'
assert_eq "$before" "$(snapshot "$C")" "the store after refused names"
_check
escaped=$(find "$T" -path "$C" -prune -o -path "$S" -prune -o -path "$T/s2" -prune -o -newer "$T/marker" -type f -print |
  grep -v "^$T/std\(out\|err\)$")
[ -z "$escaped" ] || fail "files written outside the store: $escaped"

pass
