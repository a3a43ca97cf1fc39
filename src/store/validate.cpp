#include "caseload/store/validate.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "caseload/core/decimal.hpp"
#include "caseload/core/ids.hpp"
#include "caseload/core/screening.hpp"
#include "caseload/core/referral.hpp"
#include "caseload/core/spelling.hpp"
#include "caseload/core/text.hpp"
#include "caseload/store/decode.hpp"
#include "caseload/store/fsutil.hpp"
#include "caseload/store/record_types.hpp"
#include "caseload/store/report_templates.hpp"
#include "record_hooks.hpp"

namespace caseload {
namespace fs = std::filesystem;
namespace {

class Checker {
 public:
  Checker(const Document& doc, Diagnostics& out) : doc_(doc), out_(out) {}

  void error(const YAML::Node& at, std::string message) {
    out_.push_back({doc_.where(at), Severity::Error, std::move(message)});
  }
  void error_key(const YAML::Node& map, std::string_view key, std::string message) {
    out_.push_back({doc_.where_key(map, key), Severity::Error, std::move(message)});
  }
  void warning(const YAML::Node& at, std::string message) {
    out_.push_back({doc_.where(at), Severity::Warning, std::move(message)});
  }

  void map(const YAML::Node& node, const Schema& schema, const std::string& context) {
    std::set<std::string> seen;
    for (auto it = node.begin(); it != node.end(); ++it) {
      if (!it->first.IsScalar()) {
        error(it->first, "a key must be a plain name");
        continue;
      }
      const std::string& key = it->first.Scalar();
      unsafe_text(it->first, schema.find(key), true);
      if (!seen.insert(key).second) {
        error(it->first, schema.find(key) ? fmt::format("duplicate key '{}'", key) : std::string("duplicate key"));
        continue;
      }
      const Field* f = schema.find(key);
      if (!f || (f->kind != FieldKind::Map && f->kind != FieldKind::MapList)) unsafe_text(it->second, f, false);
      if (f) {
        value(it->first, it->second, *f, context);
      } else {
        near_miss(node, it->first, schema, context);
      }
    }
    for (const auto& f : schema.fields) {
      if (!f.required) continue;
      YAML::Node v = child(node, f.key);
      if (!v.IsDefined()) {
        error(node, fmt::format("{}missing required key '{}'", context, f.key));
      }
    }
  }

 private:
  // An unknown key is the user's own field, and is kept; but one a typo away
  // from a key of the record most likely lost that key's value (`rsik: high`
  // leaves the client without a risk rating). With the key itself there
  // too, the near miss is a field of its own.
  void near_miss(const YAML::Node& map, const YAML::Node& key, const Schema& schema, const std::string& context) {
    std::vector<std::string_view> known;
    for (const auto& f : schema.fields) known.push_back(f.key);
    const auto meant = likely_meant(key.Scalar(), known);
    if (meant && !child(map, *meant).IsDefined())
      warning(key, fmt::format("{}unknown key; did you mean '{}'?", context, *meant));
  }

  // Control characters and bidirectional overrides in a record can drive a
  // terminal or forge a line of output; every output escapes them, and check
  // says where they are (never what they say). A multi-line text may hold
  // tabs and newlines; a key or one-line value may not.
  void unsafe_text(const YAML::Node& v, const Field* f, bool is_key) {
    if (v.IsScalar()) {
      const bool multi_line = !is_key && (!f || f->kind == FieldKind::Text || f->kind == FieldKind::Any);
      if (!has_unsafe_characters(v.Scalar(), multi_line)) return;
      const std::string what = f ? fmt::format("'{}'", f->key) : std::string(is_key ? "a key" : "a value");
      warning(v, fmt::format("{}{} holds control characters or bidirectional overrides (shown as escapes); "
                             "remove them", what, is_key && f ? " (the key)" : ""));
    } else if (v.IsMap()) {
      for (auto it = v.begin(); it != v.end(); ++it) {
        unsafe_text(it->first, nullptr, true);
        unsafe_text(it->second, f && f->kind == FieldKind::Any ? f : nullptr, false);
      }
    } else if (v.IsSequence()) {
      for (const auto& item : v) unsafe_text(item, f, false);
    }
  }

