#include "maillog/read_log.h"

#include "maillog/log_files.h"

namespace nearmiss::maillog {

Status ReadLog(const std::string& path, PostfixLog& log, const ReadLogOptions& options,
               LineCounts* counts) {
  log.BeginFile(path, options.year != 0 ? options.year : FileYear(path));
  Status s = ForEachLine(
      path, [&log](std::string_view line) { log.Feed(line); }, options.on_bytes);
  *counts = log.counts();
  NM_RETURN_IF_ERROR(s);
  return CheckRecognised(*counts, options.min_recognised_percent);
}

}  // namespace nearmiss::maillog
