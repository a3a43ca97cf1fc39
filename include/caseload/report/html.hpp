#pragma once
// Text for HTML and XML (stats --format html and its SVG charts): every text
// from the store goes through html_escape, so a name or a reason can neither
// become markup nor carry a character XML forbids.
#include <string>
#include <string_view>

namespace caseload {

// The terminal escaping of core/text first (no control character survives,
// which XML forbids), then & < > " ' as entities.
std::string html_escape(std::string_view text);

}  // namespace caseload
