#pragma once
// Identifiers that become path components. Everything the command line names
// is checked here before any path is built from it.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "caseload/core/date.hpp"

namespace caseload {

inline constexpr std::string_view k_crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
inline constexpr size_t k_client_id_length = 6;

bool is_client_id(std::string_view text);  // exactly 6 Crockford characters, upper case
// Upper-cases and maps the Crockford look-alikes (i, l -> 1; o -> 0); nullopt
// when the text cannot be (part of) a client ID.
std::optional<std::string> normalize_client_id_prefix(std::string_view text);
// Draws IDs from `random` until `taken` says one is free.
std::string new_client_id(const std::function<uint32_t()>& random,
                          const std::function<bool(const std::string&)>& taken);

bool is_resource_id(std::string_view text);  // [a-z0-9][a-z0-9-]*, at most 64
bool is_worker_id(std::string_view text);    // the same form as resource IDs
bool is_program_id(std::string_view text);   // the same form as resource IDs

// Event files: contacts/<YYYY-MM-DD>T<HHMM>-<kind>[-<suffix>].yaml,
// assessments/<YYYY-MM-DD>[-<suffix>].yaml, referrals/<YYYY-MM-DD>-<resource>[-<suffix>].yaml;
// the suffix is new_name_suffix() for new files, -2, -3 ... in older ones.
// Returns the file stem's date part when the name has the form.
bool is_contact_stem(std::string_view stem);
bool is_assessment_stem(std::string_view stem);
bool is_referral_stem(std::string_view stem);
// A new contact file's name before its suffix: 2026-11-23T1000-call.
std::string contact_stem(const DateTime& when, std::string_view kind);
// The same name of an event file with another date (and, for a contact,
// time) in its place, for a record whose date is corrected or moved;
// nullopt when the name does not have the form.
std::optional<std::string> contact_stem_at(std::string_view stem, const DateTime& when);
std::optional<std::string> event_stem_on(std::string_view stem, const Date& date);  // assessments, referrals
// Orders event files of one folder: by name without a numeric "-N" suffix,
// then by N (none = 1), so that 2026-11-23 < 2026-11-23-2 < 2026-11-23-10.
std::pair<std::string, int> event_order_key(std::string_view stem);

// A suffix written by the program to keep names unique: [a-z0-9]+, short.
bool is_name_suffix(std::string_view text);
// A new event file's suffix: 4 random lower-case Crockford characters, so
// that files two clones add for one client on the same day and minute never
// share a name (about one chance in a million per pair).
std::string new_name_suffix(const std::function<uint32_t()>& random);

}  // namespace caseload
