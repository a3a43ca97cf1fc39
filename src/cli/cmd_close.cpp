// caseload close CLIENT --reason TEXT and caseload reopen CLIENT --reason TEXT.
// Reopening keeps the history: the episode that ended (opened, closed and
// why) is appended to the client's `episodes` with the day and reason of
// the reopening.
#include <fmt/format.h>

#include "caseload/cli/change_date.hpp"
#include "caseload/cli/commands.hpp"
#include "caseload/cli/common.hpp"
#include "caseload/core/referral.hpp"
#include "caseload/core/text.hpp"
#include "caseload/store/decode.hpp"
#include "caseload/store/encode.hpp"
#include "caseload/store/schema.hpp"

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
  const Client c = decode_record<Client>(doc);
  refuse_change_before(change, c.episode_start(), c.episodes.empty() ? "the case was opened" : "the case was reopened");
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
  const Date today = ctx.today();
  const std::string reason = text_option(ctx, o.reason, "--reason");
  if (reason.empty()) throw UsageError("--reason must not be empty", "say why the case is opened again");
  const ChangeDate change = parse_change_date(ctx, o.date, today, "the reopening date");
  Transaction tx(store, ctx.lock_wait());
  auto [id, client] = resolve_client(store, o.client);
  Document& doc = *client;
  if (get_string(doc.root, "status") == "open") {
    throw Error(fmt::format("client {} is already open", id), "nothing to do; `caseload close ID --reason TEXT` closes a case");
  }
  const Client c = decode_record<Client>(doc);
  if (!c.closed) {
    throw DataError(doc.where(child(doc.root, "status")),
                    fmt::format("client {} is closed but has no valid closing date; nothing was changed", id),
                    "set `closed:` with `caseload edit`, then reopen");
  }
  refuse_change_before(change, c.closed, "the case was closed");
  const Episode ended{c.episode_start(), c.closed, c.closed_reason, change.date, reason};
  list_for_update(doc, "episodes").push_back(encode_record(ended, *schemas::client().find("episodes")->nested));
  set_scalar(doc.root, "status", "open");
  remove_key(doc.root, "closed");
  remove_key(doc.root, "closed_reason");
  tx.write(doc);
  // The commit says what happened: "reopen K7Q2MX episode 2".
  ctx.journal->detail = fmt::format("episode {}", c.episodes.size() + 2);
  if (!ctx.global.quiet) ctx.out << fmt::format("Reopened {} on {}\n", id, change.date.str());
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
  reopen->add_option("--reason", r->reason, "Why the case is opened again (- reads stdin)")->required();
  add_change_date_option(reopen, r->date, "The day the case was opened again");
}

}  // namespace caseload
