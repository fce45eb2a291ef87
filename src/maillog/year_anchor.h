// The year of a log file's timestamps that carry none (BSD syslog, RFC 3164
// 4.1.2: "Mmm dd hh:mm:ss"), from an upper bound on the time of its last
// line.
//
// The bound: the file's modification time (the time of its last write,
// read as local wall-clock time, plus 26 hours: the widest gap between two
// zones' clocks, UTC-12 to UTC+14, since the log's host may keep another
// zone than the reader's), and, for a rotated name with a date
// ("maillog-20260101", "mail.log-20260101.gz": logrotate's default
// dateformat "-%Y%m%d", the day it rotated the file; hourly, dotted and
// `postfix logrotate` names: rotation_name.h) the end of the day after
// that date (a day later, for logrotate's `dateyesterday`); the
// earlier of the two. A copy made with `cp` has a later modification time
// than the log's last line, and a `touch` can set any: the bound only
// says the lines are not later than it.
//
// The rule: the file is read once first (ScanYears) for its first and last
// such stamps and the number of times the year moves between them
// (LineParser's rule: forward, or back over a concatenation boundary). Its
// latest line gets the latest year in which its date is not after the
// bound; its first line that year minus the moves up to it. So no date is inferred after the bound, and years within
// the file only go forward.
//
// Thread safety: pure functions over the file system.
#ifndef NEARMISS_MAILLOG_YEAR_ANCHOR_H_
#define NEARMISS_MAILLOG_YEAR_ANCHOR_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "nearmiss/status.h"

