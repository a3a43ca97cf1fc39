#include "caseload/cli/context.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "caseload/core/errors.hpp"

namespace caseload {

bool Context::today_overridden() const {
  return !global.today.empty() || env("CASELOAD_TODAY").value_or("") != "";
}

Date Context::today() const {
  std::string text = global.today;
  const char* source = "--today";
  if (text.empty()) {
    text = env("CASELOAD_TODAY").value_or("");
    source = "CASELOAD_TODAY";
  }
  if (text.empty()) return clock_date;
  auto d = parse_date_arg(text, clock_date);
  if (!d) throw UsageError(fmt::format("{}: '{}' is not a date", source, text),
                           fmt::format("dates may be {}", k_date_forms));
  return *d;
}

std::filesystem::path Context::store_root() const {
  return find_root(global.root.empty() ? std::nullopt : std::optional(global.root), env("CASELOAD_ROOT"), cwd);
}

Store Context::open_store(OnBadSettings on_bad) const {
  Store store(store_root(), on_bad);
  store.set_journal(journal);
  return store;
}

Style Context::style() const {
  if (global.color == "always") return Style{true};
  if (global.color == "never") return Style{false};
  if (env("NO_COLOR").value_or("") != "") return Style{false};
  if (env("TERM").value_or("") == "dumb") return Style{false};
  return Style{stdout_is_tty};
}

TableFit Context::table_fit() const {
  if (global.wide) return TableFit{0, true};
  const std::string columns = env("COLUMNS").value_or("");
  if (!columns.empty() && columns.size() <= 5 &&
      std::all_of(columns.begin(), columns.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    const int n = std::stoi(columns);
    if (n >= 1 && n <= 10000) return TableFit{n, false};
  }
  if (stdout_is_tty && terminal_columns > 0) return TableFit{terminal_columns, false};
  return TableFit{};
}

std::chrono::milliseconds Context::lock_wait() const {
  auto text = env("CASELOAD_LOCK_TIMEOUT");
  if (!text || text->empty()) return std::chrono::milliseconds(10000);
  try {
    double seconds = std::stod(*text);
    // Bounded so that the conversion cannot overflow (1e30, inf): a day is
    // longer than any command holds the lock.
    if (seconds >= 0 && seconds <= 86400) return std::chrono::milliseconds(static_cast<long>(seconds * 1000));
  } catch (const std::exception&) {
  }
  throw UsageError(fmt::format("CASELOAD_LOCK_TIMEOUT: '{}' is not a number of seconds", *text),
                   "give a number of seconds from 0 to 86400, e.g. 10 or 0.5");
}

std::string Context::acting_worker(const Store& store, const std::string& flag) const {
  std::string id = flag;
  const char* source = "--worker";
  if (id.empty()) {
    id = env("CASELOAD_WORKER").value_or("");
    source = "CASELOAD_WORKER";
  }
  if (id.empty()) {
    id = store.settings().defaults.worker;
    source = "defaults.worker in caseload.yaml";
  }
  if (id.empty()) {
    throw UsageError("no worker: pass --worker ID, set CASELOAD_WORKER, or set defaults.worker in caseload.yaml");
  }
  if (!store.settings().find_worker(id)) {
    std::string known;
    for (const auto& w : store.settings().workers) known += (known.empty() ? "" : ", ") + w.id;
    // The ID is named when the user typed it; one read from caseload.yaml is
    // the store's, and the message names its place instead.
    const std::string named = std::string_view(source).starts_with("defaults.") ? "" : fmt::format(" '{}'", id);
    throw UsageError(fmt::format("{}: unknown worker{}", source, named),
                     fmt::format("workers in caseload.yaml: {}", known.empty() ? "(none)" : known));
  }
  return id;
}

std::string Context::format(const std::string& fallback, const std::vector<std::string>& allowed) const {
  std::string f = global.format.empty() ? fallback : global.format;
  if (std::find(allowed.begin(), allowed.end(), f) == allowed.end()) {
    std::string list;
    for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
    throw UsageError(fmt::format("--format: '{}' is not available here", f), fmt::format("use one of: {}", list));
  }
  return f;
}

}  // namespace caseload
