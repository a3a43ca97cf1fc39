#include "caseload/cli/snapshot.hpp"

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
  for (const auto& d : warnings) ctx.err << "caseload: " << d.str() << " (skipped; see `caseload check`)\n";
}

}  // namespace caseload