  void value(const YAML::Node& key, const YAML::Node& v, const Field& f, const std::string& context) {
    const std::string name = context + "'" + std::string(f.key) + "'";
    if (v.IsNull()) {
      if (f.required) error(key, fmt::format("{} must not be empty", name));
      return;
    }
    switch (f.kind) {
      case FieldKind::Any: return;
      case FieldKind::Map:
        if (!v.IsMap()) return error(v, fmt::format("{} must be a mapping", name));
        return map(v, *f.nested, "");
      case FieldKind::FlowMap:
      case FieldKind::ScoreMap:
        if (!v.IsMap()) return error(v, fmt::format("{} must be a mapping", name));
        return;
      case FieldKind::MapList:
        if (!v.IsSequence()) return error(v, fmt::format("{} must be a list", name));
        for (const auto& item : v) {
          if (!item.IsMap()) {
            error(item, fmt::format("each entry of {} must be a mapping", name));
          } else {
            map(item, *f.nested, f.nested->name.empty() ? "" : std::string(f.nested->name) + ": ");
          }
        }
        return;
      case FieldKind::StringList:
        if (!v.IsSequence()) return error(v, fmt::format("{} must be a list, e.g. [a, b]", name));
        for (const auto& item : v) {
          if (!item.IsScalar()) error(item, fmt::format("each entry of {} must be a single value", name));
        }
        return;
      default: break;
    }
    if (!v.IsScalar()) return error(v, fmt::format("{} must be a single value", name));
    const std::string& s = v.Scalar();
    switch (f.kind) {
      case FieldKind::String:
      case FieldKind::Id:
        if (s.find('\n') != std::string::npos) error(v, fmt::format("{} must be one line", name));
        break;
      case FieldKind::Date:
        if (!Date::parse(s)) error(v, fmt::format("{}: not a valid date (YYYY-MM-DD)", name));
        break;
      case FieldKind::PartialDate:
        if (!valid_partial_date(s))
          error(v, fmt::format("{}: not a valid date (YYYY, YYYY-MM or YYYY-MM-DD)", name));
        break;
      case FieldKind::DateTime:
        if (!DateTime::parse(s))
          error(v, fmt::format("{}: not a valid date-time (YYYY-MM-DDTHH:MM)", name));
        break;
      case FieldKind::Period:
        if (!parse_cadence(s)) error(v, fmt::format("{}: not {}", name, k_cadence_form));
        break;
      case FieldKind::Amount:
        if (!Decimal::parse(s)) error(v, fmt::format("{} is not {}", name, k_amount_forms));
        break;
      case FieldKind::Integer:
        if (s.empty() || s.find_first_not_of("0123456789") != std::string::npos)
          error(v, fmt::format("{}: not a whole number", name));
        break;
      case FieldKind::Bool:
        if (s != "true" && s != "false") error(v, fmt::format("{}: not true or false", name));
        break;
      case FieldKind::Enum:
        if (!is_one_of(s, f.choices))
          error(v, fmt::format("{}: {}", name, not_one_of(s, f.choices)));
        break;
      default: break;
    }
  }

  const Document& doc_;
  Diagnostics& out_;
};

// Record-specific rules, beyond the shape.
class RecordRules {
 public:
  RecordRules(const Document& doc, const StoreFacts& facts, Diagnostics& out)
      : doc_(doc), facts_(facts), check_(doc, out), out_(out) {}

  void worker(const YAML::Node& map, std::string_view key) {
    auto w = get_string(map, key);
    if (w && !w->empty() && !facts_.settings->find_worker(*w))
      check_.error(child(map, key), fmt::format("'{}': unknown worker: not listed under workers in caseload.yaml", key));
  }
  void domain(const YAML::Node& at, const std::string& id) {
    if (!facts_.settings->domains.empty() && !facts_.settings->find_domain(id))
      check_.error(at, "unknown domain: not listed under domains in caseload.yaml");
  }
  void domains_in(const YAML::Node& map, std::string_view key) {
    YAML::Node list = child(map, key);
    if (!list.IsSequence()) return;
    for (const auto& d : list) {
      if (d.IsScalar()) domain(d, d.Scalar());
    }
  }
  void id_equals(std::string_view key, const std::string& expected, const char* what) {
    auto v = get_string(doc_.root, key);
    if (v && *v != expected)
      check_.error(child(doc_.root, key), fmt::format("'{}' does not match its {} '{}'", key, what, expected));
  }

