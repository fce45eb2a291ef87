// How a time read from a log, trace or mailbox was put on UTC, and how the
// reports a program reads write it (audit --json, --csv, --summary-json;
// the HTML table shows the rows' times the same way).
//
// Every time is kept as seconds since 1970 UTC (log_zone.h). Where the input
// said its zone (an offset, "Z", UTC/GMT, seconds since 1970, a trace's UTC
// column or the zone its heading names) or the investigator named the zone
// of times written without one (audit --log-zone), that UTC is known and is
// written with RFC 3339's "Z" (RFC 3339 5.6, time-offset). A wall-clock time
// written without a zone that nobody named is read in the reader's own zone
// (TZ, else the system's) only to put it in order with the others: its UTC
// is a guess, so it is written as the wall clock read, with no designator,
// which RFC 3339 4.4 ("Unqualified Local Time") says cannot be converted to
// UTC and ISO 8601 reads as local time (issue 16: a consumer took
// "2026-11-03T18:30:00" for its own local time whatever the log said).
//
// Thread safety: pure functions over the run's zone (log_zone.h).
#ifndef NEARMISS_MAILLOG_SHOWN_TIME_H_
#define NEARMISS_MAILLOG_SHOWN_TIME_H_

#include <cstdint>
#include <string>

namespace nearmiss::maillog {

// Where a time's zone came from.
enum class ZoneSource : uint8_t {
  // The input gave it: its UTC is known.
  kInput,
  // Written with no zone (RFC 3164 4.1.2 stamps, Postfix's maillog_file,
  // journalctl -o short-full's abbreviation, Get-MessageTrackingLog's
  // Timestamp) and read in the run's zone (log_zone.h): known when
  // --log-zone named it (LogZoneStated), else the reader's zone's guess.
  kRunZone,
  // Written with no zone and read as if UTC whatever the run's zone: an
  // mbox From_ line's delivery time (RFC 4155, content/mbox_from_line.h).
  kReadAsUtc,
};

// What a file's line says of its times read in a zone nobody named:
// ", its times without a zone read in Europe/Paris (TZ)" + this.
inline constexpr const char* kShownAsWritten =
    " only to put them in order, and shown as written, without Z (their UTC is not known)";

// Whether a time of that source is known in UTC.
bool UtcKnown(ZoneSource source);

// "2026-11-03T18:30:00Z" when UtcKnown; otherwise the wall clock as read,
// "2026-11-03T19:30:00" (kRunZone: `utc` in the run's zone; kReadAsUtc:
// `utc` as is), with no designator.
std::string ShownTime(int64_t utc, ZoneSource source);

}  // namespace nearmiss::maillog

#endif  // NEARMISS_MAILLOG_SHOWN_TIME_H_
