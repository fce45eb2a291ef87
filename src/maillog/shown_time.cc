#include "maillog/shown_time.h"

#include "maillog/log_zone.h"
#include "maillog/timestamp.h"

namespace nearmiss::maillog {

bool UtcKnown(ZoneSource source) {
  return source == ZoneSource::kInput || (source == ZoneSource::kRunZone && LogZoneStated());
}

std::string ShownTime(int64_t utc, ZoneSource source) {
  if (UtcKnown(source)) return FormatTime(utc) + "Z";
  // The wall clock the line wrote, as the run's zone read it (a time a
  // daylight-saving change skips comes back as the hour after it).
  if (source == ZoneSource::kRunZone) return FormatTime(utc + LogZoneOffsetAt(utc));
  return FormatTime(utc);
}

}  // namespace nearmiss::maillog
