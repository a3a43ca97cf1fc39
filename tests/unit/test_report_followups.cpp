// The follow-up list in each format (man caseload(1), FOLLOW-UPS), on a
// small hand-built list of items.
#include <doctest/doctest.h>

#include <algorithm>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "caseload/core/text.hpp"
#include "caseload/report/followups_report.hpp"
#include "caseload/version.hpp"

using namespace caseload;

namespace {

const Date k_today{2026, 11, 23};  // a Monday
const Date k_until{2026, 11, 30};

FollowupItem item(const char* date, const char* kind, const char* client, const std::string& name,
                  const char* risk, const std::string& what, const char* ref, const std::string& path,
                  long overdue) {
  FollowupItem i;
  i.date = *Date::parse(date);
  i.kind = kind;
  i.client = client;
  i.name = name;
  i.worker = "aoki";
  i.risk = risk;
  i.what = what;
  i.ref = ref;
  i.path = path;
  i.overdue = overdue;
  return i;
}

const std::string k_jose = "Jos\u00e9 Villanueva";                                            // 15 columns
const std::string k_rahima = "\u09B0\u09B9\u09BF\u09AE\u09BE \u09AC\u09C7\u0997\u09AE";  // 10 columns
const std::string k_ase = "\u00C5se \u00D8stby";                                              // 9 columns
const std::string k_call = "Call the \"legal aid\" office, ask for Ana";                      // 40 columns

// One overdue, one today, two on Friday: in the order followups() gives.
std::vector<FollowupItem> items() {
  return {
      item("2026-11-18", "task", "X4C8PG", k_jose, "medium", k_call, "t2", "clients/X4C8PG/plan.yaml", 5),
      item("2026-11-23", "plan-review", "9GQ2TF", k_rahima, "", "Plan review", "", "clients/9GQ2TF/plan.yaml", 0),
      item("2026-11-27", "referral", "7RJ5NB", "Maria Santos", "high", "North Side Food Bank (sent)",
           "2026-11-20-food-bank-north-c81x", "clients/7RJ5NB/referrals/2026-11-20-food-bank-north-c81x.yaml", 0),
      item("2026-11-27", "contact", "E3N6WC", k_ase, "low", "visit: Home visit", "2026-11-27T1000-visit-4skd",
           "clients/E3N6WC/contacts/2026-11-27T1000-visit-4skd.yaml", 0),
  };
}

std::string report(const std::string& format, const std::vector<FollowupItem>& list,
                   const std::string& agency = "Harbour City Social Services", const Style& style = Style{false}) {
  std::ostringstream out;
  write_followups(out, format, list, FollowupsReportInfo{k_today, k_until, agency, TableFit{}}, style);
  return out.str();
}

// `text` shown `shown` columns wide, padded to `width` (widths worked out by hand).
std::string cell(const std::string& text, int shown, int width) {
  return text + std::string(static_cast<size_t>(width - shown), ' ');
}
std::string cell(const std::string& ascii, int width) { return cell(ascii, static_cast<int>(ascii.size()), width); }

std::vector<std::string> split(const std::string& text, const std::string& sep) {
  std::vector<std::string> out;
  size_t from = 0;
  for (size_t at; (at = text.find(sep, from)) != std::string::npos; from = at + sep.size())
    out.push_back(text.substr(from, at - from));
  out.push_back(text.substr(from));
  return out;
}

// RFC 5545 3.1: a CRLF followed by one space is removed when unfolding.
std::vector<std::string> unfolded_lines(const std::string& ics) {
  std::string joined;
  for (const auto& part : split(ics, "\r\n ")) joined += part;
  auto lines = split(joined, "\r\n");
  CHECK(lines.back().empty());  // the last line ends with CRLF too
  lines.pop_back();
  return lines;
}

bool has_line(const std::vector<std::string>& lines, const std::string& line) {
  return std::find(lines.begin(), lines.end(), line) != lines.end();
}

}  // namespace

