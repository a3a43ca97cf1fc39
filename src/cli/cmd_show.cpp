// caseload show CLIENT: one screen about one client.
#include <fmt/format.h>

#include <algorithm>
#include <sstream>

#include "caseload/cli/commands.hpp"
#include "caseload/cli/common.hpp"
#include "caseload/cli/snapshot.hpp"
#include "caseload/cli/terminal_safe.hpp"
#include "caseload/core/plan.hpp"
#include "caseload/core/ids.hpp"
#include "caseload/core/referral.hpp"
#include "caseload/core/text.hpp"
#include "caseload/report/case_summary.hpp"
#include "caseload/report/table.hpp"

namespace caseload {
namespace {

struct ShowOptions {
  std::string client;
};

std::string opt_date(const std::optional<Date>& d) { return d ? d->str() : "?"; }

// One bar per assessment, ▁ (lowest level) to █ (highest); · where not scored.
std::string sparkline(const std::vector<Assessment>& assessments, const std::string& domain, int top) {
  static const std::vector<std::string> k_bars = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
  std::string out;
  for (const auto& a : assessments) {
    const auto level = a.score(domain);
    if (!level || *level == 0 || top <= 0) {
      out += "·";
      continue;
    }
    size_t i = static_cast<size_t>((*level - 1) * 7 / std::max(1, top - 1));
    out += k_bars[std::min<size_t>(i, 7)];
  }
  return out;
}

class Screen {
 public:
  Screen(Context& ctx, const Store& store, const ClientRecord& r, const Date& today, const ResourceNames& resources)
      : out_(ctx.out), store_(store), r_(r), c_(r.client), today_(today), resources_(resources),
        style_(ctx.style()) {}

  void run() {
    person();
    episodes();
    scores();
    plan();
    referrals();
    consents();
    enrollments();
    next_followups();
    contacts();
    if (!c_.notes.empty()) section("Notes", indent(display_text(c_.notes)));
  }

 private:
  void person() {
    std::string title = c_.name;
    if (!c_.preferred_name.empty()) title += fmt::format(" ({})", c_.preferred_name);
    out_ << style_.bold(title) << "  " << c_.id << '\n';
    std::vector<std::string> line{c_.status == "open" ? style_.green("open") : style_.dim(c_.status)};
    if (c_.opened) line.push_back("opened " + c_.opened->str());
    if (c_.closed) line.push_back("closed " + c_.closed->str());
    const Worker* w = store_.settings().find_worker(c_.worker);
    line.push_back("worker " + c_.worker + (w && !w->name.empty() ? " (" + escape_for_terminal(w->name) + ")" : ""));
    if (!c_.risk.empty()) line.push_back("risk " + (c_.risk == "high" ? style_.red(c_.risk) : c_.risk));
    out_ << join(line, " · ") << '\n';
    std::vector<std::string> facts;
    if (!c_.born.empty()) facts.push_back("born " + c_.born);
    if (!c_.language.empty()) facts.push_back("language " + join(c_.language));
    if (!c_.phone.empty()) facts.push_back(c_.phone);
    if (!c_.email.empty()) facts.push_back(c_.email);
    if (!c_.external_id.empty()) facts.push_back("case no. " + c_.external_id);
    if (!facts.empty()) out_ << join(facts, " · ") << '\n';
    if (!c_.tags.empty()) out_ << "tags: " << join(c_.tags) << '\n';
    if (!c_.closed_reason.empty()) out_ << "closed because: " << first_line(c_.closed_reason) << '\n';
    if (!c_.address.empty()) out_ << "address: " << join(lines(c_.address), ", ") << '\n';
    for (const auto& h : c_.household) {
      std::vector<std::string> extra;
      if (!h.relation.empty()) extra.push_back(h.relation);
      if (!h.born.empty()) extra.push_back(h.born);
      out_ << "household: " << h.name << (extra.empty() ? "" : " (" + join(extra) + ")") << '\n';
    }
  }

  // Earlier episodes of the case (closed, then reopened), oldest first.
  void episodes() {
    std::string text;
    for (const auto& e : c_.episodes) {
      text += fmt::format("  {} – {}  closed: {} · reopened {}: {}\n", opt_date(e.opened), opt_date(e.closed),
                          first_line(e.closed_reason), opt_date(e.reopened), first_line(e.reopen_reason));
    }
    if (!text.empty()) section("Earlier episodes", text);
  }

