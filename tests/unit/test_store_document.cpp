#include <doctest/doctest.h>

#include <string>

#include "caseload/store/document.hpp"

using namespace caseload;

namespace {

const std::string k_path = "clients/K7Q2MX/client.yaml";

Document parse(const std::string& text) { return parse_document(k_path, text, schemas::client()); }

// The error parse_document throws for `text`; fails the test when it throws none.
DataError parse_error(const std::string& text) {
  try {
    parse(text);
  } catch (const DataError& e) {
    return e;
  }
  FAIL("expected a DataError");
  return DataError({}, "");
}

}  // namespace

TEST_SUITE("store::document") {
  TEST_CASE("a record parses into a map") {
    auto doc = parse("id: K7Q2MX\nname: Siti Rahayu\ntags: [a, b]\n");
    CHECK(doc.path == k_path);
    CHECK(doc.root.IsMap());
    CHECK(get_string(doc.root, "name") == "Siti Rahayu");
    CHECK(doc.schema == &schemas::client());
  }

  TEST_CASE("an empty file is an empty record") {
    CHECK(parse("").root.IsMap());
    CHECK(parse("").root.size() == 0);
    CHECK(parse("# only a comment\n").root.IsMap());
    CHECK(parse("~\n").root.IsMap());
  }

  TEST_CASE("syntax errors carry a 1-based line and column") {
    SUBCASE("an unterminated flow sequence") {
      auto e = parse_error("id: K7Q2MX\ntags: [family, priority\nworker: aoki\n");
      CHECK(e.where().path == k_path);
      CHECK(e.where().line >= 2);
      CHECK(e.where().col >= 1);
      CHECK(e.message().find("YAML syntax") == 0);
      CHECK(std::string(e.what()).find(k_path + ":") == 0);
    }
    SUBCASE("a bad indentation on line 3") {
      auto e = parse_error("id: K7Q2MX\nname: Siti\n  worker: aoki\n");
      CHECK(e.where().line == 3);
      CHECK(e.where().col >= 1);
    }
    SUBCASE("an unterminated flow map") {
      auto e = parse_error("id: K7Q2MX\nhousehold:\n  - {name: Adi, born: 2015\n");
      CHECK(e.where().line >= 2);
      CHECK(e.where().col >= 1);
    }
    SUBCASE("an error on the first line is line 1, not 0") {
      auto e = parse_error("id: [\n");
      CHECK(e.where().line >= 1);
      CHECK(e.where().col >= 1);
    }
    SUBCASE("an unterminated quoted string (yaml-cpp would read to the end of the file)") {
      auto e = parse_error("id: K7Q2MX\nname: \"Siti\nworker: aoki\n");
      CHECK(e.where().line == 2);
      CHECK(e.where().col == 7);
      CHECK(e.message().find("never closed") != std::string::npos);
      CHECK_THROWS_AS(parse("name: 'Siti\n"), DataError);
      CHECK_NOTHROW(parse("name: 'O''Brien'\nnote: \"say \\\"hi\\\"\"\n"));
    }
    SUBCASE("a stray word where a key belongs") {
      auto e = parse_error("id: K7Q2MX\nworker\n");
      CHECK(e.where().line == 2);
      CHECK(e.where().col == 1);
      CHECK(e.message().find("'worker' is not followed by ':'") != std::string::npos);
      // Text that is no key of the record is the store's content: not quoted.
      auto secret = parse_error("id: K7Q2MX\nSecret Stray Words\n");
      CHECK(secret.where().line == 2);
      CHECK(secret.message() == "YAML syntax: a key is not followed by ':'");
      CHECK_THROWS_AS(parse("id: K7Q2MX\nworker\nstatus: open\n"), DataError);
    }
    SUBCASE("a tab used for indentation") {
      auto e = parse_error("household:\n\t- name: Adi\n");
      CHECK(e.where().line == 2);
    }
  }

  TEST_CASE("bytes that are not UTF-8 are refused with their place") {
    SUBCASE("a Latin-1 byte") {
      auto e = parse_error("id: K7Q2MX\nname: Jos\xe9 Rizal\n");
      CHECK(e.where().line == 2);
      CHECK(e.where().col == 10);
      CHECK(e.message().find("UTF-8") != std::string::npos);
    }
    SUBCASE("at the end of a line") {
      auto e = parse_error("id: K7Q2MX\nworker: aoki\nname: Jos\xe9\n");
      CHECK(e.where().line == 3);
      CHECK(e.where().col == 10);
    }
    SUBCASE("right after a valid multi-byte character") {
      auto e = parse_error("name: Jos\xc3\xa9\xff\n");
      CHECK(e.where().line == 1);
      CHECK(e.where().col == 12);
    }
    SUBCASE("a truncated sequence at the end of the file") {
      auto e = parse_error("id: K7Q2MX\nname: Jos\xc3");
      CHECK(e.where().line == 2);
      CHECK(e.where().col == 10);
    }
  }

  TEST_CASE("a duplicate key is refused at its second occurrence") {
    SUBCASE("at the top level") {
      auto e = parse_error("id: K7Q2MX\nname: Siti\nworker: aoki\nname: Other\n");
      CHECK(e.where().line == 4);
      CHECK(e.where().col == 1);
      CHECK(e.message().find("duplicate key 'name'") != std::string::npos);
      CHECK(e.message().find("line 2") != std::string::npos);
    }
    SUBCASE("a key that is not the record's is not quoted") {
      auto e = parse_error("id: K7Q2MX\nsecret-key: 1\nsecret-key: 2\n");
      CHECK(e.message() == "duplicate key (first at line 2)");
    }
    SUBCASE("inside a nested record") {
      auto e = parse_error("household:\n  - name: Adi\n    born: 2015\n    name: Budi\n");
      CHECK(e.where().line == 4);
      CHECK(e.where().col == 5);
    }
    SUBCASE("inside a flow map") {
      auto e = parse_error("household:\n  - {name: Adi, name: Budi}\n");
      CHECK(e.where().line == 2);
      CHECK(e.where().col == 17);
    }
    SUBCASE("the same key in two different entries is fine") {
      CHECK_NOTHROW(parse("household:\n  - {name: Adi}\n  - {name: Budi}\n"));
    }
  }

  TEST_CASE("a second YAML document in a record is refused, not ignored") {
    auto e = parse_error("id: K7Q2MX\n---\nname: Siti\n");
    CHECK(e.where().line == 3);
    CHECK(e.message().find("second YAML document") != std::string::npos);
    SUBCASE("a syntax error after the first document is found") {
      CHECK_THROWS_AS(parse("id: K7Q2MX\n---\n- [\n"), DataError);
    }
    SUBCASE("document markers around one record are fine") {
      CHECK(get_string(parse("---\nid: K7Q2MX\n...\n").root, "id") == "K7Q2MX");
      CHECK(get_string(parse("id: K7Q2MX\n---\n").root, "id") == "K7Q2MX");
    }
  }

  TEST_CASE("NUL bytes are refused") {
    auto e = parse_error(std::string("id: K7Q2MX\nname: a\0b\n", 21));
    CHECK(e.message().find("NUL") != std::string::npos);
  }

  TEST_CASE("a file over the size limit is refused") {
    std::string big = "id: K7Q2MX\nnotes: |\n";
    while (big.size() <= k_max_file_bytes) big += "  " + std::string(70, 'x') + "\n";
    auto e = parse_error(big);
    CHECK(e.message().find("over the limit") != std::string::npos);

    SUBCASE("a file of exactly the limit is accepted") {
      std::string fits = "id: K7Q2MX\n#";
      fits += std::string(k_max_file_bytes - fits.size() - 1, 'x') + "\n";
      REQUIRE(fits.size() == k_max_file_bytes);
      CHECK_NOTHROW(parse(fits));
    }
  }

  TEST_CASE("nesting deeper than the limit is refused") {
    auto nested = [](int depth) {
      return "x: " + std::string(static_cast<size_t>(depth), '[') +
             std::string(static_cast<size_t>(depth), ']') + "\n";
    };
    CHECK_NOTHROW(parse(nested(k_max_depth - 1)));
    auto e = parse_error(nested(k_max_depth + 5));
    CHECK(e.message().find("nesting deeper") != std::string::npos);
    CHECK(e.where().line == 1);
  }

  TEST_CASE("an alias that expands without bound is refused") {
    std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
    std::string prev = "a";
    for (char name : std::string("bcdefg")) {
      bomb += std::string(1, name) + ": &" + name + " [";
      for (int i = 0; i < 10; ++i) bomb += (i ? ", *" : "*") + prev;
      bomb += "]\n";
      prev = std::string(1, name);
    }
    auto e = parse_error(bomb);
    CHECK(e.message().find("too many values") != std::string::npos);
  }

  TEST_CASE("the top level must be a mapping") {
    for (const char* text : {"- a\n- b\n", "just a sentence\n", "[1, 2]\n", "42\n"}) {
      CAPTURE(text);
      auto e = parse_error(text);
      CHECK(e.message().find("must be a mapping") != std::string::npos);
      CHECK(e.message().find("client.yaml") != std::string::npos);
    }
  }

  TEST_CASE("reading values never inserts keys") {
    auto doc = parse("id: K7Q2MX\nlanguage: fi\nclosed: ~\ntags: [a, b]\n");
    CHECK(get_string(doc.root, "id") == "K7Q2MX");
    CHECK_FALSE(get_string(doc.root, "missing").has_value());
    CHECK_FALSE(get_string(doc.root, "tags").has_value());    // a list is not a string
    CHECK_FALSE(get_string(doc.root, "closed").has_value());  // null is not a string
    CHECK(get_strings(doc.root, "tags") == std::vector<std::string>{"a", "b"});
    CHECK(get_strings(doc.root, "language") == std::vector<std::string>{"fi"});
    CHECK(get_strings(doc.root, "missing").empty());
    CHECK_FALSE(child(doc.root, "missing").IsDefined());
    CHECK_FALSE(get_string(child(doc.root, "missing"), "deeper").has_value());
    CHECK(doc.root.size() == 4);
    CHECK_FALSE(doc.changed());
  }

  TEST_CASE("set_scalar replaces in place or appends") {
    auto doc = parse("id: K7Q2MX\nname: Old Name\nworker: aoki\n");
    SUBCASE("an existing key keeps its position") {
      set_scalar(doc.root, "name", "New Name");
      CHECK(get_string(doc.root, "name") == "New Name");
      CHECK(doc.root.size() == 3);
      CHECK(doc.canonical() == "id: K7Q2MX\nname: New Name\nworker: aoki\n");
    }
    SUBCASE("a new key is added") {
      set_scalar(doc.root, "risk", "high");
      CHECK(get_string(doc.root, "risk") == "high");
      CHECK(doc.canonical() == "id: K7Q2MX\nname: Old Name\nworker: aoki\nrisk: high\n");
    }
    SUBCASE("a value that was plain in the file is quoted once the program sets it") {
      auto d2 = parse("id: K7Q2MX\nexternal_id: 2026-00142\n");
      set_scalar(d2.root, "external_id", "2026-00143");
      CHECK(d2.canonical() == "id: K7Q2MX\nexternal_id: \"2026-00143\"\n");
    }
    SUBCASE("a list is replaced by a scalar") {
      auto d2 = parse("id: K7Q2MX\nlanguage: [fi, sv]\n");
      set_scalar(d2.root, "language", "fi");
      CHECK(d2.canonical() == "id: K7Q2MX\nlanguage: fi\n");
    }
  }

  TEST_CASE("remove_key drops a key and nothing else") {
    auto doc = parse("id: K7Q2MX\nclosed: 2026-11-30\nclosed_reason: Moved\nworker: aoki\n");
    remove_key(doc.root, "closed");
    CHECK_FALSE(child(doc.root, "closed").IsDefined());
    CHECK(doc.root.size() == 3);
    remove_key(doc.root, "not-there");  // no-op
    CHECK(doc.root.size() == 3);
    CHECK(doc.canonical() == "id: K7Q2MX\nworker: aoki\nclosed_reason: Moved\n");
  }

  TEST_CASE("changed tells whether writing would change the file") {
    CHECK_FALSE(parse("id: K7Q2MX\nname: Siti\n").changed());
    CHECK(parse("name: Siti\nid: K7Q2MX\n").changed());          // key order
    CHECK(parse("id:   K7Q2MX\nname: Siti\n").changed());        // spacing
    CHECK(parse("id: K7Q2MX\nname: Siti\n# note\n").changed());  // a comment would be dropped
    CHECK(parse("id: K7Q2MX\nname: Siti").changed());            // no final newline
    auto doc = parse("id: K7Q2MX\nname: Siti\n");
    set_scalar(doc.root, "name", "Siti");
    CHECK_FALSE(doc.changed());
    set_scalar(doc.root, "name", "Siti Rahayu");
    CHECK(doc.changed());
  }

  TEST_CASE("locations point at keys and values") {
    auto doc = parse("id: K7Q2MX\nname: Siti\nhousehold:\n  - name: Adi\n    born: 2015\n");
    CHECK(doc.where_key(doc.root, "name").str() == k_path + ":2:1");
    CHECK(doc.where(child(doc.root, "name")).str() == k_path + ":2:7");
    YAML::Node member = child(doc.root, "household")[0];
    CHECK(doc.where_key(member, "born").str() == k_path + ":5:5");
    CHECK(doc.where(child(member, "born")).str() == k_path + ":5:11");
    // A key that is absent points at its map.
    CHECK(doc.where_key(member, "relation").line == 4);
  }

  TEST_CASE("a new document is an empty record") {
    auto doc = new_document(k_path, schemas::client());
    CHECK(doc.root.IsMap());
    CHECK(doc.text.empty());
    CHECK(doc.canonical().empty());
    set_scalar(doc.root, "id", "K7Q2MX");
    CHECK(doc.changed());
    CHECK(doc.canonical() == "id: K7Q2MX\n");
  }

  TEST_CASE("as_text_block stores text with one final newline") {
    CHECK(as_text_block("Hello") == "Hello\n");
    CHECK(as_text_block("Hello\n\n\n") == "Hello\n");
    CHECK(as_text_block("Hello  \n ") == "Hello\n");
    CHECK(as_text_block("a\nb") == "a\nb\n");
    CHECK(as_text_block("") == "");
    CHECK(as_text_block("\n\n") == "");
  }
}
