#include "caseload/store/fast_yaml.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "caseload/core/text.hpp"
#include "caseload/store/document.hpp"

namespace caseload {
namespace {

using Kind = FastTree::Kind;

// Thrown inside the parser when the text leaves the subset; never escapes.
struct Unsupported {};

[[noreturn]] void unsupported() { throw Unsupported{}; }

// Well below parse_document's limits (64 levels, 100,000 values), so that
// whatever this reader accepts, the full reader accepts too.
constexpr int k_depth_limit = 32;
constexpr size_t k_node_limit = 50000;

constexpr size_t k_max_simple_key = 1024;

bool is_key_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}
bool is_key_char(char c) { return is_key_start(c) || c == '-' || c == '.'; }

// Characters that give a plain scalar's first character a meaning of its
// own (YAML 1.2 c-indicator); such values take the full reader.
bool is_indicator(char c) { return std::string_view("-?:,[]{}#&*!|>'\"%@`").find(c) != std::string_view::npos; }

bool is_null_word(std::string_view s) { return s == "~" || s == "null" || s == "Null" || s == "NULL"; }

// Bytes the full reader treats in ways this one does not follow: control
// characters and tabs, a byte-order mark, and NEL, LS, PS (line breaks to
// YAML 1.1).
void check_bytes(std::string_view text) {
  if (text.empty() || text.back() != '\n' || text.size() > k_max_file_bytes || !valid_utf8(text)) unsupported();
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c < 0x20 && c != '\n') || c == 0x7f) unsupported();
    if (c == 0xC2 && static_cast<unsigned char>(text[i + 1]) == 0x85) unsupported();
    if (c == 0xE2 && text[i + 1] == '\x80' && (text[i + 2] == '\xA8' || text[i + 2] == '\xA9')) unsupported();
    if (c == 0xEF && text[i + 1] == '\xBB' && text[i + 2] == '\xBF') unsupported();
  }
}

