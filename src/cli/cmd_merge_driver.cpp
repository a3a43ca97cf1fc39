// caseload merge-driver BASE OURS THEIRS PATH: git's merge driver for the
// store's YAML records (registered in .gitattributes as merge=caseload).
#include "caseload/cli/commands.hpp"
#include "caseload/core/errors.hpp"

namespace caseload {
namespace {

struct MergeDriverOptions {
  std::string base, ours, theirs, path;
};

int run_merge_driver(const MergeDriverOptions&, Context&) {
  throw Error("merge-driver is not implemented yet");
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
