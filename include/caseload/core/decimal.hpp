#pragma once
// Exact decimal numbers with two places, for money and for the limits of
// program criteria: a count of hundredths in 64 bits, never binary floating
// point, so 0.10 + 0.20 is 0.30 and a budget adds up to the cent.
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace caseload {

struct Decimal {
  std::int64_t hundredths = 0;

  // "1234", "1234.5", "1234.50", also "1234,50" (a decimal comma, as
  // Finnish, Norwegian and Indonesian write it); a leading '-' only when
  // `allow_negative`. No thousands separators, at most 12 digits before the
  // point and 2 after it. nullopt for anything else.
  static std::optional<Decimal> parse(std::string_view text, bool allow_negative = false);
  static Decimal whole(std::int64_t n) { return Decimal{n * 100}; }
  // "1234.50", "-3.00": the form records store.
  std::string str() const;
  // "1234.5" -> "1234.50" for money, "65" for whole numbers.
  std::string short_str() const;

  auto operator<=>(const Decimal&) const = default;
  Decimal operator+(Decimal o) const { return {hundredths + o.hundredths}; }
  Decimal operator-(Decimal o) const { return {hundredths - o.hundredths}; }
  Decimal& operator+=(Decimal o) {
    hundredths += o.hundredths;
    return *this;
  }
  // Divided by n, rounded half away from zero to the hundredth.
  Decimal divided_by(std::int64_t n) const;
};

// For messages: what Decimal::parse takes.
inline constexpr std::string_view k_amount_forms =
    "an amount such as 1234.50 (a decimal point or comma, no thousands separators)";

// A sum of recurring amounts (choices::every: week, month, year), kept
// exact in twelfths of a hundredth until it is rounded once, to the
// hundredth, per month. A budget counts by the month: a week is 52/12 of a
// month, a year 1/12.
class MonthlySum {
 public:
  // `every` is week, month or year; false (nothing added) for anything else.
  bool add(Decimal amount, std::string_view every);
  Decimal monthly() const;

 private:
  std::int64_t twelfths_ = 0;
};

}  // namespace caseload
