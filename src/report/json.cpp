#include "caseload/report/json.hpp"

#include <fmt/format.h>

namespace caseload {

std::string json_quote(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20 || c == 0x7F) out += fmt::format("\\u{:04x}", c);
        else out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

JsonWriter::~JsonWriter() {
  if (first_.empty()) out_ << '\n';
}

void JsonWriter::newline() {
  out_ << '\n' << std::string(first_.size() * 2, ' ');
}

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (first_.empty()) return;
  if (!first_.back()) out_ << ',';
  first_.back() = false;
  newline();
}

void JsonWriter::begin_array() {
  before_value();
  out_ << '[';
  first_.push_back(true);
}

void JsonWriter::end_array() {
  bool empty = first_.back();
  first_.pop_back();
  if (!empty) newline();
  out_ << ']';
}

void JsonWriter::begin_object() {
  before_value();
  out_ << '{';
  first_.push_back(true);
}

void JsonWriter::end_object() {
  bool empty = first_.back();
  first_.pop_back();
  if (!empty) newline();
  out_ << '}';
}

void JsonWriter::key(const std::string& k) {
  before_value();
  out_ << json_quote(k) << ": ";
  after_key_ = true;
}

void JsonWriter::value(const std::string& s) {
  before_value();
  out_ << json_quote(s);
}

void JsonWriter::value(long n) {
  before_value();
  out_ << n;
}

void JsonWriter::value(bool b) {
  before_value();
  out_ << (b ? "true" : "false");
}

void JsonWriter::fixed(double v, int places) {
  before_value();
  out_ << fixed_decimals(v, places);
}

std::string fixed_decimals(double v, int places) {
  std::string s = fmt::format("{:.{}f}", v, places);
  // -0.004 rounds to zero, which has no sign.
  if (s.starts_with('-') && s.find_first_not_of("-0.") == std::string::npos) s.erase(0, 1);
  return s;
}

void JsonWriter::null() {
  before_value();
  out_ << "null";
}

void JsonWriter::value(const std::optional<std::string>& s) {
  if (s && !s->empty()) value(*s);
  else null();
}

void JsonWriter::value(const std::vector<std::string>& list) {
  before_value();
  out_ << '[';
  for (size_t i = 0; i < list.size(); ++i) out_ << (i ? ", " : "") << json_quote(list[i]);
  out_ << ']';
}

}  // namespace caseload
