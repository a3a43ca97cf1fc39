// caseload find TEXT: clients by name, preferred name, external ID or phone.
#include <fmt/format.h>

#include "caseload/cli/commands.hpp"
#include "caseload/cli/common.hpp"
#include "caseload/cli/snapshot.hpp"
#include "caseload/report/csv.hpp"
#include "caseload/report/json.hpp"

namespace caseload {
namespace {

struct FindOptions {
  std::string text;
};

int run_find(const FindOptions& o, Context& ctx) {
  Store store = ctx.open_store();
  const std::string format = ctx.format("table", {"table", "json", "csv"});
  Diagnostics warnings;
  std::vector<UnreadableClient> unreadable;  // not searched: named in the output, whatever the text
  const auto keys = load_client_keys(store, &warnings, &unreadable);
  print_warnings(ctx, warnings);
  const auto found = find_clients(keys, o.text);
  if (format == "json") {
    JsonWriter w(ctx.out);
    w.begin_array();
    for (size_t i : found) {
      const auto& k = keys[i];
      w.begin_object();
      w.key("id"); w.value(k.id);
      w.key("name"); w.value(k.name);
      w.key("preferred_name"); w.value(std::optional<std::string>(k.preferred_name));
      w.key("external_id"); w.value(std::optional<std::string>(k.external_id));
      w.key("phone"); w.value(std::optional<std::string>(k.phone));
      w.key("status"); w.value(k.status);
      w.end_object();
    }
    for (const auto& u : unreadable) {
      w.begin_object();
      w.key("id"); w.value(u.id);
      w.key("name"); w.value(std::string());
      w.key("preferred_name"); w.value(std::optional<std::string>());
      w.key("external_id"); w.value(std::optional<std::string>());
      w.key("phone"); w.value(std::optional<std::string>());
      w.key("status"); w.value(std::string("unreadable"));
      w.end_object();
    }
    w.end_array();
  } else if (format == "csv") {
    write_csv_row(ctx.out, {"id", "name", "preferred_name", "external_id", "phone", "status"});
    for (size_t i : found) {
      const auto& k = keys[i];
      write_csv_row(ctx.out, {k.id, k.name, k.preferred_name, k.external_id, k.phone, k.status});
    }
    for (const auto& u : unreadable) write_csv_row(ctx.out, {u.id, "", "", "", "", "unreadable"});
  } else if (!found.empty()) {
    Table t;
    t.headers = {"ID", "NAME", "PREFERRED", "EXTERNAL ID", "PHONE", "STATUS"};
    for (size_t i : found) {
      const auto& k = keys[i];
      t.rows.push_back({k.id, k.name, k.preferred_name, k.external_id, k.phone, k.status});
    }
    print_table(ctx.out, t, ctx.style());
  }
  if (format == "table") print_unreadable_clients(ctx, unreadable, !found.empty());
  if (found.empty()) {
    if (!ctx.global.quiet) ctx.err << fmt::format("caseload: no client matches '{}'\n", o.text);
    return k_exit_error;  // like grep: scripts can test for a match
  }
  return k_exit_ok;
}

}  // namespace

void setup_find(CLI::App& app, Runner& run) {
  auto o = std::make_shared<FindOptions>();
  auto* cmd = add_command(app, run, "find", "Search names, preferred names, external IDs and phones", o, run_find);
  takes_format(cmd);
  cmd->add_option("text", o->text, "What to look for (case, accents and full-width forms do not matter)")->required();
}

}  // namespace caseload
