// libFuzzer target: any bytes as a store record, read as every record
// type. Record files are the one input an attacker controls completely (a
// shared store, a hostile clone), so parsing, decoding, validating and
// re-emitting them must never crash, hang or exhaust memory.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "caseload/core/diagnostic.hpp"
#include "caseload/core/records.hpp"
#include "caseload/store/decode.hpp"
#include "caseload/store/document.hpp"
#include "caseload/store/record_types.hpp"
#include "caseload/store/validate.hpp"

namespace caseload {
namespace {

// What the program writes must read back as the same record: a canonical
// form that does not parse, or changes again, would corrupt a file on the
// next rewrite. abort() makes libFuzzer keep the input.
void check_round_trip(const Document& doc) {
  const std::string written = doc.canonical();
  try {
    const Document again = parse_document(doc.path, written, *doc.schema);
    if (again.canonical() != written) std::abort();
  } catch (const DataError&) {
    std::abort();
  }
}

// The record read as a T: decoded, validated and written again.
template <typename T>
void exercise(Document doc, const Settings& settings) {
  doc.schema = record_type<T>().schema;
  Diagnostics found;
  try {
    decode_record<T>(doc, &found);
  } catch (const Error&) {
    // decoders may refuse a record outright; crashing is what is not allowed
  }
  const StoreFacts facts{&settings, {"food-bank-north"}};
  validate_record(doc, facts, found);
  for (const auto& d : found) (void)d.str();
  check_round_trip(doc);
}

}  // namespace
}  // namespace caseload

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace caseload;
  static const Settings settings = default_settings();
  Document doc;
  try {
    // The schema only names the record in errors: parse once, read seven ways.
    doc = parse_document("clients/K7Q2MX/contacts/2026-11-23T1000-call.yaml",
                         std::string(reinterpret_cast<const char*>(data), size), schemas::contact());
  } catch (const DataError&) {
    return 0;  // refused with a place and a message: the wanted outcome for garbage
  }
#define CASELOAD_EXERCISE(T) exercise<T>(doc, settings);
  CASELOAD_FOR_EACH_RECORD(CASELOAD_EXERCISE)
#undef CASELOAD_EXERCISE
  return 0;
}
