#include "maillog/rotation_name.h"

#include <algorithm>
#include <cctype>
#include <string_view>

#include "maillog/log_zone.h"
#include "maillog/timestamp.h"

namespace nearmiss::maillog {
namespace {

bool IsDigit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

bool Digits(std::string_view s) { return !s.empty() && std::all_of(s.begin(), s.end(), IsDigit); }

bool IsSeparator(char c) { return c == '-' || c == '_' || c == '.'; }

int Num(std::string_view s) { return std::stoi(std::string(s)); }

// The run of digits at `at` in `s` (0 when none).
size_t DigitRun(std::string_view s, size_t at) {
  size_t end = at;
  while (end < s.size() && IsDigit(s[end])) ++end;
  return end - at;
}

// logrotate's `dateformat -%Y%m%d-%s` (logrotate(8): %s, seconds since
// 1970 UTC, makes names unique when rotating more than once a day):
// "YYYYMMDD-SSSSSSSSSS". The seconds give the time, on the log host's
// wall clock (log_zone.h) as the other names' times are; they must fall
// on the date the name gives (within a day either way, the host's zone
// unknown here), else the name is no rotation's.
int64_t EpochSuffixTime(int64_t day, std::string_view seconds) {
  if (seconds.size() > 11) return 0;
  const int64_t epoch = std::stoll(std::string(seconds));
  const int64_t wall = epoch + LogZoneOffsetAt(epoch);
  constexpr int64_t kDay = 86400;
  if (wall < day - kDay || wall >= day + 2 * kDay) return 0;
  return wall;
}

// A date (and time) token of a file name at `at` (rotation_name.h), and
// where it ends; time 0 when none starts there.
struct DateToken {
  int64_t time = 0;
  size_t end = 0;
};

DateToken DateAt(std::string_view s, size_t at) {
  auto ends_token = [&](size_t i) { return i == s.size() || IsSeparator(s[i]); };
  std::string_view rest = s.substr(at);
  int y = 0, m = 0, d = 0;
  size_t end = at;
  std::string_view time;
  const size_t run = DigitRun(rest, 0);
  if (run == 4 && rest.size() >= 10 && IsSeparator(rest[4]) && rest[7] == rest[4] &&
      DigitRun(rest, 5) == 2 && DigitRun(rest, 8) == 2) {
    // YYYY-MM-DD (or with '_' or '.' throughout); no time after it.
    y = Num(rest.substr(0, 4)), m = Num(rest.substr(5, 2)), d = Num(rest.substr(8, 2));
    end += 10;
  } else if (run == 8 || run == 10) {
    y = Num(rest.substr(0, 4)), m = Num(rest.substr(4, 2)), d = Num(rest.substr(6, 2));
    end += run;
    if (run == 10) time = rest.substr(8, 2);  // hourly: YYYYMMDDHH
  } else {
    return {};
  }
  if (y < 1970 || y > 2199 || !CivilDateExists(y, m, d)) return {};
  const int64_t day = CivilToSeconds(y, m, d, 0, 0, 0);
  if (run == 8 && end < s.size() && (s[end] == '-' || s[end] == '_' || s[end] == 'T')) {
    const size_t more = DigitRun(s, end + 1);
    if (more >= 10 && s[end] == '-' && ends_token(end + 1 + more)) {
      const int64_t wall = EpochSuffixTime(day, s.substr(end + 1, more));
      return wall == 0 ? DateToken{} : DateToken{wall, end + 1 + more};
    }
    if ((more == 2 || more == 4 || more == 6) && ends_token(end + 1 + more) &&
        (s[end] != 'T' || more >= 4)) {
      // YYYYMMDD-HH[MM[SS]] (`postfix logrotate`), YYYYMMDDTHHMM[SS]
      time = s.substr(end + 1, more);
      end += 1 + more;
    } else if (s[end] == 'T' || more >= 10) {
      return {};
    }
  }
  if (!ends_token(end)) return {};
  int hh = 0, mm = 0, ss = 0;
  if (time.size() >= 2) hh = Num(time.substr(0, 2));
  if (time.size() >= 4) mm = Num(time.substr(2, 2));
  if (time.size() >= 6) ss = Num(time.substr(4, 2));
  if (hh > 23 || mm > 59 || ss > 60) return {};
  return {day + hh * 3600 + mm * 60 + ss, end};
}

// A compressor's suffix, without its '.' ("gz", "bz2"; any case).
bool CompressionSuffix(std::string_view ext) {
  std::string e(ext);
  for (char& c : e) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return e == "gz" || e == "bz2" || e == "xz" || e == "zst" || e == "z" || e == "lz4";
}

// `name` without its compressors' suffixes, wherever they stand among its
// last '.' tokens ("maillog.2.gz", "mail.2.log.gz", "maillog.2025-11-03.gz.txt").
std::string WithoutCompression(std::string name) {
  for (size_t dot = name.rfind('.'); dot != std::string::npos && dot > 0;
       dot = dot == 0 ? std::string::npos : name.rfind('.', dot - 1)) {
    const size_t next = name.find('.', dot + 1);
    std::string_view ext = std::string_view(name).substr(dot + 1, next == std::string::npos
                                                                      ? std::string::npos
                                                                      : next - dot - 1);
    if (CompressionSuffix(ext)) {
      name.erase(dot, ext.size() + 1);
    } else if (!std::all_of(ext.begin(), ext.end(), [](char c) {
                 return std::isalpha(static_cast<unsigned char>(c)) != 0;
               })) {
      break;  // past the extensions: the name itself, a number or a date
    }
  }
  return name;
}

// An extension after a rotation number: letters only, short ("log", "txt").
bool Extension(std::string_view ext) {
  return !ext.empty() && ext.size() <= 5 && std::all_of(ext.begin(), ext.end(), [](char c) {
    return std::isalpha(static_cast<unsigned char>(c)) != 0;
  });
}

// A YYYY-MM token at `at` (rotation_name.h's `month`); 0 when none.
int64_t MonthAt(std::string_view s, size_t at) {
  std::string_view rest = s.substr(at);
  if (DigitRun(rest, 0) != 4 || rest.size() < 7 || !IsSeparator(rest[4]) ||
      DigitRun(rest, 5) != 2 || (rest.size() > 7 && !IsSeparator(rest[7]))) {
    return 0;
  }
  const int y = Num(rest.substr(0, 4)), m = Num(rest.substr(5, 2));
  if (y < 1970 || y > 2199 || m < 1 || m > 12) return 0;
  return CivilToSeconds(y, m, 1, 0, 0, 0);
}

}  // namespace

RotationName ReadRotationName(const std::string& path) {
  const size_t slash = path.rfind('/');
  const std::string dir = slash == std::string::npos ? std::string() : path.substr(0, slash + 1);
  const std::string name = WithoutCompression(path.substr(dir.size()));
  // The last date token of the name (a range's end, the rotation's time).
  DateToken date;
  size_t date_at = 0;
  int64_t month = 0;
  for (size_t at = 0; at < name.size(); ++at) {
    if (at != 0 && !IsSeparator(name[at - 1])) continue;
    if (DateToken t = DateAt(name, at); t.time > 0) {
      date = t;
      date_at = at;
    } else if (const int64_t m = MonthAt(name, at); m > 0) {
      month = m;
    }
  }
  if (date.time > 0) {
    // The name without the date and the separator before it ("mail.log"
    // for "mail-20251103.log"; "maillog" for "maillog-20251103"): the set.
    std::string base = name.substr(0, date_at == 0 ? 0 : date_at - 1);
    std::string_view after = std::string_view(name).substr(date.end);
    if (date_at == 0 && !after.empty()) after.remove_prefix(1);
    base += after;
    // Far below every numbered rank: a dated file sorts by its time.
    return {dir + base, date.time - (int64_t{1} << 40), date.time};
  }
  // NAME.N, or NAME.N.EXT (logrotate's `extension`: mail.1.log for
  // mail.log), N at most three digits.
  const size_t last = name.rfind('.');
  if (last != std::string::npos && last > 0) {
    std::string_view tail = std::string_view(name).substr(last + 1);
    if (Digits(tail) && tail.size() <= 3) {
      return {dir + name.substr(0, last), -(Num(tail) + 1), 0};
    }
    const size_t before = name.rfind('.', last - 1);
    if (Extension(tail) && before != std::string::npos && before > 0) {
      std::string_view n = std::string_view(name).substr(before + 1, last - before - 1);
      if (Digits(n) && n.size() <= 3) {
        return {dir + name.substr(0, before) + name.substr(last), -(Num(n) + 1), 0};
      }
    }
  }
  return {dir + name, 0, 0, month};
}

}  // namespace nearmiss::maillog
