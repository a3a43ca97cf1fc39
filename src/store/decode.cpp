#include "caseload/store/decode.hpp"

#include <fmt/format.h>

#include <cstdlib>

#include "caseload/store/fast_yaml.hpp"

// One reader for every record type and both readers' trees, yaml-cpp's
// (Document) and the fast reader's (FastDocument), whose nodes offer the
// same calls: it walks the record's field list (core/records.hpp).
namespace caseload {
namespace {

const YAML::Node& root_of(const Document& doc) { return doc.root; }
FastNode root_of(const FastDocument& doc) { return doc.root(); }

template <typename Doc>
class Reader {
 public:
  using Node = std::remove_cvref_t<decltype(root_of(std::declval<const Doc&>()))>;
  Reader(const Doc& doc, const Node& map, Diagnostics* warnings) : doc_(doc), map_(map), warnings_(warnings) {}

  template <typename T>
  Reader& operator()(std::string_view key, T& value) {
    read(key, child(map_, key), value);
    return *this;
  }
  void path(std::string& p) const { p = doc_.path; }
  void stem(std::string& s) const { s = file_stem(doc_.path); }

 private:
  std::optional<std::string> scalar(const Node& v) const {
    if (!v.IsDefined() || !v.IsScalar()) return std::nullopt;
    return v.Scalar();
  }
  void read(std::string_view, const Node& v, std::string& out) const { out = scalar(v).value_or(""); }
  void read(std::string_view, const Node& v, std::vector<std::string>& out) const { out = scalars_of(v); }
  void read(std::string_view, const Node& v, int& out) const {
    if (auto s = scalar(v)) out = std::atoi(s->c_str());
  }
  void read(std::string_view, const Node& v, bool& out) const {
    if (auto s = scalar(v)) out = *s != "false";
  }
  // A value that is not of its type is left out with a warning, so that
  // store-wide lists can go on. The warning names the key, never the value.
  void read(std::string_view key, const Node& v, std::optional<Date>& out) const {
    parse(key, v, out, "'{}': not a valid date (YYYY-MM-DD); ignored");
  }
  void read(std::string_view key, const Node& v, std::optional<DateTime>& out) const {
    parse(key, v, out, "'{}': not a valid date-time (YYYY-MM-DDTHH:MM); ignored");
  }
  void read(std::string_view key, const Node& v, std::optional<Period>& out) const {
    parse(key, v, out, "'{}': not a period from 1d to 10y such as 30d, 2w, 3m, 1y; ignored");
  }
  // A setting with a default keeps it unless the file gives a valid value.
  void read(std::string_view key, const Node& v, Period& out) const {
    std::optional<Period> p;
    read(key, v, p);
    if (p) out = *p;
  }
  // Scores: domain -> one digit; anything else is left for `check` to report.
  void read(std::string_view, const Node& v, Scores& out) const {
    if (!v.IsMap()) return;
    for (auto it = v.begin(); it != v.end(); ++it) {
      if (!it->first.IsScalar() || !it->second.IsScalar()) continue;
      const std::string& s = it->second.Scalar();
      if (s.size() == 1 && s[0] >= '0' && s[0] <= '9') out.emplace_back(it->first.Scalar(), s[0] - '0');
    }
  }
  // The settings' scale: level (a number) -> label.
  void read(std::string_view, const Node& v, std::map<int, std::string>& out) const {
    if (!v.IsMap()) return;
    for (auto it = v.begin(); it != v.end(); ++it) {
      if (!it->first.IsScalar() || !it->second.IsScalar()) continue;
      const std::string k = it->first.Scalar();
      if (!k.empty() && k.find_first_not_of("0123456789") == std::string::npos && k.size() < 4)
        out[std::atoi(k.c_str())] = it->second.Scalar();
    }
  }
  // A nested record, or a list of them (entries that are not maps are skipped).
  template <typename T>
  void read(std::string_view, const Node& v, std::vector<T>& out) const {
    if (!v.IsSequence()) return;
    for (const auto& item : v) {
      if (item.IsMap()) read_record(item, out.emplace_back());
    }
  }
  template <typename T>
  void read(std::string_view, const Node& v, T& out) const {
    read_record(v, out);
  }
  template <typename T>
  void read_record(const Node& map, T& out) const {
    Reader nested(doc_, map, warnings_);
    fields(nested, out);
  }

  template <typename T>
  static std::optional<T> parse_value(const std::optional<T>&, const std::string& s) { return T::parse(s); }
  // Every period of a record or of caseload.yaml is a cadence (core/date).
  static std::optional<Period> parse_value(const std::optional<Period>&, const std::string& s) { return parse_cadence(s); }

  template <typename T>
  void parse(std::string_view key, const Node& v, std::optional<T>& out, const char* message) const {
    auto s = scalar(v);
    if (!s) return;
    out = parse_value(out, *s);
    if (!out && warnings_)
      warnings_->push_back({doc_.where(child(map_, key)), Severity::Warning, fmt::format(fmt::runtime(message), key)});
  }

  const Doc& doc_;
  Node map_;
  Diagnostics* warnings_;
};

}  // namespace

std::string file_stem(const std::string& path) {
  auto slash = path.rfind('/');
  std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  if (name.size() > 5 && name.ends_with(".yaml")) name.resize(name.size() - 5);
  return name;
}

template <typename T, typename Doc>
T decode_record(const Doc& doc, Diagnostics* warnings) {
  T record;
  Reader<Doc> reader(doc, root_of(doc), warnings);
  fields(reader, record);
  return record;
}

#define CASELOAD_INSTANTIATE_DECODE(T)                                      \
  template T decode_record<T, Document>(const Document&, Diagnostics*); \
  template T decode_record<T, FastDocument>(const FastDocument&, Diagnostics*);
CASELOAD_FOR_EACH_RECORD(CASELOAD_INSTANTIATE_DECODE)
#undef CASELOAD_INSTANTIATE_DECODE

}  // namespace caseload
