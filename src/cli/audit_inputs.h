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
#include <string_view>
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
  // What a folder held that is no log and nothing left out, each said:
  // "ex/EX02/empty: an empty folder; nothing in it to read", "ex/EX01/
  // desktop.ini: Windows's folder settings, not a log; skipped".
  std::vector<std::string> skipped;
  std::set<std::pair<dev_t, ino_t>> seen;
  ~AuditInputs();
};

// Maildir (maildir(5)): a directory with cur/, new/ or tmp/ in it.
bool IsMaildir(const std::string& path);

// What an operating system's own file in a folder is ("Windows's folder
// settings" for desktop.ini), "" when `name` is none: Windows Explorer's
// desktop.ini and thumbnail caches (Thumbs.db, ehthumbs.db), macOS
// Finder's .DS_Store and AppleDouble "._NAME" files, the volume folders
// macOS writes (.Spotlight-V100, .Trashes, .fseventsd), written into folders
// copied off a server or opened on a desktop. Names compare without ASCII
// case, as Windows's file names do.
std::string_view IsOsMetadata(std::string_view name);

// Each input given: a Maildir, an mbox or .eml file is a mailbox; a
// directory otherwise has its files (dot files and folders too) sorted as if each were
// given; a non-regular file or "-" is spooled first. Inside a directory,
// an empty folder and the files an operating system leaves in folders
// (IsOsMetadata) are skipped and said in `skipped`; any other file is an
// input, so one that is no log still fails the run. A directory given
// that holds nothing (a path mistyped or not mounted), or one too deep
// inside a log directory, is an input with an error.
void SortAuditInputs(const std::vector<std::string>& given, AuditInputs* out);

}  // namespace nearmiss::cli

#endif  // NEARMISS_CLI_AUDIT_INPUTS_H_
