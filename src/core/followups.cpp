#include "caseload/core/followups.hpp"
#include "caseload/core/paperwork.hpp"
#include "caseload/core/plan.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

#include "caseload/core/choices.hpp"
#include "caseload/core/text.hpp"

namespace caseload {
namespace {

// Higher risk first: the reverse of the order of choices::risk (low, medium,
// high). No risk, or one outside the list, after them all.
int risk_rank(const std::string& risk) {
  const int n = static_cast<int>(choices::risk.size());
  const int i = choices::index_of(choices::risk, risk);
  return i < 0 ? n : n - 1 - i;
}

int kind_rank(const std::string& kind) {
  auto it = std::find(k_followup_kinds.begin(), k_followup_kinds.end(), kind);
  return static_cast<int>(it - k_followup_kinds.begin());
}

class Collector {
 public:
  Collector(const ClientRecord& r, const Settings& s, const ResourceNames& resources, const Date& today)
      : r_(r), s_(s), resources_(resources), today_(today) {}

  std::vector<FollowupItem> run() {
    // A client whose client.yaml cannot be read may be open: say so, and
    // nothing else can be known.
    if (!r_.client_readable()) return unreadable();
    if (!r_.client.is_open()) return {};
    unreadable();
    tasks_and_review();
    referrals();
    contacts();
    reassessment();
    enrollments();
    consents();
    finances();
    return std::move(items_);
  }

 private:
  void add(const Date& date, const char* kind, std::string what, std::string ref, std::string path) {
    const long late = days_between(date, today_);
    items_.push_back({date, kind, r_.client.id, r_.client.name, r_.client.worker, r_.client.risk, std::move(what),
                      std::move(ref), std::move(path), late > 0 ? late : 0});
  }

  std::vector<FollowupItem> unreadable() {
    for (const auto& f : r_.unreadable) {
      // The way out: `caseload edit ID [FILE]`, FILE as edit takes it (relative to the folder).
      const std::string folder = "clients/" + r_.client.id + "/";
      std::string file = f.where.path.starts_with(folder) ? f.where.path.substr(folder.size()) : f.where.path;
      const std::string edit = file == "client.yaml" ? r_.client.id : r_.client.id + " " + file;
      // The way out first: a table cuts long text, and FILE names the file.
      // A folder (permission denied) is not edited but opened up.
      std::string what = file.ends_with(".yaml")
                             ? fmt::format("fix with `caseload edit {}`: {} ({})", edit, f.message, f.where.str())
                             : fmt::format("fix the folder's owner or permissions: {} ({})", f.message, f.where.str());
      add(today_, "unreadable", std::move(what), "", f.where.path);
    }
    return items_;
  }

  // Whether the client's file or folder `sub` ("finances.yaml", or
  // "assessments/" for the folder and everything in it) could not be read.
  bool unreadable_under(std::string_view sub) const {
    const std::string folder = "clients/" + r_.client.id + "/" + std::string(sub);
    const bool is_folder = folder.ends_with('/');
    const std::string bare = is_folder ? folder.substr(0, folder.size() - 1) : folder;
    return std::any_of(r_.unreadable.begin(), r_.unreadable.end(), [&](const auto& f) {
      return f.where.path == bare || (is_folder && f.where.path.starts_with(folder));
    });
  }

  void tasks_and_review() {
    if (!r_.plan) return;
    const Plan& plan = *r_.plan;
    if (plan.review) add(*plan.review, "plan-review", "Plan review", "", plan.path);
    for (const auto& goal : plan.goals) {
      for (const auto& task : goal.tasks) {
        if (task_is_open(goal, task) && task.due) add(*task.due, "task", task.text, task.id, plan.path);
      }
    }
  }

  void referrals() {
    for (const auto& ref : r_.referrals) {
      if (is_final_referral_status(ref.status) || !ref.follow_up) continue;
      auto name = resources_.find(ref.resource);
      std::string resource = name != resources_.end() && !name->second.empty() ? name->second : ref.resource;
      add(*ref.follow_up, "referral", fmt::format("{} ({})", resource, ref.status), ref.id, ref.path);
    }
  }

