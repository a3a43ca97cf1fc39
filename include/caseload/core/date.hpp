#pragma once
// Calendar dates without time zones: the store records local dates, and
// "today" is a value handed down from main, never read from a clock here.
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace caseload {

struct Date {
  int year = 1970;
  int month = 1;
  int day = 1;

  auto operator<=>(const Date&) const = default;

  // Strict YYYY-MM-DD with a day that exists (2026-02-30 is nullopt).
  static std::optional<Date> parse(std::string_view text);
  static Date from_days(long days);  // days since 1970-01-01
  long days() const;                 // days since 1970-01-01
  int weekday() const;               // 0 = Monday ... 6 = Sunday
  std::string str() const;           // YYYY-MM-DD

  Date add_days(long n) const { return from_days(days() + n); }
  Date add_months(int n) const;  // clamps to the last day of the month
  Date add_years(int n) const { return add_months(12 * n); }
};

// YYYY-MM-DD, or "" for no date: a table cell or a JSON/CSV field.
inline std::string date_or_empty(const std::optional<Date>& d) { return d ? d->str() : ""; }

int days_in_month(int year, int month);
bool valid_date(int year, int month, int day);
long days_between(const Date& from, const Date& to);  // to - from

// A period such as 30d, 2w, 3m, 1y (store cadences, relative dates).
struct Period {
  int count = 0;
  char unit = 'd';  // d, w, m, y
  static std::optional<Period> parse(std::string_view text);
  Date after(const Date& from) const;
  Date before(const Date& from) const;
  std::string str() const;
};

// A cadence or delay of the store (a contact every 30d, a report every 6m, a
// follow-up after 7d): a period from one day to ten years, at most 3650d,
// 520w, 120m or 10y. Nothing is due every 0 days, and a period of centuries
// gives dates no record can hold (9999y). The one rule for every period read
// from caseload.yaml, a record or a command-line option; relative dates
// (+3d) are Period::parse alone.
std::optional<Period> parse_cadence(std::string_view text);
inline constexpr std::string_view k_cadence_form = "a period from 1d to 10y, e.g. 30d, 2w, 3m, 1y";

// The forms a date may take on the command line (SPEC 3), for error messages.
inline constexpr std::string_view k_date_forms =
    "YYYY-MM-DD, today, tomorrow, yesterday, +3d, -2w, +1m, +1y, mon..sun (the next one), eow, eom";

// Resolves any command-line date form against today; nullopt when it is none.
std::optional<Date> parse_date_arg(std::string_view text, const Date& today);

// A contact's moment: a date, optionally with a local time of day.
struct DateTime {
  Date date;
  int minutes = -1;  // minutes after midnight, -1 when only a date is known

  auto operator<=>(const DateTime&) const = default;
  bool has_time() const { return minutes >= 0; }
  // YYYY-MM-DD, YYYY-MM-DDTHH:MM or YYYY-MM-DD HH:MM (seconds are not kept).
  static std::optional<DateTime> parse(std::string_view text);
  std::string str() const;  // YYYY-MM-DDTHH:MM or YYYY-MM-DD
  std::string compact_time() const;  // HHMM for file names ("0000" when none)
};

// A birth date may be known only to the year or month: YYYY, YYYY-MM, YYYY-MM-DD.
bool valid_partial_date(std::string_view text);
// The first day a partial date can mean (1990 -> 1990-01-01); nullopt when
// it is not one. A birth date is in the future when even that day is.
std::optional<Date> earliest_day_of(std::string_view partial);
// The last day it can mean (1990 -> 1990-12-31, 1990-02 -> 1990-02-28).
std::optional<Date> latest_day_of(std::string_view partial);
// Whole years from `born` to `on` (a birthday on 29 February counts on 1 March).
int years_between(const Date& born, const Date& on);

// A new record dated before this is more likely a mistyped year than
// late paperwork, so commands warn (but record it).
inline Date far_past_limit(const Date& today) { return today.add_years(-1); }

}  // namespace caseload
