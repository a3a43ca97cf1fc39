#include <doctest/doctest.h>

#include "caseload/core/text.hpp"

using namespace caseload;

TEST_CASE("escape_for_terminal makes control characters visible") {
  CHECK(escape_for_terminal("Siti Rahayu") == "Siti Rahayu");
  CHECK(escape_for_terminal("Kjær Øyvind ক্ষেত্র") == "Kjær Øyvind ক্ষেত্র");  // letters of every script pass
  // The attack of issue 15: a title change and a colour in a stored name.
  CHECK(escape_for_terminal("Siti \x1b]0;PWNED\a\x1b[31m") == "Siti \\x1B]0;PWNED\\x07\\x1B[31m");
  CHECK(escape_for_terminal("a\nforged line") == "a\\x0Aforged line");
  CHECK(escape_for_terminal("a\nb\tc", true) == "a\nb\tc");
  CHECK(escape_for_terminal("a\rb", true) == "a\\x0Db");
  CHECK(escape_for_terminal("x\x7fy") == "x\\x7Fy");
  CHECK(escape_for_terminal("c1 \xc2\x9b") == "c1 \\u009B");         // CSI as one C1 character
  CHECK(escape_for_terminal("abc\xe2\x80\xae" "fdp") == "abc\\u202Efdp");  // right-to-left override
  CHECK(escape_for_terminal("\xe2\x81\xa6x") == "\\u2066x");            // left-to-right isolate
  CHECK(escape_for_terminal("bad \xff byte") == "bad \\xFF byte");
  CHECK(has_unsafe_characters("\x1b[31m"));
  CHECK_FALSE(has_unsafe_characters("Åse Bråten"));
  CHECK_FALSE(has_unsafe_characters("a\tb", true));
}
