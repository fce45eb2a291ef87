#include "maillog/read_log.h"

#include "maillog/log_files.h"
#include "maillog/trace_log.h"

namespace nearmiss::maillog {

Status ReadLog(const std::string& path, PostfixLog& log, const ReadLogOptions& options,
               LineCounts* counts) {
  // The form is told from the file's first line, not its name.
  if (LooksLikeTrace(FirstLine(path))) {
    log.BeginTraceFile(path, options.date_order);
  } else {
    log.BeginFile(path, options.year != 0
                            ? LineParser(options.year)
                            : LineParser::AnchoredAt(FileYear(path), FileMonth(path)));
  }
  Status s = ForEachLine(
      path, [&log](std::string_view line) { log.Feed(line); }, options.on_bytes);
  log.EndFile();
  *counts = log.counts();
  NM_RETURN_IF_ERROR(s);
  return CheckRecognised(*counts, options.min_recognised_percent);
}

}  // namespace nearmiss::maillog
