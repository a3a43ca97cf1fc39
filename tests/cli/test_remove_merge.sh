# merge-client DUP INTO and remove CLIENT: a client recorded twice is merged
# into the other (records moved, plan goals renumbered and referrals'
# goals following, consents and enrollments kept, the duplicate removed) in
# one commit; a client recorded by mistake is removed with --yes (refused
# without it when there is no terminal); git history keeps the old files.
source "$TESTLIB"

new_store s
S=$T/s
export CASELOAD_ROOT=$S CASELOAD_TODAY=2026-11-23
run resource add food-bank --name "Food Bank" --domain food
run intake --name "Maria Santos" --born 1984-02-03
KEEP=$out
run intake --name "Maria Santos" --born 1984-02-03 --allow-duplicate --score food=1
DUP=$out
run plan "$KEEP" goal add "Stable housing" --domain housing
run plan "$KEEP" task add g1 "Apply for housing allowance"
run plan "$DUP" goal add "Food every day" --domain food
run plan "$DUP" task add g1 "Visit the food bank"
run refer "$DUP" food-bank --reason "No food at home" --goal g1 --consent-given
assert_exit 0
REF=$out
run contact "$DUP" "Called about the food bank"
assert_exit 0
CONTACT=$(basename "$out")
only_file ASSESSMENT "$S/clients/$DUP/assessments/*.yaml"
ASSESSMENT=$(basename "$ASSESSMENT")
git -C "$S" rev-parse HEAD >"$T/head"

# --- refused -----------------------------------------------------------------
run merge-client "$DUP" "$DUP"
assert_exit 2
assert_stderr_contains "DUP and INTO are the same client"
run merge-client "$DUP" nobody
assert_exit 1
echo "notes" >"$S/clients/$DUP/notes.txt"
before=$(snapshot "$S")
run merge-client "$DUP" "$KEEP"
assert_exit 1
assert_stderr_contains "clients/$DUP holds files that are not records: clients/$DUP/notes.txt; nothing was changed"
assert_eq "$before" "$(snapshot "$S")" "store after a refused merge"
rm "$S/clients/$DUP/notes.txt"

# --- merge ---------------------------------------------------------------------
run merge-client "$DUP" "$KEEP"
assert_exit 0
assert_stdout_contains "Merged $DUP into $KEEP: 3 records moved, 1 goal added to the plan; clients/$DUP removed"
assert_stdout_contains "git history keeps them: \`caseload git log --stat -- clients/$DUP\`"
assert_not_exists "$S/clients/$DUP"
K=$S/clients/$KEEP
assert_exists "$K/contacts/$CONTACT"
assert_exists "$K/assessments/$ASSESSMENT"
assert_exists "$K/referrals/$REF.yaml"
# DUP's g1 and t1 became g2 and t2; the referral follows its goal.
assert_file_line "$K/plan.yaml" "  - id: g2"
assert_file_line "$K/plan.yaml" "        text: Visit the food bank"
assert_file_line "$K/plan.yaml" "      - id: t2"
assert_file_line "$K/referrals/$REF.yaml" "goal: g2"
assert_file_contains "$K/client.yaml" "to: food-bank"
assert_eq "merge-client $DUP into $KEEP" "$(git -C "$S" log -1 --format=%s)" "commit message"
assert_eq "" "$(git -C "$S" status --porcelain)" "everything committed"
assert_eq "$(cat "$T/head")" "$(git -C "$S" rev-parse HEAD~1)" "one commit"
run show "$KEEP"
assert_exit 0
assert_stdout_contains "Food Bank"
run find santos
assert_exit 0
assert_stdout_contains "$KEEP"
assert_file_not_contains "$T/stdout" "$DUP"
run check
assert_exit 0

# --- remove --------------------------------------------------------------------
run intake --name "Test Person" --score housing=3
GONE=$out
git -C "$S" rev-parse HEAD >"$T/head"
run remove "$GONE" </dev/null
assert_exit 2
assert_stderr_contains "removing a client needs --yes when there is no terminal to confirm on"
assert_exists "$S/clients/$GONE/client.yaml"
run --no-input remove "$GONE"
assert_exit 2
run remove nobody --yes
assert_exit 1
assert_eq "$(cat "$T/head")" "$(git -C "$S" rev-parse HEAD)" "commit after a refused remove"

# On a terminal it asks; anything but yes keeps the client.
if command -v script >/dev/null; then
  echo n | script -qec "$CASELOAD remove $GONE" /dev/null >"$T/tty.out" 2>&1
  assert_file_contains "$T/tty.out" "Remove client $GONE and its 2 files? [y/N]"
  assert_file_contains "$T/tty.out" "not confirmed; nothing was changed"
  assert_exists "$S/clients/$GONE/client.yaml"
  assert_eq "$(cat "$T/head")" "$(git -C "$S" rev-parse HEAD)" "commit after a refused remove"
fi

run remove "$GONE" --yes
assert_exit 0
assert_stdout_contains "Removed clients/$GONE (2 files)"
assert_stdout_contains "git history keeps them"
assert_not_exists "$S/clients/$GONE"
assert_eq "remove $GONE (2 files)" "$(git -C "$S" log -1 --format=%s)" "commit message"
assert_eq "" "$(git -C "$S" status --porcelain)" "everything committed"
run find "test person"
assert_exit 1
# The way back the output names.
run git checkout HEAD~1 -- "clients/$GONE"
assert_exit 0
assert_exists "$S/clients/$GONE/client.yaml"
run show "$GONE"
assert_exit 0

# A client whose record cannot be read can still be removed.
printf 'name: [unclosed\n' >>"$S/clients/$GONE/client.yaml"
run remove "$GONE" --yes
assert_exit 0
assert_not_exists "$S/clients/$GONE"
run check
assert_exit 0
pass
