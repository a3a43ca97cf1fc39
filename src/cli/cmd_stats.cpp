// caseload stats: the supervision figures of the caseload (issue 17).
#include <fmt/format.h>

#include <sstream>

#include "caseload/cli/as_of.hpp"
#include "caseload/cli/commands.hpp"
#include "caseload/cli/common.hpp"
#include "caseload/cli/snapshot.hpp"
#include "caseload/core/stats.hpp"
#include "caseload/core/text.hpp"
#include "caseload/report/stats_report.hpp"

namespace caseload {
namespace {

// Without --from, the period is the 30 days that end on --until (today).
constexpr int k_default_days = 30;

struct StatsOptions {
  std::vector<std::string> sections;
  std::string from, until, worker, output, as_of;
  bool redact = false;
};

StatsQuery make_query(const StatsOptions& o, Context& ctx, const Store& store, const Date& today) {
  StatsQuery q;
  q.today = today;
  q.until = o.until.empty() ? today : parse_date_option(o.until, "--until", today);
  q.from = o.from.empty() ? q.until.add_days(1 - k_default_days) : parse_date_option(o.from, "--from", today);
  if (q.from > q.until) {
    throw UsageError(fmt::format("--from {} is after --until {}: no day is in that range", q.from.str(), q.until.str()),
                     "give --until a date on or after --from (--until defaults to today)");
  }
  if (!o.worker.empty()) q.worker = ctx.acting_worker(store, o.worker);
  return q;
}

// The sections asked for, in their own order; all of them when none is named.
std::vector<std::string> chosen_sections(const StatsOptions& o) {
  for (const auto& s : o.sections) {
    if (!contains(k_stats_sections, s)) {
      throw UsageError(fmt::format("'{}' is not a section of stats", s),
                       fmt::format("sections: {}", join(k_stats_sections)));
    }
  }
  if (o.sections.empty()) return k_stats_sections;
  std::vector<std::string> out;
  for (const auto& s : k_stats_sections) {
    if (contains(o.sections, s)) out.push_back(s);
  }
  return out;
}

int run_stats(const StatsOptions& o, Context& ctx) {
  const StoreForReading read = open_for_reading(ctx, o.as_of);
  const Store& store = read.store();
  const Date today = read.today;
  const std::string format = ctx.format("table", {"table", "json", "csv", "md", "html"});
  if (o.redact && format != "csv" && format != "html") {
    throw UsageError("--redact is for the exports that leave the agency: --format csv or html",
                     "add --format csv or --format html");
  }
  const std::vector<std::string> sections = chosen_sections(o);
  const StatsQuery query = make_query(o, ctx, store, today);
  // The one read of the store: every client folder and the resource names.
  Snapshot snap = load_snapshot(store);
  print_warnings(ctx, snap.warnings);
  const Stats stats = compute_stats(snap.records, store.settings(), snap.resources, query);

  StatsReportInfo info;
  info.agency = store.settings().agency;
  info.sections = sections;
  info.fit = o.output.empty() ? ctx.table_fit() : TableFit{0, ctx.global.wide};
  info.min_group = store.settings().stats.min_group;
  info.redact = o.redact;
  std::ostringstream text;
  write_stats(text, format, stats, info, o.output.empty() ? ctx.style() : Style{false});
  write_report(ctx, o.output, text.str());
  return k_exit_ok;
}

}  // namespace

void setup_stats(CLI::App& app, Runner& run) {
  auto o = std::make_shared<StatsOptions>();
  auto* cmd = add_command(app, run, "stats", "Figures of the caseload for supervision: no client named", o, run_stats);
  takes_format(cmd);
  cmd->add_option("section", o->sections, fmt::format("Only these sections ({}); default: all", join(k_stats_sections)));
  cmd->add_option("--from", o->from, "The period's first day (default: 29 days before --until)");
  cmd->add_option("--until", o->until, "The period's last day (default: today)");
  cmd->add_option("--worker", o->worker, "Only the clients of this worker");
  cmd->add_flag("--redact", o->redact, "csv, html: show a group smaller than stats.min_group as \"<N\"");
  cmd->add_option("--output", o->output, "Write to this file (atomically, owner-only) instead of standard output");
  add_as_of_option(cmd, o->as_of);
}

}  // namespace caseload
