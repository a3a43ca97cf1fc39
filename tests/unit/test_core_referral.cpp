// The referral lifecycle of SPEC 2 move by move, consent coverage, and the
// deadlines an approved enrollment gets from its program.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "caseload/core/referral.hpp"

using namespace caseload;

namespace {

const Date k_today{2026, 11, 23};

Date d(const char* text) { return *Date::parse(text); }

Consent consent(const std::string& to, std::optional<Date> given, std::optional<Date> expires = std::nullopt,
                std::optional<Date> revoked = std::nullopt) {
  return Consent{to, {"contact", "needs"}, given, expires, revoked};
}

// Every (from, to) pair the lifecycle allows; all other pairs are refused.
const std::vector<std::pair<std::string, std::string>> k_allowed = {
    {"draft", "sent"},           {"draft", "cancelled"},        {"sent", "accepted"},
    {"sent", "declined"},        {"sent", "no-response"},       {"sent", "cancelled"},
    {"accepted", "completed"},   {"accepted", "closed-unmet"},  {"accepted", "cancelled"},
    {"no-response", "accepted"}, {"no-response", "declined"},   {"no-response", "cancelled"},
};

bool listed_as_allowed(std::string_view from, std::string_view to) {
  for (const auto& [f, t] : k_allowed) {
    if (f == from && t == to) return true;
  }
  return false;
}

}  // namespace

TEST_SUITE("core::referral lifecycle") {
  TEST_CASE("the statuses of SPEC 2 are known, anything else is not") {
    for (auto s : choices::referral_status) CHECK(is_referral_status(s));
    CHECK(choices::referral_status.size() == 8);
    CHECK_FALSE(is_referral_status("open"));
    CHECK_FALSE(is_referral_status("Sent"));
    CHECK_FALSE(is_referral_status(""));
  }

  TEST_CASE("completed, closed-unmet, declined and cancelled are final; the others are open") {
    CHECK(is_final_referral_status("completed"));
    CHECK(is_final_referral_status("closed-unmet"));
    CHECK(is_final_referral_status("declined"));
    CHECK(is_final_referral_status("cancelled"));
    CHECK_FALSE(is_final_referral_status("draft"));
    CHECK_FALSE(is_final_referral_status("sent"));
    CHECK_FALSE(is_final_referral_status("accepted"));
    CHECK_FALSE(is_final_referral_status("no-response"));
  }

  TEST_CASE("the final statuses, derived from the moves table, are exactly the four of SPEC 2") {
    std::vector<std::string_view> final_statuses;
    for (auto s : choices::referral_status) {
      if (is_final_referral_status(s)) final_statuses.push_back(s);
    }
    CHECK(final_statuses == std::vector<std::string_view>{"declined", "completed", "closed-unmet", "cancelled"});
    // A status that is no status is neither open nor final.
    CHECK_FALSE(is_final_referral_status("open"));
    CHECK_FALSE(is_final_referral_status("Completed"));
    CHECK_FALSE(is_final_referral_status(""));
  }

  TEST_CASE("every open status has somewhere to go, every final one nowhere") {
    for (auto s : choices::referral_status) {
      CAPTURE(s);
      CHECK(next_referral_statuses(s).empty() == is_final_referral_status(s));
      for (const auto& to : next_referral_statuses(s)) CHECK(is_referral_status(to));
    }
  }

  TEST_CASE("a history starts with draft or sent only") {
    CHECK(is_initial_referral_status("draft"));
    CHECK(is_initial_referral_status("sent"));
    for (auto s : {"accepted", "declined", "no-response", "completed", "closed-unmet", "cancelled"}) {
      CAPTURE(s);
      CHECK_FALSE(is_initial_referral_status(s));
    }
  }

  TEST_CASE("each allowed move is allowed, every other pair of statuses is refused") {
    for (auto from : choices::referral_status) {
      for (auto to : choices::referral_status) {
        CAPTURE(from);
        CAPTURE(to);
        CHECK(referral_transition_allowed(from, to) == listed_as_allowed(from, to));
      }
    }
  }

  TEST_CASE("nothing moves out of a final status, not even to cancelled") {
    for (auto from : {"completed", "closed-unmet", "declined", "cancelled"}) {
      CAPTURE(from);
      CHECK(next_referral_statuses(from).empty());
      CHECK_FALSE(referral_transition_allowed(from, "cancelled"));
      CHECK_FALSE(referral_transition_allowed(from, "sent"));
    }
  }

  TEST_CASE("staying in the same status is not a move") {
    for (auto s : choices::referral_status) {
      CAPTURE(s);
      CHECK_FALSE(referral_transition_allowed(s, s));
    }
  }

  TEST_CASE("moves skipping a step or going back are refused") {
    CHECK_FALSE(referral_transition_allowed("sent", "completed"));
    CHECK_FALSE(referral_transition_allowed("draft", "accepted"));
    CHECK_FALSE(referral_transition_allowed("accepted", "sent"));
    CHECK_FALSE(referral_transition_allowed("no-response", "completed"));
    CHECK_FALSE(referral_transition_allowed("sent", "draft"));
  }

  TEST_CASE("unknown statuses move nowhere") {
    CHECK_FALSE(referral_transition_allowed("open", "sent"));
    CHECK_FALSE(referral_transition_allowed("sent", "done"));
    CHECK(next_referral_statuses("open").empty());
  }

  TEST_CASE("the next statuses are listed in lifecycle order, for messages") {
    CHECK(next_referral_statuses("draft") == std::vector<std::string>{"sent", "cancelled"});
    CHECK(next_referral_statuses("sent") == std::vector<std::string>{"accepted", "declined", "no-response", "cancelled"});
    CHECK(next_referral_statuses("accepted") == std::vector<std::string>{"completed", "closed-unmet", "cancelled"});
    CHECK(next_referral_statuses("no-response") == std::vector<std::string>{"accepted", "declined", "cancelled"});
  }
}

