#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "caseload/core/match.hpp"

using namespace caseload;

namespace {

ClientKey client(std::string id, std::string name, std::string preferred = "",
                 std::string external = "", std::string phone = "") {
  return ClientKey{std::move(id),       std::move(name),  std::move(preferred),
                   std::move(external), std::move(phone), "open"};
}

// A small caseload with the traps of real names: shared first names,
// accents, one name that is the start of another, non-Latin script.
const std::vector<ClientKey> k_clients = {
    client("7RJ5NB", "Maria Santos", "", "2026-00087", "+358 40 555 0087"),    // 0
    client("K7Q2MX", "Maria Virtanen", "", "2026-00142", "+358 40 555 0101"),  // 1
    client("K7R9AB", "Jos\u00e9 Rizal", "Pepe", "", "040 555 2222"),           // 2
    client("9GQ2TF", "Siti Rahayu", "Siti", "ID-77", "+62 812 5550 1234"),     // 3
    client("RZ5A1E", "Ana Li", "", "", ""),                                    // 4
    client("RZ6B2F", "Ana Lindqvist", "", "", ""),                             // 5
    client("H3N8PQ", "\u09B0\u09B9\u09BF\u09AE \u0989\u09A6\u09CD\u09A6\u09BF\u09A8", "", "",
           ""),                                                // 6: রহিম উদ্দিন
    client("M4X7ZT", "\u00D8ystein \u00C5sheim", "", "", ""),  // 7
};

std::vector<size_t> resolve(std::string_view query) { return resolve_client(k_clients, query); }
std::vector<size_t> find(std::string_view text) { return find_clients(k_clients, text); }
using Hits = std::vector<size_t>;

}  // namespace

