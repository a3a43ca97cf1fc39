#include "caseload/cli/change_date.hpp"

#include <fmt/format.h>

#include "caseload/cli/common.hpp"
#include "caseload/core/errors.hpp"

namespace caseload {

namespace {
constexpr const char* k_flag = "--date";
}

CLI::Option* add_change_date_option(CLI::App* command, std::string& value, const std::string& what,
                                    const std::string& older_name) {
  const std::string names = older_name.empty() ? std::string(k_flag) : fmt::format("{},{}", k_flag, older_name);
  return command->add_option(names, value, fmt::format("{} (default: today; not in the future)", what));
}

ChangeDate parse_change_date(Context& ctx, const std::string& value, const Date& today, const std::string& what) {
  if (value.empty()) return {today, false, what};
  const Date date = parse_date_option(value, k_flag, today);
  refuse_future_date(date, today, k_flag, what,
                     "for a past date write e.g. -3d, yesterday or 2026-11-02; a change is recorded once it has happened");
  warn_far_past_date(ctx, date, today, k_flag);
  return {date, true, what};
}

void refuse_change_before(const ChangeDate& change, const std::optional<Date>& earliest,
                          const std::string& earliest_what) {
  // Only a date given: the default, today, is refused by the rules of the
  // command itself (e.g. a referral history dated after today).
  if (!change.given || !earliest || change.date >= *earliest) return;
  throw UsageError(fmt::format("{}: {} cannot be before {} ({} is before {}); nothing was written", k_flag,
                               change.what, earliest_what, change.date.str(), earliest->str()),
                   fmt::format("give a date on or after {}", earliest->str()));
}

}  // namespace caseload
