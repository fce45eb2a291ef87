// Putting the logs of separate writers (two Postfix instances, two hosts)
// in the order of their times before they are read, so a report does not
// depend on the order they were named in.
//
// Why: PostfixLog follows a hand-off ("queued as X", postfix_log.h) only
// while X's lines are held, for hand_off_window seconds of log time. An
// instance's log read before the log of the instance that handed it the
// message has released X's deliveries by the time the "queued as X" line
// is read: the hand-off then counted as a delivery of its own ("sent" to
// the next instance, even for a recipient that expired there), and the
// figures changed with the command line (issue 16, breaker round 2 §4).
//
// The rule: OrderRotated keeps each rotated set together, oldest file
// first; the sets are then ordered by the time of their oldest file's
// first line (the year of a line without one from `year` or the set's
// year plan, year_plan.h), earliest first; a set whose first line has no
// time this can read goes last; ties by base name. The upstream instance's
// log starts no later than the downstream's for the same messages, so its
// hand-offs are read first. Logs of instances that each span more than
// the hand-off window of the same period are still read one after the
// other: give them merged in time order (sort -m -s -k1,1M -k2,2n -k3,3 for BSD stamps, or one
// journalctl export), as docs/audit.md says.
//
// Thread safety: pure functions over the file system.
#ifndef NEARMISS_MAILLOG_SET_ORDER_H_
#define NEARMISS_MAILLOG_SET_ORDER_H_

#include <string>
#include <vector>

#include "maillog/year_plan.h"

namespace nearmiss::maillog {

// `ordered`: OrderRotated's output (each set together, oldest first).
// `year`: --year (0: from `plan`, else the first line must carry its own).
std::vector<std::string> OrderSetsByTime(const std::vector<std::string>& ordered, int year,
                                         const YearPlan& plan);

}  // namespace nearmiss::maillog

#endif  // NEARMISS_MAILLOG_SET_ORDER_H_