  void client() {
    const auto parts = split_path();
    id_equals("id", parts.size() >= 2 ? parts[1] : "", "folder name");
    worker(doc_.root, "worker");
    auto name = get_string(doc_.root, "name");
    if (name && to_nfc(*name) != *name)
      check_.warning(child(doc_.root, "name"), "name is not in Unicode NFC form; `caseload fmt` does not change names, re-type it");
    auto status = get_string(doc_.root, "status");
    if (status == "closed" && !get_string(doc_.root, "closed"))
      check_.warning(child(doc_.root, "status"), "client is closed but has no 'closed' date");
    if (status == "open" && get_string(doc_.root, "closed"))
      check_.warning(child(doc_.root, "closed"), "client is open but has a 'closed' date");
    YAML::Node enrollments = child(doc_.root, "enrollments");
    if (enrollments.IsSequence()) {
      for (const auto& e : enrollments) {
        auto program = get_string(e, "program");
        if (program && !facts_.settings->find_program(*program))
          check_.error(child(e, "program"), "'program': unknown program: not listed under programs in caseload.yaml");
        enrollment_history(e);
        enrollment_documents(e);
      }
    }
    YAML::Node consents = child(doc_.root, "consent");
    if (consents.IsSequence()) {
      for (const auto& c : consents) {
        auto given = Date::parse(get_string(c, "given").value_or(""));
        auto expires = Date::parse(get_string(c, "expires").value_or(""));
        if (given && expires && *expires < *given)
          check_.error(child(c, "expires"), "consent expires before it was given");
      }
    }
  }

  // An enrollment's history runs in date order, as the commands append it:
  // the report period starts at its last `reported` entry.
  void enrollment_history(const YAML::Node& enrollment) {
    YAML::Node history = child(enrollment, "history");
    if (!history.IsSequence()) return;
    std::optional<Date> last;
    for (const auto& h : history) in_date_order(h, last);
  }

  // A history entry dated before the one above it (`last`: the latest date so far).
  void in_date_order(const YAML::Node& entry, std::optional<Date>& last) {
    auto date = Date::parse(get_string(entry, "date").value_or(""));
    if (date && last && *date < *last)
      check_.error(child(entry, "date"), "history out of date order: this entry is dated before the one above it");
    if (date) last = date;
  }

  // One entry per document: the commands update the entry in place, and a
  // second one (a hand edit) would leave it unclear which holds.
  void enrollment_documents(const YAML::Node& enrollment) {
    YAML::Node documents = child(enrollment, "documents");
    if (!documents.IsSequence()) return;
    std::set<std::string> seen;
    for (const auto& d : documents) {
      auto id = get_string(d, "id");
      if (id && !seen.insert(*id).second)
        check_.warning(child(d, "id"), "document listed twice in this enrollment: keep one entry");
    }
  }

  void assessment() {
    const std::string stem = file_stem(doc_.path);
    if (is_assessment_stem(stem)) id_equals("date", stem.substr(0, 10), "file name's date");
    worker(doc_.root, "worker");
    YAML::Node scores = child(doc_.root, "scores");
    if (scores.IsMap()) {
      for (auto it = scores.begin(); it != scores.end(); ++it) {
        if (!it->first.IsScalar()) continue;
        domain(it->first, it->first.Scalar());
        score(it->second);
      }
    }
    domains_in(doc_.root, "needs");
  }

  void plan() {
    std::set<std::string> goal_ids, task_ids;
    YAML::Node goals = child(doc_.root, "goals");
    if (!goals.IsSequence()) return;
    for (const auto& g : goals) {
      unique_id(g, goal_ids, 'g', "goal");
      if (auto d = get_string(g, "domain")) domain(child(g, "domain"), *d);
      YAML::Node tasks = child(g, "tasks");
      if (!tasks.IsSequence()) continue;
      for (const auto& t : tasks) unique_id(t, task_ids, 't', "task");
    }
  }

  void referral() {
    id_equals("id", file_stem(doc_.path), "file name");
    auto resource = get_string(doc_.root, "resource");
    if (resource && std::find(facts_.resources.begin(), facts_.resources.end(), *resource) == facts_.resources.end())
      check_.error(child(doc_.root, "resource"), "'resource': unknown resource: no such file in resources/");
    if (auto d = get_string(doc_.root, "domain")) domain(child(doc_.root, "domain"), *d);
    referral_history();
  }

