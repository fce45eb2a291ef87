// Timestamps as mail logs write them, read without allocating, and the civil
// date arithmetic the reports use.
//
// The forms, each checked against its producer:
//   BSD       "Nov  3 09:12:03"        RFC 3164 4.1.2; rsyslog's
//             "Nov 03 09:12:03"        RSYSLOG_TraditionalFileFormat; Postfix's own
//                                      maillog_file (msg_logger.c: "%b %d %H:%M:%S",
//                                      day zero-padded, Postfix 3.4-3.7+) and
//                                      journalctl -o short (systemd logs-show.c)
//             "Nov 03 09:12:03.123456" journalctl -o short-precise
//   RFC 3339  "2026-11-30T09:12:03.123456+00:00"  RFC 5424 6.2.3; rsyslog
//             RSYSLOG_FileFormat (date-rfc3339)
//             "2026-11-30T09:12:03+0000"          journalctl -o short-iso
//             "2026-11-30T09:12:03.123456+0000"   journalctl -o short-iso-precise
//   full      "Mon 2026-11-30 09:12:03 UTC"       journalctl -o short-full (the
//                                                  zone is the reader's abbreviation)
//   unix      "1764493923.123456"                 journalctl -o short-unix
//
// Zones: a numeric offset, "Z", or the abbreviations UTC, GMT and UCT make a
// time absolute (seconds since 1970 UTC). Without one (BSD forms, and
// short-full with an abbreviation such as "CET", which names no single
// offset) the time is the wall clock as written, counted as if it were UTC.
//
// Thread safety: pure functions.
#ifndef NEARMISS_MAILLOG_TIMESTAMP_H_
#define NEARMISS_MAILLOG_TIMESTAMP_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace nearmiss::maillog {

struct Stamp {
  int year = 0;  // 0: the form carries none (BSD)
  int month = 0, day = 0, hour = 0, minute = 0, second = 0;
  bool zoned = false;     // `offset` is known
  int offset = 0;         // seconds east of UTC
  int64_t unix_time = -1; // the unix form: seconds since 1970 UTC
  // short-full's zone abbreviation when it names no single offset ("CEST",
  // "EST"), pointing into the line read; empty otherwise. With the log
  // zone it tells the two readings of an autumn change's repeated hour
  // apart (log_zone.h AbbreviatedToUtc).
  std::string_view abbreviation;
};

// Each reads the form at the start of `s` and returns the stamp's length
// (up to, not including, the space after it); 0 when `s` does not start with
// that form followed by a space, or its date does not exist ("Feb 30",
// "Apr 31", "2025-02-30": CivilDateExists; a BSD "Feb 29" is read, its
// year not known yet, and judged once the year is).  Never rolled over.
size_t ReadBsdStamp(std::string_view s, Stamp* out);
size_t ReadRfc3339Stamp(std::string_view s, Stamp* out);
size_t ReadFullStamp(std::string_view s, Stamp* out);
size_t ReadUnixStamp(std::string_view s, Stamp* out);

// True when day `d` exists in month `m` of year `y` (Gregorian: 30 days
// hath September, 29 February only in a leap year). A date that does not
// exist is never rolled over into the next month (31 November is not 1
// December): callers count its record as unrecognised.
bool CivilDateExists(int y, int m, int d);
// Seconds since 1970 for a civil date and time read as UTC. Second 60 (a
// leap second, RFC 3339 5.7, which RFC 5424 6.2.3 and the trace CSVs'
// readers accept) is the last second of its own minute, 59: the leap
// second belongs to the day it is written in, so --until that day keeps it
// (issue-16 tester round 58, finding 3), never 00:00:00 of the next.
int64_t CivilToSeconds(int year, int month, int day, int hour, int minute,
                       int second);
// The civil date and time of seconds since 1970 read as UTC (the inverse of
// the above): year, month (1-12), day, hour, minute, second.
void SecondsToCivil(int64_t seconds, Stamp* out);
// "2024-03-03T10:15:02", the same as text.
std::string FormatTime(int64_t seconds);
// "2024-03".
std::string FormatMonth(int64_t seconds);
// "2024-03-03" -> seconds at 00:00; -1 when malformed or no such day
// (CivilDateExists).
int64_t ParseDate(std::string_view date);

}  // namespace nearmiss::maillog

#endif  // NEARMISS_MAILLOG_TIMESTAMP_H_
