// caseload fmt [--check]: every record in canonical form.
#include <fmt/format.h>

#include "caseload/cli/commands.hpp"

namespace caseload {
namespace {

struct FmtOptions {
  bool check = false;
};

int run_fmt(const FmtOptions& o, Context& ctx) {
  Store store = ctx.open_store(OnBadSettings::Allow);
  std::vector<Store::RecordFile> files = store.record_files();
  files.insert(files.begin(), {std::string(record_type<Settings>().file), &record_type<Settings>()});
  std::optional<Transaction> tx;
  if (!o.check) tx.emplace(store, ctx.lock_wait());
  size_t differ = 0, broken = 0;
  for (const auto& file : files) {
    try {
      Document doc = store.read(file.path, *file.type->schema);
      const std::string canonical = doc.canonical();
      if (canonical == doc.text) continue;
      ++differ;
      if (o.check) {
        ctx.out << file.path << '\n';
      } else {
        tx->write_raw(file.path, canonical);
        if (!ctx.global.quiet) ctx.out << "formatted " << file.path << '\n';
      }
    } catch (const DataError& e) {
      ++broken;
      ctx.err << "caseload: error: " << e.what() << " (not rewritten)\n";
    }
  }
  if (broken > 0) return k_exit_error;
  return o.check && differ > 0 ? k_exit_findings : k_exit_ok;
}

}  // namespace

void setup_fmt(CLI::App& app, Runner& run) {
  auto o = std::make_shared<FmtOptions>();
  auto* cmd = add_command(app, run, "fmt", "Rewrite every record in canonical form", o, run_fmt);
  cmd->add_flag("--check", o->check, "Only list the files that would change; exit 3 if any");
}

}  // namespace caseload
