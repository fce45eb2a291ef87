// What a file's line says of trace times written as a wall clock with no
// zone (LineCounts::local_time_rows, zone_edge_rows; line_counts.h), and of
// times without a zone that a daylight-saving change repeats or skips
// (LineCounts::OddWall).
#include <cstdint>
#include <string>

#include "base/text_format.h"
#include "maillog/line_counts.h"
#include "maillog/line_counts_text.h"
#include "maillog/log_zone.h"
#include "maillog/shown_time.h"
#include "maillog/timestamp.h"

namespace nearmiss::maillog {

std::string LocalTimes(const LineCounts& c) {
  if (c.local_time_rows == 0) return {};
  // Said whatever the zone, UTC too: the file does not say it, the reader
  // chose it (round 51's tester 16, finding 5).
  std::string out = "its times are the exporting machine's local time (the file names no zone): "
                    "read in " + LogZoneName();
  if (LogZoneStated()) {
    out += " and shown in UTC";
  } else {
    out += std::string(kShownAsWritten) +
           "; give --log-zone with the zone of the machine that exported them";
  }
  if (c.zone_edge_rows != 0) {
    out += "; " + Counted(c.zone_edge_rows, "row") +
           " the window leaves out by less than 14 hours (first at " + c.file + ":" +
           std::to_string(c.first_zone_edge_line) +
           ") may be inside it in the zone they were written in";
  }
  return out;
}

std::string ZoneEdgeDeliveries(const LineCounts& c) {
  if (c.zone_edge_deliveries == 0) return {};
  return Counted(c.zone_edge_deliveries, "delivery line") +
         " the window leaves out by less than 14 hours (first at " + c.file + ":" +
         std::to_string(c.first_zone_edge_delivery_line) +
         ") may be inside it in the zone they were written in; give --log-zone with the zone "
         "of the host that wrote them";
}

void LineCounts::OddWall(bool repeated, uint64_t line, int64_t time) {
  if (walls_repeated + walls_skipped == 0) {
    first_odd_wall_line = line;
    first_odd_wall_time = time;
  }
  ++(repeated ? walls_repeated : walls_skipped);
}

std::string OddWalls(const LineCounts& c) {
  if (c.walls_repeated + c.walls_skipped == 0) return "";
  std::string out;
  if (c.walls_repeated != 0) {
    out += Counted(c.walls_repeated, "time") +
           " ambiguous (in the hour the change from summer time repeats, which holds two "
           "instants)";
  }
  if (c.walls_skipped != 0) {
    out += out.empty() ? Counted(c.walls_skipped, "time")
                       : " and " + Thousands(static_cast<int64_t>(c.walls_skipped));
    out += " nonexistent (in the hour the change to summer time skips)";
  }
  out += " in " + LogZoneName() + ", read with the offset in force before the change (the first, " +
         c.file + ":" + std::to_string(c.first_odd_wall_line) + ", read as " +
         FormatTime(c.first_odd_wall_time) +
         " UTC), so each may be an hour off; logs whose timestamps carry their offset (RFC "
         "3339) are read exactly";
  return out;
}

}  // namespace nearmiss::maillog
