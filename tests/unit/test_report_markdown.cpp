// Markdown text from the store (followups --format md, show --format md):
// shown as it is, never as markup, and never breaking a table row.
#include <doctest/doctest.h>

#include <string>

#include "caseload/report/markdown.hpp"

using namespace caseload;

TEST_SUITE("report::markdown") {
  TEST_CASE("letters, digits and spaces of every script pass as they are") {
    CHECK(md_cell("Maria Santos") == "Maria Santos");
    CHECK(md_cell("\u00C5se \u00D8stby 42") == "\u00C5se \u00D8stby 42");
    CHECK(md_cell("") == "");
  }

  TEST_CASE("every ASCII punctuation character gets a backslash") {
    const std::string punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
    std::string expected;
    for (char c : punctuation) expected += std::string("\\") + c;
    CHECK(md_cell(punctuation) == expected);
  }

  TEST_CASE("markup, HTML and a pipe come out as text") {
    CHECK(md_cell("a\\|b") == "a\\\\\\|b");  // the backslash cannot eat the pipe's escape
    CHECK(md_cell("<b>x</b>") == "\\<b\\>x\\<\\/b\\>");
    CHECK(md_cell("*x*") == "\\*x\\*");
    CHECK(md_cell("[link](http://x)") == "\\[link\\]\\(http\\:\\/\\/x\\)");
    CHECK(md_cell("&amp;") == "\\&amp\\;");
    CHECK(md_cell("# not a heading") == "\\# not a heading");
  }

  TEST_CASE("line breaks and tabs become spaces, control characters visible escapes") {
    CHECK(md_cell("two\nlines\there") == "two lines here");
    CHECK(md_cell("a\x1b[31mb") == "a\\\\x1B\\[31mb");  // \x1B, its backslash escaped
    CHECK(md_cell("a\rb") == "a\\\\x0Db");
  }

  TEST_CASE("a code span is fenced by more backquotes than the text holds") {
    CHECK(md_code("clients/X4C8PG/plan.yaml") == "`clients/X4C8PG/plan.yaml`");
    CHECK(md_code("a`b") == "``a`b``");
    CHECK(md_code("`a``") == "``` `a`` ```");
    CHECK(md_code("a|b") == "`a|b`");
    CHECK(md_code_cell("a|b") == "`a\\|b`");  // GFM splits cells on '|' even in a code span
    CHECK(md_code("x\ny\x1b") == "`x y\\x1B`");
    CHECK(md_code("") == "");
  }
}
