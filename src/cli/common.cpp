#include "caseload/cli/common.hpp"

#include <fmt/format.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <iostream>
#include <iterator>
#include <map>
#include <sstream>

#include "caseload/cli/snapshot.hpp"
#include "caseload/core/ids.hpp"
#include "caseload/core/text.hpp"
#include "caseload/report/table.hpp"
#include "caseload/store/decode.hpp"
#include "caseload/store/fsutil.hpp"

namespace caseload {

namespace {

// Every client's key; a client whose client.yaml cannot be parsed is kept
// with its ID only, and its error, so that naming it by ID says what is wrong.
std::vector<ClientKey> client_keys(const Store& store, std::map<std::string, DataError>* broken) {
  std::vector<ClientKey> keys;
  for (auto& head : store.load_client_heads()) {
    if (head.client) {
      const Client& c = *head.client;
      keys.push_back({head.id, c.name, c.preferred_name, c.external_id, c.phone, c.status});
    } else if (broken) {
      keys.push_back({head.id, "", "", "", "", ""});
      broken->emplace(head.id, *head.error);
    }
  }
  return keys;
}

}  // namespace

std::vector<ClientKey> load_client_keys(const Store& store, Diagnostics* warnings,
                                        std::vector<UnreadableClient>* unreadable) {
  std::map<std::string, DataError> broken;
  auto keys = client_keys(store, &broken);
  std::erase_if(keys, [&](const ClientKey& k) { return broken.count(k.id) > 0; });
  for (const auto& [id, e] : broken) {
    if (warnings) warnings->push_back({e.where(), Severity::Error, e.message()});
    if (unreadable) unreadable->push_back({id, {e.where(), e.message()}});
  }
  return keys;
}

namespace {

// The client's record, read once for the command; a record that cannot be
// parsed stops the command, pointing at the fix (unless it is allowed, for
// `edit`: then there is none).
std::optional<Document> read_client(const Store& store, const std::string& id, BrokenRecord broken_record) {
  try {
    return store.read(Store::client_path(id), schemas::client());
  } catch (const DataError& e) {
    if (broken_record == BrokenRecord::Allow) return std::nullopt;
    throw DataError(e.where(), e.message(),
                    fmt::format("fix it with `caseload edit {}` (or any editor), then run `caseload check`", id));
  }
}

// The candidates of an ambiguous name, one table row each, with what tells
// two clients of one name apart: birth date, worker, status, last contact.
// The list stops at k_max_candidates (a one-letter query on a large store).
constexpr size_t k_max_candidates = 20;
std::string candidates_table(const Store& store, const std::vector<ClientKey>& keys, const std::vector<size_t>& found,
                             const std::map<std::string, DataError>& broken) {
  Table t;
  t.headers = {"ID", "NAME", "BORN", "WORKER", "STATUS", "LAST CONTACT"};
  t.max_width = {0, 32, 0, 0, 0, 0};
  for (size_t n = 0; n < found.size() && n < k_max_candidates; ++n) {
    const auto& k = keys[found[n]];
    if (broken.count(k.id)) {
      t.rows.push_back({k.id, "(record cannot be read)", "", "", "unreadable", ""});
      continue;
    }
    const ClientRecord r = store.load_client(k.id, OnBroken::Skip);
    const Contact* last = r.last_done_contact();
    t.rows.push_back({k.id, k.name, r.client.born, r.client.worker, r.client.status,
                      last ? last->date->date.str() : ""});
  }
  std::ostringstream text;
  print_table(text, t, Style{false});
  std::string out;
  for (const auto& line : split_lines(text.str())) out += (out.empty() ? "  " : "\n  ") + line;
  if (found.size() > k_max_candidates) out += fmt::format("\n  ... and {} more", found.size() - k_max_candidates);
  return out;
}

// `want_record`: the command uses the record, so it is read whatever the
// query; else it is read only to stop on a broken one.
ResolvedClient resolve(const Store& store, const std::string& raw_query, BrokenRecord broken_record,
                       bool want_record) {
  const std::string query = trim(raw_query);  // " K7Q2MX " as pasted from a table still names K7Q2MX
  // A path is no name: `../x` or `/etc` is refused before anything is looked up.
  if (query.empty() || contains_control(query, false) || query.find('/') != std::string::npos || query == "." ||
      query == "..")
    throw UsageError(fmt::format("'{}' is not a client ID, ID prefix or name", query),
                     "name a client by ID (K7Q2MX), a unique ID prefix (K7Q) or a unique name match (siti)");
  const bool read_anyway = want_record || broken_record == BrokenRecord::Refuse;
  // An exact ID needs only its own record read: fast on any store size. The
  // read also stops a command on a client whose record is broken.
  if (auto id = normalize_client_id_prefix(query); id && id->size() == k_client_id_length && store.has_client(*id)) {
    return {*id, read_anyway ? read_client(store, *id, broken_record) : std::nullopt};
  }
  std::map<std::string, DataError> broken;
  const auto keys = client_keys(store, &broken);
  const auto found = resolve_client(keys, query);
  if (found.size() == 1) {
    const std::string& id = keys[found.front()].id;
    const bool read = want_record || (broken.count(id) && broken_record == BrokenRecord::Refuse);
    return {id, read ? read_client(store, id, broken_record) : std::nullopt};
  }
  if (found.empty()) {
    throw Error(fmt::format("no client matches '{}'", query),
                broken.empty() ? "name a client by ID, ID prefix or name; `caseload find TEXT` searches"
                               : "name a client by ID, ID prefix or name; some client records cannot be read "
                                 "(see `caseload check`)");
  }
  throw Error(fmt::format("'{}' matches {} clients:\n{}", query, found.size(), candidates_table(store, keys, found, broken)),
              "name the client by its ID (the first column), or give more of the name");
}

}  // namespace

std::string resolve_client_id(const Store& store, const std::string& query, BrokenRecord broken_record) {
  return resolve(store, query, broken_record, false).id;
}

ResolvedClient resolve_client(const Store& store, const std::string& query, BrokenRecord broken_record) {
  return resolve(store, query, broken_record, true);
}

Date parse_date_option(const std::string& value, const std::string& flag, const Date& today) {
  auto d = parse_date_arg(value, today);
  if (!d) {
    throw UsageError(fmt::format("{}: '{}' is not a date", flag, value),
                     fmt::format("dates may be {}", k_date_forms));
  }
  return *d;
}

DateTime parse_datetime_option(const std::string& value, const std::string& flag, const Date& today) {
  if (auto exact = DateTime::parse(value)) return *exact;
  // A date form, then 'T' or a space and a time of day ("fri 9:30",
  // "2026-11-24T14:30"): the part after the last such separator, when it
  // starts with a digit (so that a date form of its own is never cut).
  std::string date_part = value;
  std::string time_part;
  const auto sep = value.find_last_of("T ");
  if (sep != std::string::npos && sep + 1 < value.size() && std::isdigit(static_cast<unsigned char>(value[sep + 1]))) {
    date_part = value.substr(0, sep);
    time_part = value.substr(sep + 1);
  }
  Date d = parse_date_option(date_part, flag, today);
  if (time_part.empty()) return DateTime{d, -1};
  // Files hold HH:MM; on the command line the hour may be one digit (9:30).
  if (time_part.size() == 4 && time_part[1] == ':') time_part.insert(0, "0");
  auto dt = DateTime::parse(d.str() + "T" + time_part);
  if (!dt) {
    throw UsageError(fmt::format("{}: '{}' is not a time of day (H:MM or HH:MM)", flag, time_part),
                     "times run from 0:00 to 23:59, e.g. 2026-11-24T14:30 or \"fri 9:30\"");
  }
  return *dt;
}

void refuse_future_date(const Date& date, const Date& today, const std::string& flag, const std::string& what,
                        const std::string& hint) {
  if (date <= today) return;
  throw UsageError(fmt::format("{}: {} cannot be in the future ({} is after today, {}); nothing was written", flag,
                               what, date.str(), today.str()),
                   hint);
}

void warn_far_past_date(Context& ctx, const Date& date, const Date& today, const std::string& flag) {
  if (date >= far_past_limit(today)) return;
  ctx.err << fmt::format("caseload: warning: {}: {} is more than a year ago (today is {}); recorded all the same, "
                         "check the year\n",
                         flag, date.str(), today.str());
}

Period parse_period_option(const std::string& value, const std::string& flag) {
  auto p = parse_cadence(value);
  if (!p) throw UsageError(fmt::format("{}: '{}' is not {}", flag, value, k_cadence_form));
  return *p;
}

std::string one_line_option(const std::string& value, const std::string& flag) {
  if (!valid_utf8(value)) throw UsageError(fmt::format("{}: not valid UTF-8", flag));
  std::string t = trim(value);
  if (contains_control(t, false)) throw UsageError(fmt::format("{}: must be one line without control characters", flag));
  return to_nfc(t);
}

std::string text_option(Context& ctx, const std::string& value, const std::string& flag) {
  std::string text = value;
  if (value == "-") text.assign(std::istreambuf_iterator<char>(ctx.in), std::istreambuf_iterator<char>());
  if (!valid_utf8(text)) throw UsageError(fmt::format("{}: not valid UTF-8", flag));
  if (contains_control(text, true)) throw UsageError(fmt::format("{}: control characters are not allowed", flag));
  return as_text_block(to_nfc(text));
}

std::string prompt_required(Context& ctx, const std::string& question, const std::string& flag) {
  if (!ctx.can_prompt()) {
    throw UsageError(fmt::format("missing {}", flag),
                     ctx.global.no_input ? "pass it on the command line (--no-input is set)"
                                         : "pass it on the command line (standard input is not a terminal)");
  }
  for (;;) {
    ctx.err << question << ": " << std::flush;
    std::string line;
    if (!std::getline(ctx.in, line)) throw UsageError(fmt::format("missing {}", flag));
    std::string value = trim(line);
    if (!value.empty()) return one_line_option(value, flag);
  }
}

Document read_for_update(const Store& store, const std::string& path, const Schema& schema) {
  try {
    return store.read(path, schema);
  } catch (const DataError& e) {
    throw DataError(e.where(), e.message() + "; nothing was changed",
                    "fix the file (e.g. `caseload edit`), then run `caseload check`");
  }
}

void run_editor(Context& ctx, const std::string& path) {
  std::string editor = ctx.env("VISUAL").value_or("");
  if (editor.empty()) editor = ctx.env("EDITOR").value_or("");
  if (editor.empty()) editor = "vi";
  ctx.out.flush();
  pid_t pid = ::fork();
  if (pid < 0) throw Error("cannot start the editor");
  if (pid == 0) {
    const std::string script = editor + " \"$@\"";
    ::execl("/bin/sh", "sh", "-c", script.c_str(), editor.c_str(), path.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    throw Error(fmt::format("the editor ({}) failed; nothing was changed", editor));
  }
}

}  // namespace caseload

namespace caseload {

YAML::Node list_for_update(Document& doc, std::string_view key) {
  const YAML::Node current = child(doc.root, key);
  if (!current.IsDefined() || current.IsNull()) {
    doc.root[std::string(key)] = YAML::Node(YAML::NodeType::Sequence);
  } else if (!current.IsSequence()) {
    throw DataError(doc.where(current), fmt::format("'{}' is not a list; nothing was changed", key),
                    "fix the file (e.g. `caseload edit`), then run `caseload check`");
  }
  return doc.root[std::string(key)];
}

std::vector<std::string> comma_list_option(const std::string& value, const std::string& flag) {
  std::vector<std::string> items;
  size_t start = 0;
  while (start <= value.size()) {
    size_t end = value.find(',', start);
    if (end == std::string::npos) end = value.size();
    std::string item = one_line_option(value.substr(start, end - start), flag);
    if (!item.empty()) items.push_back(item);
    start = end + 1;
  }
  if (items.empty()) throw UsageError(fmt::format("{}: '{}' names nothing", flag, value), "give a comma-separated list, e.g. contact,needs");
  return items;
}

void write_output_file(const Context& ctx, const std::string& output, const std::string& text) {
  const auto target = ctx.cwd / output;
  std::error_code ec;
  const auto status = std::filesystem::symlink_status(target, ec);
  if (std::filesystem::exists(status) && !std::filesystem::is_regular_file(status))
    throw Error(fmt::format("--output {} is {}: caseload writes only a new file or replaces a regular one", output,
                            file_kind_name(target)),
                "name a new file, or write to standard output and redirect it");
  atomic_write(target, text);
}

}  // namespace caseload
