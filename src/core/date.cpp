#include "caseload/core/date.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>

namespace caseload {
namespace {

std::optional<int> parse_digits(std::string_view text, size_t count) {
  if (text.size() != count) return std::nullopt;
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

}  // namespace

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr std::array<int, 12> k_days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && is_leap(year)) return 29;
  return k_days[static_cast<size_t>(month - 1)];
}

bool valid_date(int year, int month, int day) {
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
         day <= days_in_month(year, month);
}

std::optional<Date> Date::parse(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto y = parse_digits(text.substr(0, 4), 4);
  auto m = parse_digits(text.substr(5, 2), 2);
  auto d = parse_digits(text.substr(8, 2), 2);
  if (!y || !m || !d || !valid_date(*y, *m, *d)) return std::nullopt;
  return Date{*y, *m, *d};
}

// Howard Hinnant's days_from_civil / civil_from_days.
long Date::days() const {
  const int y = year - (month <= 2 ? 1 : 0);
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned mp = static_cast<unsigned>(month + (month > 2 ? -3 : 9));
  const unsigned doy = (153 * mp + 2) / 5 + static_cast<unsigned>(day) - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

Date Date::from_days(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long y = static_cast<long>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return Date{static_cast<int>(y + (m <= 2 ? 1 : 0)), static_cast<int>(m), static_cast<int>(d)};
}

int Date::weekday() const {
  // 1970-01-01 was a Thursday (3 when Monday is 0).
  long w = (days() + 3) % 7;
  return static_cast<int>(w < 0 ? w + 7 : w);
}

std::string Date::str() const { return fmt::format("{:04}-{:02}-{:02}", year, month, day); }

Date Date::add_months(int n) const {
  const long total = static_cast<long>(year) * 12 + (month - 1) + n;
  // Floor division: before year 0 the remainder is negative, and a month
  // of 0 or less would index outside the table of month lengths.
  long y = total / 12;
  long m = total % 12;
  if (m < 0) {
    m += 12;
    --y;
  }
  const int month_of_year = static_cast<int>(m) + 1;
  return Date{static_cast<int>(y), month_of_year, std::min(day, days_in_month(static_cast<int>(y), month_of_year))};
}

long days_between(const Date& from, const Date& to) { return to.days() - from.days(); }

std::optional<Period> Period::parse(std::string_view text) {
  if (text.size() < 2 || text.size() > 6) return std::nullopt;
  char unit = static_cast<char>(std::tolower(static_cast<unsigned char>(text.back())));
  if (unit != 'd' && unit != 'w' && unit != 'm' && unit != 'y') return std::nullopt;
  int count = 0;
  auto digits = text.substr(0, text.size() - 1);
  auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), count);
  if (ec != std::errc() || ptr != digits.data() + digits.size() || count < 0) return std::nullopt;
  return Period{count, unit};
}

std::optional<Period> parse_cadence(std::string_view text) {
  auto p = Period::parse(text);
  if (!p || p->count < 1) return std::nullopt;
  const int most = p->unit == 'd' ? 3650 : p->unit == 'w' ? 520 : p->unit == 'm' ? 120 : 10;
  if (p->count > most) return std::nullopt;
  return p;
}

Date Period::after(const Date& from) const {
  switch (unit) {
    case 'w': return from.add_days(7L * count);
    case 'm': return from.add_months(count);
    case 'y': return from.add_years(count);
    default: return from.add_days(count);
  }
}

Date Period::before(const Date& from) const {
  Period back{-count, unit};
  return back.after(from);
}

std::string Period::str() const { return fmt::format("{}{}", count, unit); }

namespace {

std::optional<Date> resolve_date_arg(std::string_view raw, const Date& today) {
  const std::string text = lower(raw);
  if (auto d = Date::parse(text)) return d;
  if (text == "today") return today;
  if (text == "tomorrow") return today.add_days(1);
  if (text == "yesterday") return today.add_days(-1);
  if (text == "eow") return today.add_days(6 - today.weekday());  // through Sunday
  if (text == "eom") return Date{today.year, today.month, days_in_month(today.year, today.month)};
  if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
    auto period = Period::parse(std::string_view(text).substr(1));
    if (!period) return std::nullopt;
    return text[0] == '+' ? period->after(today) : period->before(today);
  }
  static constexpr std::array<std::string_view, 7> k_days = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  for (int i = 0; i < 7; ++i) {
    const auto& name = k_days[static_cast<size_t>(i)];
    if (text.size() >= 3 && name.substr(0, text.size()) == text) {
      int ahead = (i - today.weekday() + 7) % 7;
      return today.add_days(ahead == 0 ? 7 : ahead);  // the next one, never today
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<Date> parse_date_arg(std::string_view raw, const Date& today) {
  auto date = resolve_date_arg(raw, today);
  // "+99999y" is a period, but not a date the store can write (YYYY-MM-DD).
  if (date && !valid_date(date->year, date->month, date->day)) return std::nullopt;
  return date;
}

std::optional<DateTime> DateTime::parse(std::string_view text) {
  if (text.size() == 10) {
    if (auto d = Date::parse(text)) return DateTime{*d, -1};
    return std::nullopt;
  }
  if (text.size() != 16 && text.size() != 19) return std::nullopt;
  if (text[10] != 'T' && text[10] != ' ') return std::nullopt;
  auto d = Date::parse(text.substr(0, 10));
  if (!d || text[13] != ':') return std::nullopt;
  auto h = parse_digits(text.substr(11, 2), 2);
  auto m = parse_digits(text.substr(14, 2), 2);
  if (!h || !m || *h > 23 || *m > 59) return std::nullopt;
  if (text.size() == 19) {
    auto s = parse_digits(text.substr(17, 2), 2);
    if (text[16] != ':' || !s || *s > 59) return std::nullopt;
  }
  return DateTime{*d, *h * 60 + *m};
}

std::string DateTime::str() const {
  if (!has_time()) return date.str();
  return fmt::format("{}T{:02}:{:02}", date.str(), minutes / 60, minutes % 60);
}

std::string DateTime::compact_time() const {
  if (!has_time()) return "0000";
  return fmt::format("{:02}{:02}", minutes / 60, minutes % 60);
}

bool valid_partial_date(std::string_view text) {
  if (text.size() == 4) return parse_digits(text, 4).value_or(0) >= 1;
  if (text.size() == 7) {
    auto y = parse_digits(text.substr(0, 4), 4);
    auto m = parse_digits(text.substr(5, 2), 2);
    return text[4] == '-' && y && m && valid_date(*y, *m, 1);
  }
  return Date::parse(text).has_value();
}

std::optional<Date> earliest_day_of(std::string_view partial) {
  if (!valid_partial_date(partial)) return std::nullopt;
  if (partial.size() == 4) return Date::parse(std::string(partial) + "-01-01");
  if (partial.size() == 7) return Date::parse(std::string(partial) + "-01");
  return Date::parse(partial);
}

std::optional<Date> latest_day_of(std::string_view partial) {
  if (!valid_partial_date(partial)) return std::nullopt;
  if (partial.size() == 4) return Date::parse(std::string(partial) + "-12-31");
  if (partial.size() == 7) {
    auto first = Date::parse(std::string(partial) + "-01");
    if (!first) return std::nullopt;
    return Date{first->year, first->month, days_in_month(first->year, first->month)};
  }
  return Date::parse(partial);
}

int years_between(const Date& born, const Date& on) {
  int years = on.year - born.year;
  if (on.month < born.month || (on.month == born.month && on.day < born.day)) --years;
  return years;
}

}  // namespace caseload
