# Issue 15: a hostile shared repository or a hostile file placed in the store
# never makes the program read or write outside the store, nor hang.
#   - links tracked by a shared repository: clone and sync refuse them, and
#     nothing a link points at is read, committed or pushed;
#   - .caseload/ (lock, cache, editing copies) must be a real folder of the
#     user's own: a link there, or a link as the lock, is refused with the fix;
#   - a FIFO in place of a record, caseload.yaml or the cache never hangs a
#     command: it is named as what it is.
source "$TESTLIB"
export HOME=$T/home GIT_CONFIG_NOSYSTEM=1 CASELOAD_TODAY=2026-11-23
mkdir -p "$HOME"

# Every command of this test runs under a time limit: a hang is exit 124.
REAL=$CASELOAD
printf '#!/bin/sh\nexec timeout 20 "%s" "$@"\n' "$REAL" >"$T/bounded"
chmod +x "$T/bounded"
CASELOAD=$T/bounded

secret=$T/secret.txt
echo "PRIVATE KEY MATERIAL" >"$secret"

# --- clone: a repository whose .gitattributes is a link -------------------------
new_store hub-src
git -C hub-src rm -q .gitattributes
ln -s "$secret" hub-src/.gitattributes
git -C hub-src add .gitattributes
git -C hub-src -c user.name=x -c user.email=x@x commit -qm "link"
git clone -q --bare hub-src hub.git
run clone hub.git mine
assert_exit 1
assert_stderr_contains "symbolic links"
assert_stderr_contains ".gitattributes"
assert_stderr_contains "nothing was checked out"
assert_not_exists "$T/mine"
[ -z "$(grep -rl "PRIVATE KEY" hub.git 2>/dev/null)" ] || fail "the secret reached the shared repository"

# --- clone: a repository that tracks .caseload/lock -----------------------------
new_store hub2-src
mkdir -p hub2-src/.caseload
ln -sf ../.git/index.lock hub2-src/.caseload/lock 2>/dev/null || true
git -C hub2-src add -f .caseload/lock
git -C hub2-src -c user.name=x -c user.email=x@x commit -qm "lock"
git clone -q --bare hub2-src hub2.git
mkdir mine2  # an empty folder of the user's own is kept, only the clone goes
run clone hub2.git mine2
assert_exit 1
assert_stderr_contains ".caseload/lock"
assert_exists "$T/mine2"
assert_not_exists "$T/mine2/.git"

# --- sync: a link arriving from the shared repository ---------------------------
new_store base
git clone -q --bare base hub3.git
run clone hub3.git a
assert_exit 0
run clone hub3.git b
assert_exit 0
mkdir -p a/resources
ln -s "$secret" a/resources/evil.yaml
git -C a add resources/evil.yaml
git -C a -c user.name=x -c user.email=x@x commit -qm "evil"
git -C a push -q
before=$(git -C b rev-parse HEAD)
run --root b sync
assert_exit 1
assert_stderr_contains "resources/evil.yaml"
assert_stderr_contains "nothing was taken in"
assert_eq "$before" "$(git -C b rev-parse HEAD)" "sync took the link in"
assert_not_exists "$T/b/resources/evil.yaml"

# --- .caseload/ as a link, the lock as a link ------------------------------------
new_store s1
mkdir elsewhere
rm -rf s1/.caseload
ln -s "$T/elsewhere" s1/.caseload
run --root s1 intake --name "Siti Rahayu" --born 1980-02-03 --worker aoki
assert_exit 1
assert_stderr_contains ".caseload is a link"
assert_stderr_contains "rm"
assert_eq "" "$(ls -A elsewhere)" "files made through the .caseload link"
assert_eq "" "$(ls s1/clients)" "a client written despite the refused lock"
run --root s1 list
assert_exit 1
assert_stderr_contains ".caseload is a link"

new_store s2
mkdir -p s2/.caseload
touch s2/.git/index.lock.target
ln -sf "$T/s2/.git/index.lock.target" s2/.caseload/lock
run --root s2 intake --name "Siti Rahayu" --born 1980-02-03 --worker aoki
assert_exit 1
assert_stderr_contains "store lock"
assert_stderr_contains "is a link"
rm s2/.caseload/lock
run --root s2 intake --name "Siti Rahayu" --born 1980-02-03 --worker aoki
assert_exit 0

# --- a link as the clients/ folder: nothing written through it ------------------
new_store s3
mkdir outside-clients
rmdir s3/clients
ln -s "$T/outside-clients" s3/clients
run --root s3 intake --name "Siti Rahayu" --born 1980-02-03 --worker aoki
assert_exit 1
assert_eq "" "$(ls -A outside-clients)" "a client written through the clients link"

# --- FIFOs never hang a command ---------------------------------------------------
copy_examples s4
S=$T/s4
id=$(ls "$S/clients" | head -n 1)
mv "$S/clients/$id/client.yaml" "$T/client.yaml.saved"
mkfifo "$S/clients/$id/client.yaml"
for cmd in followups list check "show $id"; do
  run --root "$S" $cmd
  [ "$status" -ne 124 ] || fail "'$cmd' hung on a FIFO"
  case "$out$err" in *"clients/$id/client.yaml"*"FIFO"*) _check ;; *) fail "'$cmd' does not name the FIFO" ;; esac
done
run --root "$S" followups --format json
assert_stdout_contains "a FIFO in place of a record file"
rm "$S/clients/$id/client.yaml"
mv "$T/client.yaml.saved" "$S/clients/$id/client.yaml"

# A FIFO as a cache file is passed over: the cache is rebuilt beside it.
rm -rf "$S/.caseload"
run --root "$S" followups
assert_exit 0
expected=$out
for f in "$S"/.caseload/cache/*; do rm "$f" && mkfifo "$f"; done
run --root "$S" followups
assert_exit 0
assert_eq "$expected" "$out" "followups with FIFOs as cache files"

# caseload.yaml as a FIFO: an error naming it, never a hang.
mv "$S/caseload.yaml" "$T/settings.saved"
mkfifo "$S/caseload.yaml"
run --root "$S" followups
[ "$status" -ne 124 ] || fail "followups hung on a FIFO caseload.yaml"
assert_exit 1
assert_stderr_contains "caseload.yaml"
assert_stderr_contains "FIFO"

pass
