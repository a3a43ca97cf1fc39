// The values the commands accept are the values the schemas allow: each
// option check and each status list a command uses equals the schema's
// enumeration for that field, in the same order.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "caseload/cli/commands.hpp"
#include "caseload/core/choices.hpp"
#include "caseload/core/referral.hpp"
#include "caseload/store/schema.hpp"

using namespace caseload;

namespace {

const std::vector<std::string_view>& enum_of(const Schema& schema, std::string_view key) {
  const Field* f = schema.find(key);
  REQUIRE(f != nullptr);
  REQUIRE(f->kind == FieldKind::Enum);
  return f->choices;
}

const Schema& nested(const Schema& schema, std::string_view key) {
  const Field* f = schema.find(key);
  REQUIRE(f != nullptr);
  REQUIRE(f->nested != nullptr);
  return *f->nested;
}

// What CLI11 says an option's IsMember check takes: "{a,b,c}".
std::string accepted(CLI::App& app, const char* command, const char* option) {
  CLI::Option* o = app.get_subcommand(command)->get_option(option);
  return o->get_validator()->get_description();
}

std::string as_set(const std::vector<std::string_view>& values) {
  std::string out = "{";
  for (size_t i = 0; i < values.size(); ++i) out += (i ? "," : "") + std::string(values[i]);
  return out + "}";
}

}  // namespace

TEST_SUITE("cli choices") {
  TEST_CASE("each option's list of values is the schema's enumeration for its field") {
    CLI::App app;
    Runner run;
    setup_intake(app, run);
    setup_list(app, run);
    setup_assess(app, run);
    setup_contact(app, run);

    CHECK(accepted(app, "intake", "--risk") == as_set(enum_of(schemas::client(), "risk")));
    CHECK(accepted(app, "assess", "--kind") == as_set(enum_of(schemas::assessment(), "kind")));
    CHECK(accepted(app, "contact", "--kind") == as_set(enum_of(schemas::contact(), "kind")));
    CHECK(accepted(app, "contact", "--status") == as_set(enum_of(schemas::contact(), "status")));
    CHECK(accepted(app, "schedule", "--kind") == as_set(enum_of(schemas::contact(), "kind")));
    std::vector<std::string_view> list_statuses = enum_of(schemas::client(), "status");
    list_statuses.push_back("all");
    CHECK(accepted(app, "list", "--status") == as_set(list_statuses));
  }

  TEST_CASE("the lists the commands check statuses against are the schema's") {
    // plan status, enrollment and referral check their arguments in code.
    const Schema& goal = nested(schemas::plan(), "goals");
    CHECK(choices::goal_status == enum_of(goal, "status"));
    CHECK(choices::task_status == enum_of(nested(goal, "tasks"), "status"));
    CHECK(choices::enrollment_status == enum_of(nested(schemas::client(), "enrollments"), "status"));
    CHECK(choices::referral_status == enum_of(schemas::referral(), "status"));
    CHECK(choices::referral_status == enum_of(nested(schemas::referral(), "history"), "status"));
    for (auto s : enum_of(schemas::referral(), "status")) CHECK(is_referral_status(s));
    CHECK(choices::client_status == enum_of(schemas::client(), "status"));
    CHECK(choices::risk == enum_of(schemas::client(), "risk"));
    CHECK(choices::assessment_kind == enum_of(schemas::assessment(), "kind"));
    CHECK(choices::contact_kind == enum_of(schemas::contact(), "kind"));
    CHECK(choices::contact_status == enum_of(schemas::contact(), "status"));
  }
}
