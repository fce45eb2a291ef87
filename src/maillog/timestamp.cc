#include "maillog/timestamp.h"

#include <algorithm>
#include <cstdio>
#include <cstring>

namespace nearmiss::maillog {
namespace {

// The value of n digits at s[at]; -1 when s is short or one is not a digit.
int Digits(std::string_view s, size_t at, size_t n) {
  if (at + n > s.size()) return -1;
  int v = 0;
  for (size_t i = at; i < at + n; ++i) {
    unsigned d = static_cast<unsigned char>(s[i]) - '0';
    if (d > 9) return -1;
    v = v * 10 + static_cast<int>(d);
  }
  return v;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// "Jan" -> 1 ... "Dec" -> 12; 0 when not a month.
int MonthOf(std::string_view s) {
  static constexpr char kMonths[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
  if (s.size() < 3) return 0;
  for (int m = 0; m < 12; ++m) {
    if (std::memcmp(kMonths + 3 * m, s.data(), 3) == 0) return m + 1;
  }
  return 0;
}

bool IsWeekday(std::string_view s) {
  static constexpr char kDays[] = "MonTueWedThuFriSatSun";
  if (s.size() < 3) return false;
  for (int d = 0; d < 7; ++d) {
    if (std::memcmp(kDays + 3 * d, s.data(), 3) == 0) return true;
  }
  return false;
}

// ".123456" (any number of digits) at s[at]: its length, 0 when absent.
size_t Fraction(std::string_view s, size_t at) {
  if (at >= s.size() || s[at] != '.') return 0;
  size_t end = at + 1;
  while (end < s.size() && IsDigit(s[end])) ++end;
  return end > at + 1 ? end - at : 0;
}

// "hh:mm:ss" at s[at].
bool ClockTime(std::string_view s, size_t at, Stamp* out) {
  if (at + 8 > s.size() || s[at + 2] != ':' || s[at + 5] != ':') return false;
  out->hour = Digits(s, at, 2);
  out->minute = Digits(s, at + 3, 2);
  out->second = Digits(s, at + 6, 2);
  // 60: a leap second, as RFC 3339 5.7 allows.
  return out->hour >= 0 && out->hour < 24 && out->minute >= 0 && out->minute < 60 &&
         out->second >= 0 && out->second <= 60;
}

// "YYYY-MM-DD" at s[at].
bool Date(std::string_view s, size_t at, Stamp* out) {
  if (at + 10 > s.size() || s[at + 4] != '-' || s[at + 7] != '-') return false;
  out->year = Digits(s, at, 4);
  out->month = Digits(s, at + 5, 2);
  out->day = Digits(s, at + 8, 2);
  // A day the month does not have ("2025-02-30", "2025-04-31") is no
  // date: never rolled over into the next month.
  return out->year >= 0 && CivilDateExists(out->year, out->month, out->day);
}

// "Z", "+hh:mm", "+hhmm" or "+hh" at s[at], ending at `end`.
bool NumericZone(std::string_view s, size_t at, size_t end, Stamp* out) {
  std::string_view z = s.substr(at, end - at);
  if (z == "Z" || z == "z") {
    out->zoned = true;
    out->offset = 0;
    return true;
  }
  if (z.size() < 3 || (z[0] != '+' && z[0] != '-')) return false;
  int h = Digits(z, 1, 2), m = 0;
  if (z.size() == 6 && z[3] == ':') {
    m = Digits(z, 4, 2);
  } else if (z.size() == 5) {
    m = Digits(z, 3, 2);
  } else if (z.size() != 3) {
    return false;
  }
  if (h < 0 || h > 23 || m < 0 || m > 59) return false;
  out->zoned = true;
  out->offset = (z[0] == '-' ? -1 : 1) * (h * 3600 + m * 60);
  return true;
}

size_t TokenEnd(std::string_view s, size_t at) {
  size_t end = s.find(' ', at);
  return end == std::string_view::npos ? s.size() : end;
}

}  // namespace

size_t ReadBsdStamp(std::string_view s, Stamp* out) {
  // "Mmm dd hh:mm:ss": dd is " 3" (RFC 3164) or "03" (strftime %d).
  if (s.size() < 16 || s[3] != ' ' || s[6] != ' ') return 0;
  out->month = MonthOf(s);
  if (out->month == 0) return 0;
  out->day = s[4] == ' ' ? Digits(s, 5, 1) : Digits(s, 4, 2);
  // A day the month never has ("Feb 30", "Apr 31", "Jun 31") is no date,
  // never rolled over into the next month; Feb 29 is checked against the
  // year once it is known (log_line.cc), so it is judged here in a leap
  // year (2000).
  if (!CivilDateExists(2000, out->month, out->day) || !ClockTime(s, 7, out)) return 0;
  size_t end = 15 + Fraction(s, 15);
  if (end >= s.size() || s[end] != ' ') return 0;
  out->year = 0;
  out->zoned = false;
  return end;
}

size_t ReadRfc3339Stamp(std::string_view s, Stamp* out) {
  if (!Date(s, 0, out) || s.size() < 20 || s[10] != 'T' || !ClockTime(s, 11, out)) return 0;
  size_t at = 19 + Fraction(s, 19);
  size_t end = TokenEnd(s, at);
  if (end >= s.size()) return 0;
  out->zoned = false;
  // A zone is required by RFC 3339; a stamp without one is read as the
  // wall clock, as the BSD forms are.
  if (end > at && !NumericZone(s, at, end, out)) return 0;
  return end;
}

size_t ReadFullStamp(std::string_view s, Stamp* out) {
  // "Www YYYY-MM-DD hh:mm:ss ZONE".
  if (s.size() < 25 || !IsWeekday(s) || s[3] != ' ' || !Date(s, 4, out) || s[14] != ' ' ||
      !ClockTime(s, 15, out) || s[23] != ' ') {
    return 0;
  }
  size_t end = TokenEnd(s, 24);
  if (end == 24 || end >= s.size()) return 0;
  std::string_view zone = s.substr(24, end - 24);
  out->zoned = false;
  if (zone == "UTC" || zone == "GMT" || zone == "UCT") {
    out->zoned = true;
    out->offset = 0;
  } else if (zone[0] == '+' || zone[0] == '-') {
    // tzdata names zones without an abbreviation by their offset ("+03").
    if (!NumericZone(s, 24, end, out)) return 0;
  } else {
    for (char c : zone) {
      if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) return 0;
    }
    out->abbreviation = zone;
  }
  return end;
}

size_t ReadUnixStamp(std::string_view s, Stamp* out) {
  size_t n = 0;
  int64_t v = 0;
  while (n < s.size() && IsDigit(s[n]) && n < 12) v = v * 10 + (s[n++] - '0');
  // Nine digits or more: from 1973 on, and never a BSD or RFC 3339 stamp.
  if (n < 9) return 0;
  size_t end = n + Fraction(s, n);
  if (end >= s.size() || s[end] != ' ') return 0;
  out->unix_time = v;
  out->zoned = true;
  out->offset = 0;
  return end;
}

int64_t CivilToSeconds(int y, int m, int d, int hour, int minute, int second) {
  // Howard Hinnant's days_from_civil.
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  int64_t days = era * 146097 + static_cast<int64_t>(doe) - 719468;
  return days * 86400 + hour * 3600 + minute * 60 + std::min(second, 59);
}

static void CivilFromDays(int64_t z, int* y, int* m, int* d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  *d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *y = static_cast<int>(static_cast<int64_t>(yoe) + era * 400 + (*m <= 2));
}

void SecondsToCivil(int64_t s, Stamp* out) {
  int64_t days = s >= 0 ? s / 86400 : (s - 86399) / 86400;
  int64_t rem = s - days * 86400;
  *out = Stamp();
  CivilFromDays(days, &out->year, &out->month, &out->day);
  out->hour = static_cast<int>(rem / 3600);
  out->minute = static_cast<int>(rem / 60 % 60);
  out->second = static_cast<int>(rem % 60);
}

std::string FormatTime(int64_t s) {
  Stamp t;
  SecondsToCivil(s, &t);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", t.year, t.month, t.day, t.hour,
                t.minute, t.second);
  return buf;
}

std::string FormatMonth(int64_t s) { return FormatTime(s).substr(0, 7); }

bool CivilDateExists(int y, int m, int d) {
  static constexpr int kDays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1 || d > kDays[m - 1]) return false;
  const bool leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
  return m != 2 || d != 29 || leap;
}

int64_t ParseDate(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return -1;
  int y = Digits(t, 0, 4), m = Digits(t, 5, 2), d = Digits(t, 8, 2);
  if (y < 0 || !CivilDateExists(y, m, d)) return -1;
  return CivilToSeconds(y, m, d, 0, 0, 0);
}

}  // namespace nearmiss::maillog
