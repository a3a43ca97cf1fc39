// The progress report as Markdown: see report/progress_report.hpp.
#include "caseload/report/progress_report.hpp"

#include <fmt/format.h>

#include <map>
#include <sstream>

#include "caseload/core/referral.hpp"
#include "caseload/core/text.hpp"
#include "caseload/report/markdown.hpp"

namespace caseload {
namespace {

std::string date_or(const std::optional<Date>& d, std::string_view none) { return d ? d->str() : std::string(none); }

class Writer {
 public:
  explicit Writer(const ProgressReportInput& in) : in_(in), c_(in.record.client), f_(in.facts) {}

  std::string value(const std::string& name) const {
    if (name == "agency") return md_cell(in_.settings.agency);
    if (name == "client_id") return md_cell(c_.id);
    if (name == "client_name") return md_cell(c_.name);
    if (name == "born") return c_.born.empty() ? "not recorded" : md_cell(c_.born);
    if (name == "program") return md_cell(in_.program.id);
    if (name == "program_name") return md_cell(in_.program.name);
    if (name == "status") return md_cell(in_.enrollment.status);
    if (name == "from") return f_.period.from.str();
    if (name == "until") return f_.period.until.str();
    if (name == "due") return date_or(in_.enrollment.next_report, "not set");
    if (name == "today") return in_.today.str();
    if (name == "worker") return worker();
    return {};
  }

  std::string section(const std::string& name) const {
    std::ostringstream out;
    if (name == "scores") scores(out);
    else if (name == "goals") goals(out);
    else if (name == "tasks") tasks(out);
    else if (name == "contacts") contacts(out);
    else if (name == "referrals") referrals(out);
    else if (name == "documents") documents(out);
    else if (name == "assessment") out << "_To be written by the worker._\n";
    std::string s = out.str();
    if (!s.empty() && s.back() == '\n') s.pop_back();  // the template's line ends it
    return s;
  }

 private:
  std::string worker() const {
    const Worker* w = in_.settings.find_worker(c_.worker);
    if (!w || w->name.empty()) return md_cell(c_.worker);
    return fmt::format("{} \\({}\\)", md_cell(w->name), md_cell(c_.worker));
  }

  std::string level(const std::optional<int>& l) const {
    if (!l) return "";
    if (*l == 0) return "n/a";
    auto it = in_.settings.scale.find(*l);
    return it == in_.settings.scale.end() ? std::to_string(*l) : fmt::format("{} {}", *l, md_cell(it->second));
  }

  void scores(std::ostream& out) const {
    if (!f_.now) {
      out << fmt::format("_No assessment up to {}._\n", f_.period.until.str());
      return;
    }
    std::vector<std::vector<std::string>> rows;
    for (const auto& s : f_.scores) {
      const Domain* d = in_.settings.find_domain(s.domain);
      std::string change;
      if (s.change) change = *s.change > 0 ? fmt::format("\\+{}", *s.change) : std::to_string(*s.change);
      rows.push_back({md_cell(d && !d->name.empty() ? d->name : s.domain), level(s.start), level(s.now), change});
    }
    write_md_table(out,
                   {"Domain", fmt::format("Start {}", date_or(f_.start->date, "")),
                    fmt::format("Now {}", date_or(f_.now->date, "")), "Change"},
                   rows, {false, false, false, true});
    if (f_.start == f_.now)
      out << fmt::format("\n_One assessment up to now ({}): no change to show._\n", date_or(f_.now->date, ""));
  }

  void goals(std::ostream& out) const {
    if (f_.goals.empty()) {
      out << "_No plan goals._\n";
      return;
    }
    std::vector<std::vector<std::string>> rows;
    for (const auto& g : f_.goals) {
      rows.push_back({md_cell(g.goal->id + " " + g.goal->text), md_cell(g.goal->domain), md_cell(g.goal->status),
                      date_or(g.goal->target, ""), std::to_string(g.done_in_period), std::to_string(g.open),
                      std::to_string(g.overdue)});
    }
    write_md_table(out, {"Goal", "Domain", "Status", "Target", "Done in period", "Open", "Overdue"}, rows,
                   {false, false, false, false, true, true, true});
  }

  void tasks(std::ostream& out) const {
    if (f_.tasks.empty()) {
      out << "_No task done in the period, none open._\n";
      return;
    }
    std::vector<std::vector<std::string>> rows;
    for (const auto& t : f_.tasks) {
      const std::string state = t.done_in_period ? "done " + date_or(t.task->done, "")
                                : t.overdue        ? "overdue"
                                                   : "open";
      rows.push_back({md_cell(t.task->id + " " + t.task->text), md_cell(t.goal->id), date_or(t.task->due, ""), state});
    }
    write_md_table(out, {"Task", "Goal", "Due", "State"}, rows);
  }

  void contacts(std::ostream& out) const {
    if (f_.contacts.empty()) {
      out << "_No contact in the period._\n";
      return;
    }
    std::vector<std::vector<std::string>> rows;
    for (const Contact* c : f_.contacts)
      rows.push_back({c->date->date.str(), md_cell(c->kind), md_cell(c->status), md_cell(c->summary)});
    write_md_table(out, {"Date", "Kind", "Status", "Summary"}, rows);
  }

  void referrals(std::ostream& out) const {
    if (f_.referrals.empty()) {
      out << "_No referral in the period._\n";
      return;
    }
    std::vector<std::vector<std::string>> rows;
    for (const Referral* r : f_.referrals) {
      const std::optional<Date> sent = first_reached(*r, "sent");
      auto name = in_.resources.find(r->resource);
      rows.push_back({md_cell(r->id), md_cell(name == in_.resources.end() ? r->resource : name->second),
                      date_or(sent, ""), md_cell(r->status), md_cell(r->outcome)});
    }
    write_md_table(out, {"Referral", "Resource", "Sent", "Status", "Outcome"}, rows);
  }

  void documents(std::ostream& out) const {
    if (f_.documents.empty()) {
      out << "_The program requires no documents._\n";
      return;
    }
    std::vector<std::vector<std::string>> rows;
    for (const auto& d : f_.documents) {
      std::string note = d.state == "waived" ? d.reason : !d.required ? "not required by the program" : "";
      rows.push_back({md_cell(d.id), d.state, date_or(d.date, ""), md_cell(note)});
    }
    write_md_table(out, {"Document", "State", "Date", "Note"}, rows);
  }

  const ProgressReportInput& in_;
  const Client& c_;
  const ProgressFacts& f_;
};

}  // namespace

std::string progress_report_md(const ReportTemplate& layout, const ProgressReportInput& in) {
  const Writer w(in);
  std::ostringstream out;
  if (!in.record.unreadable.empty()) {
    // Before the template's text: the worker must see it before sending the report.
    out << "> **Could not be read; this draft leaves them out:**\n";
    for (const auto& u : in.record.unreadable) out << fmt::format("> - {}: {}\n", md_code(u.where.str()), md_cell(u.message));
    out << '\n';
  }
  for (const auto& p : layout.pieces) {
    if (!p.placeholder) out << escape_for_terminal(p.text, true);
    else if (contains(k_report_sections, p.text)) out << w.section(p.text);
    else out << w.value(p.text);
  }
  return out.str();
}

}  // namespace caseload
