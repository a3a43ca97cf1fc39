// caseload list: the caseload, one line per client.
#include <fmt/format.h>

#include <algorithm>
#include <deque>

#include "caseload/cli/as_of.hpp"
#include "caseload/cli/commands.hpp"
#include "caseload/cli/snapshot.hpp"
#include "caseload/core/choices.hpp"
#include "caseload/core/text.hpp"
#include "caseload/report/csv.hpp"
#include "caseload/report/json.hpp"
#include "caseload/store/schema.hpp"

namespace caseload {
namespace {

struct ListOptions {
  std::string status = "open";
  std::string as_of;
  std::vector<std::string> workers, tags;
};

struct Row {
  const Client* client;
  std::string last_contact;
  std::string next_due;
};

bool selected(const ListOptions& o, const Client& c) {
  if (o.status != "all" && c.status != o.status) return false;
  if (!o.workers.empty() && !contains(o.workers, c.worker)) return false;
  return std::all_of(o.tags.begin(), o.tags.end(), [&](const std::string& t) { return contains(c.tags, t); });
}


void write_json(std::ostream& out, const std::vector<Row>& rows) {
  JsonWriter w(out);
  w.begin_array();
  for (const auto& r : rows) {
    const Client& c = *r.client;
    w.begin_object();
    w.key("id"); w.value(c.id);
    w.key("name"); w.value(c.name);
    w.key("worker"); w.value(c.worker);
    w.key("status"); w.value(c.status);
    w.key("risk"); w.value(std::optional<std::string>(c.risk));
    w.key("opened"); w.value(std::optional<std::string>(date_or_empty(c.opened)));
    w.key("closed"); w.value(std::optional<std::string>(date_or_empty(c.closed)));
    w.key("last_contact"); w.value(std::optional<std::string>(r.last_contact));
    w.key("next_due"); w.value(std::optional<std::string>(r.next_due));
    w.key("tags"); w.value(c.tags);
    w.end_object();
  }
  w.end_array();
}

int run_list(const ListOptions& o, Context& ctx) {
  const StoreForReading read = open_for_reading(ctx, o.as_of);
  const Store& store = read.store();
  const Date today = read.today;
  const std::string format = ctx.format("table", {"table", "json", "csv"});
  // A mistyped worker is a usage error, as in followups, not an empty list.
  for (const auto& w : o.workers) ctx.acting_worker(store, w);
  Snapshot snap = load_snapshot(store);
  print_warnings(ctx, snap.warnings);
  std::vector<Row> rows;
  // A client whose record cannot be read is listed whatever the filters: it
  // may be one of them. Scripts see a row with status "unreadable".
  std::deque<Client> placeholders;
  std::vector<UnreadableClient> unreadable;
  for (const auto& r : snap.records) {
    if (!r.client_readable()) {
      unreadable.push_back({r.client.id, r.unreadable.front()});
      Client& c = placeholders.emplace_back();
      c.id = r.client.id;
      c.status = "unreadable";
      if (format != "table") rows.push_back({&c, "", ""});
      continue;
    }
    if (!selected(o, r.client)) continue;
    Row row{&r.client, "", ""};
    if (const Contact* last = r.last_done_contact()) row.last_contact = last->date->date.str();
    auto items = followups_for(r, store.settings(), snap.resources, today);
    auto first = std::min_element(items.begin(), items.end(),
                                  [](const FollowupItem& a, const FollowupItem& b) { return a.date < b.date; });
    if (first != items.end()) row.next_due = first->date.str();
    rows.push_back(row);
  }
  if (format == "json") {
    write_json(ctx.out, rows);
  } else if (format == "csv") {
    write_csv_row(ctx.out, {"id", "name", "worker", "status", "risk", "opened", "closed", "last_contact", "next_due", "tags"});
    for (const auto& r : rows) {
      const Client& c = *r.client;
      write_csv_row(ctx.out, {c.id, c.name, c.worker, c.status, c.risk, date_or_empty(c.opened), date_or_empty(c.closed),
                              r.last_contact, r.next_due, csv_list(c.tags)});
    }
  } else {
    const Style style = ctx.style();
    Table t;
    t.headers = {"ID", "NAME", "WORKER", "OPENED", "LAST CONTACT", "NEXT DUE"};
    t.max_width = {0, 32, 0, 0, 0, 0};
    t.give_way = {1};  // the name; IDs and dates are read whole
    apply_fit(t, ctx.table_fit());
    for (const auto& r : rows) {
      const bool overdue = !r.next_due.empty() && r.next_due < today.str();
      t.rows.push_back({r.client->id, r.client->name, r.client->worker, date_or_empty(r.client->opened),
                        r.last_contact, r.next_due});
      t.paint.push_back({Paint::none, Paint::none, Paint::none, Paint::none, Paint::none,
                         overdue ? Paint::red : Paint::none});
    }
    if (rows.empty() && unreadable.empty()) {
      if (!ctx.global.quiet) ctx.err << "No clients match.\n";
    } else if (!rows.empty()) {
      print_table(ctx.out, t, style);
    }
    print_unreadable_clients(ctx, unreadable, !rows.empty());
  }
  return k_exit_ok;
}

}  // namespace

void setup_list(CLI::App& app, Runner& run) {
  auto o = std::make_shared<ListOptions>();
  auto* cmd = add_command(app, run, "list", "The caseload: ID, name, worker, opened, last contact, next due", o, run_list);
  takes_format(cmd);
  std::vector<std::string> statuses = choices::as_strings(choices::client_status);
  statuses.push_back("all");  // every client, whatever its status
  cmd->add_option("--status", o->status, "open (default), closed or all")->check(CLI::IsMember(statuses));
  cmd->add_option("--worker", o->workers, "Only clients of this worker; repeatable")->allow_extra_args(false);
  cmd->add_option("--tag", o->tags, "Only clients with this tag; repeatable (all must match)")->allow_extra_args(false);
  add_as_of_option(cmd, o->as_of);
}

}  // namespace caseload
