#include "caseload/report/case_summary.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "caseload/report/json.hpp"
#include "caseload/report/markdown.hpp"
#include "caseload/report/record_fields.hpp"

namespace caseload {

std::vector<std::string> scored_domains(const std::vector<Assessment>& assessments) {
  std::vector<std::string> domains;
  for (const auto& a : assessments) {
    std::vector<std::string> scored;
    for (const auto& [d, level] : a.scores) scored.push_back(d);
    std::sort(scored.begin(), scored.end());
    for (const auto& d : scored) {
      if (!contains(domains, d)) domains.push_back(d);
    }
  }
  return domains;
}

namespace {


void scores_json(JsonWriter& w, const std::vector<Assessment>& assessments) {
  w.begin_array();
  for (const auto& domain : scored_domains(assessments)) {
    std::optional<int> latest;
    for (const auto& a : assessments) {
      if (auto level = a.score(domain)) latest = level;
    }
    w.begin_object();
    w.key("domain"), w.value(domain);
    w.key("latest"), w.value(*latest);
    w.key("history"), w.begin_array();
    for (const auto& a : assessments) {
      const auto level = a.score(domain);
      if (!level) continue;
      w.begin_object();
      w.key("date"), w.value(std::optional<std::string>(date_or_empty(a.date)));
      w.key("assessment"), w.value(a.stem);
      w.key("level"), w.value(*level);
      w.end_object();
    }
    w.end_array();
    w.end_object();
  }
  w.end_array();
}

template <class Record>
void records_json(JsonWriter& w, const std::vector<Record>& records) {
  w.begin_array();
  for (const auto& r : records) write_record_json(w, r);
  w.end_array();
}

// --- Markdown ---------------------------------------------------------------

// A nested record on one line: "relation: son · born: 2015".
std::string inline_entries(const std::vector<RecordEntry>& entries) {
  std::vector<std::string> parts;
  for (const auto& e : entries) {
    if (e.items.empty()) parts.push_back(fmt::format("{}: {}", e.key, md_cell(e.text)));
  }
  return join(parts, " · ");
}

// Nested records as a bulleted list, their own nested records indented below.
void item_bullets(std::ostream& out, const std::vector<std::vector<RecordEntry>>& items, const std::string& indent) {
  for (const auto& item : items) {
    out << indent << "- " << inline_entries(item) << '\n';
    for (const auto& e : item) {
      if (e.items.empty()) continue;
      out << indent << "  - " << e.key << ":\n";
      item_bullets(out, e.items, indent + "    ");
    }
  }
}

// A record's fields as a bulleted list; a text of several lines is indented
// under its key, nested records are bullets under theirs.
void entry_bullets(std::ostream& out, const std::vector<RecordEntry>& entries) {
  for (const auto& e : entries) {
    if (!e.items.empty()) {
      out << fmt::format("- **{}**:\n", e.key);
      item_bullets(out, e.items, "  ");
    } else if (e.text.find('\n') != std::string::npos) {
      out << fmt::format("- **{}**:\n", e.key);
      // Each line its own, ended by a hard break (two spaces).
      for (const auto& line : split_lines(e.text)) out << "  " << md_cell(line) << (line.empty() ? "" : "  ") << '\n';
    } else {
      out << fmt::format("- **{}**: {}\n", e.key, md_cell(e.text));
    }
  }
}

void scores_md(std::ostream& out, const std::vector<Assessment>& assessments) {
  const auto domains = scored_domains(assessments);
  if (domains.empty()) return;
  out << "\n## Scores\n\n| Domain |";
  for (const auto& a : assessments) out << ' ' << date_or_empty(a.date) << ' ' << md_cell(a.kind) << " |";
  out << "\n|---|";
  for (size_t i = 0; i < assessments.size(); ++i) out << "---:|";
  out << '\n';
  for (const auto& d : domains) {
    out << "| " << md_cell(d) << " |";
    for (const auto& a : assessments) {
      const auto level = a.score(d);
      out << ' ' << (level ? std::to_string(*level) : "") << " |";
    }
    out << '\n';
  }
}

// The contacts as one table, oldest first; the columns are the contact's
// fields that any contact has.
void timeline_md(std::ostream& out, const std::vector<Contact>& contacts) {
  if (contacts.empty()) return;
  std::vector<std::vector<RecordEntry>> rows;
  std::vector<std::string> columns;
  for (const auto& c : contacts) {
    rows.push_back(record_entries(c));
    for (const auto& e : rows.back()) {
      if (!contains(columns, e.key)) columns.push_back(e.key);
    }
  }
  std::vector<std::string> ordered;  // in the field list's order
  for (const auto& k : field_keys<Contact>()) {
    if (contains(columns, k)) ordered.push_back(k);
  }
  out << "\n## Contacts\n\n|";
  for (const auto& c : ordered) out << ' ' << c << " |";
  out << "\n|";
  for (size_t i = 0; i < ordered.size(); ++i) out << "---|";
  out << '\n';
  for (const auto& row : rows) {
    out << '|';
    for (const auto& c : ordered) {
      auto it = std::find_if(row.begin(), row.end(), [&](const RecordEntry& e) { return e.key == c; });
      out << ' ' << (it == row.end() ? "" : md_cell(it->text)) << " |";
    }
    out << '\n';
  }
}

}  // namespace

void write_case_json(std::ostream& out, const ClientRecord& r) {
  JsonWriter w(out);
  w.begin_object();
  w.key("client"), write_record_json(w, r.client);
  w.key("scores"), scores_json(w, r.assessments);
  w.key("assessments"), records_json(w, r.assessments);
  w.key("plan");
  if (r.plan) write_record_json(w, *r.plan);
  else w.null();
  w.key("referrals"), records_json(w, r.referrals);
  w.key("contacts"), records_json(w, r.contacts);
  w.key("unreadable"), w.begin_array();
  for (const auto& u : r.unreadable) {
    w.begin_object();
    w.key("path"), w.value(u.where.path);
    w.key("line"), w.value(u.where.line);
    w.key("column"), w.value(u.where.col);
    w.key("message"), w.value(u.message);
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

void write_case_md(std::ostream& out, const ClientRecord& r, const CaseSummaryInfo& info) {
  const Client& c = r.client;
  out << fmt::format("# Case summary: {} ({})\n\n", md_cell(c.name), md_cell(c.id));
  out << fmt::format("Printed {}{}\n", info.today.str(), info.agency.empty() ? "" : " · " + md_cell(info.agency));
  if (!r.unreadable.empty()) {
    out << "\n## Could not be read\n\n";
    for (const auto& u : r.unreadable) out << fmt::format("- {}: {}\n", md_code(u.where.str()), md_cell(u.message));
  }
  // The person's own fields first; household, consent and enrollments (its
  // nested records) each get a section.
  const auto entries = record_entries(c);
  std::vector<RecordEntry> own;
  for (const auto& e : entries) {
    if (e.items.empty()) own.push_back(e);
  }
  out << "\n## Person\n\n";
  entry_bullets(out, own);
  for (const auto& e : entries) {
    if (e.items.empty()) continue;
    out << fmt::format("\n## {}\n\n", e.key);
    item_bullets(out, e.items, "");
  }
  scores_md(out, r.assessments);
  for (const auto& a : r.assessments) {
    out << fmt::format("\n### Assessment {} {}\n\n", date_or_empty(a.date), md_cell(a.kind));
    entry_bullets(out, record_entries(a));
  }
  if (r.plan) {
    out << "\n## Plan\n\n";
    entry_bullets(out, record_entries(*r.plan));
  }
  for (const auto& ref : r.referrals) {
    out << fmt::format("\n## Referral {}\n\n", md_cell(ref.id));
    entry_bullets(out, record_entries(ref));
  }
  timeline_md(out, r.contacts);
}

}  // namespace caseload
