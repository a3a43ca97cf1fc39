#include <doctest/doctest.h>

#include "caseload/core/date.hpp"

using caseload::Date;
using caseload::DateTime;
using caseload::parse_date_arg;
using caseload::Period;

namespace {

Date d(int y, int m, int day) { return Date{y, m, day}; }

// Renders an optional date for readable failure messages.
std::string str(const std::optional<Date>& date) { return date ? date->str() : "(none)"; }

// Monday 23 November 2026: the reference "today" of the command-line forms.
const Date k_today{2026, 11, 23};

std::string arg(std::string_view text) { return str(parse_date_arg(text, k_today)); }

}  // namespace

TEST_SUITE("core::date") {
  TEST_CASE("a date parses only in strict YYYY-MM-DD form") {
    REQUIRE(Date::parse("2026-11-23").has_value());
    CHECK(*Date::parse("2026-11-23") == d(2026, 11, 23));
    CHECK(*Date::parse("0001-01-01") == d(1, 1, 1));
    CHECK(*Date::parse("9999-12-31") == d(9999, 12, 31));

    for (const char* bad : {"", "2026-11-2", "2026-1-23", "26-11-23", "2026/11/23", "2026-11-23 ",
                            " 2026-11-23", "2026-11-23T10:00", "20261123", "2026-1a-23",
                            "+026-11-23", "2026--1-23", "0000-01-01", "yyyy-mm-dd"}) {
      CAPTURE(bad);
      CHECK_FALSE(Date::parse(bad).has_value());
    }
  }

  TEST_CASE("a day that does not exist is rejected") {
    CHECK_FALSE(Date::parse("2026-02-30").has_value());
    CHECK_FALSE(Date::parse("2026-13-01").has_value());
    CHECK_FALSE(Date::parse("2026-00-10").has_value());
    CHECK_FALSE(Date::parse("2026-11-00").has_value());
    CHECK_FALSE(Date::parse("2026-04-31").has_value());
    CHECK_FALSE(Date::parse("2026-12-32").has_value());
    CHECK(Date::parse("2026-04-30").has_value());
    CHECK(Date::parse("2026-12-31").has_value());
  }

  TEST_CASE("29 February exists only in leap years") {
    CHECK(Date::parse("2024-02-29").has_value());
    CHECK(Date::parse("2000-02-29").has_value());  // divisible by 400
    CHECK_FALSE(Date::parse("2026-02-29").has_value());
    CHECK_FALSE(Date::parse("1900-02-29").has_value());  // divisible by 100, not 400
    CHECK(caseload::days_in_month(2024, 2) == 29);
    CHECK(caseload::days_in_month(2026, 2) == 28);
    CHECK(caseload::days_in_month(2026, 11) == 30);
    CHECK(caseload::days_in_month(2026, 12) == 31);
    CHECK(caseload::valid_date(2024, 2, 29));
    CHECK_FALSE(caseload::valid_date(2026, 2, 29));
  }

  TEST_CASE("str writes zero-padded ISO dates") {
    CHECK(d(2026, 1, 5).str() == "2026-01-05");
    CHECK(d(987, 12, 31).str() == "0987-12-31");
  }

  TEST_CASE("days since 1970 and back are exact inverses") {
    CHECK(d(1970, 1, 1).days() == 0);
    CHECK(d(1970, 1, 2).days() == 1);
    CHECK(d(1969, 12, 31).days() == -1);
    CHECK(d(2000, 3, 1).days() == 11017);
    CHECK(Date::from_days(0) == d(1970, 1, 1));
    CHECK(Date::from_days(-1) == d(1969, 12, 31));

    // Every day across several leap cycles and a century boundary: the day
    // number round-trips and consecutive numbers are consecutive calendar days.
    std::string first_bad;
    Date previous = Date::from_days(d(1899, 12, 24).days());
    for (long n = d(1899, 12, 25).days(); n < d(2101, 1, 5).days() && first_bad.empty(); ++n) {
      const Date got = Date::from_days(n);
      const bool next_in_month = got == Date{previous.year, previous.month, previous.day + 1};
      const bool next_month =
          got.day == 1 && got.month == previous.month % 12 + 1 &&
          caseload::days_in_month(previous.year, previous.month) == previous.day;
      if (got.days() != n || !caseload::valid_date(got.year, got.month, got.day) ||
          !(next_in_month || next_month)) {
        first_bad = std::to_string(n) + " -> " + got.str();
      }
      previous = got;
    }
    CHECK(first_bad == "");
  }

  TEST_CASE("days_between counts calendar days, negative when going back") {
    CHECK(caseload::days_between(d(2026, 11, 23), d(2026, 11, 30)) == 7);
    CHECK(caseload::days_between(d(2026, 11, 30), d(2026, 11, 23)) == -7);
    CHECK(caseload::days_between(d(2024, 2, 28), d(2024, 3, 1)) == 2);
    CHECK(caseload::days_between(d(2026, 2, 28), d(2026, 3, 1)) == 1);
    CHECK(caseload::days_between(d(2026, 1, 1), d(2027, 1, 1)) == 365);
  }

  TEST_CASE("weekday counts from Monday as 0") {
    CHECK(d(2026, 11, 23).weekday() == 0);  // Monday
    CHECK(d(2026, 11, 27).weekday() == 4);  // Friday
    CHECK(d(2026, 11, 29).weekday() == 6);  // Sunday
    CHECK(d(1970, 1, 1).weekday() == 3);    // Thursday
    CHECK(d(1969, 12, 28).weekday() == 6);  // a Sunday before the epoch
    CHECK(d(2000, 1, 1).weekday() == 5);    // Saturday
  }

  TEST_CASE("adding days crosses months and years") {
    CHECK(d(2026, 11, 23).add_days(8) == d(2026, 12, 1));
    CHECK(d(2026, 12, 31).add_days(1) == d(2027, 1, 1));
    CHECK(d(2024, 3, 1).add_days(-1) == d(2024, 2, 29));
  }

  TEST_CASE("adding months clamps to the last day of the month") {
    CHECK(d(2026, 11, 30).add_months(3) == d(2027, 2, 28));
    CHECK(d(2027, 1, 31).add_months(1) == d(2027, 2, 28));
    CHECK(d(2024, 1, 31).add_months(1) == d(2024, 2, 29));
    CHECK(d(2026, 1, 31).add_months(3) == d(2026, 4, 30));
    CHECK(d(2026, 11, 23).add_months(1) == d(2026, 12, 23));
    CHECK(d(2026, 12, 15).add_months(1) == d(2027, 1, 15));
    CHECK(d(2026, 3, 31).add_months(-1) == d(2026, 2, 28));
    CHECK(d(2026, 1, 15).add_months(-1) == d(2025, 12, 15));
    CHECK(d(2026, 1, 15).add_months(-13) == d(2024, 12, 15));
    CHECK(d(2024, 2, 29).add_years(1) == d(2025, 2, 28));
    CHECK(d(2024, 2, 29).add_years(4) == d(2028, 2, 29));
  }

  TEST_CASE("a period is a count and a unit") {
    SUBCASE("the four units parse") {
      for (const char* text : {"30d", "2w", "3m", "1y", "0d", "365d"}) {
        CAPTURE(text);
        auto p = Period::parse(text);
        REQUIRE(p.has_value());
        CHECK(p->str() == text);
      }
      auto p = Period::parse("14d");
      REQUIRE(p.has_value());
      CHECK(p->count == 14);
      CHECK(p->unit == 'd');
    }
    SUBCASE("an upper-case unit is accepted and written in lower case") {
      auto p = Period::parse("3M");
      REQUIRE(p.has_value());
      CHECK(p->str() == "3m");
    }
    SUBCASE("anything else is rejected") {
      for (const char* bad : {"", "d", "30", "30x", "-3d", "+3d", "3.5d", "3 d", " 3d", "d3",
                              "1234567d", "3dd", "three"}) {
        CAPTURE(bad);
        CHECK_FALSE(Period::parse(bad).has_value());
      }
    }
  }

  TEST_CASE("a cadence is a period from one day to ten years") {
    for (const char* text : {"1d", "30d", "3650d", "1w", "520w", "1m", "120m", "1y", "10y", "3M"}) {
      CAPTURE(text);
      CHECK(caseload::parse_cadence(text).has_value());
    }
    // 0d is due every day forever; 9999y gives a date past year 9999.
    for (const char* text : {"0d", "0w", "3651d", "521w", "121m", "11y", "9999y", "-5d", "2 weeks"}) {
      CAPTURE(text);
      CHECK_FALSE(caseload::parse_cadence(text).has_value());
    }
  }

  TEST_CASE("a period moves a date forward and back") {
    const Date from = d(2026, 11, 30);
    CHECK(Period{30, 'd'}.after(from) == d(2026, 12, 30));
    CHECK(Period{2, 'w'}.after(from) == d(2026, 12, 14));
    CHECK(Period{3, 'm'}.after(from) == d(2027, 2, 28));
    CHECK(Period{1, 'y'}.after(d(2024, 2, 29)) == d(2025, 2, 28));
    CHECK(Period{30, 'd'}.before(from) == d(2026, 10, 31));
    CHECK(Period{2, 'w'}.before(from) == d(2026, 11, 16));
    CHECK(Period{1, 'm'}.before(d(2026, 3, 31)) == d(2026, 2, 28));
    CHECK(Period{1, 'y'}.before(d(2026, 11, 30)) == d(2025, 11, 30));
  }

  TEST_CASE("every command-line date form resolves against today") {
    REQUIRE(k_today.weekday() == 0);
    SUBCASE("ISO dates") {
      CHECK(arg("2026-12-24") == "2026-12-24");
      CHECK(arg("2024-02-29") == "2024-02-29");
    }
    SUBCASE("words") {
      CHECK(arg("today") == "2026-11-23");
      CHECK(arg("tomorrow") == "2026-11-24");
      CHECK(arg("yesterday") == "2026-11-22");
    }
    SUBCASE("relative periods") {
      CHECK(arg("+3d") == "2026-11-26");
      CHECK(arg("-2w") == "2026-11-09");
      CHECK(arg("+1m") == "2026-12-23");
      CHECK(arg("+1y") == "2027-11-23");
      CHECK(arg("-1m") == "2026-10-23");
      CHECK(arg("+0d") == "2026-11-23");
    }
    SUBCASE("weekday names mean the next one, never today") {
      CHECK(arg("mon") == "2026-11-30");
      CHECK(arg("monday") == "2026-11-30");
      CHECK(arg("tue") == "2026-11-24");
      CHECK(arg("wed") == "2026-11-25");
      CHECK(arg("thu") == "2026-11-26");
      CHECK(arg("thurs") == "2026-11-26");
      CHECK(arg("fri") == "2026-11-27");
      CHECK(arg("sat") == "2026-11-28");
      CHECK(arg("sun") == "2026-11-29");
      CHECK(arg("sunday") == "2026-11-29");
      // From a Friday, "fri" is a week ahead and "mon" three days.
      CHECK(str(parse_date_arg("fri", d(2026, 11, 27))) == "2026-12-04");
      CHECK(str(parse_date_arg("mon", d(2026, 11, 27))) == "2026-11-30");
    }
    SUBCASE("end of week and end of month") {
      CHECK(arg("eow") == "2026-11-29");
      CHECK(arg("eom") == "2026-11-30");
      CHECK(str(parse_date_arg("eow", d(2026, 11, 29))) == "2026-11-29");  // Sunday itself
      CHECK(str(parse_date_arg("eom", d(2024, 2, 3))) == "2024-02-29");
    }
    SUBCASE("upper and mixed case are accepted") {
      CHECK(arg("TODAY") == "2026-11-23");
      CHECK(arg("Tomorrow") == "2026-11-24");
      CHECK(arg("MON") == "2026-11-30");
      CHECK(arg("Fri") == "2026-11-27");
      CHECK(arg("+3D") == "2026-11-26");
      CHECK(arg("EOM") == "2026-11-30");
    }
    SUBCASE("garbage is rejected") {
      for (const char* bad :
           {"",           "now",        "next week", "mo",   "m",          "tu",
            "mondays",    "funday",     "+",         "-",    "+d",         "+3",
            "+3x",        "3d",         "++3d",      "+-3d", "2026-02-30", "2026-13-01",
            "23.11.2026", "11/23/2026", " today",    "eod"}) {
        CAPTURE(bad);
        CHECK(arg(bad) == "(none)");
      }
    }
  }

  TEST_CASE("a date-time takes a T or a space and may carry seconds") {
    SUBCASE("T separator") {
      auto t = DateTime::parse("2026-11-26T10:00");
      REQUIRE(t.has_value());
      CHECK(t->date == d(2026, 11, 26));
      CHECK(t->minutes == 600);
      CHECK(t->has_time());
    }
    SUBCASE("space separator") {
      auto t = DateTime::parse("2026-11-26 09:05");
      REQUIRE(t.has_value());
      CHECK(t->minutes == 9 * 60 + 5);
      CHECK(t->str() == "2026-11-26T09:05");
    }
    SUBCASE("seconds are accepted and not kept") {
      auto t = DateTime::parse("2026-11-26T23:59:59");
      REQUIRE(t.has_value());
      CHECK(t->str() == "2026-11-26T23:59");
    }
    SUBCASE("a date alone has no time") {
      auto t = DateTime::parse("2026-11-26");
      REQUIRE(t.has_value());
      CHECK_FALSE(t->has_time());
      CHECK(t->str() == "2026-11-26");
      CHECK(t->compact_time() == "0000");
    }
    SUBCASE("midnight is a time, not the absence of one") {
      auto t = DateTime::parse("2026-11-26T00:00");
      REQUIRE(t.has_value());
      CHECK(t->has_time());
      CHECK(t->str() == "2026-11-26T00:00");
    }
    SUBCASE("impossible or malformed times are rejected") {
      for (const char* bad :
           {"2026-11-26T24:00", "2026-11-26T10:60", "2026-11-26T10:00:60", "2026-11-26T1000",
            "2026-11-26T10.00", "2026-11-26X10:00", "2026-11-26T10:00Z", "2026-11-26T10:00+02:00",
            "2026-11-26T", "2026-02-30T10:00", "2026-11-26T9:00", "2026-11-26T10:00:0"}) {
        CAPTURE(bad);
        CHECK_FALSE(DateTime::parse(bad).has_value());
      }
    }
  }

  TEST_CASE("date-times order by date, then time") {
    auto a = *DateTime::parse("2026-11-26T09:00");
    auto b = *DateTime::parse("2026-11-26T10:00");
    auto c = *DateTime::parse("2026-11-27T08:00");
    CHECK(a < b);
    CHECK(b < c);
  }

  TEST_CASE("compact_time gives HHMM for file names") {
    CHECK(DateTime::parse("2026-11-26T10:00")->compact_time() == "1000");
    CHECK(DateTime::parse("2026-11-26T07:05")->compact_time() == "0705");
    CHECK(DateTime::parse("2026-11-26 23:59")->compact_time() == "2359");
  }

  TEST_CASE("a birth date may be a year, a month or a day") {
    for (const char* ok : {"1984", "1984-03", "1984-03-09", "2024-02-29", "0001"}) {
      CAPTURE(ok);
      CHECK(caseload::valid_partial_date(ok));
    }
    for (const char* bad :
         {"", "84", "0000", "19a4", "1984-3", "1984-13", "1984-00", "1984/03", "1984-03-9",
          "1984-02-30", "2026-02-29", "1984-03-09T10:00", "198403"}) {
      CAPTURE(bad);
      CHECK_FALSE(caseload::valid_partial_date(bad));
    }
  }

  TEST_CASE("a partial date's earliest day is its first: a birth date is in the future only when that day is") {
    CHECK(caseload::earliest_day_of("1984") == caseload::Date{1984, 1, 1});
    CHECK(caseload::earliest_day_of("1984-03") == caseload::Date{1984, 3, 1});
    CHECK(caseload::earliest_day_of("1984-03-09") == caseload::Date{1984, 3, 9});
    CHECK_FALSE(caseload::earliest_day_of("1984-13").has_value());
    CHECK_FALSE(caseload::earliest_day_of("").has_value());
  }

  TEST_CASE("more than a year back is before today a year ago") {
    CHECK(caseload::far_past_limit({2026, 11, 23}) == caseload::Date{2025, 11, 23});
    CHECK(caseload::far_past_limit({2024, 2, 29}) == caseload::Date{2023, 2, 28});
  }
}
