#pragma once
// --as-of DATE on the commands that only read (list, followups): one line
// in a command's setup adds the option, and open_for_reading gives the store
// the command reads, as it is now or as it was at the end of that day
// (store/past_tree.hpp), with the day it is read on.
#include <CLI/CLI.hpp>
#include <optional>
#include <string>

#include "caseload/cli/context.hpp"
#include "caseload/store/past_tree.hpp"

namespace caseload {

struct StoreForReading {
  std::optional<Store> present;
  std::optional<PastStore> past;  // with --as-of
  // --today, else the --as-of day (a list "as it stood that day"), else
  // CASELOAD_TODAY or the clock.
  Date today;
  const Store& store() const { return past ? past->store : *present; }
};

void add_as_of_option(CLI::App* command, std::string& as_of);

// `as_of` empty: the store now (ctx.open_store()). Else any date form,
// today or earlier: a later one is a usage error.
StoreForReading open_for_reading(const Context& ctx, const std::string& as_of);

}  // namespace caseload
