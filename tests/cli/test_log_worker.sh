# Each autocommit records the acting worker as a trailer
# (Caseload-Worker: ID), and `caseload log` shows it for each change, with
# git's author beside it when that says something else (a shared machine);
# older commits, without the trailer, show their git author as before.
source "$TESTLIB"

"$CASELOAD" init s --worker "aoki:Hana Aoki" --worker "berg:Ingrid Berg" >/dev/null 2>&1 </dev/null || fail "init"
S=$T/s
export CASELOAD_ROOT=$S CASELOAD_TODAY=2026-11-23
git -C "$S" config user.name "Front Desk"
git -C "$S" config user.email "desk@example.org"

run intake --no-input --name "Ana Lima"
assert_exit 0
ID=$out
assert_eq "intake $ID

Caseload-Worker: aoki" "$(git -C "$S" log -1 --format=%B)" "intake's message and trailer"
CASELOAD_WORKER=berg run contact "$ID" "Called about the rent"
assert_exit 0
assert_eq "berg" "$(git -C "$S" log -1 --format='%(trailers:key=Caseload-Worker,valueonly)' | head -1)" "contact's trailer"
# A change committed by hand, without the trailer.
sed -i 's/^name: Ana Lima$/name: Ana Lima\nphone: "+358 40 555 0300"/' "$S/clients/$ID/client.yaml"
git -C "$S" -c user.name="Old Laptop" -c user.email=old@example.org commit -qam "phone by hand" || fail "commit by hand"

run log "$ID"
assert_exit 0
assert_stdout_matches "^2026-[0-9-]+ [0-9:]+  Old Laptop  phone by hand$"
assert_stdout_matches "^2026-[0-9-]+ [0-9:]+  berg \(Front Desk\)  contact $ID "
assert_stdout_matches "^2026-[0-9-]+ [0-9:]+  aoki \(Front Desk\)  intake $ID$"
run log "$ID" --format json
assert_exit 0
# "worker" is the last key of each commit: null without the trailer.
assert_eq '    "worker": null
    "worker": "berg"
    "worker": "aoki"' "$(grep '"worker"' "$T/stdout")" "worker keys"
assert_eq 3 "$(grep -B1 '"worker"' "$T/stdout" | grep -c '^    \],\?$')" "worker follows files"

# Without a git identity the worker is also the author: shown once.
git -C "$S" config --unset user.name
git -C "$S" config --unset user.email
HOME=$T GIT_CONFIG_NOSYSTEM=1 CASELOAD_WORKER=berg run plan "$ID" goal add "Stable housing"
assert_exit 0
HOME=$T GIT_CONFIG_NOSYSTEM=1 run log "$ID"
assert_stdout_matches "^2026-[0-9-]+ [0-9:]+  berg  plan $ID goal add g1$"
pass
