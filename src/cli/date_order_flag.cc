// --date-order: which number of a slash date is the day. A Microsoft 365
// export is written in the exporting machine's locale and does not say
// which; guessing would put a message on the wrong day or month.
#include <map>

#include "cli/commands.h"

namespace nearmiss::cli {

void AddDateOrderOption(CLI::App& cmd, maillog::DateOrder* order) {
  static const std::map<std::string, maillog::DateOrder> kOrders = {
      {"dmy", maillog::DateOrder::kDayMonth}, {"mdy", maillog::DateOrder::kMonthDay}};
  cmd.add_option("--date-order", *order,
                 "Read the slash dates of a trace or a CSV export (\"04/11/2026 10:06:00\") as day/month/year (dmy) "
                 "or month/day/year (mdy); default: only the en-US AM/PM form is read, other "
                 "slash dates are counted as ambiguous and not read")
      ->transform(CLI::CheckedTransformer(kOrders));
}

}  // namespace nearmiss::cli
