#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include "caseload/core/ids.hpp"

using namespace caseload;

TEST_SUITE("core::ids") {
  TEST_CASE("a client ID is exactly six upper-case Crockford characters") {
    CHECK(is_client_id("K7Q2MX"));
    CHECK(is_client_id("000000"));
    CHECK(is_client_id("ZZZZZZ"));
    SUBCASE("wrong length") {
      CHECK_FALSE(is_client_id(""));
      CHECK_FALSE(is_client_id("K7Q2M"));
      CHECK_FALSE(is_client_id("K7Q2MXX"));
    }
    SUBCASE("lower case is not an ID (it is only a prefix to normalise)") {
      CHECK_FALSE(is_client_id("k7q2mx"));
    }
    SUBCASE("the letters Crockford leaves out") {
      for (const char* bad : {"K7Q2MI", "K7Q2ML", "K7Q2MO", "K7Q2MU"}) {
        CAPTURE(bad);
        CHECK_FALSE(is_client_id(bad));
      }
    }
    SUBCASE("nothing that could leave the clients folder") {
      CHECK_FALSE(is_client_id("../AB1"));
      CHECK_FALSE(is_client_id("AB/CD1"));
      CHECK_FALSE(is_client_id("AB CD1"));
    }
  }

  TEST_CASE("an ID prefix from the command line is normalised") {
    auto norm = [](std::string_view text) {
      return normalize_client_id_prefix(text).value_or("(none)");
    };
    CHECK(norm("K7Q") == "K7Q");
    CHECK(norm("k7q2mx") == "K7Q2MX");
    CHECK(norm("i") == "1");
    CHECK(norm("I") == "1");
    CHECK(norm("l") == "1");
    CHECK(norm("L") == "1");
    CHECK(norm("o") == "0");
    CHECK(norm("O") == "0");
    CHECK(norm("ko7il") == "K0711");
    CHECK(norm("U") == "(none)");
    CHECK(norm("u") == "(none)");
    CHECK(norm("") == "(none)");
    CHECK(norm("K7Q2MXA") == "(none)");  // longer than an ID
    CHECK(norm("K7-") == "(none)");
    CHECK(norm("ruth") == "(none)");  // a name with a U cannot be an ID prefix
    CHECK(norm("\u00c9") == "(none)");
  }

  TEST_CASE("new_client_id draws until it finds a free ID") {
    uint32_t next = 0;
    std::vector<std::string> asked;
    auto random = [&] { return next++; };
    auto taken = [&](const std::string& id) {
      asked.push_back(id);
      return asked.size() <= 2;  // the first two draws are taken
    };
    const std::string id = new_client_id(random, taken);
    REQUIRE(asked.size() == 3);
    CHECK(asked[0] == "012345");
    CHECK(asked[1] == "6789AB");
    CHECK(asked[2] == "CDEFGH");
    CHECK(id == "CDEFGH");
    CHECK(is_client_id(id));
  }

  TEST_CASE("new_client_id maps any random number onto the alphabet") {
    std::vector<uint32_t> values = {31, 32, 0xFFFFFFFFu, 18, 19, 20};
    size_t i = 0;
    const std::string id = new_client_id([&] { return values[i++ % values.size()]; },
                                         [](const std::string&) { return false; });
    CHECK(id == "Z0ZJKM");
    CHECK(is_client_id(id));
  }

  TEST_CASE("resource, worker and program IDs are lower-case slugs") {
    for (const char* ok : {"food-bank-north", "a", "x1", "2nd-hand-shop"}) {
      CAPTURE(ok);
      CHECK(is_resource_id(ok));
      CHECK(is_worker_id(ok));
      CHECK(is_program_id(ok));
    }
    CHECK(is_resource_id(std::string(64, 'a')));
    CHECK_FALSE(is_resource_id(std::string(65, 'a')));
    for (const char* bad : {"", "Food", "-food", "food-", "food_bank", "food bank", "../etc", "a/b",
                            ".", "..", "f\u00f6\u00f6d", "food.yaml"}) {
      CAPTURE(bad);
      CHECK_FALSE(is_resource_id(bad));
      CHECK_FALSE(is_worker_id(bad));
    }
  }

  TEST_CASE("contact file names") {
    for (const char* ok : {"2026-11-23T1000-call", "2026-11-23T0000-visit",
                           "2026-11-23T2359-note-2", "2026-11-23T1000-call-a1b"}) {
      CAPTURE(ok);
      CHECK(is_contact_stem(ok));
    }
    for (const char* bad :
         {"", "2026-11-23", "2026-11-23T1000", "2026-11-23T1000-", "2026-11-23T1000-call-",
          "2026-11-23T1000-Call", "2026-11-23T2400-call", "2026-11-23T1060-call",
          "2026-02-30T1000-call", "2026-11-23-1000-call", "2026-11-23T10:0-call",
          "2026-11-23T1000_call", "2026-11-23T1000-call-2-3", "2026-11-23T1000-../x",
          "2026-11-23T10a0-call"}) {
      CAPTURE(bad);
      CHECK_FALSE(is_contact_stem(bad));
    }
  }

  TEST_CASE("assessment file names") {
    CHECK(is_assessment_stem("2026-11-23"));
    CHECK(is_assessment_stem("2026-11-23-2"));
    CHECK(is_assessment_stem("2026-11-23-b"));
    for (const char* bad : {"", "2026-11-2", "2026-11-23-", "2026-11-23x", "2026-11-23-B",
                            "2026-02-30", "2026-11-23-2-3", "2026-11-23-../x", "intake"}) {
      CAPTURE(bad);
      CHECK_FALSE(is_assessment_stem(bad));
    }
  }

  TEST_CASE("referral file names") {
    CHECK(is_referral_stem("2026-11-23-food-bank-north"));
    CHECK(is_referral_stem("2026-11-23-food-bank-north-2"));
    CHECK(is_referral_stem("2026-11-23-x"));
    for (const char* bad :
         {"", "2026-11-23", "2026-11-23-", "2026-11-23-Food", "2026-11-23_food", "2026-13-01-food",
          "2026-11-23--food", "2026-11-23-food-", "2026-11-23-../x", "food-bank-north"}) {
      CAPTURE(bad);
      CHECK_FALSE(is_referral_stem(bad));
    }
  }

  TEST_CASE("an event file name re-dated keeps its kind and suffix") {
    CHECK(contact_stem(DateTime{Date{2026, 11, 23}, 600}, "call") == "2026-11-23T1000-call");
    CHECK(contact_stem(DateTime{Date{2026, 11, 23}, -1}, "note") == "2026-11-23T0000-note");
    CHECK(contact_stem_at("2026-11-26T1000-visit-4skd", DateTime{Date{2026, 11, 27}, 14 * 60 + 5}) ==
          "2026-11-27T1405-visit-4skd");
    CHECK(contact_stem_at("2026-11-26T1000-visit", DateTime{Date{2026, 12, 1}, -1}) == "2026-12-01T0000-visit");
    CHECK_FALSE(contact_stem_at("visit-on-tuesday", DateTime{Date{2026, 12, 1}, -1}));
    CHECK(event_stem_on("2026-11-23-k3vd", Date{2026, 11, 3}) == "2026-11-03-k3vd");
    CHECK(event_stem_on("2026-11-23", Date{2026, 11, 3}) == "2026-11-03");
    CHECK(event_stem_on("2026-11-23-food-bank-north-x2m9", Date{2025, 1, 2}) == "2025-01-02-food-bank-north-x2m9");
    CHECK_FALSE(event_stem_on("intake", Date{2026, 11, 3}));
  }

  TEST_CASE("name suffixes are short lower-case words") {
    CHECK(is_name_suffix("2"));
    CHECK(is_name_suffix("a1b"));
    CHECK_FALSE(is_name_suffix(""));
    CHECK_FALSE(is_name_suffix("A"));
    CHECK_FALSE(is_name_suffix("a-b"));
    CHECK_FALSE(is_name_suffix(std::string(17, 'a')));
  }
}
