// DecodesToItself, BareAddrSpec, PlainMessageId and PlainDate (plain_header.h).
#include "content/plain_header.h"

#include <time.h>

#include <algorithm>

#include "base/ascii.h"

namespace nearmiss::content {
namespace {

// RFC 5322 3.2.3 atext.
bool IsAtext(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("!#$%&'*+-/=?^_`{|}~").find(c) != std::string_view::npos;
}

bool IsLdh(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
}

// Runs of `ok` characters joined by single dots, none empty.
template <typename Pred>
bool DotJoined(std::string_view s, Pred ok) {
  if (s.empty() || s.front() == '.' || s.back() == '.') return false;
  char previous = '.';
  for (char c : s) {
    if (c == '.') {
      if (previous == '.') return false;
    } else if (!ok(c)) {
      return false;
    }
    previous = c;
  }
  return true;
}

constexpr std::string_view kBlanks = " \t";

std::string_view TrimBlanks(std::string_view s) {
  const std::size_t first = s.find_first_not_of(kBlanks);
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(kBlanks) - first + 1);
}

// The next run of non-blanks in *s, which is advanced past it and the
// blanks after it.
std::string_view NextToken(std::string_view* s) {
  const std::size_t end = std::min(s->find_first_of(kBlanks), s->size());
  const std::string_view token = s->substr(0, end);
  const std::size_t next = s->find_first_not_of(kBlanks, end);
  *s = next == std::string_view::npos ? std::string_view() : s->substr(next);
  return token;
}

// Digits only, `min` to `max` of them; their value in *out.
bool Number(std::string_view s, std::size_t min, std::size_t max, int* out) {
  if (s.size() < min || s.size() > max) return false;
  *out = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    *out = *out * 10 + (c - '0');
  }
  return true;
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

}  // namespace

bool DecodesToItself(std::string_view unfolded) {
  for (char c : unfolded) {
    if ((c < 0x20 || c > 0x7e) && c != '\t') return false;
  }
  return unfolded.find("=?") == std::string_view::npos;
}

std::optional<std::string> BareAddrSpec(std::string_view raw) {
  constexpr std::string_view kAround = " \t\r\n";
  const std::size_t first = raw.find_first_not_of(kAround);
  if (first == std::string_view::npos) return std::nullopt;
  const std::string_view addr = raw.substr(first, raw.find_last_not_of(kAround) - first + 1);
  const std::size_t at = addr.find('@');
  if (at == std::string_view::npos) return std::nullopt;
  const std::string_view local = addr.substr(0, at);
  const std::string_view domain = addr.substr(at + 1);
  if (!DotJoined(local, IsAtext) || !DotJoined(domain, IsLdh)) return std::nullopt;
  // "xn--" anywhere: AddressToString leaves it to GMime's idn2.
  for (std::size_t i = 0; i + 4 <= addr.size(); ++i) {
    if (StartsWithNoCase(addr.substr(i), "xn--")) return std::nullopt;
  }
  return std::string(addr);
}

}  // namespace nearmiss::content

namespace nearmiss::content {

std::optional<std::string> PlainMessageId(std::string_view value) {
  const std::string_view id = TrimBlanks(value);
  if (id.size() < 2 || id.front() != '<' || id.back() != '>') return std::nullopt;
  const std::string_view addr = id.substr(1, id.size() - 2);
  const std::size_t at = addr.find('@');
  if (at == std::string_view::npos) return std::nullopt;
  if (!DotJoined(addr.substr(0, at), IsAtext) || !DotJoined(addr.substr(at + 1), IsLdh)) {
    return std::nullopt;
  }
  return std::string(addr);
}

std::optional<int64_t> PlainDate(std::string_view value) {
  static constexpr std::string_view kDayNames[] = {"Mon,", "Tue,", "Wed,", "Thu,",
                                                   "Fri,", "Sat,", "Sun,"};
  static constexpr std::string_view kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  std::string_view rest = TrimBlanks(value);
  std::string_view token = NextToken(&rest);
  for (std::string_view name : kDayNames) {
    if (token == name) {
      token = NextToken(&rest);
      break;
    }
  }
  int day = 0, month = 0, year = 0;
  if (!Number(token, 1, 2, &day)) return std::nullopt;
  token = NextToken(&rest);
  for (int m = 0; m < 12; ++m) {
    if (token == kMonths[m]) month = m + 1;
  }
  if (month == 0 || !Number(NextToken(&rest), 4, 4, &year) || year < 1970) return std::nullopt;
  if (day < 1 || day > DaysInMonth(year, month)) return std::nullopt;
  // hh:mm or hh:mm:ss
  token = NextToken(&rest);
  int hour = 0, minute = 0, second = 0;
  if (token.size() != 5 && token.size() != 8) return std::nullopt;
  if (token[2] != ':' || !Number(token.substr(0, 2), 2, 2, &hour) ||
      !Number(token.substr(3, 2), 2, 2, &minute)) {
    return std::nullopt;
  }
  if (token.size() == 8 && (token[5] != ':' || !Number(token.substr(6, 2), 2, 2, &second))) {
    return std::nullopt;
  }
  if (hour > 23 || minute > 59 || second > 59) return std::nullopt;
  token = NextToken(&rest);
  int zone = 0;
  if (token.size() != 5 || (token[0] != '+' && token[0] != '-') ||
      !Number(token.substr(1), 4, 4, &zone) || zone / 100 > 23 || zone % 100 > 59) {
    return std::nullopt;
  }
  // A comment: "(" text without parentheses ")", and nothing after it.
  if (!rest.empty()) {
    if (rest.size() < 2 || rest.front() != '(' || rest.back() != ')' ||
        rest.substr(1, rest.size() - 2).find_first_of("()\\") != std::string_view::npos) {
      return std::nullopt;
    }
  }
  const int64_t offset = (zone / 100 * 3600 + zone % 100 * 60) * (token[0] == '-' ? -1 : 1);
  struct tm tm {};
  tm.tm_year = year - 1900;
  tm.tm_mon = month - 1;
  tm.tm_mday = day;
  tm.tm_hour = hour;
  tm.tm_min = minute;
  tm.tm_sec = second;
  return static_cast<int64_t>(::timegm(&tm)) - offset;
}

}  // namespace nearmiss::content
