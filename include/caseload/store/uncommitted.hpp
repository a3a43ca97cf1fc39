#pragma once
// The files a command wrote and has not yet committed, listed in
// .caseload/uncommitted (one store path a line) from just before each write
// until its commit. After a kill, a full disk or a busy git, the next
// command's commit takes them in, so no record stays uncommitted for ever;
// temp files are never listed, so none is ever committed (issue 15).
#include <filesystem>
#include <string>
#include <vector>

namespace caseload {

void remember_uncommitted(const std::filesystem::path& root, const std::string& path);
// The listed paths that are store files (records, caseload.yaml,
// .gitignore, .gitattributes), each once;
// anything else a planted list might hold is dropped.
std::vector<std::string> uncommitted_paths(const std::filesystem::path& root);
void forget_uncommitted(const std::filesystem::path& root);

}  // namespace caseload
