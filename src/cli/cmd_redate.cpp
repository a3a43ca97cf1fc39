// caseload redate CLIENT REF DATE: the mistyped date of a contact,
// assessment or referral corrected, and its file renamed to match, in one
// change (one commit), so the name and the date never disagree.
#include <fmt/format.h>

#include "caseload/cli/commands.hpp"
#include "caseload/cli/common.hpp"
#include "caseload/cli/event_files.hpp"
#include "caseload/store/decode.hpp"

namespace caseload {
namespace {

struct RedateOptions {
  std::string client, ref, date;
};

// Each record type's date: where it is kept, and the rules a new record's
// date follows (the same as the commands that create them).
DateTime redate_contact(Document& doc, const std::string& value, const Date& today) {
  const Contact c = decode_record<Contact>(doc);
  DateTime when = parse_datetime_option(value, "DATE", today);
  if (!when.has_time() && c.date) when.minutes = c.date->minutes;  // a new day keeps the time of day
  if (c.status == "done") {
    refuse_future_date(when.date, today, "DATE", "a contact recorded as done",
                       "a done contact happened on or before today; a planned one is recorded with "
                       "`caseload schedule`");
  }
  set_scalar(doc.root, "date", when.str());
  return when;
}

DateTime redate_assessment(Document& doc, const std::string& value, const Date& today) {
  const Date date = parse_date_option(value, "DATE", today);
  refuse_future_date(date, today, "DATE", "an assessment",
                     "an assessment records what was found; plan a review with `caseload plan CLIENT review DATE`");
  set_scalar(doc.root, "date", date.str());
  return DateTime{date, -1};
}

// A referral's date is the first entry of its history (when it was drafted
// or sent), and its ID is its file name.
DateTime redate_referral(Document& doc, const std::string& value, const Date& today) {
  const Referral r = decode_record<Referral>(doc);
  YAML::Node history = child(doc.root, "history");
  if (r.history.empty() || !r.history.front().date || !history.IsSequence() || !history[0].IsMap()) {
    throw DataError(doc.where(history.IsDefined() ? history : doc.root),
                    "the referral's history has no dated first entry; nothing was changed",
                    "fix the file (e.g. `caseload edit`), then run `caseload check`");
  }
  const Date date = parse_date_option(value, "DATE", today);
  refuse_future_date(date, today, "DATE", "the date of a referral",
                     "a referral is dated when it was made, on or before today");
  if (r.history.size() > 1 && r.history[1].date && date > *r.history[1].date) {
    throw UsageError(fmt::format("DATE: {} is after the referral's next history entry ({}, {}); nothing was written",
                                 date.str(), r.history[1].status, r.history[1].date->str()),
                     fmt::format("a referral is made before it moves on: give {} or earlier", r.history[1].date->str()));
  }
  set_scalar(history[0], "date", date.str());
  return DateTime{date, -1};
}

int run_redate(const RedateOptions& o, Context& ctx) {
  Store store = ctx.open_store();
  const Date today = ctx.today();
  Transaction tx(store, ctx.lock_wait());
  const std::string id = resolve_client_id(store, o.client);
  const EventRef ref = find_event(
      store, id, {&record_type<Contact>(), &record_type<Assessment>(), &record_type<Referral>()}, o.ref, "record");
  Document doc = read_for_update(store, ref.path, *ref.type->schema);
  const std::string old_stem = file_stem(ref.path);
  const std::string before = doc.canonical();
  DateTime when;
  if (ref.type == &record_type<Contact>()) {
    when = redate_contact(doc, o.date, today);
  } else if (ref.type == &record_type<Assessment>()) {
    when = redate_assessment(doc, o.date, today);
  } else {
    when = redate_referral(doc, o.date, today);
  }
  const std::string stem = redated_stem(*ref.type, old_stem, when);
  if (stem == old_stem && doc.canonical() == before) {
    throw Error(fmt::format("{} {} is already dated {}; nothing was changed", ref.type->name, old_stem, when.str()));
  }
  warn_far_past_date(ctx, when.date, today, "DATE");
  if (ref.type == &record_type<Referral>()) set_scalar(doc.root, "id", stem);
  write_redated(tx, store, doc, stem);
  if (!ctx.global.quiet) {
    ctx.out << (stem == old_stem ? fmt::format("{}: dated {}\n", old_stem, when.str())
                                 : fmt::format("{} -> {}\n", old_stem, stem));
  }
  return k_exit_ok;
}

}  // namespace

void setup_redate(CLI::App& app, Runner& run) {
  auto o = std::make_shared<RedateOptions>();
  auto* cmd = add_command(app, run, "redate",
                          "Correct the date of a contact, assessment or referral; its file is renamed to match", o,
                          run_redate);
  cmd->add_option("client", o->client, "Client ID, ID prefix or name")->required();
  cmd->add_option("ref", o->ref, "The record: its file name (with or without its folder) or a unique start of it")
      ->required();
  cmd->add_option("date", o->date, "The right date; a contact's may have a time ('2026-11-20 14:00')")->required();
}

}  // namespace caseload
