// The store as a past commit holds it (--as-of): which commit, its files in
// bulk (one ls-tree, one cat-file --batch, whatever the store's size), and a
// read-only Store on them.
#include "caseload/store/past_tree.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <ctime>
#include <unordered_map>

#include "caseload/core/errors.hpp"
#include "caseload/core/ids.hpp"
#include "caseload/store/document.hpp"
#include "caseload/store/git.hpp"
#include "caseload/store/record_types.hpp"

namespace caseload {
namespace fs = std::filesystem;
namespace {

// What git may print for a store's tree and blobs: far above a 10,000-client
// store (~10 MB of listing, ~40 MB of files), far below what would exhaust
// memory. A hostile history past it is refused, not read.
constexpr std::size_t k_max_listing_bytes = std::size_t{256} << 20;
constexpr std::size_t k_max_blob_bytes_total = std::size_t{2} << 30;

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    const std::size_t slash = path.find('/', start);
    parts.push_back(path.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start));
    if (slash == std::string_view::npos) return parts;
    start = slash + 1;
  }
}

bool is_hex(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  });
}

// The names of the record types' places in a client folder.
bool is_client_file_name(std::string_view name, Place place) {
  return std::any_of(all_record_types().begin(), all_record_types().end(),
                     [&](const RecordType& t) { return t.place == place && t.file == name; });
}

Date local_date_of(std::int64_t seconds) {
  const std::time_t t = static_cast<std::time_t>(seconds);
  std::tm local{};
  ::localtime_r(&t, &local);
  return Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

// The last second of `day` in local time (the zone of TZ, as git and the
// clock of every other command use it).
std::int64_t end_of_day(const Date& day) {
  std::tm local{};
  local.tm_year = day.year - 1900;
  local.tm_mon = day.month - 1;
  local.tm_mday = day.day;
  local.tm_hour = 23;
  local.tm_min = 59;
  local.tm_sec = 59;
  local.tm_isdst = -1;
  return static_cast<std::int64_t>(std::mktime(&local));
}

// "<seconds> <commit>\n" as `rev-list --timestamp` prints it.
std::optional<std::pair<std::int64_t, std::string>> parse_timestamped(std::string_view out) {
  const auto space = out.find(' ');
  const auto end = out.find('\n');
  if (space == std::string_view::npos || end == std::string_view::npos || end < space) return std::nullopt;
  std::int64_t seconds = 0;
  if (std::from_chars(out.data(), out.data() + space, seconds).ec != std::errc{}) return std::nullopt;
  const std::string_view commit = out.substr(space + 1, end - space - 1);
  if (!is_hex(commit)) return std::nullopt;
  return std::pair{seconds, std::string(commit)};
}

[[noreturn]] void history_error(const GitResult& r) {
  throw Error(fmt::format("cannot read the store's history: {}", r.message()),
              "`caseload git log` shows whether git can read it; without --as-of the store is read as it is now");
}

// The repository must be the store's own: the history of a folder that
// holds the store among other things is not the store's.
void require_own_history(const fs::path& root) {
  const auto top = repository_top(root);
  if (!top) {
    throw Error("--as-of reads the store's git history, and this store is not a git repository: it has no past to read",
                "a store made by `caseload init` (or `caseload clone`) commits every change; without --as-of the "
                "command reads the store as it is now");
  }
  if (!same_folder(*top, root)) {
    throw Error(fmt::format("--as-of reads the store's own git history, and this store is a folder inside the "
                            "repository at {}, which caseload never reads or commits to",
                            top->string()),
                "make the store a repository of its own (`caseload init` in a new folder, then copy the records); "
                "without --as-of the command reads the store as it is now");
  }
}

// The commit that holds the store at the end of `day`.
std::pair<std::int64_t, std::string> commit_as_of(const fs::path& root, const Date& day) {
  // "@<seconds> +0000": a moment for git, not a date for it to parse.
  const std::string before = fmt::format("--before=@{} +0000", end_of_day(day));
  const GitResult r = run_git(root, {"rev-list", "-1", "--first-parent", "--timestamp", before, "HEAD", "--"});
  if (!r.ok()) {
    if (!run_git(root, {"rev-parse", "--verify", "--quiet", "HEAD"}).ok())
      throw Error("--as-of: the store has no commits yet, so no past to read",
                  "its history begins with its first commit; without --as-of the command reads the store as it is now");
    history_error(r);
  }
  if (auto found = parse_timestamped(r.out)) return *found;
  const GitResult first = run_git(root, {"rev-list", "--first-parent", "--max-parents=0", "--timestamp", "HEAD", "--"});
  const auto root_commit = first.ok() ? parse_timestamped(first.out) : std::nullopt;
  if (!root_commit) history_error(first);
  const std::string since = local_date_of(root_commit->first).str();
  throw Error(fmt::format("--as-of {}: the store's history begins on {} (its first commit), after that day", day.str(),
                          since),
              fmt::format("give a date on or after {}", since));
}

// The blobs `objects` (hex IDs, each once) by one `git cat-file --batch`:
// each answer is "<id> blob <size>\n<bytes>\n". Fills `bytes_of` with views
// into `buffer`.
void read_blobs(const fs::path& root, const std::vector<std::string>& objects, std::uint64_t total,
                std::string& buffer, std::unordered_map<std::string, std::string_view>& bytes_of) {
  if (objects.empty()) return;
  std::string input;
  for (const auto& o : objects) input += o + "\n";
  const std::size_t limit = total + objects.size() * 128 + 4096;
  if (limit > k_max_blob_bytes_total) throw Error("the store's history on that day is larger than caseload reads");
  GitResult r = run_git_input(root, {"cat-file", "--batch", "--buffer"}, input, limit);
  if (!r.ok()) history_error(r);
  buffer = std::move(r.out);
  const std::string_view out(buffer);
  std::size_t at = 0;
  for (const auto& object : objects) {
    const std::size_t eol = std::min(out.find('\n', at), out.size());  // at <= out.size(): checked below
    const std::string_view line = out.substr(at, eol - at);
    const auto first = line.find(' ');
    const auto second = first == std::string_view::npos ? first : line.find(' ', first + 1);
    std::uint64_t size = 0;
    const bool answered = second != std::string_view::npos && line.substr(0, first) == object &&
                          line.substr(first + 1, second - first - 1) == "blob" &&
                          std::from_chars(line.data() + second + 1, line.data() + line.size(), size).ec == std::errc{} &&
                          size < out.size() && eol + 2 + size <= out.size();
    if (!answered) {
      throw Error("cannot read the store's history: git's answer for a file is not what was asked",
                  "`git fsck` in the store says whether its history is damaged");
    }
    bytes_of[object] = out.substr(eol + 1, size);
    at = eol + 1 + size + 1;  // the bytes, then "\n"
  }
}

}  // namespace

