// caseload resource add|list|show|edit: the referral directory, one file
// per resource under resources/ (after Open Referral HSDS: organization,
// service, location, contact, eligibility, fees, languages).
#include <fmt/format.h>

#include <algorithm>

#include "caseload/cli/terminal_safe.hpp"
#include "caseload/cli/commands.hpp"
#include "caseload/cli/common.hpp"
#include "caseload/cli/editing.hpp"
#include "caseload/cli/new_records.hpp"
#include "caseload/cli/snapshot.hpp"
#include "caseload/core/ids.hpp"
#include "caseload/core/text.hpp"
#include "caseload/report/csv.hpp"
#include "caseload/report/json.hpp"

namespace caseload {
namespace {

struct ResourceOptions {
  std::string action;  // add, list, show, edit
  std::string id, name, organization, phone, email, url, address, hours, eligibility, fees;
  std::vector<std::string> domains, services, languages;
  std::string domain, language;  // list filters
};

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// A language filter matches the tag itself and its regional forms: en matches en-GB.
bool speaks(const Resource& r, const std::string& language) {
  const std::string want = lower(language);
  return std::any_of(r.languages.begin(), r.languages.end(), [&](const std::string& tag) {
    const std::string t = lower(tag);
    return t == want || t.starts_with(want + "-");
  });
}

std::vector<std::string> one_lines(const std::vector<std::string>& values, const std::string& flag) {
  std::vector<std::string> out;
  for (const auto& v : values) {
    std::string line = one_line_option(v, flag);
    if (line.empty()) throw UsageError(fmt::format("{} must not be empty", flag));
    if (!contains(out, line)) out.push_back(line);
  }
  return out;
}

std::vector<std::string> language_tags(const std::vector<std::string>& values) {
  for (const auto& tag : values) {
    if (!is_language_tag(tag))
      throw UsageError(fmt::format("--language: '{}' is not a language tag", tag),
                       "use BCP 47 tags such as fi, sv, en, tl, id, bn, en-US");
  }
  return one_lines(values, "--language");
}

Document resource_document(Context& ctx, const Store& store, const ResourceOptions& o, const std::string& name) {
  Document doc = new_document(resource_path(o.id), schemas::resource());
  YAML::Node& r = doc.root;
  set_scalar(r, "id", o.id);
  set_scalar(r, "name", name);
  auto line = [&](const char* key, const std::string& value, const char* flag) {
    if (std::string v = one_line_option(value, flag); !v.empty()) set_scalar(r, key, v);
  };
  auto text = [&](const char* key, const std::string& value, const char* flag) {
    if (std::string v = value.empty() ? "" : text_option(ctx, value, flag); !v.empty()) set_scalar(r, key, v);
  };
  line("organization", o.organization, "--organization");
  std::vector<std::string> domains;
  for (const auto& d : o.domains) domains.push_back(parse_need(store.settings(), d));
  if (!domains.empty()) set_strings(r, "domains", one_lines(domains, "--domain"));
  if (!o.services.empty()) set_strings(r, "services", one_lines(o.services, "--service"));
  line("phone", o.phone, "--phone");
  line("email", o.email, "--email");
  line("url", o.url, "--url");
  text("address", o.address, "--address");
  line("hours", o.hours, "--hours");
  text("eligibility", o.eligibility, "--eligibility");
  line("fees", o.fees, "--fees");
  if (!o.languages.empty()) set_strings(r, "languages", language_tags(o.languages));
  return doc;
}

int run_add(const ResourceOptions& o, Context& ctx) {
  Store store = ctx.open_store();
  const std::string path = resource_path(o.id);
  const std::string name = o.name.empty() ? prompt_required(ctx, "Name of the service", "--name")
                                          : one_line_option(o.name, "--name");
  if (name.empty()) throw UsageError("--name must not be empty");
  const Document doc = resource_document(ctx, store, o, name);
  Transaction tx(store, ctx.lock_wait());
  if (store.exists(path)) {
    throw Error(fmt::format("resource {} already exists ({})", o.id, path),
                fmt::format("change it with `caseload resource edit {}`, or choose another ID", o.id));
  }
  tx.write(doc);
  if (!ctx.global.quiet) ctx.out << path << '\n';
  return k_exit_ok;
}

void write_json(std::ostream& out, const std::vector<Resource>& resources) {
  JsonWriter w(out);
  w.begin_array();
  for (const auto& r : resources) {
    w.begin_object();
    w.key("id"); w.value(r.id);
    w.key("name"); w.value(r.name);
    w.key("organization"); w.value(std::optional<std::string>(r.organization));
    w.key("domains"); w.value(r.domains);
    w.key("services"); w.value(r.services);
    w.key("phone"); w.value(std::optional<std::string>(r.phone));
    w.key("email"); w.value(std::optional<std::string>(r.email));
    w.key("url"); w.value(std::optional<std::string>(r.url));
    w.key("address"); w.value(std::optional<std::string>(display_text(r.address)));
    w.key("hours"); w.value(std::optional<std::string>(r.hours));
    w.key("eligibility"); w.value(std::optional<std::string>(display_text(r.eligibility)));
    w.key("fees"); w.value(std::optional<std::string>(r.fees));
    w.key("languages"); w.value(r.languages);
    w.end_object();
  }
  w.end_array();
}

void write_csv(std::ostream& out, const std::vector<Resource>& resources) {
  write_csv_row(out, {"id", "name", "organization", "domains", "services", "phone", "email", "url", "address", "hours",
                      "eligibility", "fees", "languages"});
  for (const auto& r : resources) {
    write_csv_row(out, {r.id, r.name, r.organization, csv_list(r.domains), csv_list(r.services), r.phone, r.email,
                        r.url, display_text(r.address), r.hours, display_text(r.eligibility), r.fees,
                        csv_list(r.languages)});
  }
}

// `empty_note` says why nothing is listed: an empty directory or filters.
void write_table(Context& ctx, const std::vector<Resource>& resources, const char* empty_note) {
  if (resources.empty()) {
    if (!ctx.global.quiet) ctx.err << empty_note << '\n';
    return;
  }
  Table t;
  t.headers = {"ID", "NAME", "ORGANIZATION", "DOMAINS", "LANGUAGES", "PHONE"};
  t.max_width = {0, 32, 28, 0, 0, 0};
  for (const auto& r : resources) t.rows.push_back({r.id, r.name, r.organization, join(r.domains), join(r.languages), r.phone});
  print_table(ctx.out, t, ctx.style());
}

int run_list(const ResourceOptions& o, Context& ctx) {
  Store store = ctx.open_store();
  const std::string format = ctx.format("table", {"table", "json", "csv"});
  if (!o.domain.empty()) parse_need(store.settings(), o.domain);  // unknown: a usage error listing the domains
  if (!o.language.empty() && !is_language_tag(o.language))
    throw UsageError(fmt::format("--language: '{}' is not a language tag", o.language), "e.g. fi, en, tl, bn");
  Diagnostics warnings;
  std::vector<Resource> resources = store.load_resources(&warnings);
  print_warnings(ctx, warnings);
  const char* empty_note = resources.empty() ? "The directory has no resources; `caseload resource add ID --name NAME` adds one."
                                             : "No resources match.";
  std::erase_if(resources, [&](const Resource& r) {
    return (!o.domain.empty() && !contains(r.domains, o.domain)) || (!o.language.empty() && !speaks(r, o.language));
  });
  if (format == "json") write_json(ctx.out, resources);
  else if (format == "csv") write_csv(ctx.out, resources);
  else write_table(ctx, resources, empty_note);
  return k_exit_ok;
}

int run_resource_show(const ResourceOptions& o, Context& ctx) {
  Store store = ctx.open_store();
  Resource r = known_resource(store, o.id);
  make_terminal_safe(r);
  const Style style = ctx.style();
  ctx.out << style.bold(r.name) << "  " << r.id << '\n';
  auto field = [&](const char* label, const std::string& value) {
    if (!value.empty()) ctx.out << fmt::format("{}: {}\n", label, value);
  };
  auto block = [&](const char* label, const std::string& value) {
    if (value.empty()) return;
    ctx.out << label << ":\n";
    std::string text = display_text(value);
    // Not split_lines: a value of only newlines still shows one (empty) line.
    for (size_t start = 0; start <= text.size();) {
      size_t end = std::min(text.find('\n', start), text.size());
      ctx.out << "  " << text.substr(start, end - start) << '\n';
      start = end + 1;
    }
  };
  field("organization", r.organization);
  field("domains", join(r.domains));
  field("services", join(r.services));
  field("phone", r.phone);
  field("email", r.email);
  field("url", r.url);
  block("address", r.address);
  field("hours", r.hours);
  block("eligibility", r.eligibility);
  field("fees", r.fees);
  field("languages", join(r.languages));
  return k_exit_ok;
}

int run_edit(const ResourceOptions& o, Context& ctx) {
  Store store = ctx.open_store();
  known_resource(store, o.id);
  return edit_record(ctx, store, resource_path(o.id), schemas::resource());
}

int run_resource(const ResourceOptions& o, Context& ctx) {
  if (o.action == "add") return run_add(o, ctx);
  if (o.action == "list") return run_list(o, ctx);
  if (o.action == "show") return run_resource_show(o, ctx);
  return run_edit(o, ctx);
}

CLI::App* action(CLI::App* parent, const char* name, const char* help, std::shared_ptr<ResourceOptions> o) {
  CLI::App* sub = parent->add_subcommand(name, help);
  sub->callback([o, name] { o->action = name; });
  sub->fallthrough();
  return sub;
}

void add_options(CLI::App* add, ResourceOptions& o) {
  add->add_option("id", o.id, "The resource's ID: lower-case letters, digits and '-', e.g. food-bank-north")->required();
  add->add_option("--name", o.name, "The service's name, e.g. North Side Food Bank");
  add->add_option("--organization", o.organization, "The organization that runs it");
  add->add_option("--domain", o.domains, "A domain it serves (from caseload.yaml); repeatable")->allow_extra_args(false);
  add->add_option("--service", o.services, "A service it offers, e.g. 'food parcels'; repeatable")->allow_extra_args(false);
  add->add_option("--phone", o.phone, "Phone number");
  add->add_option("--email", o.email, "Email address");
  add->add_option("--url", o.url, "Web address");
  add->add_option("--address", o.address, "Where it is (several lines allowed; - reads stdin)");
  add->add_option("--hours", o.hours, "Opening hours, e.g. 'Mon-Fri 9-16'");
  add->add_option("--eligibility", o.eligibility, "Who can use it (several lines allowed; - reads stdin)");
  add->add_option("--fees", o.fees, "What it costs, e.g. free");
  add->add_option("--language", o.languages, "A language it serves in, as a BCP 47 tag; repeatable")->allow_extra_args(false);
}

}  // namespace

std::string resource_path(const std::string& id) {
  if (!is_resource_id(id)) {
    throw UsageError(fmt::format("'{}' is not a resource ID", id),
                     "resource IDs are lower-case letters, digits and '-', e.g. food-bank-north");
  }
  return std::string(record_type<Resource>().file) + "/" + id + ".yaml";
}

Resource known_resource(const Store& store, const std::string& id) {
  resource_path(id);
  auto found = store.load_resource(id);
  if (!found) {
    throw Error(fmt::format("no resource '{}' in the directory", id),
                "`caseload resource list` shows the directory; `caseload resource add` adds to it");
  }
  return *found;
}

void setup_resource(CLI::App& app, Runner& run) {
  auto o = std::make_shared<ResourceOptions>();
  auto* cmd = add_command(app, run, "resource", "The referral directory: add, list, show and edit resources", o,
                          run_resource);
  cmd->require_subcommand(1);
  add_options(action(cmd, "add", "Add a resource to the directory", o), *o);
  auto* list = action(cmd, "list", "List the directory (--format json|csv for scripts)", o);
  takes_format(list);
  list->add_option("--domain", o->domain, "Only resources serving this domain");
  list->add_option("--language", o->language, "Only resources serving in this language (en matches en-GB)");
  auto* show = action(cmd, "show", "Everything about one resource", o);
  show->add_option("id", o->id, "The resource's ID")->required();
  auto* edit = action(cmd, "edit", "Edit a resource in $VISUAL/$EDITOR, validated before saving", o);
  edit->add_option("id", o->id, "The resource's ID")->required();
}

}  // namespace caseload