  void contacts() {
    std::optional<Date> first_scheduled;
    for (const auto& c : r_.contacts) {
      if (c.status != "scheduled" || !c.date) continue;
      add(c.date->date, "contact", fmt::format("{}: {}", c.kind, c.summary), c.id, c.path);
      items_.back().minutes = c.date->minutes;
      if (!first_scheduled || c.date->date < *first_scheduled) first_scheduled = c.date->date;
    }
    missed_contacts();
    const Contact* last = r_.last_done_contact();
    const Contact* planned = last_planning_contact();
    const Period cadence = r_.client.contact_every.value_or(s_.defaults.contact_every);
    std::optional<Date> due;
    std::string what;
    // A planned next contact outlives later contacts that set none: an
    // unplanned call must not move a visit planned a week before an eviction
    // to a month out. It lapses once a done contact falls on or after it.
    if (planned && (planned == last || last->date->date < *planned->next)) {
      due = *planned->next;
      what = fmt::format("Contact planned (last {})", last->date->date.str());
    } else if (last) {
      due = cadence.after(last->date->date);
      what = fmt::format("Contact due every {} (last {})", cadence.str(), last->date->date.str());
    } else if (r_.client.opened) {
      due = cadence.after(*r_.client.opened);
      what = fmt::format("Contact due every {} (none since opened)", cadence.str());
    }
    // A scheduled contact on or before the due date already takes care of it.
    if (due && !(first_scheduled && *first_scheduled <= *due)) add(*due, "contact-due", what, "", r_.path);
  }

  // A missed or cancelled contact still has to happen: it asks to be
  // rescheduled until a later contact is scheduled or done. Dated the day it
  // was to happen, or today when that is still ahead (a visit cancelled in
  // advance needs a new date now, not on the old one).
  void missed_contacts() {
    for (const auto& c : r_.contacts) {
      if ((c.status != "missed" && c.status != "cancelled") || !c.date) continue;
      const bool replaced = std::any_of(r_.contacts.begin(), r_.contacts.end(), [&](const Contact& later) {
        return (later.status == "scheduled" || later.status == "done") && later.date && comes_after(*later.date, *c.date);
      });
      if (replaced) continue;
      add(std::min(c.date->date, today_), "contact-missed",
          fmt::format("Reschedule {} ({} {}): {}", c.kind, c.status, c.date->date.str(), c.summary), c.id, c.path);
    }
  }

  // Whether `b` is later than `a`; on the same day, without both times, it
  // cannot be told, and counts as later.
  static bool comes_after(const DateTime& b, const DateTime& a) {
    if (b.date != a.date) return b.date > a.date;
    return !(a.has_time() && b.has_time()) || b.minutes > a.minutes;
  }

  // The latest done contact that planned the next one, the same way
  // last_done_contact picks the latest.
  const Contact* last_planning_contact() const {
    const Contact* found = nullptr;
    for (const auto& c : r_.contacts) {
      if (c.status == "done" && c.date && c.next && (!found || *c.date >= *found->date)) found = &c;
    }
    return found;
  }

  void reassessment() {
    const Assessment* last = nullptr;
    for (const auto& a : r_.assessments) {
      if (a.date && (!last || *a.date >= *last->date)) last = &a;
    }
    if (last) {
      add(s_.defaults.reassess_every.after(*last->date), "reassessment",
          fmt::format("Reassessment every {} (last {})", s_.defaults.reassess_every.str(), last->date->str()), "", last->path);
    } else if (r_.client.opened && !unreadable_under("assessments/")) {
      // (With an assessment that cannot be read, "none yet" would be wrong:
      // its unreadable item stands in for it.)
      add(*r_.client.opened, "reassessment", "Assessment (none yet)", "", r_.path);
    }
  }

  void enrollments() {
    for (const auto& e : r_.client.enrollments) {
      const Program* program = s_.find_program(e.program);
      const std::string name = program && !program->name.empty() ? program->name : e.program;
      if (e.status == "approved") {
        if (e.next_report) add(*e.next_report, "report", fmt::format("{}: progress report", name), e.program, r_.path);
        if (e.renew_by) add(*e.renew_by, "renewal", fmt::format("{}: renewal", name), e.program, r_.path);
      } else if (e.status == "applied" && e.applied && program && program->decision_after) {
        add(program->decision_after->after(*e.applied), "decision",
            fmt::format("{}: decision pending since {}", name, e.applied->str()), e.program, r_.path);
      }
      if (program) documents(*program, name, e);
    }
  }