  // The history tells how the referral got to its status: it starts as
  // draft or sent, runs in date order, moves only as the lifecycle allows,
  // and ends in the status the referral has.
  void referral_history() {
    YAML::Node history = child(doc_.root, "history");
    if (!history.IsSequence()) return;
    if (history.size() == 0) return check_.error(history, "history is empty: it records at least the referral being sent");
    std::optional<Date> last_date;
    std::optional<std::string> last_status;
    Location last_status_at;
    bool first = true;
    for (const auto& h : history) {
      if (!h.IsMap()) continue;
      worker(h, "worker");
      in_date_order(h, last_date);
      auto status = get_string(h, "status");
      if (status && is_referral_status(*status)) history_move(h, first, last_status, *status);
      last_status = status;
      last_status_at = doc_.where(child(h, "status"));
      first = false;
    }
    auto status = get_string(doc_.root, "status");
    if (status && last_status && *status != *last_status)
      check_.error(child(doc_.root, "status"),
                   fmt::format("'status' disagrees with the last history entry (line {})", last_status_at.line));
  }

  void history_move(const YAML::Node& entry, bool first, const std::optional<std::string>& from, const std::string& to) {
    if (first && !is_initial_referral_status(to)) {
      check_.error(child(entry, "status"), "history: a referral starts as draft or sent");
    } else if (!first && from && is_referral_status(*from) && *from != to && !referral_transition_allowed(*from, to)) {
      // A repeated status is a second note on the same state (two workers
      // who both recorded it, merged by sync), not a move.
      check_.error(child(entry, "status"),
                   "history: a move from the entry above that the referral lifecycle does not allow (see caseload(5))");
    }
  }

  void contact() {
    const std::string stem = file_stem(doc_.path);
    if (is_contact_stem(stem)) {
      auto when = DateTime::parse(get_string(doc_.root, "date").value_or(""));
      const std::string expected = stem.substr(0, 10) + "T" + stem.substr(11, 4);
      if (when && when->date.str() + "T" + when->compact_time() != expected && when->has_time())
        check_.error(child(doc_.root, "date"), fmt::format("'date' does not match its file name '{}'", stem));
      if (when && !when->has_time() && when->date.str() != stem.substr(0, 10))
        check_.error(child(doc_.root, "date"), fmt::format("'date' does not match its file name '{}'", stem));
      auto kind = get_string(doc_.root, "kind");
      std::string name_kind = stem.substr(16, stem.find('-', 16) == std::string::npos ? std::string::npos : stem.find('-', 16) - 16);
      if (kind && *kind != name_kind)
        check_.error(child(doc_.root, "kind"), fmt::format("'kind' does not match its file name '{}'", stem));
    }
    worker(doc_.root, "worker");
  }

  void resource() {
    id_equals("id", file_stem(doc_.path), "file name");
    domains_in(doc_.root, "domains");
  }

  void settings() {
    const Settings& s = *facts_.settings;
    std::set<std::string> ids;
    YAML::Node workers = child(doc_.root, "workers");
    if (workers.IsSequence()) {
      for (const auto& w : workers) {
        auto id = get_string(w, "id");
        if (!id) continue;
        if (!is_worker_id(*id)) check_.error(child(w, "id"), "'id': a worker ID is lower-case letters, digits and '-'");
        if (!ids.insert(*id).second) check_.error(child(w, "id"), "duplicate worker ID: each worker is listed once");
      }
    }
    YAML::Node defaults = child(doc_.root, "defaults");
    if (auto w = get_string(defaults, "worker"); w && !s.find_worker(*w))
      check_.error(child(defaults, "worker"), "'worker': the default worker is not listed under workers");
    // 0 would show every group, however small, in an export meant to be redacted.
    if (auto g = get_string(child(doc_.root, "stats"), "min_group"); g && !g->empty() && *g == std::string(g->size(), '0'))
      check_.error(child(child(doc_.root, "stats"), "min_group"), "'min_group': at least 1");
    auto schema = get_string(doc_.root, "schema");
    if (schema && *schema != "1")
      check_.error(child(doc_.root, "schema"), "'schema': not supported by this version, which reads schema 1");
    criteria();
    YAML::Node scale = child(doc_.root, "scale");
    if (scale.IsMap()) {
      for (auto it = scale.begin(); it != scale.end(); ++it) {
        const std::string k = it->first.IsScalar() ? it->first.Scalar() : "";
        if (k.empty() || k.size() > 1 || k[0] < '1' || k[0] > '9')
          check_.error(it->first, "a scale level is a number from 1 to 9");
      }
    }
  }

