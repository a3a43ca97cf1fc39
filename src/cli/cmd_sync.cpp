// caseload clone URL [DIR] and caseload sync: sharing a store through git.
#include "caseload/cli/commands.hpp"
#include "caseload/core/errors.hpp"

namespace caseload {
namespace {

struct CloneOptions {
  std::string url;
  std::string dir;
};
struct SyncOptions {};

int run_clone(const CloneOptions&, Context&) { throw Error("clone is not implemented yet"); }
int run_sync(const SyncOptions&, Context&) { throw Error("sync is not implemented yet"); }

}  // namespace

void setup_sync(CLI::App& app, Runner& run) {
  auto c = std::make_shared<CloneOptions>();
  auto* clone = add_command(app, run, "clone", "Clone a shared store and configure it", c, run_clone);
  clone->add_option("url", c->url, "The shared repository")->required();
  clone->add_option("dir", c->dir, "Where to put it (default: the repository's name)");
  auto s = std::make_shared<SyncOptions>();
  add_command(app, run, "sync", "Pull (rebase) and push the shared store", s, run_sync);
}

}  // namespace caseload
