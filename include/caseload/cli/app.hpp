#pragma once
#include "caseload/cli/context.hpp"

namespace caseload {

// Parses the command line and runs the chosen command; returns the exit code.
// caseload::Error escapes to the caller (main), which reports it once.
int run_cli(int argc, const char* const* argv, Context& ctx);

}  // namespace caseload
