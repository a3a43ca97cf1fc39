#pragma once
// The records of SPEC 2 as plain values, for the logic in core: follow-ups,
// matching, summaries. Optional fields that were missing or invalid on disk
// are empty here; `check` is what reports them.
//
// Each record type has ONE list of its stored fields, `fields(io, record)`,
// next to its struct: the keys as they are written, in canonical order (the
// order of its schema in store/schema.cpp; a unit test holds the two
// together). Every reader and writer walks that list: both YAML readers'
// decoder (store/decode.cpp), the writer of new records (store/encode.cpp)
// and the cache codec (store/cache_codec.cpp). `io` is called as
// io("key", member) for each stored field, and io.path(member) /
// io.stem(member) for what comes from the file's place rather than its text.
// Adding a field: the member and its io(...) line here, its schema entry,
// and man/caseload.5.
#include <concepts>
#include <map>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "caseload/core/date.hpp"
#include "caseload/core/errors.hpp"

namespace caseload {

// `fields` takes the record as it is given: mutable for readers, const for
// writers.
template <class Self, class Record>
concept RecordOf = std::same_as<std::remove_const_t<Self>, Record>;

struct Worker {
  std::string id;
  std::string name;
};
template <class Io, RecordOf<Worker> Self> void fields(Io& io, Self& w) { io("id", w.id)("name", w.name); }

struct Domain {
  std::string id;
  std::string name;
};
template <class Io, RecordOf<Domain> Self> void fields(Io& io, Self& d) { io("id", d.id)("name", d.name); }

// One rule of a program's criteria (core/screening): a fact of the case
// file and the bounds it must keep (min and max inclusive, two-place
// decimals as written) or the values it must take (is, any_of), with the
// rule's citation.
struct Criterion {
  std::string fact;
  std::string min;
  std::string max;
  std::string is;
  std::vector<std::string> any_of;
  std::string source;
};
template <class Io, RecordOf<Criterion> Self> void fields(Io& io, Self& c) {
  io("fact", c.fact)("min", c.min)("max", c.max)("is", c.is)("any_of", c.any_of)("source", c.source);
}

struct Program {
  std::string id;
  std::string name;
  std::optional<Period> report_every;
  std::optional<Period> renew_every;
  std::optional<Period> decision_after;
  std::vector<Criterion> criteria;
  std::vector<std::string> documents;  // the paperwork an application needs
  std::string template_name;           // its progress report's layout: templates/<name>.md (core/report_template)
};
template <class Io, RecordOf<Program> Self> void fields(Io& io, Self& p) {
  io("id", p.id)("name", p.name)("report_every", p.report_every)("renew_every", p.renew_every)(
      "decision_after", p.decision_after)("criteria", p.criteria)("documents", p.documents)("template",
                                                                                              p.template_name);
}

// caseload.yaml's `defaults:`; a value that is missing or invalid keeps the default.
struct Defaults {
  std::string worker;
  Period contact_every{30, 'd'};
  Period reassess_every{90, 'd'};
  Period referral_follow_up{7, 'd'};
  Period consent_warning{14, 'd'};  // how long before a consent expires it is a follow-up
  Period finances_every{6, 'm'};    // how old a budget may be for a client with an open enrollment
};
template <class Io, RecordOf<Defaults> Self> void fields(Io& io, Self& d) {
  io("worker", d.worker)("contact_every", d.contact_every)("reassess_every", d.reassess_every)(
      "referral_follow_up", d.referral_follow_up)("consent_warning", d.consent_warning)("finances_every",
                                                                                        d.finances_every);
}

// caseload.yaml's `git:`.
struct GitSettings {
  bool autocommit = true;
};
template <class Io, RecordOf<GitSettings> Self> void fields(Io& io, Self& g) { io("autocommit", g.autocommit); }

// caseload.yaml's `stats:`.
struct StatsSettings {
  // The smallest group `stats --redact` shows as a number: a count (or a
  // figure computed from a count) below it is shown as "<N", so that an
  // export cannot point at a few clients.
  int min_group = 5;
};
template <class Io, RecordOf<StatsSettings> Self> void fields(Io& io, Self& s) { io("min_group", s.min_group); }

struct Settings {
  int schema = 1;
  std::string agency;
  std::string currency;  // of every amount in the store (ISO 4217: EUR, NOK, PHP, IDR, BDT ...)
  std::vector<Worker> workers;
  Defaults defaults;
  std::map<int, std::string> scale;  // level -> label
  std::vector<Domain> domains;
  std::vector<Program> programs;
  GitSettings git;
  StatsSettings stats;

