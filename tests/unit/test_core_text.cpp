#include <doctest/doctest.h>

#include <array>
#include <sstream>
#include <string>
#include <vector>

#include "caseload/core/text.hpp"

using namespace caseload;

namespace {

// Bengali "Rahim Uddin": consonants with vowel signs (ি, ু) and a virama.
const std::string k_bengali = "রহিম উদ্দিন";

}  // namespace

TEST_SUITE("core::text") {
  TEST_CASE("to_nfc composes a base letter and its combining accent") {
    CHECK(to_nfc("Jose\u0301") == "Jos\u00e9");
    CHECK(to_nfc("e\u0301") == "\u00e9");
    CHECK(to_nfc("A\u030Ase") == "\u00C5se");
    CHECK(to_nfc("Jos\u00e9") == "Jos\u00e9");  // already composed: unchanged
    CHECK(to_nfc("plain ascii") == "plain ascii");
    CHECK(to_nfc(k_bengali) == k_bengali);
  }

  TEST_CASE("search_key folds case, accents, width and white space") {
    SUBCASE("Latin accents are removed, whether composed or not") {
      CHECK(search_key("Jos\u00e9") == "jose");
      CHECK(search_key("Jose\u0301") == "jose");
      CHECK(search_key("\u00C5SE") == "ase");
      CHECK(search_key("M\u00fcller") == "muller");
      CHECK(search_key("Fran\u00e7ois") == "francois");
    }
    SUBCASE("stroked letters, which have no decomposition, fold too") {
      CHECK(search_key("\u00D8stby") == "ostby");
      CHECK(search_key("\u00F8stby") == "ostby");
      CHECK(search_key("\u0141ukasz") == "lukasz");
      CHECK(search_key("\u0110or\u0111e") == "dorde");
    }
    SUBCASE("full-width forms become ASCII") {
      CHECK(search_key("\uFF2D\uFF21\uFF32\uFF29\uFF21") == "maria");
      CHECK(search_key("\uFF11\uFF12\uFF13") == "123");
    }
    SUBCASE("upper case folds") {
      CHECK(search_key("MARIA Santos") == "maria santos");
      CHECK(search_key("STRASSE") == search_key("stra\u00dfe"));
    }
    SUBCASE("Bengali vowel signs are kept: they change the word") {
      CHECK(search_key(k_bengali) == to_nfc(k_bengali));
      // কি (ki) and ক (ka) are different names and must not fold together.
      CHECK(search_key("\u0995\u09BF") != search_key("\u0995"));
      CHECK(search_key("\u0995\u09C1") != search_key("\u0995"));
    }
    SUBCASE("white space is collapsed and trimmed") {
      CHECK(search_key("  Maria \t  Santos \n") == "maria santos");
      CHECK(search_key("Maria\u00A0Santos") == "maria santos");  // no-break space
      CHECK(search_key("Maria\u3000Santos") == "maria santos");  // ideographic space
      CHECK(search_key("   ") == "");
      CHECK(search_key("") == "");
    }
    SUBCASE("Nordic letters fold with their two-letter spellings") {
      CHECK(search_key("Kj\u00E6r") == search_key("kjaer"));
      CHECK(search_key("\u00C6sa") == search_key("aesa"));
      CHECK(search_key("\u00D8yvind") == search_key("oeyvind"));
      CHECK(search_key("\u00D8yvind") == search_key("oyvind"));
      CHECK(search_key("\u00C5se") == search_key("aase"));
      CHECK(search_key("\u00C5se") == search_key("ase"));
      CHECK(search_key("Br\u00E5ten") == search_key("braaten"));
      CHECK(search_key("Braaten") == search_key("Br\u00E5ten"));
    }
    SUBCASE("apostrophes of any kind are left out") {
      for (const char* name : {"O'Brien", "O\u2019Brien", "O\u2018Brien", "O\u02BCBrien", "O\u00B4Brien", "O`Brien",
                               "O\uFF07Brien", "OBrien"}) {
        CAPTURE(name);
        CHECK(search_key(name) == "obrien");
      }
    }
    SUBCASE("hyphens and dashes separate words") {
      CHECK(search_key("Santos-Reyes") == "santos reyes");
      CHECK(search_key("Santos\u2010Reyes") == "santos reyes");  // Unicode hyphen
      CHECK(search_key("Santos \u2013 Reyes") == "santos reyes");  // en dash between spaces
      CHECK(search_key("-Reyes-") == "reyes");
    }
    SUBCASE("Bengali is untouched by the Latin folds") {
      const std::string name = "\u0995\u09CD\u09B7\u09C7\u09A4\u09CD\u09B0\u09AE\u09CB\u09B9\u09A8";
      CHECK(search_key(name) == name);
    }
    SUBCASE("composed and decomposed input give the same key") {
      CHECK(search_key("Jos\u00e9 \u00C5se") == search_key("Jose\u0301 A\u030Ase"));
    }
  }

  TEST_CASE("display_width counts terminal columns") {
    CHECK(display_width("") == 0);
    CHECK(display_width("Maria") == 5);
    CHECK(display_width("Jose\u0301") == 4);  // the combining accent takes no column
    CHECK(display_width("Jos\u00e9") == 4);
    CHECK(display_width("\u674E\u660E") == 4);  // 李明: wide
    CHECK(display_width("\uFF2D\uFF21") == 4);  // full-width letters
    CHECK(display_width("\x1b[31m2026-11-20\x1b[0m") == 10);  // colour takes no column
    CHECK(display_width("\x1b[1mID\x1b[0m  x") == 5);
    const int bengali = display_width(k_bengali);
    CHECK(bengali > 0);
    CHECK(bengali < static_cast<int>(k_bengali.size()));
  }

  TEST_CASE("truncate_to_width cuts by columns and marks the cut") {
    SUBCASE("text that fits is unchanged") {
      CHECK(truncate_to_width("Maria", 5) == "Maria");
      CHECK(truncate_to_width("Maria", 10) == "Maria");
      CHECK(truncate_to_width("", 3) == "");
    }
    SUBCASE("a cut ends with an ellipsis within the width") {
      const std::string cut = truncate_to_width("Maria Santos", 6);
      CHECK(cut == "Maria\u2026");
      CHECK(display_width(cut) == 6);
    }
    SUBCASE("a wide character that would overflow is dropped whole") {
      const std::string cut = truncate_to_width("\u674E\u660E\u534E", 4);  // 李明华, width 6
      CHECK(cut == "\u674E\u2026");
      CHECK(display_width(cut) <= 4);
    }
    SUBCASE("a combining accent stays with its letter") {
      CHECK(truncate_to_width("Jose\u0301 Luis", 5) == "Jose\u0301\u2026");
    }
    SUBCASE("never a broken UTF-8 sequence") {
      const std::string cut = truncate_to_width(k_bengali, 3);
      CHECK(valid_utf8(cut));
      CHECK(display_width(cut) <= 3);
    }
    SUBCASE("tiny widths") {
      CHECK(truncate_to_width("Maria", 1) == "\u2026");
      CHECK(truncate_to_width("Maria", 0) == "");
    }
  }

  TEST_CASE("grapheme_clusters keep Bengali conjuncts, vowel signs and viramas whole") {
    // ক্ষেত্রমোহন (Kshetramohan): ক+্+ষ+ে, ত+্+র, ম+ো, হ, ন
    const std::string name = "\u0995\u09CD\u09B7\u09C7\u09A4\u09CD\u09B0\u09AE\u09CB\u09B9\u09A8";
    const std::vector<std::string> expected = {"\u0995\u09CD\u09B7\u09C7", "\u09A4\u09CD\u09B0",
                                               "\u09AE\u09CB", "\u09B9", "\u09A8"};
    CHECK(grapheme_clusters(name) == expected);
    CHECK(grapheme_clusters("Jose\u0301") == std::vector<std::string>{"J", "o", "s", "e\u0301"});
    CHECK(grapheme_clusters("") == std::vector<std::string>{});
  }

  TEST_CASE("truncate_to_width never cuts inside a grapheme cluster") {
    const std::string name = "\u0995\u09CD\u09B7\u09C7\u09A4\u09CD\u09B0\u09AE\u09CB\u09B9\u09A8";
    const auto clusters = grapheme_clusters(name);
    for (int width = 0; width <= display_width(name); ++width) {
      CAPTURE(width);
      std::string cut = truncate_to_width(name, width);
      CHECK(display_width(cut) <= width);
      if (cut.ends_with("\u2026")) cut.resize(cut.size() - 3);
      // What is kept is whole clusters from the start: a vowel sign or a
      // virama is never left behind without its consonant, nor cut off it.
      std::string whole;
      bool on_boundary = cut.empty();
      for (const auto& c : clusters) {
        whole += c;
        if (whole == cut) on_boundary = true;
      }
      CHECK(on_boundary);
    }
    // ক্ষে is three columns: at width 3 it cannot stay with an ellipsis, and
    // is not cut to ক or ক্ষ.
    CHECK(truncate_to_width(name, 3) == "\u2026");
    CHECK(truncate_to_width(name, 4) == "\u0995\u09CD\u09B7\u09C7\u2026");
    CHECK(truncate_to_width("\u09B0\u09B9\u09BF\u09AE \u0989\u09A6\u09CD\u09A6\u09BF\u09A8", 4) ==
          "\u09B0\u09B9\u09BF\u2026");  // রহি…: the vowel sign ি stays with হ
  }

  TEST_CASE("pad_to_width pads by columns, never cuts") {
    CHECK(pad_to_width("ab", 4) == "ab  ");
    CHECK(pad_to_width("\u674E", 4) == "\u674E  ");
    CHECK(pad_to_width("Jose\u0301", 6) == "Jose\u0301  ");
    CHECK(display_width(pad_to_width(k_bengali, 20)) == 20);
    CHECK(pad_to_width("Maria Santos", 4) == "Maria Santos");
  }

  TEST_CASE("valid_utf8 accepts UTF-8 and nothing else") {
    CHECK(valid_utf8(""));
    CHECK(valid_utf8("plain"));
    CHECK(valid_utf8("Jos\u00e9 \u674E \U0001F600"));
    CHECK(valid_utf8(k_bengali));
    CHECK_FALSE(valid_utf8("Jos\xe9"));  // Latin-1
    CHECK_FALSE(valid_utf8("\xff"));
    CHECK_FALSE(valid_utf8("\xc3"));          // truncated sequence
    CHECK_FALSE(valid_utf8("\xc0\xaf"));      // overlong '/'
    CHECK_FALSE(valid_utf8("\xed\xa0\x80"));  // a UTF-16 surrogate
    CHECK_FALSE(valid_utf8("ok\x80ok"));      // a stray continuation byte
  }

  TEST_CASE("first_line and trim") {
    CHECK(first_line("Home visit  \nmore text") == "Home visit");
    CHECK(first_line("  one line ") == "one line");
    CHECK(first_line("") == "");
    CHECK(trim(" \t a b \r\n") == "a b");
    CHECK(trim(" \n ") == "");
  }

  TEST_CASE("contains_control finds control characters") {
    CHECK_FALSE(contains_control("Jos\u00e9", false));
    CHECK(contains_control("a\x1b[31m", false));
    CHECK(contains_control("a\x7f", false));
    CHECK(contains_control("a\nb", false));
    CHECK_FALSE(contains_control("a\nb\tc", true));
    CHECK(contains_control("a\rb", true));
  }
}

