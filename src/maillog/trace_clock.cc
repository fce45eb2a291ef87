// TraceLog, a clock set wrong (clock_step.h): a record dated after the
// run's clock ceiling, or far from the time its Exchange file gives
// itself, is read as one dated before kClockFloor is: no time, counted
// and named (issue-16 tester round 59, finding 3).
//
// Exchange Server message tracking: "MSGTRKyyyymmddhh-nnnn.LOG" (and the
// MSGTRKMA, MSGTRKMD, MSGTRKMS prefixes) is named by the UTC date and
// hour the file was created, its instance number starting again at 1
// every day ("Message tracking in Exchange Server", log file naming);
// "#Date:" (W3C extended log format, the header Exchange writes) is the
// time its part began. Its records follow that time: one dated more than
// a day (kClockAllowance, for a zone slip) before it came from a clock set
// wrong or an export that rewrote the dates. Exchange starts a new file
// every day and deletes files older than MessageTrackingLogMaxAge (30 days
// by default), so one dated more than kExchangeFileSpan after it did too;
// that bound is loose on purpose, for a file a test or a copy kept open.
#include <cstdio>
#include <string>

#include "maillog/clock_step.h"
#include "maillog/timestamp.h"
#include "maillog/trace_log.h"

namespace nearmiss::maillog {

namespace {

constexpr int64_t kExchangeFileSpan = 30 * 24 * 3600;

// The UTC time an Exchange tracking log's file name says it was created;
// 0 when the name is not one.
int64_t NamedCreation(const std::string& path) {
  const size_t slash = path.find_last_of('/');
  std::string_view name(path);
  if (slash != std::string::npos) name.remove_prefix(slash + 1);
  if (name.size() < 6) return 0;
  std::string upper;
  for (char c : name) upper += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c;
  if (!upper.starts_with("MSGTRK")) return 0;
  size_t i = 6;
  while (i < upper.size() && upper[i] >= 'A' && upper[i] <= 'Z') ++i;  // MA, MD, MS
  int y = 0, mo = 0, d = 0, h = 0, used = 0;
  if (std::sscanf(upper.c_str() + i, "%4d%2d%2d%2d-%n", &y, &mo, &d, &h, &used) != 4 ||
      used != 11 || y < 2000 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23) {
    return 0;
  }
  return CivilToSeconds(y, mo, d, h, 0, 0);
}

}  // namespace

void TraceLog::NoteDateDirective(std::string_view text) {
  // "#Date: 2025-11-03T09:00:00.000Z"
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  const std::string value(text.substr(7, 19));
  if (std::sscanf(value.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &y, &mo, &d, &h, &mi, &s) == 6 &&
      y >= 2000 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31) {
    part_began_ = CivilToSeconds(y, mo, d, h, mi, s);
  }
}

std::string TraceLog::ClockSetWrong(int64_t time) {
  if (time > ClockCeiling()) return std::string(kAfterRunStart);
  if (kind_ != Kind::kExchange) return {};
  if (!name_checked_) {
    name_checked_ = true;
    named_creation_ = NamedCreation(counts_.file);
  }
  for (auto [began, what] : {std::pair{named_creation_, "its file name's "},
                             std::pair{part_began_, "its #Date: "}}) {
    if (began == 0) continue;
    const std::string at = FormatTime(began) + "Z";
    if (time < began - kClockAllowance) return "more than a day before " + (what + at);
    if (time > began + kExchangeFileSpan) return "more than 30 days after " + (what + at);
  }
  return {};
}

}  // namespace nearmiss::maillog
