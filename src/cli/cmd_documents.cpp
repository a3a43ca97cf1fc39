// caseload documents CLIENT [PROGRAM] [received|waived DOC]: the paperwork of
// a client's enrollments (core/paperwork): what each program requires, what
// was received or waived, what is missing.
#include <fmt/format.h>

#include "caseload/cli/commands.hpp"
#include "caseload/cli/common.hpp"
#include "caseload/cli/enrollments.hpp"
#include "caseload/cli/snapshot.hpp"
#include "caseload/core/text.hpp"
#include "caseload/core/ids.hpp"
#include "caseload/core/paperwork.hpp"
#include "caseload/report/json.hpp"
#include "caseload/report/table.hpp"
#include "caseload/store/decode.hpp"
#include "caseload/store/encode.hpp"
#include "caseload/store/schema.hpp"

namespace caseload {
namespace {

struct DocumentsOptions {
  std::string client, program, action, document, date, reason;
};

// The latest enrollment in each program (or in `only`), in the client's order.
std::vector<const Enrollment*> latest_enrollments(const Client& c, const std::string& only) {
  std::vector<const Enrollment*> out;
  for (const auto& e : c.enrollments) {
    if (!only.empty() && e.program != only) continue;
    const Enrollment* latest = c.latest_enrollment(e.program);
    if (std::find(out.begin(), out.end(), latest) == out.end()) out.push_back(latest);
  }
  return out;
}

int show(const DocumentsOptions& o, Context& ctx) {
  Store store = ctx.open_store();
  const std::string format = ctx.format("table", {"table", "json"});
  const std::string id = resolve_client_id(store, o.client);
  if (!o.program.empty()) known_program(store, o.program);
  Diagnostics warnings;
  const Client client = decode_record<Client>(store.read(Store::client_path(id), schemas::client()), &warnings);
  print_warnings(ctx, warnings);
  struct Row {
    const Enrollment* enrollment;
    DocumentState doc;
  };
  std::vector<Row> rows;
  std::vector<const Enrollment*> enrollments = latest_enrollments(client, o.program);
  for (const Enrollment* e : enrollments) {
    const Program* p = store.settings().find_program(e->program);
    if (!p) continue;  // check reports it
    for (auto& d : document_states(*p, *e)) rows.push_back({e, std::move(d)});
  }
  if (format == "json") {
    JsonWriter w(ctx.out);
    w.begin_object();
    w.key("client"); w.value(id);
    w.key("documents");
    w.begin_array();
    for (const auto& r : rows) {
      w.begin_object();
      w.key("program"); w.value(r.enrollment->program);
      w.key("enrollment_status"); w.value(r.enrollment->status);
      w.key("document"); w.value(r.doc.id);
      w.key("required"); w.value(r.doc.required);
      w.key("state"); w.value(r.doc.state);
      w.key("date"); w.value(std::optional<std::string>(date_or_empty(r.doc.date)));
      w.key("reason"); w.value(std::optional<std::string>(r.doc.reason));
      w.end_object();
    }
    w.end_array();
    w.end_object();
    return k_exit_ok;
  }
  if (enrollments.empty()) {
    ctx.out << (o.program.empty() ? fmt::format("{} has no enrollments\n", id)
                                  : fmt::format("{} has no enrollment in {}\n", id, o.program));
    return k_exit_ok;
  }
  if (rows.empty()) {
    ctx.out << fmt::format("No documents required: the programs of {}'s enrollments list none in caseload.yaml\n", id);
    return k_exit_ok;
  }
  Table t;
  t.headers = {"PROGRAM", "STATUS", "DOCUMENT", "STATE", "DATE", "NOTE"};
  int missing = 0;
  for (const auto& r : rows) {
    missing += r.doc.state == "missing";
    t.rows.push_back({r.enrollment->program, r.enrollment->status, r.doc.id, r.doc.state,
                      date_or_empty(r.doc.date),
                      r.doc.required ? r.doc.reason : (r.doc.reason.empty() ? "not required" : r.doc.reason)});
    t.paint.push_back({Paint::none, Paint::none, Paint::none,
                       r.doc.state == "missing" ? Paint::red : r.doc.state == "received" ? Paint::green : Paint::dim});
  }
  apply_fit(t, ctx.table_fit());
  print_table(ctx.out, t, ctx.style());
  ctx.out << fmt::format("\n{} missing; `caseload documents {} PROGRAM received DOC` records one\n", missing, id);
  return k_exit_ok;
}

int change(const DocumentsOptions& o, Context& ctx) {
  Store store = ctx.open_store();
  const Date today = ctx.today();
  const Program& program = known_program(store, o.program);
  if (o.document.empty()) throw UsageError(fmt::format("documents ... {}: which document?", o.action),
                                           fmt::format("e.g. `caseload documents CLIENT {} {} id-card`", program.id, o.action));
  if (std::find(program.documents.begin(), program.documents.end(), o.document) == program.documents.end()) {
    throw UsageError(fmt::format("'{}' is not a document {} requires", o.document, program.id),
                     program.documents.empty()
                         ? fmt::format("{} lists no documents; `caseload program set {} --document ID` adds them",
                                       program.id, program.id)
                         : fmt::format("its documents: {}", join(program.documents)));
  }
  if (o.action == "waived" && trim(o.reason).empty())
    throw UsageError("waived needs --reason", "say why the document is not needed, e.g. --reason \"Not employed\"");
  const Date when = o.date.empty() ? today : parse_date_option(o.date, "--date", today);
  Transaction tx(store, ctx.lock_wait());
  const std::string id = resolve_client_id(store, o.client);
  Document doc = read_for_update(store, Store::client_path(id), schemas::client());
  auto enrollment = latest_enrollment(doc, program.id);
  if (!enrollment) {
    throw Error(fmt::format("{} has no enrollment in {}", id, program.id),
                fmt::format("`caseload enroll {} {}` records an application", id, program.id));
  }
  EnrollmentDocument entry{o.document, std::nullopt, std::nullopt, ""};
  if (o.action == "received") entry.received = when;
  else {
    entry.waived = when;
    entry.reason = one_line_option(o.reason, "--reason");
  }
  // One entry per document: a new receipt or waiver replaces the old one.
  YAML::Node kept(YAML::NodeType::Sequence);
  YAML::Node list = child(*enrollment, "documents");
  if (list.IsSequence())
    for (const auto& d : list)
      if (!(d.IsMap() && get_string(d, "id") == o.document)) kept.push_back(d);
  const Schema& nested = *schemas::client().find("enrollments")->nested->find("documents")->nested;
  kept.push_back(encode_record(entry, nested));
  (*enrollment)["documents"] = kept;
  tx.write(doc);
  ctx.journal->detail = fmt::format("{} {} {}", program.id, o.document, o.action);
  if (!ctx.global.quiet) ctx.out << fmt::format("{}: {} {} {}\n", program.id, o.document, o.action, when.str());
  return k_exit_ok;
}

int run_documents(const DocumentsOptions& o, Context& ctx) {
  if (o.action.empty()) {
    if (!o.document.empty()) throw UsageError("documents: DOC without received or waived");
    return show(o, ctx);
  }
  if (o.action != "received" && o.action != "waived")
    throw UsageError(fmt::format("documents: '{}' is not an action", o.action), "the actions are received and waived");
  return change(o, ctx);
}

}  // namespace

void setup_documents(CLI::App& app, Runner& run) {
  auto o = std::make_shared<DocumentsOptions>();
  auto* cmd = add_command(app, run, "documents",
                          "The paperwork of a client's enrollments: required, received, waived, missing", o,
                          run_documents);
  takes_format(cmd);
  cmd->add_option("client", o->client, "Client ID, ID prefix or name")->required();
  cmd->add_option("program", o->program, "Only this program's documents (required by received and waived)");
  cmd->add_option("action", o->action, "received or waived");
  cmd->add_option("document", o->document, "The document's ID, as the program lists it");
  cmd->add_option("--date", o->date, "The day it was received or waived (default: today)");
  cmd->add_option("--reason", o->reason, "Why it is waived (required by waived)");
}

}  // namespace caseload
