// caseload followups: what needs the worker's attention (SPEC 4).
#include <fmt/format.h>

#include <sstream>

#include "caseload/cli/commands.hpp"
#include "caseload/cli/common.hpp"
#include "caseload/cli/snapshot.hpp"
#include "caseload/core/text.hpp"
#include "caseload/report/followups_report.hpp"
#include "caseload/store/fsutil.hpp"

namespace caseload {
namespace {

struct FollowupsOptions {
  std::string until, from, output;
  std::vector<std::string> workers, clients, kinds;
  bool mine = false;
  bool fail_if_overdue = false;
};

FollowupFilter make_filter(const FollowupsOptions& o, Context& ctx, const Store& store, const Date& today) {
  FollowupFilter f;
  f.until = o.until.empty() ? today : parse_date_option(o.until, "--until", today);
  if (!o.from.empty()) f.from = parse_date_option(o.from, "--from", today);
  // An empty window would print "Nothing due", as if nothing were.
  if (f.from && *f.from > f.until) {
    throw UsageError(fmt::format("--from {} is after --until {}: no day is in that range", f.from->str(), f.until.str()),
                     "give --until a date on or after --from (--until defaults to today)");
  }
  for (const auto& w : o.workers) f.workers.push_back(ctx.acting_worker(store, w));
  if (o.mine) f.workers.push_back(ctx.acting_worker(store, ""));
  for (const auto& c : o.clients) f.clients.push_back(resolve_client_id(store, c));
  for (const auto& k : o.kinds) {
    if (!contains(k_followup_kinds, k)) {
      throw UsageError(fmt::format("--kind: '{}' is not a follow-up kind", k),
                       fmt::format("kinds: {}", join(k_followup_kinds)));
    }
    f.kinds.push_back(k);
  }
  return f;
}

int run_followups(const FollowupsOptions& o, Context& ctx) {
  Store store = ctx.open_store();
  const Date today = ctx.today();
  const std::string format = ctx.format("table", {"table", "json", "csv", "md", "ics"});
  const FollowupFilter filter = make_filter(o, ctx, store, today);
  Snapshot snap = load_snapshot(store);
  const auto items = followups(snap.records, store.settings(), snap.resources, today, filter);
  keep_warnings_of(filter.clients, snap.warnings);
  print_warnings(ctx, snap.warnings);

  std::ostringstream text;
  const Style style = o.output.empty() ? ctx.style() : Style{false};
  // A file gets every cell (as cut by the columns' own limits), a terminal what fits it.
  const TableFit fit = o.output.empty() ? ctx.table_fit() : TableFit{0, ctx.global.wide};
  write_followups(text, format, items, FollowupsReportInfo{today, filter.until, store.settings().agency, fit}, style);
  if (o.output.empty()) {
    ctx.out << text.str();
  } else {
    write_output_file(ctx, o.output, text.str());
  }
  const bool any_overdue = std::any_of(items.begin(), items.end(), [](const FollowupItem& i) { return i.overdue > 0; });
  return o.fail_if_overdue && any_overdue ? k_exit_findings : k_exit_ok;
}

}  // namespace

void setup_followups(CLI::App& app, Runner& run) {
  auto o = std::make_shared<FollowupsOptions>();
  auto* cmd = add_command(app, run, "followups", "What is overdue, due today, and coming up", o, run_followups);
  takes_format(cmd);
  cmd->add_option("--until", o->until, "Include items up to this date (default: today), e.g. +7d, eow");
  cmd->add_option("--from", o->from, "Leave out items before this date (default: all overdue)");
  cmd->add_option("--worker", o->workers, "Only clients of this worker; repeatable")->allow_extra_args(false);
  cmd->add_flag("--mine", o->mine, "Only clients of the acting worker (CASELOAD_WORKER or defaults.worker)");
  cmd->add_option("--client", o->clients, "Only this client (ID, prefix or name); repeatable")->allow_extra_args(false);
  cmd->add_option("--kind", o->kinds, fmt::format("Only this kind ({}); repeatable", join(k_followup_kinds)))
      ->allow_extra_args(false);
  cmd->add_flag("--fail-if-overdue", o->fail_if_overdue, "Exit 3 when any item is overdue");
  cmd->add_option("--output", o->output, "Write to this file (atomically) instead of standard output");
}

}  // namespace caseload
