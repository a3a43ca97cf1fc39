#pragma once
// The one place that says what each record looks like: its keys in canonical
// order, their types, which are required, and how they are written. The
// emitter, the validator and `fmt` all read these tables.
#include <span>
#include <string_view>
#include <vector>

#include "caseload/core/choices.hpp"  // the enumerations the Enum fields take

namespace caseload {

enum class FieldKind {
  String,       // one line of text
  Id,           // an identifier: client, worker, resource, goal, domain, program ...
  Text,         // free text, may span lines (written as a literal block)
  Date,         // YYYY-MM-DD
  PartialDate,  // YYYY, YYYY-MM or YYYY-MM-DD
  DateTime,     // YYYY-MM-DD or YYYY-MM-DDTHH:MM
  Period,       // 30d, 2w, 3m, 1y
  Amount,       // a two-place decimal: 1234.50 (core/decimal.hpp)
  Integer,
  Bool,
  Enum,        // one of `choices`
  StringList,  // a list of one-line strings, written in flow style
  Map,         // a nested record (`nested`)
  MapList,     // a list of nested records (`nested`)
  ScoreMap,    // domain ID -> integer
  FlowMap,     // a small map of one-line scalars, written on one line
  Any,         // anything; written as found
};

struct Schema;

struct Field {
  std::string_view key;
  FieldKind kind = FieldKind::String;
  bool required = false;
  std::vector<std::string_view> choices = {};
  const Schema* nested = nullptr;
};

struct Schema {
  std::string_view name;
  std::vector<Field> fields;
  bool flow = false;  // entries of a MapList written one per line as {k: v, ...}
  // For entries of a list, how `sync` tells them apart: the fields that name
  // an entry (default: `id`, when the entry has one) ...
  std::vector<std::string_view> merge_key = {};
  bool merge_key_is_personal = false;  // ... never printed in a conflict when they are personal data
  bool append_only = false;            // entries are only ever appended (a history)

  const Field* find(std::string_view key) const;
  int rank(std::string_view key) const;  // canonical position, -1 when unknown
  // Whether `key` is a key of this record or of any record nested in it: a
  // message may name such a key; any other key is the store's own content.
  bool knows_key(std::string_view key) const;
};

namespace schemas {
const Schema& settings();
const Schema& client();
const Schema& assessment();
const Schema& plan();
const Schema& finances();
const Schema& referral();
const Schema& contact();
const Schema& resource();
}  // namespace schemas

// Enumerations shared by the schema, the validator and the commands.
// They are in core/choices.hpp (included above), where core's rules read them too.

}  // namespace caseload
