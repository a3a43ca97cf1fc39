// caseload intake: a new client, and the intake assessment when scores or needs are given.
#include <fmt/format.h>


#include "caseload/cli/commands.hpp"
#include "caseload/cli/common.hpp"
#include "caseload/cli/new_records.hpp"
#include "caseload/core/choices.hpp"
#include "caseload/core/ids.hpp"
#include "caseload/core/text.hpp"

namespace caseload {
namespace {

struct IntakeOptions {
  std::string name, preferred_name, external_id, born, phone, email, address, worker, risk;
  std::string opened, contact_every, notes, strengths;
  std::vector<std::string> languages, household, tags, scores, needs;
  bool allow_duplicate = false;
};

YAML::Node household_entry(const std::string& text) {
  // NAME[:RELATION[:BORN]]
  auto first = text.find(':');
  auto second = first == std::string::npos ? std::string::npos : text.find(':', first + 1);
  YAML::Node entry(YAML::NodeType::Map);
  set_scalar(entry, "name", one_line_option(text.substr(0, first), "--household"));
  if (first != std::string::npos) {
    std::string relation = one_line_option(text.substr(first + 1, second - first - 1), "--household");
    if (!relation.empty()) set_scalar(entry, "relation", relation);
  }
  if (second != std::string::npos) {
    std::string born = text.substr(second + 1);
    if (!valid_partial_date(born)) {
      throw UsageError(fmt::format("--household: born '{}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", born),
                       "the month and day must exist (2016-02-29, not 2016-02-30); a year alone will do");
    }
    set_scalar(entry, "born", born);
  }
  return entry;
}

void refuse_duplicate(const Store& store, const std::string& name, const std::string& born) {
  const std::string key = search_key(name);
  for (const auto& id : store.client_ids()) {
    try {
      Document doc = store.read(Store::client_path(id), schemas::client());
      if (get_string(doc.root, "born").value_or("") == born && search_key(get_string(doc.root, "name").value_or("")) == key) {
        throw Error(fmt::format("client {} has the same name and birth date", id),
                    "use that client, or pass --allow-duplicate if this is another person");
      }
    } catch (const DataError&) {
      // a broken record cannot be compared; `check` reports it
    }
  }
}

std::vector<std::string> checked_list(const std::vector<std::string>& items, const std::string& flag) {
  std::vector<std::string> out;
  for (const auto& item : items) {
    std::string v = one_line_option(item, flag);
    if (v.empty() || v.find_first_of(",[]{}") != std::string::npos)
      throw UsageError(fmt::format("{}: '{}' must be a single word or phrase without , [ ] {{ }}", flag, item));
    out.push_back(v);
  }
  return out;
}

Document client_document(Context& ctx, const Store& store, const IntakeOptions& o, const std::string& id,
                         const std::string& name, const std::string& worker, const Date& opened) {
  Document doc = new_document(Store::client_path(id), schemas::client());
  YAML::Node& r = doc.root;
  set_scalar(r, "id", id);
  set_scalar(r, "name", name);
  auto optional_line = [&](const char* key, const std::string& value, const char* flag) {
    if (!value.empty()) set_scalar(r, key, one_line_option(value, flag));
  };
  optional_line("preferred_name", o.preferred_name, "--preferred-name");
  optional_line("external_id", o.external_id, "--external-id");
  if (!o.born.empty()) {
    if (!valid_partial_date(o.born))
      throw UsageError(fmt::format("--born: '{}' is not a date", o.born), "use YYYY-MM-DD, YYYY-MM or YYYY");
    set_scalar(r, "born", o.born);
  }
  for (const auto& tag : o.languages) {
    if (!is_language_tag(tag)) throw UsageError(fmt::format("--language: '{}' is not a language tag", tag), "use BCP 47 tags such as fi, nb, tl, id, bn, en-US");
  }
  if (o.languages.size() == 1) set_scalar(r, "language", o.languages.front());
  if (o.languages.size() > 1) set_strings(r, "language", o.languages);
  optional_line("phone", o.phone, "--phone");
  optional_line("email", o.email, "--email");
  if (!o.address.empty()) set_scalar(r, "address", text_option(ctx, o.address, "--address"));
  if (!o.household.empty()) {
    YAML::Node list(YAML::NodeType::Sequence);
    for (const auto& h : o.household) list.push_back(household_entry(h));
    r["household"] = list;
  }
  set_scalar(r, "worker", worker);
  if (!o.risk.empty()) set_scalar(r, "risk", o.risk);
  set_scalar(r, "status", "open");
  set_scalar(r, "opened", opened.str());
  if (!o.contact_every.empty()) set_scalar(r, "contact_every", parse_period_option(o.contact_every, "--contact-every").str());
  if (!o.tags.empty()) set_strings(r, "tags", checked_list(o.tags, "--tag"));
  if (!o.notes.empty()) set_scalar(r, "notes", text_option(ctx, o.notes, "--notes"));
  (void)store;
  return doc;
}

int run_intake(const IntakeOptions& o, Context& ctx) {
  Store store = ctx.open_store();
  const Date today = ctx.today();
  const std::string worker = ctx.acting_worker(store, o.worker);
  std::string name = o.name.empty() ? prompt_required(ctx, "Name (as the person writes it)", "--name")
                                    : one_line_option(o.name, "--name");
  if (name.empty()) throw UsageError("--name must not be empty");
  const Date opened = o.opened.empty() ? today : parse_date_option(o.opened, "--opened", today);
  refuse_future_date(opened, today, "--opened", "the opening date",
                     "leave --opened out to open the case today, or give a past date such as -1w");
  warn_far_past_date(ctx, opened, today, "--opened");
  if (auto born = earliest_day_of(o.born)) {
    refuse_future_date(*born, today, "--born", "a birth date", "check the year; YYYY or YYYY-MM will do when the day is not known");
  }
  Assessment assessment;
  assessment.date = opened;
  assessment.kind = "intake";
  assessment.worker = worker;
  for (const auto& s : o.scores) assessment.scores.push_back(parse_score(store.settings(), s));
  for (const auto& n : o.needs) assessment.needs.push_back(parse_need(store.settings(), n));
  if (!o.strengths.empty()) assessment.strengths = text_option(ctx, o.strengths, "--strengths");

  Transaction tx(store, ctx.lock_wait());
  if (!o.born.empty() && !o.allow_duplicate) refuse_duplicate(store, name, o.born);
  const std::string id = new_client_id(ctx.random, [&](const std::string& candidate) {
    return store.exists(Store::client_dir(candidate));
  });
  Document client = client_document(ctx, store, o, id, name, worker, opened);
  tx.write(client);
  if (!assessment.scores.empty() || !assessment.needs.empty() || !assessment.strengths.empty()) {
    tx.write(new_assessment(store, id, assessment, ctx.random));
  }
  ctx.out << id << '\n';
  return k_exit_ok;
}

}  // namespace

void setup_intake(CLI::App& app, Runner& run) {
  auto o = std::make_shared<IntakeOptions>();
  auto* cmd = add_command(app, run, "intake", "Take in a new client; prints the new client ID", o, run_intake);
  cmd->add_option("--name", o->name, "Full name as the person writes it (prompted when missing)");
  cmd->add_option("--preferred-name", o->preferred_name, "What the person likes to be called");
  cmd->add_option("--external-id", o->external_id, "The agency's own case number");
  cmd->add_option("--born", o->born, "Birth date: YYYY-MM-DD, YYYY-MM or YYYY");
  cmd->add_option("--language", o->languages, "Language as a BCP 47 tag (fi, nb, tl, id, bn, en-US); repeatable")->allow_extra_args(false);
  cmd->add_option("--phone", o->phone, "Phone number");
  cmd->add_option("--email", o->email, "Email address");
  cmd->add_option("--address", o->address, "Postal address (several lines allowed; - reads stdin)");
  cmd->add_option("--household", o->household, "A household member as NAME[:RELATION[:BORN]]; repeatable")->allow_extra_args(false);
  cmd->add_option("--worker", o->worker, "Responsible worker ID (else CASELOAD_WORKER, else defaults.worker)");
  cmd->add_option("--risk", o->risk, "low, medium or high: orders the follow-up list")->check(CLI::IsMember(choices::as_strings(choices::risk)));
  cmd->add_option("--opened", o->opened, "Date the case was opened (default: today)");
  cmd->add_option("--contact-every", o->contact_every, "Contact cadence for this client, e.g. 14d (overrides the default)");
  cmd->add_option("--tag", o->tags, "A tag; repeatable")->allow_extra_args(false);
  cmd->add_option("--notes", o->notes, "Free-text notes (- reads stdin)");
  cmd->add_option("--score", o->scores, "Intake score DOMAIN=LEVEL, e.g. housing=2; repeatable")->allow_extra_args(false);
  cmd->add_option("--need", o->needs, "A domain flagged as a need; repeatable")->allow_extra_args(false);
  cmd->add_option("--strengths", o->strengths, "Strengths noted at intake");
  cmd->add_flag("--allow-duplicate", o->allow_duplicate, "Take in even if a client has the same name and birth date");
}

}  // namespace caseload
