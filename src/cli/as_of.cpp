#include "caseload/cli/as_of.hpp"

#include <fmt/format.h>

#include "caseload/cli/common.hpp"
#include "caseload/core/errors.hpp"

namespace caseload {

void add_as_of_option(CLI::App* command, std::string& as_of) {
  command->add_option("--as-of", as_of,
                      "The store as it was at the end of this day, read from its git history (e.g. 2026-03-01, -1m)");
}

StoreForReading open_for_reading(const Context& ctx, const std::string& as_of) {
  StoreForReading s;
  const Date now = ctx.today();
  if (as_of.empty()) {
    s.present.emplace(ctx.open_store());
    s.today = now;
    return s;
  }
  const Date day = parse_date_option(as_of, "--as-of", now);
  // The end of a later day has not come: no commit can say how it ends.
  if (day > now)
    throw UsageError(fmt::format("--as-of {} is after today ({}): the store's history has no such day yet", day.str(),
                                 now.str()),
                     "give today or an earlier date");
  s.past.emplace(open_store_as_of(ctx.store_root(), day));
  s.today = ctx.global.today.empty() ? day : now;
  return s;
}

}  // namespace caseload
