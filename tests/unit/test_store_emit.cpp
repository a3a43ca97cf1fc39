#include <doctest/doctest.h>
#include <fmt/format.h>

#include <string>
#include <vector>

#include "caseload/store/document.hpp"
#include "caseload/store/emit.hpp"

using namespace caseload;

namespace {

std::string emit(const std::string& text, const Schema& schema,
                 const std::string& path = "x.yaml") {
  return parse_document(path, text, schema).canonical();
}

std::string emit_client(const std::string& text) {
  return emit(text, schemas::client(), "clients/K7Q2MX/client.yaml");
}

// How a string set by the program (not read from a file) is written.
std::string inline_set(const std::string& value, FieldKind kind) {
  return emit_scalar_inline(value, false, kind, ScalarContext::Block);
}

// A client record in canonical form, with every kind of field the schema has.
const std::string k_canonical_client = R"(id: K7Q2MX
name: Siti Rahayu
preferred_name: Siti
external_id: "2026-00142"
born: 1984-03-09
language: [id, en]
phone: "+62 812 5550 1234"
email: siti@example.org
address: |
  Jl. Melati 12
  Bandung
household:
  - {name: Adi, relation: child, born: 2015-06-01}
  - {name: Dewi, relation: child, born: 2018}
worker: aoki
risk: high
status: open
opened: 2026-11-23
closed: ~
closed_reason: ~
contact_every: 14d
tags: [family, priority]
consent:
  - to: food-bank-north
    scope: [contact, needs]
    given: 2026-11-23
    expires: 2027-11-23
    revoked: ~
enrollments:
  - program: child-benefit
    status: applied
    applied: 2026-11-20
    decided: ~
notes: |
  Free text.
  Second line: with a colon, and a # hash.
)";

const std::string k_canonical_plan = R"(review: 2027-02-23
goals:
  - id: g1
    domain: housing
    text: Move into stable housing
    target: 2027-03-01
    status: active
    tasks:
      - id: t1
        text: Apply for housing benefit
        owner: client
        due: 2026-12-01
        status: todo
        done: ~
      - id: t2
        text: Visit the housing office
        status: done
        done: 2026-11-30
)";

const std::string k_canonical_referral = R"(id: 2026-11-23-food-bank-north
resource: food-bank-north
domain: food
reason: |
  No food in the house until the first benefit payment.
status: accepted
follow_up: 2026-11-30
history:
  - {date: 2026-11-23, status: sent, worker: aoki, note: Called intake line}
  - {date: 2026-11-25, status: accepted, worker: aoki, note: "Accepted, parcel on Thursday"}
outcome: ~
)";

const std::string k_canonical_settings = R"(schema: 1
agency: City Social Services
workers:
  - {id: aoki, name: Hana Aoki}
  - {id: cruz, name: Ben Cruz}
defaults:
  worker: aoki
  contact_every: 30d
  reassess_every: 90d
  referral_follow_up: 7d
scale: {1: in crisis, 2: vulnerable, 3: safe, 4: building capacity, 5: empowered}
domains:
  - {id: housing, name: Housing}
  - {id: food, name: Food}
programs:
  - {id: child-benefit, name: Child benefit, report_every: 3m, renew_every: 12m, decision_after: 30d}
git:
  autocommit: true
)";

const std::string k_canonical_contact = R"(date: 2026-11-26T10:00
kind: visit
status: done
worker: aoki
summary: Home visit, brought food parcel
text: |
  Narrative.

  A second paragraph.
next: 2026-12-03
)";

}  // namespace

