// caseload init [DIR]: a new store with the default settings.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "caseload/cli/commands.hpp"
#include "caseload/cli/common.hpp"
#include "caseload/cli/git_setup.hpp"
#include "caseload/core/ids.hpp"
#include "caseload/core/text.hpp"
#include "caseload/store/document.hpp"
#include "caseload/store/emit.hpp"
#include "caseload/store/encode.hpp"
#include "caseload/store/fsutil.hpp"
#include "caseload/store/git.hpp"
#include "caseload/store/uncommitted.hpp"

namespace caseload {
namespace {
namespace fs = std::filesystem;

struct InitOptions {
  std::string dir = ".";
  std::string agency;
  std::vector<std::string> workers;
};

Worker parse_worker(const std::string& text) {
  auto colon = text.find(':');
  Worker w{text.substr(0, colon), colon == std::string::npos ? "" : one_line_option(text.substr(colon + 1), "--worker")};
  if (!is_worker_id(w.id)) {
    throw UsageError(fmt::format("--worker: '{}' is not a worker ID", w.id),
                     "worker IDs are lower-case letters, digits and '-', e.g. --worker aoki:Hana Aoki");
  }
  return w;
}

std::string login_name(const Context& ctx) {
  std::string name = ctx.env("USER").value_or(ctx.env("LOGNAME").value_or(""));
  for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return name;
}

// A new store's caseload.yaml: the defaults of default_settings().
YAML::Node settings_tree(const std::string& agency, const std::vector<Worker>& workers) {
  Settings s = default_settings();
  s.agency = agency;
  s.workers = workers;
  s.defaults.worker = workers.front().id;
  return encode_record(s, schemas::settings());
}

// .caseload/ holds the lock, the cache and edit copies, and `.NAME.tmp-*`
// are the temporary files of writes cut short (check reports them): never
// for git, so that not even `git add -A` takes them in.
void ignore_local_state(const fs::path& dir) {
  std::string text = read_store_file_or_empty(dir, ".gitignore");
  const auto lines = split_lines(text);
  auto has = [&](std::initializer_list<std::string_view> forms) {
    return std::any_of(lines.begin(), lines.end(),
                       [&](const std::string& l) { return std::find(forms.begin(), forms.end(), l) != forms.end(); });
  };
  std::string add;
  if (!has({".caseload/", ".caseload", "/.caseload/", "/.caseload"})) add += ".caseload/\n";
  if (!has({".*.tmp-*"})) add += ".*.tmp-*\n";
  if (add.empty()) return;
  if (!text.empty() && text.back() != '\n') text += '\n';
  atomic_write(dir / ".gitignore", text + add);
}

// A store is versioned from its first commit, when git is installed and the
// folder is not inside some other repository (which is never touched).
void version_store(const fs::path& dir, const std::string& worker, Context& ctx) {
  if (!git_available()) return;
  auto top = repository_top(dir);
  if (top && !same_folder(*top, dir)) {
    ctx.err << fmt::format("caseload: note: {} is inside the git repository at {}; no repository was created "
                           "and changes are not committed\n",
                           dir.string(), top->string());
    return;
  }
  if (!top) {
    std::error_code ec;
    const bool had_git = fs::exists(fs::symlink_status(dir / ".git", ec));
    GitResult r = run_git(dir, {"init", "-q"});
    if (!r.ok()) {
      // A half-made .git (a full disk) would take every later commit
      // silently nowhere: the store is left truly without git instead.
      if (!had_git) fs::remove_all(dir / ".git", ec);
      throw Error(fmt::format("git init failed: {}", r.message()),
                  had_git ? "the store was created, but its .git is damaged; move it away and run `caseload git init`"
                          : "the store was created without git (the half-made .git was removed)");
    }
  }
  prepare_repository(dir, ctx);
  const std::vector<std::string> files{".gitignore", ".gitattributes", "caseload.yaml"};
  // Listed like any write's files, so the next command that writes (or
  // `check --fix`) commits them when this commit fails.
  for (const auto& f : files) remember_uncommitted(dir, f);
  auto args = identity_args(dir, worker);
  args.insert(args.end(), {"commit", "-q", "-m", "init", "--"});
  args.insert(args.end(), files.begin(), files.end());
  std::vector<std::string> add{"add", "--"};
  add.insert(add.end(), files.begin(), files.end());
  for (const auto& step : {add, args}) {
    GitResult r = run_git(dir, step);
    if (!r.ok()) throw Error(fmt::format("git {} failed: {}", step.front(), r.message()),
                             "the store was created; the next command that writes, or `caseload check --fix`, "
                             "commits it");
  }
  forget_uncommitted(dir);
}

int run_init(const InitOptions& o, Context& ctx) {
  const fs::path dir = fs::absolute(ctx.cwd / o.dir).lexically_normal();
  if (fs::exists(dir / "caseload.yaml")) {
    throw Error(fmt::format("{} is already a caseload store", dir.string()), "nothing was changed");
  }
  std::vector<Worker> workers;
  for (const auto& w : o.workers) workers.push_back(parse_worker(w));
  if (workers.empty()) {
    const std::string login = login_name(ctx);
    if (!is_worker_id(login)) {
      throw UsageError("no worker: pass --worker ID[:NAME]", "the login name is not usable as a worker ID");
    }
    workers.push_back({login, ""});
  }
  const std::string agency = o.agency.empty() ? "" : one_line_option(o.agency, "--agency");
  make_private_dirs(dir);
  make_private_dirs(dir / "clients");
  make_private_dirs(dir / "resources");
  ignore_local_state(dir);
  // caseload.yaml last: until it exists the folder is not a store.
  atomic_write(dir / "caseload.yaml", emit_canonical(settings_tree(agency, workers), schemas::settings()));
  if (!ctx.global.quiet) ctx.out << fmt::format("Created a caseload store in {}\n", dir.string());
  try {
    version_store(dir, workers.front().id, ctx);
  } catch (const Error& e) {  // the store exists and works without git: say so, do not fail
    ctx.err << fmt::format("caseload: warning: {}\n  hint: {}\n", e.what(), e.hint());
  }
  return k_exit_ok;
}

}  // namespace

void setup_init(CLI::App& app, Runner& run) {
  auto o = std::make_shared<InitOptions>();
  auto* cmd = add_command(app, run, "init", "Create a store (caseload.yaml, clients/, resources/)", o, run_init);
  cmd->add_option("dir", o->dir, "Folder of the new store (default: here)");
  cmd->add_option("--agency", o->agency, "The agency's name");
  cmd->add_option("--worker", o->workers, "A worker as ID[:NAME]; repeatable; the first is the default")
      ->allow_extra_args(false);
}

}  // namespace caseload
