#pragma once
// --date on the commands that change the state of a record (plan done and
// status, referral, enrollment, close, reopen): the day the change happened,
// when it is recorded later than it happened. One rule for all of them:
// today when the option is not given; a date in the future is a usage error
// (a change cannot have happened yet); more than a year back is recorded
// with a warning (most likely a mistyped year); a date before the record it
// changes (closing before the case opened) is a usage error.
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "caseload/cli/context.hpp"

namespace caseload {

// Adds --date to a command; `what` is the change, for --help ("the day the task was done").
// `older_name`: a name the option had before, still accepted ("--decided").
CLI::Option* add_change_date_option(CLI::App* command, std::string& value, const std::string& what,
                                    const std::string& older_name = "");

// The option as given (parsed, not in the future, warned when far back);
// `what` names the change in errors: "the closing date".
struct ChangeDate {
  Date date;
  bool given = false;  // false: today, by default
  std::string what;
};
ChangeDate parse_change_date(Context& ctx, const std::string& value, const Date& today, const std::string& what);

// Refuses a date before `earliest`, the date of the record it changes;
// `earliest_what` says what that date is ("the case was opened").
// Nothing when `earliest` is unknown or --date was not given.
void refuse_change_before(const ChangeDate& change, const std::optional<Date>& earliest,
                          const std::string& earliest_what);

}  // namespace caseload
