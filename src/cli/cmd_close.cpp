// caseload close CLIENT --reason TEXT and caseload reopen CLIENT.
#include <fmt/format.h>

#include "caseload/cli/change_date.hpp"
#include "caseload/cli/commands.hpp"
#include "caseload/cli/common.hpp"
#include "caseload/core/referral.hpp"
#include "caseload/core/text.hpp"
#include "caseload/store/decode.hpp"

namespace caseload {
namespace {

struct CloseOptions {
  std::string client;
  std::string reason;
  std::string date;
};

// What is still open for a client: listed as a warning on close.
std::vector<std::string> open_work(const ClientRecord& r) {
  std::vector<std::string> open;
  if (r.plan) {
    for (const auto& g : r.plan->goals) {
      for (const auto& t : g.tasks) {
        // Every todo task, whatever its goal's status: not task_is_open, which
        // counts only an active goal's tasks (the follow-up list's rule), as
        // closing the case leaves the others undone too.
        if (t.status == "todo") open.push_back(fmt::format("task {}: {}", t.id, t.text));
      }
    }
  }
  for (const auto& ref : r.referrals) {
    if (!is_final_referral_status(ref.status))
      open.push_back(fmt::format("referral {} ({})", ref.id, ref.status));
  }
  return open;
}

int run_close(const CloseOptions& o, Context& ctx) {
  Store store = ctx.open_store();
  const Date today = ctx.today();
  const std::string reason = text_option(ctx, o.reason, "--reason");
  if (reason.empty()) throw UsageError("--reason must not be empty");
  const ChangeDate change = parse_change_date(ctx, o.date, today, "the closing date");
  const Date& date = change.date;
  Transaction tx(store, ctx.lock_wait());
  auto [id, client] = resolve_client(store, o.client);
  Document& doc = *client;
  if (get_string(doc.root, "status") == "closed") {
    throw Error(fmt::format("client {} is already closed (since {})", id, get_string(doc.root, "closed").value_or("?")),
                "`caseload reopen` opens it again");
  }
  refuse_change_before(change, decode_record<Client>(doc).opened, "the case was opened");
  set_scalar(doc.root, "status", "closed");
  set_scalar(doc.root, "closed", date.str());
  set_scalar(doc.root, "closed_reason", reason);
  tx.write(doc);
  Diagnostics ignored;
  const auto open = open_work(store.load_client(id, OnBroken::Skip, &ignored, &doc));
  if (!open.empty()) {
    ctx.err << fmt::format("caseload: warning: {} was closed with {} open item{}:\n", id, open.size(),
                           open.size() == 1 ? "" : "s");
    for (const auto& item : open) ctx.err << "  " << item << '\n';
  }
  if (!ctx.global.quiet) ctx.out << fmt::format("Closed {} on {}\n", id, date.str());
  return k_exit_ok;
}

int run_reopen(const CloseOptions& o, Context& ctx) {
  Store store = ctx.open_store();
  Transaction tx(store, ctx.lock_wait());
  auto [id, client] = resolve_client(store, o.client);
  Document& doc = *client;
  if (get_string(doc.root, "status") == "open") {
    throw Error(fmt::format("client {} is already open", id), "nothing to do; `caseload close ID --reason TEXT` closes a case");
  }
  set_scalar(doc.root, "status", "open");
  remove_key(doc.root, "closed");
  remove_key(doc.root, "closed_reason");
  tx.write(doc);
  if (!ctx.global.quiet) ctx.out << fmt::format("Reopened {}\n", id);
  return k_exit_ok;
}

}  // namespace

void setup_close(CLI::App& app, Runner& run) {
  auto c = std::make_shared<CloseOptions>();
  auto* close = add_command(app, run, "close", "Close a client's case (open tasks and referrals are listed)", c, run_close);
  close->add_option("client", c->client, "Client ID, ID prefix or name")->required();
  close->add_option("--reason", c->reason, "Why the case is closed (- reads stdin)")->required();
  add_change_date_option(close, c->date, "The day the case was closed");
  auto r = std::make_shared<CloseOptions>();
  auto* reopen = add_command(app, run, "reopen", "Open a closed case again", r, run_reopen);
  reopen->add_option("client", r->client, "Client ID, ID prefix or name")->required();
}

}  // namespace caseload
