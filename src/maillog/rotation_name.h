// What a rotated log's file name says: the live file it was rotated from,
// how old it is among its set, and the time it was rotated when the name
// carries one.
//
// The names read, a compressor's suffix (.gz, .bz2, .xz, .zst, .Z, .lz4)
// taken off first wherever it stands among the name's last '.' parts
// ("maillog.2.gz", "mail.2.log.gz", "maillog.2025-11-03.gz.txt"):
//   NAME.N, NAME.N.EXT  numbered: logrotate without dateext, savelog and
//                   newsyslog (whose NAME.0 is the newest rotated file,
//                   logrotate's NAME.1), at most three digits: older as N
//                   grows, every one older than NAME itself; with
//                   logrotate's `extension .log` the number comes before
//                   the extension (mail.1.log, mail.2.log.gz of mail.log);
//   a date anywhere in the name as a token of its own (after the name's
//   start or a '-', '_' or '.', before its end or one of them):
//     YYYYMMDD      logrotate's dateext (default dateformat "-%Y%m%d"),
//                   also before the extension (`extension .log`:
//                   mail-20251103.log of mail.log) and as collectors and
//                   SIEM exports name daily files (maillog_20251103,
//                   mx1-maillog-20251103, mail.log.20251103);
//     YYYY-MM-DD    a dateformat with dashes (or '_' or '.' throughout:
//                   postfix-2025-11-03.log, maillog.2025_11_03);
//     YYYYMMDDHH    logrotate's `hourly` default dateformat "-%Y%m%d%H";
//     YYYYMMDD-SSSSSSSSSS  dateformat "-%Y%m%d-%s" (logrotate(8)'s
//                   example for rotating more than once a day): the
//                   seconds give the time, in the log host's zone
//                   (log_zone.h); seconds not near the date make the name
//                   no rotation's;
//     YYYYMMDD-HHMMSS  Postfix's `postfix logrotate` (Postfix 3.4+,
//                   maillog_file_rotate_suffix default "%Y%m%d-%H%M%S",
//                   postconf(5)); also "-HH", "-HHMM", with '_', and
//                   ISO 8601's basic "YYYYMMDDTHHMM[SS]".
//   The set is the name without the date and the separator before it
//   (mail.log for mail-20251103.log); of several dates, the last counts.
// A dated name is older as its date is earlier. Whether the date is the
// rotation's (logrotate: the lines before it) or the day the file holds
// (a collector's), the file's lines end by the day after it. Issue-16
// tester §3; round 51's tester 16, finding 4.
//
// Thread safety: pure functions of the path and of the run's zone
// (log_zone.h, set once before any reading).
#ifndef NEARMISS_MAILLOG_ROTATION_NAME_H_
#define NEARMISS_MAILLOG_ROTATION_NAME_H_

#include <cstdint>
#include <string>

namespace nearmiss::maillog {

struct RotationName {
  // The path of the live file the set rotates ("/var/log/mail.log" for
  // "/var/log/mail.log.1.gz" and "/var/log/mail-20251103.log"); the path
  // itself (without its compressor's suffix) when the name is no rotated
  // one.
  std::string base;
  // Older files rank lower: dated names by their time (far below zero),
  // then numbered ones (NAME.N ranks -(N + 1)), then the live file (0).
  int64_t age_rank = 0;
  // The name's date and time as wall-clock seconds (CivilToSeconds; 00:00
  // when it names only a day, HH:00 an hour); 0 when it names none.
  int64_t named = 0;
  // A month the name gives instead of a date, as YYYY-MM (or with '_' or
  // '.') as a token of its own ("maillog-2025-11.log": a collector's or
  // SIEM's month export): its first day at 00:00, wall-clock seconds; 0
  // when it gives none or gives a date. Only the year is read from it
  // (year_anchor.h): a month's file is no rotation, so no set's order or
  // holes come from it.
  int64_t month = 0;
};

RotationName ReadRotationName(const std::string& path);

}  // namespace nearmiss::maillog

#endif  // NEARMISS_MAILLOG_ROTATION_NAME_H_
