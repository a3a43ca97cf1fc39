#include "caseload/cli/event_files.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "caseload/core/followups.hpp"
#include "caseload/core/ids.hpp"
#include "caseload/core/text.hpp"
#include "caseload/store/fsutil.hpp"

namespace caseload {
namespace {

// How many of the client's file names an unknown REF's hint lists: the
// latest, as names sort by date.
constexpr size_t k_hint_names = 8;

// The forms the program prints, reduced to [FOLDER/]NAME.
std::string as_name(std::string ref, const std::string& client_id) {
  if (ref.ends_with("@caseload")) {  // an ics UID: ID-KIND-NAME@caseload
    ref.resize(ref.size() - std::string_view("@caseload").size());
    if (ref.starts_with(client_id + "-")) ref.erase(0, client_id.size() + 1);
    size_t kind = 0;  // the longest kind that starts it: contact-missed, not contact
    for (const auto& k : k_followup_kinds) {
      if (ref.starts_with(k + "-")) kind = std::max(kind, k.size() + 1);
    }
    ref.erase(0, kind);
  }
  const std::string folder = Store::client_dir(client_id) + "/";
  if (ref.starts_with(folder)) ref.erase(0, folder.size());
  if (ref.ends_with(".yaml")) ref.resize(ref.size() - std::string_view(".yaml").size());
  return ref;
}

}  // namespace

EventRef find_event(const Store& store, const std::string& client_id, const std::vector<const RecordType*>& types,
                    const std::string& ref, const std::string& noun) {
  if (ref.empty()) throw UsageError(fmt::format("REF must name a {}: its ID or the start of it", noun));
  if (contains_control(ref, false)) throw UsageError(fmt::format("'{}' is not a {} ID", ref, noun));
  std::string want = as_name(ref, client_id);
  if (want.starts_with("clients/")) {
    throw Error(fmt::format("'{}' is not a file of client {}", ref, client_id),
                "name the client whose file it is, or give the file name alone");
  }
  // FOLDER/NAME: only that folder is looked in.
  std::string folder;
  if (auto slash = want.find('/'); slash != std::string::npos) {
    folder = want.substr(0, slash);
    want.erase(0, slash + 1);
    const bool known = std::any_of(types.begin(), types.end(), [&](const RecordType* t) { return t->file == folder; });
    if (!known || want.empty() || want.find('/') != std::string::npos) {
      std::vector<std::string> folders;
      for (const auto* t : types) folders.emplace_back(t->file);
      throw UsageError(fmt::format("'{}' is not a {} ID", ref, noun),
                       fmt::format("give the file name, with or without its folder ({}/)", join(folders, "/, ")));
    }
  }
  const bool several_folders = types.size() > 1;
  std::vector<std::string> all, matches;
  std::vector<EventRef> found;
  for (const RecordType* type : types) {
    if (!folder.empty() && type->file != folder) continue;
    const std::string dir = type->in_client(Store::client_dir(client_id));
    for (const auto& name : list_files(store.root() / dir)) {
      if (!name.ends_with(".yaml") || name.front() == '.') continue;
      const std::string stem = name.substr(0, name.size() - 5);
      if (stem == want) return {dir + "/" + name, type};
      const std::string shown = several_folders ? std::string(type->file) + "/" + stem : stem;
      all.push_back(shown);
      if (stem.starts_with(want)) {
        matches.push_back(shown);
        found.push_back({dir + "/" + name, type});
      }
    }
  }
  if (found.size() == 1) return found.front();
  if (found.empty()) {
    std::string hint = fmt::format("the client has no {}s", noun);
    if (!all.empty()) {
      const size_t first = all.size() > k_hint_names ? all.size() - k_hint_names : 0;
      hint = fmt::format("{}s of {}: {}{}", noun, client_id, first > 0 ? "..., " : "",
                         join(std::vector<std::string>(all.begin() + static_cast<long>(first), all.end())));
    }
    throw Error(fmt::format("client {} has no {} '{}'", client_id, noun, ref), hint);
  }
  throw Error(fmt::format("'{}' matches {} {}s of {}:\n  {}", ref, found.size(), noun, client_id, join(matches, "\n  ")),
              "give more of the file name");
}

std::string redated_stem(const RecordType& type, const std::string& stem, const DateTime& when) {
  if (&type == &record_type<Contact>()) return contact_stem_at(stem, when).value_or(stem);
  if (!type.is_stem(stem)) return stem;
  return event_stem_on(stem, when.date).value_or(stem);
}

void write_redated(Transaction& tx, const Store& store, Document& doc, const std::string& stem) {
  const std::string old_path = doc.path;
  const std::string dir = old_path.substr(0, old_path.rfind('/'));
  const std::string path = dir + "/" + stem + ".yaml";
  if (path == old_path) {
    tx.write(doc);
    return;
  }
  if (store.exists(path)) {
    throw Error(fmt::format("{} already exists; nothing was changed", path),
                "two records cannot have one name: give another date or time");
  }
  doc.path = path;
  tx.write_renamed(old_path, doc);
}

}  // namespace caseload
