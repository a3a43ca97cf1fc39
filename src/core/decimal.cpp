#include "caseload/core/decimal.hpp"

#include <fmt/format.h>

namespace caseload {
namespace {

constexpr std::size_t k_max_whole_digits = 12;

std::int64_t rounded_division(std::int64_t value, std::int64_t by) {
  const std::int64_t half = by / 2;
  return value >= 0 ? (value + half) / by : -((-value + half) / by);
}

}  // namespace

std::optional<Decimal> Decimal::parse(std::string_view text, bool allow_negative) {
  bool negative = false;
  if (!text.empty() && text.front() == '-') {
    if (!allow_negative) return std::nullopt;
    negative = true;
    text.remove_prefix(1);
  }
  const std::size_t point = text.find_first_of(".,");
  const std::string_view whole = text.substr(0, point);
  const std::string_view fraction = point == std::string_view::npos ? std::string_view{} : text.substr(point + 1);
  auto digits = [](std::string_view s) { return s.find_first_not_of("0123456789") == std::string_view::npos; };
  if (whole.empty() || whole.size() > k_max_whole_digits || !digits(whole)) return std::nullopt;
  if (point != std::string_view::npos && (fraction.empty() || fraction.size() > 2 || !digits(fraction)))
    return std::nullopt;
  std::int64_t n = 0;
  for (char c : whole) n = n * 10 + (c - '0');
  n *= 100;
  if (!fraction.empty()) n += (fraction[0] - '0') * 10 + (fraction.size() == 2 ? fraction[1] - '0' : 0);
  return Decimal{negative ? -n : n};
}

std::string Decimal::str() const {
  const std::int64_t a = hundredths < 0 ? -hundredths : hundredths;
  return fmt::format("{}{}.{:02}", hundredths < 0 ? "-" : "", a / 100, a % 100);
}

std::string Decimal::short_str() const {
  if (hundredths % 100 == 0) return fmt::format("{}", hundredths / 100);
  return str();
}

Decimal Decimal::divided_by(std::int64_t n) const { return Decimal{rounded_division(hundredths, n)}; }

bool MonthlySum::add(Decimal amount, std::string_view every) {
  // In twelfths of a month's hundredth: a week is 52/12, a month 12/12, a year 1/12.
  const std::int64_t factor = every == "week" ? 52 : every == "month" ? 12 : every == "year" ? 1 : 0;
  if (factor == 0) return false;
  twelfths_ += amount.hundredths * factor;
  return true;
}

Decimal MonthlySum::monthly() const { return Decimal{rounded_division(twelfths_, 12)}; }

}  // namespace caseload
