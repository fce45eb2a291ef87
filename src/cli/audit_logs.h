// `nearmiss audit`: reading the mail logs into the Auditor, in the order a
// hand-off is followed (rotated sets oldest first, traces after the
// Postfix logs, separate writers by time: log_files.h, set_order.h), each
// rotated set dated as a whole first (Auditor::PlanYears), with what each
// log's counts call for said on stderr: an empty log, dates that may be a
// year off, a log that cannot be read, delivery lines not understood (an
// error: the report is incomplete), a log with nothing of Postfix's in it.
//
// Thread safety: none (prints; the auditor, report and bar are the
// caller's).
#ifndef NEARMISS_CLI_AUDIT_LOGS_H_
#define NEARMISS_CLI_AUDIT_LOGS_H_

#include <map>
#include <string>
#include <vector>

#include "cli/progress.h"
#include "investigate/auditor.h"
#include "investigate/report.h"

namespace nearmiss::cli {

// What reading the logs leaves for the end of the run.
struct AuditLogsRead {
  // Logs with no line of text (0 bytes, blank lines, an empty .gz), by
  // the name shown: a rotated set's fresh file is one, said; when every
  // input is one, the run read nothing, which is no evidence that nothing
  // was sent (issue-16 tester, round 8, defect 2).
  std::vector<std::string> empty;
  bool text_read = false;  // some log had a line of text
  // A log could not be read, or had delivery lines not understood: the
  // run exits 2.
  bool failed = false;
};

// Reads `logs` (paths to open; `shown` maps each to the name the report
// calls it, which orders traces: a spooled stdin has a temporary path)
// with --year `year` (0: none) into `auditor`, whose `report` gets a
// LineCounts per log and a note per empty log.
void ReadAuditLogs(const std::vector<std::string>& logs,
                   const std::map<std::string, std::string>& shown, int year,
                   investigate::Auditor& auditor, investigate::Report& report,
                   ByteProgress& progress, AuditLogsRead* out);

}  // namespace nearmiss::cli

#endif  // NEARMISS_CLI_AUDIT_LOGS_H_
