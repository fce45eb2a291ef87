// Which of two attempts to one recipient of one message decides its final
// status, so a report does not depend on the order its inputs were given.
//
// The later attempt decides (a Postfix recipient has no attempt after its
// last; an Exchange message sent on and failed at the edge failed). Two
// at the same second (a Microsoft 365 export's Received time is the
// message's, the same on every status row; overlapping exports given in
// either order) are ranked by outcome: a final one (bounced, expired,
// discarded, sent) over deferred, and among finals the one that says the
// message did not arrive first, so a report errs towards what failed.
// "unknown" (an Exchange server sent the message on to another of the
// organisation's servers: trace_log.h) yields to any outcome that server's
// log gives, whatever the two times (clocks of two servers may disagree),
// and never replaces one. A deferral is no outcome, though: an "unknown"
// after it (the message sent on later, or removed by qmgr with its last
// line missing: postfix_log.h) replaces it, so a recipient is never
// counted "deferred" past the log's own later word on it (issue-16 tester
// round 33, item 4).
//
// Within one run of one file (Attempt::run: a Postfix log, an Exchange
// log) the line written later is the later attempt, whatever its time
// says: a clock stepped back between them (clock_step.h; issue-16
// tester16b, finding 1). Elsewhere (two files, a Microsoft 365 export,
// a concatenation out of order) the times decide as above.
//
// Thread safety: pure functions.
#ifndef NEARMISS_MAILLOG_ATTEMPT_ORDER_H_
#define NEARMISS_MAILLOG_ATTEMPT_ORDER_H_

#include <cstdint>
#include <string_view>

namespace nearmiss::maillog {

// deferred 0 < sent 1 < discarded 2 < deleted 3 (postsuper -d) < expired 4
// < bounced 5 < rejected 6 (a milter's, postfix_actions.h); anything else
// ("held" waits, as deferred) 0.
int OutcomeRank(std::string_view status);

// Where an attempt was written: Attempt::file, run and line.
struct WrittenAt {
  uint32_t file = 0, run = 0;
  uint64_t line = 0;
};

// True when `at` and `last_at` are two lines of one run of one file
// (so their order is the order written).
inline bool InWriteOrder(const WrittenAt& at, const WrittenAt& last_at) {
  return at.run != 0 && at.file != 0 && at.file == last_at.file && at.run == last_at.run &&
         at.line != 0 && last_at.line != 0 && at.line != last_at.line;
}

// True when an attempt (time, status, written at `at`) replaces the one
// kept (last_time, last_status, written at `last_at`) as the one that
// decides.
inline bool LaterOutcome(int64_t time, std::string_view status, int64_t last_time,
                         std::string_view last_status, const WrittenAt& at = {},
                         const WrittenAt& last_at = {}) {
  // Written after it: one second later, for the rules below.
  if (InWriteOrder(at, last_at)) time = at.line > last_at.line ? last_time + 1 : last_time - 1;
  const bool known = status != "unknown", kept_known = last_status != "unknown";
  if (known != kept_known) {
    // At the same second too: qmgr's "removed" in the deferral's second
    // is still its later word (issue-16 tester16, F1); either way round,
    // so the order the inputs were given in does not decide.
    if (!known && last_status == "deferred") return time >= last_time;
    if (known && status == "deferred" && time == last_time) return false;
    return known;
  }
  if (time != last_time) return time > last_time;
  return OutcomeRank(status) > OutcomeRank(last_status);
}

}  // namespace nearmiss::maillog

#endif  // NEARMISS_MAILLOG_ATTEMPT_ORDER_H_
