# caseload plan: goals and tasks with IDs never reused, done/status/review,
# the printed plan, and errors; check on plans.
source "$TESTLIB"

new_store s
S=$T/s
export CASELOAD_ROOT=$S CASELOAD_TODAY=2026-11-30
run intake --name "Siti Rahayu"
ID=$out
P=$S/clients/$ID/plan.yaml

run plan "$ID"
assert_exit 0
assert_stdout_contains "has no plan yet"
run plan "$ID" done t1
assert_exit 1
assert_stderr_contains "no plan yet"
assert_not_exists "$P"

run plan siti goal add "Move into stable housing" --domain housing --target +3m
assert_exit 0
assert_eq g1 "$out" "first goal ID"
assert_file_line "$P" "    target: 2027-02-28"   # +3m from 2026-11-30 clamps to February's end
assert_file_line "$P" "    status: active"
assert_mode "$P" 600
run plan "$ID" task add g1 "Apply for housing benefit" --due 2026-11-25 --owner client
assert_eq t1 "$out" "first task ID"
run plan "$ID" goal add "Enough food at home" --domain food
assert_eq g2 "$out" "second goal ID"
run plan "$ID" task add g2 "Visit the food bank" --due tomorrow
assert_eq t2 "$out" "task IDs are unique across goals"
assert_file_line "$P" "        due: 2026-12-01"

run plan "$ID" task add g9 "Nowhere"
assert_exit 1
assert_stderr_contains "no g9"
run plan "$ID" goal add "Bad domain" --domain nonsense
assert_exit 2
assert_stderr_contains "housing"
run plan "$ID" task add g1 "Bad date" --due 2026-02-30
assert_exit 2
cp "$P" "$T/before.yaml"

run plan "$ID" done t1
assert_exit 0
assert_file_contains "$P" "        status: done"
assert_file_line "$P" "        done: 2026-11-30"
run plan "$ID" status t1 todo
assert_exit 0
assert_file_not_contains "$P" "done: 2026-11-30"
run plan "$ID" status t1 finished
assert_exit 2
assert_stderr_contains "todo, done, cancelled"
run plan "$ID" status g2 paused
assert_exit 2
assert_stderr_contains "active, achieved, on-hold, abandoned"
run plan "$ID" status x1 done
assert_exit 2
run plan "$ID" done g2
assert_exit 0
assert_file_line "$P" "    status: achieved"
# Its open task leaves the follow-up list with it: the worker is told.
assert_stderr_contains "note: g2 still has open tasks: t2"
run plan "$ID" review 2027-03-01
assert_file_line "$P" "review: 2027-03-01"
assert_eq "review: 2027-03-01" "$(head -1 "$P")" "review is the first key"

# An ID is never handed out twice: cancelled tasks keep theirs, the next is t3.
run plan "$ID" status t2 cancelled
run plan "$ID" task add g1 "Call the landlord"
assert_eq t3 "$out" "next task ID after a cancelled one"

# The printed plan.
run plan "$ID"
assert_exit 0
assert_stdout_contains "review 2027-03-01"
assert_stdout_contains "g1 [active] Move into stable housing · housing · target 2027-02-28"
assert_stdout_contains "t1 [todo] Apply for housing benefit · due 2026-11-25 · client · OVERDUE 5d"
assert_stdout_contains "g2 [achieved] Enough food at home"
assert_stdout_contains "t2 [cancelled] Visit the food bank"

# show lists active goals with their open tasks.
run show "$ID"
assert_stdout_contains "g1 Move into stable housing [housing]"
assert_stdout_contains "t1 Apply for housing benefit due 2026-11-25 (overdue)"
assert_file_not_contains "$T/stdout" "Enough food at home"

# A user's own key in a task survives plan changes.
sed -i 's/^        text: Call the landlord$/&\n        my_note: keep me/' "$P"
run plan "$ID" done t3
assert_exit 0
assert_eq "        my_note: keep me" "$(grep -A1 'text: Call the landlord' "$P" | tail -1)" "user key in place"

# check reports duplicate IDs (at the second), bad statuses, unknown domains.
cat > "$P" <<'YAML'
goals:
  - id: g1
    domain: nowhere
    text: One
    status: active
    tasks:
      - id: t1
        text: A
        status: todo
  - id: g1
    text: Two
    status: paused
    tasks:
      - id: t1
        text: B
        status: later
YAML
run check
assert_exit 3
assert_stdout_contains "clients/$ID/plan.yaml:3:13: error: unknown domain: not listed under domains in caseload.yaml"
assert_stdout_contains "clients/$ID/plan.yaml:10:9: error: duplicate goal ID: IDs are unique in the client"
assert_stdout_contains "clients/$ID/plan.yaml:12:13: error: goal: 'status': not one of"
assert_stdout_contains "clients/$ID/plan.yaml:14:13: error: duplicate task ID: IDs are unique in the client"
assert_stdout_contains "clients/$ID/plan.yaml:16:17: error: task: 'status': not one of"
# ...and plan commands refuse a file they cannot parse, leaving it as it is.
printf 'goals: [\n' > "$P"
cp "$P" "$T/broken.yaml"
run plan "$ID" goal add "Anything"
assert_exit 1
assert_stderr_contains "clients/$ID/plan.yaml:"
assert_same_bytes "$T/broken.yaml" "$P"
pass
