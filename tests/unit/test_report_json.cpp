// The JSON writer behind every `--format json`: what scripts parse.
#include <doctest/doctest.h>

#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "caseload/report/json.hpp"

using namespace caseload;

namespace {

// Runs `write` on a fresh writer and returns everything it printed, including
// what the writer adds when it goes out of scope.
template <typename F>
std::string written(F&& write) {
  std::ostringstream out;
  {
    JsonWriter w(out);
    write(w);
  }
  return out.str();
}

}  // namespace

TEST_SUITE("report::json") {
  TEST_CASE("a plain string is quoted as it is") {
    CHECK(json_quote("Maria Santos") == "\"Maria Santos\"");
    CHECK(json_quote("") == "\"\"");
    CHECK(json_quote("clients/7RJ5NB/plan.yaml") == "\"clients/7RJ5NB/plan.yaml\"");  // '/' needs no escape
  }

  TEST_CASE("quotes and backslashes are escaped") {
    CHECK(json_quote("say \"hi\"") == R"("say \"hi\"")");
    CHECK(json_quote("C:\\new") == R"("C:\\new")");
    CHECK(json_quote("\\\"") == R"("\\\"")");
  }

  TEST_CASE("line breaks and tabs get their short escapes") {
    CHECK(json_quote("line one\nline two") == R"("line one\nline two")");
    CHECK(json_quote("a\r\nb") == R"("a\r\nb")");
    CHECK(json_quote("a\tb") == R"("a\tb")");
  }

  TEST_CASE("every other control character is a \\u escape, so none reaches the output raw") {
    CHECK(json_quote(std::string("a\0b", 3)) == R"("a\u0000b")");
    CHECK(json_quote("\x01") == R"("\u0001")");
    CHECK(json_quote("\x1b[31mred") == R"("\u001b[31mred")");  // a terminal escape stays inert
    CHECK(json_quote("\x1f") == R"("\u001f")");
    CHECK(json_quote("\x7f") == R"("\u007f")");  // DEL, too
    for (int c = 0; c < 0x20; ++c) {
      const std::string quoted = json_quote(std::string(1, static_cast<char>(c)));
      CAPTURE(c);
      CHECK(quoted.front() == '"');
      CHECK(quoted[1] == '\\');
      CHECK(quoted.find(static_cast<char>(c)) == std::string::npos);
    }
  }

  TEST_CASE("non-ASCII text is kept as UTF-8, not escaped") {
    CHECK(json_quote("\u00C5se \u00D8stby") == "\"\u00C5se \u00D8stby\"");
    CHECK(json_quote("\u09B0\u09B9\u09BF\u09AE\u09BE \u09AC\u09C7\u0997\u09AE") ==
          "\"\u09B0\u09B9\u09BF\u09AE\u09BE \u09AC\u09C7\u0997\u09AE\"");
    CHECK(json_quote("\u738B\u79C0\u82F1") == "\"\u738B\u79C0\u82F1\"");
    CHECK(json_quote("Jose\u0301") == "\"Jose\u0301\"");  // a combining accent is left alone
    CHECK(json_quote("\U0001F600") == "\"\U0001F600\"");  // outside the BMP: no surrogate pair
  }

  TEST_CASE("an array of objects has two-space indentation and keys in the order written") {
    const std::string text = written([](JsonWriter& w) {
      w.begin_array();
      for (const char* id : {"X4C8PG", "2DPY7W"}) {
        w.begin_object();
        w.key("id"); w.value(id);
        w.key("overdue"); w.value(3);
        w.key("active"); w.value(true);
        w.end_object();
      }
      w.end_array();
    });
    // Neither the objects nor their keys are sorted: "id" before "active",
    // X4C8PG before 2DPY7W, as written.
    CHECK(text ==
          "[\n"
          "  {\n"
          "    \"id\": \"X4C8PG\",\n"
          "    \"overdue\": 3,\n"
          "    \"active\": true\n"
          "  },\n"
          "  {\n"
          "    \"id\": \"2DPY7W\",\n"
          "    \"overdue\": 3,\n"
          "    \"active\": true\n"
          "  }\n"
          "]\n");
  }

  TEST_CASE("keys are escaped like values") {
    const std::string text = written([](JsonWriter& w) {
      w.begin_object();
      w.key("a\"b"); w.value("v");
      w.end_object();
    });
    CHECK(text == "{\n  \"a\\\"b\": \"v\"\n}\n");
  }

  TEST_CASE("empty containers print on one line") {
    CHECK(written([](JsonWriter& w) { w.begin_array(); w.end_array(); }) == "[]\n");
    CHECK(written([](JsonWriter& w) { w.begin_object(); w.end_object(); }) == "{}\n");
    const std::string nested = written([](JsonWriter& w) {
      w.begin_object();
      w.key("items"); w.begin_array(); w.end_array();
      w.key("extra"); w.begin_object(); w.end_object();
      w.end_object();
    });
    CHECK(nested == "{\n  \"items\": [],\n  \"extra\": {}\n}\n");
  }

  TEST_CASE("an optional value is null when missing or empty; a plain empty string stays a string") {
    const std::string text = written([](JsonWriter& w) {
      w.begin_object();
      w.key("missing"); w.value(std::optional<std::string>());
      w.key("empty"); w.value(std::optional<std::string>(""));
      w.key("set"); w.value(std::optional<std::string>("high"));
      w.key("plain"); w.value(std::string());
      w.key("explicit"); w.null();
      w.end_object();
    });
    CHECK(text ==
          "{\n"
          "  \"missing\": null,\n"
          "  \"empty\": null,\n"
          "  \"set\": \"high\",\n"
          "  \"plain\": \"\",\n"
          "  \"explicit\": null\n"
          "}\n");
  }

  TEST_CASE("a list of strings is one line, each item escaped") {
    const std::string text = written([](JsonWriter& w) {
      w.begin_object();
      w.key("tags"); w.value(std::vector<std::string>{"family", "say \"x\"", "\u00E5"});
      w.key("none"); w.value(std::vector<std::string>{});
      w.end_object();
    });
    CHECK(text == "{\n  \"tags\": [\"family\", \"say \\\"x\\\"\", \"\u00E5\"],\n  \"none\": []\n}\n");
  }

  TEST_CASE("numbers and booleans are bare") {
    const std::string text = written([](JsonWriter& w) {
      w.begin_array();
      w.value(0);
      w.value(-12L);
      w.value(1234567890123L);
      w.value(false);
      w.end_array();
    });
    CHECK(text == "[\n  0,\n  -12,\n  1234567890123,\n  false\n]\n");
  }

  TEST_CASE("nested arrays indent one more level each") {
    const std::string text = written([](JsonWriter& w) {
      w.begin_array();
      w.begin_object();
      w.key("files");
      w.begin_array();
      w.begin_object();
      w.key("path"); w.value("client.yaml");
      w.end_object();
      w.end_array();
      w.end_object();
      w.end_array();
    });
    CHECK(text ==
          "[\n"
          "  {\n"
          "    \"files\": [\n"
          "      {\n"
          "        \"path\": \"client.yaml\"\n"
          "      }\n"
          "    ]\n"
          "  }\n"
          "]\n");
  }

  TEST_CASE("the output ends with exactly one newline, added when the writer is done") {
    std::ostringstream out;
    {
      JsonWriter w(out);
      w.begin_array();
      w.value("x");
      w.end_array();
      CHECK(out.str() == "[\n  \"x\"\n]");  // not yet
    }
    CHECK(out.str() == "[\n  \"x\"\n]\n");
  }
}
