#include <doctest/doctest.h>

#include <array>

#include "caseload/core/spelling.hpp"

using namespace caseload;

TEST_CASE("edit_distance counts insertions, deletions, substitutions and swaps") {
  CHECK(edit_distance("", "") == 0);
  CHECK(edit_distance("risk", "risk") == 0);
  CHECK(edit_distance("", "due") == 3);
  CHECK(edit_distance("due", "") == 3);
  CHECK(edit_distance("rsik", "risk") == 1);  // one swap, not two substitutions
  CHECK(edit_distance("deu", "due") == 1);
  CHECK(edit_distance("nmae", "name") == 1);
  CHECK(edit_distance("statu", "status") == 1);
  CHECK(edit_distance("sttus", "status") == 1);
  CHECK(edit_distance("workr", "worker") == 1);
  CHECK(edit_distance("risc", "risk") == 1);
  CHECK(edit_distance("note", "name") == 2);
  CHECK(edit_distance("kitten", "sitting") == 3);
  // Optimal string alignment: a swapped pair is not edited again.
  CHECK(edit_distance("ca", "abc") == 3);
  CHECK(edit_distance("abc", "ca") == 3);
}

TEST_CASE("likely_meant suggests a known key within the allowance for its length") {
  const std::array<std::string_view, 8> keys{"id", "name", "risk", "due", "status", "worker", "referral_follow_up",
                                             "contact_every"};
  CHECK(likely_meant("rsik", keys) == "risk");
  CHECK(likely_meant("deu", keys) == "due");
  CHECK(likely_meant("stauts", keys) == "status");
  CHECK(likely_meant("referal_folow_up", keys) == "referral_follow_up");
  CHECK(likely_meant("contact_evry", keys) == "contact_every");
  // Known keys are no misspelling.
  CHECK_FALSE(likely_meant("risk", keys));
  // Short words: one edit at most, none below three characters.
  CHECK_FALSE(likely_meant("note", keys));  // two from "name": a field of the user's own
  CHECK_FALSE(likely_meant("ix", keys));
  CHECK_FALSE(likely_meant("di", keys));
  CHECK_FALSE(likely_meant("pets", keys));
  CHECK_FALSE(likely_meant("allergies", keys));
  // The closest wins, the first of equally close ones.
  const std::array<std::string_view, 2> two{"abcdxy", "abcdef"};
  CHECK(likely_meant("abcdeff", two) == "abcdef");
  const std::array<std::string_view, 2> close{"abcdeg", "abcdef"};
  CHECK(likely_meant("abcdez", close) == "abcdeg");
  CHECK_FALSE(likely_meant("anything", std::span<const std::string_view>{}));
}
