// caseload screen CLIENT and caseload screen --all: the client against every
// program's criteria (core/screening), each result with its work shown; or
// every open client, listing the programs they may qualify for and are not
// enrolled in.
#include <fmt/format.h>

#include <map>

#include "caseload/cli/commands.hpp"
#include "caseload/cli/common.hpp"
#include "caseload/cli/snapshot.hpp"
#include "caseload/cli/terminal_safe.hpp"
#include "caseload/core/screening.hpp"
#include "caseload/core/text.hpp"
#include "caseload/report/csv.hpp"
#include "caseload/report/json.hpp"
#include "caseload/report/markdown.hpp"
#include "caseload/report/table.hpp"
#include "caseload/store/record_types.hpp"

namespace caseload {
namespace {

struct ScreenOptions {
  std::string client;
  bool all = false;
};

// The line of each fact's source, read from its file: the cache and the
// decoded records keep no lines. 0 when the file or key cannot be found.
class SourceLines {
 public:
  explicit SourceLines(const Store& store) : store_(store) {}

  Location where(const FactSource& from) {
    Location at{from.path};
    const Document* doc = document(from.path);
    if (!doc || from.keys.empty()) return at;
    YAML::Node map = doc->root;
    for (size_t i = 0; i + 1 < from.keys.size(); ++i) map = child(map, from.keys[i]);
    if (!map.IsMap() || !child(map, from.keys.back()).IsDefined()) return at;
    return doc->where_key(map, from.keys.back());
  }

 private:
  const Document* document(const std::string& path) {
    auto found = docs_.find(path);
    if (found != docs_.end()) return found->second ? &*found->second : nullptr;
    std::optional<Document> doc;
    if (const RecordType* type = record_type_for_path(path)) {
      try {
        doc = store_.read(path, *type->schema);
      } catch (const Error&) {
        // The fact's value came from it a moment ago; without a line the path still says where.
      }
    }
    return &*docs_.emplace(path, std::move(doc)).first->second;
  }

