// libFuzzer target: any bytes as a store record, read with every record
// schema. Record files are the one input an attacker controls completely (a
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
#include "caseload/store/validate.hpp"

namespace caseload {
namespace {

void decode_as_its_schema(const Document& doc, Diagnostics& warnings) {
  const Schema* s = doc.schema;
  if (s == &schemas::settings()) decode_settings(doc, &warnings);
  else if (s == &schemas::client()) decode_client(doc, &warnings);
  else if (s == &schemas::assessment()) decode_assessment(doc, &warnings);
  else if (s == &schemas::plan()) decode_plan(doc, &warnings);
  else if (s == &schemas::referral()) decode_referral(doc, &warnings);
  else if (s == &schemas::contact()) decode_contact(doc, &warnings);
  else if (s == &schemas::resource()) decode_resource(doc, &warnings);
}

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

void exercise(Document doc, const Schema& schema, const Settings& settings) {
  doc.schema = &schema;
  Diagnostics found;
  try {
    decode_as_its_schema(doc, found);
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
  static const Schema* const all[] = {&schemas::settings(),   &schemas::client(),  &schemas::assessment(),
                                      &schemas::plan(),       &schemas::referral(), &schemas::contact(),
                                      &schemas::resource()};
  Document doc;
  try {
    // The schema only names the record in errors: parse once, read seven ways.
    doc = parse_document("clients/K7Q2MX/contacts/2026-11-23T1000-call.yaml",
                         std::string(reinterpret_cast<const char*>(data), size), schemas::contact());
  } catch (const DataError&) {
    return 0;  // refused with a place and a message: the wanted outcome for garbage
  }
  for (const Schema* schema : all) exercise(doc, *schema, settings);
  return 0;
}
