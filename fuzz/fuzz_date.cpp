// libFuzzer target: any bytes as a date, date-time, period or birth date.
// Dates come from the command line and from every record, and a parsed date
// becomes part of a file name, so whatever parses must be a real calendar
// date that writes back as the same text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "caseload/core/date.hpp"

namespace caseload {
namespace {

void require(bool ok) {
  if (!ok) std::abort();  // libFuzzer keeps the input that broke a promise
}

void check_date(const Date& d) {
  require(valid_date(d.year, d.month, d.day));
  require(Date::parse(d.str()) == d);
  require(Date::from_days(d.days()) == d);
}

void exercise(std::string_view text, const Date& today) {
  if (auto d = Date::parse(text)) check_date(*d);
  if (auto d = parse_date_arg(text, today)) check_date(*d);
  if (auto dt = DateTime::parse(text)) {
    check_date(dt->date);
    require(DateTime::parse(dt->str()) == dt);
    require(dt->compact_time().size() == 4);
  }
  if (auto p = Period::parse(text)) {
    require(Period::parse(p->str()).has_value());
    (void)p->after(today);
    (void)p->before(today);
  }
  (void)valid_partial_date(text);
}

}  // namespace
}  // namespace caseload

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace caseload;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  // The edges of the calendar, where arithmetic on dates overflows first.
  for (const Date& today : {Date{2026, 11, 23}, Date{1, 1, 1}, Date{9999, 12, 31}, Date{2024, 2, 29}}) {
    exercise(text, today);
  }
  return 0;
}
