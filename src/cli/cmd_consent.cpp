// caseload consent CLIENT [add TO | revoke TO]: the client's releases of
// information. Entries are never deleted: revoking dates them, so the record
// shows what was shared when.
#include <fmt/format.h>

#include "caseload/cli/commands.hpp"
#include "caseload/cli/common.hpp"
#include "caseload/cli/new_records.hpp"
#include "caseload/cli/snapshot.hpp"
#include "caseload/core/ids.hpp"
#include "caseload/core/referral.hpp"
#include "caseload/core/text.hpp"
#include "caseload/report/csv.hpp"
#include "caseload/report/json.hpp"
#include "caseload/store/decode.hpp"

namespace caseload {
namespace {

struct ConsentOptions {
  std::string client;
  std::string action;  // "", add, revoke
  std::string to, scope, expires;
};


// For people: "in force", or why not.
std::string state_of(const Consent& c, const Date& today) {
  if (c.in_force(today)) return "in force";
  if (c.revoked && *c.revoked <= today) return "revoked " + c.revoked->str();
  if (c.expires && *c.expires < today) return "expired " + c.expires->str();
  if (c.given && *c.given > today) return "from " + c.given->str();
  return "no given date";
}

void write_json(std::ostream& out, const std::vector<Consent>& consents, const Date& today) {
  JsonWriter w(out);
  w.begin_array();
  for (const auto& c : consents) {
    w.begin_object();
    w.key("to"); w.value(c.to);
    w.key("scope"); w.value(c.scope);
    w.key("given"); w.value(std::optional<std::string>(date_or_empty(c.given)));
    w.key("expires"); w.value(std::optional<std::string>(date_or_empty(c.expires)));
    w.key("revoked"); w.value(std::optional<std::string>(date_or_empty(c.revoked)));
    w.key("in_force"); w.value(c.in_force(today));
    w.end_object();
  }
  w.end_array();
}

void write_table(Context& ctx, const std::string& id, const std::vector<Consent>& consents, const Date& today) {
  if (consents.empty()) {
    if (!ctx.global.quiet) ctx.err << fmt::format("No consent recorded for {}.\n", id);
    return;
  }
  const Style style = ctx.style();
  Table t;
  t.headers = {"TO", "SCOPE", "GIVEN", "EXPIRES", "STATUS"};
  for (const auto& c : consents) {
    const std::string state = state_of(c, today);
    t.rows.push_back({c.to, join(c.scope), date_or_empty(c.given), date_or_empty(c.expires),
                      state});
    t.paint.push_back({Paint::none, Paint::none, Paint::none, Paint::none, c.in_force(today) ? Paint::green : Paint::dim});
  }
  print_table(ctx.out, t, style);
}

int list_consents(const ConsentOptions& o, Context& ctx) {
  Store store = ctx.open_store();
  const Date today = ctx.today();
  const std::string format = ctx.format("table", {"table", "json", "csv"});
  const std::string id = resolve_client_id(store, o.client);
  Diagnostics warnings;
  const Client client = decode_record<Client>(store.read(Store::client_path(id), schemas::client()), &warnings);
  print_warnings(ctx, warnings);
  if (format == "json") {
    write_json(ctx.out, client.consents, today);
  } else if (format == "csv") {
    write_csv_row(ctx.out, {"to", "scope", "given", "expires", "revoked", "in_force"});
    for (const auto& c : client.consents) {
      write_csv_row(ctx.out, {c.to, csv_list(c.scope), date_or_empty(c.given), date_or_empty(c.expires),
                              date_or_empty(c.revoked), c.in_force(today) ? "true" : "false"});
    }
  } else {
    write_table(ctx, id, client.consents, today);
  }
  return k_exit_ok;
}

std::string consent_target(const std::string& value) {
  std::string to = one_line_option(value, "TO");
  if (to.empty()) throw UsageError("TO must name a resource ID, an organization, or *");
  return to;
}

// A word that looks like a resource ID but names no resource and no
// organization is most likely a typo: say so, but record it as written.
void warn_unknown_target(Context& ctx, const Store& store, const std::string& to) {
  if (to == "*" || !is_resource_id(to) || store.exists(resource_path(to))) return;
  for (const auto& r : store.load_resources(nullptr)) {
    if (search_key(r.organization) == search_key(to)) return;
  }
  ctx.err << fmt::format("caseload: warning: no resource '{}' in the directory; the consent names it as an "
                         "organization\n", to);
}

int add(const ConsentOptions& o, Context& ctx) {
  Store store = ctx.open_store();
  const Date today = ctx.today();
  Consent in = default_consent(consent_target(o.to), today);
  if (!o.scope.empty()) in.scope = comma_list_option(o.scope, "--scope");
  if (!o.expires.empty()) in.expires = parse_date_option(o.expires, "--expires", today);
  if (*in.expires < *in.given) {
    throw UsageError(fmt::format("--expires: {} is before today ({}), when the consent is given", in.expires->str(),
                                 in.given->str()),
                     "give the last day the consent holds");
  }
  Transaction tx(store, ctx.lock_wait());
  const std::string id = resolve_client_id(store, o.client);
  Document doc = read_for_update(store, Store::client_path(id), schemas::client());
  add_consent(doc, in);
  tx.write(doc);
  warn_unknown_target(ctx, store, in.to);
  if (!ctx.global.quiet)
    ctx.out << fmt::format("Consent to {} ({}) from {} until {}\n", in.to, join(in.scope), in.given->str(), in.expires->str());
  return k_exit_ok;
}

Consent consent_of(const YAML::Node& entry) {
  auto date = [&](const char* key) { return Date::parse(get_string(entry, key).value_or("")); };
  return Consent{get_string(entry, "to").value_or(""), get_strings(entry, "scope"), date("given"), date("expires"),
                 date("revoked")};
}

// Dates `revoked:` on the entries for `to` that are in force; returns how many.
int revoke_in(Document& doc, const std::string& to, const Date& today) {
  int revoked = 0;
  YAML::Node list = child(doc.root, "consent");
  if (!list.IsSequence()) return 0;
  for (YAML::Node entry : list) {
    if (!entry.IsMap()) continue;
    const Consent c = consent_of(entry);
    if (search_key(c.to) != search_key(to) || !c.in_force(today)) continue;
    set_scalar(entry, "revoked", today.str());
    ++revoked;
  }
  return revoked;
}

// Referrals still open that the revocation leaves without a consent.
void warn_uncovered_referrals(Context& ctx, const Store& store, const std::string& id, const Date& today) {
  Diagnostics ignored;
  const ClientRecord r = store.load_client(id, OnBroken::Skip, &ignored);
  for (const auto& ref : r.referrals) {
    if (is_final_referral_status(ref.status) || ref.status == "draft" || !is_resource_id(ref.resource)) continue;
    auto resource = store.load_resource(ref.resource);
    if (!resource || consent_covers(r.client.consents, resource->id, resource->organization, today)) continue;
    ctx.err << fmt::format("caseload: warning: open referral {} ({}) is no longer covered by a consent in force\n",
                           ref.id, ref.status);
  }
}

int revoke(const ConsentOptions& o, Context& ctx) {
  Store store = ctx.open_store();
  const Date today = ctx.today();
  const std::string to = consent_target(o.to);
  Transaction tx(store, ctx.lock_wait());
  const std::string id = resolve_client_id(store, o.client);
  Document doc = read_for_update(store, Store::client_path(id), schemas::client());
  const int revoked = revoke_in(doc, to, today);
  if (revoked == 0) {
    throw Error(fmt::format("{} has no consent to '{}' in force; nothing was changed", id, to),
                fmt::format("`caseload consent {}` lists the client's consents", id));
  }
  tx.write(doc);
  warn_uncovered_referrals(ctx, store, id, today);
  if (!ctx.global.quiet) {
    ctx.out << fmt::format("Revoked {} consent{} to {} on {}\n", revoked, revoked == 1 ? "" : "s", to, today.str());
  }
  return k_exit_ok;
}

int run_consent(const ConsentOptions& o, Context& ctx) {
  if (o.action == "add") return add(o, ctx);
  if (o.action == "revoke") return revoke(o, ctx);
  return list_consents(o, ctx);
}

CLI::App* action(CLI::App* parent, const char* name, const char* help, std::shared_ptr<ConsentOptions> o) {
  CLI::App* sub = parent->add_subcommand(name, help);
  sub->callback([o, name] { o->action = name; });
  sub->fallthrough();
  return sub;
}

}  // namespace

void setup_consent(CLI::App& app, Runner& run) {
  auto o = std::make_shared<ConsentOptions>();
  auto* cmd = add_command(app, run, "consent",
                          "A client's consents to share information; with no action, lists them and whether each is in force",
                          o, run_consent);
  takes_format(cmd);  // its listing: add and revoke have no formats
  cmd->add_option("client", o->client, "Client ID, ID prefix or name")->required();
  cmd->require_subcommand(0, 1);
  auto* add = action(cmd, "add", "Record a consent given today", o);
  add->add_option("to", o->to, "Shared with: a resource ID, an organization's name, or * (anyone)")->required();
  add->add_option("--scope", o->scope, "What may be shared, comma-separated (default: contact,needs)");
  add->add_option("--expires", o->expires, "The last day it holds (default: a year from today)");
  auto* revoke = action(cmd, "revoke", "Revoke the consents in force for TO (dated today, never deleted)", o);
  revoke->add_option("to", o->to, "A resource ID, an organization's name, or *")->required();
}

}  // namespace caseload
