#include "investigate/file_holes.h"

#include "investigate/coverage.h"
#include "maillog/shown_time.h"

namespace nearmiss::investigate {

std::vector<maillog::LineHoles::Hole> FileHoles(const maillog::LineCounts& counts) {
  if (!counts.exchange_days.empty()) return {};
  return counts.holes.Holes(kMinGapSeconds);
}

std::string HoleAroundText(const std::vector<maillog::LineCounts>& logs, int64_t from, int64_t to) {
  for (const maillog::LineCounts& c : logs) {
    for (const maillog::LineHoles::Hole& h : FileHoles(c)) {
      if (h.before.time > from || h.after.time < to) continue;
      return "a hole inside " + c.file + ", between line " + std::to_string(h.before.line) + " (" +
             maillog::ShownTime(h.before.time, h.before.zone) + ") and line " +
             std::to_string(h.after.line) + " (" + maillog::ShownTime(h.after.time, h.after.zone) +
             ")";
    }
  }
  return {};
}

}  // namespace nearmiss::investigate
