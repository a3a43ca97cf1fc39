#pragma once
// What the commands about a client's benefit programs share (enroll,
// enrollment, documents): the program named on the command line, and the
// client's entry for it.
#include <optional>
#include <string>

#include "caseload/store/document.hpp"
#include "caseload/store/store.hpp"

namespace caseload {

// The program of caseload.yaml with this ID; a usage error for what is not
// a program ID, an error naming the programs for one that is not listed.
const Program& known_program(const Store& store, const std::string& id);

// The client's latest entry for the program: an earlier one may have ended
// or been denied before the client applied again.
std::optional<YAML::Node> latest_enrollment(const Document& doc, const std::string& program);

}  // namespace caseload
