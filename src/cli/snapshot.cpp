#include "caseload/cli/snapshot.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace caseload {

ResourceNames load_resource_names(const Store& store, Diagnostics* warnings) {
  ResourceNames names;
  for (const auto& r : store.load_resources(warnings)) names[r.id] = r.name;
  return names;
}

Snapshot load_snapshot(const Store& store) {
  Snapshot s;
  s.records = store.load_all_clients(&s.warnings);
  s.resources = load_resource_names(store, &s.warnings);
  return s;
}

void print_warnings(Context& ctx, Diagnostics& warnings) {
  sort_diagnostics(warnings);
  for (const auto& d : warnings) {
    // An error is a file left out; a warning, a value the message says is ignored.
    const char* what = d.severity == Severity::Error ? "file skipped; see" : "see";
    ctx.err << "caseload: " << d.str() << " (" << what << " `caseload check`)\n";
  }
}

void print_unreadable_clients(Context& ctx, const std::vector<UnreadableClient>& clients, bool after_table) {
  if (clients.empty()) return;
  const Style style = ctx.style();
  Table t;
  t.headers = {"ID", "FILE", "PROBLEM"};
  for (const auto& c : clients) {
    t.rows.push_back({c.id, c.file.where.str(), fmt::format("{}; fix it with `caseload edit {}`", c.file.message, c.id)});
  }
  if (after_table) ctx.out << '\n';
  ctx.out << style.bold(fmt::format("Cannot be read ({})", clients.size())) << '\n';
  print_table(ctx.out, t, style);
}

void keep_warnings_of(const std::vector<std::string>& client_ids, Diagnostics& warnings) {
  if (client_ids.empty()) return;
  std::erase_if(warnings, [&](const Diagnostic& d) {
    const std::string& path = d.where.path;
    if (!path.starts_with("clients/")) return false;  // resources are everyone's
    return std::none_of(client_ids.begin(), client_ids.end(), [&](const std::string& id) {
      return path.compare(8, id.size(), id) == 0 && path.size() > 8 + id.size() && path[8 + id.size()] == '/';
    });
  });
}

}  // namespace caseload
