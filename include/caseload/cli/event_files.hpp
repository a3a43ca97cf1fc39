#pragma once
// An existing event file of one client (a contact, assessment or referral)
// as the command line names it, and moving such a record to another date:
// what `visit` and `redate` share.
#include <string>
#include <vector>

#include "caseload/core/date.hpp"
#include "caseload/store/record_types.hpp"
#include "caseload/store/store.hpp"

namespace caseload {

struct EventRef {
  std::string path;  // root-relative, of a file that exists
  const RecordType* type;
};

// REF in every form the program prints it: the file name with or without
// .yaml, or a unique start of it; with its folder (contacts/NAME); as the
// store-relative path commands print (clients/ID/contacts/NAME.yaml); or as
// the UID of a followups ics event (ID-KIND-NAME@caseload). Only files of
// `types` (ClientEvents rows) in the client's folder are looked at, and only
// names found there are returned, so nothing typed becomes a path. `noun`
// names what is looked for in errors ("contact", "referral"): an unknown REF
// is an Error listing the client's files, an ambiguous one lists the matches.
EventRef find_event(const Store& store, const std::string& client_id, const std::vector<const RecordType*>& types,
                    const std::string& ref, const std::string& noun);

// The new name of an event file whose name carries its date (and, for a
// contact, its time): the same name with `when` in its place; the name
// itself when it does not have that form (an older or hand-made name).
std::string redated_stem(const RecordType& type, const std::string& stem, const DateTime& when);

// Writes `doc` (with its date already changed) under the name `stem` of its
// folder, in the same transaction as removing the old file when the name
// changes. A file of that name already there is an Error: nothing is changed.
void write_redated(Transaction& tx, const Store& store, Document& doc, const std::string& stem);

}  // namespace caseload
