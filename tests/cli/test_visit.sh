# caseload visit CLIENT REF done|missed|cancelled [--note] and
# caseload visit CLIENT REF move DATE [--time HH:MM]: a scheduled contact
# marked or moved by a command, REF in every form the program prints, each
# change one commit that names no one; a move renames the file with its date.
source "$TESTLIB"

new_store s
S=$T/s
export CASELOAD_ROOT=$S CASELOAD_TODAY=2026-11-23
run intake --name "Rizal Dela Cruz"
assert_exit 0
ID=$out
run intake --name "Other Client"
assert_exit 0
OTHER=$out
C=$S/clients/$ID/contacts

head_is() { git -C "$S" rev-parse HEAD >"$T/head"; }
unchanged() {  # the last command changed nothing and committed nothing
  assert_eq "$(cat "$T/head")" "$(git -C "$S" rev-parse HEAD)" "HEAD after a refused command"
  assert_eq "" "$(git -C "$S" status --porcelain)" "files left by a refused command"
}
last_commit() { git -C "$S" log -1 --format=%s; }

run schedule "$ID" "2026-11-26 10:00" "Home visit with the housing form"
assert_exit 0
V1=$(basename "$out" .yaml)
assert_event_name "$V1" "2026-11-26T1000-visit" ""
head_is

# --- refused: done in the future, bad actions, DATE where none goes --------------
run visit "$ID" "$V1" done
assert_exit 2
assert_stderr_contains "caseload: usage: done: a contact recorded as done cannot be in the future (2026-11-26 is after today, 2026-11-23); nothing was written"
assert_stderr_contains "hint: it is planned for 2026-11-26T10:00; if it took place today, move it first: \`caseload visit $ID $V1 move today\`"
unchanged
run visit "$ID" "$V1" finished
assert_exit 2
assert_stderr_contains "'finished' is not something a visit can become"
run visit "$ID" "$V1" move
assert_exit 2
assert_stderr_contains "move needs a DATE"
run visit "$ID" "$V1" missed 2026-11-20
assert_exit 2
assert_stderr_contains "a DATE or --time goes with move, not with missed"
run visit "$ID" "$V1" move fri --time 25:00
assert_exit 2
run visit "$ID" "$V1" move "fri 9:00" --time 10:00
assert_exit 2
assert_stderr_contains "give the time once"
unchanged

