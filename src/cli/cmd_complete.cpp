// caseload __complete WORDS...: the candidates for the last word, one per
// line, for the shell completion scripts of completions/. Hidden from --help.
//
// The commands, options and positionals come from the CLI11 tree itself, so
// a new command completes without a change here; this file only says where
// the values of a positional or an option come from. A line is
// `CANDIDATE` or `CANDIDATE<TAB>DESCRIPTION` (a client's name); the scripts
// show the description where the shell can.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <set>

#include "caseload/cli/commands.hpp"
#include "caseload/cli/common.hpp"
#include "caseload/core/choices.hpp"
#include "caseload/core/followups.hpp"
#include "caseload/core/match.hpp"

namespace caseload {
namespace {

struct Candidate {
  std::string word;
  std::string description;
  bool named = false;  // a client the word names, whose ID need not start with it
};
using Candidates = std::vector<Candidate>;

// Where the completion stands: the deepest command the words name, the
// positionals given to it, and the option whose value the last word is.
struct Position {
  const CLI::App* command = nullptr;
  std::vector<std::string> path;         // command names from the top ("plan", "task", "add")
  std::vector<std::string> positionals;  // words given to the path's commands as positionals
  const CLI::Option* option = nullptr;   // the last word is this option's value
  std::string root;                      // --root given among the words
};

// The option a word names on this command or above it (global options).
const CLI::Option* find_option(const CLI::App* command, const std::string& name) {
  for (const CLI::App* c = command; c; c = c->get_parent()) {
    if (const CLI::Option* o = c->get_option_no_throw(name)) return o;
  }
  return nullptr;
}

const CLI::App* find_subcommand(const CLI::App* command, const std::string& name) {
  for (const CLI::App* sub : command->get_subcommands({})) {
    if (sub->get_name() == name && !sub->get_group().empty()) return sub;
  }
  return nullptr;
}

Position locate(const CLI::App& app, const std::vector<std::string>& before) {
  Position p;
  p.command = &app;
  for (size_t i = 0; i < before.size(); ++i) {
    const std::string& w = before[i];
    if (w.size() > 1 && w[0] == '-') {
      const std::string name = w.substr(0, w.find('='));
      const CLI::Option* o = find_option(p.command, name);
      if (!o || o->get_type_size() == 0 || w.find('=') != std::string::npos) {
        if (name == "--root" && w.find('=') != std::string::npos) p.root = w.substr(w.find('=') + 1);
        continue;
      }
      if (i + 1 == before.size()) {
        p.option = o;
      } else if (name == "--root") {
        p.root = before[i + 1];
      }
      ++i;  // the option's value
    } else if (const CLI::App* sub = find_subcommand(p.command, w)) {
      p.command = sub;
      p.path.push_back(w);
    } else {
      p.positionals.push_back(w);
    }
  }
  return p;
}

void add_all(Candidates& out, const std::vector<std::string_view>& values) {
  for (auto v : values) out.push_back({std::string(v), {}});
}
void add_all(Candidates& out, const std::vector<std::string>& values) {
  for (const auto& v : values) out.push_back({v, {}});
}

// The store, opened for reading only when a candidate needs it; none (no
// store, a broken caseload.yaml) leaves just the static candidates.
class LazyStore {
 public:
  LazyStore(Context& ctx, const std::string& root) : ctx_(ctx), root_(root) {}
  const Store* get() {
    if (!tried_) {
      tried_ = true;
      try {
        if (!root_.empty()) ctx_.global.root = root_;
        store_.emplace(ctx_.open_store(OnBadSettings::Allow));
      } catch (...) {
      }
    }
    return store_ ? &*store_ : nullptr;
  }

