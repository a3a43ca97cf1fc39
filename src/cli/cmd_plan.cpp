// caseload plan CLIENT [goal add | task add | done | status | review]: goals
// and tasks in plan.yaml; with no action, the plan printed for people.
#include <fmt/format.h>

#include "caseload/cli/terminal_safe.hpp"
#include "caseload/cli/change_date.hpp"
#include "caseload/cli/commands.hpp"
#include "caseload/cli/common.hpp"
#include "caseload/cli/new_records.hpp"
#include "caseload/core/plan.hpp"
#include "caseload/core/text.hpp"
#include "caseload/store/decode.hpp"
#include "caseload/store/schema.hpp"

namespace caseload {
namespace {

struct PlanOptions {
  std::string client;
  std::string action;  // "", "goal add", "task add", "done", "status", "review"
  std::string text, goal, domain, target, due, owner, id, status, date;
  std::string done_date;  // --date of done and status
  std::vector<std::string> given;  // goal set / task set: the options given, in the order of the field list
};

std::string plan_path(const std::string& id) { return Store::client_dir(id) + "/plan.yaml"; }

YAML::Node goals_of(Document& doc) {
  if (!child(doc.root, "goals").IsSequence()) doc.root["goals"] = YAML::Node(YAML::NodeType::Sequence);
  return doc.root["goals"];
}

// The goal or task map with this ID; throws when the plan has none.
YAML::Node find_item(Document& doc, const std::string& id) {
  YAML::Node goals = child(doc.root, "goals");
  if (goals.IsSequence()) {
    for (YAML::Node g : goals) {
      if (get_string(g, "id") == id) return g;
      YAML::Node tasks = child(g, "tasks");
      if (!tasks.IsSequence()) continue;
      for (YAML::Node t : tasks) {
        if (get_string(t, "id") == id) return t;
      }
    }
  }
  throw Error(fmt::format("no {} in {}", id, doc.path), "`caseload plan CLIENT` lists the goals and tasks");
}

Document read_plan(const Store& store, const std::string& id, bool create) {
  const std::string path = plan_path(id);
  if (store.exists(path)) return read_for_update(store, path, schemas::plan());
  if (!create) throw Error(fmt::format("client {} has no plan yet", id), "start one with `caseload plan CLIENT goal add TEXT`");
  return new_document(path, schemas::plan());
}

// Tasks of a goal that is no longer active leave the follow-up list (SPEC 4);
// say so, in case some still need doing.
void note_open_tasks(Context& ctx, const YAML::Node& goal, const std::string& goal_id) {
  std::string open;
  const YAML::Node tasks = child(goal, "tasks");
  if (tasks.IsSequence()) {
    for (const auto& t : tasks) {
      // The task's own status, not task_is_open: that needs an active goal,
      // and this goal is leaving active (a task without a status counts as todo).
      if (get_string(t, "status").value_or("todo") == "todo") open += " " + get_string(t, "id").value_or("?");
    }
  }
  if (open.empty()) return;
  ctx.err << fmt::format("caseload: note: {} still has open tasks:{}; they leave the follow-up list while {} is not active\n",
                         goal_id, open, goal_id);
  ctx.err << "  hint: mark them done or cancelled with `caseload plan CLIENT done|status ...`\n";
}

// `day`: when the change happened (--date, else today); a done task records it.
void set_status(YAML::Node item, PlanItemKind kind, const std::string& status, const ChangeDate& day) {
  const auto& allowed = kind == PlanItemKind::Goal ? choices::goal_status : choices::task_status;
  if (!is_one_of(status, allowed)) {
    throw UsageError(fmt::format("'{}' is not a {} status", status, kind == PlanItemKind::Goal ? "goal" : "task"),
                     fmt::format("use one of: {}", join_choices(allowed)));
  }
  const bool records_day = kind == PlanItemKind::Task && status == "done";
  if (day.given && !records_day) {
    throw UsageError(fmt::format("--date: only a task marked done records a date; {} {} does not", status,
                                 kind == PlanItemKind::Goal ? "goal" : "task"),
                     "leave out --date");
  }
  set_scalar(item, "status", status);
  if (kind == PlanItemKind::Task) {
    auto change = task_status_change(status, day.date);
    if (change.done) set_scalar(item, "done", change.done->str());
    else remove_key(item, "done");
  }
}

// The fields of a goal or task that options set, checked the same way for
// `add` and `set`. `add` sets those with a value (and always the text);
// `set` those in o.given, where an empty value removes an optional field.
// Returns the keys changed; `text_flag` names the text in errors.
class ItemFields {
 public:
  ItemFields(YAML::Node item, const PlanOptions& o, bool adding, std::string text_flag)
      : item_(std::move(item)), o_(o), adding_(adding), text_flag_(std::move(text_flag)) {}

