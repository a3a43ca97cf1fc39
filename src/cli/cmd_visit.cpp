// caseload visit CLIENT REF done|missed|cancelled [--note TEXT] and
// caseload visit CLIENT REF move DATE [--time HH:MM]: what became of a
// scheduled contact, recorded in its own file, without editing YAML.
#include <fmt/format.h>

#include "caseload/cli/commands.hpp"
#include "caseload/cli/common.hpp"
#include "caseload/cli/event_files.hpp"
#include "caseload/core/choices.hpp"
#include "caseload/core/text.hpp"
#include "caseload/store/decode.hpp"
#include "caseload/store/fsutil.hpp"

namespace caseload {
namespace {

struct VisitOptions {
  std::string client, ref, action, date, time, note, worker;
};

// What a visit can become, besides being moved: the statuses after scheduled.
bool is_outcome(const std::string& action) { return action != "scheduled" && is_one_of(action, choices::contact_status); }

void check_options(const VisitOptions& o) {
  if (o.action != "move" && !is_outcome(o.action)) {
    throw UsageError(fmt::format("'{}' is not something a visit can become", o.action),
                     "give done, missed or cancelled, or move DATE");
  }
  if (o.action == "move") {
    if (o.date.empty()) throw UsageError("move needs a DATE", "e.g. `caseload visit CLIENT REF move fri --time 14:00`");
  } else if (!o.date.empty() || !o.time.empty()) {
    throw UsageError(fmt::format("a DATE or --time goes with move, not with {}", o.action),
                     "a scheduled contact gets a new date with `caseload visit CLIENT REF move DATE`; a "
                     "recorded one's mistyped date is corrected with `caseload redate CLIENT REF DATE`");
  }
}

// --note: appended to the narrative, as a paragraph of its own.
void add_note(Context& ctx, Document& doc, const std::string& note) {
  if (note.empty()) return;
  const std::string text = text_option(ctx, note, "--note");
  const std::string before = display_text(get_string(doc.root, "text").value_or(""));
  set_scalar(doc.root, "text", before.empty() ? text : as_text_block(before + "\n\n" + text));
}

// The contact's new moment: DATE, with --time or DATE's own time, else the time it had.
DateTime new_moment(const VisitOptions& o, const Contact& c, const Date& today) {
  DateTime when = parse_datetime_option(o.date, "DATE", today);
  if (!o.time.empty()) {
    if (when.has_time()) throw UsageError("DATE has a time and --time gives another; give the time once");
    when = parse_datetime_option(when.date.str() + " " + o.time, "--time", today);
  } else if (!when.has_time() && c.date) {
    when.minutes = c.date->minutes;
  }
  return when;
}

int run_visit(const VisitOptions& o, Context& ctx) {
  check_options(o);
  Store store = ctx.open_store();
  const Date today = ctx.today();
  Transaction tx(store, ctx.lock_wait());
  const std::string id = resolve_client_id(store, o.client);
  const EventRef ref = find_event(store, id, {&record_type<Contact>()}, o.ref, "contact");
  Document doc = read_for_update(store, ref.path, schemas::contact());
  const Contact c = decode_record<Contact>(doc);
  if (!c.date) {
    throw DataError(doc.where(child(doc.root, "date")), "the contact has no valid date; nothing was changed",
                    "fix the file (e.g. `caseload edit`), then run `caseload check`");
  }
  if (o.action == "move") {
    if (c.status != "scheduled") {
      throw Error(fmt::format("contact {} is {}, not scheduled: there is no visit to move", c.id, c.status),
                  fmt::format("a mistyped date is corrected with `caseload redate {} {} DATE`; a new visit is "
                              "booked with `caseload schedule {} DATE SUMMARY`",
                              id, c.id, id));
    }
    const DateTime when = new_moment(o, c, today);
    if (when == *c.date) throw Error(fmt::format("contact {} is already on {}", c.id, when.str()));
    warn_far_past_date(ctx, when.date, today, "DATE");
    set_scalar(doc.root, "date", when.str());
    add_note(ctx, doc, o.note);
    write_redated(tx, store, doc, redated_stem(*ref.type, c.id, when));
    ctx.journal->detail = "move";
    if (!ctx.global.quiet) ctx.out << fmt::format("{}: moved to {}\n", file_stem(doc.path), when.str());
    return k_exit_ok;
  }
  if (c.status == o.action) throw Error(fmt::format("contact {} is already {}", c.id, c.status));
  if (o.action == "done") {
    refuse_future_date(c.date->date, today, "done", "a contact recorded as done",
                       fmt::format("it is planned for {}; if it took place today, move it first: "
                                   "`caseload visit {} {} move today`",
                                   c.date->str(), id, c.id));
  }
  set_scalar(doc.root, "status", o.action);
  if (!o.worker.empty()) set_scalar(doc.root, "worker", ctx.acting_worker(store, o.worker));
  add_note(ctx, doc, o.note);
  tx.write(doc);
  ctx.journal->detail = o.action;
  if (!ctx.global.quiet) ctx.out << fmt::format("{}: {} -> {}\n", c.id, c.status, o.action);
  return k_exit_ok;
}

}  // namespace

void setup_visit(CLI::App& app, Runner& run) {
  auto o = std::make_shared<VisitOptions>();
  auto* cmd = add_command(app, run, "visit",
                          "Mark a scheduled contact done, missed or cancelled, or move it to another date", o,
                          run_visit);
  cmd->add_option("client", o->client, "Client ID, ID prefix or name")->required();
  cmd->add_option("ref", o->ref, "The contact: its file name or a unique start of it (the ref of followups)")
      ->required();
  cmd->add_option("action", o->action, "done, missed, cancelled, or move")->required();
  cmd->add_option("date", o->date, "For move: the new date, optionally with a time ('fri 14:00')");
  cmd->add_option("--time", o->time, "For move: the new time of day, HH:MM (default: the time it had)");
  cmd->add_option("--note", o->note, "A note added to the contact's narrative (- reads stdin)");
  cmd->add_option("--worker", o->worker, "For done, missed, cancelled: the worker who made the contact");
}

}  // namespace caseload
