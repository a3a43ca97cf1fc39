// A past tree (--as-of) is read by the store's own loading code: only the
// store's layout, never a link or another kind of entry, and nothing is
// written, not even the cache.
#include <doctest/doctest.h>

#include <chrono>

#include "caseload/store/past_tree.hpp"
#include "caseload/store/store.hpp"
#include "temp_dir.hpp"

using caseload::PastTree;
using caseload::Store;
using caseload::testing::TempDir;
namespace fs = std::filesystem;

TEST_SUITE("store::past_tree") {
  TEST_CASE("a line of ls-tree -l is parsed, a commit's size is '-'") {
    auto blob = PastTree::parse_listed("100644 blob 61780798228d17af2d34fce4cfbdf35556832472       2\tclients/AAAAAA/client.yaml");
    REQUIRE(blob);
    CHECK(blob->mode == "100644");
    CHECK(blob->type == "blob");
    CHECK(blob->size == 2);
    CHECK(blob->path == "clients/AAAAAA/client.yaml");
    auto module = PastTree::parse_listed("160000 commit 61780798228d17af2d34fce4cfbdf35556832472       -\tclients/AAAAAA");
    REQUIRE(module);
    CHECK(module->size == 0);
    CHECK_FALSE(PastTree::parse_listed("100644 blob nothex 2\tx"));
    CHECK_FALSE(PastTree::parse_listed("100644 blob 6178 2 x"));
  }

  TEST_CASE("only the store's layout is taken from a past tree") {
    for (const char* ok : {"caseload.yaml", "resources/food-bank.yaml", "clients", "clients/AAAAAA",
                           "clients/AAAAAA/client.yaml", "clients/AAAAAA/plan.yaml", "clients/AAAAAA/contacts",
                           "clients/AAAAAA/contacts/2026-01-02T1000-call.yaml"}) {
      CAPTURE(ok);
      CHECK(PastTree::in_layout(ok));
    }
    for (const char* no : {"", "/etc/passwd", "../caseload.yaml", "clients/../caseload.yaml", "clients/AAAAAA/../x",
                           "clients//AAAAAA/client.yaml", "clients/./AAAAAA/client.yaml", ".git/config",
                           ".caseload/cache/clients-A", "clients/aaaaaa/client.yaml", "clients/AAAAAA/notes/x.yaml",
                           "clients/AAAAAA/contacts/x/y.yaml", "resources/a/b.yaml", "caseload.yaml/x", "README.md"}) {
      CAPTURE(no);
      CHECK_FALSE(PastTree::in_layout(no));
    }
  }

  TEST_CASE("a store on a past tree reads its records, names links, and refuses to write") {
    TempDir dir;  // the present store's folder: nothing may appear in it
    using E = PastTree::Entry;
    using K = PastTree::Kind;
    auto tree = PastTree::from({
        {"caseload.yaml", E{K::File, "schema: 1\nagency: Test\nworkers:\n  - {id: aoki}\n"}},
        {"clients/AAAAAA/client.yaml", E{K::File, "id: AAAAAA\nname: Anna\nworker: aoki\nstatus: open\n"}},
        {"clients/AAAAAA/contacts/2026-01-02T1000-call.yaml", E{K::File, "date: 2026-01-02T10:00\nkind: call\n"}},
        {"clients/AAAAAA/contacts/2026-01-03T1000-call.yaml", E{K::Link, ""}},
        {"clients/AAAAAA/referrals", E{K::Other, ""}},
        {"clients/BBBBBB", E{K::Link, ""}},
        {"clients/CCCCCC/client.yaml", E{K::TooLarge, ""}},
        {"clients/../../etc/passwd", E{K::File, "root:x:0:0\n"}},
    });
    const Store store(dir.path(), tree);
    CHECK(store.is_past());
    CHECK(store.settings().agency == "Test");
    CHECK(store.client_ids() == std::vector<std::string>{"AAAAAA", "BBBBBB", "CCCCCC"});
    CHECK(store.has_client("AAAAAA"));
    CHECK_FALSE(store.exists("clients/../../etc/passwd"));

    caseload::Diagnostics warnings;
    const auto records = store.load_all_clients(&warnings);
    REQUIRE(records.size() == 3);
    CHECK(records[0].client.name == "Anna");
    CHECK(records[0].contacts.size() == 1);
    std::string all;
    for (const auto& w : warnings) all += w.str() + "\n";
    CHECK(all.find("clients/AAAAAA/contacts/2026-01-03T1000-call.yaml: error: symbolic link in the store's history") !=
          std::string::npos);
    CHECK(all.find("clients/AAAAAA/referrals: error: not a regular file in the store's history") != std::string::npos);
    CHECK(all.find("clients/BBBBBB/client.yaml: error: symbolic link") != std::string::npos);
    CHECK(all.find("clients/CCCCCC/client.yaml: error: file is over the limit") != std::string::npos);
    CHECK(store.load_client_heads().size() == 3);

    CHECK_THROWS_WITH_AS(caseload::Transaction(store, std::chrono::milliseconds(0)),
                         doctest::Contains("cannot be changed"), caseload::Error);
    CHECK_FALSE(fs::exists(dir / ".caseload"));  // no lock, no cache
  }

  TEST_CASE("outside a git repository there is no past") {
    TempDir dir;
    CHECK_THROWS_WITH_AS(caseload::open_store_as_of(dir.path(), caseload::Date{2026, 1, 1}),
                         doctest::Contains("not a git repository"), caseload::Error);
  }
}
