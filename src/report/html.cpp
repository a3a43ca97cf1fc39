#include "caseload/report/html.hpp"

#include "caseload/core/text.hpp"

namespace caseload {

std::string html_escape(std::string_view text) {
  std::string out;
  for (char c : escape_for_terminal(text)) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace caseload