std::optional<PastTree::Listed> PastTree::parse_listed(std::string_view line) {
  // "<mode> SP <type> SP <object> SP+ <size> TAB <path>"; the size is "-"
  // for anything but a blob.
  const auto tab = line.find('\t');
  if (tab == std::string_view::npos) return std::nullopt;
  Listed l;
  l.path = std::string(line.substr(tab + 1));
  std::string_view head = line.substr(0, tab);
  std::vector<std::string_view> fields;
  for (std::size_t start = 0; start < head.size();) {
    const std::size_t space = head.find(' ', start);
    const std::size_t end = space == std::string_view::npos ? head.size() : space;
    if (end > start) fields.push_back(head.substr(start, end - start));
    start = end + 1;
  }
  if (fields.size() != 4 || !is_hex(fields[2])) return std::nullopt;
  l.mode = std::string(fields[0]);
  l.type = std::string(fields[1]);
  l.object = std::string(fields[2]);
  if (fields[3] != "-" &&
      std::from_chars(fields[3].data(), fields[3].data() + fields[3].size(), l.size).ec != std::errc{})
    return std::nullopt;
  return l;
}

bool PastTree::in_layout(std::string_view path) {
  if (path.empty() || path.front() == '/') return false;
  const auto parts = split_path(path);
  for (const auto& p : parts) {
    if (p.empty() || p == "." || p == "..") return false;
  }
  const std::string_view resources = record_type<Resource>().file;
  if (parts[0] == record_type<Settings>().file) return parts.size() == 1;
  if (parts[0] == resources) return parts.size() <= 2;
  if (parts[0] != "clients") return false;
  if (parts.size() == 1) return true;                // a link in place of clients/
  if (!is_client_id(parts[1])) return false;
  if (parts.size() == 2) return true;                // a link in place of a client folder
  if (parts.size() == 3) return is_client_file_name(parts[2], Place::ClientFile) ||
                                is_client_file_name(parts[2], Place::ClientEvents);
  return parts.size() == 4 && is_client_file_name(parts[2], Place::ClientEvents);
}

