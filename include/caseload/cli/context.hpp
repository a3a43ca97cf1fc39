#pragma once
// What a command may touch of the outside world, built once by main: the
// streams, the environment, the clock (read once), terminals. Commands get
// it by reference and never reach around it.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>

#include "caseload/core/date.hpp"
#include "caseload/report/table.hpp"
#include "caseload/store/store.hpp"

namespace caseload {

struct GlobalOptions {
  std::string root;
  std::string today;
  std::string format;  // empty: the command's default
  std::string color = "auto";
  bool no_input = false;
  bool quiet = false;
  bool wide = false;  // tables show every cell whole
};

struct Context {
  Context(std::ostream& out_stream, std::ostream& err_stream, std::istream& in_stream)
      : out(out_stream), err(err_stream), in(in_stream) {}

  std::ostream& out;
  std::ostream& err;
  std::istream& in;
  bool stdin_is_tty = false;
  bool stdout_is_tty = false;
  int terminal_columns = 0;  // stdout's terminal width (TIOCGWINSZ); 0 when not a terminal
  std::function<std::optional<std::string>(const std::string&)> env;
  std::filesystem::path cwd;
  Date clock_date;          // the local date when the command started
  int clock_minutes = 0;    // and the local time of day, in minutes
  std::function<uint32_t()> random;
  std::filesystem::path executable;  // this program, absolute (git's merge driver runs it)
  GlobalOptions global;
  // What the command wrote, for autocommit; every Store from open_store() fills it.
  std::shared_ptr<WriteJournal> journal = std::make_shared<WriteJournal>();

  // --today, else CASELOAD_TODAY, else the clock; a bad value is a usage error.
  Date today() const;
  bool today_overridden() const;
  // The store's folder: --root, else CASELOAD_ROOT, else the nearest above.
  std::filesystem::path store_root() const;
  Store open_store(OnBadSettings on_bad = OnBadSettings::Refuse) const;
  Style style() const;
  // How wide tables may be: nothing with --wide; else COLUMNS when it is a
  // whole number from 1 to 10000 (any other value is ignored), else the
  // terminal's width when stdout is one; else no limit.
  TableFit table_fit() const;
  std::chrono::milliseconds lock_wait() const;  // CASELOAD_LOCK_TIMEOUT seconds, default 10
  // The acting worker: the flag, else CASELOAD_WORKER, else defaults.worker.
  std::string acting_worker(const Store& store, const std::string& flag) const;
  bool can_prompt() const { return !global.no_input && stdin_is_tty; }
  // The output format: the global --format, else `fallback`; one of `allowed`.
  std::string format(const std::string& fallback, const std::vector<std::string>& allowed) const;
};

}  // namespace caseload
