#pragma once
// A Markdown report as one self-contained HTML file: rendered by cmark-gfm
// (the CommonMark reference implementation with GitHub's tables), with its
// safe defaults (raw HTML and javascript: links are dropped), inline CSS
// that prints on A4, and nothing fetched from elsewhere.
#include <string>
#include <string_view>

namespace caseload {

// `title` is plain text (escaped here); `lang` the page's language tag.
std::string markdown_html_page(std::string_view markdown, std::string_view title, std::string_view lang = "en");

}  // namespace caseload