  // Each program's criteria (core/screening says what a well-formed one is) and template name.
  void criteria() {
    YAML::Node programs = child(doc_.root, "programs");
    if (!programs.IsSequence()) return;
    for (const auto& p : programs) {
      // The name becomes a path under templates/: nothing that can leave it.
      if (auto t = get_string(p, "template"); t && !is_resource_id(*t))
        check_.error(child(p, "template"), "'template': a template is named by [a-z0-9-] (templates/NAME.md)");
      YAML::Node list = child(p, "criteria");
      if (!list.IsSequence()) continue;
      for (const auto& node : list) {
        if (!node.IsMap()) continue;  // the schema reports it
        Criterion c;
        c.fact = get_string(node, "fact").value_or("");
        if (c.fact.empty()) continue;  // required: the schema reports it
        c.min = get_string(node, "min").value_or("");
        c.max = get_string(node, "max").value_or("");
        c.is = get_string(node, "is").value_or("");
        c.any_of = get_strings(node, "any_of");
        if (auto problem = criterion_problem(c, *facts_.settings)) {
          YAML::Node at = child(node, problem->key);
          check_.error(at.IsDefined() ? at : YAML::Node(node), problem->message);
        }
      }
    }
  }

 private:
  std::vector<std::string> split_path() const {
    std::vector<std::string> parts;
    size_t start = 0;
    while (start <= doc_.path.size()) {
      size_t end = doc_.path.find('/', start);
      if (end == std::string::npos) end = doc_.path.size();
      parts.push_back(doc_.path.substr(start, end - start));
      start = end + 1;
    }
    return parts;
  }

  void score(const YAML::Node& v) {
    const auto& scale = facts_.settings->scale;
    const std::string s = v.IsScalar() ? v.Scalar() : "";
    bool ok = s == "0" || (s.size() == 1 && s[0] >= '1' && s[0] <= '9' && scale.count(s[0] - '0'));
    if (!ok) {
      std::string levels = "0 (not applicable)";
      for (const auto& [level, label] : scale) levels += fmt::format(", {} ({})", level, label);
      check_.error(v, fmt::format("score not on the scale: {}", levels));
    }
  }

  void unique_id(const YAML::Node& item, std::set<std::string>& seen, char prefix, const char* what) {
    auto id = get_string(item, "id");
    if (!id) return;
    bool form = id->size() >= 2 && (*id)[0] == prefix &&
                id->find_first_not_of("0123456789", 1) == std::string::npos;
    if (!form) check_.error(child(item, "id"), fmt::format("'id': a {} ID is {}<N>", what, prefix));
    if (!seen.insert(*id).second)
      check_.error(child(item, "id"), fmt::format("duplicate {} ID: IDs are unique in the client", what));
  }