TEST_SUITE("core::match") {
  TEST_CASE("an exact client ID names that client") {
    CHECK(resolve("K7Q2MX") == Hits{1});
    CHECK(resolve("k7q2mx") == Hits{1});
    SUBCASE("even when the ID is also a prefix of a word in another name") {
      std::vector<ClientKey> clients = k_clients;
      clients.push_back(client("ABCDEF", "K7q2mxson Smith"));
      CHECK(resolve_client(clients, "K7Q2MX") == Hits{1});
    }
  }

  TEST_CASE("a unique ID prefix names its client; a shared one is ambiguous") {
    CHECK(resolve("K7Q") == Hits{1});
    CHECK(resolve("k7r") == Hits{2});
    CHECK(resolve("7RJ") == Hits{0});
    CHECK(resolve("K7") == Hits{1, 2});
    CHECK(resolve("rz") == Hits{4, 5});
  }

  TEST_CASE("Crockford look-alikes in a typed ID are forgiven") {
    std::vector<ClientKey> clients = {client("A10B2C", "Test Person")};
    CHECK(resolve_client(clients, "alob2c") == Hits{0});
    CHECK(resolve_client(clients, "AIO") == Hits{0});
  }

  TEST_CASE("a name matches when each query word starts a word of the name") {
    CHECK(resolve("maria s") == Hits{0});
    CHECK(resolve("santos") == Hits{0});
    CHECK(resolve("s maria") == Hits{0});  // word order does not matter
    CHECK(resolve("mar virt") == Hits{1});
    CHECK(resolve("riz") == Hits{2});
    CHECK(resolve("antos").empty());  // the middle of a word is not a match
  }

  TEST_CASE("each query word stands for a different word of the name") {
    // "maria m" is not Maria Santos: her one "maria" cannot be both words.
    CHECK(resolve("maria m").empty());
    CHECK(resolve("maria v") == Hits{1});
    CHECK(resolve("ana l") == Hits{4, 5});      // Li and Lindqvist both start with l
    CHECK(resolve("ana ana").empty());
    CHECK(resolve("m mar") == Hits{});           // one "maria", two query words
    CHECK(resolve("a l") == Hits{4, 5});
  }

  TEST_CASE("name matching ignores case, accents and width") {
    CHECK(resolve("jose") == Hits{2});
    CHECK(resolve("JOS\u00c9") == Hits{2});
    CHECK(resolve("Jose\u0301 rizal") == Hits{2});
    CHECK(resolve("\uFF4D\uFF41\uFF52\uFF49\uFF41 \uFF53") == Hits{0});  // full-width "maria s"
    CHECK(resolve("oystein") == Hits{7});
    CHECK(resolve("asheim") == Hits{7});
  }

  TEST_CASE("resolve and find fold Nordic spellings, apostrophes and hyphens alike") {
    const std::vector<ClientKey> clients = {
        client("A1A1A1", "Mette Kj\u00E6r"),                // 0
        client("B2B2B2", "\u00D8yvind Br\u00E5ten"),         // 1
        client("C3C3C3", "\u00C5se Lund"),                   // 2
        client("D4D4D4", "Sean O\u2019Brien"),               // 3
        client("E5E5E5", "Maria Santos-Reyes"),              // 4
        client("F6F6F6", "Maria Santos"),                    // 5
    };
    for (const char* query : {"kjaer", "oeyvind", "oyvind", "braaten", "aase", "obrien", "o'brien", "reyes",
                              "santos-reyes", "maria santos reyes"}) {
      CAPTURE(query);
      const auto resolved = resolve_client(clients, query);
      CHECK(resolved.size() == 1);
      CHECK(find_clients(clients, query) == resolved);
    }
    CHECK(resolve_client(clients, "oeyvind braaten") == Hits{1});
    CHECK(resolve_client(clients, "santos") == Hits{4, 5});
  }

  TEST_CASE("white space around an ID or a name is ignored") {
    CHECK(resolve(" K7Q2MX ") == Hits{1});
    CHECK(resolve("\tk7q2mx\n") == Hits{1});
    CHECK(resolve("  santos ") == Hits{0});
    CHECK(find(" k7q2mx ") == Hits{1});
  }

  TEST_CASE("a preferred name matches as well as the full name") {
    CHECK(resolve("pepe") == Hits{2});
    CHECK(resolve("siti") == Hits{3});
  }

  TEST_CASE("names in other scripts match by word prefix") {
    CHECK(resolve("\u09B0\u09B9\u09BF\u09AE") == Hits{6});
    // রহ is a prefix of রহিম, but রা (a different vowel sign) is not.
    CHECK(resolve("\u09B0\u09B9") == Hits{6});
    CHECK(resolve("\u09B0\u09BE").empty());
  }

  TEST_CASE("an ambiguous query returns every candidate") {
    CHECK(resolve("maria") == Hits{0, 1});
    CHECK(resolve("ana") == Hits{4, 5});
    CHECK(resolve("ana lin") == Hits{5});
  }

  TEST_CASE("a name equal to the query beats names it only starts") {
    CHECK(resolve("ana li") == Hits{4});
    CHECK(resolve("ANA  LI") == Hits{4});
    CHECK(resolve("siti rahayu") == Hits{3});
  }

  TEST_CASE("a query that names nobody returns nothing") {
    CHECK(resolve("nobody").empty());
    CHECK(resolve("").empty());
    CHECK(resolve("   ").empty());
    CHECK(resolve("ZZZZZZ").empty());
  }

  TEST_CASE("find searches names by substring") {
    CHECK(find("ant") == Hits{0});
    CHECK(find("MARIA") == Hits{0, 1});
    CHECK(find("jose") == Hits{2});
    CHECK(find("ahay") == Hits{3});
    CHECK(find("pep") == Hits{2});                                   // preferred name
    CHECK(find("\uFF33\uFF41\uFF4E\uFF54\uFF4F\uFF53") == Hits{0});  // full-width "Santos"
    CHECK(find("\u09B9\u09BF\u09AE") == Hits{6});
    CHECK(find("xyz").empty());
    CHECK(find("").empty());
    CHECK(find("  ").empty());
  }

  TEST_CASE("find searches external IDs") {
    CHECK(find("2026-00142") == Hits{1});
    CHECK(find("id-77") == Hits{3});
    CHECK(find("2026-00") == Hits{0, 1});
  }

  TEST_CASE("find compares phones by their digits") {
    CHECK(find("555 0101") == Hits{1});
    CHECK(find("+358 40 555 0101") == Hits{1});
    CHECK(find("5550101") == Hits{1});
    CHECK(find("0405552222") == Hits{2});
    CHECK(find("555-2222") == Hits{2});
    CHECK(find("5550") == Hits{0, 1, 3});
  }

  TEST_CASE("find takes a whole client ID") { CHECK(find("k7q2mx") == Hits{1}); }
}
