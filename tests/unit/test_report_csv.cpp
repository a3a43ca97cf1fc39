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
    CHECK(csv_field("semi;colon") == "semi;colon");      // a ';' needs no quotes (csv_list escapes its own)
    CHECK(csv_field("it's") == "it's");                  // a single quote is not special
  }

  TEST_CASE("a field with a comma, a quote or a line break is quoted") {
    CHECK(csv_field("Santos, Maria") == "\"Santos, Maria\"");
    CHECK(csv_field("line one\nline two") == "\"line one\nline two\"");
    CHECK(csv_field("a\r\nb") == "\"a\nb\"");  // a CRLF is one line end
  }

  TEST_CASE("control characters are visible escapes, as on the terminal; line breaks and tabs stay") {
    CHECK(csv_field("a\x1b]0;x\ab") == "a\\x1B]0;x\\x07b");
    CHECK(csv_field("a\rb") == "a\\x0Db");  // a lone CR is no line end
    CHECK(csv_field("abc\xe2\x80\xae" "fdp") == "abc\\u202Efdp");
    CHECK(csv_field("a\tb") == "a\tb");
  }

  TEST_CASE("a field a spreadsheet would run as a formula gets a leading quote mark (OWASP)") {
    CHECK(csv_field("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"");
    CHECK(csv_field("+358 40 555 0300") == "'+358 40 555 0300");
    CHECK(csv_field("-2+3") == "'-2+3");
    CHECK(csv_field("@SUM(1+1)") == "'@SUM(1+1)");
    CHECK(csv_field("\tx") == "'\tx");
    CHECK(csv_field("\r=1") == "\\x0D=1");   // the CR is a visible escape, nothing left to run
    CHECK(csv_field("'quoted") == "''quoted");  // so that a leading ' always means the mark
    CHECK(csv_field("a=b") == "a=b");           // only the first character counts
  }

  TEST_CASE("a plain number is left a number") {
    CHECK(csv_field("-5") == "-5");
    CHECK(csv_field("+3") == "+3");
    CHECK(csv_field("-12.50") == "-12.50");
    CHECK(csv_field("-") == "'-");
    CHECK(csv_field("-5-") == "'-5-");
  }

  TEST_CASE("a list: items joined with \"; \", a ';' or '\\' in an item escaped with a backslash") {
    CHECK(csv_list({}) == "");
    CHECK(csv_list({"rent"}) == "rent");
    CHECK(csv_list({"food; clothes", "rent"}) == "food\\; clothes; rent");
    CHECK(csv_list({"a\\b", "c"}) == "a\\\\b; c");
    CHECK(csv_list({"two\nlines"}) == "two\\\\x0Alines");  // \x0A, its backslash escaped
    CHECK(row({"X", csv_list({"a, b", "c"})}) == "X,\"a, b; c\"\n");
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
