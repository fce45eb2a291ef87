// --date-order: which number of a slash date is the day. A Microsoft 365
// export is written in the exporting machine's locale and does not say
// which; guessing would put a message on the wrong day or month.
#include <cstdlib>
#include <ctime>
#include <map>
#include <string>

#include "base/log.h"
#include "cli/commands.h"
#include "cli/year_flag.h"
#include "maillog/log_zone.h"

namespace nearmiss::cli {

void AddLogZoneOption(CLI::App& cmd, std::string* zone) {
  cmd.add_option("--log-zone", *zone,
                 "The zone of the log host's clock, in which timestamps without a zone (RFC 3164 "
                 "syslog; Get-MessageTrackingLog | Export-Csv's Timestamp, the exporting "
                 "machine's clock) are read: UTC, an offset (+01:00) or a zone name "
                 "(Europe/Paris); default: TZ, else the system's zone (for an export's "
                 "Timestamp a guess: warned, and a row --since or --until leaves out by less "
                 "than 14 hours makes the report incomplete). Every time is shown in UTC");
}

bool ApplyLogZone(const std::string& zone) {
  const char* tz = std::getenv("TZ");
  const Status s = maillog::SetLogZone(
      zone, !zone.empty() ? "--log-zone"
                          : (tz != nullptr && *tz != '\0' ? "TZ" : "the system's zone"));
  if (!s.ok()) log::Error(s.message());
  return s.ok();
}

void AddDateOrderOption(CLI::App& cmd, maillog::DateOrder* order) {
  static const std::map<std::string, maillog::DateOrder> kOrders = {
      {"dmy", maillog::DateOrder::kDayMonth}, {"mdy", maillog::DateOrder::kMonthDay}};
  cmd.add_option("--date-order", *order,
                 "Read the slash dates of a trace or a CSV export (\"04/11/2026 10:06:00\") as day/month/year (dmy) "
                 "or month/day/year (mdy); default: only the en-US AM/PM form is read, other "
                 "slash dates are counted as ambiguous and not read")
      ->transform(CLI::CheckedTransformer(kOrders));
}

CLI::Validator YearRange() {
  // From 1970 (the Unix epoch: no syslog timestamp is older) to next year
  // (this year by the machine's UTC clock, plus one for a clock or zone a
  // day apart): --year names the year of lines already written. A typo
  // (-5, 20260, 2016 for 2026) would move every line out of --since's
  // range or centuries away, and the report would say nothing was found
  // (issue-16 tester round 9, defect 6).
  return CLI::Validator(
      [](std::string& value) -> std::string {
        std::time_t now = std::time(nullptr);
        std::tm utc{};
        gmtime_r(&now, &utc);
        const int last = utc.tm_year + 1900 + 1;
        long year = 0;
        try {
          size_t used = 0;
          year = std::stol(value, &used);
          if (used != value.size()) year = 0;
        } catch (const std::exception&) {
          year = 0;
        }
        if (year >= 1970 && year <= last) return {};
        return "--year " + value + " is no year a log could be written in: give one from 1970 to " +
               std::to_string(last);
      },
      "YEAR in 1970..next year");
}

}  // namespace nearmiss::cli