std::shared_ptr<const PastTree> PastTree::read(const fs::path& root, const std::string& commit) {
  const GitResult listing = run_git(root, {"ls-tree", "-r", "-z", "-l", "--full-tree", commit}, k_max_listing_bytes);
  if (!listing.ok()) history_error(listing);
  auto tree = std::make_shared<PastTree>();
  std::vector<std::pair<std::string, std::string>> wanted;  // path, object
  std::vector<std::string> objects;
  std::unordered_map<std::string, bool> asked;
  std::uint64_t total = 0;
  for (std::size_t at = 0; at < listing.out.size();) {
    std::size_t end = listing.out.find('\0', at);
    if (end == std::string::npos) end = listing.out.size();
    const auto listed = parse_listed(std::string_view(listing.out).substr(at, end - at));
    at = end + 1;
    if (!listed || !in_layout(listed->path)) continue;  // not the store's: never read
    Entry& e = tree->entries_[listed->path];
    const bool regular = listed->type == "blob" && (listed->mode == "100644" || listed->mode == "100755");
    if (listed->mode == "120000") {
      e.kind = Kind::Link;
    } else if (!regular) {
      e.kind = Kind::Other;
    } else if (listed->size > k_max_file_bytes) {
      e.kind = Kind::TooLarge;
    } else {
      wanted.emplace_back(listed->path, listed->object);
      if (!asked[listed->object]) {
        asked[listed->object] = true;
        objects.push_back(listed->object);
        total += listed->size;
      }
    }
  }
  std::unordered_map<std::string, std::string_view> bytes_of;
  read_blobs(root, objects, total, tree->buffer_, bytes_of);
  for (const auto& [path, object] : wanted) tree->entries_[path].bytes = bytes_of.at(object);
  return tree;
}

std::shared_ptr<const PastTree> PastTree::from(const std::vector<std::pair<std::string, Entry>>& entries) {
  auto tree = std::make_shared<PastTree>();
  for (const auto& [path, e] : entries) tree->buffer_ += e.bytes;
  std::size_t at = 0;
  for (const auto& [path, e] : entries) {
    const std::string_view bytes = std::string_view(tree->buffer_).substr(at, e.bytes.size());
    at += e.bytes.size();
    if (in_layout(path)) tree->entries_[path] = Entry{e.kind, bytes};
  }
  return tree;
}

const PastTree::Entry* PastTree::find(std::string_view path) const {
  const auto it = entries_.find(path);
  return it == entries_.end() ? nullptr : &it->second;
}

const PastTree::Entry* PastTree::find_on_way(std::string_view path) const {
  for (std::size_t slash = path.find('/'); slash != std::string_view::npos; slash = path.find('/', slash + 1)) {
    const Entry* e = find(path.substr(0, slash));
    if (e && e->kind != Kind::File) return e;
  }
  return find(path);
}

std::vector<std::string> PastTree::children(std::string_view dir) const {
  const std::string prefix = dir.empty() ? std::string() : std::string(dir) + "/";
  std::vector<std::string> names;
  for (auto it = entries_.lower_bound(prefix); it != entries_.end() && it->first.starts_with(prefix); ++it) {
    const std::string_view rest = std::string_view(it->first).substr(prefix.size());
    const std::string_view name = rest.substr(0, rest.find('/'));
    if (names.empty() || names.back() != name) names.emplace_back(name);
  }
  return names;
}

bool PastTree::exists(std::string_view path) const {
  if (find(path)) return true;
  const std::string prefix = std::string(path) + "/";
  const auto it = entries_.lower_bound(prefix);
  return it != entries_.end() && it->first.starts_with(prefix);
}

PastStore open_store_as_of(const fs::path& root, const Date& day) {
  require_own_history(root);
  auto [committed, commit] = commit_as_of(root, day);
  auto tree = PastTree::read(root, commit);
  if (!tree->find(record_type<Settings>().file)) {
    throw Error(fmt::format("--as-of {}: the store's commit of that day has no caseload.yaml", day.str()),
                "give a later date, on which the store had its settings");
  }
  try {
    return PastStore{commit, committed, Store(root, std::move(tree))};
  } catch (const DataError& e) {
    // Nothing in the store now can fix the past: say which day's file it is.
    throw DataError(e.where(), e.message() + fmt::format(" (as the store's history holds it on {})", day.str()),
                    "give another date; `caseload check` says whether caseload.yaml is still so");
  }
}

}  // namespace caseload
