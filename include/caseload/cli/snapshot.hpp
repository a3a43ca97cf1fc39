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

// A client whose client.yaml cannot be read, as list and find name it.
struct UnreadableClient {
  std::string id;
  UnreadableFile file;
};
// Their own section after a table, so that no client is left out unnoticed:
// where each record is broken, why, and how to fix it. Nothing when none.
void print_unreadable_clients(Context& ctx, const std::vector<UnreadableClient>& clients, bool after_table);
// Drops the warnings about other clients' files when the command is about
// these clients only (none: all are kept).
void keep_warnings_of(const std::vector<std::string>& client_ids, Diagnostics& warnings);

}  // namespace caseload