 private:
  Context& ctx_;
  std::string root_;
  bool tried_ = false;
  std::optional<Store> store_;
};

// Client IDs starting with the word, and the clients whose name it names,
// by ID with the name (find's folding: `mar` names Maria and Märta).
void add_clients(Candidates& out, const Store& store, const std::string& word) {
  const auto keys = load_client_keys(store, nullptr);
  if (word.empty()) {
    for (const auto& k : keys) out.push_back({k.id, k.name, true});
    return;
  }
  // IDs are upper case; `m6` is as good a start of M6VHQ2 as `M6`.
  std::string upper = word;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  std::set<size_t> found;
  for (size_t i = 0; i < keys.size(); ++i) {
    if (keys[i].id.compare(0, upper.size(), upper) == 0) found.insert(i);
  }
  for (size_t i : find_clients(keys, word)) found.insert(i);
  for (size_t i : found) out.push_back({keys[i].id, keys[i].name, true});
}

// The client a command's first positional names, read alone.
std::optional<ClientRecord> named_client(const Store& store, const Position& p) {
  if (p.positionals.empty()) return std::nullopt;
  Diagnostics ignored;
  return store.load_client(resolve_client_id(store, p.positionals.front()), OnBroken::Skip, &ignored);
}

std::string positional_name(const Position& p) {
  std::vector<const CLI::Option*> positionals;
  // The positionals of every command on the path, in order: `plan CLIENT task add GOAL`.
  std::vector<const CLI::App*> chain;
  for (const CLI::App* c = p.command; c && c->get_parent(); c = c->get_parent()) chain.insert(chain.begin(), c);
  for (const CLI::App* c : chain) {
    for (const CLI::Option* o : c->get_options([](const CLI::Option* o) { return o->get_positional(); }))
      positionals.push_back(o);
  }
  if (p.positionals.size() < positionals.size()) return positionals[p.positionals.size()]->get_name(true);
  return {};
}

// The values of a positional, by its name and command.
void add_positional_values(Candidates& out, const Position& p, const std::string& word, LazyStore& lazy) {
  const std::string name = positional_name(p);
  const std::string top = p.path.empty() ? "" : p.path.front();
  const std::string last = p.path.empty() ? "" : p.path.back();
  if (name.empty()) return;
  if (name == "status" && top == "referral") return add_all(out, choices::referral_status);
  if (name == "status" && top == "enrollment") return add_all(out, choices::enrollment_event);
  if (name == "status" && top == "plan") {
    add_all(out, choices::task_status);
    return add_all(out, choices::goal_status);
  }
  const Store* store = lazy.get();
  if (!store) return;
  const Settings& settings = store->settings();
  if (name == "client" || name == "into" || name == "dup") return add_clients(out, *store, word);
  if (name == "resource" || name == "to" || (name == "id" && top == "resource")) return add_all(out, store->resource_ids());
  if (name == "program" || (name == "id" && top == "program")) {
    for (const auto& pr : settings.programs) out.push_back({pr.id, pr.name});
    return;
  }
  if (name == "id" && top == "worker") {
    for (const auto& w : settings.workers) out.push_back({w.id, w.name});
    return;
  }
  auto client = named_client(*store, p);
  if (!client) return;
  if ((name == "id" || name == "goal") && client->plan) {
    for (const auto& g : client->plan->goals) {
      if (last != "task") out.push_back({g.id, g.text});
      if (name == "goal") continue;
      for (const auto& t : g.tasks) {
        if (last != "goal") out.push_back({t.id, t.text});
      }
    }
  } else if (name == "ref") {
    if (top != "visit") {
      for (const auto& r : client->referrals) out.push_back({r.id, {}});
    }
    if (top != "referral") {
      for (const auto& c : client->contacts) out.push_back({c.id, {}});
    }
  }
}

// The values of an option: its enumeration, or the store's IDs.
void add_option_values(Candidates& out, const Position& p, const CLI::Option& o, const std::string& word,
                       LazyStore& lazy) {
  const std::string name = o.get_name();
  const std::string top = p.path.empty() ? "" : p.path.front();
  if (name == "--kind" && top == "followups") return add_all(out, k_followup_kinds);
  if (name == "--kind" && (top == "contact" || top == "schedule")) return add_all(out, choices::contact_kind);
  if (name == "--kind" && top == "assess") return add_all(out, choices::assessment_kind);
  if (name == "--status" && (top == "contact" || top == "schedule")) return add_all(out, choices::contact_status);
  if (name == "--status" && top == "list") {
    add_all(out, choices::client_status);
    return out.push_back({"all", {}});
  }
  if (name == "--risk") return add_all(out, choices::risk);
  if (name == "--every") return add_all(out, choices::every);
  if (name == "--color") return add_all(out, std::vector<std::string_view>{"auto", "always", "never"});
  const Store* store = lazy.get();
  if (!store) return;
  if (name == "--client") return add_clients(out, *store, word);
  if (name == "--worker") {
    for (const auto& w : store->settings().workers) out.push_back({w.id, w.name});
  }
}

void add_options(Candidates& out, const Position& p) {
  for (const CLI::App* c = p.command; c; c = c->get_parent()) {
    for (const CLI::Option* o : c->get_options()) {
      if (o->get_positional() || o->get_group().empty()) continue;
      for (const auto& l : o->get_lnames()) out.push_back({"--" + l, {}});
    }
  }
}

// Nothing from the store reaches the terminal as a control character: a
// name with an escape sequence, a tab or a newline would break the list.
std::string printable(const std::string& s) {
  std::string r;
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == 0x7f) {
      r += ' ';
    } else if (c == 0xc2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(s[i + 1]) < 0xa0) {
      r += ' ';  // C1 controls (U+0080..U+009F)
      ++i;
    } else {
      r += s[i];
    }
  }
  return r;
}

Candidates candidates(const CLI::App& app, const std::vector<std::string>& words, Context& ctx) {
  const std::string word = words.empty() ? "" : words.back();
  const std::vector<std::string> before(words.begin(), words.end() - (words.empty() ? 0 : 1));
  const Position p = locate(app, before);
  LazyStore lazy(ctx, p.root);
  Candidates out;
  if (p.command->get_prefix_command() && p.command != &app) return out;  // `git`: git's own words
  if (p.option) {
    add_option_values(out, p, *p.option, word, lazy);
    return out;
  }
  if (!word.empty() && word[0] == '-') {
    add_options(out, p);
  } else {
    for (const CLI::App* sub : p.command->get_subcommands({})) {
      if (!sub->get_group().empty()) out.push_back({sub->get_name(), {}});
    }
    add_positional_values(out, p, word, lazy);
  }
  return out;
}

int run_complete(const CLI::App& app, const std::vector<std::string>& words, Context& ctx) {
  Candidates found;
  try {
    found = candidates(app, words, ctx);
  } catch (...) {
    return k_exit_ok;  // a completion never fails noisily: no candidates
  }
  const std::string word = words.empty() ? "" : words.back();
  std::string lines;
  for (const auto& c : found) {
    if (!c.named && c.word.compare(0, word.size(), word) != 0) continue;
    lines += printable(c.word);
    if (!c.description.empty()) lines += "\t" + printable(c.description);
    lines += '\n';
  }
  ctx.out << lines;
  return k_exit_ok;
}

}  // namespace

void setup_complete(CLI::App& app, Runner& run) {
  CLI::App* cmd = app.add_subcommand("__complete", "Completion candidates for the shell scripts");
  cmd->group("");  // hidden: not a command for people
  cmd->prefix_command();
  const CLI::App* top = &app;
  cmd->callback([&run, top, cmd] {
    run = [top, cmd](Context& ctx) { return run_complete(*top, cmd->remaining(), ctx); };
  });
}

}  // namespace caseload
