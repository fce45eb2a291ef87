// The time of one row of an Exchange message tracking log or a Microsoft
// 365 message trace (trace_log.h), as its writers spell it.
//
// Thread safety: pure functions.
#ifndef NEARMISS_MAILLOG_TRACE_TIME_H_
#define NEARMISS_MAILLOG_TRACE_TIME_H_

#include <cstdint>
#include <string_view>

namespace nearmiss::maillog {

// The order of day and month in a slash date ("04/11/2026"): unstated
// (only the en-US AM/PM form is read), day first, or month first.
enum class DateOrder { kUnstated, kDayMonth, kMonthDay };

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
// the order stated, as above.
// A time to the minute, without seconds ("2025-11-03 09:12", "11/3/2025
// 9:12", "11/3/2025 9:12 AM": what Excel writes when it saves a trace it
// opened), is read with the seconds :00 (breaker round 3 §8);
// ToTheMinute says which such times were, for the caller to count.
int64_t TraceTime(std::string_view v, DateOrder order);
bool ToTheMinute(std::string_view v);

}  // namespace nearmiss::maillog

#endif  // NEARMISS_MAILLOG_TRACE_TIME_H_
