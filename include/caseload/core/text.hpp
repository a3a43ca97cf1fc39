#pragma once
// Unicode text: validity, normalisation, search keys and display width, all
// through utf8proc so that every script is handled by one maintained table.
#include <string>
#include <string_view>

namespace caseload {

bool valid_utf8(std::string_view text);

// Canonical composition (NFC): how names are stored.
std::string to_nfc(std::string_view text);

// The key used for searching and matching names: compatibility-normalised
// (full-width forms become ASCII), case-folded, Latin accents removed
// (José -> jose, Åse -> ase, Østby -> ostby) while the vowel signs of Indic
// scripts are kept, and runs of white space collapsed to one space.
std::string search_key(std::string_view text);

// Columns the text takes in a terminal (combining marks 0, CJK wide 2).
int display_width(std::string_view text);

// Cuts text to at most `width` columns, ending with an ellipsis when cut.
std::string truncate_to_width(std::string_view text, int width);

// Pads text with spaces to `width` columns.
std::string pad_to_width(std::string_view text, int width);

// First line of a text, without trailing white space.
std::string first_line(std::string_view text);

bool contains_control(std::string_view text, bool allow_newline_and_tab);

std::string trim(std::string_view text);

}  // namespace caseload
