// The fast reader is a shortcut for the files caseload and careful hands
// write, never a second opinion: what it accepts, it reads exactly as
// yaml-cpp does; everything else it hands back untouched.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "caseload/store/decode.hpp"
#include "caseload/store/document.hpp"
#include "caseload/store/fast_yaml.hpp"

using namespace caseload;

namespace {

const std::string k_path = "clients/K7Q2MX/client.yaml";

std::unique_ptr<FastDocument> fast(std::string text) { return parse_fast(k_path, text); }

// The fast reader accepts `text` and reads the tree yaml-cpp reads.
void same_tree(const std::string& text) {
  CAPTURE(text);
  auto doc = fast(text);
  REQUIRE(doc);
  CHECK(outline(doc->root()) == outline(parse_document(k_path, text, schemas::client()).root));
}

// The fast reader declines `text` and gives it back as it was.
void declined(const std::string& text) {
  CAPTURE(text);
  std::string copy = text;
  CHECK_FALSE(parse_fast(k_path, copy));
  CHECK(copy == text);
}

}  // namespace

TEST_SUITE("store::fast_yaml") {
  TEST_CASE("a client as caseload writes it reads as yaml-cpp reads it") {
    same_tree(
        "id: K7Q2MX\n"
        "name: Siti Rahayu\n"
        "external_id: \"2026-00142\"\n"
        "language: [id, en]\n"
        "household:\n"
        "  - {name: Adi, relation: child, born: 2015-06-01}\n"
        "consent:\n"
        "  - to: housing-office\n"
        "    scope: [contact, needs]\n"
        "    given: 2026-09-15\n"
        "notes: |\n"
        "  Merikatu 12 B 17\n"
        "  00150 Harbour City\n");
  }

  TEST_CASE("scalars: quotes, escapes, nulls, any script") {
    same_tree("a: \"say \\\"hi\\\" \\u00e9\\x41\\n\"\nb: 'O''Brien'\nc: মোহাম্মদ করিম\nd:\ne: ~\nf: null\n");
    same_tree("url: http://example.net/a:b\nphone: +358 40 555 0142\ntime: 2026-11-23T14:00\n");
    same_tree("a: trailing spaces   \nb: []\nc: {}\n");
  }

  TEST_CASE("literal blocks keep their lines, blank lines and inner indentation") {
    same_tree("notes: |\n  one\n    two\n\n  three\n  # not a comment\nnext: x\n");
    same_tree("notes: |-\n  no final newline\n\n\nnext: x\n");
    same_tree("notes: |\n\n  after a blank line\n");
    same_tree("notes: |\nnext: empty block\n");
  }

  TEST_CASE("nested maps and lists, and comments between entries") {
    same_tree(
        "# a comment\n"
        "goals:\n"
        "  - id: g1\n"
        "    tasks:\n"
        "      - id: t1\n"
        "        text: |\n"
        "          Bring the lease\n"
        "\n"
        "      # between items\n"
        "      - id: t2\n"
        "  -   id: g2\n"
        "      deeper:\n"
        "        deepest: 1\n"
        "  - plain item\n");
  }

  TEST_CASE("where a value starts is where yaml-cpp says it starts") {
    const std::string text = "scores:\n  housing: 2\nhistory:\n  - {date: 2026-11-0x, status: sent}\n";
    auto doc = fast(text);
    REQUIRE(doc);
    const FastNode date = child(*child(doc->root(), "history").begin(), "date");
    CHECK(doc->where(date).str() == k_path + ":4:12");
    const Document full = parse_document(k_path, text, schemas::client());
    CHECK(full.where(child(child(full.root, "history")[0], "date")).str() == k_path + ":4:12");
  }

  TEST_CASE("what a decoder makes of it is the same record with the same warnings") {
    const std::string text = "date: 2026-02-30\nkind: review\nscores:\n  housing: 2\n  food: 9x\nneeds: [housing]\n";
    auto doc = fast(text);
    REQUIRE(doc);
    Diagnostics a, b;
    const Assessment x = decode_record<Assessment>(*doc, &a);
    const Assessment y = decode_record<Assessment>(parse_document(k_path, text, schemas::assessment()), &b);
    CHECK(x.scores == y.scores);
    CHECK(x.needs == y.needs);
    CHECK(x.kind == y.kind);
    REQUIRE(a.size() == 1);
    REQUIRE(b.size() == 1);
    CHECK(a[0].str() == b[0].str());
  }

  TEST_CASE("anything outside the subset is left to yaml-cpp, text untouched") {
    declined("a: b # a comment\n");
    declined("a: \"two\n  lines\"\n");
    declined("a: plain\n  continued\n");
    declined("a:\tb\n");
    declined("a: &x 1\nb: *x\n");
    declined("a: >\n  folded\n");
    declined("a: |+\n  keep\n");
    declined("a: |2\n  indicator\n");
    declined("a: [b, [c]]\n");
    declined("a: [b, ]\n");
    declined("a: [what?]\n");
    declined("a: {m: n, m: o}\n");
    declined("list:\n- indentless\n");
    declined("dup: 1\ndup: 2\n");
    declined("null: key\n");
    declined("a: 1\r\nb: 2\r\n");
    declined("a: 1");
    declined("\xef\xbb\xbf" "a: 1\n");
    declined("---\na: 1\n");
    declined("a: 1\n---\nb: 2\n");
    declined("- a list at the top\n");
    declined("stray words\n");
    declined("a: b: c\n");
    declined("a: \"\\0\"\n");
    // yaml-cpp refuses a plain key of 1024 characters or more (issue 15):
    // the fast reader must not accept what the full reader refuses.
    declined(std::string(1024, 'k') + ": v\n");
    declined("a:\n  " + std::string(2000, 'k') + ": v\n");
    declined("a: {" + std::string(1100, 'k') + ": v}\n");  // in a flow map too
    declined("a: 1\n...\n");                                // document markers and directives
    declined("%YAML 1.2\n---\na: 1\n");
    declined("a: \"\\ud800\"\n");
    declined("");
    declined("# only a comment\n");
    declined("a: \xff\n");
  }

  TEST_CASE("deep nesting is left to yaml-cpp's limits") {
    std::string text;
    for (int i = 0; i < 40; ++i) text += std::string(static_cast<size_t>(2 * i), ' ') + "k:\n";
    text += std::string(80, ' ') + "k: v\n";
    declined(text);
  }
}

TEST_SUITE("store::fast_yaml") {
  TEST_CASE("every file of the demo store takes the fast path") {
    // caseload writes the subset: if its own files were declined, the
    // shortcut would save nothing (and the comparisons would prove nothing).
    size_t files = 0;
    for (const auto& e : std::filesystem::recursive_directory_iterator(CASELOAD_EXAMPLES "/agency")) {
      if (!e.is_regular_file() || e.path().extension() != ".yaml") continue;
      std::ifstream in(e.path(), std::ios::binary);
      std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      CAPTURE(e.path().string());
      auto doc = parse_fast(e.path().string(), text);
      REQUIRE(doc);
      CHECK(outline(doc->root()) == outline(parse_document("x.yaml", doc->text, schemas::client()).root));
      ++files;
    }
    CHECK(files > 100);
  }
}