namespace nearmiss::maillog {

struct YearBound {
  // Wall-clock seconds (as CivilToSeconds counts them) no line is after.
  int64_t wall = 0;
  // What set it, for messages: "modification time 2026-06-01T10:00:00Z" (an instant, in UTC) or
  // "name date 2026-01-01".
  std::string source;
};

// The bound of `path` (above). A file that cannot be stat()ed has no
// modification time: the reader's clock stands in for it.
YearBound FileYearBound(const std::string& path);


// The year of the date in a rotated name ("maillog-20260101",
// "maillog-20260101.gz", "postfix.log.20260101-000002.gz":
// rotation_name.h); 0 when the name carries none.
int NameDate(const std::string& path, int* month, int* day);

// True when the dateext names of a rotated set fix the year of every line
// of `path`, read right after `previous` of its set: logrotate renamed
// `previous` on its name date (or the day after, `dateyesterday`), so
// `path`'s lines start no earlier than two days before that date (the
// zone slack of FileYearBound) and end by `path`'s own bound. A window
// shorter than 365 days holds each month and day at most once, so no
// line's year is in doubt however long the whole set runs (tester round 7
// item 10: a 13-month daily set warned on 35 files). False when
// `previous` has no name date.
bool NamesFixYear(const std::string& previous, const std::string& path);

struct YearScan {
  bool any = false;        // some line carries a BSD timestamp
  std::string first_line;  // the first such line, as read
  // The first such line's year and the last one's time, counted from a
  // first year of kScanYear (a leap year, so 29 February reads) or from
  // the year of a dated (RFC 3339) line before it, which the parser
  // carries on from.
  int first_year = kScanYear;
  int64_t first_time = 0;  // the first such line's time, counted as last_time
  int64_t last_time = 0;
  // The latest such line's time, counted as last_time: the last line's
  // unless the file steps back (a rotated set concatenated out of order,
  // LineParser::TakeStepBack); it is the one the bound applies to.
  int64_t latest_time = 0;
  int moves = 0;  // how many times the year moved forward from first to last
  // The year (counted as above) of the first 29 February line; 0 none. The
  // inferred year must make it a leap year: no date is shifted to 1 March.
  int feb29_year = 0;
  // Some line carries its year (RFC 3339, RFC 5424, journal short-full or
  // short-unix): year_plan.h leaves the file's set to ReadLog.
  bool dated = false;
  // The end of the span a journalctl export's header states ("-- Logs
  // begin at Mon 2025-11-03 09:00:00 UTC, end at Wed 2025-11-05 10:00:00
  // UTC. --", systemd up to 249; "-- Journal begins at ..., ends at ...
  // --" after): wall-clock seconds, 0 when the file has no such header,
  // and the text it was read from (JournalBound).
  int64_t journal_end = 0;
  std::string journal_end_text;
  // The first line that carries its year: its time (UTC, as LineParser
  // gives it). Lines without a year before it (a central log's RFC 3164
  // host before its RFC 5424 one, a template changed partway) are dated by
  // it, not by the bound: bsd_before_dated, and the last such line's time
  // counted as last_time (pre_dated_last_time). Issue-16 tester §2.
  int64_t first_dated_time = 0;
  bool bsd_before_dated = false;
  int64_t pre_dated_last_time = 0;
  std::string last_line;  // the last line with a BSD timestamp, as read
  // `seek` (ScanYears) is one of the file's lines, byte for byte: the
  // previous rotated file's last line, so the two files overlap there.
  bool seek_found = false;
  static constexpr int kScanYear = 2000;
};
// `bound`, or the end a journalctl export's header states
// (YearScan::journal_end, the zone slack added) when that is earlier: the
// file says when its last line was written, whatever its copy's
// modification time (round 46's tester 16, finding 5).
YearBound JournalBound(const YearBound& bound, const YearScan& scan);

// The bound of a file scanned as `scan`: JournalBound's, unless the name's
// date (or month, "maillog-2025-11.log") is where the file STARTS: a
// month's or week's export named by its first day (maillog_20251101.log
// holding 1 to 30 November; postfix-2025-11-01.log). When the first line
// falls on the named day or month (two days' slack for zones) in the
// name's year, and the lines so read end before the modification time
// (and a journal header's end), the bound is the last line so read: the
// name's year, not the one before that the end-date bound gives. A name
// with a date is read first as the day the lines end by (logrotate's
// dateext), and keeps that reading when it gives the same year. Round
// 52's tester 16, finding 1.
YearBound ScannedYearBound(const std::string& path, const YearScan& scan);

// How a bound's source dated a file, for its "read as" line: "the latest
// year that puts no line of it after its modification time ...", or, for
// ScannedYearBound's start reading (source "name start date 2025-11-01"),
// "the year its name gives (2025-11-01): ...".
inline constexpr std::string_view kNameStart = "name start date ";
std::string YearFrom(const std::string& source);

// Reads every line of `path` once (plain or gzip, as ForEachLine) for the
// above; `progress` as ForEachLine's (the bytes of the file read so far);
// `seek` (empty: none) a line to look for (seek_found). IoError or
// ParseError as ForEachLine's.
Result<YearScan> ScanYears(const std::string& path,
                           const std::function<void(uint64_t)>& progress = nullptr,
                           std::string_view seek = {});

// The year of the first BSD line of a file scanned as `scan` whose lines
// are not after `bound` (above), and such that a 29 February line falls in
// a leap year (the latest such year, looking back at most eight years).
// When BSD lines come before the file's first dated line, that line is
// their bound instead (plus the 26 hours of zones, as the modification
// time's: the BSD stamp is the host's wall clock, the dated one UTC): the
// year is the latest that puts the last of them not after it, so the file
// reads forward from its first line, whatever its modification time.
int FirstYear(const YearScan& scan, const YearBound& bound);

// The time (seconds, UTC) of the file's first line when that line carries
// its year (CarriesYear: RFC 3339, RFC 5424, short-full, short-unix, the
// container forms); 0 otherwise. Such a file needs no pass for the year:
// LineParser dates any line without one after it from the dated line
// before (issue 16, round 54's tester, finding 4: the pass read every line
// of an RFC 3339 log, a second gunzip of a .gz, for a year never used).
int64_t StartsDated(const std::string& path);

}  // namespace nearmiss::maillog

#endif  // NEARMISS_MAILLOG_YEAR_ANCHOR_H_
