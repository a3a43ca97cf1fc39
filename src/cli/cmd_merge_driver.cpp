// caseload merge-driver BASE OURS THEIRS PATH: git's merge driver for the
// store's YAML records (registered in .gitattributes as merge=caseload).
// Git runs it for a file changed on both sides and reads the result from
// OURS: exit 0 when it merged, non-zero when conflicts are left in it.
#include <fmt/format.h>

#include <fstream>
#include <iterator>

#include "caseload/cli/commands.hpp"
#include "caseload/core/errors.hpp"
#include "caseload/store/fsutil.hpp"
#include "caseload/store/git.hpp"
#include "caseload/store/merge.hpp"
#include "caseload/store/record_types.hpp"
#include "caseload/store/store.hpp"

namespace caseload {
namespace {

struct MergeDriverOptions {
  std::string base, ours, theirs, path;
};

std::string read_bytes(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw Error(fmt::format("merge-driver: cannot read {}", file), "git passes three readable files");
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Git's own line merge, for files that are not records we can read: OURS
// ends up with both sides (between markers where they clash), as without
// the driver, so nothing is lost.
int line_merge(const MergeDriverOptions& o, const std::string& path, Context& ctx) {
  GitResult r = run_git({}, {"merge-file", "-L", "ours", "-L", "base", "-L", "theirs", o.ours, o.base, o.theirs});
  if (r.status == 127) throw Error(fmt::format("{}: cannot merge: {}", path, r.message()), "install git");
  if (r.ok()) return k_exit_ok;
  ctx.err << fmt::format("{}: conflict (merged line by line)\n", path);
  return k_exit_error;
}

int report(const std::string& path, const MergeResult& result, Context& ctx) {
  // Field paths and IDs only: the values are personal data.
  for (const auto& field : result.conflicts) ctx.err << fmt::format("{}: conflict in {}\n", path, field);
  if (result.clean()) return k_exit_ok;
  // The driver runs under `caseload sync` and under a plain git merge alike.
  ctx.err << "hint: keep one value between the <<<<<<< ours and >>>>>>> theirs markers, then run "
             "`caseload sync --continue` (in a merge of your own: `caseload check`, then `git add` the file)\n";
  return k_exit_error;
}

int run_merge_driver(const MergeDriverOptions& o, Context& ctx) {
  const std::string path = o.path.empty() ? o.ours : o.path;
  const RecordType* type = record_type_for_path(path);
  if (!type) return line_merge(o, path, ctx);
  MergeResult result;
  try {
    result = merge_records(path, read_bytes(o.base), read_bytes(o.ours), read_bytes(o.theirs), *type->schema);
  } catch (const DataError& e) {
    ctx.err << fmt::format("{}: {}; merging it line by line\n", e.where().str(), e.message());
    return line_merge(o, path, ctx);
  }
  atomic_write(o.ours, result.text);
  return report(path, result, ctx);
}

}  // namespace

void setup_merge_driver(CLI::App& app, Runner& run) {
  auto o = std::make_shared<MergeDriverOptions>();
  auto* cmd = add_command(app, run, "merge-driver", "Git's merge driver for the store's records (see caseload(5))", o,
                          run_merge_driver);
  cmd->add_option("base", o->base, "The common ancestor's version (%O)")->required();
  cmd->add_option("ours", o->ours, "Our version, overwritten with the result (%A)")->required();
  cmd->add_option("theirs", o->theirs, "Their version (%B)")->required();
  cmd->add_option("path", o->path, "The file's path in the store (%P)");
}

}  // namespace caseload