  const Worker* find_worker(const std::string& id) const;
  const Domain* find_domain(const std::string& id) const;
  const Program* find_program(const std::string& id) const;
};
template <class Io, RecordOf<Settings> Self> void fields(Io& io, Self& s) {
  io("schema", s.schema)("agency", s.agency)("currency", s.currency)("workers", s.workers)("defaults", s.defaults)("scale", s.scale)(
      "domains", s.domains)("programs", s.programs)("git", s.git)("stats", s.stats);
}

// The Self-Sufficiency Matrix: its domains and 1-5 scale, the default for new stores.
Settings default_settings();

struct Consent {
  std::string to;
  std::vector<std::string> scope;
  std::optional<Date> given;
  std::optional<Date> expires;
  std::optional<Date> revoked;

  // Given on or before today, not expired (expires is the last day it holds), not revoked.
  bool in_force(const Date& today) const;
};
template <class Io, RecordOf<Consent> Self> void fields(Io& io, Self& c) {
  io("to", c.to)("scope", c.scope)("given", c.given)("expires", c.expires)("revoked", c.revoked);
}

// A document a program requires (its `documents`), as an enrollment
// records it: received, or waived (with the reason); absent: missing.
struct EnrollmentDocument {
  std::string id;
  std::optional<Date> received;
  std::optional<Date> waived;
  std::string reason;
};
template <class Io, RecordOf<EnrollmentDocument> Self> void fields(Io& io, Self& d) {
  io("id", d.id)("received", d.received)("waived", d.waived)("reason", d.reason);
}

// What happened to an enrollment, one entry per command, oldest first:
// choices::enrollment_event. (Not HistoryEntry: a referral's history records
// statuses and workers.)
struct EnrollmentEvent {
  std::optional<Date> date;
  std::string event;
  std::string note;
};
template <class Io, RecordOf<EnrollmentEvent> Self> void fields(Io& io, Self& h) {
  io("date", h.date)("event", h.event)("note", h.note);
}

struct Enrollment {
  std::string program;
  std::string status;
  std::optional<Date> applied;
  std::optional<Date> decided;
  std::optional<Date> next_report;
  std::optional<Date> renew_by;
  std::optional<Date> ended;
  std::vector<EnrollmentDocument> documents;
  std::vector<EnrollmentEvent> history;  // empty in stores written before it was kept
};
template <class Io, RecordOf<Enrollment> Self> void fields(Io& io, Self& e) {
  io("program", e.program)("status", e.status)("applied", e.applied)("decided", e.decided)(
      "next_report", e.next_report)("renew_by", e.renew_by)("ended", e.ended)("documents", e.documents)(
      "history", e.history);
}

struct HouseholdMember {
  std::string name;
  std::string relation;
  std::string born;
};
template <class Io, RecordOf<HouseholdMember> Self> void fields(Io& io, Self& h) {
  io("name", h.name)("relation", h.relation)("born", h.born);
}

// An earlier episode of a case: open from `opened` until `closed` (and
// why), then opened again on `reopened` (and why). `close` and `reopen`
// append one entry per reopening, oldest first; the current episode is the
// client's own fields (it began on the last entry's `reopened`, or on
// `opened` when there is none).
struct Episode {
  std::optional<Date> opened;
  std::optional<Date> closed;
  std::string closed_reason;
  std::optional<Date> reopened;
  std::string reopen_reason;
};
template <class Io, RecordOf<Episode> Self> void fields(Io& io, Self& e) {
  io("opened", e.opened)("closed", e.closed)("closed_reason", e.closed_reason)("reopened", e.reopened)(
      "reopen_reason", e.reopen_reason);
}

struct Client {
  std::string id;
  std::string name;
  std::string preferred_name;
  std::string external_id;
  std::string born;
  std::vector<std::string> language;
  std::string phone;
  std::string email;
  std::string address;
  std::vector<HouseholdMember> household;
  std::string worker;
  std::string risk;
  std::string status;
  std::optional<Date> opened;
  std::optional<Date> closed;
  std::string closed_reason;
  std::vector<Episode> episodes;
  std::optional<Period> contact_every;
  std::vector<std::string> tags;
  std::vector<std::string> flags;  // facts a worker records for program criteria: injured-at-work, single-parent
  std::vector<Consent> consents;
  std::vector<Enrollment> enrollments;
  std::string notes;