TEST_SUITE("store::emit") {
  TEST_CASE("a canonical record is written back byte for byte") {
    SUBCASE("client") { CHECK(emit_client(k_canonical_client) == k_canonical_client); }
    SUBCASE("plan") { CHECK(emit(k_canonical_plan, schemas::plan()) == k_canonical_plan); }
    SUBCASE("referral") {
      CHECK(emit(k_canonical_referral, schemas::referral()) == k_canonical_referral);
    }
    SUBCASE("settings") {
      CHECK(emit(k_canonical_settings, schemas::settings()) == k_canonical_settings);
    }
    SUBCASE("contact") {
      CHECK(emit(k_canonical_contact, schemas::contact()) == k_canonical_contact);
    }
    SUBCASE("an empty record is empty") { CHECK(emit("", schemas::client()) == ""); }
  }

  TEST_CASE("a record that did not change is not changed") {
    auto doc = parse_document("clients/K7Q2MX/client.yaml", k_canonical_client, schemas::client());
    CHECK_FALSE(doc.changed());
  }

  TEST_CASE("keys are put in schema order") {
    const std::string scrambled = R"(status: open
opened: 2026-11-23
name: Siti Rahayu
worker: aoki
id: K7Q2MX
)";
    CHECK(emit_client(scrambled) == R"(id: K7Q2MX
name: Siti Rahayu
worker: aoki
status: open
opened: 2026-11-23
)");
  }

  TEST_CASE("keys inside nested records are put in their schema's order") {
    const std::string scrambled = R"(goals:
  - status: active
    text: Find work
    id: g1
    tasks:
      - status: todo
        due: 2026-12-01
        text: Write a CV
        id: t1
review: 2027-01-01
)";
    CHECK(emit(scrambled, schemas::plan()) == R"(review: 2027-01-01
goals:
  - id: g1
    text: Find work
    status: active
    tasks:
      - id: t1
        text: Write a CV
        due: 2026-12-01
        status: todo
)");
  }

  TEST_CASE("a flow entry's keys are put in schema order too") {
    const std::string text = R"(history:
  - {note: Called, worker: aoki, status: sent, date: 2026-11-23}
)";
    CHECK(emit(text, schemas::referral()) == R"(history:
  - {date: 2026-11-23, status: sent, worker: aoki, note: Called}
)");
  }

  TEST_CASE("unknown keys keep their place after the known key they followed") {
    SUBCASE("after a known key that moves") {
      const std::string text = R"(name: Siti Rahayu
favourite_colour: blue
id: K7Q2MX
worker: aoki
)";
      CHECK(emit_client(text) == R"(id: K7Q2MX
name: Siti Rahayu
favourite_colour: blue
worker: aoki
)");
    }
    SUBCASE("several unknown keys keep their own order") {
      const std::string text = R"(id: K7Q2MX
zeta: 1
alpha: 2
name: Siti Rahayu
)";
      CHECK(emit_client(text) == text);
    }
    SUBCASE("a leading unknown key stays first") {
      const std::string text = R"(my_ref: X-1
worker: aoki
id: K7Q2MX
)";
      CHECK(emit_client(text) == R"(my_ref: X-1
id: K7Q2MX
worker: aoki
)");
    }
    SUBCASE("a trailing unknown key stays last") {
      const std::string text = R"(notes: |
  Hello.
id: K7Q2MX
extra: true
)";
      CHECK(emit_client(text) == R"(id: K7Q2MX
extra: true
notes: |
  Hello.
)");
    }
  }

  // Their content survives; a map inside an unknown list takes the block style
  // (only the schema's own small records are written as flow maps).
  TEST_CASE("unknown keys inside goals and tasks survive in place") {
    const std::string text = R"(goals:
  - id: g1
    text: Move into stable housing
    priority: high
    status: active
    tasks:
      - id: t1
        effort: 2h
        text: Apply for housing benefit
        status: todo
        links:
          - https://example.org/apply
          - {title: Form, page: 3}
        meta:
          source: intake
          checked: [2026-11-23, 2026-11-30]
)";
    CHECK(emit(text, schemas::plan()) == R"(goals:
  - id: g1
    text: Move into stable housing
    priority: high
    status: active
    tasks:
      - id: t1
        effort: 2h
        text: Apply for housing benefit
        status: todo
        links:
          - https://example.org/apply
          - title: Form
            page: 3
        meta:
          source: intake
          checked: [2026-11-23, 2026-11-30]
)");
  }

  TEST_CASE("values of unknown keys keep their plain or quoted style") {
    const std::string text = R"(id: K7Q2MX
visits: 3
ratio: 0.5
flag: yes
code: "007"
when: 2026-11-23
quoted_when: "2026-11-23"
)";
    CHECK(emit_client(text) == text);
  }

  TEST_CASE("strings that would read as something else are double-quoted") {
    SUBCASE("set by the program") {
      for (const char* value :
           {"2026-00142", "+358 40 555 0101", "yes", "no", "true", "False", "null", "~", "007",
            "1.5", "-3", ".5", "2026-11-23", "on", "OFF", "y", "N"}) {
        CAPTURE(value);
        CHECK(inline_set(value, FieldKind::String) == "\"" + std::string(value) + "\"");
      }
    }
    SUBCASE("quoted in the file, written quoted") {
      const std::string text = R"(id: K7Q2MX
preferred_name: "yes"
external_id: "2026-00142"
phone: "+358 40 555 0101"
email: "007"
)";
      CHECK(emit_client(text) == text);
    }
    SUBCASE("in a document, after set_scalar") {
      auto doc = parse_document("clients/K7Q2MX/client.yaml", "id: K7Q2MX\n", schemas::client());
      set_scalar(doc.root, "external_id", "2026-00142");
      set_scalar(doc.root, "phone", "+358 40 555 0101");
      set_scalar(doc.root, "preferred_name", "yes");
      set_scalar(doc.root, "opened", "2026-11-23");
      set_scalar(doc.root, "contact_every", "14d");
      CHECK(doc.canonical() == R"(id: K7Q2MX
preferred_name: "yes"
external_id: "2026-00142"
phone: "+358 40 555 0101"
opened: 2026-11-23
contact_every: 14d
)");
    }
  }

  TEST_CASE("ordinary strings are written plain") {
    for (const char* value :
         {"Siti Rahayu", "siti@example.org", "https://example.org/a#b", "Mon-Fri 9-16", "O'Brien",
          "He said \"hi\"", "C#", "a:b", "\u09B0\u09B9\u09BF\u09AE", "yesterday", "Null island"}) {
      CAPTURE(value);
      CHECK(inline_set(value, FieldKind::String) == value);
    }
  }

  TEST_CASE("strings that would break the YAML structure are double-quoted") {
    for (const char* value :
         {"",       " leading", "trailing ", "Note: important", "room #5",    "ends with colon:",
          "- dash", "[list]",   "{map}",     "#hash",           "&anchor",    "*alias",
          "!tag",   "|bar",     ">gt",       "'single'",        "\"double\"", "%pct",
          "@at",    "`tick",    "?q",        ",comma"}) {
      CAPTURE(value);
      const std::string out = inline_set(value, FieldKind::String);
      CHECK(out.front() == '"');
      CHECK(out.back() == '"');
    }
  }

  TEST_CASE("double quoting escapes what it must") {
    CHECK(inline_set("\"hi\" \\o/", FieldKind::String) == R"("\"hi\" \\o/")");
    CHECK(inline_set("a\tb", FieldKind::String) == R"("a\tb")");
    CHECK(inline_set("bell\x07", FieldKind::String) == R"("bell\x07")");
    CHECK(inline_set("del\x7f", FieldKind::String) == R"("del\x7F")");
  }

  TEST_CASE("typed fields are written plain") {
    CHECK(inline_set("2026-11-23", FieldKind::Date) == "2026-11-23");
    CHECK(inline_set("1984", FieldKind::PartialDate) == "1984");
    CHECK(inline_set("1984-03", FieldKind::PartialDate) == "1984-03");
    CHECK(inline_set("2026-11-26T10:00", FieldKind::DateTime) == "2026-11-26T10:00");
    CHECK(inline_set("14d", FieldKind::Period) == "14d");
    CHECK(inline_set("12", FieldKind::Integer) == "12");
    CHECK(inline_set("true", FieldKind::Bool) == "true");
    CHECK(inline_set("no-response", FieldKind::Enum) == "no-response");
    SUBCASE("but not when the value is not of the kind") {
      CHECK(inline_set("2026-02-30", FieldKind::Date) == "\"2026-02-30\"");
      CHECK(inline_set("14", FieldKind::Period) == "\"14\"");
      CHECK(inline_set("yes", FieldKind::Bool) == "\"yes\"");
      CHECK(inline_set("-1", FieldKind::Integer) == "\"-1\"");
    }
  }

  TEST_CASE("identifiers are plain unless a YAML reader would take them for something else") {
    for (const char* value : {"3FZK8R", "K7Q2MX", "2026-11-23-food-bank-north", "food-bank-north",
                              "g12", "aoki", "0X1A2B"}) {
      CAPTURE(value);
      CHECK(inline_set(value, FieldKind::Id) == value);
    }
    for (const char* value : {"123456", "12E345", "007", "1_000", "yes", "null", "1:30"}) {
      CAPTURE(value);
      CHECK(inline_set(value, FieldKind::Id) == "\"" + std::string(value) + "\"");
    }
    SUBCASE("a quoted ID in a file is written plain") {
      CHECK(emit_client("id: \"3FZK8R\"\nworker: \"aoki\"\n") == "id: 3FZK8R\nworker: aoki\n");
    }
  }

  TEST_CASE("in flow context, flow indicators force quotes") {
    CHECK(emit_scalar_inline("a, b", false, FieldKind::String, ScalarContext::Flow) == "\"a, b\"");
    CHECK(emit_scalar_inline("a, b", false, FieldKind::String, ScalarContext::Block) == "a, b");
    CHECK(emit_scalar_inline("x[1]", false, FieldKind::String, ScalarContext::Flow) == "\"x[1]\"");
    CHECK(emit_scalar_inline("{y}", true, FieldKind::String, ScalarContext::Flow) == "\"{y}\"");
  }

  TEST_CASE("a question mark inside a flow entry is quoted, or yaml-cpp cannot read it back") {
    CHECK(emit_scalar_inline("Any news?", false, FieldKind::String, ScalarContext::Flow) ==
          "\"Any news?\"");
    CHECK(emit_scalar_inline("Any news?", false, FieldKind::String, ScalarContext::Block) ==
          "Any news?");
    const std::string block = R"(history:
  - date: 2026-11-23
    status: sent
    note: Any news?
)";
    const std::string flow = emit(block, schemas::referral());
    CHECK(flow == "history:\n  - {date: 2026-11-23, status: sent, note: \"Any news?\"}\n");
    auto reread = parse_document("r.yaml", flow, schemas::referral());
    CHECK(get_string(reread.root["history"][0], "note") == "Any news?");
  }

  TEST_CASE("multi-line text becomes a literal block") {
    auto doc = parse_document("clients/K7Q2MX/client.yaml", "id: K7Q2MX\n", schemas::client());
    SUBCASE("with a final newline: |") {
      set_scalar(doc.root, "notes", "First line.\nSecond line.\n");
      CHECK(doc.canonical() == "id: K7Q2MX\nnotes: |\n  First line.\n  Second line.\n");
    }
    SUBCASE("without a final newline: |-") {
      set_scalar(doc.root, "notes", "First line.\nSecond line.");
      CHECK(doc.canonical() == "id: K7Q2MX\nnotes: |-\n  First line.\n  Second line.\n");
    }
    SUBCASE("with blank lines inside and at the end: |+") {
      set_scalar(doc.root, "notes", "One.\n\nTwo.\n\n");
      CHECK(doc.canonical() == "id: K7Q2MX\nnotes: |+\n  One.\n\n  Two.\n\n");
    }
    SUBCASE("lines that look like YAML stay text") {
      set_scalar(doc.root, "notes", "key: value\n# not a comment\n- not a list\n  indented\n");
      CHECK(
          doc.canonical() ==
          "id: K7Q2MX\nnotes: |\n  key: value\n  # not a comment\n  - not a list\n    indented\n");
    }
    SUBCASE("a one-line text with a final newline is a block too") {
      set_scalar(doc.root, "notes", "Free text.\n");
      CHECK(doc.canonical() == "id: K7Q2MX\nnotes: |\n  Free text.\n");
    }
    SUBCASE("the block is indented under a nested key") {
      auto referral = parse_document("r.yaml", "history:\n  - {date: 2026-11-23, status: sent}\n",
                                     schemas::referral());
      YAML::Node entry = referral.root["history"][0];
      set_scalar(entry, "note", "Two\nlines\n");
      CHECK(referral.canonical() ==
            "history:\n  - date: 2026-11-23\n    status: sent\n    note: |\n      Two\n      "
            "lines\n");
    }
    // Each form must read back as exactly the text that was set.
    const std::string out = doc.canonical();
    const std::string before = get_string(doc.root, "notes").value_or("");
    auto again = parse_document("clients/K7Q2MX/client.yaml", out, schemas::client());
    CHECK(get_string(again.root, "notes").value_or("") == before);
  }

  TEST_CASE("text a literal block cannot hold exactly is double-quoted") {
    auto doc = parse_document("clients/K7Q2MX/client.yaml", "id: K7Q2MX\n", schemas::client());
    SUBCASE("trailing spaces on a line") {
      set_scalar(doc.root, "notes", "Line one  \nLine two\n");
      CHECK(doc.canonical() == "id: K7Q2MX\nnotes: \"Line one  \\nLine two\\n\"\n");
    }
    SUBCASE("a leading space") {
      set_scalar(doc.root, "notes", " indented\nsecond\n");
      CHECK(doc.canonical() == "id: K7Q2MX\nnotes: \" indented\\nsecond\\n\"\n");
    }
    SUBCASE("a leading blank line") {
      set_scalar(doc.root, "notes", "\nafter a blank\n");
      CHECK(doc.canonical() == "id: K7Q2MX\nnotes: \"\\nafter a blank\\n\"\n");
    }
    SUBCASE("a carriage return") {
      set_scalar(doc.root, "notes", "dos\r\nline\r\n");
      CHECK(doc.canonical() == "id: K7Q2MX\nnotes: \"dos\\r\\nline\\r\\n\"\n");
    }
    const std::string before = get_string(doc.root, "notes").value_or("");
    auto again = parse_document("clients/K7Q2MX/client.yaml", doc.canonical(), schemas::client());
    CHECK(get_string(again.root, "notes").value_or("") == before);
  }

  TEST_CASE("history entries are one-line flow maps") {
    const std::string block = R"(id: 2026-11-23-food-bank-north
history:
  - date: 2026-11-23
    status: sent
    worker: aoki
    note: Called intake line
  - date: 2026-11-24
    status: accepted
    note: "Yes, they will call"
)";
    CHECK(emit(block, schemas::referral()) == R"(id: 2026-11-23-food-bank-north
history:
  - {date: 2026-11-23, status: sent, worker: aoki, note: Called intake line}
  - {date: 2026-11-24, status: accepted, note: "Yes, they will call"}
)");
  }

  TEST_CASE("a flow entry too wide for one line is written as a block") {
    const std::string note(170, 'x');
    const std::string text = "history:\n  - {date: 2026-11-23, status: sent, note: " + note + "}\n";
    CHECK(emit(text, schemas::referral()) ==
          "history:\n  - date: 2026-11-23\n    status: sent\n    note: " + note + "\n");
  }

  TEST_CASE("scale levels set by the program are written as plain numbers") {
    auto doc = parse_document("caseload.yaml", "schema: 1\n", schemas::settings());
    YAML::Node scale(YAML::NodeType::Map);
    set_scalar(scale, "1", "in crisis");
    set_scalar(scale, "2", "vulnerable");
    doc.root["scale"] = scale;
    CHECK(doc.canonical() == "schema: 1\nscale: {1: in crisis, 2: vulnerable}\n");
    // ...while a quoted key in a file stays quoted.
    CHECK(emit("scale: {\"1\": in crisis}\n", schemas::settings()) ==
          "scale: {\"1\": in crisis}\n");
  }

  TEST_CASE("tag lists are flow sequences") {
    SUBCASE("a block list in the file") {
      const std::string text = "id: K7Q2MX\ntags:\n  - family\n  - priority\n";
      CHECK(emit_client(text) == "id: K7Q2MX\ntags: [family, priority]\n");
    }
    SUBCASE("set by the program, quoting what needs it") {
      auto doc = parse_document("clients/K7Q2MX/client.yaml", "id: K7Q2MX\n", schemas::client());
      set_strings(doc.root, "tags", {"family", "007", "a, b", "yes", "single parent"});
      CHECK(doc.canonical() ==
            "id: K7Q2MX\ntags: [family, \"007\", \"a, b\", \"yes\", single parent]\n");
    }
    SUBCASE("an empty list") {
      CHECK(emit_client("id: K7Q2MX\ntags: []\n") == "id: K7Q2MX\ntags: []\n");
    }
  }

  TEST_CASE("null values and empty collections are kept") {
    const std::string text = "id: K7Q2MX\nclosed: ~\ntags: []\nconsent: []\nextra: {}\n";
    CHECK(emit_client(text) == text);
    CHECK(emit_client("id: K7Q2MX\nclosed:\nrisk: null\n") == "id: K7Q2MX\nrisk: ~\nclosed: ~\n");
  }

  TEST_CASE("non-canonical layout is normalised") {
    const std::string messy =
        "id:    K7Q2MX\nname: 'Siti Rahayu'\ntags:   [ family,priority ]\n"
        "notes: >\n  folded\n  text\n";
    CHECK(emit_client(messy) ==
          "id: K7Q2MX\nname: Siti Rahayu\ntags: [family, priority]\nnotes: |\n  folded text\n");
  }

  TEST_CASE("emit, parse, emit again gives the same bytes on a tricky record") {
    auto doc = parse_document("clients/K7Q2MX/client.yaml", "", schemas::client());
    set_scalar(doc.root, "id", "K7Q2MX");
    set_scalar(doc.root, "name", "\u09B0\u09B9\u09BF\u09AE \u0989\u09A6\u09CD\u09A6\u09BF\u09A8");
    set_scalar(doc.root, "preferred_name", "\"Rahim\" O'Neil");
    set_scalar(doc.root, "external_id", "007");
    set_scalar(doc.root, "phone", "+880 1711-555 000");
    set_scalar(doc.root, "email", "room #5: ask at desk");
    set_scalar(doc.root, "address", "Flat 3B, Road 7\nDhanmondi # ward 15\nDhaka: 1205\n");
    set_strings(doc.root, "tags", {});
    set_scalar(doc.root, "worker", "aoki");
    set_scalar(doc.root, "status", "open");
    set_scalar(doc.root, "opened", "2026-11-23");
    doc.root["closed"] = YAML::Node(YAML::NodeType::Null);
    set_scalar(doc.root, "notes",
               "\u0995\u09BF \u0995\u09C1: \"quoted\" and 'single'\n  indented line\n"
               "tab\there\n\n# heading\n- item\nlast line: done");
    set_scalar(doc.root, "closed_reason", "  spaces  \n");
    set_scalar(doc.root, "x-custom", "yes");
    set_strings(doc.root, "language", {"bn", "en-US"});

    const std::string first = doc.canonical();
    auto reread = parse_document(doc.path, first, schemas::client());
    const std::string second = reread.canonical();
    CHECK(second == first);
    CHECK_FALSE(reread.changed());
    // And every value read back is the value that was set.
    for (const char* key : {"name", "preferred_name", "external_id", "phone", "email", "address",
                            "notes", "closed_reason", "x-custom"}) {
      CAPTURE(key);
      CHECK(get_string(reread.root, key) == get_string(doc.root, key));
    }
    CHECK(get_strings(reread.root, "language") == std::vector<std::string>{"bn", "en-US"});
    CHECK(reread.root["tags"].IsSequence());
    CHECK(reread.root["tags"].size() == 0);
    CHECK(reread.root["closed"].IsNull());
  }

  TEST_CASE("every string survives a write and a read, wherever it is stored") {
    const std::vector<std::string> values = {"",
                                             " ",
                                             "a ",
                                             " a",
                                             "-",
                                             "- a",
                                             "-a",
                                             "?",
                                             "? a",
                                             ":",
                                             ": a",
                                             "a:",
                                             "a: b",
                                             "a #b",
                                             "#",
                                             "a#b",
                                             "[",
                                             "]",
                                             "{",
                                             "}",
                                             ",",
                                             "a, b",
                                             "&a",
                                             "*a",
                                             "!a",
                                             "|",
                                             ">",
                                             "'",
                                             "\"",
                                             "%",
                                             "@",
                                             "`",
                                             "~",
                                             "null",
                                             "NULL",
                                             "yes",
                                             "On",
                                             "0x1F",
                                             "1e3",
                                             ".inf",
                                             "-.inf",
                                             ".nan",
                                             "<<",
                                             "=",
                                             "007",
                                             "2026-11-23",
                                             "2026-11-23T10:00",
                                             "14d",
                                             "tab\there",
                                             "cr\rhere",
                                             "nl\nhere",
                                             "nl\n",
                                             "\n",
                                             "\n\n",
                                             "a\n\n",
                                             "a\n \n",
                                             "  \n",
                                             "a\n\n\nb",
                                             "\u0085",
                                             "a\u0085b",
                                             "a\u2028b",
                                             "a\u2029b",
                                             "\uFEFFa",
                                             "a\uFEFF",
                                             "\x01",
                                             "\x7f",
                                             "a\\b",
                                             "\\n",
                                             "a\"b",
                                             "'a'",
                                             "\"a\"",
                                             "a'",
                                             "O'Brien",
                                             "http://x.y/z?a=b#c",
                                             "a:b",
                                             "x?y",
                                             "50%",
                                             "C#",
                                             "---",
                                             "...",
                                             "--- a",
                                             "a\n---\nb",
                                             "a\n...\nb\n",
                                             "a\n# c\n",
                                             "\ta",
                                             "a\t",
                                             "a\n\tb\n",
                                             " a\nb",
                                             "a\n b\n",
                                             "a\n  b\n c\n",
                                             "\u65E5\u672C\u8A9E",
                                             "\u09B0\u09B9\u09BF\u09AE: \"x\" # y",
                                             "a\r\nb\r\n",
                                             std::string(200, 'w') + " end"};
    auto escaped = [](const std::string& v) {
      std::string out;
      for (unsigned char c : v)
        out += (c < 0x20 || c == 0x7f) ? fmt::format("\\x{:02x}", c)
                                       : std::string(1, static_cast<char>(c));
      return out;
    };
    for (const auto& v : values) {
      CAPTURE(escaped(v));
      auto client = parse_document("clients/K7Q2MX/client.yaml", "id: K7Q2MX\n", schemas::client());
      set_scalar(client.root, "email", v);
      set_scalar(client.root, "notes", v);
      set_scalar(client.root, "x-custom", v);
      set_strings(client.root, "tags", {v, "b"});
      if (!v.empty()) set_scalar(client.root, v, "key test");
      const std::string first = client.canonical();
      CAPTURE(first);
      Document again = new_document(client.path, schemas::client());
      REQUIRE_NOTHROW(again = parse_document(client.path, first, schemas::client()));
      CHECK(get_string(again.root, "email") == v);
      CHECK(get_string(again.root, "notes") == v);
      CHECK(get_string(again.root, "x-custom") == v);
      CHECK(get_strings(again.root, "tags") == std::vector<std::string>{v, "b"});
      if (!v.empty()) CHECK(get_string(again.root, v) == "key test");
      CHECK(again.canonical() == first);

      auto referral = parse_document("r.yaml", "history:\n  - {date: 2026-11-23, status: sent}\n",
                                     schemas::referral());
      YAML::Node entry = referral.root["history"][0];
      set_scalar(entry, "note", v);
      const std::string flow = referral.canonical();
      CAPTURE(flow);
      Document reread = new_document("r.yaml", schemas::referral());
      REQUIRE_NOTHROW(reread = parse_document("r.yaml", flow, schemas::referral()));
      CHECK(get_string(reread.root["history"][0], "note") == v);
      CHECK(reread.canonical() == flow);
    }
  }
}
