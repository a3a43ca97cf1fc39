# Issue 15: output that cannot be written is an error, and --output never
# replaces what is not a regular file.
source "$TESTLIB"
export CASELOAD_TODAY=2026-11-23
copy_examples s
S=$T/s

# A full disk (or any failed write) on standard output: exit 1, said so.
for cmd in list followups "show 3FZK8R" "find santos"; do
  "$CASELOAD" --root "$S" $cmd >/dev/full 2>"$T/err"
  st=$?
  assert_eq 1 "$st" "exit status of '$cmd >/dev/full'"
  assert_file_contains "$T/err" "cannot write to standard output"
done

# --output: a new file, or a regular file replaced; anything else refused.
run --root "$S" followups --output report.txt
assert_exit 0
assert_file_contains report.txt "Overdue"
run --root "$S" followups --output report.txt --until +7d
assert_exit 0
mkfifo pipe
run --root "$S" followups --output pipe
assert_exit 1
assert_stderr_contains "is a FIFO"
[ -p pipe ] || fail "the FIFO was replaced"
echo keep >target.txt
ln -s target.txt link.txt
run --root "$S" followups --output link.txt
assert_exit 1
assert_stderr_contains "is a link"
[ -L link.txt ] || fail "the link was replaced"
assert_file_line target.txt keep
pass
