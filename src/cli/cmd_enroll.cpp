// caseload enroll CLIENT PROGRAM and caseload enrollment CLIENT PROGRAM STATUS:
// benefit programs in the client's `enrollments`, with the deadlines that
// keep help coming (progress reports, renewals) set from the program's rules.
#include <fmt/format.h>

#include "caseload/cli/change_date.hpp"
#include "caseload/cli/commands.hpp"
#include "caseload/cli/common.hpp"
#include "caseload/cli/enrollments.hpp"
#include "caseload/core/ids.hpp"
#include "caseload/core/referral.hpp"
#include "caseload/store/encode.hpp"
#include "caseload/store/schema.hpp"

namespace caseload {
namespace {

struct EnrollOptions {
  std::string client, program, status, applied, decided, next_report, renew_by, note;
};

// Adds to the entry's history (made when missing: stores from before it
// was kept have none) in date order, after the entries of the same day: an
// event recorded late (ended last Friday, after today's report) goes where
// it happened, so the history reads as it went and `check` finds it in order.
void append_event(YAML::Node entry, const Date& date, const std::string& event, const std::string& note) {
  const YAML::Node old = entry["history"];
  YAML::Node history(YAML::NodeType::Sequence);
  const EnrollmentEvent e{date, event, note};
  const YAML::Node added = encode_record(e, *schemas::client().find("enrollments")->nested->find("history")->nested);
  bool placed = false;
  if (old.IsSequence()) {
    for (const auto& h : old) {
      const auto d = Date::parse(get_string(h, "date").value_or(""));
      if (!placed && d && *d > date) {
        history.push_back(added);
        placed = true;
      }
      history.push_back(h);
    }
  }
  if (!placed) history.push_back(added);
  entry["history"] = history;
}

std::optional<Date> date_of(const YAML::Node& entry, const char* key) {
  const auto v = get_string(entry, key);
  return v ? Date::parse(*v) : std::nullopt;
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
  append_event(entry, applied, "applied", "");
  list_for_update(doc, "enrollments").push_back(entry);
  tx.write(doc);
  ctx.journal->detail = program.id;
  if (!ctx.global.quiet) ctx.out << fmt::format("{}: applied {}\n", program.id, applied.str());
  return k_exit_ok;
}

// --- enrollment ------------------------------------------------------------

// What `enrollment` records: a decision (a status), or while approved a
// report filed or a renewal that moves one deadline on.
const std::vector<std::string_view> k_actions = {"approved", "denied", "ended", "reported", "renewed"};

bool is_filing(const std::string& action) { return action == "reported" || action == "renewed"; }

struct Decision {
  std::string status;  // the action: a status, or reported / renewed
  std::optional<Date> decided, next_report, renew_by;
  ChangeDate day;  // --date: the day of the decision, the ending or the filing
  std::string note;
};

// What --date is the day of, for its errors.
std::string change_what(const std::string& action) {
  if (action == "reported") return "the day of the report";
  if (action == "renewed") return "the day of the renewal";
  if (action == "ended") return "the day of the end";
  return "the day of the decision";
}

Decision decision_from_options(const EnrollOptions& o, Context& ctx, const Date& today) {
  if (!is_one_of(o.status, k_actions) && o.status != "applied") {  // applied: refused below, with its own hint
    throw UsageError(fmt::format("'{}' is not an enrollment status or event", o.status),
                     fmt::format("one of: {}", join_choices(k_actions)));
  }
  auto date = [&](const std::string& value, const char* flag) -> std::optional<Date> {
    if (value.empty()) return std::nullopt;
    return parse_date_option(value, flag, today);
  };
  Decision d{o.status, std::nullopt, date(o.next_report, "--next-report"), date(o.renew_by, "--renew-by"),
             parse_change_date(ctx, o.decided, today, change_what(o.status)), one_line_option(o.note, "--note")};
  if (d.day.given && (d.status == "approved" || d.status == "denied")) d.decided = d.day.date;
  if ((d.next_report || d.renew_by) && d.status != "approved")
    throw UsageError("--next-report and --renew-by are deadlines of an approved enrollment",
                     "`reported` and `renewed` move them on by the program's period");
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
  if (is_filing(d.status) && from != "approved") {
    throw Error(fmt::format("the enrollment of {} in {} is {}: only an approved enrollment is {}", id, program, from,
                            d.status),
                from == "applied" ? fmt::format("record the decision first: `caseload enrollment {} {} approved`", id, program)
                                  : again);
  }
  if (from == d.status && from != "approved") {
    throw Error(fmt::format("the enrollment of {} in {} is already {}", id, program, from),
                fmt::format("`caseload enrollment {} {} approved|denied|ended` records what happens next", id, program));
  }
  if (d.status == "applied") throw Error(fmt::format("the enrollment of {} in {} cannot go back to applied", id, program), again);
  if (from == "approved" && d.status == "approved" && !d.decided && !d.next_report && !d.renew_by) {
    throw Error(fmt::format("the enrollment of {} in {} is already approved", id, program),
                "pass --next-report or --renew-by to move a deadline, --decided for a renewal decision, "
                "or use `reported` / `renewed`");
  }
}

void set_or_remove(YAML::Node entry, const char* key, const std::optional<Date>& value) {
  if (value) set_scalar(entry, key, value->str());
  else remove_key(entry, key);
}

// A report filed or a renewal moves its deadline on by one period from the
// day it was due, not from the day it was filed: the cadence stays fixed.
// One filing covers one period, so a client two periods behind is still
// overdue after filing one.
void apply_filing(YAML::Node entry, const std::string& id, const Decision& d, const Program& program) {
  const bool report = d.status == "reported";
  const char* key = report ? "next_report" : "renew_by";
  const char* period_key = report ? "report_every" : "renew_every";
  const char* flag = report ? "--report-every" : "--renew-every";
  const std::optional<Period>& every = report ? program.report_every : program.renew_every;
  if (!every) {
    throw Error(fmt::format("program {} has no {}: it asks for no {}", program.id, period_key,
                            report ? "progress reports" : "renewals"),
                fmt::format("set the period with `caseload program set {} {} PERIOD`, then run this again", program.id, flag));
  }
  const std::optional<Date> due = date_of(entry, key);
  if (!due) {
    throw Error(fmt::format("the enrollment of {} in {} has no {} date to move on", id, program.id, key),
                fmt::format("set it with `caseload enrollment {} {} approved --{}`", id, program.id,
                            report ? "next-report DATE" : "renew-by DATE"));
  }
  set_scalar(entry, key, every->after(*due).str());
}

void apply_decision(YAML::Node entry, const std::string& id, const std::string& from, const Decision& d,
                    const Program& program, const Date& today) {
  if (is_filing(d.status)) {
    apply_filing(entry, id, d, program);
    return append_event(entry, d.day.date, d.status, d.note);
  }
  set_scalar(entry, "status", d.status);
  if (d.status != "approved") {
    if (d.status == "denied") set_scalar(entry, "decided", d.decided.value_or(today).str());
    if (d.status == "ended") set_scalar(entry, "ended", d.day.date.str());
    remove_key(entry, "next_report");  // denied or ended: no more deadlines
    remove_key(entry, "renew_by");
    return append_event(entry, d.status == "denied" ? d.decided.value_or(today) : d.day.date, d.status, d.note);
  }
  // A new decision (or a renewal) sets the deadlines from its date; otherwise
  // only the deadlines given move, and that is a correction, not an event.
  if (from != "approved" || d.decided) {
    const Date decided = d.decided.value_or(today);
    const EnrollmentDeadlines due = enrollment_deadlines(program, decided);
    set_scalar(entry, "decided", decided.str());
    set_or_remove(entry, "next_report", d.next_report ? d.next_report : due.next_report);
    set_or_remove(entry, "renew_by", d.renew_by ? d.renew_by : due.renew_by);
    return append_event(entry, decided, "approved", d.note);
  }
  if (d.next_report) set_scalar(entry, "next_report", d.next_report->str());
  if (d.renew_by) set_scalar(entry, "renew_by", d.renew_by->str());
}

// The day a change may not come before: the latest of the entry's dates so far.
std::optional<Date> latest_date(const YAML::Node& entry) {
  std::optional<Date> latest;
  for (const char* key : {"applied", "decided"}) {
    const auto d = date_of(entry, key);
    if (d && (!latest || *latest < *d)) latest = d;
  }
  return latest;
}

std::string summary(const YAML::Node& entry, const std::string& program, const std::string& from, const Decision& d) {
  std::string out;
  if (d.status == "reported") out = fmt::format("{}: report filed {}", program, d.day.date.str());
  else if (d.status == "renewed") out = fmt::format("{}: renewed {}", program, d.day.date.str());
  else out = fmt::format("{}: {} -> {}", program, from, get_string(entry, "status").value_or(""));
  static const std::pair<const char*, const char*> k_dates[] = {
      {"decided", "decided"}, {"next_report", "next report"}, {"renew_by", "renew by"}, {"ended", "ended"}};
  for (const auto& [key, label] : k_dates) {
    if (is_filing(d.status) && std::string_view(key) == "decided") continue;
    if (auto v = get_string(entry, key)) out += fmt::format(", {} {}", label, *v);
  }
  return out;
}

// The commit message says what happened, with IDs only: "child-benefit report filed".
std::string commit_detail(const std::string& program, const Decision& d) {
  if (d.status == "reported") return program + " report filed";
  return program + " " + d.status;
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
  refuse_change_before(d.day, is_filing(d.status) || d.status == "ended" ? latest_date(*current) : date_of(*current, "applied"),
                       is_filing(d.status) || d.status == "ended" ? "the application or decision" : "the application");
  apply_decision(*current, id, from, d, program, today);
  tx.write(doc);
  ctx.journal->detail = commit_detail(program.id, d);
  if (!ctx.global.quiet) ctx.out << summary(*current, program.id, from, d) << '\n';
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
                                 "Record what happens to an enrollment: approved, denied or ended (approval sets its "
                                 "deadlines), or a report filed or renewal (moves that deadline on)",
                                 s, run_enrollment);
  enrollment->add_option("client", s->client, "Client ID, ID prefix or name")->required();
  enrollment->add_option("program", s->program, "The program's ID")->required();
  enrollment->add_option("status", s->status, "approved, denied, ended, reported or renewed")->required();
  add_change_date_option(enrollment, s->decided, "The day of the decision, the end, the report or the renewal",
                         "--decided");
  enrollment->add_option("--next-report", s->next_report, "Next progress report due (default: decided + report_every)");
  enrollment->add_option("--renew-by", s->renew_by, "Renewal due (default: decided + renew_every)");
  enrollment->add_option("--note", s->note, "One line for the history entry");
}

}  // namespace caseload
