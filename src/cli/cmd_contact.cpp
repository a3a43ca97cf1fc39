// caseload contact CLIENT SUMMARY and caseload schedule CLIENT DATE SUMMARY.
#include <fmt/format.h>
#include <unistd.h>

#include <fstream>
#include <iterator>

#include "caseload/cli/commands.hpp"
#include "caseload/cli/common.hpp"
#include "caseload/cli/new_records.hpp"
#include "caseload/store/fsutil.hpp"
#include "caseload/store/schema.hpp"

namespace caseload {
namespace {

struct ContactOptions {
  std::string client, summary, date, kind, status, next, text, worker;
  bool editor = false;
};

// -e: the narrative from $EDITOR, through a private temp file under .caseload/.
std::string text_from_editor(Context& ctx, const Store& store) {
  const auto dir = local_state_dir(store.root());
  std::string path = (dir / "contact-text-XXXXXX").string();
  int fd = ::mkstemp(path.data());
  if (fd < 0) throw Error("cannot create a temporary file for the editor");
  ::close(fd);
  struct Remove {
    std::string p;
    ~Remove() { ::unlink(p.c_str()); }
  } remove{path};
  run_editor(ctx, path);
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// A done contact on the day and of the kind of one still scheduled is most
// likely that one: left scheduled, it would be overdue tomorrow. Says which
// command marks it done (and, now that both are recorded, closes it).
void hint_scheduled_same_day(Context& ctx, const Store& store, const std::string& id, const Contact& done,
                             const std::string& written) {
  Diagnostics ignored;  // a file that cannot be read is reported by the commands that list
  for (const auto& c : store.load_client(id, OnBroken::Skip, &ignored).contacts) {
    if (c.status != "scheduled" || c.kind != done.kind || !c.date || c.date->date != done.date->date ||
        c.path == written)
      continue;
    ctx.err << fmt::format("caseload: note: {} {} of {} is still scheduled for {}\n", c.kind, c.id, id, c.date->str());
    ctx.err << fmt::format("  hint: `caseload visit {} {} done` would have marked it done; if it was this contact, "
                           "close it with `caseload visit {} {} cancelled`\n",
                           id, c.id, id, c.id);
  }
}

int record_contact(const ContactOptions& o, Context& ctx, bool scheduled) {
  Store store = ctx.open_store();
  const Date today = ctx.today();
  Contact in;
  in.worker = ctx.acting_worker(store, o.worker);
  in.summary = one_line_option(o.summary, "SUMMARY");
  if (in.summary.empty()) throw UsageError("SUMMARY must not be empty");
  in.kind = o.kind.empty() ? (scheduled ? "visit" : "call") : o.kind;
  in.status = o.status.empty() ? (scheduled ? "scheduled" : "done") : o.status;
  if (o.date.empty()) {
    // Recorded now: today's date, and the time of day unless "today" is pretend.
    in.date = DateTime{today, ctx.today_overridden() ? -1 : ctx.clock_minutes};
  } else {
    in.date = parse_datetime_option(o.date, scheduled ? "DATE" : "--date", today);
  }
  const std::string date_flag = scheduled ? "DATE" : "--date";
  if (in.status == "done") {
    // Most often -1m typed as +1m: a done contact in the future would also
    // stand as the last contact and push contact-due out.
    refuse_future_date(in.date->date, today, date_flag, "a contact recorded as done",
                       "for a past date write e.g. -1m or yesterday; a planned contact is recorded with "
                       "`caseload schedule` or --status scheduled");
  }
  warn_far_past_date(ctx, in.date->date, today, date_flag);
  if (!o.next.empty()) in.next = parse_date_option(o.next, "--next", today);
  if (o.editor && !o.text.empty()) throw UsageError("use either --text or -e, not both");
  if (!o.text.empty()) in.text = text_option(ctx, o.text, "--text");
  if (o.editor) in.text = text_option(ctx, text_from_editor(ctx, store), "-e");

  Transaction tx(store, ctx.lock_wait());
  const auto [id, client] = resolve_client(store, o.client);
  Document doc = new_contact(store, id, in, ctx.random);
  tx.write(doc);
  if (in.status == "done") hint_scheduled_same_day(ctx, store, id, in, doc.path);
  if (get_string(client->root, "status") == "closed") {
    ctx.err << fmt::format("caseload: warning: client {} is closed; the contact was recorded all the same\n", id);
  }
  if (!ctx.global.quiet) ctx.out << doc.path << '\n';
  return k_exit_ok;
}

void common_options(CLI::App* cmd, ContactOptions& o) {
  cmd->add_option("--kind", o.kind, "visit, call, office, message, collateral or note")
      ->check(CLI::IsMember(choices::as_strings(choices::contact_kind)));
  cmd->add_option("--next", o.next, "Next contact planned (a date)");
  cmd->add_option("--text", o.text, "The narrative (- reads stdin)");
  cmd->add_flag("-e,--edit", o.editor, "Write the narrative in $VISUAL/$EDITOR");
  cmd->add_option("--worker", o.worker, "Acting worker (else CASELOAD_WORKER, else defaults.worker)");
}

}  // namespace

void setup_contact(CLI::App& app, Runner& run) {
  auto c = std::make_shared<ContactOptions>();
  auto* contact = add_command(app, run, "contact", "Record a contact: a visit, call, office meeting, message, note", c,
                              [](const ContactOptions& o, Context& ctx) { return record_contact(o, ctx, false); });
  contact->add_option("client", c->client, "Client ID, ID prefix or name")->required();
  contact->add_option("summary", c->summary, "One line saying what happened")->required();
  contact->add_option("--date", c->date, "When: a date, optionally with THH:MM (default: now)");
  contact->add_option("--status", c->status, "done (default), scheduled, missed or cancelled")
      ->check(CLI::IsMember(choices::as_strings(choices::contact_status)));
  common_options(contact, *c);

  auto s = std::make_shared<ContactOptions>();
  auto* schedule = add_command(app, run, "schedule", "Schedule a contact (a visit unless --kind says otherwise)", s,
                               [](const ContactOptions& o, Context& ctx) { return record_contact(o, ctx, true); });
  schedule->add_option("client", s->client, "Client ID, ID prefix or name")->required();
  schedule->add_option("date", s->date, "When: a date, optionally with THH:MM, e.g. 2026-11-26T10:00 or 'fri 14:30'")->required();
  schedule->add_option("summary", s->summary, "One line saying what is planned")->required();
  common_options(schedule, *s);
}

}  // namespace caseload
