// A clock that steps back within one file: the autumn daylight-saving
// fall-back of a syslog kept in local time (01:59 then 01:00 again), an
// NTP correction of a second or two, the same on an Exchange server. A
// file's lines are still in the order they were written (syslogd,
// journald and Exchange's transport append as events happen; Postfix
// writes one queue id's lines in the order its programs act), so within
// one file that order, not the times, says which of one message's events
// came last (issue-16 tester16b, finding 1: a deferral at 01:59:01 then
// the delivery at 01:00:05 was counted "still waiting").
//
// A larger step back is no clock: files of a rotated set concatenated out
// of order (`cat mail.log mail.log.1`), or two hosts' logs in one file;
// it starts a new run of lines, across which the times decide again.
// WriteOrder numbers the runs (Attempt::run).
//
// Thread safety: plain values, one per reader.
#ifndef NEARMISS_MAILLOG_CLOCK_STEP_H_
#define NEARMISS_MAILLOG_CLOCK_STEP_H_

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

namespace nearmiss::maillog {

struct LineCounts;

// The largest step back read as a clock's: two hours covers every
// daylight-saving change in the tz database (one hour almost everywhere,
// 30 minutes at Lord Howe, two at Troll) and any NTP step.
inline constexpr int64_t kMaxClockStep = 2 * 3600;

// The runs of one file's lines written in order.
class WriteOrder {
 public:
  // A new file: run 1, no line read.
  void BeginFile() {
    run_ = 1;
    latest_ = std::numeric_limits<int64_t>::min();
  }
  // Each dated line's time and number, in file order: a step back past
  // kMaxClockStep starts the next run (whose latest line is this one).
  // Returns a smaller step back, in seconds, from the run's latest line
  // (latest_line()); 0 when none.
  int64_t Line(int64_t time, uint64_t line) {
    int64_t back = 0;
    if (latest_ != std::numeric_limits<int64_t>::min() && time < latest_) {
      back = latest_ - time;
      if (back > kMaxClockStep) {
        ++run_;
        latest_ = time;
        latest_line_ = line;
        return 0;
      }
    }
    if (time >= latest_) {
      latest_ = time;
      latest_line_ = line;
    }
    return back;
  }
  uint32_t run() const { return run_; }
  uint64_t latest_line() const { return latest_line_; }

 private:
  uint32_t run_ = 1;
  int64_t latest_ = std::numeric_limits<int64_t>::min();
  uint64_t latest_line_ = 0;
};

// The earliest time a log line is believed: 2000-01-01T00:00:00Z. A host
// whose clock was never set (no RTC battery, a container or VM booted
// before NTP or chrony stepped it) stamps its first lines at the epoch's
// first days, 1970-01-01, which no mail log of a running guard holds; no
// mail server this reader knows was logging to these formats before 2000
// either. A line dated before it has no known time: counted and named,
// never dated 1970 (issue-16 tester round 58b, finding 4).
inline constexpr int64_t kClockFloor = 946684800;

// The other direction of a clock set wrong: a stamp later than the run's
// start (RunStart) by more than kClockAllowance, a day for a zone slip
// (the same day of slack a mailbox's future Date: gets, docs/mail-logs.md
// "Counts"), was written by a clock that ran ahead (a BIOS clock set a
// decade off, an export's wrong year). It is read as one before
// kClockFloor is: no time, counted and named (issue-16 tester round 59,
// finding 3). A file may bound its own lines tighter: an Exchange file's
// name and #Date: (trace_clock.cc), a BSD syslog file's year bound
// (LineParser::SetClockCeiling, year_anchor.h).
inline constexpr int64_t kClockAllowance = 24 * 3600;

// The time this run started, read once (UTC seconds).
int64_t RunStart();

// The latest stamp believed by default: RunStart() + kClockAllowance.
inline int64_t ClockCeiling() { return RunStart() + kClockAllowance; }
// How a stamp after ClockCeiling() is described (LineCounts::ClockAhead).
inline constexpr std::string_view kAfterRunStart = "after the time this run started";

// "59 min 56 s", "1 s", "1 h 0 min": a step's size for a person.
std::string StepSize(int64_t seconds);

// "the clock steps back at dst.log:3 (1 h 0 min before dst.log:2, an
// earlier line of the same message: a daylight-saving change or a clock
// correction); one message's lines are taken in the order written, not by
// their times" (with "and 2 more such lines" when more), from
// LineCounts::clock_step_*; "" when none.
std::string ClockStepNote(const LineCounts& counts);

}  // namespace nearmiss::maillog

#endif  // NEARMISS_MAILLOG_CLOCK_STEP_H_
