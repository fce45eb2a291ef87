// The reason an admin's held view shows for a held message: the reason that
// chose the rule and its suggestion, read from the milter's decision record
// of the message (by queue id) in the store. The message's own tag header
// says why in reason codes only (it reaches outside recipients once
// released: milter/transaction.cc TagValue), and its first clause used to be
// shown, which for an address typo was the domain's trusted note (issue 14
// breaker, item 6).
//
// Thread safety: pure functions; HeldReasonFromStore calls Store, which is
// thread-safe.
#ifndef NEARMISS_HTTP_HELD_REASON_H_
#define NEARMISS_HTTP_HELD_REASON_H_

#include <string>

#include "http/postfix_queue.h"
#include "nearmiss/decision_record.h"
#include "nearmiss/store.h"

namespace nearmiss::http {

// One clause per recipient the record did not accept: "RECIPIENT: CODES"
// (reason codes but "trusted", comma-separated) and, with a suggestion,
// "; did you mean SUGGESTION?"; clauses joined with "; ". "" when every
// recipient was accepted.
std::string HeldReason(const DecisionRecord& record);

// Sets `m.reason` from the newest milter decision record with `m.id` as its
// queue id, when `store` (may be null) has one; leaves it (the tag header's
// words) otherwise, a store error included (the view still shows the
// message).
void HeldReasonFromStore(Store* store, HeldMessage& m);

}  // namespace nearmiss::http

#endif  // NEARMISS_HTTP_HELD_REASON_H_
