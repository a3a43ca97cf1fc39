#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "caseload/core/records.hpp"
#include "caseload/store/validate.hpp"

using namespace caseload;

namespace {

const std::string k_client_path = "clients/ABC123/client.yaml";

const std::string k_valid_client = R"(id: ABC123
name: Siti Rahayu
worker: aoki
status: open
opened: 2026-11-23
)";

Diagnostics shape(const std::string& text, const Schema& schema = schemas::client(),
                  const std::string& path = k_client_path) {
  Diagnostics out;
  validate_shape(parse_document(path, text, schema), out);
  return out;
}

Settings test_settings() {
  Settings s = default_settings();
  s.workers = {{"aoki", "Hana Aoki"}, {"cruz", "Ben Cruz"}};
  s.programs = {{"child-benefit", "Child benefit", std::nullopt, std::nullopt, std::nullopt}};
  return s;
}

Diagnostics record(const std::string& text, const Schema& schema = schemas::client(),
                   const std::string& path = k_client_path) {
  static const Settings settings = test_settings();
  StoreFacts facts{&settings, {"food-bank-north"}};
  Diagnostics out;
  validate_record(parse_document(path, text, schema), facts, out);
  return out;
}

// The one diagnostic whose message contains `needle`; fails when there is not exactly one.
Diagnostic only(const Diagnostics& list, const std::string& needle) {
  std::vector<Diagnostic> hits;
  for (const auto& d : list) {
    if (d.message.find(needle) != std::string::npos) hits.push_back(d);
  }
  std::string found;
  for (const auto& d : list) found += d.str() + "\n";
  INFO("looking for: " << needle << "\nin:\n" << found);
  REQUIRE(hits.size() == 1);
  return hits.front();
}

// No message quotes the value: it is a record's content, and check's output
// goes to CI logs (SECURITY.md).
void never_quotes(const Diagnostics& list, const std::string& value) {
  for (const auto& d : list) {
    INFO(d.str());
    CHECK(d.message.find(value) == std::string::npos);
  }
}

std::string all(const Diagnostics& list) {
  std::string out;
  for (const auto& d : list) out += d.str() + "\n";
  return out;
}

}  // namespace