std::string_view rstrip(std::string_view s) {
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

struct Line {
  std::string_view text;  // without the '\n'
  int indent = 0;         // leading spaces
  bool blank = false;     // nothing but spaces
  bool comment = false;   // first non-space is '#'
};

void append_utf8(std::string& out, unsigned long cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

class Parser {
 public:
  Parser(std::string_view text, FastTree& tree) : tree_(tree) { split(text); }

  void parse_root() {
    const size_t first = next_structural(0);
    if (first == lines_.size() || lines_[first].indent != 0 || starts_item(lines_[first], 0)) unsupported();
    parse_map(first, 0);
    if (next_structural(at_) != lines_.size()) unsupported();
  }

 private:
  void split(std::string_view text) {
    size_t begin = 0;
    while (begin < text.size()) {
      const size_t end = text.find('\n', begin);
      Line l;
      l.text = text.substr(begin, end - begin);
      while (l.indent < static_cast<int>(l.text.size()) && l.text[static_cast<size_t>(l.indent)] == ' ') ++l.indent;
      l.blank = l.indent == static_cast<int>(l.text.size());
      l.comment = !l.blank && l.text[static_cast<size_t>(l.indent)] == '#';
      // Directives and document markers: the full reader's business.
      if (l.text.starts_with("---") || l.text.starts_with("...") || l.text.starts_with("%")) unsupported();
      lines_.push_back(l);
      begin = end + 1;
    }
  }

  size_t next_structural(size_t from) const {
    while (from < lines_.size() && (lines_[from].blank || lines_[from].comment)) ++from;
    return from;
  }

  static bool starts_item(const Line& l, int column) {
    const std::string_view rest = l.text.substr(static_cast<size_t>(column));
    return rest == "-" || rest.starts_with("- ");
  }

  int add(Kind kind, int line, int column) {
    if (tree_.nodes.size() >= k_node_limit) unsupported();
    FastTree::Node n;
    n.kind = kind;
    n.line = line;
    n.column = column;
    tree_.nodes.push_back(std::move(n));
    return static_cast<int>(tree_.nodes.size()) - 1;
  }

  // Appends `node` to the children of `parent`, whose last child is `last`.
  void link(int parent, int& last, int node) {
    if (last < 0) {
      tree_.nodes[static_cast<size_t>(parent)].first = node;
    } else {
      tree_.nodes[static_cast<size_t>(last)].next = node;
    }
    last = node;
  }

  void check_unique(int map, std::string_view key) const {
    for (int c = tree_.nodes[static_cast<size_t>(map)].first; c >= 0; c = tree_.nodes[static_cast<size_t>(c)].next) {
      if (tree_.nodes[static_cast<size_t>(c)].key == key) unsupported();
    }
  }

  // `key:` at the start of s, followed by a space or the end: the length of
  // the key, else 0.
  static size_t key_length(std::string_view s) {
    if (s.empty() || !is_key_start(s[0])) return 0;
    size_t n = 1;
    while (n < s.size() && is_key_char(s[n])) ++n;
    if (n >= s.size() || s[n] != ':' || (n + 1 < s.size() && s[n + 1] != ' ')) return 0;
    // yaml-cpp refuses a simple key of 1024 characters or more ("illegal map
    // value"): such a file is left to it, so both readers refuse it alike.
    if (n >= k_max_simple_key) unsupported();
    if (is_null_word(s.substr(0, n))) return 0;  // a null key is an error to the full reader
    return n;
  }

  struct Depth {
    explicit Depth(int& d) : d_(d) {
      if (++d_ > k_depth_limit) unsupported();
    }
    ~Depth() { --d_; }
    int& d_;
  };

  // A block map whose first entry starts at line `li`, column `indent`;
  // every later entry is a line indented by exactly `indent`.
  int parse_map(size_t li, int indent) {
    Depth depth(depth_);
    const int map = add(Kind::Map, static_cast<int>(li), indent);
    int last = -1;
    for (;;) {
      const std::string_view entry = lines_[li].text.substr(static_cast<size_t>(indent));
      const size_t klen = key_length(entry);
      if (klen == 0) unsupported();
      const std::string_view key = entry.substr(0, klen);
      check_unique(map, key);
      const int value = parse_entry_value(li, indent, static_cast<int>(klen) + 1);
      tree_.nodes[static_cast<size_t>(value)].key = key;
      link(map, last, value);
      const size_t next = next_structural(at_);
      if (next == lines_.size() || lines_[next].indent < indent) return map;
      if (lines_[next].indent > indent || starts_item(lines_[next], indent)) unsupported();
      li = next;
    }
  }

  // The value of the entry at line li whose key (and ':') ends at column
  // indent + after_key; leaves at_ on the line after the value.
  int parse_entry_value(size_t li, int indent, int after_key) {
    const std::string_view line = lines_[li].text;
    size_t col = static_cast<size_t>(indent + after_key);
    while (col < line.size() && line[col] == ' ') ++col;
    if (col < line.size()) return parse_inline(li, static_cast<int>(col), indent);
    at_ = li + 1;
    const size_t next = next_structural(at_);
    if (next < lines_.size() && lines_[next].indent > indent) {
      const int inner = lines_[next].indent;
      return starts_item(lines_[next], inner) ? parse_sequence(next, inner) : parse_map(next, inner);
    }
    if (next < lines_.size() && lines_[next].indent == indent && starts_item(lines_[next], indent)) {
      unsupported();  // a list not indented under its key
    }
    return add(Kind::Null, static_cast<int>(li), static_cast<int>(line.size()));
  }

  // A block list whose items are the lines indented by `indent` that start
  // with "- ".
  int parse_sequence(size_t li, int indent) {
    Depth depth(depth_);
    const int seq = add(Kind::Sequence, static_cast<int>(li), indent);
    int last = -1;
    for (;;) {
      const std::string_view line = lines_[li].text;
      if (line.size() <= static_cast<size_t>(indent) + 2) unsupported();  // "-": an empty item
      int col = indent + 2;
      while (static_cast<size_t>(col) < line.size() && line[static_cast<size_t>(col)] == ' ') ++col;
      const std::string_view item = line.substr(static_cast<size_t>(col));
      if (item.empty() || item.starts_with("-") || item.starts_with("#")) unsupported();
      link(seq, last, key_length(item) ? parse_map(li, col) : parse_inline(li, col, indent));
      const size_t next = next_structural(at_);
      if (next == lines_.size() || lines_[next].indent < indent) return seq;
      if (lines_[next].indent > indent || !starts_item(lines_[next], indent)) unsupported();
      li = next;
    }
  }

  // A value that starts on the line of its key or dash, at `col`; `owner`
  // is the indent of that key or dash. Leaves at_ on the line after it.
  int parse_inline(size_t li, int col, int owner) {
    const std::string_view line = lines_[li].text;
    const std::string_view rest = rstrip(line.substr(static_cast<size_t>(col)));
    if (rest[0] == '|') return parse_literal(li, col, owner, rest);
    size_t end = static_cast<size_t>(col);
    int node;
    if (rest[0] == '[' || rest[0] == '{') {
      node = parse_flow(li, line, end);
    } else if (rest[0] == '"' || rest[0] == '\'') {
      node = parse_quoted(li, line, end);
    } else {
      node = plain(li, col, rest, false);
      end = static_cast<size_t>(col) + rest.size();
    }
    if (!rstrip(line.substr(end)).empty()) unsupported();  // a comment or stray text after the value
    at_ = li + 1;
    const size_t next = next_structural(at_);
    if (next < lines_.size() && lines_[next].indent > owner) unsupported();  // a continued plain scalar, or worse
    return node;
  }

  // A plain scalar, already cut at its end.
  int plain(size_t li, int col, std::string_view s, bool flow) {
    if (s.empty() || is_indicator(s[0]) || s.back() == ':') unsupported();
    if (s.find(": ") != std::string_view::npos || s.find(" #") != std::string_view::npos) unsupported();
    // yaml-cpp ends a plain scalar in a flow collection at any of these.
    if (flow && s.find_first_of("[]{},?:") != std::string_view::npos) unsupported();
    if (is_null_word(s)) return add(Kind::Null, static_cast<int>(li), col);
    const int node = add(Kind::Scalar, static_cast<int>(li), col);
    tree_.nodes[static_cast<size_t>(node)].value.assign(s);
    return node;
  }

  static int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    unsupported();
  }

  // A quoted scalar at line[pos] closed on the same line; pos ends after it.
  int parse_quoted(size_t li, std::string_view line, size_t& pos) {
    const char quote = line[pos];
    const int node = add(Kind::Scalar, static_cast<int>(li), static_cast<int>(pos));
    std::string& out = tree_.nodes[static_cast<size_t>(node)].value;
    for (size_t i = pos + 1;; ++i) {
      if (i >= line.size()) unsupported();  // continued on the next line
      const char c = line[i];
      if (c == quote && quote == '\'' && i + 1 < line.size() && line[i + 1] == '\'') {
        out += '\'';
        ++i;
      } else if (c == quote) {
        pos = i + 1;
        return node;
      } else if (c == '\\' && quote == '"') {
        i = escape(line, i + 1, out);
      } else {
        out += c;
      }
    }
  }

  // The escape whose letter is at line[i]; returns the index of its last character.
  static size_t escape(std::string_view line, size_t i, std::string& out) {
    if (i >= line.size()) unsupported();
    size_t digits = 0;
    switch (line[i]) {
      case '\\': out += '\\'; return i;
      case '"': out += '"'; return i;
      case 'n': out += '\n'; return i;
      case 't': out += '\t'; return i;
      case 'x': digits = 2; break;
      case 'u': digits = 4; break;
      case 'U': digits = 8; break;
      default: unsupported();
    }
    if (i + digits >= line.size()) unsupported();
    unsigned long cp = 0;
    for (size_t k = 1; k <= digits; ++k) cp = cp * 16 + static_cast<unsigned long>(hex_digit(line[i + k]));
    if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xA0) || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
      unsupported();  // control characters and surrogates: let the full reader decide
    }
    append_utf8(out, cp);
    return i + digits;
  }

  // A one-line flow list or map at line[pos]; pos ends after it.
  int parse_flow(size_t li, std::string_view line, size_t& pos) {
    Depth depth(depth_);
    const bool is_map = line[pos] == '{';
    const char close = is_map ? '}' : ']';
    const int node = add(is_map ? Kind::Map : Kind::Sequence, static_cast<int>(li), static_cast<int>(pos));
    int last = -1;
    size_t i = skip_spaces(line, pos + 1);
    if (i < line.size() && line[i] == close) {
      pos = i + 1;
      return node;
    }
    for (;;) {
      std::string_view key;
      if (is_map) {
        const size_t klen = key_length(line.substr(i));
        if (klen == 0 || i + klen + 1 >= line.size()) unsupported();
        key = line.substr(i, klen);
        check_unique(node, key);
        i = skip_spaces(line, i + klen + 1);
      }
      const int item = flow_scalar(li, line, i, close);
      tree_.nodes[static_cast<size_t>(item)].key = key;
      link(node, last, item);
      i = skip_spaces(line, i);
      if (i >= line.size()) unsupported();
      if (line[i] == close) {
        pos = i + 1;
        return node;
      }
      if (line[i] != ',') unsupported();
      i = skip_spaces(line, i + 1);
      if (i >= line.size() || line[i] == close) unsupported();  // a trailing comma
    }
  }

  // A scalar inside a flow collection, at line[i]; i ends after it.
  int flow_scalar(size_t li, std::string_view line, size_t& i, char close) {
    if (i >= line.size()) unsupported();
    if (line[i] == '"' || line[i] == '\'') return parse_quoted(li, line, i);
    size_t end = i;
    while (end < line.size() && line[end] != ',' && line[end] != close) ++end;
    const int node = plain(li, static_cast<int>(i), rstrip(line.substr(i, end - i)), true);
    i = end;
    return node;
  }

  static size_t skip_spaces(std::string_view line, size_t i) {
    while (i < line.size() && line[i] == ' ') ++i;
    return i;
  }

  // `|` or `|-` and the lines indented deeper than `owner` below it.
  int parse_literal(size_t li, int col, int owner, std::string_view header) {
    if (header != "|" && header != "|-") unsupported();
    const int node = add(Kind::Scalar, static_cast<int>(li), col);
    size_t end = li + 1;
    int content = -1;  // the indent of the first line with text
    while (end < lines_.size() && (lines_[end].blank || lines_[end].indent > owner)) {
      if (!lines_[end].blank && content < 0) content = lines_[end].indent;
      ++end;
    }
    std::string& out = tree_.nodes[static_cast<size_t>(node)].value;
    for (size_t k = li + 1; k < end; ++k) {
      const Line& l = lines_[k];
      // Spaces beyond the text's indent on an empty line, or a line indented
      // less than the first: the full reader's business.
      if (l.blank && static_cast<int>(l.text.size()) > std::max(content, 0)) unsupported();
      if (!l.blank && l.indent < content) unsupported();
      if (!l.blank) out.append(l.text.substr(static_cast<size_t>(content)));
      out += '\n';
    }
    while (!out.empty() && out.back() == '\n') out.pop_back();
    if (header == "|" && !out.empty()) out += '\n';
    at_ = end;
    return node;
  }

  FastTree& tree_;
  std::vector<Line> lines_;
  size_t at_ = 0;  // the line after the last value read
  int depth_ = 0;
};

}  // namespace