  const Document& doc_;
  const StoreFacts& facts_;
  Checker check_;
  Diagnostics& out_;
};

}  // namespace

void validate_shape(const Document& doc, Diagnostics& out) {
  Checker(doc, out).map(doc.root, *doc.schema, "");
}

void validate_record(const Document& doc, const StoreFacts& facts, Diagnostics& out) {
  validate_shape(doc, out);
  const RecordType* type = record_type_of(*doc.schema);
  if (!type) return;
  // A resource's file name is its ID, checked before it is read (TreeWalk).
  if (type->place == Place::ClientEvents && !type->is_stem(file_stem(doc.path)))
    out.push_back({{doc.path, 0, 0}, Severity::Error, std::string(type->name_rule)});
  if (type->rules) type->rules(doc, facts, out);
}

namespace hooks {
void settings_rules(const Document& d, const StoreFacts& f, Diagnostics& out) { RecordRules(d, f, out).settings(); }
void resource_rules(const Document& d, const StoreFacts& f, Diagnostics& out) { RecordRules(d, f, out).resource(); }
void client_rules(const Document& d, const StoreFacts& f, Diagnostics& out) { RecordRules(d, f, out).client(); }
void plan_rules(const Document& d, const StoreFacts& f, Diagnostics& out) { RecordRules(d, f, out).plan(); }
void assessment_rules(const Document& d, const StoreFacts& f, Diagnostics& out) { RecordRules(d, f, out).assessment(); }
void contact_rules(const Document& d, const StoreFacts& f, Diagnostics& out) { RecordRules(d, f, out).contact(); }
void referral_rules(const Document& d, const StoreFacts& f, Diagnostics& out) { RecordRules(d, f, out).referral(); }
}  // namespace hooks

std::vector<int> comment_lines(const std::string& text) {
  std::vector<int> lines;
  int line_no = 0;
  int block_indent = -1;  // inside a literal/folded block deeper than this indent
  for (const std::string& text_line : split_lines(text)) {
    const std::string_view line = text_line;
    ++line_no;
    const size_t first = line.find_first_not_of(' ');
    if (first == std::string_view::npos) continue;
    const int indent = static_cast<int>(first);
    if (block_indent >= 0 && indent > block_indent) continue;
    block_indent = -1;
    char quote = 0;
    size_t comment_at = std::string_view::npos;
    for (size_t i = first; i < line.size(); ++i) {
      char c = line[i];
      if (quote) {
        if (c == quote) quote = 0;
        else if (c == '\\' && quote == '"') ++i;
      } else if (c == '"' || c == '\'') {
        if (i == first || line[i - 1] == ' ' || line[i - 1] == '[' || line[i - 1] == '{' || line[i - 1] == ',') quote = c;
      } else if (c == '#' && (i == first || line[i - 1] == ' ' || line[i - 1] == '\t')) {
        lines.push_back(line_no);
        comment_at = i;
        break;
      }
    }
    // A block scalar starts when the line ends with | or > (and indicators),
    // ignoring a comment after them ("notes: | # about the notes").
    const std::string_view code = line.substr(0, comment_at);
    std::string_view trimmed = code.substr(0, code.find_last_not_of(" \t") + 1);
    auto bar = trimmed.find_last_of("|>");
    if (bar != std::string_view::npos && bar > 0 && trimmed[bar - 1] == ' ' &&
        trimmed.substr(bar + 1).find_first_not_of("+-0123456789") == std::string_view::npos) {
      block_indent = indent;
    }
  }
  return lines;
}

namespace {

constexpr const char* k_temp_message =
    "leftover temporary file of an interrupted write; the record itself is intact, delete this file";
constexpr const char* k_link_message =
    "symbolic link: caseload does not follow links in the store; replace it with the file";

// What in the tree is not a record: temp files, links, stray files and folders.
class TreeWalk {
 public:
  TreeWalk(const Store& store, Diagnostics& out) : store_(store), out_(out) {}

  void run() {
    const RecordType& resource = record_type<Resource>();
    entries(std::string(resource.file), [&](const std::string& path, const std::string& name, bool is_dir) {
      if (is_dir || !name.ends_with(".yaml")) return unknown(path);
      if (!resource.is_stem(name.substr(0, name.size() - 5))) add(path, Severity::Error, std::string(resource.name_rule));
    });
    entries("clients", [&](const std::string& path, const std::string& name, bool is_dir) {
      if (!is_dir) return unknown(path);
      if (!is_client_id(name)) return add(path, Severity::Error, "a client folder is named by a 6-character client ID");
      if (!store_.exists(record_type<Client>().in_client(path))) add(path, Severity::Error, "client folder without client.yaml");
      client(path);
    });
    entries(k_templates_dir, [&](const std::string& path, const std::string& name, bool is_dir) {
      if (is_dir || !name.ends_with(".md")) unknown(path);
    });
  }

 private:
  void client(const std::string& dir) {
    entries(dir, [&](const std::string& path, const std::string& name, bool is_dir) {
      const Place place = is_dir ? Place::ClientEvents : Place::ClientFile;
      const auto& types = all_record_types();
      if (std::none_of(types.begin(), types.end(), [&](const RecordType& t) { return t.place == place && t.file == name; }))
        return unknown(path);
      if (!is_dir) return;
      entries(path, [&](const std::string& file, const std::string& file_name, bool file_is_dir) {
        if (file_is_dir || !file_name.ends_with(".yaml")) unknown(file);
      });
    });
  }

