#include "caseload/cli/git_setup.hpp"

#include <fmt/format.h>


#include "caseload/core/text.hpp"
#include "caseload/store/document.hpp"
#include "caseload/store/fsutil.hpp"
#include "caseload/store/git.hpp"

namespace caseload {
namespace fs = std::filesystem;

namespace {

bool has_line(const std::string& text, const std::string& line) { return contains(split_lines(text), line); }

}  // namespace

std::vector<std::string> prepare_repository(const fs::path& root, const Context& ctx) {
  std::vector<std::string> written;
  // A shared repository may hold .gitattributes as a link: read through it,
  // the file it names would be committed and pushed (SECURITY.md).
  std::string text = read_store_file_or_empty(root, ".gitattributes");
  std::string wanted = k_gitattributes;
  wanted.pop_back();  // without its newline, as a line
  if (!has_line(text, wanted)) {
    if (!text.empty() && text.back() != '\n') text += '\n';
    atomic_write(root / ".gitattributes", text + k_gitattributes);
    written.push_back(".gitattributes");
  }
  configure_merge_driver(root, ctx.executable.empty() ? fs::path("caseload") : ctx.executable);
  return written;
}

void check_identity(const fs::path& root, Context& ctx) {
  if (has_identity(root)) return;
  ctx.err << "caseload: note: git has no user.name and user.email here; commits are signed with the worker's ID\n"
             "  hint: set yours with `caseload git config user.name \"...\"` and `caseload git config user.email ...`\n";
}

}  // namespace caseload
