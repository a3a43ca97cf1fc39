# fish completion for caseload(1). The candidates come from the program
# itself (`caseload __complete WORDS...`, one per line, a tab before a
# description), which knows the commands and reads the store's IDs.
function __caseload_complete
    set -l words (commandline -opc)
    $words[1] __complete $words[2..-1] (commandline -ct) 2>/dev/null
end
complete -c caseload -f -a '(__caseload_complete)'