  bool is_open() const { return status == "open"; }
  // The day the current episode began: the last reopening, else `opened`.
  std::optional<Date> episode_start() const;
  // The client's latest entry for the program (nullptr: none): an earlier
  // one may have ended or been denied before the client applied again.
  const Enrollment* latest_enrollment(const std::string& program) const;
};
template <class Io, RecordOf<Client> Self> void fields(Io& io, Self& c) {
  io("id", c.id)("name", c.name)("preferred_name", c.preferred_name)("external_id", c.external_id)("born", c.born)(
      "language", c.language)("phone", c.phone)("email", c.email)("address", c.address)("household", c.household)(
      "worker", c.worker)("risk", c.risk)("status", c.status)("opened", c.opened)("closed", c.closed)(
      "closed_reason", c.closed_reason)("episodes", c.episodes)("contact_every", c.contact_every)("tags", c.tags)("flags", c.flags)("consent", c.consents)(
      "enrollments", c.enrollments)("notes", c.notes);
}

// An assessment's scores in the order of its file: domain ID -> level (0 = not applicable).
using Scores = std::vector<std::pair<std::string, int>>;

struct Assessment {
  std::string path;
  std::string stem;  // file name without .yaml
  std::optional<Date> date;
  std::string kind;
  std::string worker;
  Scores scores;
  std::vector<std::string> needs;
  std::string strengths;
  std::string notes;

