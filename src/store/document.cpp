#include "caseload/store/document.hpp"
#include "caseload/store/fsutil.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <optional>
#include <sstream>

#include "caseload/core/text.hpp"
#include "caseload/store/emit.hpp"

namespace caseload {
namespace {

// The 1-based byte column of the first byte that does not begin a valid
// UTF-8 character (the shortest valid piece at a character boundary is that
// character, so stepping by it never skips a bad byte).
int first_invalid_column(std::string_view line) {
  size_t i = 0;
  while (i < line.size()) {
    size_t n = 1;
    while (n <= 4 && i + n <= line.size() && !valid_utf8(line.substr(i, n))) ++n;
    if (n > 4 || i + n > line.size()) return static_cast<int>(i) + 1;
    i += n;
  }
  return 1;
}

Location first_invalid_utf8(const std::string& path, const std::string& text) {
  int line = 1;
  size_t i = 0;
  while (i < text.size()) {
    size_t end = text.find('\n', i);
    if (end == std::string::npos) end = text.size();
    std::string_view l(text.data() + i, end - i);
    if (!valid_utf8(l)) return {path, line, first_invalid_column(l)};
    ++line;
    i = end + 1;
  }
  return {path, 1, 1};
}

// yaml-cpp 0.7 accepts a quoted scalar that is never closed (it runs to the
// end of the file), so a record cut off inside "..." would read as one long
// string and a rewrite would destroy the rest of the file. Find the closing
// quote ourselves.
void check_closed_quote(const Document& doc, const YAML::Node& node) {
  const auto mark = node.Mark();
  if (mark.pos < 0 || static_cast<size_t>(mark.pos) >= doc.text.size()) return;
  const char quote = doc.text[static_cast<size_t>(mark.pos)];
  if (quote != '"' && quote != '\'') return;
  for (size_t i = static_cast<size_t>(mark.pos) + 1; i < doc.text.size(); ++i) {
    if (quote == '"' && doc.text[i] == '\\') {
      ++i;
    } else if (doc.text[i] == quote) {
      if (quote == '\'' && i + 1 < doc.text.size() && doc.text[i + 1] == '\'') {
        ++i;  // '' is an escaped quote inside '...'
      } else {
        return;
      }
    }
  }
  throw DataError(doc.where(node), "YAML syntax: a quoted string is never closed",
                  fmt::format("add the closing {} quote", quote));
}

// In a block mapping every key is followed by ':'. yaml-cpp 0.7 takes a stray
// word on a line of its own for a key without a value (its issue #819), and a
// rewrite would turn the typo into data.
void check_block_key(const Document& doc, const YAML::Node& key) {
  const auto mark = key.Mark();
  if (key.Tag() != "?" || mark.pos < 0) return;
  const std::string& k = key.Scalar();
  size_t at = static_cast<size_t>(mark.pos);
  if (doc.text.compare(at, k.size(), k) != 0) return;  // written differently; let it be
  at += k.size();
  while (at < doc.text.size() && (doc.text[at] == ' ' || doc.text[at] == '\t')) ++at;
  if (at < doc.text.size() && doc.text[at] == ':') return;
  // The stray text may be anything the record holds: it is named only when it is a key of the record.
  const std::string what = doc.schema && doc.schema->knows_key(k) ? fmt::format("'{}'", k) : std::string("a key");
  throw DataError(doc.where(key), fmt::format("YAML syntax: {} is not followed by ':'", what),
                  "write `key: value`, or remove the stray text");
}

void check_keys(const Document& doc, const YAML::Node& map) {
  std::vector<std::pair<std::string, YAML::Node>> seen;
  for (auto it = map.begin(); it != map.end(); ++it) {
    check_closed_quote(doc, it->first);
    // A null key (`{a: 1, , b: 2}`, a line `: x`) or a list or map as a key
    // (`? [a, b]`) is no field of any record, and the canonical writer cannot
    // give it back: a rewrite would lose it (both found by fuzz_document).
    if (it->first.IsNull()) {
      throw DataError(doc.where(it->first), "YAML syntax: a key is missing",
                      "write `key: value`, or remove the stray ',' or ':'");
    }
    if (!it->first.IsScalar()) {
      throw DataError(doc.where(it->first), "a key must be a plain name, not a list or a map",
                      "write `key: value`");
    }
    if (map.Style() != YAML::EmitterStyle::Flow) check_block_key(doc, it->first);
    for (const auto& [name, first] : seen) {
      if (name != it->first.Scalar()) continue;
      // Which of the two values counts is up to each YAML reader: refuse.
      throw DataError(doc.where(it->first),
                      fmt::format("duplicate key{} (first at line {})",
                                  doc.schema && doc.schema->knows_key(name) ? fmt::format(" '{}'", name) : "",
                                  first.Mark().line + 1),
                      "keep one of the two");
    }
    seen.emplace_back(it->first.Scalar(), it->first);
  }
}

// Bounds the tree before anything walks it: aliases are shared nodes in
// yaml-cpp, so a walk over an "alias bomb" would expand it; deep nesting
// would exhaust the stack of every recursive reader. The same walk finds
// the syntax errors yaml-cpp lets through (see above).
void check_shape(const Document& doc, const YAML::Node& node, int depth, long& budget) {
  if (depth > k_max_depth) {
    throw DataError(doc.where(node), fmt::format("nesting deeper than {} levels", k_max_depth),
                    "records are at most a few levels deep; flatten the structure");
  }
  if (--budget < 0) {
    throw DataError(doc.where(node), "too many values (an alias expanding without bound?)",
                    "anchors and aliases are not needed in store files; remove them");
  }
  if (node.IsScalar()) {
    check_closed_quote(doc, node);
  } else if (node.IsMap()) {
    check_keys(doc, node);
    for (auto it = node.begin(); it != node.end(); ++it) check_shape(doc, it->second, depth + 1, budget);
  } else if (node.IsSequence()) {
    for (const auto& item : node) check_shape(doc, item, depth + 1, budget);
  }
}

}  // namespace

Location Document::where(const YAML::Node& node) const {
  auto mark = node.Mark();
  if (mark.line < 0) return {path, 0, 0};
  return {path, mark.line + 1, mark.column + 1};
}

Location Document::where_key(const YAML::Node& map, std::string_view key) const {
  if (map.IsMap()) {
    for (auto it = map.begin(); it != map.end(); ++it) {
      if (it->first.IsScalar() && it->first.Scalar() == key) return where(it->first);
    }
  }
  return where(map);
}

std::string Document::canonical() const { return emit_canonical(root, *schema); }

namespace {

// The limits that hold before yaml-cpp sees a byte.
void check_bytes(const std::string& path, const std::string& text) {
  if (text.size() > k_max_file_bytes) {
    // Only limit + 1 bytes are ever read, so the true size is not known here.
    throw DataError({path, 0, 0}, fmt::format("file is over the limit of {} bytes (1 MiB)", k_max_file_bytes),
                    "move long narratives into several contact records");
  }
  if (!valid_utf8(text)) {
    throw DataError(first_invalid_utf8(path, text), "not valid UTF-8", "save the file as UTF-8");
  }
  if (text.find('\0') != std::string::npos) {
    throw DataError({path, 0, 0}, "file contains NUL bytes", "the file is not a YAML record");
  }
}

// A file left mid-merge by a sync that stopped at a conflict: git's marker
// lines would read as a puzzling syntax error, or even as a key. A marker
// starts its line, where no record's text can be (a `|` block is indented).
void check_conflict_markers(const std::string& path, const std::string& text) {
  int line = 0;
  for (size_t at = 0; at < text.size(); at = text.find('\n', at) + 1) {
    ++line;
    const std::string_view rest(text.data() + at, text.size() - at);
    for (const std::string_view marker : {"<<<<<<<", "|||||||", "=======", ">>>>>>>"}) {
      if (!rest.starts_with(marker)) continue;
      const char after = rest.size() > marker.size() ? rest[marker.size()] : '\n';
      if (after != ' ' && after != '\n' && after != '\r') continue;
      // The way out is in the message itself: some commands give a hint of their own.
      throw DataError({path, line, 1},
                      "leftover conflict markers (<<<<<<<, =======, >>>>>>>) of a merge; keep the right lines, "
                      "delete the markers, then run `caseload sync --continue`");
    }
    if (text.find('\n', at) == std::string::npos) break;
  }
}

// The root of each document in a stream, as a parser event sees it.
struct DocumentRoot {
  YAML::Mark mark;
  bool null = true;
};

// Records where each document's root starts and whether it is empty,
// without building a tree.
class RootScan : public YAML::EventHandler {
 public:
  std::vector<DocumentRoot> roots;

