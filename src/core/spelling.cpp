#include "caseload/core/spelling.hpp"

#include <algorithm>
#include <vector>

namespace caseload {

int edit_distance(std::string_view a, std::string_view b) {
  const size_t n = a.size(), m = b.size();
  // d[i][j]: the distance of a's first i and b's first j characters, in rows
  // of m + 1; a swap looks two rows back.
  std::vector<int> d((n + 1) * (m + 1));
  auto at = [&](size_t i, size_t j) -> int& { return d[i * (m + 1) + j]; };
  for (size_t i = 0; i <= n; ++i) at(i, 0) = static_cast<int>(i);
  for (size_t j = 0; j <= m; ++j) at(0, j) = static_cast<int>(j);
  for (size_t i = 1; i <= n; ++i) {
    for (size_t j = 1; j <= m; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      at(i, j) = std::min({at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        at(i, j) = std::min(at(i, j), at(i - 2, j - 2) + 1);
    }
  }
  return at(n, m);
}

namespace {

int allowed_distance(size_t shorter) {
  if (shorter < 3) return 0;
  return shorter <= 5 ? 1 : 2;
}

}  // namespace

std::optional<std::string_view> likely_meant(std::string_view word, std::span<const std::string_view> known) {
  if (std::find(known.begin(), known.end(), word) != known.end()) return std::nullopt;
  std::optional<std::string_view> best;
  int best_distance = 0;
  for (const std::string_view k : known) {
    const int allowed = allowed_distance(std::min(word.size(), k.size()));
    if (allowed == 0) continue;
    const int distance = edit_distance(word, k);
    if (distance <= allowed && (!best || distance < best_distance)) {
      best = k;
      best_distance = distance;
    }
  }
  return best;
}

}  // namespace caseload
