// `nearmiss audit`'s files: --html, --pdf and --summary-json, checked
// before any input is read (a year of logs takes an hour: a typo in --html
// must not throw it away, breaker round 3 §7) and written after.
//
// Thread safety: none (reads the process's environment; runs Chromium).
#ifndef NEARMISS_CLI_AUDIT_OUTPUTS_H_
#define NEARMISS_CLI_AUDIT_OUTPUTS_H_

#include "cli/audit_run.h"
#include "investigate/report.h"
#include "nearmiss/engine.h"
#include "nearmiss/status.h"

namespace nearmiss::cli {

// No output is an input or another output (audit_output_clash.h:
// InvalidArgument naming both), and each output given can be written (its directory exists and is writable,
// the file, if there, writable; nothing is created), and with --pdf the
// --chromium program exists (a path, or a name found in PATH). IoError
// naming the first that cannot, "(checked before reading the inputs)".
Status CheckAuditOutputs(const AuditFlags& flags);

// Writes the HTML report and its PDF (marked --marking, checked against the
// data: audit_marking.h) and the summary JSON, those given. Errors: a
// --marking below the data's without --marking-below-data (nothing
// written), the marking scratch, a file that cannot be written, Chromium's.
Status WriteAuditOutputs(const AuditFlags& flags, const Engine& engine,
                         const investigate::Report& report);

}  // namespace nearmiss::cli

#endif  // NEARMISS_CLI_AUDIT_OUTPUTS_H_
