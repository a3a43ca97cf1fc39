// caseload finances CLIENT [income|expense|debt add|remove ... | reviewed]:
// the household budget of clients/ID/finances.yaml (core/finances).
#include <fmt/format.h>

#include "caseload/cli/commands.hpp"
#include "caseload/cli/common.hpp"
#include "caseload/cli/snapshot.hpp"
#include "caseload/core/choices.hpp"
#include "caseload/core/finances.hpp"
#include "caseload/report/json.hpp"
#include "caseload/store/decode.hpp"
#include "caseload/store/encode.hpp"

namespace caseload {
namespace {

struct FinancesOptions {
  std::string client;
  std::string section;  // "", income, expense, debt, reviewed
  std::string action;   // add, remove
  std::string label;    // KIND, or CREDITOR
  std::string amount;
  std::string every = "month";
  std::string member, from, due, monthly, date;
  int number = 0;
};

std::string finances_path(const std::string& id) {
  return record_type<Finances>().in_client(Store::client_dir(id));
}

Decimal amount_option(const std::string& value, const std::string& flag) {
  auto d = Decimal::parse(value);
  if (!d) throw UsageError(fmt::format("{} is not {}", flag, k_amount_forms));
  return *d;
}

void write_json(std::ostream& out, const std::string& id, const Settings& s, const Finances& f, const Budget& b) {
  JsonWriter w(out);
  w.begin_object();
  w.key("client"); w.value(id);
  w.key("currency"); w.value(std::optional<std::string>(s.currency));
  w.key("reviewed"); w.value(std::optional<std::string>(f.reviewed ? f.reviewed->str() : ""));
  w.key("household_size"); w.value(b.household_size);
  w.key("lines");
  w.begin_array();
  for (const auto& l : b.lines) {
    w.begin_object();
    w.key("section"); w.value(l.section);
    w.key("number"); w.value(l.number);
    w.key("label"); w.value(l.label);
    w.key("amount"); w.value(l.amount.str());
    w.key("every"); w.value(std::optional<std::string>(l.every));
    w.key("monthly"); w.value(l.monthly.str());
    w.end_object();
  }
  w.end_array();
  w.key("income_monthly"); w.value(b.income_monthly.str());
  w.key("expenses_monthly"); w.value(b.expenses_monthly.str());
  w.key("debt_payments_monthly"); w.value(b.debt_payments_monthly.str());
  w.key("net_monthly"); w.value(b.net_monthly.str());
  w.key("income_per_person_monthly"); w.value(b.income_per_person_monthly.str());
  w.key("debt_total"); w.value(b.debt_total.str());
  w.key("unreadable"); w.value(b.unreadable);
  w.end_object();
}

void write_table(Context& ctx, const std::string& id, const Settings& s, const Finances& f, const Budget& b) {
  const std::string in = s.currency.empty() ? "" : ", in " + s.currency;
  ctx.out << fmt::format("Finances of {}: household of {}{}, {}\n\n", id, b.household_size, in,
                         f.reviewed ? "reviewed " + f.reviewed->str() : "never reviewed");
  Table t;
  t.headers = {"", "SECTION", "WHAT", "AMOUNT", "EVERY", "MONTHLY"};
  t.right = {true, false, false, true, false, true};
  for (const auto& l : b.lines)
    t.rows.push_back({std::to_string(l.number), l.section, l.label, l.amount.str(),
                      l.every.empty() ? "owed" : l.every, l.monthly.str()});
  const Style style = ctx.style();
  if (!t.rows.empty()) {
    print_table(ctx.out, t, style);
    ctx.out << '\n';
  }
  Table totals;
  totals.headers = {"BY THE MONTH", ""};
  totals.right = {false, true};
  totals.rows = {{"Income", b.income_monthly.str()},
                 {"Expenses", b.expenses_monthly.str()},
                 {"Debt payments", b.debt_payments_monthly.str()},
                 {"Net", b.net_monthly.str()},
                 {fmt::format("Income per person ({})", b.household_size), b.income_per_person_monthly.str()},
                 {"Debts owed in all", b.debt_total.str()}};
  print_table(ctx.out, totals, style);
  for (const auto& u : b.unreadable)
    ctx.err << fmt::format("caseload: warning: {} of {} has an amount or period that cannot be read; not counted "
                           "(see `caseload check`)\n", u, finances_path(id));
}

int show(const FinancesOptions& o, Context& ctx) {
  Store store = ctx.open_store();
  const std::string format = ctx.format("table", {"table", "json"});
  const std::string id = resolve_client_id(store, o.client);
  Diagnostics warnings;
  const Client client = decode_record<Client>(store.read(Store::client_path(id), schemas::client()), &warnings);
  Finances f;
  if (store.exists(finances_path(id))) f = decode_record<Finances>(store.read(finances_path(id), schemas::finances()), &warnings);
  print_warnings(ctx, warnings);
  const Budget b = budget_of(f, household_size(client));
  if (format == "json") {
    write_json(ctx.out, id, store.settings(), f, b);
  } else {
    write_table(ctx, id, store.settings(), f, b);
  }
  return k_exit_ok;
}

const char* list_key(const std::string& section) {
  return section == "income" ? "incomes" : section == "expense" ? "expenses" : "debts";
}

YAML::Node entry_of(const FinancesOptions& o, const Date& today) {
  const Schema& nested = *schemas::finances().find(list_key(o.section))->nested;
  const std::string label = one_line_option(o.label, o.section == "debt" ? "CREDITOR" : "KIND");
  if (label.empty()) throw UsageError(o.section == "debt" ? "CREDITOR must not be empty" : "KIND must not be empty");
  const std::string amount = amount_option(o.amount, "AMOUNT").str();
  if (o.section == "income") {
    Income i{label, amount, o.every, one_line_option(o.member, "--member"), {}};
    if (!o.from.empty()) i.from = parse_date_option(o.from, "--from", today);
    return encode_record(i, nested);
  }
  if (o.section == "expense") return encode_record(Expense{label, amount, o.every}, nested);
  Debt d{label, amount, {}, o.monthly.empty() ? "" : amount_option(o.monthly, "--monthly").str()};
  if (!o.due.empty()) d.due = parse_date_option(o.due, "--due", today);
  return encode_record(d, nested);
}

int change(const FinancesOptions& o, Context& ctx) {
  Store store = ctx.open_store();
  const Date today = ctx.today();
  Transaction tx(store, ctx.lock_wait());
  const std::string id = resolve_client_id(store, o.client);
  const std::string path = finances_path(id);
  Document doc = store.exists(path) ? read_for_update(store, path, schemas::finances())
                                    : new_document(path, schemas::finances());
  std::string done;
  if (o.section == "reviewed") {
    const Date when = o.date.empty() ? today : parse_date_option(o.date, "--date", today);
    set_scalar(doc.root, "reviewed", when.str());
    done = fmt::format("Finances of {} reviewed on {}", id, when.str());
  } else if (o.action == "add") {
    list_for_update(doc, list_key(o.section)).push_back(entry_of(o, today));
    done = fmt::format("Added {} {} to the finances of {}", o.section, child(doc.root, list_key(o.section)).size(), id);
  } else {
    YAML::Node list = list_for_update(doc, list_key(o.section));
    if (o.number < 1 || static_cast<std::size_t>(o.number) > list.size())
      throw UsageError(fmt::format("{} has no {} {}", id, o.section, o.number),
                       fmt::format("`caseload finances {}` numbers them", id));
    YAML::Node kept(YAML::NodeType::Sequence);
    for (std::size_t i = 0; i < list.size(); ++i)
      if (static_cast<int>(i) + 1 != o.number) kept.push_back(list[i]);
    if (kept.size() == 0) {
      remove_key(doc.root, list_key(o.section));
    } else {
      doc.root[list_key(o.section)] = kept;
    }
    done = fmt::format("Removed {} {} from the finances of {}", o.section, o.number, id);
  }
  tx.write(doc);
  if (!ctx.global.quiet) ctx.out << done << '\n';
  return k_exit_ok;
}

int run_finances(const FinancesOptions& o, Context& ctx) { return o.section.empty() ? show(o, ctx) : change(o, ctx); }

}  // namespace

void setup_finances(CLI::App& app, Runner& run) {
  auto o = std::make_shared<FinancesOptions>();
  auto* cmd = add_command(app, run, "finances",
                          "A client's household budget: incomes, expenses, debts, monthly totals, net, per person", o,
                          run_finances);
  takes_format(cmd);
  cmd->add_option("client", o->client, "Client ID, ID prefix or name")->required();
  cmd->require_subcommand(0, 1);
  const auto every = choices::as_strings(choices::every);
  for (const char* section : {"income", "expense", "debt"}) {
    auto* sec = cmd->add_subcommand(section, fmt::format("Add or remove an {} line", section));
    sec->require_subcommand(1, 1);
    sec->fallthrough();
    auto* add = sec->add_subcommand("add", fmt::format("Add an {}", section));
    add->fallthrough();
    add->callback([o, section] { o->section = section; o->action = "add"; });
    const bool debt = std::string_view(section) == "debt";
    add->add_option(debt ? "creditor" : "kind", o->label, debt ? "Who is owed" : "What it is (wages, rent ...)")
        ->required();
    add->add_option("amount", o->amount, debt ? "What is owed, e.g. 3400.00" : "The amount, e.g. 1234.50")->required();
    if (debt) {
      add->add_option("--due", o->due, "When it must be paid");
      add->add_option("--monthly", o->monthly, "The agreed monthly payment");
    } else {
      add->add_option("--every", o->every, "week, month (default) or year")->check(CLI::IsMember(every));
    }
    if (std::string_view(section) == "income") {
      add->add_option("--member", o->member, "The household member it is paid to (default: the client)");
      add->add_option("--from", o->from, "Since when");
    }
    auto* remove = sec->add_subcommand("remove", fmt::format("Remove {} N (as `caseload finances CLIENT` numbers them)", section));
    remove->fallthrough();
    remove->callback([o, section] { o->section = section; o->action = "remove"; });
    remove->add_option("number", o->number, "Its number")->required();
  }
  auto* reviewed = cmd->add_subcommand("reviewed", "Record that the budget was reviewed with the client");
  reviewed->fallthrough();
  reviewed->callback([o] { o->section = "reviewed"; });
  reviewed->add_option("--date", o->date, "When (default: today)");
}

}  // namespace caseload
