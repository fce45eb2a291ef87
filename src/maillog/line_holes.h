// LineHoles: the stretches of log time inside one file that none of its
// lines falls in, whatever the order the lines are written in.
//
// A file's first-to-last span hides a hole inside it (logging stopped and
// restarted, lines cut out): a window that falls in the hole holds none of
// its lines, yet the span runs across it, so the report said the window
// was covered (issue-16 tester round 59b, finding 1; docs/mail-logs.md
// "What the inputs prove missing": lines before and after a window count
// only when they are within 4 days of each other). The lines are kept by
// the hour they fall in (the earliest and latest of each, with their line
// numbers), so lines out of order (a set concatenated newest first, two
// hosts interleaved) fill a hole as they would sorted, at a cost bounded
// by the hours the file covers.
//
// Thread safety: a value type.
#ifndef NEARMISS_MAILLOG_LINE_HOLES_H_
#define NEARMISS_MAILLOG_LINE_HOLES_H_

#include <cstdint>
#include <map>
#include <vector>

#include "maillog/shown_time.h"

namespace nearmiss::maillog {

class LineHoles {
 public:
  struct Edge {
    int64_t time = 0;
    uint64_t line = 0;  // 1-based line number in the file
    ZoneSource zone = ZoneSource::kInput;
  };
  struct Hole {
    Edge before, after;  // the lines either side of it
  };

  // A recognised line's time and its line number.
  void Note(int64_t time, uint64_t line, ZoneSource zone);

  // The holes longer than `min_seconds`, in time order.
  std::vector<Hole> Holes(int64_t min_seconds) const;

 private:
  struct Hour {
    Edge first, last;
  };
  std::map<int64_t, Hour> hours_;
};

}  // namespace nearmiss::maillog

#endif  // NEARMISS_MAILLOG_LINE_HOLES_H_
