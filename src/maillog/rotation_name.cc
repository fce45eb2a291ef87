#include "maillog/rotation_name.h"

#include <algorithm>
#include <cctype>
#include <string_view>

#include "maillog/log_zone.h"
#include "maillog/timestamp.h"

namespace nearmiss::maillog {
namespace {

bool Digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(),
                                   [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

int Num(std::string_view s) { return std::stoi(std::string(s)); }

// logrotate's `dateformat -%Y%m%d-%s` (logrotate(8): %s, seconds since
// 1970 UTC, makes names unique when rotating more than once a day):
// "YYYYMMDD-SSSSSSSSSS". The seconds give the time, on the log host's
// wall clock (log_zone.h) as the other names' times are; they must fall
// on the date the name gives (within a day either way, the host's zone
// unknown here), else the name is no rotation's.
int64_t EpochSuffixTime(std::string_view date, std::string_view seconds) {
  if (seconds.size() > 11) return 0;
  const int y = Num(date.substr(0, 4)), m = Num(date.substr(4, 2)), d = Num(date.substr(6, 2));
  if (y < 1970 || !CivilDateExists(y, m, d)) return 0;
  const int64_t epoch = std::stoll(std::string(seconds));
  const int64_t wall = epoch + LogZoneOffsetAt(epoch);
  const int64_t day = CivilToSeconds(y, m, d, 0, 0, 0);
  constexpr int64_t kDay = 86400;
  if (wall < day - kDay || wall >= day + 2 * kDay) return 0;
  return wall;
}

// The time a rotation suffix names (without its leading '-' or '.'), as
// wall-clock seconds; 0 when it is none of the forms in rotation_name.h.
int64_t SuffixTime(std::string_view s) {
  std::string_view date, time;
  if (s.size() >= 10 && s[4] == '-' && s[7] == '-') {  // YYYY-MM-DD
    std::string joined;
    joined.append(s.substr(0, 4)).append(s.substr(5, 2)).append(s.substr(8, 2));
    if (!Digits(joined)) return 0;
    s.remove_prefix(10);
    if (!s.empty()) return 0;  // no time after a dashed date
    return CivilDateExists(Num(joined.substr(0, 4)), Num(joined.substr(4, 2)),
                           Num(joined.substr(6, 2)))
               ? CivilToSeconds(Num(joined.substr(0, 4)), Num(joined.substr(4, 2)),
                                Num(joined.substr(6, 2)), 0, 0, 0)
               : 0;
  }
  if (s.size() < 8) return 0;
  date = s.substr(0, 8);
  s.remove_prefix(8);
  if (s.size() >= 10 && s[0] == '-' && Digits(date) && Digits(s.substr(1))) {
    return EpochSuffixTime(date, s.substr(1));
  }
  if (s.size() == 2) {
    time = s;  // hourly: YYYYMMDDHH
  } else if (!s.empty()) {
    if (s[0] != '-' && s[0] != '_') return 0;
    time = s.substr(1);  // YYYYMMDD-HH[MM[SS]]
    if (time.size() != 2 && time.size() != 4 && time.size() != 6) return 0;
  }
  if (!Digits(date) || (!time.empty() && !Digits(time))) return 0;
  const int y = Num(date.substr(0, 4)), m = Num(date.substr(4, 2)), d = Num(date.substr(6, 2));
  if (y < 1970 || !CivilDateExists(y, m, d)) return 0;
  int hh = 0, mm = 0, ss = 0;
  if (time.size() >= 2) hh = Num(time.substr(0, 2));
  if (time.size() >= 4) mm = Num(time.substr(2, 2));
  if (time.size() >= 6) ss = Num(time.substr(4, 2));
  if (hh > 23 || mm > 59 || ss > 60) return 0;
  return CivilToSeconds(y, m, d, hh, mm, ss);
}

}  // namespace

RotationName ReadRotationName(const std::string& path) {
  std::string name = path;
  if (name.ends_with(".gz")) name.resize(name.size() - 3);
  const size_t slash = name.rfind('/');
  const size_t start = slash == std::string::npos ? 0 : slash + 1;
  // The last '-' or '.' of the file name whose tail is a suffix above; the
  // earliest such separator wins so "NAME.YYYYMMDD-HHMMSS" is one suffix.
  for (size_t at = start + 1; at < name.size(); ++at) {
    if (name[at] != '-' && name[at] != '.') continue;
    std::string_view tail = std::string_view(name).substr(at + 1);
    if (int64_t t = SuffixTime(tail); t > 0) {
      // Far below every numbered rank: a dated file sorts by its time.
      return {name.substr(0, at), t - (int64_t{1} << 40), t};
    }
  }
  const size_t dot = name.rfind('.');
  if (dot != std::string::npos && dot > start) {
    std::string_view tail = std::string_view(name).substr(dot + 1);
    if (Digits(tail) && tail.size() <= 3) return {name.substr(0, dot), -(Num(tail) + 1), 0};
  }
  return {name, 0, 0};
}

}  // namespace nearmiss::maillog
