# bash completion for caseload(1). The candidates come from the program
# itself (`caseload __complete WORDS...`, one per line, a tab before a
# description), which knows the commands and reads the store's IDs.
_caseload() {
  local line
  COMPREPLY=()
  while IFS= read -r line; do
    COMPREPLY+=("${line%%$'\t'*}")
  done < <("${COMP_WORDS[0]}" __complete "${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null)
}
# -o default: paths (--root, --output) when caseload offers nothing.
complete -o default -F _caseload caseload
