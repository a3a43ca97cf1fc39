#include "caseload/core/text.hpp"

#include <fmt/format.h>
#include <utf8proc.h>

#include <cstdlib>
#include <memory>
#include <regex>

namespace caseload {
namespace {

struct FreeDeleter {
  void operator()(utf8proc_uint8_t* p) const { std::free(p); }
};

std::string map(std::string_view text, int options) {
  utf8proc_uint8_t* out = nullptr;
  auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                        static_cast<utf8proc_ssize_t>(text.size()), &out,
                        static_cast<utf8proc_option_t>(options));
  std::unique_ptr<utf8proc_uint8_t, FreeDeleter> owned(out);
  if (n < 0) return std::string(text);  // invalid UTF-8: leave as is; check reports it
  return std::string(reinterpret_cast<char*>(out), static_cast<size_t>(n));
}

// Diacritics that decorate Latin, Greek and Cyrillic letters; unlike
// UTF8PROC_STRIPMARK this leaves the vowel signs of Bengali and other
// scripts alone, which carry meaning there.
bool is_latin_diacritic(utf8proc_int32_t c) {
  return (c >= 0x0300 && c <= 0x036F) || (c >= 0x1AB0 && c <= 0x1AFF) ||
         (c >= 0x1DC0 && c <= 0x1DFF) || (c >= 0x20D0 && c <= 0x20FF) ||
         (c >= 0xFE20 && c <= 0xFE2F);
}

// Letters whose stroke is not a combining mark in Unicode, so that no
// decomposition removes it; a Norwegian "Ø" is searched for as "o".
utf8proc_int32_t unstroke(utf8proc_int32_t c) {
  switch (c) {
    case 0x00F8: return 'o';  // ø (and "oe": fold_nordic_digraphs)
    case 0x0111: return 'd';  // đ
    case 0x0142: return 'l';  // ł
    case 0x0127: return 'h';  // ħ
    case 0x0131: return 'i';  // dotless ı
    default: return c;
  }
}

// Apostrophes of every kind (O'Brien, O’Brien, Oʼ Brien, O´Brien): names are
// typed with whatever the keyboard has, or none, so they are left out.
bool is_apostrophe(utf8proc_int32_t c) {
  switch (c) {
    case 0x0027: case 0x0060: case 0x00B4: case 0x02B9: case 0x02BB: case 0x02BC: case 0x02BD:
    case 0x02C8: case 0x2018: case 0x2019: case 0x201B: case 0x2032: case 0xFF07:
      return true;
    default:
      return false;
  }
}

// Hyphens and dashes join the parts of a name (Santos-Reyes): each part is a
// word of its own, as if written with a space.
bool is_word_separator(utf8proc_int32_t c) {
  return utf8proc_category(c) == UTF8PROC_CATEGORY_ZS || utf8proc_category(c) == UTF8PROC_CATEGORY_PD ||
         c == 0x2212 || c == '\t' || c == '\n' || c == '\r';
}

// The Nordic two-letter spellings, folded to one letter on both sides of a
// comparison: Bråten and Braaten are both "braten", Øyvind and Oeyvind both
// "oyvind" (æ is spelt "ae" by unstroke, so Kjær is "kjaer").
std::string fold_nordic_digraphs(const std::string& key) {
  std::string out;
  for (size_t i = 0; i < key.size(); ++i) {
    out += key[i];
    if (i + 1 < key.size() && ((key[i] == 'a' && key[i + 1] == 'a') || (key[i] == 'o' && key[i + 1] == 'e'))) ++i;
  }
  return out;
}

// Columns one code point takes. utf8proc counts spacing combining marks
// (category Mc, e.g. the Bengali vowel signs in "মোহাম্মদ") as 0, but
// terminals draw them one column wide, as glibc's wcwidth says.
int char_width(utf8proc_int32_t c) {
  if (utf8proc_category(c) == UTF8PROC_CATEGORY_MC) return 1;
  return std::max(0, utf8proc_charwidth(c));
}

void append_utf8(std::string& out, utf8proc_int32_t c) {
  utf8proc_uint8_t buf[4];
  auto n = utf8proc_encode_char(c, buf);
  out.append(reinterpret_cast<char*>(buf), static_cast<size_t>(n));
}

template <typename F>
void for_each_codepoint(std::string_view text, F&& f) {
  auto p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(text.size());
  while (left > 0) {
    utf8proc_int32_t c = 0;
    auto n = utf8proc_iterate(p, left, &c);
    if (n <= 0) {  // an invalid byte counts as one replacement character
      c = 0xFFFD;
      n = 1;
    }
    if (!f(c, std::string_view(reinterpret_cast<const char*>(p), static_cast<size_t>(n)))) return;
    p += n;
    left -= n;
  }
}

// Indic viramas that join the next consonant into a conjunct (Unicode 15.1's
// Indic_Conjunct_Break=Linker). utf8proc 2.8 follows Unicode 15.0, which
// breaks after a virama, so rule GB9c is added here: "ক্ষে" is one cluster.
bool is_conjunct_linker(utf8proc_int32_t c) {
  switch (c) {
    case 0x094D:  // Devanagari
    case 0x09CD:  // Bengali
    case 0x0ACD:  // Gujarati
    case 0x0B4D:  // Oriya
    case 0x0C4D:  // Telugu
    case 0x0D4D:  // Malayalam
      return true;
    default:
      return false;
  }
}

// Calls f(cluster bytes, its columns) for each extended grapheme cluster:
// what a reader sees as one letter (a base with its accents, vowel signs and
// virama), so that shortening never splits one.
template <typename F>
void for_each_grapheme(std::string_view text, F&& f) {
  utf8proc_int32_t state = 0;
  utf8proc_int32_t previous = -1;
  bool after_linker = false;  // a linker, then only marks or ZWJ so far
  size_t start = 0, offset = 0;
  int width = 0;
  bool go_on = true;
  for_each_codepoint(text, [&](utf8proc_int32_t c, std::string_view bytes) {
    if (previous >= 0) {
      const bool conjunct = after_linker && utf8proc_category(c) == UTF8PROC_CATEGORY_LO;
      if (utf8proc_grapheme_break_stateful(previous, c, &state) && !conjunct) {
        go_on = f(text.substr(start, offset - start), width);
        if (!go_on) return false;
        start = offset;
        width = 0;
        state = 0;  // allowed after a break, and GB9c's joins leave none behind
      }
    }
    const auto category = utf8proc_category(c);
    if (is_conjunct_linker(c)) after_linker = true;
    else if (category != UTF8PROC_CATEGORY_MN && category != UTF8PROC_CATEGORY_MC && c != 0x200D) after_linker = false;
    width += char_width(c);
    previous = c;
    offset += bytes.size();
    return true;
  });
  if (go_on && offset > start) f(text.substr(start, offset - start), width);
}

}  // namespace

