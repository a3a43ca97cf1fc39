# caseload refer / referral: the consent rule, the referral file and its ID
# (date, resource and a random suffix: 2026-11-23-food-bank-north-x2m9), repeats,
# the lifecycle (refused moves leave the file as it was), REF prefixes,
# show and followups, and what check says about referrals.
source "$TESTLIB"

new_store s
S=$T/s
export CASELOAD_ROOT=$S CASELOAD_TODAY=2026-11-23
run resource add food-bank-north --name "North Side Food Bank" --organization "City Mission" --domain food
run resource add city-shelter --name "City Shelter" --organization "City Mission" --domain housing
run resource add legal-aid --name "Legal Aid Office" --domain legal --domain housing
run intake --name "Siti Rahayu"
ID=$out
C=$S/clients/$ID/client.yaml
D=$S/clients/$ID/referrals

# --- refused before anything is written -------------------------------------
before=$(snapshot "$S")
run refer "$ID" food-bank-north --reason "No food at home"
assert_exit 1
assert_stderr_contains "no consent in force lets $ID share information with food-bank-north or City Mission; nothing was written"
assert_stderr_contains "hint:"
assert_stderr_contains "caseload consent $ID add food-bank-north"
assert_stderr_contains "--consent-given"
run refer "$ID" Food_Bank --reason "x"
assert_exit 2
assert_stderr_contains "is not a resource ID"
run refer "$ID" no-such-place --reason "x" --consent-given
assert_exit 1
assert_stderr_contains "no resource 'no-such-place'"
run refer "$ID" food-bank-north --reason "" --consent-given
assert_exit 2
run refer "$ID" food-bank-north --consent-given
assert_exit 2
assert_stderr_contains "--reason"
run refer "$ID" food-bank-north --reason "x" --follow-up someday --consent-given
assert_exit 2
assert_stderr_contains "is not a date"
run refer "$ID" food-bank-north --reason "x" --goal g1 --consent-given
assert_exit 1
assert_stderr_contains "has no plan yet"
run refer "$ID" food-bank-north --reason "x" --domain nonsense --consent-given
assert_exit 2
assert_not_exists "$D"
assert_eq "$before" "$(snapshot "$S")" "store after refused referrals"

# A consent that lapsed names the reason.
run consent "$ID" add food-bank-north --expires 2026-11-30
CASELOAD_TODAY=2026-12-05 run refer "$ID" food-bank-north --reason "x"
assert_exit 1
assert_stderr_contains "(the consent has expired)"

# --- refer -----------------------------------------------------------------------
run refer siti food-bank-north --reason "No food in the house until the first benefit payment."
assert_exit 0
assert_event_name "$out" 2026-11-23-food-bank-north ""
FB=$out
event_file F "$D" 2026-11-23-food-bank-north
assert_eq "$D/$FB.yaml" "$F" "file of the printed referral ID"
assert_eq 1 "$(ls "$D" | wc -l)" "files in referrals/ after one referral"
expected="id: $FB"'
resource: food-bank-north
domain: food
reason: |
  No food in the house until the first benefit payment.
status: sent
follow_up: 2026-11-30
history:
  - {date: 2026-11-23, status: sent, worker: aoki}'
assert_eq "$expected" "$(cat "$F")" "referral file"
assert_mode "$F" 600
assert_mode "$D" 700

# A consent to the organization covers its other services; a repeat the same
# day gets another suffix; --follow-up, --domain and --goal are kept.
run plan "$ID" goal add "Stable housing" --domain housing
run consent "$ID" add "City Mission"
run refer "$ID" city-shelter --reason "Evicted" --goal g1 --follow-up 2026-11-25 --worker aoki
assert_exit 0
assert_event_name "$out" 2026-11-23-city-shelter ""
SH1=$out
event_file G2 "$D" 2026-11-23-city-shelter
assert_eq "$D/$SH1.yaml" "$G2" "file of the printed referral ID"
assert_file_line "$G2" "id: $SH1"
assert_file_line "$G2" "domain: housing"
assert_file_line "$G2" "goal: g1"
assert_file_line "$G2" "follow_up: 2026-11-25"
cp "$G2" "$T/shelter-first.yaml"
run refer "$ID" city-shelter --reason "Second try, other branch" --domain housing
assert_exit 0
assert_event_name "$out" 2026-11-23-city-shelter ""
SH2=$out
_check; [ "$SH2" != "$SH1" ] || fail "a repeat the same day got the first referral's ID: $SH2"
assert_file_line "$D/$SH2.yaml" "id: $SH2"
assert_file_line "$D/$SH2.yaml" "  Second try, other branch"
run refer "$ID" city-shelter --reason "Third"
assert_exit 0
assert_event_name "$out" 2026-11-23-city-shelter ""
SH3=$out
assert_eq 3 "$(printf '%s\n' "$SH1" "$SH2" "$SH3" | sort -u | wc -l)" "distinct IDs of three referrals the same day"
assert_file_line "$D/$SH3.yaml" "id: $SH3"
assert_file_line "$D/$SH3.yaml" "  Third"
assert_eq 3 "$(ls "$D" | grep -cE "^2026-11-23-city-shelter-$NAME_SUFFIX_RE\.yaml\$")" "files of three referrals the same day"
assert_same_bytes "$T/shelter-first.yaml" "$G2"