TEST_SUITE("core::referral consent") {
  const std::string k_id = "food-bank-north";
  const std::string k_org = "City Mission";

  TEST_CASE("a consent to the resource's ID covers it") {
    const std::vector<Consent> cs = {consent(k_id, d("2026-11-01"), d("2027-11-01"))};
    CHECK(consent_covers(cs, k_id, k_org, k_today));
    CHECK_FALSE(consent_covers(cs, "legal-aid", k_org, k_today));
    CHECK(consent_lapse(cs, k_id, k_org, k_today).empty());
  }

  TEST_CASE("a consent to the organization covers each of its resources, case and accents aside") {
    const std::vector<Consent> cs = {consent("city mission", d("2026-11-01"))};
    CHECK(consent_covers(cs, k_id, k_org, k_today));
    CHECK(consent_covers(cs, "city-mission-shelter", k_org, k_today));
    CHECK_FALSE(consent_covers(cs, "legal-aid", "Legal Aid Office", k_today));
    const std::vector<Consent> accents = {consent("Kaupunkilähetys", d("2026-11-01"))};
    CHECK(consent_covers(accents, k_id, "KAUPUNKILAHETYS", k_today));
  }

  TEST_CASE("a resource without an organization is covered only by its ID or *") {
    const std::vector<Consent> cs = {consent("", d("2026-11-01"))};
    CHECK_FALSE(consent_covers(cs, k_id, "", k_today));
    CHECK(consents_naming(cs, k_id, "").empty());
  }

  TEST_CASE("* covers every resource") {
    const std::vector<Consent> cs = {consent("*", d("2026-11-01"))};
    CHECK(consent_covers(cs, k_id, k_org, k_today));
    CHECK(consent_covers(cs, "anything", "", k_today));
  }

  TEST_CASE("consents_naming lists entries by ID, organization and *, in force or not") {
    const std::vector<Consent> cs = {consent(k_id, d("2025-01-01"), d("2025-12-31")), consent("other", d("2026-01-01")),
                                     consent(k_org, d("2026-01-01")), consent("*", d("2026-01-01"))};
    const auto naming = consents_naming(cs, k_id, k_org);
    REQUIRE(naming.size() == 3);
    CHECK(naming[0] == &cs[0]);
    CHECK(naming[1] == &cs[2]);
    CHECK(naming[2] == &cs[3]);
  }

  TEST_CASE("expires is the last day a consent holds") {
    const std::vector<Consent> cs = {consent(k_id, d("2025-11-23"), k_today)};
    CHECK(consent_covers(cs, k_id, k_org, k_today));
    CHECK_FALSE(consent_covers(cs, k_id, k_org, k_today.add_days(1)));
    CHECK(consent_lapse(cs, k_id, k_org, k_today.add_days(1)) == "has expired");
  }

  TEST_CASE("a revoked consent stops covering from the day it is revoked") {
    const std::vector<Consent> cs = {consent(k_id, d("2026-01-01"), d("2027-01-01"), k_today)};
    CHECK(consent_covers(cs, k_id, k_org, k_today.add_days(-1)));
    CHECK_FALSE(consent_covers(cs, k_id, k_org, k_today));
    CHECK(consent_lapse(cs, k_id, k_org, k_today) == "was revoked");
  }

  TEST_CASE("a consent not yet given, or without a given date, does not cover") {
    const std::vector<Consent> later = {consent(k_id, d("2026-12-01"))};
    CHECK_FALSE(consent_covers(later, k_id, k_org, k_today));
    CHECK(consent_lapse(later, k_id, k_org, k_today) == "is not in force yet (given from a later day)");
    CHECK(consent_covers(later, k_id, k_org, d("2026-12-01")));
    const std::vector<Consent> undated = {consent(k_id, std::nullopt)};
    CHECK_FALSE(consent_covers(undated, k_id, k_org, k_today));
    CHECK(consent_lapse(undated, k_id, k_org, k_today) == "has no given date");
  }

  TEST_CASE("one entry in force is enough, even after a lapsed one") {
    const std::vector<Consent> cs = {consent(k_id, d("2024-01-01"), d("2024-12-31")), consent("*", d("2026-11-01"))};
    CHECK(consent_covers(cs, k_id, k_org, k_today));
    CHECK(consent_lapse(cs, k_id, k_org, k_today).empty());
  }

  TEST_CASE("no consent naming the resource: not covered, and no lapse to explain") {
    CHECK_FALSE(consent_covers({}, k_id, k_org, k_today));
    CHECK(consent_lapse({}, k_id, k_org, k_today).empty());
  }
}

