#pragma once
// The subcommands: each file in src/cli/ adds one (or a pair) to the app
// with setup_x(app, run); app.cpp lists them all in one table.
#include <CLI/CLI.hpp>
#include <functional>

#include "caseload/cli/context.hpp"

namespace caseload {

using Runner = std::function<int(Context&)>;

// Adds a subcommand whose callback makes `run` the command's body.
template <typename Options, typename Body>
CLI::App* add_command(CLI::App& app, Runner& run, const char* name, const char* help,
                      std::shared_ptr<Options> opts, Body body) {
  CLI::App* sub = app.add_subcommand(name, help);
  sub->callback([&run, opts, body] { run = [opts, body](Context& ctx) { return body(*opts, ctx); }; });
  return sub;
}

// Marks a command (or an action such as `resource list`) as one with
// outputs for --format; on any other command --format is a usage error,
// found before the command runs (app.cpp).
void takes_format(const CLI::App* command);

void setup_init(CLI::App& app, Runner& run);
void setup_intake(CLI::App& app, Runner& run);
void setup_show(CLI::App& app, Runner& run);
void setup_list(CLI::App& app, Runner& run);
void setup_find(CLI::App& app, Runner& run);
void setup_edit(CLI::App& app, Runner& run);
void setup_close(CLI::App& app, Runner& run);   // close and reopen
void setup_contact(CLI::App& app, Runner& run); // contact and schedule
void setup_visit(CLI::App& app, Runner& run);   // what became of a scheduled contact
void setup_redate(CLI::App& app, Runner& run);  // a record's mistyped date
void setup_check(CLI::App& app, Runner& run);
void setup_fmt(CLI::App& app, Runner& run);
void setup_followups(CLI::App& app, Runner& run);
void setup_stats(CLI::App& app, Runner& run);      // figures for supervision
void setup_assess(CLI::App& app, Runner& run);
void setup_plan(CLI::App& app, Runner& run);
void setup_resource(CLI::App& app, Runner& run);  // resource add|list|show|edit
void setup_refer(CLI::App& app, Runner& run);     // refer and referral
void setup_consent(CLI::App& app, Runner& run);
void setup_enroll(CLI::App& app, Runner& run);    // enroll and enrollment
void setup_finances(CLI::App& app, Runner& run);
void setup_screen(CLI::App& app, Runner& run);
void setup_documents(CLI::App& app, Runner& run);
void setup_report(CLI::App& app, Runner& run);     // the progress report
void setup_git(CLI::App& app, Runner& run);       // git and log
void setup_sync(CLI::App& app, Runner& run);      // clone and sync
void setup_merge_driver(CLI::App& app, Runner& run);
void setup_settings(CLI::App& app, Runner& run);  // worker and program add|set|list
void setup_remove(CLI::App& app, Runner& run);    // remove and merge-client
void setup_complete(CLI::App& app, Runner& run);  // hidden: __complete, for the shell scripts

}  // namespace caseload