  // The text's lines as shown: trimmed, blank ones left out.
  static std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    for (const auto& line : split_lines(display_text(text))) {
      std::string l = trim(line);
      if (!l.empty()) out.push_back(l);
    }
    return out;
  }

  static std::string indent(const std::string& text) {
    std::string out;
    for (const auto& l : lines(text)) out += "  " + l + "\n";
    return out;
  }

  void section(const std::string& title, const std::string& body) {
    if (body.empty()) return;
    out_ << '\n' << style_.bold(title) << '\n' << body;
  }

  std::string table_text(const Table& t) {
    std::ostringstream s;
    print_table(s, t, Style{false});
    std::string out;
    bool first = true;
    for (const auto& l : split_lines(s.str())) {
      if (first) { first = false; continue; }  // sections have their own title: no header row
      out += "  " + l + "\n";
    }
    return out;
  }

  void scores() {
    const std::vector<std::string> domains = scored_domains(r_.assessments);
    if (domains.empty()) return;
    const auto& scale = store_.settings().scale;
    const int top = scale.empty() ? 5 : scale.rbegin()->first;
    Table t;
    t.headers = {"", "", "", ""};
    for (const auto& d : domains) {
      std::optional<int> first, latest;
      for (const auto& a : r_.assessments) {
        const auto level = a.score(d);
        if (!level) continue;
        if (!first) first = level;
        latest = level;
      }
      auto label = scale.find(*latest);
      std::string change = first && *first != *latest ? fmt::format("{} → {}", *first, *latest) : std::to_string(*latest);
      t.rows.push_back({d, change, label == scale.end() ? (*latest == 0 ? "n/a" : "") : label->second,
                        sparkline(r_.assessments, d, top)});
    }
    const Assessment& last = r_.assessments.back();
    std::string title = fmt::format("Scores (since intake → latest, {} assessment{}, last {} {})", r_.assessments.size(),
                                    r_.assessments.size() == 1 ? "" : "s", last.kind, opt_date(last.date));
    section(title, table_text(t));
    std::vector<std::string> needs = last.needs;
    if (!needs.empty()) out_ << "  needs: " << join(needs) << '\n';
  }

  void plan() {
    if (!r_.plan) return;
    std::string body;
    for (const auto& g : r_.plan->goals) {
      if (g.status != "active") continue;
      body += fmt::format("  {} {}{}{}\n", g.id, g.text, g.domain.empty() ? "" : " [" + g.domain + "]",
                          g.target ? " target " + g.target->str() : "");
      for (const auto& t : g.tasks) {
        if (!task_is_open(g, t)) continue;
        std::string due = t.due ? " due " + t.due->str() : "";
        if (t.due && *t.due < today_) due = style_.red(due + " (overdue)");
        body += fmt::format("     {} {}{}{}\n", t.id, t.text, due, t.owner.empty() ? "" : " · " + t.owner);
      }
    }
    std::string title = "Plan";
    if (r_.plan->review) title += " (review " + r_.plan->review->str() + ")";
    section(title, body.empty() ? "  no active goals\n" : body);
  }

  void referrals() {
    Table t;
    t.headers = {"", "", "", ""};
    for (const auto& ref : r_.referrals) {
      if (is_final_referral_status(ref.status)) continue;
      auto name = resources_.find(ref.resource);
      std::string to = name == resources_.end() ? ref.resource : name->second;
      if (!ref.service.empty()) to += ": " + ref.service;
      t.rows.push_back({ref.id, ref.status, ref.follow_up ? due_text("follow-up", *ref.follow_up) : "", to});
      t.paint.push_back({Paint::none, Paint::none, ref.follow_up && *ref.follow_up < today_ ? Paint::red : Paint::none});
    }
    if (!t.rows.empty()) section("Open referrals", table_text(t));
  }

  // Only consents in force: what may be shared today. `caseload consent`
  // lists the lapsed ones too.
  void consents() {
    Table t;
    t.headers = {"", "", ""};
    for (const auto& c : c_.consents) {
      if (!c.in_force(today_)) continue;
      t.rows.push_back({c.to, join(c.scope), c.expires ? "until " + c.expires->str() : ""});
    }
    if (!t.rows.empty()) section("Consent in force", table_text(t));
  }