TEST_SUITE("store::validate") {
  TEST_CASE("a valid record has no findings") {
    CHECK(all(shape(k_valid_client)) == "");
    CHECK(all(record(k_valid_client)) == "");
  }

  TEST_CASE("missing required keys are each reported") {
    auto list = shape("id: ABC123\nname: Siti Rahayu\nstatus: open\n");
    auto worker = only(list, "missing required key 'worker'");
    auto opened = only(list, "missing required key 'opened'");
    CHECK(worker.severity == Severity::Error);
    CHECK(worker.where.path == k_client_path);
    CHECK(worker.where.line == 1);
    CHECK(list.size() == 2);
  }

  TEST_CASE("missing required keys inside list entries name the entry") {
    auto list = shape(k_valid_client + "consent:\n  - scope: [contact]\n    given: 2026-11-23\n");
    auto d = only(list, "missing required key 'to'");
    CHECK(d.message.find("consent") != std::string::npos);
    CHECK(d.where.line == 7);
  }

  TEST_CASE("a required key that is empty is reported") {
    auto list = shape("id: ABC123\nname: ~\nworker: aoki\nstatus: open\nopened: 2026-11-23\n");
    auto d = only(list, "'name' must not be empty");
    CHECK(d.where.line == 2);
  }

  TEST_CASE("a value outside an enumeration lists the choices") {
    auto list =
        shape("id: ABC123\nname: Siti\nworker: aoki\nstatus: pending\nopened: 2026-11-23\n");
    auto d = only(list, "'status': not one of: open, closed");
    never_quotes(list, "pending");
    CHECK(d.where.line == 4);
    CHECK(d.where.col == 9);
    CHECK(d.severity == Severity::Error);
  }

  TEST_CASE("enumerations in nested records are checked") {
    auto list = shape("goals:\n  - id: g1\n    text: Work\n    status: done\n", schemas::plan(),
                      "clients/ABC123/plan.yaml");
    auto d = only(list, "'status': not one of");
    never_quotes(list, "'done'");
    CHECK(d.message.find("active, achieved, on-hold, abandoned") != std::string::npos);
    CHECK(d.where.line == 4);
  }

  TEST_CASE("impossible dates are reported") {
    auto list = shape("id: ABC123\nname: Siti\nworker: aoki\nstatus: open\nopened: 2026-02-30\n");
    auto d = only(list, "'opened': not a valid date (YYYY-MM-DD)");
    never_quotes(list, "2026-02-30");
    CHECK(d.where.line == 5);
    CHECK(d.where.col == 9);
    SUBCASE("and partial dates, date-times and periods") {
      auto more = shape(k_valid_client + "born: 1984-13\ncontact_every: 2 weeks\n");
      only(more, "'born': not a valid date");
      only(more, "'contact_every': not a period");
      never_quotes(more, "1984-13");
      never_quotes(more, "2 weeks");
      auto contact =
          shape("date: 2026-11-26T25:00\nkind: visit\nstatus: done\nworker: aoki\nsummary: x\n",
                schemas::contact(), "clients/ABC123/contacts/2026-11-26T1000-visit.yaml");
      only(contact, "'date': not a valid date-time");
      never_quotes(contact, "25:00");
    }
  }

  // Duplicate keys are refused by parse_document (see store::document): which
  // of two values counts differs between YAML readers, so no command may use
  // or rewrite such a file, and `check` reports the parse error instead.

  TEST_CASE("wrong types are reported") {
    SUBCASE("a list where a single value belongs") {
      auto d =
          only(shape(k_valid_client + "email: [a@b.c, d@e.f]\n"), "'email' must be a single value");
      CHECK(d.where.line == 6);
    }
    SUBCASE("a single value where a list belongs") {
      only(shape(k_valid_client + "tags: family\n"), "'tags' must be a list");
      only(shape(k_valid_client + "household: Adi\n"), "'household' must be a list");
    }
    SUBCASE("a list where a map belongs") {
      auto settings = shape("schema: 1\nworkers:\n  - {id: aoki}\ngit: [true]\n",
                            schemas::settings(), "caseload.yaml");
      auto d = only(settings, "'git' must be a mapping");
      CHECK(d.where.line == 4);
      only(shape(k_valid_client + "consent:\n  - [food-bank-north]\n"),
           "each entry of 'consent' must be a mapping");
      auto scores = shape("date: 2026-11-23\nkind: intake\nworker: aoki\nscores: [1, 2]\n",
                          schemas::assessment(), "clients/ABC123/assessments/2026-11-23.yaml");
      only(scores, "'scores' must be a mapping");
    }
    SUBCASE("a map inside a list of strings") {
      only(shape(k_valid_client + "tags: [a, {b: c}]\n"),
           "each entry of 'tags' must be a single value");
    }
    SUBCASE("multi-line text in a one-line field") {
      only(shape("id: ABC123\nname: |\n  Two\n  lines\nworker: aoki\nstatus: open\nopened: "
                 "2026-11-23\n"),
           "'name' must be one line");
    }
    SUBCASE("a bad whole number and a bad boolean") {
      auto settings = shape("schema: one\nworkers:\n  - {id: aoki}\ngit:\n  autocommit: yes\n",
                            schemas::settings(), "caseload.yaml");
      only(settings, ": not a whole number");
      only(settings, ": not true or false");
      never_quotes(settings, "'one'");
      never_quotes(settings, "yes");
    }
  }

  TEST_CASE("unknown keys are not errors") {
    CHECK(all(shape(k_valid_client + "favourite_colour: blue\nmy_list: [1, 2]\n")) == "");
  }

  TEST_CASE("the client ID must match its folder") {
    auto list = record("id: ABC124\nname: Siti\nworker: aoki\nstatus: open\nopened: 2026-11-23\n");
    auto d = only(list, "'id' does not match its folder name 'ABC123'");
    never_quotes(list, "ABC124");
    CHECK(d.where.line == 1);
    CHECK(d.where.col == 5);
  }

  TEST_CASE("workers, programs and domains must be known") {
    SUBCASE("an unknown worker") {
      auto d =
          only(record("id: ABC123\nname: Siti\nworker: bob\nstatus: open\nopened: 2026-11-23\n"),
               "'worker': unknown worker: not listed under workers in caseload.yaml");
      CHECK(d.message.find("bob") == std::string::npos);
      CHECK(d.where.line == 3);
    }
    SUBCASE("an unknown program") {
      only(record(k_valid_client + "enrollments:\n  - {program: rent-aid, status: applied}\n"),
           "'program': unknown program: not listed under programs");
    }
    SUBCASE("an unknown domain in a plan") {
      only(record("goals:\n  - {id: g1, domain: spaceflight, text: Orbit, status: active}\n",
                  schemas::plan(), "clients/ABC123/plan.yaml"),
           "unknown domain: not listed under domains");
    }
    SUBCASE("an unknown worker in a referral's history, and an unknown resource") {
      auto list = record(
          "id: 2026-11-23-legal-aid\nresource: legal-aid\nreason: x\nstatus: sent\n"
          "history:\n  - {date: 2026-11-23, status: sent, worker: nobody}\n",
          schemas::referral(), "clients/ABC123/referrals/2026-11-23-legal-aid.yaml");
      only(list, "'worker': unknown worker");
      only(list, "'resource': unknown resource");
      never_quotes(list, "nobody");
      never_quotes(list, "'legal-aid'");
    }
  }

  TEST_CASE("task IDs are unique across a plan") {
    const std::string plan = R"(goals:
  - id: g1
    text: Housing
    status: active
    tasks:
      - {id: t1, text: Apply, status: todo}
  - id: g2
    text: Food
    status: active
    tasks:
      - {id: t2, text: Parcel, status: todo}
      - {id: t1, text: Again, status: todo}
)";
    auto list = record(plan, schemas::plan(), "clients/ABC123/plan.yaml");
    auto d = only(list, "duplicate task ID");
    never_quotes(list, "t1");
    CHECK(d.where.line == 12);
    CHECK(list.size() == 1);
  }

  TEST_CASE("goal and task IDs have their form") {
    auto list = record(
        "goals:\n  - id: goal1\n    text: X\n    status: active\n"
        "    tasks:\n      - {id: g2, text: Y, status: todo}\n",
        schemas::plan(), "clients/ABC123/plan.yaml");
    only(list, "a goal ID is g<N>");
    only(list, "a task ID is t<N>");
    never_quotes(list, "goal1");
  }

  TEST_CASE("scores must be on the scale") {
    const std::string path = "clients/ABC123/assessments/2026-11-23.yaml";
    auto list = record(
        "date: 2026-11-23\nkind: intake\nworker: aoki\nscores:\n  housing: 7\n  food: 0\n"
        "  income: 5\n  legal: two\n",
        schemas::assessment(), path);
    CHECK(list.size() == 2);  // 0 (not applicable) and 5 are fine
    const auto& d = list.front();
    CHECK(d.message.find("score not on the scale") == 0);
    CHECK(d.where.line == 5);
    CHECK(d.message.find("1 (in crisis)") != std::string::npos);
    CHECK(list.back().where.line == 8);
    never_quotes(list, "two");
    never_quotes(list, "7");
  }

  TEST_CASE("an assessment's date must match its file name") {
    auto list = record("date: 2026-11-24\nkind: intake\nworker: aoki\n", schemas::assessment(),
                       "clients/ABC123/assessments/2026-11-23.yaml");
    only(list, "does not match its file name's date '2026-11-23'");
  }

  TEST_CASE("a contact's date and kind must match its file name") {
    const std::string path = "clients/ABC123/contacts/2026-11-26T1000-visit.yaml";
    CHECK(
        all(record("date: 2026-11-26T10:00\nkind: visit\nstatus: done\nworker: aoki\nsummary: x\n",
                   schemas::contact(), path)) == "");
    auto list =
        record("date: 2026-11-26T11:00\nkind: call\nstatus: done\nworker: aoki\nsummary: x\n",
               schemas::contact(), path);
    only(list, "'date' does not match its file name '2026-11-26T1000-visit'");
    only(list, "'kind' does not match its file name");
    never_quotes(list, "11:00");
    never_quotes(list, "call");
  }

  TEST_CASE("comment_lines finds comments") {
    const std::string text = R"(# a heading comment
id: ABC123  # the ID
name: "Siti # not a comment"
email: 'x # not a comment'
url: https://example.org/#anchor
notes: |
  # a heading inside the text
  Room #5
worker: aoki # after the block
tags: [a, b] # in flow
)";
    CHECK(comment_lines(text) == std::vector<int>{1, 2, 9, 10});
  }

  TEST_CASE("comment_lines knows where nested literal blocks end") {
    const std::string text = R"(goals:
  - id: g1
    text: |
      # inside
        # deeper inside
    # after the block, at the key's indent
    status: active
history:
  - note: >-
      # folded, still text
  # a comment
)";
    CHECK(comment_lines(text) == std::vector<int>{6, 11});
  }

  TEST_CASE("comment_lines is not fooled by quotes that are not quotes") {
    CHECK(comment_lines("name: O'Brien # a comment\n") == std::vector<int>{1});
    CHECK(comment_lines("note: \"say \\\"hi\\\" # still quoted\"\n").empty());
    CHECK(comment_lines("note: C# developer\n").empty());
    CHECK(comment_lines("").empty());
  }

  TEST_CASE("comment_lines: a block header with a comment still starts a block") {
    const std::string text =
        "notes: | # about the notes\n  # a heading in the text\nworker: aoki\n";
    CHECK(comment_lines(text) == std::vector<int>{1});
  }
}
