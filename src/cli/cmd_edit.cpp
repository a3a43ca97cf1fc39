// caseload edit CLIENT [FILE]: a client's record in $VISUAL/$EDITOR, validated before it is saved.
#include <fmt/format.h>

#include "caseload/cli/commands.hpp"
#include "caseload/cli/common.hpp"
#include "caseload/cli/editing.hpp"
#include "caseload/core/ids.hpp"
#include "caseload/store/decode.hpp"

namespace caseload {
namespace {

struct EditOptions {
  std::string client;
  std::string file = "client.yaml";
};

// FILE as a path inside the client's folder, checked form by form so that
// nothing typed can point outside it.
std::pair<std::string, const Schema*> client_file(const std::string& file) {
  std::string f = file;
  if (f == "client" || f == "client.yaml") return {"client.yaml", &schemas::client()};
  if (f == "plan" || f == "plan.yaml") return {"plan.yaml", &schemas::plan()};
  auto slash = f.find('/');
  if (slash != std::string::npos) {
    std::string folder = f.substr(0, slash);
    std::string name = f.substr(slash + 1);
    std::string stem = name.ends_with(".yaml") ? name.substr(0, name.size() - 5) : name;
    if (folder == "contacts" && is_contact_stem(stem)) return {"contacts/" + stem + ".yaml", &schemas::contact()};
    if (folder == "assessments" && is_assessment_stem(stem)) return {"assessments/" + stem + ".yaml", &schemas::assessment()};
    if (folder == "referrals" && is_referral_stem(stem)) return {"referrals/" + stem + ".yaml", &schemas::referral()};
  }
  throw UsageError(fmt::format("'{}' is not a file of a client's folder", file),
                   "use client.yaml, plan.yaml, contacts/<name>.yaml, assessments/<name>.yaml or referrals/<name>.yaml");
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
