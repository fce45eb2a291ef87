// `nearmiss learn DIR`: a folder given is either one of mail logs (a
// folder per Exchange server of MSGTRK*.LOG, a Postfix rotated set,
// Microsoft 365 trace CSVs), read file by file as `audit` reads it
// (SortAuditInputs), or a mail client's store (a Maildir root, a
// Thunderbird profile, Apple Mail's or readpst's tree), whose Sent folders
// history::SelectSentFolders chooses. Before, every folder was the second
// (issue 16, round 54's tester, finding 3: a folder of Exchange logs was
// read as Sent folders, "not a message", and nothing was learned).
//
// Thread safety: none (as SortAuditInputs).
#ifndef NEARMISS_CLI_LEARN_FOLDERS_H_
#define NEARMISS_CLI_LEARN_FOLDERS_H_

#include <string>

#include "cli/audit_inputs.h"

namespace nearmiss::cli {

// True when `path` is a directory that is not a Maildir, which
// SortAuditInputs has sorted into `sorted` (alone), holding logs: no file
// in it starts like a mailbox, and at least one starts with a mail log's
// line (a syslog or journal line LineParser knows, or a trace's header).
// A folder of neither (empty, or of a mail client's own files only) is
// left to the Sent folder reader, which says what it found.
bool IsLogFolder(const std::string& path, AuditInputs* sorted);

}  // namespace nearmiss::cli

#endif  // NEARMISS_CLI_LEARN_FOLDERS_H_