  void OnDocumentStart(const YAML::Mark&) override { fresh_ = true; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override { root(mark, true); }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override { root(mark, false); }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t, const std::string&) override {
    root(mark, false);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    root(mark, false);
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    root(mark, false);
  }
  void OnMapEnd() override {}

 private:
  void root(const YAML::Mark& mark, bool null) {
    if (fresh_) roots.push_back({mark, null});
    fresh_ = false;
  }
  bool fresh_ = false;
};

// Every document of the stream, checked for syntax. Not YAML::LoadAll:
// yaml-cpp 0.7 loops for ever, allocating, on a token no node can start
// with (a stray ',' or ']'; its PR #1319), returning the same empty
// document again and again. An empty document where the last one was is
// that loop: it is reported as the syntax error it is.
std::vector<DocumentRoot> scan_documents(const std::string& path, const std::string& text) {
  std::istringstream in(text);
  YAML::Parser parser(in);
  RootScan scan;
  while (parser.HandleNextDocument(scan)) {
    const auto& roots = scan.roots;
    if (roots.size() >= 2 && roots.back().null && roots.back().mark.pos == roots[roots.size() - 2].mark.pos) {
      const YAML::Mark at = roots.back().mark;
      throw DataError({path, at.line + 1, at.column + 1}, "YAML syntax: nothing can start here",
                      "remove the stray character, then run `caseload check`");
    }
  }
  return scan.roots;
}

// The place of a tab in the indentation of line `line` (0-based) or of the
// line before it, where yaml-cpp reports what a tab there breaks; none when
// neither is indented with one. Only asked once yaml-cpp has failed: a tab
// after the indentation of a `|` block is text, not an error.
std::optional<Location> tab_in_indentation(const std::string& path, const std::string& text, int line) {
  const auto lines = split_lines(text);
  for (int l = std::min(line, static_cast<int>(lines.size()) - 1); l >= 0 && l >= line - 1; --l) {
    const std::string& s = lines[static_cast<size_t>(l)];
    const size_t indent_end = s.find_first_not_of(" \t");
    const size_t tab = s.find('\t');
    if (tab != std::string::npos && (indent_end == std::string::npos || tab < indent_end))
      return Location{path, l + 1, static_cast<int>(tab) + 1};
  }
  return std::nullopt;
}

// The documents are scanned first (syntax, and a second document, which
// YAML::Load would silently ignore and a rewrite would drop); then the
// first is loaded as a tree.
std::pair<YAML::Node, std::vector<DocumentRoot>> load_first(const std::string& path, const std::string& text) {
  try {
    auto roots = scan_documents(path, text);
    return {YAML::Load(text), std::move(roots)};
  } catch (const YAML::DeepRecursion& e) {
    // yaml-cpp's own guard (2000 levels), hit before our walk could count.
    throw DataError({path, e.mark.line + 1, e.mark.column + 1},
                    fmt::format("nesting deeper than {} levels", k_max_depth),
                    "records are at most a few levels deep; flatten the structure");
  } catch (const YAML::Exception& e) {
    // yaml-cpp's words for it ("illegal tab when looking for indentation",
    // or a map whose end is not found) do not say what to do.
    if (auto tab = tab_in_indentation(path, text, e.mark.line))
      throw DataError(*tab, "tabs are not allowed for indentation; use spaces",
                      "replace the tab with spaces, then run `caseload check`");
    throw DataError({path, e.mark.line + 1, e.mark.column + 1}, "YAML syntax: " + e.msg,
                    "fix the syntax, then run `caseload check`");
  }
}

}  // namespace

Document parse_document(const std::string& path, std::string text, const Schema& schema) {
  Document doc{path, std::move(text), YAML::Node(YAML::NodeType::Map), &schema};
  check_bytes(path, doc.text);
  check_conflict_markers(path, doc.text);
  auto [parsed, roots] = load_first(path, doc.text);
  for (size_t i = 1; i < roots.size(); ++i) {
    if (roots[i].null) continue;  // a trailing '---' holds nothing to lose
    throw DataError({path, roots[i].mark.line + 1, roots[i].mark.column + 1},
                    "a second YAML document (after '---') in one record",
                    "a record is one document: merge the two, or remove the '---' line");
  }
  if (!parsed.IsDefined() || parsed.IsNull()) parsed = YAML::Node(YAML::NodeType::Map);
  if (!parsed.IsMap()) {
    throw DataError(doc.where(parsed), fmt::format("a {} must be a mapping of keys to values", schema.name));
  }
  doc.root = parsed;
  long budget = 100000;
  check_shape(doc, doc.root, 0, budget);
  return doc;
}

namespace {

[[noreturn]] void refuse_link(const std::string& path) {
  throw DataError({path, 0, 0}, "symbolic link: caseload does not follow links in the store",
                  "replace the link with the file or folder itself");
}

}  // namespace

void refuse_links_inside(const std::filesystem::path& root, const std::string& path) {
  std::filesystem::path at = root;
  std::error_code ec;
  for (const auto& part : std::filesystem::path(path).parent_path()) {
    at /= part;
    if (std::filesystem::is_symlink(std::filesystem::symlink_status(at, ec))) refuse_link(path);
  }
}

namespace {

// Reads at most `limit` + 1 bytes of root/path, so a huge file costs nothing.
std::string read_bounded(const std::filesystem::path& root, const std::string& path, size_t limit) {
  refuse_links_inside(root, path);
  FileRead r = read_regular_file(root / path, limit);
  switch (r.status) {
    case FileRead::ok: return std::move(r.bytes);
    case FileRead::link: refuse_link(path);
    case FileRead::not_regular:
      throw DataError({path, 0, 0}, fmt::format("{} in place of a record file: caseload reads only regular files",
                                                file_kind_name(root / path)),
                      "remove it, or replace it with the record file itself");
    case FileRead::missing:
    case FileRead::failed: break;
  }
  // A DataError, so that a store-wide command names the file and goes on.
  throw DataError({path, 0, 0}, fmt::format("cannot be read: {}", std::strerror(r.error)),
                  "check the file's owner and permissions (`ls -l`)");
}

}  // namespace

std::string read_store_file(const std::filesystem::path& root, const std::string& path) {
  return read_bounded(root, path, k_max_file_bytes);
}

std::string read_store_file_or_empty(const std::filesystem::path& root, const std::string& path) {
  struct stat st {};
  if (::lstat((root / path).c_str(), &st) != 0 && errno == ENOENT) return {};
  return read_store_file(root, path);
}

Document read_document(const std::filesystem::path& root, const std::string& path,
                       const Schema& schema) {
  Document doc = parse_document(path, read_store_file(root, path), schema);
  doc.canonical_as_read = doc.canonical();
  return doc;
}

Document new_document(const std::string& path, const Schema& schema) {
  return Document{path, "", YAML::Node(YAML::NodeType::Map), &schema};
}

YAML::Node child(const YAML::Node& map, std::string_view key) {
  if (!map.IsMap()) return YAML::Node(YAML::NodeType::Undefined);
  for (auto it = map.begin(); it != map.end(); ++it) {
    if (it->first.IsScalar() && it->first.Scalar() == key) return it->second;
  }
  return YAML::Node(YAML::NodeType::Undefined);
}

std::optional<std::string> get_string(const YAML::Node& map, std::string_view key) {
  YAML::Node v = child(map, key);
  if (!v.IsDefined() || !v.IsScalar()) return std::nullopt;
  return v.Scalar();
}

std::vector<std::string> get_strings(const YAML::Node& map, std::string_view key) {
  return scalars_of(child(map, key));
}

void set_scalar(YAML::Node map, std::string_view key, const std::string& value) {
  YAML::Node v = map[std::string(key)];
  v = value;
  v.SetTag("");
}

void set_strings(YAML::Node map, std::string_view key, const std::vector<std::string>& values) {
  YAML::Node seq(YAML::NodeType::Sequence);
  for (const auto& s : values) seq.push_back(s);
  map[std::string(key)] = seq;
}

void remove_key(YAML::Node map, std::string_view key) {
  if (child(map, key).IsDefined()) map.remove(std::string(key));
}

std::string as_text_block(const std::string& text) {
  std::string t = text;
  while (!t.empty() && (t.back() == '\n' || t.back() == ' ')) t.pop_back();
  return t.empty() ? t : t + "\n";
}

}  // namespace caseload
