// PostfixLog, a queue id's "removed" (qmgr's once every recipient has an
// outcome, qmgr_active.c; postsuper's for postsuper -d): the recipients it
// leaves without a line, deferred or held, get their outcome, and the
// queue id's end is passed on (postfix_log.h).
#include <cstdint>

#include "maillog/postfix_log.h"

namespace nearmiss::maillog {

void PostfixLog::Removed(const LogLine& l, Queue& q) {
  if (q.nrcpt != 0 && l.program.ends_with("/qmgr")) {
    // qmgr took on nrcpt recipients and removes the message only once
    // each has an outcome (qmgr_active.c): the lines of those not seen
    // are missing (a rate limit's drop, a framing not read). Those
    // deferred end "unknown" below, those handed on at the next queue
    // id's end: not counted twice.
    const uint64_t accounted = q.settled_lines + q.deferred.size() + q.handed.size();
    if (q.start_seen && q.nrcpt > accounted) {
      counts_.MissingOutcomes(q.nrcpt - accounted);
    } else if (!q.start_seen && q.rcpt_lines == 0 && q.deferred.empty() && q.handed.empty()) {
      // Its earlier passes not read: this pass tried one at least.
      counts_.MissingOutcomes(1);
    }
  }
  if (!q.deferred.empty() && l.program.ends_with("/qmgr")) {
    // qmgr writes "removed" only once no recipient is left to try
    // (qmgr_active.c): a recipient this log still shows deferred had a
    // later line (its delivery or bounce) that is not here: a line in a
    // framing not read, a syslog rate limit's drop. Its outcome is
    // unknown, never "never delivered" (issue-16 tester round 9, defect
    // 3); postsuper(1) logs its deletions under its own name (below).
    EndDeferred(l, q, "unknown", "removed by qmgr while deferred",
                /*one_if_none=*/false);
  } else if (!q.deferred.empty()) {
    // qmgr removes a queue file only when no recipient is left to try
    // (qmgr_active.c); with a recipient still deferred, the file went
    // another way: postsuper -d, the administrator's answer to a
    // look-alike found in the queue (postsuper(1) logs "QID: removed").
    // Never delivered, and no longer waiting: each such recipient is
    // "deleted" (an administrator's act, not discard(8)'s: issue-16
    // tester round 33, item 4), with the reason, never "still waiting
    // when the logs end" (breaker round 16 §5).
    // A message held (milter-hold, hold:) and deleted is the same.
    EndDeferred(l, q, "deleted",
                q.on_hold
                    ? "deleted from the hold queue (postsuper -d) while held; never delivered"
                    : "deleted from the queue (postsuper -d) while deferred; never delivered",
                /*one_if_none=*/false);
  }
  // Kept (for a "queued as" naming it that comes later) until its end
  // is passed on.
  q.removed = true;
  EndUnconfirmedJoins(q);
  HoldDone(l.queue_id, l.time);
}

}  // namespace nearmiss::maillog
