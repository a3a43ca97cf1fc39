// caseload enroll CLIENT PROGRAM and caseload enrollment CLIENT PROGRAM STATUS:
// benefit programs in the client's `enrollments`, with the deadlines that
// keep help coming (progress reports, renewals) set from the program's rules.
#include <fmt/format.h>

#include "caseload/cli/change_date.hpp"
#include "caseload/cli/commands.hpp"
#include "caseload/cli/common.hpp"
#include "caseload/core/ids.hpp"
#include "caseload/core/referral.hpp"
#include "caseload/store/schema.hpp"

namespace caseload {
namespace {

struct EnrollOptions {
  std::string client, program, status, applied, decided, next_report, renew_by;
};

const Program& known_program(const Store& store, const std::string& id) {
  if (!is_program_id(id)) {
    throw UsageError(fmt::format("'{}' is not a program ID", id),
                     "program IDs are lower-case letters, digits and '-', e.g. child-benefit");
  }
  if (const Program* p = store.settings().find_program(id)) return *p;
  std::string ids;
  for (const auto& p : store.settings().programs) ids += (ids.empty() ? "" : ", ") + p.id;
  throw Error(fmt::format("unknown program '{}'", id),
              ids.empty() ? "caseload.yaml lists no programs; add them under programs:"
                          : fmt::format("programs in caseload.yaml: {}", ids));
}

// The client's latest entry for the program: an earlier one may have ended
// or been denied before the client applied again.
std::optional<YAML::Node> latest_enrollment(const Document& doc, const std::string& program) {
  std::optional<YAML::Node> found;
  YAML::Node list = child(doc.root, "enrollments");
  if (!list.IsSequence()) return found;
  for (YAML::Node e : list) {
    // emplace, not assignment: assigning a YAML::Node overwrites the node it refers to
    if (e.IsMap() && get_string(e, "program") == program) found.emplace(e);
  }
  return found;
}

int run_enroll(const EnrollOptions& o, Context& ctx) {
  Store store = ctx.open_store();
  const Date today = ctx.today();
  const Program& program = known_program(store, o.program);
  const Date applied = o.applied.empty() ? today : parse_date_option(o.applied, "--applied", today);
  Transaction tx(store, ctx.lock_wait());
  const std::string id = resolve_client_id(store, o.client);
  Document doc = read_for_update(store, Store::client_path(id), schemas::client());
  if (auto current = latest_enrollment(doc, program.id)) {
    const std::string status = get_string(*current, "status").value_or("");
    if (status != "ended" && status != "denied") {
      throw Error(fmt::format("{} is already enrolled in {} ({})", id, program.id, status),
                  fmt::format("`caseload enrollment {} {} STATUS` changes that enrollment", id, program.id));
    }
  }
  YAML::Node entry(YAML::NodeType::Map);
  set_scalar(entry, "program", program.id);
  set_scalar(entry, "status", "applied");
  set_scalar(entry, "applied", applied.str());
  list_for_update(doc, "enrollments").push_back(entry);
  tx.write(doc);
  ctx.journal->detail = program.id;
  if (!ctx.global.quiet) ctx.out << fmt::format("{}: applied {}\n", program.id, applied.str());
  return k_exit_ok;
}

// --- enrollment ------------------------------------------------------------

struct Decision {
  std::string status;
  std::optional<Date> decided, next_report, renew_by;
  ChangeDate day;  // --date: the decided date when given
};

Decision decision_from_options(const EnrollOptions& o, Context& ctx, const Date& today) {
  if (!is_one_of(o.status, choices::enrollment_status)) {
    throw UsageError(fmt::format("'{}' is not an enrollment status", o.status),
                     fmt::format("statuses: {}", join_choices(choices::enrollment_status)));
  }
  auto date = [&](const std::string& value, const char* flag) -> std::optional<Date> {
    if (value.empty()) return std::nullopt;
    return parse_date_option(value, flag, today);
  };
  Decision d{o.status, std::nullopt, date(o.next_report, "--next-report"), date(o.renew_by, "--renew-by"),
             parse_change_date(ctx, o.decided, today, "the day of the decision")};
  if (d.day.given) d.decided = d.day.date;
  if ((d.next_report || d.renew_by) && d.status != "approved")
    throw UsageError("--next-report and --renew-by are deadlines of an approved enrollment");
  if (d.decided && d.status != "approved" && d.status != "denied")
    throw UsageError("--date is the day of a decision: use it with approved or denied");
  return d;
}

// What may follow what: an application is decided (approved or denied) or
// withdrawn (ended); a decision may change on appeal or renewal; an ended
// enrollment stays ended, and a new application is a new entry (`enroll`).
void check_decision(const std::string& id, const std::string& program, const std::string& from, const Decision& d) {
  const std::string again = fmt::format("`caseload enroll {} {}` records a new application", id, program);
  if (!is_one_of(from, choices::enrollment_status)) {
    throw Error(fmt::format("the enrollment of {} in {} has no valid status ({}); nothing was changed", id, program,
                            join_choices(choices::enrollment_status)),
                "fix client.yaml (e.g. `caseload edit`), then run `caseload check`");
  }
  if (from == "ended") throw Error(fmt::format("the enrollment of {} in {} has ended", id, program), again);
  if (from == d.status && from != "approved") {
    throw Error(fmt::format("the enrollment of {} in {} is already {}", id, program, from),
                fmt::format("`caseload enrollment {} {} approved|denied|ended` records what happens next", id, program));
  }
  if (d.status == "applied") throw Error(fmt::format("the enrollment of {} in {} cannot go back to applied", id, program), again);
  if (from == "approved" && d.status == "approved" && !d.decided && !d.next_report && !d.renew_by) {
    throw Error(fmt::format("the enrollment of {} in {} is already approved", id, program),
                "pass --next-report or --renew-by to move a deadline, or --decided for a renewal decision");
  }
}

void set_or_remove(YAML::Node entry, const char* key, const std::optional<Date>& value) {
  if (value) set_scalar(entry, key, value->str());
  else remove_key(entry, key);
}

void apply_decision(YAML::Node entry, const std::string& from, const Decision& d, const Program& program,
                    const Date& today) {
  set_scalar(entry, "status", d.status);
  if (d.status != "approved") {
    if (d.status == "denied") set_scalar(entry, "decided", d.decided.value_or(today).str());
    remove_key(entry, "next_report");  // denied or ended: no more deadlines
    remove_key(entry, "renew_by");
    return;
  }
  // A new decision (or a renewal) sets the deadlines from its date; otherwise
  // only the deadlines given move.
  if (from != "approved" || d.decided) {
    const Date decided = d.decided.value_or(today);
    const EnrollmentDeadlines due = enrollment_deadlines(program, decided);
    set_scalar(entry, "decided", decided.str());
    set_or_remove(entry, "next_report", d.next_report ? d.next_report : due.next_report);
    set_or_remove(entry, "renew_by", d.renew_by ? d.renew_by : due.renew_by);
    return;
  }
  if (d.next_report) set_scalar(entry, "next_report", d.next_report->str());
  if (d.renew_by) set_scalar(entry, "renew_by", d.renew_by->str());
}

std::string summary(const YAML::Node& entry, const std::string& program, const std::string& from) {
  std::string out = fmt::format("{}: {} -> {}", program, from, get_string(entry, "status").value_or(""));
  static const std::pair<const char*, const char*> k_dates[] = {
      {"decided", "decided"}, {"next_report", "next report"}, {"renew_by", "renew by"}};
  for (const auto& [key, label] : k_dates) {
    if (auto v = get_string(entry, key)) out += fmt::format(", {} {}", label, *v);
  }
  return out;
}

int run_enrollment(const EnrollOptions& o, Context& ctx) {
  Store store = ctx.open_store();
  const Date today = ctx.today();
  const Decision d = decision_from_options(o, ctx, today);
  const Program& program = known_program(store, o.program);
  Transaction tx(store, ctx.lock_wait());
  const std::string id = resolve_client_id(store, o.client);
  Document doc = read_for_update(store, Store::client_path(id), schemas::client());
  auto current = latest_enrollment(doc, program.id);
  if (!current) {
    throw Error(fmt::format("{} has no enrollment in {}", id, program.id),
                fmt::format("`caseload enroll {} {}` records an application", id, program.id));
  }
  const std::string from = get_string(*current, "status").value_or("");
  check_decision(id, program.id, from, d);
  const auto applied = get_string(*current, "applied");
  refuse_change_before(d.day, applied ? Date::parse(*applied) : std::nullopt, "the application");
  apply_decision(*current, from, d, program, today);
  tx.write(doc);
  ctx.journal->detail = program.id + " " + get_string(*current, "status").value_or("");
  if (!ctx.global.quiet) ctx.out << summary(*current, program.id, from) << '\n';
  return k_exit_ok;
}

}  // namespace

void setup_enroll(CLI::App& app, Runner& run) {
  auto e = std::make_shared<EnrollOptions>();
  auto* enroll = add_command(app, run, "enroll", "Record a client's application to a benefit program", e, run_enroll);
  enroll->add_option("client", e->client, "Client ID, ID prefix or name")->required();
  enroll->add_option("program", e->program, "The program's ID (from caseload.yaml)")->required();
  enroll->add_option("--applied", e->applied, "The day of the application (default: today)");

  auto s = std::make_shared<EnrollOptions>();
  auto* enrollment = add_command(app, run, "enrollment",
                                 "Record a decision on an enrollment: approved, denied or ended; approval sets its deadlines",
                                 s, run_enrollment);
  enrollment->add_option("client", s->client, "Client ID, ID prefix or name")->required();
  enrollment->add_option("program", s->program, "The program's ID")->required();
  enrollment->add_option("status", s->status, "approved, denied or ended")->required();
  add_change_date_option(enrollment, s->decided, "The day of the decision", "--decided");
  enrollment->add_option("--next-report", s->next_report, "Next progress report due (default: decided + report_every)");
  enrollment->add_option("--renew-by", s->renew_by, "Renewal due (default: decided + renew_every)");
}

}  // namespace caseload
