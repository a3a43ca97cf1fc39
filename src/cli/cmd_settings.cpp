// caseload worker add|set|list and caseload program add|set|list: the
// workers and benefit programs of caseload.yaml, kept by command. Each change
// rewrites caseload.yaml like any record (locked, atomic, canonical, users'
// own keys kept) and is committed as "worker add berg", "program set
// child-benefit renew_every": IDs and field names, never values.
#include <fmt/format.h>

#include <variant>

#include "caseload/cli/commands.hpp"
#include "caseload/cli/common.hpp"
#include "caseload/core/ids.hpp"
#include "caseload/core/screening.hpp"
#include "caseload/core/text.hpp"
#include "caseload/report/csv.hpp"
#include "caseload/report/json.hpp"
#include "caseload/store/encode.hpp"
#include "caseload/store/report_templates.hpp"
#include "caseload/store/schema.hpp"

namespace caseload {
namespace {

constexpr const char* k_settings_path = "caseload.yaml";

struct SettingsOptions {
  std::string action;  // add, set, list
  std::string id, name, report_every, renew_every, decision_after, template_name;
  std::vector<std::string> criteria, documents;
  bool make_default = false;
  std::vector<std::string> given;  // set: the options given ("name", "report_every", ...)
};

// The kind of entry a family of commands keeps: its list in caseload.yaml
// and the rule for its IDs.
struct EntryKind {
  const char* word;  // "worker", "program"
  const char* list;  // "workers", "programs"
  bool (*valid_id)(std::string_view);
  const char* id_example;
};
constexpr EntryKind k_worker{"worker", "workers", is_worker_id, "berg"};
constexpr EntryKind k_program{"program", "programs", is_program_id, "child-benefit"};

void check_id(const EntryKind& kind, const std::string& id) {
  if (!kind.valid_id(id)) {
    throw UsageError(fmt::format("'{}' is not a {} ID", id, kind.word),
                     fmt::format("{} IDs are lower-case letters, digits and '-', e.g. {}", kind.word, kind.id_example));
  }
}

// The entry with this ID in the list, if any.
std::optional<YAML::Node> find_entry(YAML::Node list, const std::string& id) {
  for (YAML::Node e : list) {
    if (e.IsMap() && get_string(e, "id") == id) return e;
  }
  return std::nullopt;
}

std::string required_name(const std::string& value) {
  std::string name = one_line_option(value, "--name");
  if (name.empty()) throw UsageError("--name must not be empty");
  return name;
}

// A period option as stored; empty (for set) removes it.
void set_period(YAML::Node entry, const char* key, const std::string& value, const std::string& flag) {
  if (value.empty()) return remove_key(entry, key);
  set_scalar(entry, key, parse_period_option(value, flag).str());
}

// --criterion, as many times as there are criteria; they replace the
// program's criteria, and one empty value removes them.
void set_criteria(YAML::Node entry, const std::vector<std::string>& values, const Settings& settings) {
  YAML::Node list(YAML::NodeType::Sequence);
  const Schema& nested = *schemas::settings().find("programs")->nested->find("criteria")->nested;
  for (const auto& v : values) {
    if (v.empty()) continue;
    const auto c = parse_criterion(one_line_option(v, "--criterion"));
    if (!c) throw UsageError("--criterion: not a criterion", fmt::format("a criterion is {}", k_criterion_forms));
    if (auto problem = criterion_problem(*c, settings)) throw UsageError("--criterion: " + problem->message);
    list.push_back(encode_record(*c, nested));
  }
  if (list.size() == 0) return remove_key(entry, "criteria");
  entry["criteria"] = list;
}

// --document, as many times as the program needs papers; they replace its list.
void set_documents(YAML::Node entry, const std::vector<std::string>& values) {
  std::vector<std::string> ids;
  for (const auto& v : values) {
    if (v.empty()) continue;
    if (!is_program_id(v))
      throw UsageError("--document: a document ID is lower-case letters, digits and '-'", "e.g. --document payslips-3m");
    if (!contains(ids, v)) ids.push_back(v);
  }
  if (ids.empty()) return remove_key(entry, "documents");
  set_strings(entry, "documents", ids);
}

// The program fields the options give: on add those with a value, on set those given.
std::vector<std::string> set_program_fields(YAML::Node entry, const SettingsOptions& o, bool adding,
                                           const Settings& settings) {
  std::vector<std::string> changed;
  auto given = [&](const char* key, const std::string& value) {
    const bool yes = adding ? !value.empty() : contains(o.given, std::string(key));
    if (yes) changed.emplace_back(key);
    return yes;
  };
  if (given("name", o.name)) set_scalar(entry, "name", required_name(o.name));
  if (given("report_every", o.report_every)) set_period(entry, "report_every", o.report_every, "--report-every");
  if (given("renew_every", o.renew_every)) set_period(entry, "renew_every", o.renew_every, "--renew-every");
  if (given("decision_after", o.decision_after)) set_period(entry, "decision_after", o.decision_after, "--decision-after");
  if (given("criteria", join(o.criteria, ""))) set_criteria(entry, o.criteria, settings);
  if (given("documents", join(o.documents, ""))) set_documents(entry, o.documents);
  if (given("template", o.template_name)) {
    if (o.template_name.empty()) remove_key(entry, "template");
    else if (!is_resource_id(o.template_name))
      throw UsageError("--template: a template is named by [a-z0-9-] (templates/NAME.md)", "e.g. --template food-assistance");
    else set_scalar(entry, "template", o.template_name);
  }
  return changed;
}

// `worker add|set ... --default`: the worker commands act as when no other is named.
void set_default_worker(Document& doc, const std::string& id) {
  if (!child(doc.root, "defaults").IsMap()) doc.root["defaults"] = YAML::Node(YAML::NodeType::Map);
  set_scalar(doc.root["defaults"], "worker", id);
}

// Applies add or set to caseload.yaml; returns the fields changed (for set).
std::vector<std::string> apply(const EntryKind& kind, const SettingsOptions& o, Document& doc, const Settings& settings) {
  YAML::Node list = list_for_update(doc, kind.list);
  auto entry = find_entry(list, o.id);
  const bool is_worker = &kind == &k_worker;
  if (o.action == "add") {
    if (entry) {
      throw Error(fmt::format("caseload.yaml already has a {} '{}'", kind.word, o.id),
                  fmt::format("change it with `caseload {} set {} ...`, or choose another ID", kind.word, o.id));
    }
    YAML::Node added(YAML::NodeType::Map);
    set_scalar(added, "id", o.id);
    if (is_worker) {
      if (contains(o.given, std::string("name"))) set_scalar(added, "name", required_name(o.name));
    } else {
      set_program_fields(added, o, true, settings);
    }
    list.push_back(added);
    if (o.make_default) set_default_worker(doc, o.id);
    return {};
  }
  if (!entry) {
    throw Error(fmt::format("caseload.yaml has no {} '{}'", kind.word, o.id),
                fmt::format("`caseload {} list` lists them; `caseload {} add {} ...` adds one", kind.word, kind.word, o.id));
  }
  std::vector<std::string> changed;
  if (is_worker) {
    if (contains(o.given, std::string("name"))) {
      changed.emplace_back("name");
      if (o.name.empty()) remove_key(*entry, "name");
      else set_scalar(*entry, "name", required_name(o.name));
    }
    if (o.make_default) {
      changed.emplace_back("default");
      set_default_worker(doc, o.id);
    }
  } else {
    changed = set_program_fields(*entry, o, false, settings);
  }
  return changed;
}

int run_change(const EntryKind& kind, const SettingsOptions& o, Context& ctx) {
  check_id(kind, o.id);
  const bool is_worker = &kind == &k_worker;
  if (o.action == "add" && !is_worker && o.name.empty())
    throw UsageError("missing --name", "a program needs a name, e.g. --name \"Child benefit\"");
  if (o.action == "set" && o.given.empty() && !o.make_default) {
    throw UsageError(fmt::format("{} set: nothing to change", kind.word),
                     is_worker ? "give --name or --default"
                               : "give --name, --report-every, --renew-every, --decision-after, --criterion, --document or --template");
  }
  Store store = ctx.open_store();
  Transaction tx(store, ctx.lock_wait());
  Document doc = read_for_update(store, k_settings_path, schemas::settings());
  const auto changed = apply(kind, o, doc, store.settings());
  if (!o.template_name.empty()) {
    // A program never names a template that report would refuse.
    Program p;
    p.id = o.id;
    p.template_name = o.template_name;
    program_report_template(store, p);
  }
  tx.write(doc);
  ctx.journal->detail = o.action == "add" ? fmt::format("add {}", o.id)
                                          : fmt::format("set {} {}", o.id, join(changed, " "));
  if (!ctx.global.quiet) {
    ctx.out << (o.action == "add" ? fmt::format("Added {} {}\n", kind.word, o.id)
                                  : fmt::format("{} {} set: {}\n", kind.word, o.id, join(changed)));
  }
  return k_exit_ok;
}

// --- list ------------------------------------------------------------------

// A cell of a list: text (null in JSON when empty) or a flag.
using Cell = std::variant<std::string, bool>;
struct Listing {
  std::vector<std::string> keys;     // JSON keys and CSV header, stable
  std::vector<std::string> headers;  // the table's
  std::vector<std::vector<Cell>> rows;
};

void print_listing(Context& ctx, const Listing& l) {
  const std::string format = ctx.format("table", {"table", "json", "csv"});
  auto text = [](const Cell& c, const char* yes) {
    if (const bool* b = std::get_if<bool>(&c)) return std::string(*b ? yes : "");
    return std::get<std::string>(c);
  };
  if (format == "json") {
    JsonWriter w(ctx.out);
    w.begin_array();
    for (const auto& row : l.rows) {
      w.begin_object();
      for (size_t i = 0; i < l.keys.size(); ++i) {
        w.key(l.keys[i]);
        if (const bool* b = std::get_if<bool>(&row[i])) w.value(*b);
        else w.value(std::optional<std::string>(std::get<std::string>(row[i])));
      }
      w.end_object();
    }
    w.end_array();
    ctx.out << '\n';
  } else if (format == "csv") {
    write_csv_row(ctx.out, l.keys);
    for (const auto& row : l.rows) {
      std::vector<std::string> fields;
      for (const auto& c : row) fields.push_back(text(c, "true"));
      write_csv_row(ctx.out, fields);
    }
  } else {
    Table t;
    t.headers = l.headers;
    for (const auto& row : l.rows) {
      std::vector<std::string> cells;
      for (const auto& c : row) cells.push_back(text(c, "yes"));
      t.rows.push_back(cells);
    }
    print_table(ctx.out, t, ctx.style());
  }
}

std::string period_text(const std::optional<Period>& p) { return p ? p->str() : ""; }

int run_list(const EntryKind& kind, Context& ctx) {
  const Store store = ctx.open_store();
  const Settings& s = store.settings();
  Listing l;
  if (&kind == &k_worker) {
    l.keys = {"id", "name", "default"};
    l.headers = {"ID", "NAME", "DEFAULT"};
    for (const auto& w : s.workers) l.rows.push_back({w.id, w.name, w.id == s.defaults.worker});
  } else {
    l.keys = {"id", "name", "report_every", "renew_every", "decision_after"};
    l.headers = {"ID", "NAME", "REPORT EVERY", "RENEW EVERY", "DECISION AFTER"};
    for (const auto& p : s.programs) {
      l.rows.push_back({p.id, p.name, period_text(p.report_every), period_text(p.renew_every),
                        period_text(p.decision_after)});
    }
  }
  print_listing(ctx, l);
  return k_exit_ok;
}

int run_settings(const EntryKind& kind, const SettingsOptions& o, Context& ctx) {
  if (o.action == "list") return run_list(kind, ctx);
  return run_change(kind, o, ctx);
}

// The add|set|list family for one kind of entry. `given_keys`: the --KEY
// options of `set` whose use is recorded (an option given empty removes an
// optional field, so being given is not the same as having a value).
void setup_family(CLI::App& app, Runner& run, const EntryKind& kind, const char* help) {
  auto o = std::make_shared<SettingsOptions>();
  auto* family = add_command(app, run, kind.word, help, o, [&kind](const SettingsOptions& opts, Context& ctx) {
    return run_settings(kind, opts, ctx);
  });
  family->require_subcommand(1);
  const bool is_worker = &kind == &k_worker;
  for (const char* action : {"add", "set"}) {
    const bool adding = std::string_view(action) == "add";
    auto* sub = family->add_subcommand(
        action, adding ? fmt::format("Add a {} to caseload.yaml", kind.word)
                       : fmt::format("Change a {} in caseload.yaml (an empty value removes an optional field)", kind.word));
    sub->fallthrough();
    sub->add_option("id", o->id, fmt::format("The {}'s ID, e.g. {}", kind.word, kind.id_example))->required();
    std::vector<std::pair<std::string, std::string>> keys;  // --flag, key
    sub->add_option("--name", o->name, is_worker ? "The worker's name" : "The program's name (required by add)");
    keys.emplace_back("--name", "name");
    if (is_worker) {
      sub->add_flag("--default", o->make_default, "Make this the default worker (defaults.worker)");
    } else {
      sub->add_option("--report-every", o->report_every, "How often a progress report is due, e.g. 3m");
      sub->add_option("--renew-every", o->renew_every, "How often it must be renewed, e.g. 12m");
      sub->add_option("--decision-after", o->decision_after, "When a decision is overdue after applying, e.g. 30d");
      keys.emplace_back("--report-every", "report_every");
      keys.emplace_back("--renew-every", "renew_every");
      keys.emplace_back("--decision-after", "decision_after");
      sub->add_option("--criterion", o->criteria,
                      "A criterion, repeated for each: age>=65, income_per_person_monthly<=600, "
                      "flag=injured-at-work, need=housing,food; \" # SOURCE\" cites the rule (replaces them all)");
      sub->add_option("--document", o->documents,
                      "A document the application needs, repeated for each: id-card (replaces them all)");
      keys.emplace_back("--criterion", "criteria");
      keys.emplace_back("--document", "documents");
      sub->add_option("--template", o->template_name,
                      "The layout of its progress report: templates/NAME.md of the store (caseload report)");
      keys.emplace_back("--template", "template");
    }
    sub->callback([sub, o, action, keys] {
      o->action = action;
      for (const auto& [flag, key] : keys) {
        if (sub->count(flag) > 0) o->given.push_back(key);
      }
    });
  }
  auto* list = family->add_subcommand("list", fmt::format("List the {} of caseload.yaml", kind.list));
  list->fallthrough();
  list->callback([o] { o->action = "list"; });
  takes_format(list);
}

}  // namespace

void setup_settings(CLI::App& app, Runner& run) {
  setup_family(app, run, k_worker, "The workers of caseload.yaml: add, set, list");
  setup_family(app, run, k_program, "The benefit programs of caseload.yaml: add, set, list");
}

}  // namespace caseload