# --consent-given records a consent for the resource and proceeds.
cp "$C" "$T/client-before.yaml"
run refer "$ID" legal-aid --reason "Eviction notice" --consent-given
assert_exit 0
assert_event_name "$out" 2026-11-23-legal-aid ""
LA=$out
G=$D/$LA.yaml
assert_file_line "$C" "  - to: legal-aid"
assert_file_line "$C" "    expires: 2027-11-23"
assert_file_line "$G" "id: $LA"
assert_file_line "$G" "status: sent"
run refer "$ID" legal-aid --reason "Again, consent already there" --consent-given
assert_exit 0
assert_event_name "$out" 2026-11-23-legal-aid ""
_check; [ "$out" != "$LA" ] || fail "a repeat the same day got the first referral's ID: $out"
assert_eq 1 "$(grep -c -- '- to: legal-aid' "$C")" "--consent-given does not record a second consent"

# --- referral: the lifecycle ----------------------------------------------------
run referral "$ID" "$FB" accepted --note "Intake call done" --follow-up 2026-12-10
assert_exit 0
assert_stdout_contains "$FB: sent -> accepted, follow-up 2026-12-10"
assert_file_line "$F" "status: accepted"
assert_file_line "$F" "follow_up: 2026-12-10"
assert_file_line "$F" "  - {date: 2026-11-23, status: accepted, worker: aoki, note: Intake call done}"

# REF may be a unique prefix; an ambiguous or unknown one is an error.
CASELOAD_TODAY=2026-11-28 run referral "$ID" 2026-11-23-fo completed --outcome "Weekly parcels from December" --worker aoki
assert_exit 0
assert_stdout_contains "accepted -> completed"
assert_file_line "$F" "status: completed"
assert_file_line "$F" "  - {date: 2026-11-28, status: completed, worker: aoki}"
assert_file_line "$F" "  Weekly parcels from December"
assert_file_not_contains "$F" "follow_up:"   # final: nothing more to follow up
run referral "$ID" 2026-11-23-city sent
assert_exit 1
assert_stderr_contains "'2026-11-23-city' matches 3 referrals"
assert_stderr_contains "$SH1"
assert_stderr_contains "$SH2"
assert_stderr_contains "$SH3"
run referral "$ID" 2027 accepted
assert_exit 1
assert_stderr_contains "has no referral '2027'"
assert_stderr_contains "$LA"
run referral "$ID" "$SH1" no-response
assert_exit 0
assert_stdout_contains "$SH1: sent -> no-response, follow-up 2026-11-30"
run referral "$ID" "$SH1" accepted --note "They called back"
assert_exit 0
run referral "$ID" "$SH3" cancelled
assert_exit 0
run referral "$ID" "$SH2" declined --note "Full"
assert_exit 0
assert_file_line "$D/$SH3.yaml" "status: cancelled"
assert_file_line "$D/$SH2.yaml" "status: declined"
# An exact ID wins over the longer IDs it is a prefix of. New IDs all end in a
# suffix of the same length; older versions named a same-day repeat -2, -3
# (files written by hand here, and removed after).
for old in 2026-11-20-city-shelter 2026-11-20-city-shelter-2; do
  printf 'id: %s\nresource: city-shelter\nreason: |\n  Made by an older version.\nstatus: sent\nfollow_up: 2026-11-27\nhistory:\n  - {date: 2026-11-20, status: sent, worker: aoki}\n' \
    "$old" >"$D/$old.yaml"
