#pragma once
// Near misses: how far apart two spellings are, and which known word a
// mistyped one most likely stands for ("rsik" for "risk"). Byte-wise: the
// words compared are record keys, which are ASCII.
#include <optional>
#include <span>
#include <string_view>

namespace caseload {

// The Damerau-Levenshtein distance in its optimal-string-alignment form: the
// fewest insertions, deletions, substitutions and swaps of two neighbouring
// characters that turn `a` into `b` ("rsik" -> "risk" and "deu" -> "due" are
// one swap each).
int edit_distance(std::string_view a, std::string_view b);

// The word of `known` that `word` is most likely a misspelling of: the
// closest within the distance allowed for the shorter of the two (the first
// of equally close ones), none when `word` is itself known. The allowance:
//   - 1 or 2 characters: none. Every such key is two edits from every other
//     ("id" -> "to"), so a guess would be noise.
//   - 3 to 5 characters: one edit. Two would pair unrelated short words
//     ("note" -> "name", "date" -> "done"), and users' own fields often are.
//   - 6 and more: two edits ("referal_folow_up").
std::optional<std::string_view> likely_meant(std::string_view word, std::span<const std::string_view> known);

}  // namespace caseload
