// `caseload stats --format html`: written in the next step.
#include "caseload/report/stats_report.hpp"

namespace caseload {
void write_stats_html(std::ostream&, const Stats&, const StatsReportInfo&) {}
}  // namespace caseload
