// What a rotated log's file name says: the live file it was rotated from,
// how old it is among its set, and the time it was rotated when the name
// carries one.
//
// The names read (a compressor's ".gz" taken off first):
//   NAME.N          numbered: logrotate without dateext, savelog and
//                   newsyslog (whose NAME.0 is the newest rotated file,
//                   logrotate's NAME.1), at most three digits: older as N
//                   grows, every one older than NAME itself;
//   NAME-YYYYMMDD   logrotate's dateext, default dateformat "-%Y%m%d";
//   NAME-YYYYMMDDHH logrotate's `hourly` default dateformat "-%Y%m%d%H"
//                   (logrotate(8));
//   NAME-YYYYMMDD-SSSSSSSSSS  dateformat "-%Y%m%d-%s" (logrotate(8)'s
//                   example for rotating more than once a day): the
//                   seconds since 1970 give the time, in the log host's
//                   zone (log_zone.h);
//   NAME-YYYY-MM-DD, NAME.YYYY-MM-DD, NAME.YYYYMMDD: a dateformat with
//                   dashes or a dot before it;
//   NAME.YYYYMMDD-HHMMSS  Postfix's `postfix logrotate` (Postfix 3.4+,
//                   maillog_file_rotate_suffix default "%Y%m%d-%H%M%S",
//                   postconf(5)); also with '-' before it and with
//                   "-HH", "-HHMM".
// A dated name is older as its date is earlier. Issue-16 tester §3.
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
  // "/var/log/mail.log.1.gz"); the path itself (without ".gz") when the
  // name is no rotated one.
  std::string base;
  // Older files rank lower: dated names by their time (far below zero),
  // then numbered ones (NAME.N ranks -(N + 1)), then the live file (0).
  int64_t age_rank = 0;
  // The name's date and time as wall-clock seconds (CivilToSeconds; 00:00
  // when it names only a day, HH:00 an hour); 0 when it names none.
  int64_t named = 0;
};

RotationName ReadRotationName(const std::string& path);

}  // namespace nearmiss::maillog

#endif  // NEARMISS_MAILLOG_ROTATION_NAME_H_
