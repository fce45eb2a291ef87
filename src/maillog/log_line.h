// One Postfix log line taken apart without copying: timestamp, program and,
// for the lines that matter to deliveries, the queue id and the text after
// it.
//
// Two timestamp forms are read, whichever a line starts with:
//   "Mar  3 10:15:02" (BSD syslog, and Postfix's own maillog_file, which adds
//   ".123456" microseconds), the year taken from LineClock::year;
//   "2024-03-03T10:15:02.123456+00:00" (RFC 3339: rsyslog, journald).
// Times are the wall clock as written, counted as if it were UTC: reports
// show them as the log did, and no time zone guess can make them wrong.
//
// Thread safety: LineClock is per reader; ParseLogLine is pure otherwise.
#ifndef NEARMISS_MAILLOG_LOG_LINE_H_
#define NEARMISS_MAILLOG_LOG_LINE_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace nearmiss::maillog {

// Turns timestamps into seconds; remembers the last one so the next line of
// the same second costs a compare. BSD timestamps carry no year: `year` is
// used, and a month earlier than the previous line's (December -> January)
// moves to the next year.
class LineClock {
 public:
  explicit LineClock(int year) : year_(year) {}
  // Parses the timestamp at the start of `line`; sets *rest to what follows
  // it (and its space). False when the line starts with neither form.
  bool Parse(std::string_view line, int64_t* seconds, std::string_view* rest);
  int year() const { return year_; }

 private:
  int year_;
  int last_month_ = 0;
  char last_key_[19] = {};
  size_t last_key_len_ = 0;
  int64_t last_seconds_ = 0;
};

struct LogLine {
  int64_t time = 0;
  std::string_view program;   // "postfix/smtp" (without the [pid])
  std::string_view queue_id;  // "4BCD12F3A" or a long id; "" when none
  std::string_view text;      // after "QUEUEID: "
};

// False when the line is not "TIMESTAMP HOST PROGRAM[PID]: QUEUEID: TEXT".
bool ParseLogLine(std::string_view line, LineClock& clock, LogLine* out);

// Seconds since 1970 for a civil date and time read as UTC.
int64_t CivilToSeconds(int year, int month, int day, int hour, int minute,
                       int second);
// "2024-03-03T10:15:02", the inverse of the above.
std::string FormatTime(int64_t seconds);
// "2024-03".
std::string FormatMonth(int64_t seconds);
// "2024-03-03" -> seconds at 00:00; -1 when malformed.
int64_t ParseDate(std::string_view date);

}  // namespace nearmiss::maillog

#endif  // NEARMISS_MAILLOG_LOG_LINE_H_
