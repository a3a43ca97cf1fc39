# caseload __complete WORDS... and the shell scripts of completions/ that
# call it: commands, options, option values and the store's IDs.
source "$TESTLIB"
SRC=$(dirname "$TESTLIB")/../..
TAB=$'\t'
export CASELOAD_ROOT=$EXAMPLES/agency

# Commands, from the CLI11 tree; __complete itself is hidden.
run __complete sh
assert_exit 0
assert_eq "show" "$out" "caseload sh"
run __complete ""
assert_stdout_contains "followups"
run --help
assert_exit 0
case "$out" in *__complete*) fail "--help lists __complete" ;; esac

# Clients: by ID prefix, and by name with the ID (find's folding).
run __complete show mar
assert_exit 0
assert_stderr_empty
assert_eq "7RJ5NB${TAB}Maria Santos
M6VHQ2${TAB}Maria Mäkinen" "$out" "caseload show mar"
run __complete show m6
assert_eq "M6VHQ2${TAB}Maria Mäkinen" "$out" "an ID prefix"
unset CASELOAD_ROOT
run __complete --root "$EXAMPLES/agency" show mar
assert_stdout_contains "M6VHQ2${TAB}Maria Mäkinen"
export CASELOAD_ROOT=$EXAMPLES/agency

# Option names and values: enumerations from core, not lists of their own.
run __complete followups --ki
assert_eq "--kind" "$out" "an option name"
run __complete followups --kind ""
assert_exit 0
for kind in task plan-review referral consent report; do
  assert_stdout_matches "^$kind\$"
done
run __complete followups --kind con
assert_eq "consent
contact
contact-due
contact-missed" "$(sort <<<"$out")" "kinds starting with con"
run __complete list --status ""
assert_eq "open
closed
all" "$out" "list --status"
run __complete referral 7RJ5NB 2026-07-07-food-bank-north ""
assert_stdout_matches "^accepted$"

# The store's IDs: resources, programs, a client's plan and records.
run __complete refer 7RJ5NB food
assert_stdout_matches "^food-bank-north$"
run __complete enroll 7RJ5NB ""
assert_stdout_matches "^food-assistance${TAB}"
run __complete plan 7RJ5NB done t
assert_stdout_matches "^t1${TAB}"
run __complete plan maria\ santos task add ""
assert_stdout_matches "^g1${TAB}"
run __complete referral 7RJ5NB 2026-10-0
assert_eq "2026-10-05-daycare-majakka" "$out" "a referral ref"
run __complete visit 7RJ5NB 2026-11
assert_eq "2026-11-12T1730-visit" "$out" "a contact ref"

# No store, an unknown client, git's own words: no candidates, no noise.
unset CASELOAD_ROOT
run __complete show mar
assert_exit 0
assert_stdout_empty
assert_stderr_empty
run __complete sh
assert_eq "show" "$out" "commands without a store"
export CASELOAD_ROOT=$EXAMPLES/agency
run __complete plan nobody done ""
assert_exit 0
assert_stdout_empty
assert_stderr_empty
CASELOAD_TODAY=bogus run __complete sh
assert_exit 0
assert_eq "show" "$out" "a bad CASELOAD_TODAY"
assert_stderr_empty

# Nothing from the store reaches the terminal as a control character.
copy_examples "$T/store"
sed -i "s/^name: Maria Santos\$/name: \"Maria \\\\e[31mSantos\\\\nX\"/" "$T/store/clients/7RJ5NB/client.yaml"
CASELOAD_ROOT=$T/store run __complete show 7rj
assert_exit 0
assert_eq "7RJ5NB${TAB}Maria  [31mSantos X" "$out" "control characters as spaces"

# bash: the script's function fills COMPREPLY.
mkdir "$T/bin" && ln -s "$CASELOAD" "$T/bin/caseload"
bash_complete() {  # WORDS... (the last is the word being completed)
  PATH="$T/bin:$PATH" bash -c 'source "$1"; shift
    complete -p caseload >/dev/null || exit 9
    COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _caseload
    printf "%s\n" "${COMPREPLY[@]}"' _ "$SRC/completions/caseload.bash" caseload "$@"
}
assert_eq "show" "$(bash_complete sh)" "bash: caseload sh"
assert_eq "7RJ5NB
M6VHQ2" "$(bash_complete show mar)" "bash: caseload show mar"
case "$(bash_complete followups --kind '')" in *contact-missed*) ;; *) fail "bash: followups --kind" ;; esac

# zsh: the function, with compadd standing in for zsh's, prints what it adds.
if command -v zsh >/dev/null; then
  zsh_complete() {
    PATH="$T/bin:$PATH" zsh -fc 'fpath=("$1" $fpath); shift
      compadd() { local a; while (( $# )); do [[ $1 == -a ]] && { print -l -- ${(P)2}; shift; }; shift; done }
      _files() { print files }
      autoload -Uz _caseload; words=(caseload "$@"); CURRENT=$#words; _caseload' _ "$SRC/completions" "$@"
  }
  assert_eq "show" "$(zsh_complete sh)" "zsh: caseload sh"
  assert_eq "7RJ5NB
M6VHQ2" "$(zsh_complete show mar)" "zsh: caseload show mar"
  case "$(zsh_complete followups --kind '')" in *contact-missed*) ;; *) fail "zsh: followups --kind" ;; esac
else
  echo "zsh not installed: its completion is not tested (scripts/setup installs it)"
fi

# fish: complete -C asks the loaded completion.
if command -v fish >/dev/null; then
  fish_complete() {
    PATH="$T/bin:$PATH" HOME=$T fish --no-config -c "source $SRC/completions/caseload.fish; complete -C'$1'"
  }
  case "$(fish_complete 'caseload sh')" in show*) ;; *) fail "fish: caseload sh" ;; esac
  case "$(fish_complete 'caseload show mar')" in *M6VHQ2*) ;; *) fail "fish: caseload show mar" ;; esac
  case "$(fish_complete 'caseload followups --kind ')" in *contact-missed*) ;; *) fail "fish: followups --kind" ;; esac
else
  echo "fish not installed: its completion is not tested (scripts/setup installs it)"
fi

pass
