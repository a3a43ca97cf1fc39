#pragma once
// A small JSON writer for the `--format json` outputs: two-space indentation,
// keys in the order written, UTF-8 passed through, control characters escaped.
// Stable byte for byte for the same input.
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace caseload {

class JsonWriter {
 public:
  explicit JsonWriter(std::ostream& out) : out_(out) {}
  ~JsonWriter();

  void begin_array();
  void end_array();
  void begin_object();
  void end_object();
  void key(const std::string& k);
  void value(const std::string& s);
  void value(const char* s) { value(std::string(s)); }
  void value(long n);
  void value(int n) { value(static_cast<long>(n)); }
  void value(bool b);
  // A number written with exactly `places` decimals (1.50): stable output,
  // never an exponent.
  void fixed(double v, int places);
  void null();
  void value(const std::optional<std::string>& s);  // null when empty
  void value(const std::vector<std::string>& list);

 private:
  void before_value();
  void newline();
  std::ostream& out_;
  std::vector<bool> first_;  // per open container: nothing written yet
  bool after_key_ = false;
};

std::string json_quote(const std::string& s);
// `v` with exactly `places` decimals, as JsonWriter::fixed writes it ("0.00", never "-0.00").
std::string fixed_decimals(double v, int places);

}  // namespace caseload
