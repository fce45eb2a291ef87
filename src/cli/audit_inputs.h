// Sorting `nearmiss audit` inputs into logs and mailboxes before reading:
// a directory that is not a Maildir is a folder of logs (Postfix rotations,
// Exchange MSGTRK*.LOG), and a pipe, FIFO or "-" (stdin) is copied once to
// a temporary file so it is read like any other (by its first bytes, gzip
// by magic), never opened twice and lost.
//
// Thread safety: none (uses the process's stdin and temporary directory).
#ifndef NEARMISS_CLI_AUDIT_INPUTS_H_
#define NEARMISS_CLI_AUDIT_INPUTS_H_

#include <sys/types.h>

#include <set>
#include <string>
#include <utility>
#include <vector>

namespace nearmiss::cli {

struct AuditInput {
  std::string path;   // what to open
  std::string shown;  // what the report calls it (the name given)
  std::string error;  // why it cannot be read at all; "" when it can
};

struct AuditInputs {
  std::vector<AuditInput> logs, mailboxes;
  std::vector<std::string> spooled;  // temporary copies to remove
  // A file or Maildir given more than once (the same device and inode,
  // under any name) is read once; each repeat is said here: "maillog: given
  // again as ./maillog; read once".
  std::vector<std::string> repeated;
  std::set<std::pair<dev_t, ino_t>> seen;
  ~AuditInputs();
};

// Maildir (maildir(5)): a directory with cur/, new/ or tmp/ in it.
bool IsMaildir(const std::string& path);

// Each input given: a Maildir, an mbox or .eml file is a mailbox; a
// directory otherwise has its files (not dot files) sorted as if each were
// given; a non-regular file or "-" is spooled first. A directory with no
// files, or one inside a log directory, is an input with an error.
void SortAuditInputs(const std::vector<std::string>& given, AuditInputs* out);

}  // namespace nearmiss::cli

#endif  // NEARMISS_CLI_AUDIT_INPUTS_H_
