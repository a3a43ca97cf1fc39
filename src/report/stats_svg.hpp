#pragma once
// The charts of `stats --format html`, drawn as SVG text by the program (no
// script, no library): each a standalone <svg> element that is well-formed
// XML. With --redact, a value below stats.min_group is drawn as nothing, so
// a chart never shows what its table hides.
#include <string>
#include <string_view>

#include "caseload/core/stats.hpp"
#include "caseload/report/html.hpp"
#include "caseload/report/stats_report.hpp"

namespace caseload {

std::string svg_caseload_by_worker(const CaseloadStats& s, const StatsReportInfo& info);
std::string svg_contacts_per_week(const WorkStats& s, const StatsReportInfo& info);
std::string svg_outcome_change(const OutcomeStats& s, const StatsReportInfo& info);
std::string svg_referral_funnel(const ReferralStats& s, const StatsReportInfo& info);
std::string svg_overdue_by_age(const FollowupStats& s, const StatsReportInfo& info);

}  // namespace caseload
