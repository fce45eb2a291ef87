#include "cli/learn_folders.h"

#include <sys/stat.h>

#include "maillog/log_files.h"
#include "maillog/log_line.h"
#include "maillog/trace_log.h"

namespace nearmiss::cli {
namespace {

// The file's first line is one of a mail log: what ReadLog would read.
bool StartsLikeLog(const std::string& path) {
  const std::string first = maillog::FirstLine(path);
  if (first.empty()) return false;
  if (maillog::LooksLikeTrace(first)) return true;
  // Any year: only the line's framing is asked about.
  maillog::LineParser parser(2000);
  maillog::LogLine line;
  return parser.Parse(first, &line);
}

}  // namespace

bool IsLogFolder(const std::string& path, AuditInputs* sorted) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0 || !S_ISDIR(st.st_mode) || IsMaildir(path)) return false;
  SortAuditInputs({path}, sorted);
  if (!sorted->mailboxes.empty()) return false;
  for (const AuditInput& in : sorted->logs) {
    if (in.error.empty() && StartsLikeLog(in.path)) return true;
  }
  return false;
}

}  // namespace nearmiss::cli
