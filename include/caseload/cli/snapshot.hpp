#pragma once
// What the store-wide commands (list, followups, show's follow-ups) read:
// every client folder and the resource names, with the problems met on the
// way as warnings, which the command prints to stderr and goes on.
#include "caseload/cli/context.hpp"
#include "caseload/core/followups.hpp"

namespace caseload {

struct Snapshot {
  std::vector<ClientRecord> records;
  ResourceNames resources;
  Diagnostics warnings;
};

Snapshot load_snapshot(const Store& store);
ResourceNames load_resource_names(const Store& store, Diagnostics* warnings);
void print_warnings(Context& ctx, Diagnostics& warnings);
// Drops the warnings about other clients' files when the command is about
// these clients only (none: all are kept).
void keep_warnings_of(const std::vector<std::string>& client_ids, Diagnostics& warnings);

}  // namespace caseload
