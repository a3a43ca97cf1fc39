// caseload remove CLIENT --yes and caseload merge-client DUP INTO: a client
// recorded by mistake (twice, or not at all) taken out of the store by
// command. Both change the store in one commit; git history keeps every
// file, and the output says how to get them back.
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <map>

#include "caseload/cli/commands.hpp"
#include "caseload/cli/common.hpp"
#include "caseload/core/plan.hpp"
#include "caseload/core/text.hpp"
#include "caseload/store/decode.hpp"
#include "caseload/store/fsutil.hpp"
#include "caseload/store/git.hpp"
#include "caseload/store/schema.hpp"

namespace caseload {
namespace {
namespace fs = std::filesystem;

struct RemoveOptions {
  std::string client, into;
  bool yes = false;
};

// Every file in the client's folder, root-relative, sorted (folders walked,
// links not followed: a link is a file here).
std::vector<std::string> folder_files(const Store& store, const std::string& id) {
  std::vector<std::string> files;
  const fs::path dir = store.root() / Store::client_dir(id);
  for (auto it = fs::recursive_directory_iterator(dir); it != fs::recursive_directory_iterator(); ++it) {
    if (it->is_symlink() || !it->is_directory()) files.push_back(fs::relative(it->path(), store.root()).generic_string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// Deletes the files of a client's folder, then the folder, while the
// transaction holds the store lock; each path goes into the journal, so that
// autocommit commits the deletion.
void remove_folder(const Transaction&, const Store& store, const std::string& id, const std::vector<std::string>& files) {
  for (const auto& path : files) {
    refuse_links_inside(store.root(), path);  // never delete outside the store through a linked folder
    store.note_writing(path);  // a removal left uncommitted is committed by the next write
    std::error_code ec;
    fs::remove(store.root() / path, ec);
    if (ec) throw Error(fmt::format("cannot remove {}: {}", path, ec.message()), "check the folder's permissions");
    store.note_written(path);
  }
  std::error_code ec;
  fs::remove_all(store.root() / Store::client_dir(id), ec);  // only empty folders are left
}

// Where the removed files can be found again, or that they cannot.
std::string history_note(const Store& store, const std::string& id) {
  const auto top = repository_top(store.root());
  if (!top || !same_folder(*top, store.root()) || !store.settings().git.autocommit)
    return "the store is not versioned by caseload, so no copy was kept";
  return fmt::format("git history keeps them: `caseload git log --stat -- {0}`; to restore them, `caseload git "
                     "checkout HEAD~1 -- {0}`",
                     Store::client_dir(id));
}

// Asked on the terminal; without one, --yes is needed.
void confirm(Context& ctx, const std::string& question) {
  if (!ctx.can_prompt()) {
    throw UsageError("removing a client needs --yes when there is no terminal to confirm on",
                     ctx.global.no_input ? "pass --yes (--no-input is set)" : "pass --yes");
  }
  ctx.err << question << " [y/N] " << std::flush;
  std::string answer;
  std::getline(ctx.in, answer);
  answer = trim(answer);
  if (answer != "y" && answer != "Y" && answer != "yes") throw Error("not confirmed; nothing was changed");
}

std::string files_text(size_t n) { return fmt::format("{} file{}", n, n == 1 ? "" : "s"); }

int run_remove(const RemoveOptions& o, Context& ctx) {
  Store store = ctx.open_store();
  Transaction tx(store, ctx.lock_wait());
  // A broken record is no reason to keep a client that should not exist.
  const std::string id = resolve_client_id(store, o.client, BrokenRecord::Allow);
  const auto files = folder_files(store, id);
  if (!o.yes) confirm(ctx, fmt::format("Remove client {} and its {}?", id, files_text(files.size())));
  remove_folder(tx, store, id, files);
  ctx.journal->detail = fmt::format("{} ({})", id, files_text(files.size()));
  if (!ctx.global.quiet) {
    ctx.out << fmt::format("Removed {} ({})\n", Store::client_dir(id), files_text(files.size()));
    ctx.out << "  " << history_note(store, id) << '\n';
  }
  return k_exit_ok;
}

// --- merge-client ------------------------------------------------------------

// A goal or task ID of DUP's plan given the next free ID in INTO's plan, so
// that no ID names two things (and referrals' `goal:` follow their goal).
using IdMap = std::map<std::string, std::string>;

// Appends DUP's goals to INTO's plan with new IDs; returns DUP's goal IDs
// mapped to the new ones.
IdMap append_goals(Document& into, const Document& dup) {
  IdMap goals;
  const Plan into_plan = decode_record<Plan>(into);
  std::vector<std::string> goal_in_use = goal_ids(into_plan), task_in_use = task_ids(into_plan);
  if (!child(into.root, "goals").IsSequence()) into.root["goals"] = YAML::Node(YAML::NodeType::Sequence);
  const YAML::Node dup_goals = child(dup.root, "goals");
  if (!dup_goals.IsSequence()) return goals;
  for (const auto& g : dup_goals) {
    YAML::Node goal = YAML::Clone(g);
    const std::string id = next_plan_id(goal_in_use, 'g');
    goals[get_string(goal, "id").value_or("")] = id;
    goal_in_use.push_back(id);
    set_scalar(goal, "id", id);
    if (YAML::Node tasks = goal["tasks"]; tasks.IsSequence()) {
      for (YAML::Node t : tasks) {
        const std::string tid = next_plan_id(task_in_use, 't');
        task_in_use.push_back(tid);
        set_scalar(t, "id", tid);
      }
    }
    into.root["goals"].push_back(goal);
  }
  return goals;
}

// The entries of DUP's list `key` that INTO lacks, appended to INTO's.
void append_entries(Document& into, const Document& dup, std::string_view key) {
  const YAML::Node from = child(dup.root, key);
  if (!from.IsSequence() || from.size() == 0) return;
  YAML::Node to = list_for_update(into, key);
  for (const auto& e : from) {
    const std::string text = YAML::Dump(e);
    bool present = false;
    for (const auto& have : to) present = present || YAML::Dump(have) == text;
    if (!present) to.push_back(YAML::Clone(e));
  }
}

int run_merge(const RemoveOptions& o, Context& ctx) {
  Store store = ctx.open_store();
  Transaction tx(store, ctx.lock_wait());
  const auto [dup, dup_client] = resolve_client(store, o.client);
  auto [into, into_client] = resolve_client(store, o.into);
  if (dup == into) throw UsageError(fmt::format("DUP and INTO are the same client ({})", dup), "name two clients");
  const std::string dup_dir = Store::client_dir(dup), into_dir = Store::client_dir(into);

  // What DUP holds: its records, each read (a broken one stops the merge
  // before anything is written); anything else is not the program's to move.
  std::vector<std::string> records;
  for (const auto& f : store.record_files()) {
    if (f.path.starts_with(dup_dir + "/")) records.push_back(f.path);
  }
  std::vector<std::string> strays;
  for (const auto& f : folder_files(store, dup)) {
    if (!contains(records, f)) strays.push_back(f);
  }
  if (!strays.empty()) {
    throw Error(fmt::format("{} holds files that are not records: {}; nothing was changed", dup_dir, join(strays)),
                "move or remove them first, then merge again");
  }

  IdMap goals;
  const std::string plan_name = "/plan.yaml";
  if (store.exists(dup_dir + plan_name)) {
    const Document dup_plan = read_for_update(store, dup_dir + plan_name, schemas::plan());
    Document plan = store.exists(into_dir + plan_name) ? read_for_update(store, into_dir + plan_name, schemas::plan())
                                                      : new_document(into_dir + plan_name, schemas::plan());
    goals = append_goals(plan, dup_plan);
    tx.write(plan);
  }
  Document into_doc = *into_client;
  append_entries(into_doc, *dup_client, "consent");
  append_entries(into_doc, *dup_client, "enrollments");
  tx.write(into_doc);

  size_t moved = 0;
  for (const auto& path : records) {
    const RecordType* type = record_type_for_path(path);
    if (!type || type->place != Place::ClientEvents) continue;  // client.yaml and plan.yaml are merged above
    const std::string target = into_dir + path.substr(dup_dir.size());
    if (store.exists(target)) {
      throw Error(fmt::format("both clients have {}; nothing was committed", target.substr(into_dir.size() + 1)),
                  "rename one of them (e.g. with `caseload edit`), then merge again");
    }
    Document doc = read_for_update(store, path, *type->schema);
    if (auto goal = get_string(doc.root, "goal"); goal && type == &record_type<Referral>() && goals.count(*goal))
      set_scalar(doc.root, "goal", goals[*goal]);
    doc.path = target;
    doc.text.clear();  // a new file
    tx.write(doc);
    ++moved;
  }
  remove_folder(tx, store, dup, folder_files(store, dup));
  ctx.journal->detail = fmt::format("{} into {}", dup, into);
  if (!ctx.global.quiet) {
    ctx.out << fmt::format("Merged {} into {}: {} record{} moved{}; {} removed\n", dup, into, moved, moved == 1 ? "" : "s",
                           goals.empty() ? "" : fmt::format(", {} goal{} added to the plan", goals.size(), goals.size() == 1 ? "" : "s"),
                           dup_dir);
    ctx.out << "  " << history_note(store, dup) << '\n';
  }
  return k_exit_ok;
}

}  // namespace

void setup_remove(CLI::App& app, Runner& run) {
  auto r = std::make_shared<RemoveOptions>();
  auto* remove = add_command(app, run, "remove", "Remove a client recorded by mistake (git history keeps it)", r, run_remove);
  remove->add_option("client", r->client, "Client ID, ID prefix or name")->required();
  remove->add_flag("--yes", r->yes, "Do not ask for confirmation (needed without a terminal)");
  auto m = std::make_shared<RemoveOptions>();
  auto* merge = add_command(app, run, "merge-client",
                            "Merge a client recorded twice into the other: records moved, the duplicate removed", m,
                            run_merge);
  merge->add_option("dup", m->client, "The duplicate: ID, ID prefix or name")->required();
  merge->add_option("into", m->into, "The client to keep")->required();
}

}  // namespace caseload