done
cp "$D/2026-11-20-city-shelter-2.yaml" "$T/old-2.yaml"
run referral "$ID" 2026-11-20-city-shelter no-response
assert_exit 0
assert_stdout_contains "2026-11-20-city-shelter: sent -> no-response, follow-up 2026-11-30"
assert_file_line "$D/2026-11-20-city-shelter.yaml" "status: no-response"
assert_same_bytes "$T/old-2.yaml" "$D/2026-11-20-city-shelter-2.yaml"
run referral "$ID" 2026-11-20-city-shelter-2 cancelled
assert_exit 0
assert_stdout_contains "2026-11-20-city-shelter-2: sent -> cancelled"
rm "$D/2026-11-20-city-shelter.yaml" "$D/2026-11-20-city-shelter-2.yaml"

# Refused moves: exit 1, the file byte for byte as it was.
cp "$F" "$T/completed.yaml"
for to in cancelled accepted sent; do
  run referral "$ID" "$FB" "$to"
  assert_exit 1
  assert_stderr_contains "is completed: it cannot become $to"
  assert_stderr_contains "completed is final"
  assert_same_bytes "$T/completed.yaml" "$F"
done
cp "$G" "$T/sent.yaml"
run referral "$ID" "$LA" completed
assert_exit 1
assert_stderr_contains "from sent it may become: accepted, declined, no-response, cancelled"
assert_same_bytes "$T/sent.yaml" "$G"
run referral "$ID" "$LA" sent
assert_exit 1
assert_stderr_contains "already sent"
assert_same_bytes "$T/sent.yaml" "$G"
run referral "$ID" "$LA" finished
assert_exit 2
assert_stderr_contains "draft, sent, accepted"
run referral "$ID" "$LA" declined --follow-up +3d
assert_exit 2
assert_stderr_contains "final"
assert_same_bytes "$T/sent.yaml" "$G"
CASELOAD_TODAY=2026-11-20 run referral "$ID" "$LA" accepted
assert_exit 1
assert_stderr_contains "after today"
assert_same_bytes "$T/sent.yaml" "$G"

# A drafted referral (written by hand, with an older version's name) needs a
# consent in force to be sent.
cat >"$D/2026-11-23-food-bank-north-2.yaml" <<'EOF'
id: 2026-11-23-food-bank-north-2
resource: food-bank-north
reason: |
  Drafted by hand.
status: draft
history:
  - {date: 2026-11-23, status: draft, worker: aoki}
EOF
cp "$D/2026-11-23-food-bank-north-2.yaml" "$T/draft.yaml"
run consent "$ID" revoke "City Mission"
run consent "$ID" revoke food-bank-north
CASELOAD_TODAY=2026-11-24 run referral "$ID" 2026-11-23-food-bank-north-2 sent
assert_exit 1
assert_stderr_contains "no consent in force lets $ID share information with food-bank-north; nothing was changed"
assert_same_bytes "$T/draft.yaml" "$D/2026-11-23-food-bank-north-2.yaml"
run consent "$ID" add food-bank-north
CASELOAD_TODAY=2026-11-24 run referral "$ID" 2026-11-23-food-bank-north-2 sent
assert_exit 0
assert_stdout_contains "draft -> sent, follow-up 2026-12-01"
rm "$D/2026-11-23-food-bank-north-2.yaml"
run consent "$ID" add "City Mission"

# --- show and followups -----------------------------------------------------------
run show "$ID"
assert_exit 0
assert_stdout_contains "Open referrals"
assert_stdout_matches "^  $SH1 +accepted +follow-up 2026-11-30 +City Shelter"
assert_stdout_matches "^  $LA +sent +follow-up 2026-11-30 +Legal Aid Office"
_check; ! grep -q "$FB  *completed" "$T/stdout" || fail "show lists a completed referral as open"
_check; ! grep -qF "$SH2" "$T/stdout" || fail "show lists a declined referral as open"
_check; ! grep -qF "$SH3" "$T/stdout" || fail "show lists a cancelled referral as open"
assert_stdout_contains "Consent in force"
assert_stdout_matches '^  City Mission +contact, needs +until 2027-11-23'
CASELOAD_TODAY=2026-12-02 run show "$ID"
assert_stdout_matches "^  $LA +sent +follow-up 2026-11-30 \\(overdue\\) +Legal Aid Office"
run followups --until 2026-11-30 --kind referral --format csv
assert_exit 0
assert_stdout_contains "2026-11-30,referral,$ID,Siti Rahayu,aoki,,City Shelter (accepted),$SH1,clients/$ID/referrals/$SH1.yaml,0"
_check; ! grep -q "food-bank-north" "$T/stdout" || fail "a completed referral is followed up"

