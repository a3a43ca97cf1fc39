// caseload git ARGS... and caseload log CLIENT.
#include "caseload/cli/commands.hpp"
#include "caseload/core/errors.hpp"

namespace caseload {
namespace {

struct GitOptions {
  std::vector<std::string> args;
};
struct LogOptions {
  std::string client;
};

int run_git_command(const GitOptions&, Context&) { throw Error("git is not implemented yet"); }
int run_log(const LogOptions&, Context&) { throw Error("log is not implemented yet"); }

}  // namespace

void setup_git(CLI::App& app, Runner& run) {
  auto g = std::make_shared<GitOptions>();
  auto* git = add_command(app, run, "git", "Run git in the store", g, run_git_command);
  git->add_option("args", g->args, "git's arguments");
  git->prefix_command();
  auto l = std::make_shared<LogOptions>();
  auto* log = add_command(app, run, "log", "A client's change history from git", l, run_log);
  log->add_option("client", l->client, "Client ID, ID prefix or name")->required();
}

}  // namespace caseload
