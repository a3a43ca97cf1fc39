// The enumerations of core/choices, and the orders that follow them: the
// follow-up list's risk order and a day's assessments.
#include <doctest/doctest.h>

#include <fstream>
#include <string>
#include <vector>

#include "caseload/core/choices.hpp"
#include "caseload/core/followups.hpp"
#include "caseload/store/store.hpp"
#include "temp_dir.hpp"

using namespace caseload;
using caseload::testing::TempDir;

namespace {

void write_file(const std::filesystem::path& path, const std::string& text) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

}  // namespace

TEST_SUITE("core::choices") {
  TEST_CASE("index_of gives a value's position in its list, -1 for any other value") {
    CHECK(choices::index_of(choices::risk, "low") == 0);
    CHECK(choices::index_of(choices::risk, "high") == 2);
    CHECK(choices::index_of(choices::risk, "High") == -1);
    CHECK(choices::index_of(choices::risk, "") == -1);
    CHECK(choices::index_of({}, "low") == -1);
  }

  TEST_CASE("is_one_of and join_choices read a list as written") {
    CHECK(is_one_of("closing", choices::assessment_kind));
    CHECK_FALSE(is_one_of("annual", choices::assessment_kind));
    CHECK(join_choices(choices::assessment_kind) == "intake, review, closing");
    CHECK(join_choices({}).empty());
  }

  TEST_CASE("as_strings keeps every value and its order") {
    CHECK(choices::as_strings(choices::contact_status) ==
          std::vector<std::string>{"scheduled", "done", "missed", "cancelled"});
    CHECK(choices::as_strings({}).empty());
  }

  TEST_CASE("the follow-up list puts a day's items high risk first, then medium, low, and none") {
    std::vector<FollowupItem> items;
    for (const char* risk : {"", "low", "oddity", "high", "medium"}) {
      FollowupItem i;
      i.date = Date{2026, 11, 23};
      i.kind = "task";
      i.client = "AAAAAA";  // one client: only the risk tells them apart
      i.risk = risk;
      items.push_back(i);
    }
    sort_followups(items);
    std::vector<std::string> order;
    for (const auto& i : items) order.push_back(i.risk);
    // A value outside choices::risk sorts with no risk (stable among equals is
    // not promised, so only the first three places are checked exactly).
    REQUIRE(order.size() == 5);
    CHECK(order[0] == "high");
    CHECK(order[1] == "medium");
    CHECK(order[2] == "low");
    CHECK((order[3] == "" || order[3] == "oddity"));
    CHECK((order[4] == "" || order[4] == "oddity"));
  }

  TEST_CASE("a day's assessments are read intake, review, closing; an unknown kind with the reviews") {
    TempDir dir;
    write_file(dir / "caseload.yaml", "schema: 1\nagency: Test\nworkers:\n  - {id: aoki}\n");
    const std::string folder = "clients/AAAAAA/";
    write_file(dir / (folder + "client.yaml"), "id: AAAAAA\nname: Anna\nworker: aoki\nstatus: open\nopened: 2026-01-01\n");
    // File names in the opposite order, so that only the kind can explain the result.
    const std::vector<std::pair<const char*, const char*>> files = {
        {"2026-01-02-aaaa", "closing"}, {"2026-01-02-bbbb", "review"}, {"2026-01-02-cccc", "annual"},
        {"2026-01-02-dddd", "intake"}};
    for (const auto& [stem, kind] : files) {
      write_file(dir / (folder + "assessments/" + stem + ".yaml"),
                 std::string("date: 2026-01-02\nkind: ") + kind + "\nworker: aoki\n");
    }
    Store store(dir.path());
    Diagnostics warnings;
    const ClientRecord r = store.load_client("AAAAAA", OnBroken::Skip, &warnings);
    std::vector<std::string> kinds;
    for (const auto& a : r.assessments) kinds.push_back(a.kind);
    CHECK(kinds == std::vector<std::string>{"intake", "review", "annual", "closing"});
  }
}
