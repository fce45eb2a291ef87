// The time of one row of an Exchange message tracking log or a Microsoft
// 365 message trace (trace_log.h), as its writers spell it.
//
// Thread safety: pure functions.
#ifndef NEARMISS_MAILLOG_TRACE_TIME_H_
#define NEARMISS_MAILLOG_TRACE_TIME_H_

#include <cstdint>
#include <string_view>

namespace nearmiss::maillog {

// The order of day and month in a date with the year last ("04/11/2026",
// "04-11-2026"): unstated (only en-US's "M/d/yyyy h:mm:ss AM" is read, as
// month first), day first, month first, or mixed (the file's rows
// disagree: some read only day first, others only month first, so none
// that could be either is read; DecideDateOrder).
enum class DateOrder { kUnstated, kDayMonth, kMonthDay, kMixed };

inline constexpr int64_t kNoTime = -1;
inline constexpr int64_t kAmbiguousDate = -2;
// A slash date that is no date in the stated order but is one in the other
// ("17/09/2026" read as mdy: month 17): the order given is wrong.
inline constexpr int64_t kWrongOrderDate = -3;

// Seconds since the epoch (UTC) of ISO 8601 ("2025-11-03T09:12:06.551Z",
// "2025-11-03 09:12:06", with an offset), en-US "11/3/2025 9:12:06 AM"
// (PowerShell's Export-Csv), or a slash date in the stated order; kNoTime
// when none or when the date does not exist (2025-02-30, 11/31/2025,
// 2/29/2025; CivilDateExists), kAmbiguousDate for a slash date in 24-hour
// time when no order is stated (the locale that wrote it is unknown),
// kWrongOrderDate when the stated order puts a 13 or more in the month and
// the other order reads it.
// The date may be written as the exporting machine's locale writes it:
// with '/', '.' or '-' between its numbers; year first ("2025/11/03",
// ja-JP, zh-CN) is year, month, day; a dotted date with the year last
// ("03.11.2025", de-DE) is day first; a slash or dash date with the year
// last ("03/11/2025", en-GB; "03-11-2025", nl-NL) in 24-hour time needs
// the order stated, as above; so does any dashed date and any date with a
// lower-case am/pm (en-IN "04-11-2025 3:02:11 PM", en-AU "4/11/2025
// 3:02:11 pm": day first, though AM/PM), only a slash date with an
// upper-case AM/PM (en-US) being read month first without one. A date
// whose two numbers are equal ("04/04/2025") is the same either way.
// A time to the minute, without seconds ("2025-11-03 09:12", "11/3/2025
// 9:12", "11/3/2025 9:12 AM": what Excel writes when it saves a trace it
// opened), is read with the seconds :00 (breaker round 3 §8);
// ToTheMinute says which such times were, for the caller to count.
// `*zoned` (when given) is set true when the time carries its zone ('Z'
// or an offset), false when it names none.
int64_t TraceTime(std::string_view v, DateOrder order, bool* zoned = nullptr);

// What one time says of its file's order: kDayMonth for a year-last date
// that is one only day first ("13/11/2025 ...", "13-11-2025 3:02:11 PM"),
// kMonthDay for one only month first ("11/13/2025 ..."), else kUnstated
// (either reading is a date, the date is dotted or year first, or it is
// no date). Issue-16 tester §1.
DateOrder DateOrderEvidence(std::string_view v);

// The order of a file's dates when the user stated none, from what its
// rows say (DateOrderEvidence over every row): a row with a first number
// over 12 decides the whole file day first, one with a second number over
// 12 month first; rows of both kinds are kMixed; none, kUnstated.
DateOrder DecideDateOrder(bool day_first_seen, bool month_first_seen);
bool ToTheMinute(std::string_view v);

}  // namespace nearmiss::maillog

#endif  // NEARMISS_MAILLOG_TRACE_TIME_H_
