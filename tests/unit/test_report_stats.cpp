// The stats report's rules that every format shares: redaction, numbers,
// escaping for HTML and SVG, and the json nesting of figures.
#include <doctest/doctest.h>

#include <sstream>

#include "caseload/report/json.hpp"
#include "caseload/report/stats_report.hpp"
#include "caseload/report/html.hpp"

using namespace caseload;

TEST_SUITE("report::stats") {
  TEST_CASE("--redact shows a count from 1 to min_group - 1, and a figure of so few, as <N") {
    StatsReportInfo info;
    info.min_group = 5;
    const StatsValue four{StatsValue::Kind::Count, 4, 0, "", 4};
    const StatsValue five{StatsValue::Kind::Count, 5, 0, "", 5};
    const StatsValue zero{StatsValue::Kind::Count, 0, 0, "", 0};
    const StatsValue mean{StatsValue::Kind::Decimal, 0, 1.5, "", 3};
    CHECK(stats_value_text(four, info) == "4");
    CHECK(stats_value_text(mean, info) == "1.50");
    info.redact = true;
    CHECK(stats_value_text(four, info) == "<5");
    CHECK(stats_value_text(five, info) == "5");
    CHECK(stats_value_text(zero, info) == "0");
    CHECK(stats_value_text(mean, info) == "<5");
    CHECK(stats_value_text(StatsValue{}, info) == "");
  }

  TEST_CASE("decimals have two places and no negative zero") {
    CHECK(fixed_decimals(4.0 / 3.0, 2) == "1.33");
    CHECK(fixed_decimals(-0.001, 2) == "0.00");
    CHECK(fixed_decimals(-0.5, 2) == "-0.50");
  }

  TEST_CASE("text in HTML and SVG: markup characters as entities, control characters made visible") {
    CHECK(html_escape("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&#39;");
    CHECK(html_escape("x\x01y") == "x\\x01y");
  }

  TEST_CASE("json nests a figure's keys, an empty key (no worker) included") {
    Stats s;
    s.query = {Date{2026, 11, 1}, Date{2026, 11, 30}, Date{2026, 11, 30}, ""};
    s.caseload.open_by_worker = {{"aoki", {1, 0, 0, 0}}, {"", {0, 0, 0, 2}}};
    StatsReportInfo info;
    info.sections = {"caseload"};
    std::ostringstream out;
    write_stats(out, "json", s, info, Style{});
    const std::string j = out.str();
    CHECK(j.find("\"open_by_worker\": {\n      \"aoki\": {\n        \"low\": 1,") != std::string::npos);
    CHECK(j.find("\"\": {\n        \"low\": 0,\n        \"medium\": 0,\n        \"high\": 0,\n        \"none\": 2,") !=
          std::string::npos);
    CHECK(j.find("\"median_days_open\": null") != std::string::npos);
  }
}
