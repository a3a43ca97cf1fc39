# Naming and finding clients the way a worker types them: Nordic letters by
# their two-letter spellings, apostrophes of any kind left out, each part of
# a hyphenated name a word, an ID with stray spaces; `find` and every command
# that takes a client (show here) fold alike.
source "$TESTLIB"

new_store s
export CASELOAD_ROOT=$T/s CASELOAD_TODAY=2026-11-23
intake() { run intake --no-input --name "$1"; assert_exit 0; printf -v "$2" '%s' "$out"; }
intake "Mette Kjær" KJAER
intake "Øyvind Bråten" BRATEN
intake "Åse Lund" ASE
intake "Sean O’Brien" OBRIEN
intake "Maria Santos-Reyes" REYES
intake "Maria Santos" SANTOS

check_both() {  # QUERY ID: find lists only ID, show shows ID
  run find "$1" --format csv
  assert_exit 0
  assert_eq "$2" "$(tail -n +2 "$T/stdout" | cut -d, -f1)" "find '$1'"
  run show "$1"
  assert_exit 0
  assert_stdout_matches "  $2\$"
}
check_both kjaer "$KJAER"
check_both KJÆR "$KJAER"
check_both oeyvind "$BRATEN"
check_both oyvind "$BRATEN"
check_both braaten "$BRATEN"
check_both "oeyvind braaten" "$BRATEN"
check_both aase "$ASE"
check_both obrien "$OBRIEN"
check_both "o'brien" "$OBRIEN"
check_both "O‘Brien" "$OBRIEN"
check_both reyes "$REYES"
check_both "santos-reyes" "$REYES"
check_both "maria santos reyes" "$REYES"
check_both " $SANTOS " "$SANTOS"

# A stray space around an ID on any command that takes a client.
run plan " $ASE" goal add "Stable housing"
assert_exit 0
run plan "$ASE "
assert_exit 0
assert_stdout_contains "Stable housing"

# Two Marias named Santos are still two.
run show santos
assert_exit 1
assert_stderr_contains "$SANTOS"
assert_stderr_contains "$REYES"
pass
