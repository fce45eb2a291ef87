// One message left "unknown" at two of the organisation's servers is one
// row, at its last hop, with the earlier hops shown: the Auditor holds
// every "unknown" (sent on to a server whose outcome is in a log not
// read) until the end (AddSentOn), and this chains those of one
// Message-ID and recipient, whatever the servers' clocks say (a gateway
// in another time zone, Exchange's UTC beside Postfix's local time):
//   - a Postfix row whose hops name the queue id of another Postfix row
//     ("X via smarthost...") comes after it: the gateway's own hand-off
//     of X after the first server's hand-off into X;
//   - of two Postfix rows of the same queue id X, the one re-keyed from
//     the hand-off into X (PostfixLog::Unfollowed: its hops end with its
//     own relay, "A via gw1...") comes before X's own row;
//   - a trace's event with no later one (an Exchange RECEIVE: "EX01
//     (RECEIVE; no later event in the logs given)") comes after a Postfix
//     row handed to a server of the organisation (not a smart host
//     outside it): the server that received it last is where it was
//     last seen; had Exchange sent it on to Postfix, its log would show a
//     SEND, not only a RECEIVE.
// A row before another is absorbed: its hop is shown in the later row's
// hops, and it is no row of its own.
//
// Thread safety: a pure function.
#ifndef NEARMISS_INVESTIGATE_SENT_ON_CHAIN_H_
#define NEARMISS_INVESTIGATE_SENT_ON_CHAIN_H_

#include <vector>

#include "investigate/report.h"

namespace nearmiss::investigate {

// Chains `rows` (above): the last hop of each chain gets the hops of the
// rows before it, which are erased from `rows`. Returns how many were.
size_t ChainSentOn(std::vector<Row>& rows);

}  // namespace nearmiss::investigate

#endif  // NEARMISS_INVESTIGATE_SENT_ON_CHAIN_H_
