# Issue 19: autocommit writes its commit with git's plumbing (store/git_plumbing)
# when that gives the commit `git commit` would: exactly the command's files
# on top of HEAD, other staged changes left staged and out of it, renames and
# removals included, the index in step; commit hooks and commit.gpgSign make
# it use `git commit` so that they run as the user set them up.
source "$TESTLIB"
export HOME=$T/home GIT_CONFIG_NOSYSTEM=1 CASELOAD_TODAY=2026-11-23 CASELOAD_WORKER=aoki
mkdir -p "$HOME"
new_store s
S=$T/s
status() { git -C "$S" status --porcelain --untracked-files=all; }
commits() { git -C "$S" rev-list --count HEAD; }

run --root "$S" intake --name "Siti Rahayu" --born 1980-02-03
assert_exit 0
A=$out
run --root "$S" intake --name "Rosa Lind" --born 1985-05-05
assert_exit 0
B=$out
assert_eq "" "$(status)" "status after intake"

# Another change staged by hand, in another client's file and outside the
# records: left staged, and not in the command's commit.
printf 'Agency notes\n' > "$S/NOTES.txt"
git -C "$S" add NOTES.txt
sed -i 's/^risk: .*//' "$S/clients/$B/client.yaml"
printf 'tags: [hand-edit]\n' >> "$S/clients/$B/client.yaml"
git -C "$S" add "clients/$B/client.yaml"
n=$(commits)
export GIT_TRACE=$T/trace  # which git commands made the commit
run --root "$S" contact "$A" "Called about the rent" --date "2026-11-23 10:00"
unset GIT_TRACE
assert_exit 0
grep -q "git commit-tree" "$T/trace" || fail "the commit was not made with the plumbing"
grep -q "git commit -q" "$T/trace" && fail "git commit ran as well as the plumbing"
C=$out
assert_eq $((n + 1)) "$(commits)" "commits after contact"
assert_eq "$C" "$(git -C "$S" show --name-only --format= HEAD)" "files in the contact's commit"
assert_eq "$(printf 'A  NOTES.txt\nM  clients/%s/client.yaml' "$B")" "$(status)" "status after the contact"
assert_eq "contact $A $(basename "$C" .yaml)" "$(git -C "$S" log -1 --format=%s)" "the commit's subject"
assert_eq "Caseload-Worker: aoki" "$(git -C "$S" log -1 --format=%b | sed '/^$/d')" "the commit's trailer"
git -C "$S" reflog -1 --format=%gs | grep -q "^commit: contact $A" || fail "the reflog lacks the commit: $(git -C "$S" reflog -1)"
git -C "$S" fsck --no-progress --no-dangling 2>&1 | grep -v "^$" && fail "git fsck complains"
# the blob is the file as .gitattributes makes it (text eol=lf), the same as git add's
assert_eq "$(git -C "$S" hash-object "$C")" "$(git -C "$S" rev-parse "HEAD:$C")" "the committed blob"
git -C "$S" reset -q NOTES.txt "clients/$B/client.yaml"
git -C "$S" checkout -q -- "clients/$B/client.yaml"
rm "$S/NOTES.txt"
assert_eq "" "$(status)" "status after undoing the hand edits"

# A rename (redate): the old path goes, the new one comes, in one commit.
run --root "$S" redate "$A" "$(basename "$C" .yaml)" 2026-11-22
assert_exit 0
assert_eq "$(printf 'A\t%s\nD\t%s' "${C/2026-11-23T/2026-11-22T}" "$C")" \
  "$(git -C "$S" show --no-renames --name-status --format= HEAD | sort)" "the rename's commit"
assert_eq "" "$(status)" "status after the rename"
# A new folder (the first referral, the first plan) gets its tree.
run --root "$S" plan "$A" goal add "Stable housing" --domain housing
assert_exit 0
assert_eq "clients/$A/plan.yaml" "$(git -C "$S" show --name-only --format= HEAD)" "the plan's commit"
assert_eq "" "$(status)" "status after plan"

# A pre-commit hook runs: one that refuses leaves the record written, listed
# for the next command, and says why.
mkdir -p "$S/.git/hooks"
printf '#!/bin/sh\necho "hook: no commits today" >&2\nexit 1\n' > "$S/.git/hooks/pre-commit"
chmod +x "$S/.git/hooks/pre-commit"
n=$(commits)
run --root "$S" contact "$A" "Home visit" --kind visit --date "2026-11-23 14:00"
assert_exit 1
assert_stderr_contains "the change is written but not committed"
assert_stderr_contains "hook: no commits today"
V=$(ls "$S/clients/$A/contacts/"*visit*.yaml)
assert_exists "$V"
assert_eq "$n" "$(commits)" "commits after the refusing hook"
printf '#!/bin/sh\ntouch hook-ran\nexit 0\n' > "$S/.git/hooks/pre-commit"
export GIT_TRACE=$T/trace2
run --root "$S" plan "$A" task add g1 "Apply for housing benefit"
unset GIT_TRACE
assert_exit 0
assert_exists "$S/hook-ran"
grep -q "git commit -q" "$T/trace2" || fail "with a hook, the commit was not made by git commit"
rm "$S/hook-ran"
assert_eq $((n + 1)) "$(commits)" "commits after the hook let it through"
assert_eq "$(printf 'clients/%s/plan.yaml\n%s' "$A" "${V#"$S/"}" | sort)" \
  "$(git -C "$S" show --name-only --format= HEAD | sort)" "the left-over record joins the next commit"
rm "$S/.git/hooks/pre-commit"

# commit.gpgSign: the commit is signed (by a stand-in for gpg).
cat > "$T/fake-gpg" <<'SH'
#!/bin/sh
cat >/dev/null
echo "[GNUPG:] SIG_CREATED D 1 8 00 1700000000 0000" >&2
printf -- '-----BEGIN PGP SIGNATURE-----\n\nZmFrZQ==\n-----END PGP SIGNATURE-----\n'
SH
chmod +x "$T/fake-gpg"
git -C "$S" config commit.gpgSign true
git -C "$S" config gpg.program "$T/fake-gpg"
run --root "$S" contact "$A" "Signed call" --date "2026-11-23 15:00"
assert_exit 0
git -C "$S" cat-file commit HEAD | grep -q "^gpgsig " || fail "commit.gpgSign: the commit is not signed"
git -C "$S" config --unset commit.gpgSign
assert_eq "" "$(status)" "status at the end"

pass
