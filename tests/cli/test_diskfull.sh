# SPEC 7 / issue 8: a write that fails for lack of space (here a file-size
# limit, `ulimit -f`, with SIGXFSZ ignored so that write() fails with EFBIG
# as on a full disk) exits non-zero with a clear message, leaves the
# previous file byte for byte, and leaves no temporary file behind.
source "$TESTLIB"
export CASELOAD_TODAY=2026-11-23

new_store s
rm -rf s/.git
S=$T/s
run --root "$S" intake --name "Ana Diskfull" --phone "+358 40 555 0100"
assert_exit 0
C=$out
CLIENT=$S/clients/$C/client.yaml
cp "$CLIENT" "$T/client.before"

# 200 KB of text: more than the 64 KB the limit allows.
awk 'BEGIN { for (i = 0; i < 3000; i++) printf "line %04d of a narrative that does not fit on the disk.\n", i }' >"$T/big.txt"

limited() {  # ARGS...: caseload under a 64 KB file-size limit, stdin from $T/big.txt
  last_cmd="$*  (ulimit -f 64)"
  (
    trap '' XFSZ
    ulimit -f 64
    exec "$CASELOAD" "$@" <"$T/big.txt"
  ) >"$T/stdout" 2>"$T/stderr"
  status=$?
  out=$(<"$T/stdout")
  err=$(<"$T/stderr")
}

no_temp_files() {
  assert_eq "" "$(find "$S" -name '.*.tmp-*')" "temporary files left behind"
}

# A rewrite of an existing record: close with a long reason.
limited --root "$S" close "$C" --reason -
assert_exit 1
assert_stderr_contains "cannot write"
assert_stderr_contains "clients/$C/client.yaml"
assert_stderr_contains "File too large"
assert_stderr_contains "the file was left as it was"
assert_stderr_contains "hint:"
assert_same_bytes "$T/client.before" "$CLIENT"
no_temp_files

# A new record: a contact with a long narrative is not written at all.
limited --root "$S" contact "$C" "Long visit" --date 2026-11-23T10:00 --text -
assert_exit 1
assert_stderr_contains "File too large"
assert_not_exists "$S/clients/$C/contacts/2026-11-23T1000-call.yaml"
no_temp_files

# The store is as it was, and works once there is room again.
run --root "$S" check
assert_exit 0
run --root "$S" close "$C" --reason - <"$T/big.txt"
assert_exit 0
assert_file_contains "$CLIENT" "line 2999 of a narrative"

# Issue 15: every failed write cleans up after itself.
tiny() {  # LIMIT ARGS...: caseload under a LIMIT KB file-size limit
  local limit=$1; shift
  last_cmd="$*  (ulimit -f $limit)"
  ( trap '' XFSZ; ulimit -f "$limit"; exec "$CASELOAD" "$@" </dev/null ) >"$T/stdout" 2>"$T/stderr"
  status=$?
  out=$(<"$T/stdout")
  err=$(<"$T/stderr")
}
# A failed intake leaves no empty client folder (check would fail on it).
before=$(ls "$S/clients")
# (1 KB: room for the error message, not for a record with a long name)
tiny 1 --root "$S" intake --name "Rosa $(printf 'Lind%.0s' $(seq 1 600))" --born 1985-05-05
assert_exit 1
assert_stderr_contains "File too large"
assert_eq "$before" "$(ls "$S/clients")" "a failed intake left a client folder"
run --root "$S" check
assert_exit 0
# A failed edit leaves no empty working copy.
EDITOR=true tiny 1 --root "$S" edit "$C"
assert_exit 1
assert_eq "" "$(find "$S/.caseload" -path '*edit*' -type f)" "a failed edit left a working copy"
# An init whose git repository cannot be written leaves no half-made .git,
# which would make every later command commit nothing without a word.
tiny 2 init "$T/fresh" --worker aoki
assert_exit 0
assert_stderr_contains "git init failed"
assert_stderr_contains "the half-made .git was removed"
assert_not_exists "$T/fresh/.git"
run --root "$T/fresh" intake --name "Ana Cruz" --born 1990-01-01
assert_exit 0
# A damaged .git of the store's own is said, not taken for "no git".
run init "$T/damaged" --worker aoki
assert_exit 0
rm "$T/damaged/.git/HEAD"
run --root "$T/damaged" intake --name "Ana Cruz" --born 1990-01-01
assert_exit 1
assert_stderr_contains "written but not committed"
assert_stderr_contains "git repository (.git) is damaged"

pass