bool valid_utf8(std::string_view text) {
  bool ok = true;
  auto p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(text.size());
  while (left > 0) {
    utf8proc_int32_t c = 0;
    auto n = utf8proc_iterate(p, left, &c);
    if (n <= 0) return false;
    p += n;
    left -= n;
  }
  return ok;
}

std::string to_nfc(std::string_view text) { return map(text, UTF8PROC_STABLE | UTF8PROC_COMPOSE); }

std::string search_key(std::string_view text) {
  // Apostrophes go before the compatibility mapping, which would turn ´
  // into a space and an accent.
  std::string plain;
  for_each_codepoint(text, [&](utf8proc_int32_t c, std::string_view bytes) {
    if (!is_apostrophe(c)) plain.append(bytes);
    return true;
  });
  const std::string folded =
      map(plain, UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD);
  std::string stripped;
  bool pending_space = false;
  for_each_codepoint(folded, [&](utf8proc_int32_t c, std::string_view) {
    if (is_latin_diacritic(c) || is_apostrophe(c)) return true;  // ＇ is ' only after the mapping
    if (is_word_separator(c)) {
      pending_space = !stripped.empty();
      return true;
    }
    if (pending_space) stripped += ' ';
    pending_space = false;
    if (c == 0x00E6) stripped += "ae";  // æ
    else append_utf8(stripped, unstroke(c));
    return true;
  });
  return fold_nordic_digraphs(map(stripped, UTF8PROC_STABLE | UTF8PROC_COMPOSE));
}

int display_width(std::string_view text) {
  int width = 0;
  bool in_escape = false;  // a colour sequence, ESC [ ... m: the terminal draws nothing of it
  for_each_codepoint(text, [&](utf8proc_int32_t c, std::string_view) {
    if (c == 0x1B) {
      in_escape = true;
    } else if (in_escape) {
      if (c != '[' && c >= 0x40 && c <= 0x7E) in_escape = false;
    } else {
      width += char_width(c);
    }
    return true;
  });
  return width;
}

