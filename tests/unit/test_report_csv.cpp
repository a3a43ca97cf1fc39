// CSV for `--format csv`: what a spreadsheet or a script reads back.
#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "caseload/report/csv.hpp"

using namespace caseload;

namespace {

std::string row(const std::vector<std::string>& fields) {
  std::ostringstream out;
  write_csv_row(out, fields);
  return out.str();
}

// A minimal RFC 4180 reader for one record, to check that what is written
// reads back as the same fields.
std::vector<std::string> read_back(const std::string& line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') fields.back() += '"', ++i;
      else if (c == '"') quoted = false;
      else fields.back() += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else if (c == '\n' && i + 1 == line.size()) {
      break;
    } else {
      fields.back() += c;
    }
  }
  return fields;
}

}  // namespace

TEST_SUITE("report::csv") {
  TEST_CASE("a plain field is written as it is") {
    CHECK(csv_field("Maria Santos") == "Maria Santos");
    CHECK(csv_field("") == "");
    CHECK(csv_field("2026-11-23") == "2026-11-23");
    CHECK(csv_field("  padded  ") == "  padded  ");      // spaces are data, not a reason to quote
    CHECK(csv_field("semi;colon") == "semi;colon");      // tags are joined with ';' unquoted
    CHECK(csv_field("it's") == "it's");                  // a single quote is not special
  }

  TEST_CASE("a field with a comma, a quote or a line break is quoted") {
    CHECK(csv_field("Santos, Maria") == "\"Santos, Maria\"");
    CHECK(csv_field("line one\nline two") == "\"line one\nline two\"");
    CHECK(csv_field("a\rb") == "\"a\rb\"");
    CHECK(csv_field("a\r\nb") == "\"a\r\nb\"");
  }

  TEST_CASE("quotes inside a field are doubled") {
    CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csv_field("\"") == "\"\"\"\"");
    CHECK(csv_field("\"quoted\", too") == "\"\"\"quoted\"\", too\"");
  }

  TEST_CASE("non-ASCII text is written as UTF-8, unquoted") {
    CHECK(csv_field("\u00C5se \u00D8stby") == "\u00C5se \u00D8stby");
    CHECK(csv_field("\u09B0\u09B9\u09BF\u09AE\u09BE \u09AC\u09C7\u0997\u09AE") ==
          "\u09B0\u09B9\u09BF\u09AE\u09BE \u09AC\u09C7\u0997\u09AE");
  }

  TEST_CASE("a row joins its fields with commas and ends with LF, not CRLF") {
    CHECK(row({"id", "name", "worker"}) == "id,name,worker\n");
    CHECK(row({"X4C8PG", "Jos\u00e9 Villanueva", "cruz"}) == "X4C8PG,Jos\u00e9 Villanueva,cruz\n");
  }

  TEST_CASE("empty fields stay in their place") {
    CHECK(row({"B9T3KS", "", "low", ""}) == "B9T3KS,,low,\n");
    CHECK(row({"", "", ""}) == ",,\n");
  }

  TEST_CASE("only the fields that need it are quoted in a row") {
    CHECK(row({"7RJ5NB", "Santos, Maria", "plain", "say \"x\""}) ==
          "7RJ5NB,\"Santos, Maria\",plain,\"say \"\"x\"\"\"\n");
  }

  TEST_CASE("what is written reads back as the same fields") {
    const std::vector<std::string> fields = {"id", "Santos, Maria", "two\nlines", "\"quoted\"", "", "\u00C5se"};
    CHECK(read_back(row(fields)) == fields);
  }
}
