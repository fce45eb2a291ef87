#include "maillog/clock_step.h"

#include <ctime>

#include "maillog/line_counts.h"

namespace nearmiss::maillog {

int64_t RunStart() {
  static const int64_t start = static_cast<int64_t>(::time(nullptr));
  return start;
}

std::string StepSize(int64_t s) {
  if (s < 60) return std::to_string(s) + " s";
  if (s < 3600) return std::to_string(s / 60) + " min " + std::to_string(s % 60) + " s";
  return std::to_string(s / 3600) + " h " + std::to_string(s % 3600 / 60) + " min";
}

std::string ClockStepNote(const LineCounts& c) {
  if (c.clock_steps == 0) return {};
  // Appended piece by piece: GCC 12's false -Wrestrict (bug 105329).
  std::string out = "the clock steps back at ";
  out += c.file;
  out += ':';
  out += std::to_string(c.clock_step_line);
  out += " (";
  out += StepSize(c.clock_step_seconds);
  out += " before ";
  out += c.file;
  out += ':';
  out += std::to_string(c.clock_step_from_line);
  out += c.clock_step_same_message ? ", an earlier line of the same message"
                                   : ", an earlier line";
  out += ": a daylight-saving change or a clock correction)";
  if (c.clock_steps > 1) {
    out += " and at " + std::to_string(c.clock_steps - 1) +
           (c.clock_steps == 2 ? " more line" : " more lines");
  }
  out += "; a message's lines are taken in the order written, not by their times";
  return out;
}

}  // namespace nearmiss::maillog
