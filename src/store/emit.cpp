#include "caseload/store/emit.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <regex>

#include "caseload/core/date.hpp"
#include "caseload/core/decimal.hpp"
#include "caseload/core/text.hpp"

namespace caseload {
namespace {

constexpr int k_flow_width = 160;  // a flow entry wider than this is written as a block

// The plain scalars that YAML 1.1 or 1.2 readers resolve to something other
// than a string: null, booleans, integers (also 0x, 0o, 0b, 1_000,
// sexagesimal 1:30) and floats (1.5, 1e5, .inf, .nan).
bool reads_as_number_or_word(const std::string& v) {
  static const std::regex k_non_string(
      "~|null|Null|NULL|y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF"
      "|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])*"
      "|0x[0-9a-fA-F_]+|0o[0-7_]+|0b[01_]+"
      "|[-+]?([0-9][0-9_]*)?\\.?[0-9_]*([eE][-+]?[0-9]+)?"
      "|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");
  return std::regex_match(v, k_non_string);
}

bool valid_for_kind(const std::string& v, FieldKind kind) {
  switch (kind) {
    case FieldKind::Date: return Date::parse(v).has_value();
    case FieldKind::PartialDate: return valid_partial_date(v);
    case FieldKind::DateTime: return DateTime::parse(v).has_value() && v.find(' ') == std::string::npos;
    case FieldKind::Period: return Period::parse(v).has_value();
    case FieldKind::Amount: return Decimal::parse(v).has_value();
    case FieldKind::Integer: return !v.empty() && v.find_first_not_of("0123456789") == std::string::npos;
    case FieldKind::Bool: return v == "true" || v == "false";
    case FieldKind::Enum: return !v.empty();
    case FieldKind::Id: return !v.empty() && !reads_as_number_or_word(v);
    default: return false;
  }
}

// Could the text stand as a plain scalar without changing the document's
// structure? (Whether it would still read as a string is a separate question.)
bool plain_safe(const std::string& v, ScalarContext context) {
  if (v.empty() || v.front() == ' ' || v.back() == ' ') return false;
  static constexpr std::string_view k_leading = "-?:,[]{}#&*!|>'\"%@`";
  if (k_leading.find(v.front()) != std::string_view::npos) return false;
  if (v.back() == ':') return false;
  if (v.find(": ") != std::string::npos || v.find(" #") != std::string::npos) return false;
  if (contains_control(v, false) || v.find('\t') != std::string::npos) return false;
  // yaml-cpp rejects a '?' anywhere in a plain scalar inside [] or {} ("unknown
  // token"), although YAML allows it: "note: Any news?" must be quoted there.
  if (context == ScalarContext::Flow && v.find_first_of(",[]{}?") != std::string::npos) return false;
  return true;
}

// Would a YAML 1.1 or 1.2 reader take this plain text for something other
// than a string (null, boolean, number, date)? Then a string must be quoted.
bool reads_as_non_string(const std::string& v) {
  static const std::array<std::string_view, 22> k_words = {
      "~",   "null", "Null", "NULL", "y",     "Y",     "yes",   "Yes",   "YES",  "n",   "N",
      "no",  "No",   "NO",   "true", "True",  "TRUE",  "false", "False", "FALSE", "on", "off"};
  if (contains(k_words, v)) return true;
  if (v == "On" || v == "ON" || v == "Off" || v == "OFF" || v == "<<" || v == "=") return true;
  const char c = v.front();
  return (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
}

std::string double_quoted(const std::string& v) {
  std::string out = "\"";
  for (unsigned char c : v) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (c < 0x20 || c == 0x7F) {
          out += fmt::format("\\x{:02X}", c);
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

// A literal block keeps text exactly only when no line has trailing blanks
// and the first line does not start with a space; otherwise we quote.
bool literal_safe(const std::string& v) {
  if (v.empty() || v.front() == ' ' || v.front() == '\n') return false;
  if (contains_control(v, true)) return false;
  size_t start = 0;
  while (start < v.size()) {
    size_t end = v.find('\n', start);
    if (end == std::string::npos) end = v.size();
    if (end > start && (v[end - 1] == ' ' || v[end - 1] == '\t')) return false;
    start = end + 1;
  }
  return true;
}

std::string literal_block(const std::string& v, int indent) {
  size_t trailing = 0;
  while (trailing < v.size() && v[v.size() - 1 - trailing] == '\n') ++trailing;
  std::string out = trailing == 0 ? "|-" : (trailing == 1 ? "|" : "|+");
  const std::string pad(static_cast<size_t>(indent), ' ');
  const std::string body = v.substr(0, v.size() - trailing);
  size_t start = 0;
  while (start <= body.size()) {
    size_t end = body.find('\n', start);
    if (end == std::string::npos) end = body.size();
    out += '\n';
    if (end > start) out += pad + body.substr(start, end - start);
    start = end + 1;
  }
  for (size_t i = 1; i < trailing; ++i) out += '\n';
  return out;
}

// Keys found plain stay plain; of the keys the program writes (tag ""), the
// scale's levels are numbers and are written as such: {1: in crisis}.
bool plain_key(const YAML::Node& key) {
  const std::string& k = key.Scalar();
  const bool digits = !k.empty() && k.find_first_not_of("0123456789") == std::string::npos;
  return key.Tag() == "?" || (key.Tag().empty() && digits);
}

bool is_multiline(const YAML::Node& n) {
  return n.IsScalar() && n.Scalar().find('\n') != std::string::npos;
}

bool is_simple_scalar(const YAML::Node& n) { return n.IsNull() || (n.IsScalar() && !is_multiline(n)); }

FieldKind kind_of(const Schema* schema, const std::string& key) {
  if (!schema) return FieldKind::Any;
  const Field* f = schema->find(key);
  return f ? f->kind : FieldKind::Any;
}

const Schema* nested_of(const Schema* schema, const std::string& key) {
  if (!schema) return nullptr;
  const Field* f = schema->find(key);
  return f ? f->nested : nullptr;
}

class Emitter {
 public:
  std::string out;

  // `values` is the kind of every value when the map has no schema of its
  // own (a ScoreMap's values are integers).
  void map_body(const YAML::Node& map, const Schema* schema, int indent, bool first_inline,
                FieldKind values = FieldKind::Any) {
    bool first = true;
    for (const auto& [key, value] : ordered(map, schema)) {
      if (!(first && first_inline)) out += std::string(static_cast<size_t>(indent), ' ');
      first = false;
      out += key_text(key);
      out += ':';
      const FieldKind kind = schema ? kind_of(schema, key.Scalar()) : values;
      value_after_key(value, kind, nested_of(schema, key.Scalar()), indent);
    }
  }

 private:
  using Entry = std::pair<YAML::Node, YAML::Node>;

  // Known keys in schema order; each unknown key follows the key it followed
  // in the file, so users' own fields stay where they put them. (Works on
  // indices: assigning a YAML::Node would overwrite the node it refers to.)
  static std::vector<Entry> ordered(const YAML::Node& map, const Schema* schema) {
    std::vector<Entry> entries;
    for (auto it = map.begin(); it != map.end(); ++it) entries.emplace_back(it->first, it->second);
    if (!schema) return entries;
    std::vector<int> rank(entries.size(), -1);
    for (size_t i = 0; i < entries.size(); ++i) {
      if (entries[i].first.IsScalar()) rank[i] = schema->rank(entries[i].first.Scalar());
    }
    std::vector<size_t> known;
    for (size_t i = 0; i < entries.size(); ++i) {
      if (rank[i] >= 0) known.push_back(i);
    }
    std::stable_sort(known.begin(), known.end(), [&](size_t a, size_t b) { return rank[a] < rank[b]; });
    std::vector<std::vector<size_t>> followers(entries.size());
    std::vector<size_t> leading;
    std::optional<size_t> previous_known;
    for (size_t i = 0; i < entries.size(); ++i) {
      if (rank[i] >= 0) {
        previous_known = i;
      } else if (previous_known) {
        followers[*previous_known].push_back(i);
      } else {
        leading.push_back(i);
      }
    }
    std::vector<Entry> result;
    for (size_t i : leading) result.push_back(entries[i]);
    for (size_t k : known) {
      result.push_back(entries[k]);
      for (size_t f : followers[k]) result.push_back(entries[f]);
    }
    return result;
  }

  static std::string key_text(const YAML::Node& key) {
    if (!key.IsScalar()) return "\"?\"";
    return emit_scalar_inline(key.Scalar(), plain_key(key), FieldKind::Any, ScalarContext::Block);
  }

  void value_after_key(const YAML::Node& v, FieldKind kind, const Schema* nested, int indent) {
    if (!v.IsDefined() || v.IsNull()) {
      out += " ~\n";
    } else if (v.IsScalar()) {
      out += ' ';
      out += scalar(v, kind, indent + 2);
      out += '\n';
    } else if (v.IsSequence()) {
      sequence(v, kind, nested, indent);
    } else if (v.IsMap()) {
      if (v.size() == 0) {
        out += " {}\n";
      } else if (kind == FieldKind::FlowMap && fits_flow(v, nullptr, indent)) {
        out += ' ' + flow_map(v, nullptr) + '\n';
      } else {
        out += '\n';
        map_body(v, nested, indent + 2, false, kind == FieldKind::ScoreMap ? FieldKind::Integer : FieldKind::Any);
      }
    }
  }

  std::string scalar(const YAML::Node& v, FieldKind kind, int block_indent) {
    const std::string& s = v.Scalar();
    if (s.find('\n') != std::string::npos && literal_safe(s)) return literal_block(s, block_indent);
    return emit_scalar_inline(s, v.Tag() == "?", kind, ScalarContext::Block);
  }

  void sequence(const YAML::Node& seq, FieldKind kind, const Schema* nested, int indent) {
    if (seq.size() == 0) {
      out += " []\n";
      return;
    }
    bool all_simple = std::all_of(seq.begin(), seq.end(), [](const YAML::Node& n) { return is_simple_scalar(n); });
    if (all_simple && kind != FieldKind::MapList) {
      std::string flow = "[";
      bool first = true;
      for (const auto& item : seq) {
        if (!first) flow += ", ";
        first = false;
        const FieldKind item_kind = kind == FieldKind::StringList ? FieldKind::String : FieldKind::Any;
        flow += item.IsNull() ? "~" : emit_scalar_inline(item.Scalar(), item.Tag() == "?", item_kind, ScalarContext::Flow);
      }
      out += ' ' + flow + "]\n";
      return;
    }
    out += '\n';
    const std::string pad(static_cast<size_t>(indent + 2), ' ');
    for (const auto& item : seq) {
      out += pad + "-";
      if (item.IsMap() && item.size() > 0) {
        if (nested && nested->flow && fits_flow(item, nested, indent + 4)) {
          out += ' ' + flow_map(item, nested) + '\n';
        } else {
          out += ' ';
          map_body(item, nested, indent + 4, true);
        }
      } else if (item.IsSequence() && item.size() > 0) {
        // A list inside a list (only in users' own fields): nested under the dash.
        sequence(item, FieldKind::Any, nullptr, indent + 2);
      } else {
        value_after_key(item, FieldKind::String, nullptr, indent + 2);
      }
    }
  }

  static bool fits_flow(const YAML::Node& map, const Schema* schema, int indent) {
    for (auto it = map.begin(); it != map.end(); ++it) {
      if (!it->first.IsScalar() || !is_simple_scalar(it->second)) return false;
    }
    return indent + 2 + display_width(flow_map(map, schema)) <= k_flow_width;
  }

  static std::string flow_map(const YAML::Node& map, const Schema* schema) {
    std::string s = "{";
    bool first = true;
    for (const auto& [key, value] : ordered(map, schema)) {
      if (!first) s += ", ";
      first = false;
      s += emit_scalar_inline(key.Scalar(), plain_key(key), FieldKind::Any, ScalarContext::Flow);
      s += ": ";
      s += value.IsNull() ? "~"
                          : emit_scalar_inline(value.Scalar(), value.Tag() == "?",
                                               kind_of(schema, key.Scalar()), ScalarContext::Flow);
    }
    return s + "}";
  }
};

}  // namespace

std::string emit_scalar_inline(const std::string& v, bool parsed_plain, FieldKind kind,
                               ScalarContext context) {
  if (valid_for_kind(v, kind) && plain_safe(v, context)) return v;
  // A value of a known text field is a string whatever it looks like, so it
  // is quoted when a YAML reader could take it for a number or a boolean
  // (phone: "0401234567"). Only values whose type we do not know (users'
  // own keys, malformed typed values) keep the plain style they were written in.
  const bool known_text = kind == FieldKind::String || kind == FieldKind::Text;
  if (parsed_plain && !known_text && plain_safe(v, context)) return v;
  if (plain_safe(v, context) && !reads_as_non_string(v)) return v;
  return double_quoted(v);
}

std::string emit_canonical(const YAML::Node& root, const Schema& schema) {
  Emitter e;
  if (root.IsMap()) e.map_body(root, &schema, 0, false);
  return e.out;
}

}  // namespace caseload
