// The clock of timestamps written without a zone: syslog's RFC 3164 stamps
// ("Dec  1 23:30:00", RFC 3164 4.1.2: "the local time"), rsyslog's
// RSYSLOG_TraditionalFileFormat and Postfix's maillog_file are the log
// host's wall clock. Read beside stamps with an offset (RFC 3339, RFC 5424
// 6.2.3: rsyslog's RSYSLOG_FileFormat after a template change, journalctl
// -o short-iso) they must be put on the same clock, or a later line sorts
// before an earlier one by the zone's offset (issue-16 tester round 45,
// finding 0b: a deferral at 23:30 local read after a delivery at 23:45+01:00).
//
// One zone a run, for every zone-less stamp read (the log host's: `audit
// --log-zone ZONE`, else the reader's TZ, else the system's zone,
// tzset(3)); every time is then seconds since 1970 UTC.
//
// Thread safety: SetLogZone once at start, before any reading; the rest
// read a process-wide value (localtime_r for a named zone).
#ifndef NEARMISS_MAILLOG_LOG_ZONE_H_
#define NEARMISS_MAILLOG_LOG_ZONE_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "nearmiss/status.h"

namespace nearmiss::maillog {

// `spec`: "UTC", "Z" or "GMT"; a fixed offset "+01:00", "-0500", "+1"
// (ISO 8601 / RFC 3339 forms; hours at most 14); or a time-zone database
// name ("Europe/Paris", as TZ takes it, tzfile(5) under
// /usr/share/zoneinfo), which then becomes TZ for the run. `from` says who
// chose it, for the report ("--log-zone", "TZ", "the system's zone").
// Empty `spec`: the reader's own zone (TZ or /etc/localtime), said as
// `from`. InvalidArgument for a form above that is malformed, or a name
// with no zone file.
Status SetLogZone(std::string_view spec, std::string_view from);

// True when zone-less stamps are read as UTC (the zone is UTC, or none
// was set): their times are as written.
bool LogZoneIsUtc();

// "Europe/Paris (TZ)", "+01:00 (--log-zone)", "UTC (the system's zone)".
std::string LogZoneName();

// True when the user named the zone (`from` "--log-zone"), not when it is
// the reader's own (TZ, the system's): a trace's local times (trace_log.h,
// Get-MessageTrackingLog's Timestamp) are the exporting machine's, which
// the reader's own zone says nothing of.
bool LogZoneStated();

// "+01:00", "-05:30": an offset of `seconds` east of UTC as RFC 3339
// writes it (time-numoffset).
std::string FormatOffset(int64_t seconds);

// The run zone's offset (seconds east of UTC) at UTC time `utc`: what a
// stamp with an offset written by a host in that zone would carry.
int64_t LogZoneOffsetAt(int64_t utc);

// The UTC time of wall-clock seconds `wall` (a civil time counted by
// CivilToSeconds as if UTC) in the run's zone. A wall time a
// daylight-saving change skips or repeats takes the offset in force just
// before it.
int64_t ZonelessToUtc(int64_t wall);

// What wall-clock seconds `wall` are in the run's zone: one instant, or a
// time a daylight-saving change repeats (the autumn hour, "ambiguous") or
// skips (the spring hour, "nonexistent"), which ZonelessToUtc reads with
// the offset in force before the change. A fixed offset or UTC has one
// instant for every wall time. Said per file, counted (round 52's tester
// 16, finding 7).
enum class WallTime { kOne, kRepeated, kSkipped };
WallTime ClassifyWall(int64_t wall);

// The UTC time of wall-clock seconds `wall` written with the zone
// abbreviation `abbreviation` ("CEST", "CET": journalctl -o short-full
// writes the reader's zone's) in the run's zone: the offset, among those
// the zone keeps within a day of `wall`, that the zone calls by that
// abbreviation, which tells the two 02:30s of an autumn change apart
// (02:30 CEST is 00:30Z, 02:30 CET 01:30Z). False when the run's zone never
// writes that abbreviation then (a fixed offset or UTC writes none): the
// line was written in another zone than the one it is read in, and
// `*utc` is ZonelessToUtc(wall).
bool AbbreviatedToUtc(int64_t wall, std::string_view abbreviation, int64_t* utc);

}  // namespace nearmiss::maillog

#endif  // NEARMISS_MAILLOG_LOG_ZONE_H_
