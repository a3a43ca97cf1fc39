// caseload check: every problem in the store, as path:line:col: error|warning: message.
#include <fmt/format.h>

#include "caseload/cli/commands.hpp"
#include "caseload/store/validate.hpp"

namespace caseload {
namespace {

struct CheckOptions {};

int run_check(const CheckOptions&, Context& ctx) {
  Diagnostics found;
  try {
    Store store = ctx.open_store(OnBadSettings::Allow);
    found = check_store(store, ctx.today());
  } catch (const DataError& e) {  // caseload.yaml itself is broken
    found.push_back({e.where(), Severity::Error, e.message()});
  }
  size_t errors = 0;
  for (const auto& d : found) {
    ctx.out << d.str() << '\n';
    if (d.severity == Severity::Error) ++errors;
  }
  if (!ctx.global.quiet && !found.empty()) {
    ctx.err << fmt::format("{} error{}, {} warning{}\n", errors, errors == 1 ? "" : "s", found.size() - errors,
                           found.size() - errors == 1 ? "" : "s");
  }
  return errors > 0 ? k_exit_findings : k_exit_ok;
}

}  // namespace

void setup_check(CLI::App& app, Runner& run) {
  add_command(app, run, "check", "Validate the whole store; exit 3 when there are errors",
              std::make_shared<CheckOptions>(), run_check);
}

}  // namespace caseload
