// caseload refer CLIENT RESOURCE and caseload referral CLIENT REF STATUS:
// a referral file per referral, moved along the lifecycle of core/referral,
// every move appended to its history.
#include <fmt/format.h>

#include "caseload/cli/change_date.hpp"
#include "caseload/cli/commands.hpp"
#include "caseload/cli/common.hpp"
#include "caseload/cli/event_files.hpp"
#include "caseload/cli/new_records.hpp"
#include "caseload/core/referral.hpp"
#include "caseload/core/text.hpp"
#include "caseload/store/decode.hpp"
#include "caseload/store/encode.hpp"

namespace caseload {
namespace {

struct ReferOptions {
  std::string client, resource, reason, domain, service, goal, follow_up, worker;
  bool consent_given = false;
};

struct ReferralOptions {
  std::string client, ref, status, note, follow_up, outcome, worker, date;
};

YAML::Node history_entry(const HistoryEntry& entry) {
  return encode_record(entry, *schemas::referral().find("history")->nested);
}

// --- refer ---------------------------------------------------------------

// --goal names a goal of the client's plan.
std::optional<Goal> plan_goal(const Store& store, const std::string& id, const std::string& goal) {
  if (goal.empty()) return std::nullopt;
  const std::string path = Store::client_dir(id) + "/plan.yaml";
  if (!store.exists(path)) {
    throw Error(fmt::format("--goal {}: client {} has no plan yet", goal, id),
                fmt::format("add a goal with `caseload plan {} goal add TEXT`, or leave out --goal", id));
  }
  const Plan plan = decode_record<Plan>(read_for_update(store, path, schemas::plan()));
  std::vector<std::string> ids;
  for (const auto& g : plan.goals) {
    if (g.id == goal) return g;
    ids.push_back(g.id);
  }
  throw Error(fmt::format("--goal: the plan of {} has no goal '{}'", id, goal),
              ids.empty() ? "the plan has no goals yet" : fmt::format("goals: {}", join(ids)));
}

// Sending shares the client's information, so a consent in force must
// cover the resource, unless the client gives it now (--consent-given).
void ensure_consent(Document& client, const Resource& r, bool given_now, const Date& today) {
  const Client c = decode_record<Client>(client);
  if (consent_covers(c.consents, r.id, r.organization, today)) return;
  if (given_now) return add_consent(client, default_consent(r.id, today));
  const std::string lapse = consent_lapse(c.consents, r.id, r.organization, today);
  const std::string org = r.organization.empty() ? "" : fmt::format(" or {}", r.organization);
  throw Error(fmt::format("no consent in force lets {} share information with {}{}{}; nothing was written", c.id, r.id,
                          org, lapse.empty() ? "" : fmt::format(" (the consent {})", lapse)),
              fmt::format("record the client's consent with `caseload consent {} add {}`, or pass --consent-given "
                          "when the client gives it now",
                          c.id, r.id));
}

// The domain: --domain, else the goal's, else the resource's when it serves only one.
std::string referral_domain(const Store& store, const ReferOptions& o, const std::optional<Goal>& goal,
                            const Resource& r) {
  if (!o.domain.empty()) return parse_need(store.settings(), o.domain);
  if (goal && !goal->domain.empty()) return goal->domain;
  return r.domains.size() == 1 ? r.domains.front() : "";
}

// --service: one of the services the resource lists, in the resource's own
// spelling (matched as names are: case, accents and dashes aside), so that
// `stats` counts each service once.
std::string referral_service(const ReferOptions& o, const Resource& r) {
  if (o.service.empty()) return "";
  const std::string wanted = search_key(one_line_option(o.service, "--service"));
  for (const auto& s : r.services) {
    if (search_key(s) == wanted) return s;
  }
  if (r.services.empty())
    throw UsageError(fmt::format("--service: the resource {} lists no services", r.id),
                     fmt::format("list them under services: with `caseload resource edit {}`, or leave --service out",
                                 r.id));
  throw UsageError(fmt::format("--service: not a service of the resource {}", r.id),
                   fmt::format("its services: {}", join(r.services)));
}

// The referral as sent: its file is named by the date it was sent and the resource.
Document new_referral(const Store& store, const std::string& client_id, Referral r,
                      const std::function<uint32_t()>& random) {
  const std::string dir = record_type<Referral>().in_client(Store::client_dir(client_id));
  const std::string stem = fmt::format("{}-{}", r.history.front().date->str(), r.resource);
  const std::string path = free_event_path(store, dir, stem, random);
  r.id = file_stem(path);
  return new_record_document(path, schemas::referral(), r);
}

int run_refer(const ReferOptions& o, Context& ctx) {
  Store store = ctx.open_store();
  const Date today = ctx.today();
  resource_path(o.resource);  // a malformed ID is a usage error before anything is read
  Referral in;
  in.status = "sent";
  in.history = {HistoryEntry{today, in.status, ctx.acting_worker(store, o.worker), ""}};
  in.reason = text_option(ctx, o.reason, "--reason");
  if (in.reason.empty()) throw UsageError("--reason must not be empty", "say why the client is referred");
  if (!o.domain.empty()) parse_need(store.settings(), o.domain);
  in.follow_up = o.follow_up.empty() ? store.settings().defaults.referral_follow_up.after(today)
                                     : parse_date_option(o.follow_up, "--follow-up", today);

  Transaction tx(store, ctx.lock_wait());
  const std::string id = resolve_client_id(store, o.client);
  const Resource resource = known_resource(store, o.resource);
  const auto goal = plan_goal(store, id, o.goal);
  Document client = read_for_update(store, Store::client_path(id), schemas::client());
  ensure_consent(client, resource, o.consent_given, today);
  in.resource = resource.id;
  in.domain = referral_domain(store, o, goal, resource);
  in.service = referral_service(o, resource);
  in.goal = o.goal;
  const Document referral = new_referral(store, id, in, ctx.random);
  tx.write(client);  // written only when --consent-given recorded a consent
  tx.write(referral);
  if (get_string(client.root, "status") == "closed")
    ctx.err << fmt::format("caseload: warning: client {} is closed; the referral was recorded all the same\n", id);
  ctx.out << file_stem(referral.path) << '\n';
  return k_exit_ok;
}

// --- referral --------------------------------------------------------------

// REF: a referral ID, or a unique prefix of one, among the client's files.
std::string find_referral(const Store& store, const std::string& client_id, const std::string& ref) {
  return find_event(store, client_id, {&record_type<Referral>()}, ref, "referral").path;
}

struct Move {
  std::string status, worker, note, outcome;
  std::optional<Date> follow_up;  // none for a final status
  ChangeDate day;                 // the history entry's date: --date, else today
};

// Refuses, with the way forward, what the lifecycle does not allow.
void check_move(const Document& doc, const std::string& from, const Move& move, const Date& today) {
  const std::string& to = move.status;
  const std::string id = file_stem(doc.path);
  if (!is_referral_status(from)) {
    throw DataError(doc.where(child(doc.root, "status")),
                    fmt::format("referral {}: 'status': {}; nothing was changed", id, not_one_of(from, choices::referral_status)),
                    "fix the file (e.g. `caseload edit`), then run `caseload check`");
  }
  if (from == to) {
    throw Error(fmt::format("referral {} is already {}", id, to),
                "to change its follow-up date alone, edit the file with `caseload edit CLIENT referrals/...`");
  }
  if (!referral_transition_allowed(from, to)) {
    const auto next = next_referral_statuses(from);
    throw Error(fmt::format("referral {} is {}: it cannot become {}", id, from, to),
                next.empty() ? fmt::format("{} is final; refer again with `caseload refer` if help is still needed", from)
                             : fmt::format("from {} it may become: {}", from, join(next)));
  }
  const Referral r = decode_record<Referral>(doc);
  if (!r.history.empty() && r.history.back().date && *r.history.back().date > today) {
    throw Error(fmt::format("the last history entry of {} is dated {}, after today ({})", id,
                            r.history.back().date->str(), today.str()),
                "history runs in date order; check --today or CASELOAD_TODAY");
  }
  if (!r.history.empty()) refuse_change_before(move.day, r.history.back().date, "the referral's last history entry");
}

// Sending a drafted referral needs the consent that `refer` asks for.
void check_send_consent(const Store& store, const std::string& client_id, const Document& doc, const Date& today) {
  const Resource r = known_resource(store, get_string(doc.root, "resource").value_or(""));
  const Client c = decode_record<Client>(read_for_update(store, Store::client_path(client_id), schemas::client()));
  if (consent_covers(c.consents, r.id, r.organization, today)) return;
  throw Error(fmt::format("no consent in force lets {} share information with {}; nothing was changed", client_id, r.id),
              fmt::format("record it first with `caseload consent {} add {}`", client_id, r.id));
}

void apply_move(Document& doc, const Move& m) {
  YAML::Node history = list_for_update(doc, "history");
  set_scalar(doc.root, "status", m.status);
  history.push_back(history_entry(HistoryEntry{m.day.date, m.status, m.worker, m.note}));
  if (m.follow_up) set_scalar(doc.root, "follow_up", m.follow_up->str());
  else remove_key(doc.root, "follow_up");  // final: nothing more to follow
  if (!m.outcome.empty()) set_scalar(doc.root, "outcome", m.outcome);
}

Move move_from_options(const ReferralOptions& o, Context& ctx, const Store& store, const Date& today) {
  if (!is_referral_status(o.status)) {
    throw UsageError(fmt::format("'{}' is not a referral status", o.status),
                     fmt::format("statuses: {}", join_choices(choices::referral_status)));
  }
  Move m;
  m.status = o.status;
  m.day = parse_change_date(ctx, o.date, today, "the day of the move");
  m.worker = ctx.acting_worker(store, o.worker);
  m.note = one_line_option(o.note, "--note");
  if (!o.outcome.empty()) m.outcome = text_option(ctx, o.outcome, "--outcome");
  if (is_final_referral_status(o.status)) {
    if (!o.follow_up.empty())
      throw UsageError(fmt::format("--follow-up: {} is final, there is nothing more to follow up", o.status));
  } else {
    m.follow_up = o.follow_up.empty() ? store.settings().defaults.referral_follow_up.after(today)
                                      : parse_date_option(o.follow_up, "--follow-up", today);
  }
  return m;
}

int run_referral(const ReferralOptions& o, Context& ctx) {
  Store store = ctx.open_store();
  const Date today = ctx.today();
  const Move move = move_from_options(o, ctx, store, today);
  Transaction tx(store, ctx.lock_wait());
  const std::string id = resolve_client_id(store, o.client);
  Document doc = read_for_update(store, find_referral(store, id, o.ref), schemas::referral());
  const std::string from = get_string(doc.root, "status").value_or("");
  check_move(doc, from, move, today);
  if (move.status == "sent") check_send_consent(store, id, doc, move.day.date);
  apply_move(doc, move);
  tx.write(doc);
  ctx.journal->detail = move.status;
  if (!ctx.global.quiet) {
    ctx.out << fmt::format("{}: {} -> {}{}\n", file_stem(doc.path), from, move.status,
                           move.follow_up ? ", follow-up " + move.follow_up->str() : "");
  }
  return k_exit_ok;
}

}  // namespace

void setup_refer(CLI::App& app, Runner& run) {
  auto r = std::make_shared<ReferOptions>();
  auto* refer = add_command(app, run, "refer", "Refer a client to a resource (needs a consent in force); prints the referral ID",
                            r, run_refer);
  refer->add_option("client", r->client, "Client ID, ID prefix or name")->required();
  refer->add_option("resource", r->resource, "The resource's ID (see `caseload resource list`)")->required();
  refer->add_option("--reason", r->reason, "Why the client is referred (- reads stdin)")->required();
  refer->add_option("--domain", r->domain, "The domain it is about (default: the goal's, or the resource's only one)");
  refer->add_option("--service", r->service, "Which of the resource's services, e.g. 'food parcels' (see `caseload resource show`)");
  refer->add_option("--goal", r->goal, "The plan goal it serves, e.g. g2");
  refer->add_option("--follow-up", r->follow_up, "When to check on it (default: today + defaults.referral_follow_up)");
  refer->add_flag("--consent-given", r->consent_given, "The client consents now: record a consent for this resource");
  refer->add_option("--worker", r->worker, "Acting worker (else CASELOAD_WORKER, else defaults.worker)");

  auto m = std::make_shared<ReferralOptions>();
  auto* referral = add_command(app, run, "referral", "Move a referral along its lifecycle; the move is added to its history",
                               m, run_referral);
  referral->add_option("client", m->client, "Client ID, ID prefix or name")->required();
  referral->add_option("ref", m->ref, "The referral's ID, or a unique start of it")->required();
  referral->add_option("status", m->status,
                       "The new status: sent, accepted, declined, no-response, completed, closed-unmet, cancelled")
      ->required();
  add_change_date_option(referral, m->date, "The day it happened, for the history entry");
  referral->add_option("--note", m->note, "One line for the history entry");
  referral->add_option("--follow-up", m->follow_up, "Next check (default: today + defaults.referral_follow_up)");
  referral->add_option("--outcome", m->outcome, "What came of it (- reads stdin)");
  referral->add_option("--worker", m->worker, "Acting worker (else CASELOAD_WORKER, else defaults.worker)");
}

}  // namespace caseload
