#include "maillog/attempt_order.h"

namespace nearmiss::maillog {

int OutcomeRank(std::string_view s) {
  if (s == "sent") return 1;
  if (s == "discarded") return 2;
  if (s == "deleted") return 3;
  if (s == "expired") return 4;
  if (s == "bounced") return 5;
  if (s == "rejected") return 6;
  return 0;
}

}  // namespace nearmiss::maillog