  const Store& store_;
  std::map<std::string, std::optional<Document>> docs_;
};

std::string program_title(const ProgramScreen& s) {
  std::string title = fmt::format("{} ({}): {}", s.program->name, s.program->id, result_name(s.result));
  if (s.result == ScreenResult::Enrolled) title += " (" + s.enrollment_status + ")";
  if (s.result == ScreenResult::Unscreened) title += ": no criteria in caseload.yaml";
  return title;
}

// What a criterion's line says beyond its value: the rule's citation, what is
// missing and how to record it, or by how much a limit is missed.
std::string note_of(const CriterionCheck& k) {
  std::vector<std::string> parts;
  if (k.result == CriterionResult::Unknown && !k.missing.empty())
    parts.push_back(fmt::format("{}; record with `{}`", k.missing, k.record_with));
  if (k.result == CriterionResult::Close || k.result == CriterionResult::Failed)
    if (!k.off_by.empty()) parts.push_back("missed " + k.off_by);
  if (!k.criterion->source.empty()) parts.push_back(k.criterion->source);
  return join(parts, "; ");
}

Paint paint_of(CriterionResult r) {
  switch (r) {
    case CriterionResult::Met: return Paint::green;
    case CriterionResult::Close: return Paint::yellow;
    case CriterionResult::Failed: return Paint::red;
    case CriterionResult::Unknown: return Paint::dim;
  }
  return Paint::none;
}

// "path:line" (the column adds nothing a reader needs), or the path.
std::string place(const Location& at) { return at.line ? fmt::format("{}:{}", at.path, at.line) : at.path; }

// The value used and where it came from: "47 (born 1979-11-02, clients/X/client.yaml:4)".
std::string value_and_source(const CriterionCheck& k, SourceLines& lines) {
  std::string out = k.value.empty() ? "?" : k.value;
  if (k.from) out += fmt::format(" ({}, {})", k.from->what, place(lines.where(*k.from)));
  return out;
}

// A list rather than a table: each criterion's work takes a line or two,
// and a table of five columns would cut the notes a worker needs on any
// terminal narrower than the longest of them.
void write_text(Context& ctx, const std::string& id, const Date& today, const std::vector<ProgramScreen>& screens,
                SourceLines& lines) {
  const Style style = ctx.style();
  ctx.out << fmt::format("Screening of {} on {}: {} program{} of caseload.yaml\n", id, today.str(), screens.size(),
                         screens.size() == 1 ? "" : "s");
  if (screens.empty()) ctx.out << "caseload.yaml lists no programs; `caseload program add` adds them\n";
  for (const auto& s : screens) {
    ctx.out << '\n' << style.bold(escape_for_terminal(program_title(s))) << '\n';
    if (s.checks.empty()) ctx.out << "  `caseload program set " << s.program->id << " --criterion ...` adds criteria\n";
    for (const auto& k : s.checks) {
      const std::string word(result_name(k.result));
      ctx.out << "  " << style.paint(paint_of(k.result), word) << std::string(9 - word.size(), ' ')
              << escape_for_terminal(describe(*k.criterion) + ": " + value_and_source(k, lines)) << '\n';
      const std::string note = note_of(k);
      if (!note.empty()) ctx.out << std::string(11, ' ') << escape_for_terminal(note) << '\n';
    }
  }
}

void write_md(Context& ctx, const std::string& id, const Date& today, const std::vector<ProgramScreen>& screens,
              SourceLines& lines) {
  ctx.out << fmt::format("# Screening of {}\n\n{}\n", md_cell(id), today.str());
  for (const auto& s : screens) {
    ctx.out << fmt::format("\n## {}\n\n", md_cell(program_title(s)));
    if (s.checks.empty()) continue;
    ctx.out << "| Result | Criterion | Value | From | Note |\n|---|---|---|---|---|\n";
    for (const auto& k : s.checks)
      ctx.out << fmt::format("| {} | {} | {} | {} | {} |\n", result_name(k.result), md_cell(describe(*k.criterion)),
                             md_cell(k.value.empty() ? "?" : k.value), md_cell(k.from ? place(lines.where(*k.from)) : ""), md_cell(note_of(k)));
  }
}

void write_json(Context& ctx, const std::string& id, const Date& today, const std::vector<ProgramScreen>& screens,
                SourceLines& lines) {
  JsonWriter w(ctx.out);
  w.begin_object();
  w.key("client"); w.value(id);
  w.key("date"); w.value(today.str());
  w.key("programs");
  w.begin_array();
  for (const auto& s : screens) {
    w.begin_object();
    w.key("id"); w.value(s.program->id);
    w.key("name"); w.value(s.program->name);
    w.key("result"); w.value(std::string(result_name(s.result)));
    w.key("enrollment_status"); w.value(std::optional<std::string>(s.enrollment_status));
    w.key("criteria");
    w.begin_array();
    for (const auto& k : s.checks) {
      const Criterion& c = *k.criterion;
      w.begin_object();
      w.key("fact"); w.value(c.fact);
      w.key("rule"); w.value(describe(c));
      w.key("min"); w.value(std::optional<std::string>(c.min));
      w.key("max"); w.value(std::optional<std::string>(c.max));
      w.key("is"); w.value(std::optional<std::string>(c.is));
      w.key("any_of"); w.value(c.any_of);
      w.key("source"); w.value(std::optional<std::string>(c.source));
      w.key("result"); w.value(std::string(result_name(k.result)));
      w.key("value"); w.value(std::optional<std::string>(k.value));
      w.key("from");
      if (k.from) {
        const Location at = lines.where(*k.from);
        w.begin_object();
        w.key("path"); w.value(at.path);
        w.key("line"); if (at.line) w.value(at.line); else w.null();
        w.key("what"); w.value(k.from->what);
        w.end_object();
      } else {
        w.null();
      }
      w.key("missing"); w.value(std::optional<std::string>(k.missing));
      w.key("record_with"); w.value(std::optional<std::string>(k.record_with));
      w.key("off_by"); w.value(std::optional<std::string>(k.off_by));
      w.end_object();
    }
    w.end_array();
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

int screen_one(const ScreenOptions& o, Context& ctx) {
  Store store = ctx.open_store();
  const Date today = ctx.today();
  const std::string format = ctx.format("table", {"table", "json", "md"});
  const std::string id = resolve_client_id(store, o.client);
  Diagnostics warnings;
  ClientRecord record = store.load_client(id, OnBroken::Skip, &warnings);
  print_warnings(ctx, warnings);
  const auto screens = screen(record, store.settings(), today);
  SourceLines lines(store);
  if (format == "json") write_json(ctx, id, today, screens, lines);
  else if (format == "md") write_md(ctx, id, today, screens, lines);
  else write_text(ctx, id, today, screens, lines);
  return k_exit_ok;
}

// One client and a program they may qualify for and are not enrolled in.
struct Match {
  const ClientRecord* record;
  const ProgramScreen* screen;
  std::vector<std::string> missing;  // the facts still unknown
};

std::vector<std::string> missing_facts(const ProgramScreen& s) {
  std::vector<std::string> out;
  for (const auto& k : s.checks)
    if (k.result == CriterionResult::Unknown && !contains(out, k.criterion->fact)) out.push_back(k.criterion->fact);
  return out;
}

int screen_all(Context& ctx) {
  Store store = ctx.open_store();
  const Date today = ctx.today();
  const std::string format = ctx.format("table", {"table", "json", "csv"});
  Snapshot snap = load_snapshot(store);
  print_warnings(ctx, snap.warnings);
  std::vector<UnreadableClient> unreadable;
  std::vector<std::vector<ProgramScreen>> screens;  // kept alive for the matches that point into them
  screens.reserve(snap.records.size());
  std::vector<Match> likely, possible;
  size_t screened = 0;
  for (auto& r : snap.records) {
    if (!r.client_readable()) {
      unreadable.push_back({r.client.id, r.unreadable.front()});
      continue;
    }
    if (!r.client.is_open()) continue;
    ++screened;
    screens.push_back(screen(r, store.settings(), today));
    for (const auto& s : screens.back()) {
      if (s.result == ScreenResult::Likely) likely.push_back({&r, &s, {}});
      if (s.result == ScreenResult::Possible) possible.push_back({&r, &s, missing_facts(s)});
    }
  }
  std::vector<Match> matches = std::move(likely);
  matches.insert(matches.end(), possible.begin(), possible.end());
  if (format == "json") {
    JsonWriter w(ctx.out);
    w.begin_object();
    w.key("date"); w.value(today.str());
    w.key("clients_screened"); w.value(static_cast<long>(screened));
    w.key("matches");
    w.begin_array();
    for (const auto& m : matches) {
      w.begin_object();
      w.key("client"); w.value(m.record->client.id);
      w.key("name"); w.value(m.record->client.name);
      w.key("worker"); w.value(std::optional<std::string>(m.record->client.worker));
      w.key("program"); w.value(m.screen->program->id);
      w.key("result"); w.value(std::string(result_name(m.screen->result)));
      w.key("missing"); w.value(m.missing);
      w.end_object();
    }
    w.end_array();
    w.key("unreadable");
    w.begin_array();
    for (const auto& u : unreadable) w.value(u.file.where.path);
    w.end_array();
    w.end_object();
    return k_exit_ok;
  }
  if (format == "csv") {
    write_csv_row(ctx.out, {"client", "name", "worker", "program", "result", "missing"});
    for (const auto& m : matches)
      write_csv_row(ctx.out, {m.record->client.id, m.record->client.name, m.record->client.worker,
                              m.screen->program->id, std::string(result_name(m.screen->result)), csv_list(m.missing)});
    for (const auto& u : unreadable) write_csv_row(ctx.out, {u.id, "", "", "", "unreadable", ""});
    return k_exit_ok;
  }
  ctx.out << fmt::format("Screened {} open client{} on {}: {} likely, {} possible for a program they are not "
                         "enrolled in\n",
                         screened, screened == 1 ? "" : "s", today.str(),
                         matches.size() - possible.size(), possible.size());
  if (!matches.empty()) {
    Table t;
    t.headers = {"CLIENT", "NAME", "WORKER", "PROGRAM", "RESULT", "STILL UNKNOWN"};
    t.give_way = {5, 1};
    for (const auto& m : matches) {
      t.rows.push_back({m.record->client.id, m.record->client.name, m.record->client.worker, m.screen->program->id,
                        std::string(result_name(m.screen->result)), join(m.missing, ", ")});
      t.paint.push_back({Paint::none, Paint::none, Paint::none, Paint::none,
                         m.screen->result == ScreenResult::Likely ? Paint::green : Paint::none});
    }
    ctx.out << '\n';
    apply_fit(t, ctx.table_fit());
    print_table(ctx.out, t, ctx.style());
    ctx.out << "\n`caseload screen CLIENT` shows the work behind each line.\n";
  }
  print_unreadable_clients(ctx, unreadable, !matches.empty());
  return k_exit_ok;
}

int run_screen(const ScreenOptions& o, Context& ctx) {
  if (o.all == !o.client.empty())
    throw UsageError("screen takes a CLIENT or --all", "`caseload screen ID` for one client, `caseload screen --all` for every open client");
  return o.all ? screen_all(ctx) : screen_one(o, ctx);
}

}  // namespace

void setup_screen(CLI::App& app, Runner& run) {
  auto o = std::make_shared<ScreenOptions>();
  auto* cmd = add_command(app, run, "screen",
                          "Which programs a client may qualify for, by the programs' criteria, with the work shown", o,
                          run_screen);
  takes_format(cmd);
  cmd->add_option("client", o->client, "Client ID, ID prefix or name");
  cmd->add_flag("--all", o->all, "Every open client: who is likely or possibly eligible for a program they are not in");
}

}  // namespace caseload
