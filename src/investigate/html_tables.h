// The HTML report's tables (html_report.cc): sortable (html_style.h
// kReportJs), every text escaped (html_cells.h).
#ifndef NEARMISS_INVESTIGATE_HTML_TABLES_H_
#define NEARMISS_INVESTIGATE_HTML_TABLES_H_

#include <string>

#include "investigate/report.h"

namespace nearmiss::investigate {

// The flagged domains: class, resemblance, why, and each outcome's count.
std::string DomainTable(const Report& rep);
// The senders of flagged deliveries, with the look-alikes each wrote to
// (an unknown sender's row last).
std::string SenderTable(const Report& rep);
// Every flagged delivery; `with_level` adds the sensitivity column.
std::string DeliveryTable(const Report& rep, bool with_level);

}  // namespace nearmiss::investigate

#endif  // NEARMISS_INVESTIGATE_HTML_TABLES_H_