  template <typename F>
  void entries(const std::string& dir, F&& visit) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(store_.root() / dir, ec)) {
      const std::string name = entry.path().filename().string();
      const std::string path = dir + "/" + name;
      std::error_code sec;
      if (is_temp_name(name)) {
        add(path, Severity::Warning, k_temp_message);
      } else if (fs::is_symlink(entry.symlink_status(sec))) {
        add(path, Severity::Error, k_link_message);
      } else {
        visit(path, name, fs::is_directory(entry.symlink_status(sec)));
      }
    }
  }

  void unknown(const std::string& path) { add(path, Severity::Warning, "a file caseload does not know; it is ignored"); }
  void add(const std::string& path, Severity severity, std::string message) {
    out_.push_back({{path, 0, 0}, severity, std::move(message)});
  }

  const Store& store_;
  Diagnostics& out_;
};


// A referral points into its client's other files: the plan goal it serves,
// and the consent that lets the client's information go to the resource;
// and into the directory: the service it is for.
// Checks across files, reading each client's record and plan once.
class ReferralLinks {
 public:
  // Without `today` the consent of open referrals is not checked: whether
  // it is in force depends on the day.
  ReferralLinks(const Store& store, const Date* today, Diagnostics& out) : store_(store), today_(today), out_(out) {
    for (auto& r : store.load_resources(nullptr)) resources_.emplace(r.id, std::move(r));
  }

  void check(const Document& doc) {
    const Referral r = decode_record<Referral>(doc);
    const std::string dir = doc.path.substr(0, doc.path.find("/" + std::string(record_type<Referral>().file) + "/"));
    goal(doc, r, dir);
    service(doc, r);
    if (today_) consent(doc, r, dir);
  }

 private:
  void goal(const Document& doc, const Referral& r, const std::string& dir) {
    if (r.goal.empty()) return;
    const auto& ids = goals_of(dir);
    if (!ids || std::find(ids->begin(), ids->end(), r.goal) != ids->end()) return;
    out_.push_back({doc.where(child(doc.root, "goal")), Severity::Error,
                    "'goal': not a goal of the client's plan.yaml"});
  }

  // A warning, not an error: a resource may stop offering a service that
  // earlier referrals were for.
  void service(const Document& doc, const Referral& r) {
    if (r.service.empty()) return;
    auto it = resources_.find(r.resource);
    if (it == resources_.end() || contains(it->second.services, r.service)) return;
    out_.push_back({doc.where(child(doc.root, "service")), Severity::Warning,
                    fmt::format("'service': not one of the services resource '{}' lists; correct it, or add the "
                                "service to its services with `caseload resource edit {}`",
                                r.resource, r.resource)});
  }

  // Open referrals share the client's information with the resource, so a
  // consent must still cover it today.
  void consent(const Document& doc, const Referral& r, const std::string& dir) {
    if (!is_referral_status(r.status) || r.status == "draft" || is_final_referral_status(r.status)) return;
    auto it = resources_.find(r.resource);
    if (it == resources_.end()) return;  // an unknown resource is an error of its own
    const std::string& organization = it->second.organization;
    const auto& consents = consents_of(dir);
    if (!consents || consent_covers(*consents, r.resource, organization, *today_)) return;
    const std::string lapse = consent_lapse(*consents, r.resource, organization, *today_);
    out_.push_back({doc.where(child(doc.root, "status")), Severity::Warning,
                    fmt::format("open referral to '{}' without a consent in force: {}; record one with "
                                "`caseload consent {} add {}`, or cancel the referral",
                                r.resource, lapse.empty() ? "no consent names it" : "the consent " + lapse,
                                dir.substr(dir.rfind('/') + 1), r.resource)});
  }

  // A file that cannot be read gives nothing here: it is reported on its own.
  template <typename T, typename Read>
  const std::optional<T>& cached(std::map<std::string, std::optional<T>>& cache, const std::string& key, Read read) {
    auto [it, fresh] = cache.try_emplace(key);
    if (fresh) {
      try {
        it->second = read();
      } catch (const Error&) {
      }
    }
    return it->second;
  }

  const std::optional<std::vector<Consent>>& consents_of(const std::string& client_dir) {
    return cached(consents_, client_dir, [&] {
      return decode_record<Client>(store_.read(record_type<Client>().in_client(client_dir), schemas::client())).consents;
    });
  }