  // Every enrollment, with the dates that matter for its status: the
  // deadlines of an approved one, the application or decision otherwise.
  void enrollments() {
    Table t;
    t.headers = {"", "", ""};
    for (const auto& en : c_.enrollments) {
      std::vector<std::string> dates;
      bool overdue = false;
      if (en.status == "approved") {
        overdue = (en.next_report && *en.next_report < today_) || (en.renew_by && *en.renew_by < today_);
        if (en.next_report) dates.push_back(due_text("report", *en.next_report));
        if (en.renew_by) dates.push_back(due_text("renew by", *en.renew_by));
      } else if (en.status == "applied" && en.applied) {
        dates.push_back("applied " + en.applied->str());
      } else if (en.status == "denied" && en.decided) {
        dates.push_back("decided " + en.decided->str());
      }
      t.rows.push_back({en.program, en.status, join(dates)});
      t.paint.push_back({Paint::none, Paint::none, overdue ? Paint::red : Paint::none});
      // Its history under it, oldest first: what was decided, filed, renewed.
      for (const auto& h : en.history) {
        const std::string note = h.note.empty() ? "" : "  " + escape_for_terminal(h.note);
        t.rows.push_back({"", "  " + opt_date(h.date), h.event + note});
        t.paint.push_back({Paint::none, Paint::none, Paint::none});
      }
    }
    if (!t.rows.empty()) section("Programs", table_text(t));
  }

  std::string due_text(const std::string& label, const Date& date) {
    std::string text = label + " " + date.str();
    return date < today_ ? text + " (overdue)" : text;  // the cell is painted red
  }

  void next_followups() {
    auto items = followups_for(r_, store_.settings(), resources_, today_);
    sort_followups(items);
    Table t;
    t.headers = {"", "", ""};
    for (size_t i = 0; i < items.size() && i < 6; ++i) {
      t.rows.push_back({items[i].date.str(), items[i].kind, items[i].what});
      t.paint.push_back({items[i].overdue > 0 ? Paint::red : Paint::none});
    }
    if (!t.rows.empty()) section("Next follow-ups", table_text(t));
  }

  void contacts() {
    Table t;
    t.headers = {"", "", "", ""};
    size_t shown = 0;
    for (auto it = r_.contacts.rbegin(); it != r_.contacts.rend() && shown < 5; ++it, ++shown) {
      t.rows.push_back({it->date ? it->date->str() : "?", it->kind, it->status, it->summary});
    }
    if (!t.rows.empty()) section("Last contacts", table_text(t));
  }

  std::ostream& out_;
  const Store& store_;
  const ClientRecord& r_;
  const Client& c_;
  const Date today_;
  const ResourceNames& resources_;
  Style style_;
};

int run_show(const ShowOptions& o, Context& ctx) {
  Store store = ctx.open_store();
  const Date today = ctx.today();
  const std::string format = ctx.format("table", {"table", "json", "md"});
  const auto [id, client] = resolve_client(store, o.client);
  Diagnostics warnings;
  ClientRecord record = store.load_client(id, OnBroken::Skip, &warnings, &*client);
  ResourceNames resources;
  for (const auto& ref : record.referrals) {
    try {
      if (!is_resource_id(ref.resource)) continue;
      if (auto r = store.load_resource(ref.resource)) resources[r->id] = r->name;
    } catch (const DataError& e) {
      warnings.push_back({e.where(), Severity::Error, e.message()});
    }
  }
  print_warnings(ctx, warnings);
  if (format == "json") write_case_json(ctx.out, record);
  else if (format == "md") write_case_md(ctx.out, record, CaseSummaryInfo{today, store.settings().agency});
  else {
    make_terminal_safe(record);
    make_terminal_safe(resources);
    Screen(ctx, store, record, today, resources).run();
  }
  return k_exit_ok;
}

}  // namespace

void setup_show(CLI::App& app, Runner& run) {
  auto o = std::make_shared<ShowOptions>();
  auto* cmd = add_command(app, run, "show",
                          "One screen about a client: person, scores, plan, referrals, follow-ups "
                          "(--format json|md: the whole case)",
                          o, run_show);
  takes_format(cmd);
  cmd->add_option("client", o->client, "Client ID, ID prefix or name")->required();
}

}  // namespace caseload
