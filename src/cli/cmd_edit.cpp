// caseload edit CLIENT [FILE]: a client's record in $VISUAL/$EDITOR, validated before it is saved.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "caseload/cli/commands.hpp"
#include "caseload/cli/common.hpp"
#include "caseload/cli/editing.hpp"
#include "caseload/core/ids.hpp"
#include "caseload/store/decode.hpp"
#include "caseload/store/record_types.hpp"

namespace caseload {
namespace {

struct EditOptions {
  std::string client;
  std::string file = "client.yaml";
};

// FILE as a path inside the client's folder, checked against the forms of
// the record types' names so that nothing typed can point outside it.
std::pair<std::string, const Schema*> client_file(const std::string& file) {
  const auto slash = file.find('/');
  const std::string folder = slash == std::string::npos ? "" : file.substr(0, slash);
  const std::string name = file.substr(slash == std::string::npos ? 0 : slash + 1);
  const std::string stem = name.ends_with(".yaml") ? name.substr(0, name.size() - 5) : name;
  std::vector<std::string> forms;
  for (const auto& t : all_record_types()) {
    if (t.place == Place::ClientFile) {
      if (folder.empty() && (name == t.file || stem == t.name)) return {std::string(t.file), t.schema};
      forms.push_back(std::string(t.file));
    } else if (t.place == Place::ClientEvents) {
      if (folder == t.file && t.is_stem(stem)) return {fmt::format("{}/{}.yaml", t.file, stem), t.schema};
      forms.push_back(fmt::format("{}/<name>.yaml", t.file));
    }
  }
  const std::string last = forms.back();
  forms.pop_back();
  throw UsageError(fmt::format("'{}' is not a file of a client's folder", file),
                   fmt::format("use {} or {}", fmt::join(forms, ", "), last));
}

int run_edit(const EditOptions& o, Context& ctx) {
  Store store = ctx.open_store();
  const auto [file, schema] = client_file(o.file);
  const std::string id = resolve_client_id(store, o.client, BrokenRecord::Allow);  // editing is the fix
  return edit_record(ctx, store, Store::client_dir(id) + "/" + file, *schema);
}

}  // namespace

void setup_edit(CLI::App& app, Runner& run) {
  auto o = std::make_shared<EditOptions>();
  auto* cmd = add_command(app, run, "edit", "Edit a client's record in $VISUAL/$EDITOR, validated before saving", o, run_edit);
  cmd->add_option("client", o->client, "Client ID, ID prefix or name")->required();
  cmd->add_option("file", o->file, "client.yaml (default), plan.yaml, contacts/<name>.yaml, assessments/..., referrals/...");
}

}  // namespace caseload