  // A referral's goal with no plan.yaml at all is as unknown as one missing from it.
  const std::optional<std::vector<std::string>>& goals_of(const std::string& client_dir) {
    return cached(goals_, client_dir, [&] {
      std::vector<std::string> ids;
      const std::string path = record_type<Plan>().in_client(client_dir);
      if (!store_.exists(path)) return ids;
      for (const auto& g : decode_record<Plan>(store_.read(path, schemas::plan())).goals) ids.push_back(g.id);
      return ids;
    });
  }

  const Store& store_;
  const Date* today_;
  Diagnostics& out_;
  std::map<std::string, Resource> resources_;                              // by ID
  std::map<std::string, std::optional<std::vector<Consent>>> consents_;  // client folder -> consents
  std::map<std::string, std::optional<std::vector<std::string>>> goals_;  // client folder -> plan goal IDs
};

// Dates that cannot be right as of today, as the commands that write these
// records refuse them: a contact done, an assessment, a birth or an opening
// in the future. (Old dates are normal in a store, so unlike a new record's
// they raise nothing here.)
void future_dates(const Document& doc, const RecordType* type, const Date& today, Diagnostics& out) {
  auto future = [&](std::string_view key, const std::optional<Date>& date, const char* what, const char* advice = "") {
    if (!date || *date <= today) return;
    out.push_back({doc.where(child(doc.root, key)), Severity::Error,
                   fmt::format("{} cannot be in the future (after today, {}){}", what, today.str(), advice)});
  };
  if (type == &record_type<Client>()) {
    const Client c = decode_record<Client>(doc);
    future("born", earliest_day_of(c.born), "a birth date");
    future("opened", c.opened, "the opening date");
  } else if (type == &record_type<Contact>()) {
    const Contact c = decode_record<Contact>(doc);
    if (c.status == "done" && c.date)
      future("date", c.date->date, "a contact with status done", "; a planned contact has status scheduled");
  } else if (type == &record_type<Assessment>()) {
    future("date", decode_record<Assessment>(doc).date, "an assessment");
  }
}

Diagnostics check_store_as_of(const Store& store, const Date* today) {
  Diagnostics out;
  ReferralLinks referral_links(store, today, out);
  StoreFacts facts{&store.settings(), store.resource_ids()};
  std::map<std::string, std::pair<std::string, Location>> people;  // name|born -> (id, where)

  auto duplicate_person = [&](const Document& doc) {
    Client c = decode_record<Client>(doc);
    if (c.name.empty() || c.born.empty()) return;
    const Location where = doc.where(child(doc.root, "name"));
    auto [it, fresh] = people.emplace(search_key(c.name) + "|" + c.born, std::make_pair(c.id, where));
    if (!fresh) {
      out.push_back({where, Severity::Error,
                     fmt::format("duplicate client: same name and birth date as {} ({})", it->second.first,
                                 it->second.second.str())});
    }
  };
  auto check_document = [&](const Document& doc) {
    validate_record(doc, facts, out);
    for (int line : comment_lines(doc.text)) {
      out.push_back({{doc.path, line, 0}, Severity::Warning,
                     "comment: caseload drops YAML comments when it rewrites this file; use a notes field"});
    }
  };

  check_document(store.settings_document());
  for (const auto& file : store.record_files()) {
    try {
      Document doc = store.read(file.path, *file.type->schema);
      check_document(doc);
      // Checks across files, by the kind of record.
      if (file.type == &record_type<Client>()) duplicate_person(doc);
      if (file.type == &record_type<Referral>()) referral_links.check(doc);
      if (today) future_dates(doc, file.type, *today, out);
    } catch (const DataError& e) {
      out.push_back({e.where(), Severity::Error, e.message()});
    } catch (const Error& e) {
      out.push_back({{file.path, 0, 0}, Severity::Error, e.what()});
    }
  }
  TreeWalk(store, out).run();
  // Each template a program names: found, a regular file, its placeholders known.
  for (const auto& p : store.settings().programs) {
    if (p.template_name.empty()) continue;
    try {
      program_report_template(store, p);
    } catch (const DataError& e) {
      out.push_back({e.where(), Severity::Error, e.message()});
    } catch (const Error& e) {
      out.push_back({{"caseload.yaml", 0, 0}, Severity::Error, e.what()});
    }
  }
  sort_diagnostics(out);
  return out;
}

}  // namespace

Diagnostics check_store(const Store& store) { return check_store_as_of(store, nullptr); }

Diagnostics check_store(const Store& store, const Date& today) { return check_store_as_of(store, &today); }

}  // namespace caseload
