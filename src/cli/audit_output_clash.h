// `nearmiss audit`'s outputs against its inputs: an --html, --pdf or
// --summary-json that is an input (the same device and inode under any
// name, a symbolic or hard link, or a path inside an input folder) would
// replace the log under investigation, the evidence, with the report; two
// outputs on one file would leave only the last written. Both are refused
// before anything is read or written (issue 16, round 55's tester,
// finding 1: `--html maillog` for `--html maillog.html`).
//
// Thread safety: none needed (stat(2) and realpath(3) only).
#ifndef NEARMISS_CLI_AUDIT_OUTPUT_CLASH_H_
#define NEARMISS_CLI_AUDIT_OUTPUT_CLASH_H_

#include <string>
#include <utility>
#include <vector>

#include "nearmiss/status.h"

namespace nearmiss::cli {

// `outputs`: (flag, path) of each output given ("--html", "r.html");
// `inputs`: what is read (the logs and mailboxes given, the policy and
// protect files; "-" is stdin and never clashes). InvalidArgument naming
// both paths for the first output that is an input, lies inside an input
// folder, or is the same file as an earlier output.
Status CheckOutputClashes(const std::vector<std::pair<std::string, std::string>>& outputs,
                          const std::vector<std::string>& inputs);

}  // namespace nearmiss::cli

#endif  // NEARMISS_CLI_AUDIT_OUTPUT_CLASH_H_
