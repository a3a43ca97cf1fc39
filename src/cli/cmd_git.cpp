// caseload git ARGS... (git in the store) and caseload log CLIENT (a client's
// history from git: who changed which files and fields, when).
#include <fmt/format.h>


#include "caseload/cli/autocommit.hpp"
#include "caseload/cli/commands.hpp"
#include "caseload/cli/common.hpp"
#include "caseload/core/errors.hpp"
#include "caseload/core/text.hpp"
#include "caseload/report/json.hpp"
#include "caseload/store/document.hpp"
#include "caseload/store/git.hpp"
#include "caseload/store/record_diff.hpp"
#include "caseload/store/record_types.hpp"

namespace caseload {
namespace {

struct GitOptions {
  const CLI::App* command = nullptr;  // git's arguments are what CLI11 left unparsed
};
struct LogOptions {
  std::string client;
};

int run_git_command(const GitOptions& o, Context& ctx) {
  const Store store = ctx.open_store(OnBadSettings::Allow);
  ctx.out.flush();
  return run_git_inherit(store.root(), o.command->remaining());
}

struct FileChange {
  std::string path;    // relative to the client's folder
  std::string change;  // added, changed, deleted
  std::vector<std::string> fields;
};

struct Commit {
  std::string hash, date, author, message;
  std::vector<FileChange> files;
  std::string worker;  // the Caseload-Worker trailer; empty in commits made before it or by hand
};

// The record at `rev:path`, or an empty tree when it is absent or unreadable
// there (the diff then names the whole record). Read with the limit of any
// record, so a huge blob in a shared history costs no memory.
YAML::Node record_at(const Store& store, const std::string& rev, const std::string& path) {
  const RecordType* type = record_type_for_path(path);
  GitResult r = run_git(store.root(), {"show", rev + ":" + path}, k_max_file_bytes + 1);
  if (!r.ok() || !type) return YAML::Node(YAML::NodeType::Map);
  try {
    return parse_document(path, r.out, *type->schema).root;
  } catch (const Error&) {
    return YAML::Node(YAML::NodeType::Map);
  }
}

FileChange file_change(const Store& store, const Commit& c, char status, const std::string& path,
                       const std::string& folder) {
  FileChange f{path.substr(folder.size() + 1), "changed", {}};
  if (status == 'A') f.change = "added";
  if (status == 'D') f.change = "deleted";
  if (status == 'M') f.fields = changed_fields(record_at(store, c.hash + "^", path), record_at(store, c.hash, path));
  return f;
}

// One header per commit: hash, date, author, subject and the acting
// worker's trailer (the last one, should a hand edit have added two).
std::string worker_format() {
  return fmt::format("--format=%x1e%H%x1f%ad%x1f%an%x1f%s%x1f%(trailers:key={},valueonly,separator=%x1d)",
                     k_worker_trailer);
}

// The acting worker, and git's author when it says something else (a shared
// machine's identity); a commit without the trailer shows its author.
std::string who(const Commit& c) {
  if (c.worker.empty()) return c.author;
  return c.author == c.worker ? c.worker : fmt::format("{} ({})", c.worker, c.author);
}

// `git log` with one record-separated header per commit, then its files.
std::vector<Commit> client_history(const Store& store, const std::string& id) {
  const std::string folder = "clients/" + id;
  GitResult r = run_git(store.root(), {"log", "--no-renames", "--date=format-local:%Y-%m-%d %H:%M",
                                       worker_format(), "--name-status", "--", folder});
  if (!r.ok()) throw Error(fmt::format("git log failed: {}", r.message()), "is the store a git repository?");
  std::vector<Commit> commits;
  for (const auto& line : split_lines(r.out)) {
    if (line.empty()) continue;
    if (line.front() == '\x1e') {
      std::vector<std::string> f = split(std::string_view(line).substr(1), '\x1f');
      f.resize(5);
      const auto workers = split(f[4], '\x1d');
      commits.push_back({f[0], f[1], f[2], f[3], {}, workers.empty() ? "" : trim(workers.back())});
    } else if (!commits.empty() && line.size() > 2 && line[1] == '\t') {
      commits.back().files.push_back(file_change(store, commits.back(), line[0], line.substr(2), folder));
    }
  }
  return commits;
}

// Authors, messages, paths and keys come from a shared repository: never raw.
void print_table(std::ostream& out, const std::vector<Commit>& commits) {
  for (const auto& c : commits) {
    out << escape_for_terminal(fmt::format("{}  {}  {}", c.date, who(c), c.message)) << '\n';
    for (const auto& f : c.files) {
      out << fmt::format("    {:<8} {}", f.change, escape_for_terminal(f.path));
      if (!f.fields.empty()) {
        out << ':';
        for (size_t i = 0; i < f.fields.size(); ++i) out << (i ? ", " : " ") << escape_for_terminal(f.fields[i]);
      }
      out << '\n';
    }
  }
}

void print_json(std::ostream& out, const std::vector<Commit>& commits) {
  JsonWriter w(out);
  w.begin_array();
  for (const auto& c : commits) {
    w.begin_object();
    w.key("commit"), w.value(c.hash);
    w.key("date"), w.value(c.date);
    w.key("author"), w.value(c.author);
    w.key("message"), w.value(c.message);
    w.key("files"), w.begin_array();
    for (const auto& f : c.files) {
      w.begin_object();
      w.key("path"), w.value(f.path);
      w.key("change"), w.value(f.change);
      w.key("fields"), w.value(f.fields);
      w.end_object();
    }
    w.end_array();
    w.key("worker"), w.value(std::optional<std::string>(c.worker));
    w.end_object();
  }
  w.end_array();
}

int run_log(const LogOptions& o, Context& ctx) {
  const std::string format = ctx.format("table", {"table", "json"});
  const Store store = ctx.open_store(OnBadSettings::Allow);
  if (!is_own_repository(store.root()))
    throw Error("the store is not a git repository of its own, so it has no history",
                "stores made by `caseload init` outside any repository are versioned from the start");
  const std::string id = resolve_client_id(store, o.client);
  const auto commits = client_history(store, id);
  if (format == "json") {
    print_json(ctx.out, commits);
  } else if (commits.empty()) {
    if (!ctx.global.quiet) ctx.out << fmt::format("No history for {}: nothing about it was committed yet\n", id);
  } else {
    print_table(ctx.out, commits);
  }
  return k_exit_ok;
}

}  // namespace

void setup_git(CLI::App& app, Runner& run) {
  auto g = std::make_shared<GitOptions>();
  auto* git = add_command(app, run, "git", "Run git in the store (git -C <root> ARGS...)", g, run_git_command);
  git->prefix_command();  // everything after `git` is git's, options included
  g->command = git;
  auto l = std::make_shared<LogOptions>();
  auto* log = add_command(app, run, "log", "A client's change history from git: date, author, command, files and fields",
                          l, run_log);
  takes_format(log);
  log->add_option("client", l->client, "Client ID, ID prefix or name")->required();
}

}  // namespace caseload
