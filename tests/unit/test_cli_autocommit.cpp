#include <doctest/doctest.h>

#include "caseload/cli/autocommit.hpp"

using namespace caseload;

TEST_SUITE("cli::autocommit") {
  TEST_CASE("a commit message names the command and the IDs in the paths, never more") {
    CHECK(commit_message("intake", {"clients/K7Q2MX/client.yaml", "clients/K7Q2MX/assessments/2026-11-23-k3vd.yaml"}) ==
          "intake K7Q2MX");
    CHECK(commit_message("contact", {"clients/K7Q2MX/contacts/2026-11-23T1000-call-7gq2.yaml"}) ==
          "contact K7Q2MX 2026-11-23T1000-call-7gq2");
    CHECK(commit_message("refer", {"clients/K7Q2MX/client.yaml", "clients/K7Q2MX/referrals/2026-11-23-food-bank-north-x2m9.yaml"}) ==
          "refer K7Q2MX 2026-11-23-food-bank-north-x2m9");
    CHECK(commit_message("resource", {"resources/food-bank-north.yaml"}) == "resource food-bank-north");
    CHECK(commit_message("plan", {"clients/K7Q2MX/plan.yaml"}, "task add t3") == "plan K7Q2MX task add t3");
  }

  TEST_CASE("a command that wrote many files is summed up by their number") {
    std::vector<std::string> paths;
    for (const char* id : {"AAAAAA", "BBBBBB", "CCCCCC", "DDDDDD", "EEEEEE", "FFFFFF", "GGGGGG"})
      paths.push_back(std::string("clients/") + id + "/client.yaml");
    CHECK(commit_message("fmt", paths) == "fmt (7 files)");
  }

  TEST_CASE("the acting worker is a trailer after the message") {
    CHECK(with_worker_trailer("contact K7Q2MX 2026-11-23T1000-call-7gq2", "berg") ==
          "contact K7Q2MX 2026-11-23T1000-call-7gq2\n\nCaseload-Worker: berg");
    CHECK(with_worker_trailer("init", "") == "init");
  }
}
