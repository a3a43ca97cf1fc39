#include "caseload/cli/app.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <regex>
#include <set>

#include "caseload/cli/autocommit.hpp"
#include "caseload/cli/commands.hpp"
#include "caseload/core/errors.hpp"
#include "caseload/core/text.hpp"
#include "caseload/version.hpp"

namespace caseload {
namespace {

// Every subcommand, in the order `caseload --help` lists them.
constexpr void (*k_commands[])(CLI::App&, Runner&) = {
    setup_init,    setup_intake,  setup_show,    setup_list,    setup_find,   setup_edit,
    setup_assess,  setup_plan,    setup_resource, setup_refer,  setup_consent, setup_enroll, setup_finances, setup_screen, setup_documents, setup_report,
    setup_settings, setup_contact, setup_visit, setup_redate, setup_close, setup_remove, setup_followups, setup_stats, setup_check, setup_fmt,
    setup_git,     setup_sync,    setup_merge_driver, setup_complete,
};

// The commands marked by takes_format() in this run's setup.
std::set<const CLI::App*>& format_commands() {
  static std::set<const CLI::App*> commands;
  return commands;
}

// --format given to a command without outputs for it would be ignored
// without a word; the worker would think the output is JSON.
void refuse_unused_format(const CLI::App& app, const Context& ctx) {
  if (ctx.global.format.empty()) return;
  const CLI::App* command = &app;
  std::string name = "caseload";
  while (!command->get_subcommands().empty()) {
    command = command->get_subcommands().front();
    name += " " + command->get_name();
  }
  if (format_commands().count(command)) return;
  std::vector<std::string> with_format;
  for (const CLI::App* c : format_commands()) {
    std::string n = c->get_name();
    for (const CLI::App* p = c->get_parent(); p && p->get_parent(); p = p->get_parent()) n = p->get_name() + " " + n;
    with_format.push_back(n);
  }
  std::sort(with_format.begin(), with_format.end());
  throw UsageError(fmt::format("--format: `{}` has no output formats", name),
                   fmt::format("--format is for: {}", join(with_format)));
}

constexpr const char* k_footer = R"(Exit status: 0 success, 1 error (data, I/O, not found, locked),
2 usage error, 3 findings (check, fmt --check, followups --fail-if-overdue).
See caseload(1) and caseload(5).)";

void add_global_options(CLI::App& app, GlobalOptions& g) {
  app.add_option("--root", g.root, "The store's folder (else CASELOAD_ROOT, else the nearest above)");
  app.add_option("--today", g.today, "What today is, for reports and tests (also CASELOAD_TODAY)");
  app.add_option("--format", g.format, "Output format of lists: table, json, csv (some: md, ics)");
  app.add_option("--color", g.color, "Colour: auto, always, never (NO_COLOR is respected)")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_flag("--no-input", g.no_input, "Never prompt; missing input is an error");
  app.add_flag("-q,--quiet", g.quiet, "Print only what scripts need");
  app.add_flag("--wide", g.wide, "Tables show every cell whole, however wide (else they fit the terminal or COLUMNS)");
}

// CLI11's own texts ("--date: At Most 1 required but received 2") in the
// words of caseload's other usage errors. A text not known here is kept as
// CLI11 wrote it: still right, only less plain.
std::string usage_words(const CLI::ParseError& e) {
  const std::string what = e.what();
  std::smatch m;
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&e)) {
    static const std::regex at_most(R"((.+): At Most (\d+) required but received (\d+))");
    static const std::regex at_least(R"((.+): At least (\d+) required but received (\d+))");
    static const std::regex missing(R"((.+): \d+ required \S+ missing)");
    static const std::regex exactly(R"(Expected exactly (\d+) arguments to (.+), got (\d+))");
    if (std::regex_match(what, m, at_most)) {
      return m[2] == "1" ? fmt::format("{} is given {} times; give it once", m[1].str(), m[3].str())
                         : fmt::format("{} takes at most {} values, not {}", m[1].str(), m[2].str(), m[3].str());
    }
    if (std::regex_match(what, m, at_least))
      return fmt::format("{} needs at least {} values, not {}", m[1].str(), m[2].str(), m[3].str());
    if (std::regex_match(what, m, missing)) return fmt::format("{} needs a value", m[1].str());
    if (std::regex_match(what, m, exactly))
      return fmt::format("{} takes {} values, not {}", m[2].str(), m[1].str(), m[3].str());
  } else if (dynamic_cast<const CLI::ExcludesError*>(&e)) {
    static const std::regex excludes(R"((.+) excludes (.+))");
    if (std::regex_match(what, m, excludes))
      return fmt::format("{} and {} cannot be used together", m[1].str(), m[2].str());
  } else if (dynamic_cast<const CLI::RequiresError*>(&e)) {
    static const std::regex requires_other(R"((.+) requires (.+))");
    if (std::regex_match(what, m, requires_other))
      return fmt::format("{} needs {} as well", m[1].str(), m[2].str());
  } else if (dynamic_cast<const CLI::ExtrasError*>(&e)) {
    static const std::regex extras(R"(The following arguments? (?:was|were) not expected: (.+))");
    if (std::regex_match(what, m, extras)) return fmt::format("unexpected argument: {}", m[1].str());
  }
  return what;
}

}  // namespace

void takes_format(const CLI::App* command) { format_commands().insert(command); }

int run_cli(int argc, const char* const* argv, Context& ctx) {
  CLI::App app{"caseload: a caseworker's caseload as plain-text YAML case folders", "caseload"};
  // The licence is stated where a user of the installed binary looks (issue 21).
  app.set_version_flag("--version", fmt::format("caseload {}\nLicence: Apache-2.0", k_version));
  app.require_subcommand(1);
  app.fallthrough();
  app.footer(k_footer);
  add_global_options(app, ctx.global);
  Runner run;
  format_commands().clear();
  for (auto setup : k_commands) setup(app, run);
  // Global options may come after the command, except for `git`, whose
  // arguments are all git's.
  for (auto* sub : app.get_subcommands({})) sub->fallthrough(!sub->get_prefix_command());
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() != 0 && app.get_subcommands().empty() && !app.remaining().empty()) {
      throw UsageError(fmt::format("unknown command '{}'", app.remaining().front()),
                       "`caseload --help` lists the commands");
    }
    if (e.get_exit_code() == 0) {  // --help, --version
      app.exit(e, ctx.out, ctx.err);
      return k_exit_ok;
    }
    // CLI11's own complaints read like every other usage error.
    std::string command = "caseload";
    for (const CLI::App* sub = &app; !sub->get_subcommands().empty();) {
      sub = sub->get_subcommands().front();
      command += " " + sub->get_name();
    }
    throw UsageError(usage_words(e), fmt::format("`{} --help` lists the arguments and options", command));
  }
  if (!run) return k_exit_usage;
  refuse_unused_format(app, ctx);
  // A bad --today or CASELOAD_TODAY is a usage error for every command but
  // the completion, which must never complain while the user types.
  if (app.get_subcommands().front()->get_name() != "__complete") ctx.today();
  int code = run(ctx);
  if (code == k_exit_ok) code = autocommit(ctx, app.get_subcommands().front()->get_name());
  if (ctx.journal) ctx.journal->locks.clear();  // held through the commit (autocommit.cpp)
  return code;
}

}  // namespace caseload