# --- check ----------------------------------------------------------------------------
run check
assert_exit 0
line_of() { grep -n -m1 -- "$2" "$1" | cut -d: -f1; }
# Status that disagrees with the last history entry.
H=$G
sed -i 's/^status: sent$/status: accepted/' "$H"
run check
assert_exit 3
assert_stdout_contains "clients/$ID/referrals/$LA.yaml:$(line_of "$H" '^status:'):9: error: 'status' disagrees with the last history entry (line $(line_of "$H" '^ *- .*status: sent\|^    status: sent'))"
cp "$T/sent.yaml" "$H"
# History through a move the lifecycle forbids, and out of date order.
printf '  - {date: 2026-11-22, status: completed, worker: aoki}\n' >>"$H"
sed -i 's/^status: sent$/status: completed/' "$H"
run check
assert_exit 3
L=$(line_of "$H" 'status: completed, worker')
assert_stdout_contains "clients/$ID/referrals/$LA.yaml:$L:12: error: history out of date order: this entry is dated before the one above it"
assert_stdout_contains "clients/$ID/referrals/$LA.yaml:$L:32: error: history: a move from the entry above that the referral lifecycle does not allow"
cp "$T/sent.yaml" "$H"
# A referral to a resource that does not exist.
sed -i 's/^resource: legal-aid$/resource: legal-aid-east/' "$H"
run check
assert_exit 3
assert_stdout_contains "clients/$ID/referrals/$LA.yaml:2:11: error: 'resource': unknown resource: no such file in resources/"
cp "$T/sent.yaml" "$H"
# A goal that the client's plan does not have.
cp "$G2" "$T/shelter.yaml"
sed -i 's/^goal: g1$/goal: g7/' "$G2"
run check
assert_exit 3
assert_stdout_contains "clients/$ID/referrals/$SH1.yaml:$(line_of "$G2" '^goal:'):7: error: 'goal': not a goal of the client's plan.yaml"
cp "$T/shelter.yaml" "$G2"
# An open referral whose consent has expired: a warning, exit 0.
run check --today 2028-01-01
assert_exit 0
L=$(line_of "$H" '^status:')
assert_stdout_contains "clients/$ID/referrals/$LA.yaml:$L:9: warning: open referral to 'legal-aid' without a consent in force: the consent has expired;"
_check; ! grep -q "$FB\.yaml.*without a consent" "$T/stdout" || fail "warned about a completed referral"
run check
assert_exit 0
_check; ! grep -q "without a consent" "$T/stdout" || fail "warned while the consent is in force"

# --- the service a referral is for ---------------------------------------------
run resource add meals --name "Meals" --organization "City Mission" --domain food --service "Hot meals" --service "Food parcels"
run refer "$ID" meals --reason "x" --service "food-PARCELS" --consent-given
assert_exit 0
MEALS=$out
assert_file_line "$D/$MEALS.yaml" "service: Food parcels"
run show "$ID"
assert_stdout_matches "$MEALS +sent .*Meals: Food parcels$"
# Not one of the resource's services: a usage error naming them, nothing written.
before=$(snapshot "$S")
run refer "$ID" meals --reason "x" --service "laundry"
assert_exit 2
assert_stderr_contains "--service: not a service of the resource meals"
assert_stderr_contains "its services: Hot meals, Food parcels"
run refer "$ID" food-bank-north --reason "x" --service "hot meals"
assert_exit 2
assert_stderr_contains "--service: the resource food-bank-north lists no services"
assert_stderr_contains "caseload resource edit food-bank-north"
assert_eq "$before" "$(snapshot "$S")" "the store after a refused --service"
# A service the resource no longer lists: check warns, at the field.
sed -i 's/^service: Food parcels$/service: Soup/' "$D/$MEALS.yaml"
run check
assert_exit 0
assert_stdout_contains "clients/$ID/referrals/$MEALS.yaml:$(line_of "$D/$MEALS.yaml" '^service:'):10: warning: 'service': not one of the services resource 'meals' lists"
_check; ! grep -q "Soup" "$T/stdout" || fail "check printed the field's value"

pass
