// libFuzzer target: the fast reader (fast_yaml.hpp) against yaml-cpp. For
// any bytes the fast reader accepts, the full reader must accept them too
// and give the same tree (kinds, keys, scalars and where each starts) and
// the same records and warnings when decoded; otherwise store-wide commands
// would read a file differently from `show` or `check`. abort() makes
// libFuzzer keep the input; the replayer runs it over every store file given.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "caseload/store/cache.hpp"
#include "caseload/store/decode.hpp"
#include "caseload/store/document.hpp"
#include "caseload/store/fast_yaml.hpp"

namespace caseload {
namespace {

[[noreturn]] void differ(const std::string& what, const std::string& full, const std::string& fast) {
  std::fprintf(stderr, "fast reader differs (%s):\n  yaml-cpp: %s\n  fast:     %s\n", what.c_str(), full.c_str(),
               fast.c_str());
  std::abort();
}

template <typename T>
void same_record(const Document& full, const FastDocument& fast, const char* what) {
  FileOutcome<T> a, b;
  a.record = decode_record<T>(full, &a.warnings);
  b.record = decode_record<T>(fast, &b.warnings);
  if (encode_outcome(a) != encode_outcome(b)) differ(what, outline(full.root), outline(fast.root()));
}

}  // namespace
}  // namespace caseload

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace caseload;
  const std::string path = "clients/K7Q2MX/client.yaml";
  std::string text(reinterpret_cast<const char*>(data), size);
  const std::string original = text;
  const auto fast = parse_fast(path, text);
  if (!fast) {
    if (text != original) differ("text not given back", original, text);
    return 0;
  }
  Document full;
  try {
    full = parse_document(path, original, schemas::client());
  } catch (const DataError& e) {
    differ("yaml-cpp refuses: " + e.message(), "", outline(fast->root()));
  }
  if (outline(full.root) != outline(fast->root())) differ("tree", outline(full.root), outline(fast->root()));
#define CASELOAD_SAME_RECORD(T) same_record<T>(full, *fast, #T);
  CASELOAD_FOR_EACH_RECORD(CASELOAD_SAME_RECORD)
#undef CASELOAD_SAME_RECORD
  return 0;
}
