# followups and list fit the terminal: with COLUMNS (or a terminal's width)
# columns are cut by display width to fit, FILE first, then WHAT and NAME;
# --wide shows everything; an invalid COLUMNS is ignored. Wide names in
# Bengali and Finnish are cut between grapheme clusters.
source "$TESTLIB"

new_store s
export CASELOAD_ROOT=$T/s CASELOAD_TODAY=2026-11-23
BN="ক্ষেত্রমোহন চক্রবর্তী ক্ষেত্রমোহন চক্রবর্তী"
FI="Jääskeläinen-Väisänen Äijälä Öhmanin Liisa-Maria"
run intake --no-input --name "$BN"
assert_exit 0
B=$out
run intake --no-input --name "$FI"
assert_exit 0
F=$out
run schedule "$B" "fri 10:00" "Home visit with the housing form and the landlord's letter"
run schedule "$F" "fri 11:00" "Kotikäynti: asumistukihakemus ja vuokranantajan kirje"

width_ok() {  # every line of stdout is at most $1 columns
  local line
  while IFS= read -r line; do
    local w
    w=$(printf '%s' "$line" | wc -L)
    [ "$w" -le "$1" ] || return 1
  done <"$T/stdout"
}

# Without COLUMNS and not a terminal: nothing is cut beyond the columns' own limits.
run followups --until +7d
assert_exit 0
assert_stdout_contains "clients/$B/contacts/"
full=$out

COLUMNS=60 run followups --until +7d
assert_exit 0
_check; width_ok 60 || fail "followups at COLUMNS=60 is wider than 60 columns"
assert_stdout_matches '^LATE +CLIENT +NAME +KIND +WHAT +FILE$'
assert_stdout_contains "$B"
assert_stdout_contains "$F"
assert_file_not_contains "$T/stdout" "clients/$B/contacts/"   # FILE gave way first
# Cut between grapheme clusters: never a vowel sign or virama without its consonant.
_check; ! grep -qP '(?<![\x{0980}-\x{09FF}])[\x{09BE}-\x{09CD}]' "$T/stdout" || fail "a Bengali mark lost its consonant"
_check; ! grep -qP '\x{09CD}…' "$T/stdout" || fail "a conjunct was cut after its virama"

COLUMNS=60 run list
assert_exit 0
_check; width_ok 60 || fail "list at COLUMNS=60 is wider than 60 columns"
assert_stdout_matches '^ID +NAME +WORKER +OPENED +LAST CONTACT +NEXT DUE$'
assert_stdout_contains "…"

# Colour takes no column: a coloured table (overdue dates are red) is cut
# exactly as a plain one.
COLUMNS=60 run --today 2027-01-30 list
plain=$out
COLUMNS=60 run --today 2027-01-30 --color always list
assert_stdout_contains $'\e[31m'
assert_eq "$plain" "$(sed 's/\x1b\[[0-9;]*m//g' "$T/stdout")" "coloured list, colours removed"

# --wide shows every cell whole, even past the columns' own limits.
COLUMNS=60 run --wide followups --until +7d
assert_exit 0
assert_stdout_contains "$BN"
assert_stdout_contains "Home visit with the housing form and the landlord's letter"
assert_stdout_contains "clients/$B/contacts/"
COLUMNS=60 run list --wide
assert_stdout_contains "$BN"
assert_stdout_contains "$FI"

# An invalid COLUMNS is ignored: the output is as without it.
for bad in abc -5 0 60x 99999999999; do
  COLUMNS=$bad run followups --until +7d
  assert_exit 0
  assert_eq "$full" "$out" "followups with COLUMNS=$bad"
done
# Scripts' formats are never cut.
COLUMNS=20 run followups --until +7d --format csv
assert_stdout_contains "$BN"
# A report written to a file is not cut to the terminal.
COLUMNS=60 run followups --until +7d --output report.txt
assert_file_contains report.txt "clients/$B/contacts/"
pass
