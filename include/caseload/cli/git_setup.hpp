#pragma once
// Making a store's git repository ready for the program: the attributes that
// send YAML records to caseload's merge driver, and the driver's configuration
// (which git keeps in .git/config, so every clone needs it again).
#include <filesystem>
#include <string>

#include "caseload/cli/context.hpp"

namespace caseload {

// Writes .gitattributes (when it lacks the line) and configures the merge
// driver. Returns the root-relative files it wrote.
std::vector<std::string> prepare_repository(const std::filesystem::path& root, const Context& ctx);

// A warning on ctx.err when git has no user.name / user.email here: commits
// would then be signed by the acting worker's ID.
void check_identity(const std::filesystem::path& root, Context& ctx);

}  // namespace caseload
