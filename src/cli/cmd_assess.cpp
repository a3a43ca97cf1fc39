#include "caseload/cli/commands.hpp"
namespace caseload {
void setup_assess(CLI::App& app, Runner& run) { (void)app; (void)run; }
}  // namespace caseload
