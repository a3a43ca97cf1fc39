#include "caseload/core/ids.hpp"

#include "caseload/core/date.hpp"

namespace caseload {
namespace {

bool is_slug(std::string_view text, size_t max) {
  if (text.empty() || text.size() > max || text.front() == '-' || text.back() == '-') return false;
  for (char c : text) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

}  // namespace

bool is_client_id(std::string_view text) {
  if (text.size() != k_client_id_length) return false;
  for (char c : text) {
    if (k_crockford.find(c) == std::string_view::npos) return false;
  }
  return true;
}

std::optional<std::string> normalize_client_id_prefix(std::string_view text) {
  if (text.empty() || text.size() > k_client_id_length) return std::nullopt;
  std::string out;
  for (char c : text) {
    char u = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    if (u == 'I' || u == 'L') u = '1';
    if (u == 'O') u = '0';
    if (k_crockford.find(u) == std::string_view::npos) return std::nullopt;
    out += u;
  }
  return out;
}

std::string new_client_id(const std::function<uint32_t()>& random,
                          const std::function<bool(const std::string&)>& taken) {
  for (;;) {
    std::string id;
    for (size_t i = 0; i < k_client_id_length; ++i) id += k_crockford[random() % 32];
    if (!taken(id)) return id;
  }
}

bool is_resource_id(std::string_view text) { return is_slug(text, 64); }
bool is_worker_id(std::string_view text) { return is_slug(text, 64); }
bool is_program_id(std::string_view text) { return is_slug(text, 64); }

std::pair<std::string, int> event_order_key(std::string_view stem) {
  auto dash = stem.rfind('-');
  if (dash != std::string_view::npos && dash + 1 < stem.size() && stem.size() - dash <= 6) {
    auto digits = stem.substr(dash + 1);
    if (digits.find_first_not_of("0123456789") == std::string_view::npos && digits[0] != '0') {
      return {std::string(stem.substr(0, dash)), std::stoi(std::string(digits))};
    }
  }
  return {std::string(stem), 1};
}

std::string new_name_suffix(const std::function<uint32_t()>& random) {
  std::string suffix;
  for (int i = 0; i < 4; ++i) {
    const char c = k_crockford[random() % 32];
    suffix += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return suffix;
}

bool is_name_suffix(std::string_view text) {
  if (text.empty() || text.size() > 16) return false;
  for (char c : text) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) return false;
  }
  return true;
}

bool is_contact_stem(std::string_view stem) {
  // 2026-11-23T1000-call[-suffix]
  if (stem.size() < 17 || stem[10] != 'T' || stem[15] != '-') return false;
  if (!Date::parse(stem.substr(0, 10))) return false;
  auto hhmm = stem.substr(11, 4);
  for (char c : hhmm) {
    if (c < '0' || c > '9') return false;
  }
  if ((hhmm[0] - '0') * 10 + (hhmm[1] - '0') > 23 || (hhmm[2] - '0') * 10 + (hhmm[3] - '0') > 59)
    return false;
  auto rest = stem.substr(16);
  auto dash = rest.find('-');
  auto kind = rest.substr(0, dash);
  if (!is_name_suffix(kind)) return false;
  return dash == std::string_view::npos || is_name_suffix(rest.substr(dash + 1));
}

bool is_assessment_stem(std::string_view stem) {
  if (stem.size() < 10 || !Date::parse(stem.substr(0, 10))) return false;
  if (stem.size() == 10) return true;
  return stem[10] == '-' && is_name_suffix(stem.substr(11));
}

bool is_referral_stem(std::string_view stem) {
  if (stem.size() < 12 || stem[10] != '-' || !Date::parse(stem.substr(0, 10))) return false;
  return is_resource_id(stem.substr(11));
}

std::string contact_stem(const DateTime& when, std::string_view kind) {
  return when.date.str() + "T" + when.compact_time() + "-" + std::string(kind);
}

std::optional<std::string> contact_stem_at(std::string_view stem, const DateTime& when) {
  if (!is_contact_stem(stem)) return std::nullopt;
  return when.date.str() + "T" + when.compact_time() + std::string(stem.substr(15));  // from "-<kind>"
}

std::optional<std::string> event_stem_on(std::string_view stem, const Date& date) {
  if (stem.size() < 10 || !Date::parse(stem.substr(0, 10))) return std::nullopt;
  return date.str() + std::string(stem.substr(10));
}

}  // namespace caseload
