#pragma once
// Unicode text: validity, normalisation, search keys and display width, all
// through utf8proc so that every script is handled by one maintained table.
// Also the small string and list helpers every layer shares: splitting into
// lines, trimming, and whether a list holds a value.
#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

namespace caseload {

bool valid_utf8(std::string_view text);

// Canonical composition (NFC): how names are stored.
std::string to_nfc(std::string_view text);

// The one folding of names for searching and matching (find, and naming a
// client on the command line): compatibility-normalised (full-width forms
// become ASCII), case-folded, Latin accents removed (José -> jose, Åse ->
// ase, Østby -> ostby) while the vowel signs of Indic scripts are kept; the
// Nordic letters fold with their two-letter spellings (Kjær and Kjaer ->
// kjaer, Øyvind and Oeyvind -> oyvind, Bråten and Braaten -> braten: "aa"
// and "oe" become "a" and "o"); apostrophes of any kind are left out
// (O’Brien -> obrien); hyphens and dashes separate words like spaces
// (Santos-Reyes -> santos reyes); runs of white space collapse to one space.
std::string search_key(std::string_view text);

// Columns the text takes in a terminal (combining marks 0, CJK wide 2,
// colour sequences such as ESC [31m none), so that a coloured cell is
// padded and fitted by what shows.
int display_width(std::string_view text);

// The extended grapheme clusters of the text (UAX #29, with Indic conjuncts
// kept whole): "ক্ষেত্রমোহন" is ক্ষে, ত্র, মো, হ, ন.
std::vector<std::string> grapheme_clusters(std::string_view text);

// Cuts text to at most `width` columns, ending with an ellipsis when cut;
// the cut falls between grapheme clusters, never inside one.
std::string truncate_to_width(std::string_view text, int width);

// Pads text with spaces to `width` columns.
std::string pad_to_width(std::string_view text, int width);

// First line of a text, without trailing white space.
std::string first_line(std::string_view text);

bool contains_control(std::string_view text, bool allow_newline_and_tab);

// Text safe to show a person: each character that could drive a terminal or
// forge a line of output becomes a visible escape, so nothing from the store
// reaches the terminal raw (SECURITY.md). Escaped: C0 controls (tab and
// newline kept when `keep_newline_and_tab`), DEL, C1 controls as \u0085,
// the bidirectional overrides and isolates (U+202A-U+202E, U+2066-U+2069),
// and bytes that are not UTF-8 as \xFF. Text without them comes back as is.
std::string escape_for_terminal(std::string_view text, bool keep_newline_and_tab = false);
// Whether escape_for_terminal would change the text.
bool has_unsafe_characters(std::string_view text, bool allow_newline_and_tab = false);

std::string trim(std::string_view text);

// A BCP 47 language tag in its common form: fi, nb, tl, id, bn, en-US.
bool is_language_tag(const std::string& tag);

// The parts of `text` between `separator`s, without them, as std::getline
// reads them: a final separator ends the last part and starts no empty one.
// "a,b" and "a,b," give {"a", "b"}; "a,,b" gives {"a", "", "b"}; "," gives
// {""}; "" gives none.
std::vector<std::string> split(std::string_view text, char separator);

// The lines of `text`: split(text, '\n'). A final newline ends the last line
// ("a\nb\n" and "a\nb" both give {"a", "b"}), and a '\r' before a newline
// stays part of its line.
std::vector<std::string> split_lines(std::string_view text);

// The items with `separator` between them: "a, b, c".
std::string join(const std::vector<std::string>& items, std::string_view separator = ", ");

// Whether `list` holds `value` (any container, any value its elements compare
// equal with).
template <class List, class Value>
bool contains(const List& list, const Value& value) {
  return std::find(std::begin(list), std::end(list), value) != std::end(list);
}

}  // namespace caseload