TEST_SUITE("core::text lines and lists") {
  using Lines = std::vector<std::string>;

  TEST_CASE("split_lines: a final newline ends the last line and starts no empty one") {
    CHECK(split_lines("a\nb\n") == Lines{"a", "b"});
    CHECK(split_lines("a\nb") == Lines{"a", "b"});
    CHECK(split_lines("") == Lines{});
    CHECK(split_lines("\n") == Lines{""});
    CHECK(split_lines("\n\n") == Lines{"", ""});
    CHECK(split_lines("a\n\nb\n") == Lines{"a", "", "b"});
    CHECK(split_lines("a\n\n") == Lines{"a", ""});
  }

  TEST_CASE("split_lines keeps everything but the newline: carriage returns, spaces, tabs") {
    CHECK(split_lines("a\r\nb \n\tc") == Lines{"a\r", "b ", "\tc"});
  }

  TEST_CASE("split_lines reads as std::getline does") {
    for (const char* text : {"", "\n", "x", "x\n", "x\n\n", "\nx", "x\n y \n\nz", "ü\nØ\n"}) {
      CAPTURE(text);
      Lines expected;
      std::istringstream in(text);
      for (std::string line; std::getline(in, line);) expected.push_back(line);
      CHECK(split_lines(text) == expected);
    }
  }

  TEST_CASE("split at another separator, same rules") {
    CHECK(split("a\x1f" "b\x1f" "c", '\x1f') == Lines{"a", "b", "c"});
    CHECK(split("a,,b,", ',') == Lines{"a", "", "b"});
    CHECK(split(",", ',') == Lines{""});
    CHECK(split("", ',') == Lines{});
    CHECK(split("no separator", ',') == Lines{"no separator"});
  }

  TEST_CASE("contains finds a value in any list of comparable elements") {
    const std::vector<std::string> strings = {"aoki", "berg"};
    CHECK(contains(strings, "berg"));
    CHECK(contains(strings, std::string("aoki")));
    CHECK_FALSE(contains(strings, "Aoki"));
    const std::vector<std::string_view> views = {"sent", "accepted"};
    CHECK(contains(views, std::string_view("sent")));
    CHECK(contains(views, std::string("accepted")));
    CHECK_FALSE(contains(views, ""));
    const std::array<int, 3> numbers = {1, 2, 3};
    CHECK(contains(numbers, 2));
    CHECK_FALSE(contains(std::vector<std::string>{}, "x"));
  }
}
