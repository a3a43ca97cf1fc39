#pragma once
// A store file as read: its bytes, its parsed tree, and where it lives.
// The tree is the record: commands change it in place and the canonical
// emitter writes it back, so keys the program does not know survive.
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "caseload/core/errors.hpp"
#include "caseload/store/schema.hpp"

namespace caseload {

// Files larger than this are refused: no record is anywhere near it, and a
// huge file would only slow every command down (or be an attack).
inline constexpr size_t k_max_file_bytes = 1024 * 1024;
inline constexpr int k_max_depth = 64;

struct Document {
  std::string path;  // relative to the store root, '/'-separated
  std::string text;  // the bytes as read ("" for a new record)
  YAML::Node root;   // always a map
  const Schema* schema = nullptr;
  // The canonical form of `text` as read_document read it, so that a writer
  // can tell a changed record from one that was only not in canonical form
  // without parsing the text again ("" when not read from a file).
  std::string canonical_as_read = {};

  Location where(const YAML::Node& node) const;
  Location where_key(const YAML::Node& map, std::string_view key) const;
  std::string canonical() const;
  bool changed() const { return canonical() != text; }
};

// Parses text as a record; throws DataError naming path:line:col.
Document parse_document(const std::string& path, std::string text, const Schema& schema);
// Reads root/path and parses it; throws DataError (parse) or Error (I/O).
// A link planted in the store (a folder on the way to `path`) must not make
// caseload read or write a file outside it: throws DataError when a folder of
// `path` below the root is a link. The root itself may be reached through links.
void refuse_links_inside(const std::filesystem::path& root, const std::string& path);

Document read_document(const std::filesystem::path& root, const std::string& path,
                       const Schema& schema);
// The bytes read_document parses: at most k_max_file_bytes + 1 of them, and
// never through a link; throws as read_document does.
std::string read_store_file(const std::filesystem::path& root, const std::string& path);
// The same for a file that may be absent (.gitignore, .gitattributes): empty
// when there is none; a link or a FIFO there is refused all the same.
std::string read_store_file_or_empty(const std::filesystem::path& root, const std::string& path);
Document new_document(const std::string& path, const Schema& schema);

// Reading values out of a map node without ever inserting into it.
YAML::Node child(const YAML::Node& map, std::string_view key);
std::optional<std::string> get_string(const YAML::Node& map, std::string_view key);
std::vector<std::string> get_strings(const YAML::Node& map, std::string_view key);
// A scalar as a list of one, a list as its scalars; for both readers' nodes.
template <typename Node>
std::vector<std::string> scalars_of(const Node& v) {
  std::vector<std::string> out;
  if (v.IsScalar()) {
    out.push_back(v.Scalar());
  } else if (v.IsSequence()) {
    for (const auto& item : v) {
      if (item.IsScalar()) out.push_back(item.Scalar());
    }
  }
  return out;
}
// Changing a map: set a scalar (marks it as program-written, so the emitter
// picks its style from the field's kind), or drop a key.
void set_scalar(YAML::Node map, std::string_view key, const std::string& value);
void set_strings(YAML::Node map, std::string_view key, const std::vector<std::string>& values);
void remove_key(YAML::Node map, std::string_view key);
// Text fields are stored with one final newline so they are written as `|`
// blocks, as in the SPEC's examples; readers drop it again (see display_text).
std::string as_text_block(const std::string& text);

}  // namespace caseload
