#include "maillog/log_zone.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <ctime>

namespace nearmiss::maillog {
namespace {

struct Zone {
  bool named = false;      // offsets from localtime_r (TZ)
  int64_t fixed = 0;       // seconds east of UTC, when not named
  std::string name = "UTC";
  std::string from;
  // The last hour converted and its offset: lines come in time order.
  int64_t cached_hour = INT64_MIN;
  int64_t cached_offset = 0;
  // ClassifyWall's last quarter hour and its answer.
  int64_t cached_quarter = INT64_MIN;
  WallTime cached_kind = WallTime::kOne;
};

Zone& TheZone() {
  static Zone zone;
  return zone;
}

// The offset (seconds east of UTC) in force at UTC time `t`.
int64_t OffsetAt(int64_t t) {
  time_t tt = static_cast<time_t>(t);
  struct tm tm;
  if (::localtime_r(&tt, &tm) == nullptr) return 0;
  return tm.tm_gmtoff;
}

// "+01:00", "-0500", "+1": seconds east, or false.
bool FixedOffset(std::string_view s, int64_t* out) {
  if (s.size() < 2 || (s[0] != '+' && s[0] != '-')) return false;
  int digits[4] = {0, 0, 0, 0};
  size_t n = 0;
  for (size_t i = 1; i < s.size(); ++i) {
    if (s[i] == ':' && i == 3) continue;
    if (s[i] < '0' || s[i] > '9' || n == 4) return false;
    digits[n++] = s[i] - '0';
  }
  int hours = 0, minutes = 0;
  if (n == 1) {
    hours = digits[0];
  } else if (n == 2) {
    hours = digits[0] * 10 + digits[1];
  } else if (n == 4) {
    hours = digits[0] * 10 + digits[1];
    minutes = digits[2] * 10 + digits[3];
  } else {
    return false;
  }
  if (hours > 14 || minutes > 59 || (s.size() > 3 && s[3] == ':' && n != 4)) return false;
  *out = (s[0] == '-' ? -1 : 1) * (hours * 3600 + minutes * 60);
  return true;
}

}  // namespace

Status SetLogZone(std::string_view spec, std::string_view from) {
  Zone z;
  z.from = from;
  if (spec.empty()) {
    // The reader's own zone: TZ, else /etc/localtime (tzset(3)).
    ::tzset();
    const char* tz = std::getenv("TZ");
    std::string name = tz != nullptr && *tz != '\0' ? std::string(tz) : std::string();
    if (name.starts_with(":")) name.erase(0, 1);
    if (name.empty()) {
      char buf[256];
      const ssize_t n = ::readlink("/etc/localtime", buf, sizeof buf - 1);
      if (n > 0) {
        std::string target(buf, static_cast<size_t>(n));
        const size_t at = target.find("zoneinfo/");
        name = at == std::string::npos ? target : target.substr(at + 9);
      }
    }
    // A zone with offsets all zero is read as UTC (no conversion).
    z.named = true;
    z.name = name.empty() ? std::string("UTC") : name;
    if (z.name == "UTC" || z.name == "Etc/UTC" || z.name == "UTC0" || z.name == "GMT" ||
        z.name == "Etc/GMT" || z.name == "Universal" || z.name == "Zulu") {
      z.named = false;
      z.name = "UTC";
    }
    TheZone() = std::move(z);
    return Status::Ok();
  }
  if (spec == "UTC" || spec == "Z" || spec == "GMT" || spec == "utc") {
    z.name = "UTC";
  } else if (int64_t off = 0; FixedOffset(spec, &off)) {
    z.fixed = off;
    z.name = off == 0 ? std::string("UTC") : FormatOffset(off);
  } else {
    std::string name(spec);
    struct stat st;
    const std::string file = "/usr/share/zoneinfo/" + name;
    if (name.find("..") != std::string::npos || name.starts_with("/") ||
        ::stat(file.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) {
      std::string msg = "--log-zone ";
      msg += name;
      msg += ": neither UTC, an offset such as +01:00, nor a zone of the time-zone database "
             "(no /usr/share/zoneinfo/";
      msg += name;
      msg += ")";
      return Status::InvalidArgument(msg);
    }
    ::setenv("TZ", name.c_str(), 1);
    ::tzset();
    z.named = true;
    z.name = std::move(name);
  }
  TheZone() = std::move(z);
  return Status::Ok();
}

std::string FormatOffset(int64_t seconds) {
  std::string out = seconds < 0 ? "-" : "+";
  const int64_t a = seconds < 0 ? -seconds : seconds;
  const int h = static_cast<int>(a / 3600), m = static_cast<int>(a % 3600 / 60);
  out += static_cast<char>('0' + h / 10);
  out += static_cast<char>('0' + h % 10);
  out += ':';
  out += static_cast<char>('0' + m / 10);
  out += static_cast<char>('0' + m % 10);
  return out;
}

bool LogZoneIsUtc() {
  const Zone& z = TheZone();
  return !z.named && z.fixed == 0;
}

std::string LogZoneName() {
  const Zone& z = TheZone();
  std::string out = z.name;
  if (!z.from.empty()) {
    out += " (";
    out += z.from;
    out += ')';
  }
  return out;
}

bool LogZoneStated() { return TheZone().from == "--log-zone"; }

int64_t LogZoneOffsetAt(int64_t utc) {
  const Zone& z = TheZone();
  return z.named ? OffsetAt(utc) : z.fixed;
}

bool AbbreviatedToUtc(int64_t wall, std::string_view abbreviation, int64_t* utc) {
  const Zone& z = TheZone();
  if (z.named) {
    // Offsets change at most a few times a year: those in force a day
    // either side of `wall` are every candidate.
    for (int64_t probe : {wall - 86400, wall, wall + 86400}) {
      const int64_t offset = OffsetAt(probe);
      const time_t t = static_cast<time_t>(wall - offset);
      struct tm tm;
      if (::localtime_r(&t, &tm) == nullptr || tm.tm_gmtoff != offset ||
          tm.tm_zone == nullptr || abbreviation != tm.tm_zone) {
        continue;
      }
      *utc = wall - offset;
      return true;
    }
  }
  *utc = ZonelessToUtc(wall);
  return false;
}

WallTime ClassifyWall(int64_t wall) {
  Zone& z = TheZone();
  if (!z.named) return WallTime::kOne;
  // Zones change on a quarter hour (Chatham's 02:45): one answer per
  // quarter, as ZonelessToUtc keeps one offset per hour.
  WallTime& kind = z.cached_kind;
  if (wall / 900 == z.cached_quarter) return kind;
  z.cached_quarter = wall / 900;
  // The offsets a day either side (no zone changes twice within two
  // days): equal, no change is near; else each is a reading of `wall` if
  // it gives back its own offset. Both: the hour repeated; neither: the
  // hour skipped.
  const int64_t before = OffsetAt(wall - 86400), after = OffsetAt(wall + 86400);
  kind = WallTime::kOne;
  if (before == after) return kind;
  const bool early = OffsetAt(wall - before) == before, late = OffsetAt(wall - after) == after;
  if (early && late) kind = WallTime::kRepeated;
  if (!early && !late) kind = WallTime::kSkipped;
  return kind;
}

int64_t ZonelessToUtc(int64_t wall) {
  Zone& z = TheZone();
  if (!z.named) return wall - z.fixed;
  const int64_t hour = wall / 3600;
  if (hour != z.cached_hour) {
    // The offset at the instant the wall time would be were it UTC, then
    // again at the instant that gives: right but within a change, where
    // the first (before the change) is kept.
    const int64_t first = OffsetAt(wall);
    const int64_t second = OffsetAt(wall - first);
    z.cached_offset = second == first ? first : OffsetAt(wall - first - 2 * 3600);
    z.cached_hour = hour;
  }
  return wall - z.cached_offset;
}

}  // namespace nearmiss::maillog