# --- move: by the file's path as contact/schedule print it; the time is kept -----
run visit "$ID" "clients/$ID/contacts/$V1.yaml" move 2026-11-20
assert_exit 0
V2=2026-11-20T1000-visit${V1#2026-11-26T1000-visit}
assert_eq "$V2: moved to 2026-11-20T10:00" "$out" "move's confirmation"
assert_not_exists "$C/$V1.yaml"
assert_file_line "$C/$V2.yaml" "date: 2026-11-20T10:00"
assert_file_line "$C/$V2.yaml" "status: scheduled"
assert_eq "visit $ID $V1 $V2 move" "$(last_commit)" "commit message of a move"
assert_eq "A	clients/$ID/contacts/$V2.yaml
D	clients/$ID/contacts/$V1.yaml" "$(git -C "$S" show --format= --name-status --no-renames HEAD)" "files of the move's commit"
assert_eq "" "$(git -C "$S" status --porcelain)" "files left after a move"
run check
assert_exit 0

# --- done, with a note, by contacts/NAME without .yaml --------------------------
run visit "$ID" "contacts/$V2" done --note "Form signed; rent contract copied"
assert_exit 0
assert_eq "$V2: scheduled -> done" "$out" "done's confirmation"
assert_file_line "$C/$V2.yaml" "status: done"
assert_file_contains "$C/$V2.yaml" "Form signed; rent contract copied"
assert_eq "visit $ID $V2 done" "$(last_commit)" "commit message of done"
run visit "$ID" "$V2" done
assert_exit 1
assert_stderr_contains "contact $V2 is already done"
head_is
run visit "$ID" "$V2" move +1w
assert_exit 1
assert_stderr_contains "contact $V2 is done, not scheduled: there is no visit to move"
assert_stderr_contains "\`caseload schedule $ID DATE SUMMARY\`"
unchanged

# --- a unique prefix; move with --time ------------------------------------------
run schedule "$ID" "2026-11-30 14:00" "Visit with the landlord"
assert_exit 0
V3=$(basename "$out" .yaml)
run visit "$ID" 2026-11-30 move 2026-12-01 --time 9:30
assert_exit 0
V4=2026-12-01T0930-visit${V3#2026-11-30T1400-visit}
assert_exists "$C/$V4.yaml"
assert_file_line "$C/$V4.yaml" "date: 2026-12-01T09:30"
assert_not_exists "$C/$V3.yaml"

# --- the ref of followups json and the UID of its ics ---------------------------
run followups --client "$ID" --kind contact --until 2026-12-31 --format json
assert_stdout_contains "\"ref\": \"$V4\""
run followups --client "$ID" --kind contact --until 2026-12-31 --format ics
assert_stdout_contains "UID:$ID-contact-$V4@caseload"
run visit "$ID" "$ID-contact-$V4@caseload" cancelled --note "Landlord ill"
assert_exit 0
assert_eq "$V4: scheduled -> cancelled" "$out" "cancelled's confirmation"
assert_file_line "$C/$V4.yaml" "status: cancelled"
# Cancelled, it is to be rescheduled: the UID of that item names it too.
run followups --client "$ID" --kind contact-missed --format ics
assert_stdout_contains "UID:$ID-contact-missed-$V4@caseload"
run visit "$ID" "$ID-contact-missed-$V4@caseload" missed
assert_exit 0
assert_eq "$V4: cancelled -> missed" "$out" "a correction of the outcome"

# --- ambiguous, unknown, another client's file ----------------------------------
run schedule "$ID" "2026-12-03 10:00" "Visit one"
run schedule "$ID" "2026-12-03 15:00" "Visit two" --kind office
head_is
run visit "$ID" 2026-12-03 done
assert_exit 1
assert_stderr_contains "'2026-12-03' matches 2 contacts of $ID:"
assert_stderr_matches "^  2026-12-03T1000-visit-$NAME_SUFFIX_RE$"
assert_stderr_matches "^  2026-12-03T1500-office-$NAME_SUFFIX_RE$"
assert_stderr_contains "hint: give more of the file name"
unchanged
run visit "$ID" 2027 done
assert_exit 1
assert_stderr_contains "caseload: error: client $ID has no contact '2027'"
assert_stderr_contains "hint: contacts of $ID: "
assert_stderr_contains "$V4"
run visit "$OTHER" "$V4" done
assert_exit 1
assert_stderr_contains "client $OTHER has no contact '$V4'"
assert_stderr_contains "hint: the client has no contacts"
run visit "$OTHER" "clients/$ID/contacts/$V4.yaml" done
assert_exit 1
assert_stderr_contains "is not a file of client $OTHER"
run visit "$ID" "../$OTHER/client" done
assert_exit 2
run visit "$ID" "referrals/$V4" done
assert_exit 2
unchanged

# --- a file git does not track is moved all the same, and the new one committed --
run schedule "$ID" "2026-12-10 10:00" "Visit at the library"
V5=$(basename "$out" .yaml)
git -C "$S" rm -q --cached "clients/$ID/contacts/$V5.yaml" && git -C "$S" commit -q -m "untracked by hand"
run visit "$ID" "$V5" move 2026-12-11
assert_exit 0
assert_stderr_empty
V6=2026-12-11T1000-visit${V5#2026-12-10T1000-visit}
assert_eq "A	clients/$ID/contacts/$V6.yaml" "$(git -C "$S" show --format= --name-status HEAD)" "files of the commit"
assert_eq "" "$(git -C "$S" status --porcelain)" "files left after moving an untracked file"

# --- nothing of a person in the history -----------------------------------------
assert_eq "" "$(git -C "$S" log --format=%s | grep -iE 'rizal|landlord|form' || true)" "names in commit messages"
run check
assert_exit 0

pass