const std::string& FastNode::Scalar() const {
  static const std::string empty;
  return IsScalar() ? node().value : empty;
}

YAML::Mark FastNode::Mark() const {
  YAML::Mark m = YAML::Mark::null_mark();
  if (IsDefined()) {
    m.line = node().line;
    m.column = node().column;
  }
  return m;
}

FastNode::iterator FastNode::begin() const {
  return iterator(tree_, IsMap() || IsSequence() ? node().first : -1);
}

FastNode::iterator FastNode::end() const { return iterator(tree_, -1); }

void FastNode::iterator::fill() {
  if (index_ < 0) return;
  const auto& n = tree_->nodes[static_cast<size_t>(index_)];
  static_cast<FastNode&>(entry_) = FastNode(tree_, index_);
  entry_.first = FastKey{n.key};
  entry_.second = FastNode(tree_, index_);
}

FastNode::iterator& FastNode::iterator::operator++() {
  index_ = tree_->nodes[static_cast<size_t>(index_)].next;
  fill();
  return *this;
}

FastNode child(const FastNode& map, std::string_view key) {
  if (!map.IsMap()) return FastNode();
  for (const auto& entry : map) {
    if (entry.first.key == key) return entry.second;
  }
  return FastNode();
}

std::optional<std::string> get_string(const FastNode& map, std::string_view key) {
  const FastNode v = child(map, key);
  if (!v.IsScalar()) return std::nullopt;
  return v.Scalar();
}

