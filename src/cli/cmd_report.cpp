// caseload report CLIENT PROGRAM: the progress report for one enrollment,
// drafted from the case file (core/progress) and laid out by the program's
// template (store/report_templates), as Markdown or a self-contained HTML page.
#include <fmt/format.h>

#include "caseload/cli/commands.hpp"
#include "caseload/cli/common.hpp"
#include "caseload/cli/enrollments.hpp"
#include "caseload/cli/snapshot.hpp"
#include "caseload/core/progress.hpp"
#include "caseload/report/html_page.hpp"
#include "caseload/report/progress_report.hpp"
#include "caseload/store/report_templates.hpp"

namespace caseload {
namespace {

struct ReportOptions {
  std::string client, program, since, output;
};

int run_report(const ReportOptions& o, Context& ctx) {
  Store store = ctx.open_store();
  const Date today = ctx.today();
  const std::string format = ctx.format("md", {"md", "html"});
  const std::string id = resolve_client_id(store, o.client);
  const Program& program = known_program(store, o.program);
  std::optional<Date> since;
  if (!o.since.empty()) {
    since = parse_date_option(o.since, "--since", today);
    if (*since > today)
      throw UsageError(fmt::format("--since {} is after today ({}): a report covers days gone by", since->str(),
                                   today.str()),
                       "give --since a date on or before today");
  }
  // The template first: a broken one stops the command before anything is read.
  const ReportTemplate layout = program_report_template(store, program);

  Diagnostics warnings;
  const ClientRecord record = store.load_client(id, OnBroken::Skip, &warnings);
  const ResourceNames resources = load_resource_names(store, &warnings);
  print_warnings(ctx, warnings);
  const Enrollment* enrollment = record.client.latest_enrollment(program.id);
  if (!enrollment)
    throw Error(fmt::format("{} has no enrollment in {}: there is nothing to report on", id, program.id),
                fmt::format("enroll the client first: caseload enroll {} {}", id, program.id));
  const auto period = report_period(*enrollment, since, today);
  if (!period)
    throw UsageError(fmt::format("{}'s enrollment in {} has no date to start the report from", id, program.id),
                     "give the period's first day with --since DATE");
  if (period->from > today)
    throw UsageError(fmt::format("the period would start on {}, after today ({})", period->from.str(), today.str()),
                     "give the period's first day with --since DATE");

  const ProgressFacts facts = progress_facts(record, store.settings(), program, *enrollment, *period);
  std::string text = progress_report_md(
      layout, ProgressReportInput{record, store.settings(), program, *enrollment, facts, resources, today});
  if (format == "html") text = markdown_html_page(text, fmt::format("Progress report {} {}", program.id, id));
  write_report(ctx, o.output, text);
  return k_exit_ok;
}

}  // namespace

void setup_report(CLI::App& app, Runner& run) {
  auto o = std::make_shared<ReportOptions>();
  auto* cmd = add_command(app, run, "report",
                          "Draft the progress report of a client's enrollment in a program, from the case file", o,
                          run_report);
  takes_format(cmd);
  cmd->add_option("client", o->client, "Client ID, ID prefix or name")->required();
  cmd->add_option("program", o->program, "Program ID (caseload.yaml programs)")->required();
  cmd->add_option("--since", o->since,
                  "First day of the period (default: the last filed report, else the approval)");
  cmd->add_option("--output", o->output, "Write to this file (atomically) instead of standard output");
}

}  // namespace caseload
