#include "caseload/core/match.hpp"

#include <algorithm>
#include <sstream>

#include "caseload/core/ids.hpp"
#include "caseload/core/text.hpp"

namespace caseload {
namespace {

std::vector<std::string> words(const std::string& folded) {
  std::vector<std::string> out;
  std::istringstream in(folded);
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

// Whether each query word from `q` on can begin a different one of the
// unused name words: "maria m" is Maria Mäkinen, not Maria Santos, whose one
// "maria" cannot stand for both words.
bool assign_words(const std::vector<std::string>& query, size_t q, const std::vector<std::string>& name_words,
                  std::vector<bool>& used) {
  if (q == query.size()) return true;
  for (size_t w = 0; w < name_words.size(); ++w) {
    if (used[w] || !name_words[w].starts_with(query[q])) continue;
    used[w] = true;
    if (assign_words(query, q + 1, name_words, used)) return true;
    used[w] = false;
  }
  return false;
}

bool words_prefix_match(const std::vector<std::string>& query, const std::string& name) {
  if (query.empty()) return false;
  const auto name_words = words(search_key(name));
  std::vector<bool> used(name_words.size(), false);
  return assign_words(query, 0, name_words, used);
}

std::string digits(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c >= '0' && c <= '9') out += c;
  }
  return out;
}

}  // namespace

std::vector<size_t> resolve_client(const std::vector<ClientKey>& clients, std::string_view raw_query) {
  std::vector<size_t> found;
  const std::string query = trim(raw_query);  // " K7Q2MX " as pasted from a table
  const auto id_prefix = normalize_client_id_prefix(query);
  if (id_prefix && id_prefix->size() == k_client_id_length) {
    for (size_t i = 0; i < clients.size(); ++i) {
      if (clients[i].id == *id_prefix) return {i};
    }
  }
  const std::string folded = search_key(query);
  for (size_t i = 0; i < clients.size(); ++i) {
    const auto& c = clients[i];
    if (folded == search_key(c.name) || (!c.preferred_name.empty() && folded == search_key(c.preferred_name)))
      found.push_back(i);
  }
  if (found.size() == 1) return found;
  found.clear();
  const auto query_words = words(folded);
  for (size_t i = 0; i < clients.size(); ++i) {
    const auto& c = clients[i];
    bool by_id = id_prefix && c.id.starts_with(*id_prefix);
    bool by_name = words_prefix_match(query_words, c.name) ||
                   words_prefix_match(query_words, c.preferred_name);
    if (by_id || by_name) found.push_back(i);
  }
  return found;
}

std::vector<size_t> find_clients(const std::vector<ClientKey>& clients, std::string_view text) {
  std::vector<size_t> found;
  const std::string folded = search_key(text);
  if (folded.empty()) return found;
  const std::string query_digits = digits(text);
  const bool phone_like = query_digits.size() >= 3 && query_digits.size() * 2 >= folded.size();
  for (size_t i = 0; i < clients.size(); ++i) {
    const auto& c = clients[i];
    bool hit = search_key(c.name).find(folded) != std::string::npos ||
               search_key(c.preferred_name).find(folded) != std::string::npos ||
               search_key(c.external_id).find(folded) != std::string::npos ||
               search_key(c.id) == folded;
    if (!hit && phone_like) hit = digits(c.phone).find(query_digits) != std::string::npos;
    if (hit) found.push_back(i);
  }
  return found;
}

}  // namespace caseload