std::vector<std::string> grapheme_clusters(std::string_view text) {
  std::vector<std::string> out;
  for_each_grapheme(text, [&](std::string_view cluster, int) {
    out.emplace_back(cluster);
    return true;
  });
  return out;
}

std::string truncate_to_width(std::string_view text, int width) {
  if (display_width(text) <= width) return std::string(text);
  std::string out;
  int used = 0;
  const int room = width - 1;  // keep a column for the ellipsis
  for_each_grapheme(text, [&](std::string_view cluster, int w) {
    if (used + w > room) return false;
    used += w;
    out.append(cluster);
    return true;
  });
  if (width > 0) out += "\u2026";
  return out;
}

std::string pad_to_width(std::string_view text, int width) {
  std::string out(text);
  int w = display_width(text);
  if (w < width) out.append(static_cast<size_t>(width - w), ' ');
  return out;
}

std::string first_line(std::string_view text) {
  auto nl = text.find('\n');
  return trim(text.substr(0, nl));
}

bool contains_control(std::string_view text, bool allow_newline_and_tab) {
  for (unsigned char c : text) {
    if (allow_newline_and_tab && (c == '\n' || c == '\t')) continue;
    if (c < 0x20 || c == 0x7F) return true;
  }
  return false;
}

namespace {

bool is_bidi_control(utf8proc_int32_t c) { return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069); }

// Calls emit(bytes, code point or -1 for a byte that is not UTF-8) for each
// character of text.
template <typename Emit>
void each_character(std::string_view text, Emit emit) {
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(text.size());
  while (left > 0) {
    utf8proc_int32_t c = -1;
    utf8proc_ssize_t n = utf8proc_iterate(p, left, &c);
    if (n <= 0) {
      n = 1;
      c = -1;
    }
    emit(std::string_view(reinterpret_cast<const char*>(p), static_cast<size_t>(n)), c);
    p += n;
    left -= n;
  }
}

bool unsafe(utf8proc_int32_t c, bool keep_newline_and_tab) {
  if (c < 0) return true;
  if (keep_newline_and_tab && (c == '\n' || c == '\t')) return false;
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) || is_bidi_control(c);
}

// Only these bytes can start an unsafe character in valid UTF-8: C0, DEL,
// 0xC2 (C1 controls), 0xE2 (bidi controls); any byte >= 0x80 may start
// invalid UTF-8, so text with none of those is checked without decoding.
bool plainly_safe(std::string_view text, bool keep_newline_and_tab) {
  for (unsigned char b : text) {
    if (b >= 0x80) return false;
    if ((b < 0x20 || b == 0x7F) && !(keep_newline_and_tab && (b == '\n' || b == '\t'))) return false;
  }
  return true;
}

}  // namespace

bool has_unsafe_characters(std::string_view text, bool allow_newline_and_tab) {
  if (plainly_safe(text, allow_newline_and_tab)) return false;
  bool found = false;
  each_character(text, [&](std::string_view, utf8proc_int32_t c) { found = found || unsafe(c, allow_newline_and_tab); });
  return found;
}

std::string escape_for_terminal(std::string_view text, bool keep_newline_and_tab) {
  if (plainly_safe(text, keep_newline_and_tab)) return std::string(text);
  std::string out;
  out.reserve(text.size() + 8);
  each_character(text, [&](std::string_view bytes, utf8proc_int32_t c) {
    if (!unsafe(c, keep_newline_and_tab)) {
      out += bytes;
    } else if (c < 0) {
      out += fmt::format("\\x{:02X}", static_cast<unsigned char>(bytes[0]));
    } else if (c < 0x80) {
      out += fmt::format("\\x{:02X}", c);
    } else {
      out += fmt::format("\\u{:04X}", c);
    }
  });
  return out;
}

std::string trim(std::string_view text) {
  const char* ws = " \t\r\n";
  auto b = text.find_first_not_of(ws);
  if (b == std::string_view::npos) return {};
  auto e = text.find_last_not_of(ws);
  return std::string(text.substr(b, e - b + 1));
}

std::vector<std::string> split(std::string_view text, char separator) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find(separator, start);
    if (end == std::string_view::npos) end = text.size();
    parts.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

std::vector<std::string> split_lines(std::string_view text) { return split(text, '\n'); }

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

bool is_language_tag(const std::string& tag) {
  static const std::regex k_bcp47("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");
  return std::regex_match(tag, k_bcp47);
}

}  // namespace caseload
