#pragma once
// Naming clients on the command line (SPEC 2): an exact ID, a unique ID
// prefix, or a unique case- and accent-insensitive name match; and `find`.
#include <string>
#include <string_view>
#include <vector>

namespace caseload {

// What matching needs to know of a client.
struct ClientKey {
  std::string id;
  std::string name;
  std::string preferred_name;
  std::string external_id;
  std::string phone;
  std::string status;
};

// Indices of the clients that `query` names. An exact ID wins outright; a
// name equal to the query (after folding) wins over names it only starts;
// otherwise every client whose ID starts with the query or whose name (or
// preferred name) has, for each word of the query, a word starting with it.
// White space around the query is ignored; names are compared by their
// search_key (core/text.hpp), the same folding as `find`.
std::vector<size_t> resolve_client(const std::vector<ClientKey>& clients, std::string_view query);

// `find`: clients whose name, preferred name, external ID or phone contains
// the text (folded by search_key; phones compared by their digits).
std::vector<size_t> find_clients(const std::vector<ClientKey>& clients, std::string_view text);

}  // namespace caseload
