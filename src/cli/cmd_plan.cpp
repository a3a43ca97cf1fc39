#include "caseload/cli/commands.hpp"
namespace caseload {
void setup_plan(CLI::App& app, Runner& run) { (void)app; (void)run; }
}  // namespace caseload