TEST_SUITE("report::followups") {
  TEST_CASE("items are grouped as Overdue, Today and one heading per later day") {
    CHECK(followup_group(items()[0], k_today) == "Overdue");
    CHECK(followup_group(items()[1], k_today) == "Today 2026-11-23");
    CHECK(followup_group(items()[2], k_today) == "Friday 2026-11-27");
    auto on = [](const char* date) {
      FollowupItem i;
      i.date = *Date::parse(date);
      return followup_group(i, k_today);
    };
    CHECK(on("2026-11-22") == "Overdue");
    CHECK(on("2025-01-01") == "Overdue");
    CHECK(on("2026-11-24") == "Tuesday 2026-11-24");
    CHECK(on("2026-11-25") == "Wednesday 2026-11-25");
    CHECK(on("2026-11-26") == "Thursday 2026-11-26");
    CHECK(on("2026-11-28") == "Saturday 2026-11-28");
    CHECK(on("2026-11-29") == "Sunday 2026-11-29");
    CHECK(on("2026-11-30") == "Monday 2026-11-30");
    CHECK(on("2027-01-01") == "Friday 2027-01-01");
  }

  TEST_CASE("the table has the sections, the header row once, and LATE only for overdue items") {
    // Column widths: LATE 4 (header), CLIENT 6, NAME 15 (José Villanueva),
    // KIND 11 (plan-review), WHAT 40 (the task); FILE is last, not padded.
    auto row = [](const std::string& late, const std::string& client, const std::string& name, int name_shown,
                  const std::string& kind, const std::string& what, const std::string& file) {
      return cell(late, 4) + "  " + cell(client, 6) + "  " + cell(name, name_shown, 15) + "  " + cell(kind, 11) +
             "  " + cell(what, 40) + "  " + file + "\n";
    };
    const std::string expected =
        "Overdue\n" +
        row("LATE", "CLIENT", "NAME", 4, "KIND", "WHAT", "FILE") +
        row("5d", "X4C8PG", k_jose, 15, "task", k_call, "clients/X4C8PG/plan.yaml") +
        "\n"
        "Today 2026-11-23\n" +
        row("", "9GQ2TF", k_rahima, 10, "plan-review", "Plan review", "clients/9GQ2TF/plan.yaml") +
        "\n"
        "Friday 2026-11-27\n" +
        row("", "7RJ5NB", "Maria Santos", 12, "referral", "North Side Food Bank (sent)",
            "clients/7RJ5NB/referrals/2026-11-20-food-bank-north-c81x.yaml") +
        row("", "E3N6WC", k_ase, 9, "contact", "visit: Home visit",
            "clients/E3N6WC/contacts/2026-11-27T1000-visit-4skd.yaml");
    CHECK(report("table", items()) == expected);
  }

  TEST_CASE("the table cuts NAME to 24 columns and WHAT to 48") {
    const std::string long_name(30, 'n');
    const std::string long_what(60, 'w');
    auto list = std::vector<FollowupItem>{
        item("2026-11-23", "task", "X4C8PG", long_name, "", long_what, "t1", "clients/X4C8PG/plan.yaml", 0)};
    const std::string text = report("table", list);
    CHECK(text.find(std::string(23, 'n') + "\u2026  task") != std::string::npos);
    CHECK(text.find(std::string(47, 'w') + "\u2026  clients/X4C8PG/plan.yaml") != std::string::npos);
    CHECK(text.find(std::string(24, 'n')) == std::string::npos);
    CHECK(text.find(std::string(48, 'w')) == std::string::npos);
  }

  TEST_CASE("an empty list says so, in the table and in Markdown") {
    CHECK(report("table", {}) == "Nothing due through 2026-11-30.\n");
    CHECK(report("md", {}) == "# Follow-ups 2026-11-23\n\nHarbour City Social Services\n\nNothing due through 2026-11-30.\n");
  }

  TEST_CASE("the table's headings are bold with colour on, plain with colour off") {
    const std::string on = report("table", items(), "", Style{true});
    CHECK(on.rfind("\x1b[1mOverdue\x1b[0m\n", 0) == 0);
    CHECK(on.find("\n\x1b[1mToday 2026-11-23\x1b[0m\n") != std::string::npos);
    CHECK(report("table", items()).find('\x1b') == std::string::npos);
    // Formats for scripts and files never carry colour.
    for (const char* format : {"json", "csv", "md", "ics"}) {
      CAPTURE(format);
      CHECK(report(format, items(), "", Style{true}).find('\x1b') == std::string::npos);
    }
  }

  TEST_CASE("json: one object per item, keys in the documented order, null risk and ref when empty") {
    const auto list = items();
    const std::string expected =
        "[\n"
        "  {\n"
        "    \"date\": \"2026-11-18\",\n"
        "    \"kind\": \"task\",\n"
        "    \"client\": \"X4C8PG\",\n"
        "    \"name\": \"" + k_jose + "\",\n"
        "    \"worker\": \"aoki\",\n"
        "    \"risk\": \"medium\",\n"
        "    \"what\": \"Call the \\\"legal aid\\\" office, ask for Ana\",\n"
        "    \"ref\": \"t2\",\n"
        "    \"path\": \"clients/X4C8PG/plan.yaml\",\n"
        "    \"overdue\": 5,\n"
        "    \"time\": null\n"
        "  },\n"
        "  {\n"
        "    \"date\": \"2026-11-23\",\n"
        "    \"kind\": \"plan-review\",\n"
        "    \"client\": \"9GQ2TF\",\n"
        "    \"name\": \"" + k_rahima + "\",\n"
        "    \"worker\": \"aoki\",\n"
        "    \"risk\": null,\n"
        "    \"what\": \"Plan review\",\n"
        "    \"ref\": null,\n"
        "    \"path\": \"clients/9GQ2TF/plan.yaml\",\n"
        "    \"overdue\": 0,\n"
        "    \"time\": null\n"
        "  }\n"
        "]\n";
    CHECK(report("json", {list[0], list[1]}) == expected);
  }

  TEST_CASE("json: every item has exactly the eleven documented keys, in order") {
    const std::string text = report("json", items());
    std::vector<std::string> keys;
    const std::regex key_re("^    \"([a-z_]+)\": ");
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
      std::smatch m;
      if (std::regex_search(line, m, key_re)) keys.push_back(m[1]);
    }
    const std::vector<std::string> one = {"date", "kind", "client", "name", "worker",
                                          "risk", "what", "ref",    "path", "overdue", "time"};
    REQUIRE(keys.size() == one.size() * items().size());
    for (size_t i = 0; i < keys.size(); ++i) CHECK(keys[i] == one[i % one.size()]);
  }

  TEST_CASE("json: an empty list is an empty array") { CHECK(report("json", {}) == "[]\n"); }

  TEST_CASE("csv: a header row, then the same columns; null values are empty fields") {
    const auto list = items();
    CHECK(report("csv", {list[0], list[1]}) ==
          "date,kind,client,name,worker,risk,what,ref,path,overdue,time\n"
          "2026-11-18,task,X4C8PG," + k_jose + ",aoki,medium,\"Call the \"\"legal aid\"\" office, ask for Ana\",t2,"
          "clients/X4C8PG/plan.yaml,5,\n"
          "2026-11-23,plan-review,9GQ2TF," + k_rahima + ",aoki,,Plan review,,clients/9GQ2TF/plan.yaml,0,\n");
    CHECK(report("csv", {}) == "date,kind,client,name,worker,risk,what,ref,path,overdue,time\n");
  }

  TEST_CASE("md: a heading with the date, the agency, then a table per group") {
    const std::string header = "| Late | Client | Name | Kind | What | File |\n|---:|---|---|---|---|---|\n";
    CHECK(report("md", items()) ==
          "# Follow-ups 2026-11-23\n"
          "\n"
          "Harbour City Social Services\n"
          "\n"
          "## Overdue\n"
          "\n" + header +
          "| 5d | X4C8PG | " + k_jose + " | task | Call the \\\"legal aid\\\" office\\, ask for Ana | "
          "`clients/X4C8PG/plan.yaml` |\n"
          "\n"
          "## Today 2026-11-23\n"
          "\n" + header +
          "|  | 9GQ2TF | " + k_rahima + " | plan\\-review | Plan review | `clients/9GQ2TF/plan.yaml` |\n"
          "\n"
          "## Friday 2026-11-27\n"
          "\n" + header +
          "|  | 7RJ5NB | Maria Santos | referral | North Side Food Bank \\(sent\\) | "
          "`clients/7RJ5NB/referrals/2026-11-20-food-bank-north-c81x.yaml` |\n"
          "|  | E3N6WC | " + k_ase + " | contact | visit\\: Home visit | "
          "`clients/E3N6WC/contacts/2026-11-27T1000-visit-4skd.yaml` |\n");
  }

  TEST_CASE("md: without an agency there is no agency line") {
    CHECK(report("md", {items()[0]}, "").rfind("# Follow-ups 2026-11-23\n\n## Overdue\n", 0) == 0);
  }

  TEST_CASE("md: a pipe or a backslash in the data cannot break the table, and a line break becomes a space") {
    auto list = std::vector<FollowupItem>{item("2026-11-23", "task", "X4C8PG", "Ana | Lima", "", "two\nlines | here",
                                               "t1", "clients/X4C8PG/plan.yaml", 0)};
    const std::string text = report("md", list);
    CHECK(text.find("| Ana \\| Lima | task | two lines \\| here |") != std::string::npos);
    CHECK(report("md", list, "North | South").find("\nNorth \\| South\n") != std::string::npos);
    list[0].name = "a\\|b <b>x</b> *x*";
    CHECK(report("md", list).find("| a\\\\\\|b \\<b\\>x\\<\\/b\\> \\*x\\* | task |") != std::string::npos);
  }

  TEST_CASE("ics: text values are escaped as RFC 5545 says") {
    CHECK(ics_escape("plain text: fine") == "plain text: fine");  // a colon needs no escape
    CHECK(ics_escape("a,b;c\\d") == "a\\,b\\;c\\\\d");
    CHECK(ics_escape("one\ntwo") == "one\\ntwo");
    CHECK(ics_escape("one\r\ntwo") == "one\\ntwo");  // CR is dropped, LF escaped
    CHECK(ics_escape("\"quoted\"") == "\"quoted\"");
    CHECK(ics_escape(k_ase) == k_ase);
  }

  TEST_CASE("ics: a line longer than 75 octets is folded, never inside a UTF-8 character") {
    CHECK(ics_fold(std::string(75, 'x')) == std::string(75, 'x'));
    CHECK(ics_fold(std::string(76, 'x')) == std::string(75, 'x') + "\r\n x");
    // The continuation's leading space counts: 74 more octets per line.
    CHECK(ics_fold(std::string(150, 'x')) == std::string(75, 'x') + "\r\n " + std::string(74, 'x') + "\r\n x");
    SUBCASE("two-, three- and four-byte characters stay whole") {
      for (const std::string& ch : {std::string("\u00C5"), std::string("\u09B0"), std::string("\U0001F600")}) {
        std::string line = "SUMMARY:";
        for (int i = 0; i < 60; ++i) line += ch;
        const std::string folded = ics_fold(line);
        CAPTURE(ch.size());
        for (const auto& physical : split(folded, "\r\n")) {
          CHECK(physical.size() <= 75);
          CHECK(valid_utf8(physical));
        }
        std::string back;
        for (const auto& part : split(folded, "\r\n ")) back += part;
        CHECK(back == line);
      }
    }
  }

  TEST_CASE("ics: a calendar with one all-day event per item, CRLF line endings") {
    const std::string text = report("ics", items());
    SUBCASE("every line ends in CRLF and none is longer than 75 octets") {
      REQUIRE(text.size() >= 2);
      CHECK(text.substr(text.size() - 2) == "\r\n");
      for (size_t at = text.find('\n'); at != std::string::npos; at = text.find('\n', at + 1)) {
        CHECK(at > 0);
        CHECK(text[at - 1] == '\r');
      }
      for (const auto& line : split(text, "\r\n")) CHECK(line.size() <= 75);
    }
    const auto lines = unfolded_lines(text);
    SUBCASE("the calendar's own lines") {
      REQUIRE(lines.size() > 6);
      CHECK(lines[0] == "BEGIN:VCALENDAR");
      CHECK(lines[1] == "VERSION:2.0");
      CHECK(lines[2] == std::string("PRODID:-//caseload//caseload ") + k_version + "//EN");
      CHECK(lines[3] == "CALSCALE:GREGORIAN");
      CHECK(lines[4] == "METHOD:PUBLISH");
      CHECK(lines[5] == "X-WR-CALNAME:Follow-ups: Harbour City Social Services");
      CHECK(lines.back() == "END:VCALENDAR");
      CHECK(std::count(lines.begin(), lines.end(), "BEGIN:VEVENT") == 4);
      CHECK(std::count(lines.begin(), lines.end(), "END:VEVENT") == 4);
    }
    SUBCASE("an event: UID without the date, all-day dates, escaped summary and description") {
      const std::vector<std::string> first(lines.begin() + 6, lines.begin() + 16);
      CHECK(first == std::vector<std::string>{
                         "BEGIN:VEVENT",
                         "UID:X4C8PG-task-t2@caseload",
                         "DTSTAMP:20261123T000000Z",
                         "DTSTART;VALUE=DATE:20261118",
                         "DTEND;VALUE=DATE:20261119",
                         "SUMMARY:X4C8PG task: Call the \"legal aid\" office\\, ask for Ana",
                         "DESCRIPTION:" + k_jose + " (X4C8PG)\\nCall the \"legal aid\" office\\, ask for "
                                                   "Ana\\nclients/X4C8PG/plan.yaml",
                         "CATEGORIES:task",
                         "TRANSP:TRANSPARENT",
                         "END:VEVENT",
                     });
    }
    SUBCASE("an item without a ref is named by its path in the UID") {
      CHECK(has_line(lines, "UID:9GQ2TF-plan-review-clients/9GQ2TF/plan.yaml@caseload"));
      CHECK(has_line(lines, "UID:7RJ5NB-referral-2026-11-20-food-bank-north-c81x@caseload"));
    }
  }

  TEST_CASE("ics: an event ends the next day, across months and years") {
    auto list = std::vector<FollowupItem>{
        item("2026-11-30", "task", "X4C8PG", "Ana", "", "a", "t1", "p", 0),
        item("2026-12-31", "task", "X4C8PG", "Ana", "", "b", "t2", "p", 0),
        item("2028-02-28", "task", "X4C8PG", "Ana", "", "c", "t3", "p", 0),
    };
    const auto lines = unfolded_lines(report("ics", list));
    CHECK(has_line(lines, "DTEND;VALUE=DATE:20261201"));
    CHECK(has_line(lines, "DTEND;VALUE=DATE:20270101"));
    CHECK(has_line(lines, "DTEND;VALUE=DATE:20280229"));  // a leap year
  }

  TEST_CASE("ics: the calendar's name is escaped, and plain without an agency") {
    CHECK(has_line(unfolded_lines(report("ics", {}, "North, South; East")),
                   "X-WR-CALNAME:Follow-ups: North\\, South\\; East"));
    const auto empty = unfolded_lines(report("ics", {}, ""));
    CHECK(has_line(empty, "X-WR-CALNAME:Follow-ups"));
    CHECK(std::count(empty.begin(), empty.end(), "BEGIN:VEVENT") == 0);
    CHECK(empty.back() == "END:VCALENDAR");
  }
}