std::vector<std::string> get_strings(const FastNode& map, std::string_view key) {
  return scalars_of(child(map, key));
}

Location FastDocument::where(const FastNode& node) const {
  const YAML::Mark mark = node.Mark();
  if (mark.line < 0) return {path, 0, 0};
  return {path, mark.line + 1, mark.column + 1};
}

std::unique_ptr<FastDocument> parse_fast(const std::string& path, std::string& text) {
  auto doc = std::make_unique<FastDocument>();
  doc->path = path;
  doc->text = std::move(text);
  try {
    check_bytes(doc->text);
    doc->tree.nodes.reserve(64);
    Parser(doc->text, doc->tree).parse_root();
    return doc;
  } catch (const Unsupported&) {
    text = std::move(doc->text);
    return nullptr;
  }
}

namespace {

template <typename Node>
void outline_to(std::string& out, const Node& node) {
  if (node.IsMap()) {
    out += '{';
    for (auto it = node.begin(); it != node.end(); ++it) {
      out += it->first.Scalar();
      out += ": ";
      outline_to(out, it->second);
      out += ", ";
    }
    out += '}';
  } else if (node.IsSequence()) {
    out += '[';
    for (const auto& item : node) {
      outline_to(out, item);
      out += ", ";
    }
    out += ']';
  } else if (node.IsScalar()) {
    out += fmt::format("{:?}@{}:{}", node.Scalar(), node.Mark().line, node.Mark().column);
  } else if (node.IsNull()) {
    out += '~';
  } else {
    out += '?';
  }
}

}  // namespace

std::string outline(const YAML::Node& node) {
  std::string out;
  outline_to(out, node);
  return out;
}

std::string outline(const FastNode& node) {
  std::string out;
  outline_to(out, node);
  return out;
}

}  // namespace caseload
