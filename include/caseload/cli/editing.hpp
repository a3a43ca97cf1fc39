#pragma once
// Editing a record in $VISUAL/$EDITOR, safely: the editor works on a private
// copy; the record is replaced (atomically, under the store lock) only when
// the copy is valid and nobody changed the record meanwhile.
#include <string>

#include "caseload/cli/context.hpp"

namespace caseload {

int edit_record(Context& ctx, const Store& store, const std::string& path, const Schema& schema);

}  // namespace caseload