  std::optional<int> score(const std::string& domain) const;
};
template <class Io, RecordOf<Assessment> Self> void fields(Io& io, Self& a) {
  io.path(a.path);
  io.stem(a.stem);
  io("date", a.date)("kind", a.kind)("worker", a.worker)("scores", a.scores)("needs", a.needs)(
      "strengths", a.strengths)("notes", a.notes);
}

struct Task {
  std::string id;
  std::string text;
  std::string owner;
  std::optional<Date> due;
  std::string status;
  std::optional<Date> done;
};
template <class Io, RecordOf<Task> Self> void fields(Io& io, Self& t) {
  io("id", t.id)("text", t.text)("owner", t.owner)("due", t.due)("status", t.status)("done", t.done);
}

struct Goal {
  std::string id;
  std::string domain;
  std::string text;
  std::optional<Date> target;
  std::string status;
  std::vector<Task> tasks;
};
template <class Io, RecordOf<Goal> Self> void fields(Io& io, Self& g) {
  io("id", g.id)("domain", g.domain)("text", g.text)("target", g.target)("status", g.status)("tasks", g.tasks);
}

struct Plan {
  std::string path;
  std::optional<Date> review;
  std::vector<Goal> goals;
};
template <class Io, RecordOf<Plan> Self> void fields(Io& io, Self& p) {
  io.path(p.path);
  io("review", p.review)("goals", p.goals);
}

// clients/<id>/finances.yaml: the household budget. Amounts are kept as
// written (two-place decimals, core/decimal.hpp) in the store's currency;
// core/finances reads them.
struct Income {
  std::string kind;
  std::string amount;
  std::string every;   // choices::every
  std::string member;  // a household member's name; empty for the client
  std::optional<Date> from;
};
template <class Io, RecordOf<Income> Self> void fields(Io& io, Self& i) {
  io("kind", i.kind)("amount", i.amount)("every", i.every)("member", i.member)("from", i.from);
}

struct Expense {
  std::string kind;
  std::string amount;
  std::string every;
};
template <class Io, RecordOf<Expense> Self> void fields(Io& io, Self& e) {
  io("kind", e.kind)("amount", e.amount)("every", e.every);
}

struct Debt {
  std::string creditor;
  std::string amount;   // what is owed
  std::optional<Date> due;
  std::string monthly;  // the agreed monthly payment, if any
};
template <class Io, RecordOf<Debt> Self> void fields(Io& io, Self& d) {
  io("creditor", d.creditor)("amount", d.amount)("due", d.due)("monthly", d.monthly);
}

struct Finances {
  std::string path;
  std::optional<Date> reviewed;
  std::vector<Income> incomes;
  std::vector<Expense> expenses;
  std::vector<Debt> debts;
  std::string notes;
};
template <class Io, RecordOf<Finances> Self> void fields(Io& io, Self& f) {
  io.path(f.path);
  io("reviewed", f.reviewed)("incomes", f.incomes)("expenses", f.expenses)("debts", f.debts)("notes", f.notes);
}

struct HistoryEntry {
  std::optional<Date> date;
  std::string status;
  std::string worker;
  std::string note;
};
template <class Io, RecordOf<HistoryEntry> Self> void fields(Io& io, Self& h) {
  io("date", h.date)("status", h.status)("worker", h.worker)("note", h.note);
}

struct Referral {
  std::string path;
  std::string id;
  std::string resource;
  std::string domain;
  std::string service;  // one of the resource's services, when the referral is for one
  std::string reason;
  std::string goal;
  std::string status;
  std::optional<Date> follow_up;
  std::vector<HistoryEntry> history;
  std::string outcome;
};
template <class Io, RecordOf<Referral> Self> void fields(Io& io, Self& r) {
  io.path(r.path);
  io("id", r.id)("resource", r.resource)("domain", r.domain)("service", r.service)("reason", r.reason)("goal", r.goal)(
      "status", r.status)("follow_up", r.follow_up)("history", r.history)("outcome", r.outcome);
}

struct Contact {
  std::string path;
  std::string id;  // file name without .yaml
  std::optional<DateTime> date;
  std::string kind;
  std::string status;
  std::string worker;
  std::string summary;
  std::string text;
  std::optional<Date> next;
};
template <class Io, RecordOf<Contact> Self> void fields(Io& io, Self& c) {
  io.path(c.path);
  io.stem(c.id);
  io("date", c.date)("kind", c.kind)("status", c.status)("worker", c.worker)("summary", c.summary)(
      "text", c.text)("next", c.next);
}

struct Resource {
  std::string path;
  std::string id;
  std::string name;
  std::string organization;
  std::vector<std::string> domains;
  std::vector<std::string> services;
  std::string phone;
  std::string email;
  std::string url;
  std::string address;
  std::string hours;
  std::string eligibility;
  std::string fees;
  std::vector<std::string> languages;
};
template <class Io, RecordOf<Resource> Self> void fields(Io& io, Self& r) {
  io.path(r.path);
  io("id", r.id)("name", r.name)("organization", r.organization)("domains", r.domains)("services", r.services)(
      "phone", r.phone)("email", r.email)("url", r.url)("address", r.address)("hours", r.hours)(
      "eligibility", r.eligibility)("fees", r.fees)("languages", r.languages);
}

// A file of a client's folder that could not be read: where and why (never
// its content). Store-wide outputs name it instead of leaving it out.
struct UnreadableFile {
  Location where;
  std::string message;
};

// Everything in one client's folder.
struct ClientRecord {
  std::string path;  // clients/<id>/client.yaml
  Client client;     // only the ID when client.yaml itself cannot be read
  std::vector<Assessment> assessments;  // by date, then file name
  std::optional<Plan> plan;
  std::optional<Finances> finances;
  std::vector<Referral> referrals;  // by file name
  std::vector<Contact> contacts;    // by date, then file name
  std::vector<UnreadableFile> unreadable;  // by path; client.yaml's first

  const Contact* last_done_contact() const;
  // Whether client.yaml was read; when not, nothing else of the folder was.
  bool client_readable() const { return unreadable.empty() || unreadable.front().where.path != path; }
};

// The file records, each with its field list: for the templates instantiated
// once per record type (decoder, cache codec, writer).
#define CASELOAD_FOR_EACH_RECORD(X) \
  X(Settings) X(Client) X(Assessment) X(Plan) X(Finances) X(Referral) X(Contact) X(Resource)

// Text as people read it: a stored literal block's final newline dropped.
std::string display_text(const std::string& stored);

}  // namespace caseload