TEST_SUITE("core::referral enrollment deadlines") {
  TEST_CASE("approval sets the next report and the renewal from the program's periods") {
    const Program p{"child-benefit", "Child benefit", Period{3, 'm'}, Period{12, 'm'}, Period{30, 'd'}};
    const auto due = enrollment_deadlines(p, k_today);
    CHECK(due.next_report == d("2027-02-23"));
    CHECK(due.renew_by == d("2027-11-23"));
  }

  TEST_CASE("months clamp to the last day of the month") {
    const Program p{"food-assistance", "", Period{1, 'm'}, Period{1, 'y'}, std::nullopt};
    auto due = enrollment_deadlines(p, d("2027-01-31"));
    CHECK(due.next_report == d("2027-02-28"));
    CHECK(due.renew_by == d("2028-01-31"));
    due = enrollment_deadlines(p, d("2028-01-31"));
    CHECK(due.next_report == d("2028-02-29"));  // leap year
    due = enrollment_deadlines(p, d("2028-02-29"));
    CHECK(due.renew_by == d("2029-02-28"));
  }

  TEST_CASE("days and weeks count days") {
    const Program p{"x", "", Period{2, 'w'}, Period{90, 'd'}, std::nullopt};
    const auto due = enrollment_deadlines(p, d("2026-12-25"));
    CHECK(due.next_report == d("2027-01-08"));
    CHECK(due.renew_by == d("2027-03-25"));
  }

  TEST_CASE("a program without periods sets no deadlines") {
    const Program p{"one-off-grant", "One-off grant", std::nullopt, std::nullopt, std::nullopt, {}, {}};
    const auto due = enrollment_deadlines(p, k_today);
    CHECK_FALSE(due.next_report.has_value());
    CHECK_FALSE(due.renew_by.has_value());
    const Program report_only{"r", "", Period{6, 'm'}, std::nullopt, std::nullopt};
    CHECK(enrollment_deadlines(report_only, k_today).next_report == d("2027-05-23"));
    CHECK_FALSE(enrollment_deadlines(report_only, k_today).renew_by.has_value());
  }
}
