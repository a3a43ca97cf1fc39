#pragma once
// The records of SPEC 2 as plain values, for the logic in core: follow-ups,
// matching, summaries. Optional fields that were missing or invalid on disk
// are empty here; `check` is what reports them.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "caseload/core/date.hpp"

namespace caseload {

struct Worker {
  std::string id;
  std::string name;
};

struct Domain {
  std::string id;
  std::string name;
};

struct Program {
  std::string id;
  std::string name;
  std::optional<Period> report_every;
  std::optional<Period> renew_every;
  std::optional<Period> decision_after;
};

struct Settings {
  int schema = 1;
  std::string agency;
  std::vector<Worker> workers;
  std::string default_worker;
  Period contact_every{30, 'd'};
  Period reassess_every{90, 'd'};
  Period referral_follow_up{7, 'd'};
  std::map<int, std::string> scale;
  std::vector<Domain> domains;
  std::vector<Program> programs;
  bool autocommit = true;

  const Worker* find_worker(const std::string& id) const;
  const Domain* find_domain(const std::string& id) const;
  const Program* find_program(const std::string& id) const;
};

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

struct Enrollment {
  std::string program;
  std::string status;
  std::optional<Date> applied;
  std::optional<Date> decided;
  std::optional<Date> next_report;
  std::optional<Date> renew_by;
};

struct HouseholdMember {
  std::string name;
  std::string relation;
  std::string born;
};

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
  std::optional<Period> contact_every;
  std::vector<std::string> tags;
  std::vector<Consent> consents;
  std::vector<Enrollment> enrollments;
  std::string notes;

  bool is_open() const { return status == "open"; }
};

struct Assessment {
  std::string path;
  std::string stem;  // file name without .yaml
  std::optional<Date> date;
  std::string kind;
  std::string worker;
  std::map<std::string, int> scores;
  std::vector<std::string> needs;
  std::string strengths;
  std::string notes;
};

struct Task {
  std::string id;
  std::string text;
  std::string owner;
  std::optional<Date> due;
  std::string status;
  std::optional<Date> done;
};

struct Goal {
  std::string id;
  std::string domain;
  std::string text;
  std::optional<Date> target;
  std::string status;
  std::vector<Task> tasks;
};

struct Plan {
  std::string path;
  std::optional<Date> review;
  std::vector<Goal> goals;
};

struct HistoryEntry {
  std::optional<Date> date;
  std::string status;
  std::string worker;
  std::string note;
};

struct Referral {
  std::string path;
  std::string id;
  std::string resource;
  std::string domain;
  std::string reason;
  std::string goal;
  std::string status;
  std::optional<Date> follow_up;
  std::vector<HistoryEntry> history;
  std::string outcome;
};

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

// Everything in one client's folder.
struct ClientRecord {
  std::string path;  // clients/<id>/client.yaml
  Client client;
  std::vector<Assessment> assessments;  // by date, then file name
  std::optional<Plan> plan;
  std::vector<Referral> referrals;  // by file name
  std::vector<Contact> contacts;    // by date, then file name

  const Contact* last_done_contact() const;
};

// Text as people read it: a stored literal block's final newline dropped.
std::string display_text(const std::string& stored);

}  // namespace caseload
