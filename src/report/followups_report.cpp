#include "caseload/core/text.hpp"
#include "caseload/report/followups_report.hpp"

#include <fmt/format.h>

#include <array>

#include "caseload/report/csv.hpp"
#include "caseload/report/json.hpp"
#include "caseload/report/markdown.hpp"
#include "caseload/version.hpp"

namespace caseload {
namespace {

constexpr std::array<const char*, 7> k_weekdays = {"Monday", "Tuesday", "Wednesday", "Thursday",
                                                   "Friday", "Saturday", "Sunday"};

std::string overdue_text(const FollowupItem& i) { return i.overdue > 0 ? fmt::format("{}d", i.overdue) : ""; }

// HH:MM of a timed item, "" for the others.
std::string time_text(const FollowupItem& i) {
  return i.minutes < 0 ? "" : fmt::format("{:02}:{:02}", i.minutes / 60, i.minutes % 60);
}

// For people, a timed item's WHAT starts with its time.
std::string what_text(const FollowupItem& i) { return i.minutes < 0 ? i.what : time_text(i) + " " + i.what; }

void table(std::ostream& out, const std::vector<FollowupItem>& items, const FollowupsReportInfo& info,
           const Style& style) {
  if (items.empty()) {
    out << fmt::format("Nothing due through {}.\n", info.until.str());
    return;
  }
  Table t;
  t.headers = {"LATE", "CLIENT", "NAME", "KIND", "WHAT", "FILE"};
  t.max_width = {0, 0, 24, 0, 48, 0};
  t.give_way = {5, 4, 2};  // FILE first: it is for opening, not reading; then WHAT, then NAME
  apply_fit(t, info.fit);
  for (const auto& i : items) {
    t.groups.push_back(followup_group(i, info.today));
    t.rows.push_back({overdue_text(i), i.client, i.name, i.kind, what_text(i), i.path});
  }
  print_table(out, t, style);
}

void json(std::ostream& out, const std::vector<FollowupItem>& items) {
  JsonWriter w(out);
  w.begin_array();
  for (const auto& i : items) {
    w.begin_object();
    w.key("date"); w.value(i.date.str());
    w.key("kind"); w.value(i.kind);
    w.key("client"); w.value(i.client);
    w.key("name"); w.value(i.name);
    w.key("worker"); w.value(i.worker);
    w.key("risk"); w.value(std::optional<std::string>(i.risk));
    w.key("what"); w.value(i.what);
    w.key("ref"); w.value(std::optional<std::string>(i.ref));
    w.key("path"); w.value(i.path);
    w.key("overdue"); w.value(i.overdue);
    w.key("time"); w.value(std::optional<std::string>(time_text(i)));
    w.end_object();
  }
  w.end_array();
}

void csv(std::ostream& out, const std::vector<FollowupItem>& items) {
  write_csv_row(out, {"date", "kind", "client", "name", "worker", "risk", "what", "ref", "path", "overdue", "time"});
  for (const auto& i : items) {
    write_csv_row(out, {i.date.str(), i.kind, i.client, i.name, i.worker, i.risk, i.what, i.ref, i.path,
                        std::to_string(i.overdue), time_text(i)});
  }
}

void markdown(std::ostream& out, const std::vector<FollowupItem>& items, const FollowupsReportInfo& info) {
  out << fmt::format("# Follow-ups {}\n", info.today.str());
  if (!info.agency.empty()) out << '\n' << md_cell(info.agency) << '\n';
  if (items.empty()) {
    out << fmt::format("\nNothing due through {}.\n", info.until.str());
    return;
  }
  std::string group;
  for (const auto& i : items) {
    const std::string g = followup_group(i, info.today);
    if (g != group) {
      group = g;
      out << fmt::format("\n## {}\n\n| Late | Client | Name | Kind | What | File |\n|---:|---|---|---|---|---|\n", g);
    }
    out << fmt::format("| {} | {} | {} | {} | {} | {} |\n", overdue_text(i), md_cell(i.client), md_cell(i.name),
                       md_cell(i.kind), md_cell(what_text(i)), md_code_cell(i.path));
  }
}

std::string ics_date(const Date& d) { return fmt::format("{:04}{:02}{:02}", d.year, d.month, d.day); }
std::string ics_time(const Date& d, int minutes) {
  return fmt::format("{}T{:02}{:02}00", ics_date(d), minutes / 60, minutes % 60);
}
constexpr int k_timed_event_minutes = 60;

void ics(std::ostream& out, const std::vector<FollowupItem>& items, const FollowupsReportInfo& info) {
  auto line = [&](const std::string& text) { out << ics_fold(text) << "\r\n"; };
  line("BEGIN:VCALENDAR");
  line("VERSION:2.0");
  line(fmt::format("PRODID:-//caseload//caseload {}//EN", k_version));
  line("CALSCALE:GREGORIAN");
  line("METHOD:PUBLISH");
  line("X-WR-CALNAME:" + ics_escape(info.agency.empty() ? "Follow-ups" : "Follow-ups: " + info.agency));
  for (const auto& i : items) {
    // The UID names the thing followed up, not its date, so a calendar that
    // re-imports the feed moves the event instead of adding a second one.
    const std::string what_id = i.ref.empty() ? i.path : i.ref;
    line("BEGIN:VEVENT");
    line(fmt::format("UID:{}-{}-{}@caseload", i.client, i.kind, what_id));
    line(fmt::format("DTSTAMP:{}T000000Z", ics_date(info.today)));
    if (i.minutes < 0) {
      line(fmt::format("DTSTART;VALUE=DATE:{}", ics_date(i.date)));
      line(fmt::format("DTEND;VALUE=DATE:{}", ics_date(i.date.add_days(1))));
    } else {
      // Local ("floating") times, as the store records them; an hour long,
      // since a contact has no end.
      const int end = i.minutes + k_timed_event_minutes;
      line(fmt::format("DTSTART:{}", ics_time(i.date, i.minutes)));
      line(fmt::format("DTEND:{}", ics_time(i.date.add_days(end / 1440), end % 1440)));
    }
    line("SUMMARY:" + ics_escape(fmt::format("{} {}: {}", i.client, i.kind, i.what)));
    line("DESCRIPTION:" + ics_escape(fmt::format("{} ({})\n{}\n{}", i.name, i.client, i.what, i.path)));
    line("CATEGORIES:" + ics_escape(i.kind));
    line("TRANSP:TRANSPARENT");
    line("END:VEVENT");
  }
  line("END:VCALENDAR");
}

}  // namespace

std::string followup_group(const FollowupItem& item, const Date& today) {
  if (item.date < today) return "Overdue";
  if (item.date == today) return fmt::format("Today {}", today.str());
  return fmt::format("{} {}", k_weekdays[static_cast<size_t>(item.date.weekday())], item.date.str());
}

std::string ics_escape(const std::string& raw) {
  // RFC 5545 TEXT holds no control characters but the newline it escapes;
  // the store's are shown as visible escapes, as in every output for people.
  std::string text = raw;
  std::erase(text, '\r');  // CRLF is one line end
  text = escape_for_terminal(text, true);
  std::string out;
  for (char c : text) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case ';': out += "\\;"; break;
      case ',': out += "\\,"; break;
      case '\n': out += "\\n"; break;
      case '\r': break;
      default: out += c;
    }
  }
  return out;
}

std::string ics_fold(const std::string& line) {
  std::string out;
  size_t used = 0;  // octets on the current physical line
  size_t i = 0;
  while (i < line.size()) {
    size_t len = 1;  // one UTF-8 character: never split inside it
    unsigned char c = static_cast<unsigned char>(line[i]);
    if (c >= 0xF0) len = 4;
    else if (c >= 0xE0) len = 3;
    else if (c >= 0xC0) len = 2;
    if (used + len > 75) {
      out += "\r\n ";
      used = 1;
    }
    out.append(line, i, len);
    used += len;
    i += len;
  }
  return out;
}

void write_followups(std::ostream& out, const std::string& format, const std::vector<FollowupItem>& items,
                     const FollowupsReportInfo& info, const Style& style) {
  if (format == "json") return json(out, items);
  if (format == "csv") return csv(out, items);
  if (format == "md") return markdown(out, items, info);
  if (format == "ics") return ics(out, items, info);
  table(out, items, info, style);
}

}  // namespace caseload
