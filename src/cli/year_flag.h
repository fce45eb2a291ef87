// --year's check, shared by audit and learn (implemented in
// date_order_flag.cc, beside the other flag on how log dates are read).
#ifndef NEARMISS_CLI_YEAR_FLAG_H_
#define NEARMISS_CLI_YEAR_FLAG_H_

#include <CLI/CLI.hpp>

namespace nearmiss::cli {

// A year from 1970 to next year (by the machine's UTC clock), else the
// option is refused (exit 2) with that range.
CLI::Validator YearRange();

}  // namespace nearmiss::cli

#endif  // NEARMISS_CLI_YEAR_FLAG_H_
