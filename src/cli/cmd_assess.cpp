// caseload assess CLIENT: a review (or closing) assessment on the store's scale.
#include <fmt/format.h>

#include "caseload/cli/commands.hpp"
#include "caseload/cli/common.hpp"
#include "caseload/cli/new_records.hpp"
#include "caseload/core/choices.hpp"

namespace caseload {
namespace {

struct AssessOptions {
  std::string client, kind = "review", date, worker, strengths, notes;
  std::vector<std::string> scores, needs;
};

int run_assess(const AssessOptions& o, Context& ctx) {
  Store store = ctx.open_store();
  const Date today = ctx.today();
  Assessment in;
  in.date = o.date.empty() ? today : parse_date_option(o.date, "--date", today);
  // An assessment records what was found, so it cannot have happened yet.
  refuse_future_date(*in.date, today, "--date", "an assessment",
                     "for a past date write e.g. -1w or yesterday; plan a review with `caseload plan CLIENT review DATE`");
  warn_far_past_date(ctx, *in.date, today, "--date");
  in.kind = o.kind;
  in.worker = ctx.acting_worker(store, o.worker);
  for (const auto& s : o.scores) in.scores.push_back(parse_score(store.settings(), s));
  for (const auto& n : o.needs) in.needs.push_back(parse_need(store.settings(), n));
  if (!o.strengths.empty()) in.strengths = text_option(ctx, o.strengths, "--strengths");
  if (!o.notes.empty()) in.notes = text_option(ctx, o.notes, "--notes");
  if (in.scores.empty() && in.needs.empty()) {
    throw UsageError("an assessment needs at least one --score DOMAIN=LEVEL or --need DOMAIN");
  }
  Transaction tx(store, ctx.lock_wait());
  const std::string id = resolve_client_id(store, o.client);
  Document doc = new_assessment(store, id, in, ctx.random);
  tx.write(doc);
  if (!ctx.global.quiet) ctx.out << doc.path << '\n';
  return k_exit_ok;
}

}  // namespace

void setup_assess(CLI::App& app, Runner& run) {
  auto o = std::make_shared<AssessOptions>();
  auto* cmd = add_command(app, run, "assess", "Record an assessment: scores per domain on the store's scale, needs", o,
                          run_assess);
  cmd->add_option("client", o->client, "Client ID, ID prefix or name")->required();
  cmd->add_option("--kind", o->kind, "review (default), closing or intake")
      ->check(CLI::IsMember(choices::as_strings(choices::assessment_kind)));
  cmd->add_option("--score", o->scores, "DOMAIN=LEVEL, e.g. housing=3 (0 = not applicable); repeatable")
      ->allow_extra_args(false);
  cmd->add_option("--need", o->needs, "A domain flagged as a need; repeatable")->allow_extra_args(false);
  cmd->add_option("--strengths", o->strengths, "Strengths (- reads stdin)");
  cmd->add_option("--notes", o->notes, "Notes (- reads stdin)");
  cmd->add_option("--date", o->date, "Date of the assessment (default: today)");
  cmd->add_option("--worker", o->worker, "Assessing worker (else CASELOAD_WORKER, else defaults.worker)");
}

}  // namespace caseload
