#include "maillog/log_line.h"

#include <cstdio>
#include <cstring>

namespace nearmiss::maillog {
namespace {

int Digits(std::string_view s, size_t at, size_t n) {
  int v = 0;
  for (size_t i = at; i < at + n; ++i) {
    unsigned d = static_cast<unsigned char>(s[i]) - '0';
    if (d > 9) return -1;
    v = v * 10 + static_cast<int>(d);
  }
  return v;
}

// "Jan" -> 1 ... "Dec" -> 12; 0 when not a month.
int MonthOf(std::string_view s) {
  static constexpr char kMonths[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
  for (int m = 0; m < 12; ++m) {
    if (std::memcmp(kMonths + 3 * m, s.data(), 3) == 0) return m + 1;
  }
  return 0;
}

bool IsQueueIdChar(char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

}  // namespace

int64_t CivilToSeconds(int y, int m, int d, int hour, int minute, int second) {
  // Howard Hinnant's days_from_civil.
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  int64_t days = era * 146097 + static_cast<int64_t>(doe) - 719468;
  return days * 86400 + hour * 3600 + minute * 60 + second;
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

std::string FormatTime(int64_t s) {
  int64_t days = s >= 0 ? s / 86400 : (s - 86399) / 86400;
  int64_t rem = s - days * 86400;
  int y, m, d;
  CivilFromDays(days, &y, &m, &d);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", y, m, d,
                static_cast<int>(rem / 3600), static_cast<int>(rem / 60 % 60),
                static_cast<int>(rem % 60));
  return buf;
}

std::string FormatMonth(int64_t s) { return FormatTime(s).substr(0, 7); }

int64_t ParseDate(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return -1;
  int y = Digits(t, 0, 4), m = Digits(t, 5, 2), d = Digits(t, 8, 2);
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > 31) return -1;
  return CivilToSeconds(y, m, d, 0, 0, 0);
}

bool LineClock::Parse(std::string_view line, int64_t* seconds, std::string_view* rest) {
  size_t key_len;
  bool iso = !line.empty() && line[0] >= '0' && line[0] <= '9';
  key_len = iso ? 19 : 15;
  if (line.size() < key_len + 1) return false;
  size_t end = key_len;
  // Fractional seconds and a zone belong to the timestamp; the key ignores
  // them so a whole second of lines shares one conversion.
  while (end < line.size() && line[end] != ' ') ++end;
  if (end >= line.size()) return false;
  *rest = line.substr(end + 1);
  if (key_len == last_key_len_ && std::memcmp(last_key_, line.data(), key_len) == 0) {
    *seconds = last_seconds_;
    return true;
  }
  int y, mo, d, h, mi, s;
  if (iso) {
    if (line[4] != '-' || line[7] != '-' || (line[10] != 'T' && line[10] != ' ')) return false;
    y = Digits(line, 0, 4), mo = Digits(line, 5, 2), d = Digits(line, 8, 2);
    h = Digits(line, 11, 2), mi = Digits(line, 14, 2), s = Digits(line, 17, 2);
  } else {
    mo = MonthOf(line);
    if (mo == 0 || line[3] != ' ' || line[6] != ' ') return false;
    d = line[4] == ' ' ? Digits(line, 5, 1) : Digits(line, 4, 2);
    h = Digits(line, 7, 2), mi = Digits(line, 10, 2), s = Digits(line, 13, 2);
    if (last_month_ != 0 && mo < last_month_ - 6) ++year_;  // December -> January
    last_month_ = mo;
    y = year_;
  }
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || h < 0 || mi < 0 || s < 0) return false;
  last_seconds_ = CivilToSeconds(y, mo, d, h, mi, s);
  std::memcpy(last_key_, line.data(), key_len);
  last_key_len_ = key_len;
  *seconds = last_seconds_;
  return true;
}

bool ParseLogLine(std::string_view line, LineClock& clock, LogLine* out) {
  std::string_view rest;
  if (!clock.Parse(line, &out->time, &rest)) return false;
  size_t host_end = rest.find(' ');
  if (host_end == std::string_view::npos) return false;
  rest.remove_prefix(host_end + 1);
  size_t colon = rest.find(": ");
  if (colon == std::string_view::npos) return false;
  std::string_view tag = rest.substr(0, colon);
  size_t bracket = tag.find('[');
  out->program = bracket == std::string_view::npos ? tag : tag.substr(0, bracket);
  rest.remove_prefix(colon + 2);
  size_t n = 0;
  while (n < rest.size() && IsQueueIdChar(rest[n])) ++n;
  // Short ids are upper-case hex; long ids (enable_long_queue_ids) are 12+
  // characters of an alphabet without vowels. That keeps "warning:" and
  // "statistics:" from passing for ids.
  bool id = n >= 5 && n + 1 < rest.size() && rest[n] == ':' && rest[n + 1] == ' ';
  if (id) {
    bool hex = true, vowel = false;
    for (size_t i = 0; i < n; ++i) {
      char c = rest[i];
      hex &= (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F');
      vowel |= std::strchr("aeiouAEIOU", c) != nullptr;
    }
    id = hex || (n >= 12 && !vowel);
  }
  if (!id) {
    out->queue_id = {};
    out->text = rest;
    return true;
  }
  out->queue_id = rest.substr(0, n);
  out->text = rest.substr(n + 2);
  return true;
}

}  // namespace nearmiss::maillog
