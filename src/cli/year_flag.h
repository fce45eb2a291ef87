// --year's check and --log-zone, shared by audit and learn (implemented in
// date_order_flag.cc, beside the other flag on how log dates are read).
#ifndef NEARMISS_CLI_YEAR_FLAG_H_
#define NEARMISS_CLI_YEAR_FLAG_H_

#include <CLI/CLI.hpp>

#include <string>

namespace nearmiss::cli {

// A year from 1970 to next year (by the machine's UTC clock), else the
// option is refused (exit 2) with that range.
CLI::Validator YearRange();

// --log-zone ZONE (maillog/log_zone.h): the zone of the log host's clock,
// in which timestamps without a zone (RFC 3164) are read.
void AddLogZoneOption(CLI::App& cmd, std::string* zone);
// Sets the run's zone from --log-zone, else from TZ or the system's zone;
// false with the error logged when --log-zone names none.
bool ApplyLogZone(const std::string& zone);

}  // namespace nearmiss::cli

#endif  // NEARMISS_CLI_YEAR_FLAG_H_