  // Missing papers hold up a decision from the day of the application, and a
  // report or renewal from k_document_warning_days before it is due.
  void documents(const Program& program, const std::string& name, const Enrollment& e) {
    std::optional<Date> due;
    std::string when;
    if (e.status == "applied") {
      due = e.applied.value_or(today_);
      when = "(application pending)";
    } else if (e.status == "approved") {
      std::optional<Date> deadline;
      for (const auto& d : {e.next_report, e.renew_by})
        if (d && (!deadline || *d < *deadline)) deadline = d;
      if (!deadline) return;
      due = deadline->add_days(-k_document_warning_days);
      when = fmt::format("({} due {})", deadline == e.next_report ? "report" : "renewal", deadline->str());
    } else {
      return;
    }
    for (const auto& d : document_states(program, e))
      if (d.state == "missing") add(*due, "document", fmt::format("{}: {} missing {}", name, d.id, when), d.id, r_.path);
  }

  // A consent about to lapse would stop the referrals it covers: it is due
  // for renewal defaults.consent_warning before its last day, while it is
  // in force and no other consent to the same recipient holds longer.
  void consents() {
    const auto& all = r_.client.consents;
    for (const auto& c : all) {
      if (!c.expires || !c.in_force(today_)) continue;
      const bool renewed = std::any_of(all.begin(), all.end(), [&](const Consent& other) {
        return &other != &c && !other.revoked && search_key(other.to) == search_key(c.to) &&
               (!other.expires || *other.expires > *c.expires);
      });
      if (renewed) continue;
      add(s_.defaults.consent_warning.before(*c.expires), "consent",
          fmt::format("Consent to {} expires {}", c.to, c.expires->str()), c.to, r_.path);
    }
  }

  // Applications and reports are made with the household's income: while a
  // client has an application or a benefit running, the budget is gone
  // through again defaults.finances_every after its last review; one never
  // reviewed is due from the first such application.
  void finances() {
    std::optional<Date> since;
    for (const auto& e : r_.client.enrollments) {
      if ((e.status == "applied" || e.status == "approved") && e.applied && (!since || *e.applied < *since))
        since = e.applied;
    }
    if (!since) return;
    const std::string path = "clients/" + r_.client.id + "/finances.yaml";
    const std::optional<Date> reviewed = r_.finances ? r_.finances->reviewed : std::nullopt;
    if (reviewed) {
      add(s_.defaults.finances_every.after(*reviewed), "finances",
          fmt::format("Budget review every {} (last {})", s_.defaults.finances_every.str(), reviewed->str()), "", path);
    } else if (!unreadable_under("finances.yaml")) {
      // (A finances.yaml that cannot be read has its unreadable item.)
      add(*since, "finances", r_.finances ? "Budget (never reviewed)" : "Budget (none yet)", "",
          r_.finances ? path : r_.path);
    }
  }

  const ClientRecord& r_;
  const Settings& s_;
  const ResourceNames& resources_;
  const Date& today_;
  std::vector<FollowupItem> items_;
};

}  // namespace

bool is_unreadable(const FollowupItem& item) { return item.kind == "unreadable"; }

std::vector<FollowupItem> followups_for(const ClientRecord& record, const Settings& settings,
                                        const ResourceNames& resources, const Date& today) {
  return Collector(record, settings, resources, today).run();
}

void sort_followups(std::vector<FollowupItem>& items) {
  // Within a day, what could not be read comes before everything else.
  std::sort(items.begin(), items.end(), [](const FollowupItem& a, const FollowupItem& b) {
    return std::make_tuple(a.date, !is_unreadable(a), risk_rank(a.risk), std::cref(a.client), kind_rank(a.kind),
                           std::cref(a.ref), std::cref(a.path)) <
           std::make_tuple(b.date, !is_unreadable(b), risk_rank(b.risk), std::cref(b.client), kind_rank(b.kind),
                           std::cref(b.ref), std::cref(b.path));
  });
}

std::vector<FollowupItem> followups(const std::vector<ClientRecord>& records, const Settings& settings,
                                    const ResourceNames& resources, const Date& today,
                                    const FollowupFilter& filter) {
  std::vector<FollowupItem> out;
  for (const auto& r : records) {
    if (!filter.clients.empty() && !contains(filter.clients, r.client.id)) continue;
    // Whose client it is cannot be known when client.yaml cannot be read: every worker is told.
    if (!filter.workers.empty() && r.client_readable() && !contains(filter.workers, r.client.worker)) continue;
    for (auto& item : followups_for(r, settings, resources, today)) {
      const bool in_range = item.date <= filter.until && !(filter.from && item.date < *filter.from);
      if (!in_range && !is_unreadable(item)) continue;
      if (!filter.kinds.empty() && !contains(filter.kinds, item.kind)) continue;
      out.push_back(std::move(item));
    }
  }
  sort_followups(out);
  return out;
}

}  // namespace caseload