  // `check` turns the option's value into the stored one (or throws).
  template <typename Check>
  ItemFields& field(const char* key, const std::string& value, Check check) {
    const bool text = std::string_view(key) == "text";
    const bool given = adding_ ? text || !value.empty() : contains(o_.given, std::string(key));
    if (!given) return *this;
    changed_.emplace_back(key);
    if (text) {
      const std::string line = one_line_option(value, text_flag_);
      if (line.empty()) throw UsageError(fmt::format("{} must not be empty", text_flag_));
      set_scalar(item_, key, line);
    } else if (value.empty()) {
      remove_key(item_, key);
    } else {
      set_scalar(item_, key, check(value));
    }
    return *this;
  }
  const std::vector<std::string>& changed() const { return changed_; }

 private:
  YAML::Node item_;
  const PlanOptions& o_;
  bool adding_;
  std::string text_flag_;
  std::vector<std::string> changed_;
};

std::vector<std::string> set_goal_fields(YAML::Node goal, const PlanOptions& o, const Store& store, const Date& today,
                                         bool adding) {
  ItemFields f(goal, o, adding, adding ? "TEXT" : "--text");
  f.field("domain", o.domain, [&](const std::string& v) { return parse_need(store.settings(), v); })
      .field("text", o.text, [](const std::string& v) { return v; })
      .field("target", o.target, [&](const std::string& v) { return parse_date_option(v, "--target", today).str(); });
  return f.changed();
}

std::vector<std::string> set_task_fields(YAML::Node task, const PlanOptions& o, const Date& today, bool adding) {
  ItemFields f(task, o, adding, adding ? "TEXT" : "--text");
  f.field("text", o.text, [](const std::string& v) { return v; })
      .field("owner", o.owner, [](const std::string& v) { return one_line_option(v, "--owner"); })
      .field("due", o.due, [&](const std::string& v) { return parse_date_option(v, "--due", today).str(); });
  return f.changed();
}

// goal set / task set: the item's ID, and the fields the options change.
// Says "t3 set: due, owner"; the commit says "task set t3 due owner" (field names, never values).
std::string set_item(const PlanOptions& o, Context& ctx, const Store& store, Document& doc, const Date& today,
                     PlanItemKind kind) {
  const bool goal = kind == PlanItemKind::Goal;
  if (plan_item_kind(o.id) != kind)
    throw UsageError(fmt::format("'{}' is not a {} ID ({}<N>)", o.id, goal ? "goal" : "task", goal ? 'g' : 't'));
  if (o.given.empty()) {
    throw UsageError(fmt::format("plan {} set: nothing to change", goal ? "goal" : "task"),
                     goal ? "give --text, --domain or --target" : "give --text, --due or --owner");
  }
  YAML::Node item = find_item(doc, o.id);
  const auto set = goal ? set_goal_fields(item, o, store, today, false) : set_task_fields(item, o, today, false);
  ctx.journal->detail = fmt::format("{} {} {}", o.action, o.id, join(set, " "));
  return fmt::format("{} set: {}", o.id, join(set));
}

// Applies the action to the plan document; returns a line for people.
// `opened`: the client's opening date, before which nothing in the plan was done.
std::string apply(const PlanOptions& o, Context& ctx, const Store& store, Document& doc, const Date& today,
                  const std::optional<Date>& opened) {
  if (o.action == "goal add") {
    const Plan plan = decode_record<Plan>(doc);
    YAML::Node goal(YAML::NodeType::Map);
    const std::string id = next_plan_id(goal_ids(plan), 'g');
    set_scalar(goal, "id", id);
    set_goal_fields(goal, o, store, today, true);
    set_scalar(goal, "status", "active");
    goals_of(doc).push_back(goal);
    return id;
  }
  if (o.action == "task add") {
    const Plan plan = decode_record<Plan>(doc);
    YAML::Node goal = find_item(doc, o.goal);
    if (plan_item_kind(o.goal) != PlanItemKind::Goal) throw UsageError(fmt::format("'{}' is not a goal ID (g<N>)", o.goal));
    YAML::Node task(YAML::NodeType::Map);
    const std::string id = next_plan_id(task_ids(plan), 't');
    set_scalar(task, "id", id);
    set_task_fields(task, o, today, true);
    set_scalar(task, "status", "todo");
    if (!child(goal, "tasks").IsSequence()) goal["tasks"] = YAML::Node(YAML::NodeType::Sequence);
    goal["tasks"].push_back(task);
    return id;
  }
  if (o.action == "goal set") return set_item(o, ctx, store, doc, today, PlanItemKind::Goal);
  if (o.action == "task set") return set_item(o, ctx, store, doc, today, PlanItemKind::Task);
  if (o.action == "review") {
    const Date review = parse_date_option(o.date, "DATE", today);
    set_scalar(doc.root, "review", review.str());
    return fmt::format("review {}", review.str());
  }
  // done / status
  auto kind = plan_item_kind(o.id);
  if (!kind) throw UsageError(fmt::format("'{}' is not a goal or task ID (g<N>, t<N>)", o.id));
  YAML::Node item = find_item(doc, o.id);
  const std::string status = o.action == "done" ? done_status(*kind) : o.status;
  const ChangeDate day = parse_change_date(ctx, o.done_date, today, "the day a task was done");
  refuse_change_before(day, opened, "the case was opened");
  set_status(item, *kind, status, day);
  if (*kind == PlanItemKind::Goal && status != "active") note_open_tasks(ctx, item, o.id);
  return fmt::format("{} {}", o.id, status);
}

void print_plan(Context& ctx, const Store& store, const std::string& id, const Date& today) {
  const Style style = ctx.style();
  if (!store.exists(plan_path(id))) {
    ctx.out << fmt::format("{} has no plan yet.\n", id);
    return;
  }
  Diagnostics warnings;
  Plan plan = decode_record<Plan>(store.read(plan_path(id), schemas::plan()), &warnings);
  make_terminal_safe(plan);
  for (const auto& w : warnings) ctx.err << "caseload: " << w.str() << '\n';
  ctx.out << style.bold(fmt::format("Plan of {}", id));
  if (plan.review) {
    std::string review = fmt::format(" · review {}", plan.review->str());
    ctx.out << (*plan.review < today ? style.red(review + " (overdue)") : review);
  }
  ctx.out << '\n';
  for (const auto& g : plan.goals) {
    std::string line = fmt::format("\n{} [{}] {}", g.id, g.status, g.text);
    if (!g.domain.empty()) line += " · " + g.domain;
    if (g.target) line += " · target " + g.target->str();
    ctx.out << (g.status == "active" ? style.bold(line) : style.dim(line)) << '\n';
    for (const auto& t : g.tasks) {
      std::string row = fmt::format("   {} [{}] {}", t.id, t.status == "done" && t.done ? "done " + t.done->str() : t.status, t.text);
      if (t.due) row += " · due " + t.due->str();
      if (!t.owner.empty()) row += " · " + t.owner;
      const bool late = task_is_open(g, t) && t.due && *t.due < today;  // as followups counts it
      if (late) row = style.red(row + fmt::format(" · OVERDUE {}d", days_between(*t.due, today)));
      else if (!task_is_open(g, t)) row = style.dim(row);
      ctx.out << row << '\n';
    }
  }
  if (plan.goals.empty()) ctx.out << "No goals yet.\n";
}

int run_plan(const PlanOptions& o, Context& ctx) {
  Store store = ctx.open_store();
  const Date today = ctx.today();
  if (o.action.empty()) {
    print_plan(ctx, store, resolve_client_id(store, o.client), today);
    return k_exit_ok;
  }
  Transaction tx(store, ctx.lock_wait());
  const auto [id, client] = resolve_client(store, o.client);
  Document doc = read_plan(store, id, o.action == "goal add");
  const std::string said = apply(o, ctx, store, doc, today, decode_record<Client>(*client).opened);
  tx.write(doc);
  if (ctx.journal->detail.empty()) ctx.journal->detail = o.action.ends_with("add") ? o.action + " " + said : said;
  if (!ctx.global.quiet || o.action.ends_with("add")) ctx.out << said << '\n';
  return k_exit_ok;
}

// `given_keys`: for `set`, the --KEY options whose use is recorded in o->given.
CLI::App* action(CLI::App* parent, const char* name, const char* help, std::shared_ptr<PlanOptions> o, const char* key,
                 std::vector<std::string> given_keys = {}) {
  CLI::App* sub = parent->add_subcommand(name, help);
  sub->callback([sub, o, key, given_keys] {
    o->action = key;
    for (const auto& k : given_keys) {
      if (sub->count("--" + k) > 0) o->given.push_back(k);
    }
  });
  sub->fallthrough();
  return sub;
}

}  // namespace

void setup_plan(CLI::App& app, Runner& run) {
  auto o = std::make_shared<PlanOptions>();
  auto* plan = add_command(app, run, "plan", "A client's plan: goals and tasks; with no action, prints it", o, run_plan);
  plan->add_option("client", o->client, "Client ID, ID prefix or name")->required();
  plan->require_subcommand(0, 1);

  auto* goal = plan->add_subcommand("goal", "Goals");
  goal->require_subcommand(1);
  auto* goal_add = action(goal, "add", "Add a goal (IDs g1, g2, ... are never reused)", o, "goal add");
  goal_add->add_option("text", o->text, "What the client wants to achieve")->required();
  goal_add->add_option("--domain", o->domain, "The domain it is about (from caseload.yaml)");
  goal_add->add_option("--target", o->target, "Target date");

  auto* task = plan->add_subcommand("task", "Tasks");
  task->require_subcommand(1);
  auto* task_add = action(task, "add", "Add a task to a goal (IDs t1, t2, ... unique in the client)", o, "task add");
  task_add->add_option("goal", o->goal, "The goal's ID, e.g. g1")->required();
  task_add->add_option("text", o->text, "What is to be done")->required();
  task_add->add_option("--due", o->due, "Due date");
  task_add->add_option("--owner", o->owner, "Who does it: client, worker, a worker ID, or a name");

  // set: only the options given change, each checked as for add.
  auto* goal_set = action(goal, "set", "Change a goal's text, domain or target date (an empty value removes one)", o,
                          "goal set", {"text", "domain", "target"});
  goal_set->add_option("id", o->id, "The goal's ID, e.g. g1")->required();
  goal_set->add_option("--text", o->text, "What the client wants to achieve");
  goal_set->add_option("--domain", o->domain, "The domain it is about (from caseload.yaml)");
  goal_set->add_option("--target", o->target, "Target date");
  auto* task_set = action(task, "set", "Change a task's text, due date or owner (an empty value removes one)", o,
                          "task set", {"text", "due", "owner"});
  task_set->add_option("id", o->id, "The task's ID, e.g. t3")->required();
  task_set->add_option("--text", o->text, "What is to be done");
  task_set->add_option("--due", o->due, "Due date");
  task_set->add_option("--owner", o->owner, "Who does it: client, worker, a worker ID, or a name");

  auto* done = action(plan, "done", "Mark a task done (today) or a goal achieved", o, "done");
  done->add_option("id", o->id, "A task (t<N>) or goal (g<N>) ID")->required();
  add_change_date_option(done, o->done_date, "The day the task was done");
  auto* status = action(plan, "status", "Set a status: tasks todo|done|cancelled, goals active|achieved|on-hold|abandoned",
                        o, "status");
  status->add_option("id", o->id, "A task (t<N>) or goal (g<N>) ID")->required();
  status->add_option("status", o->status, "The new status")->required();
  add_change_date_option(status, o->done_date, "With done: the day the task was done");
  auto* review = action(plan, "review", "Set the next plan review date", o, "review");
  review->add_option("date", o->date, "The review date")->required();
}

}  // namespace caseload
