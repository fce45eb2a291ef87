// The outcome of a recipient's events in Microsoft's traces: Exchange
// Server's event-id ("Event types in the message tracking log",
// learn.microsoft.com/exchange/mail-flow/transport-logs/message-tracking)
// and the same events, in title case, that Microsoft 365's historical
// search lists per recipient ("ADDR##Receive, Send, Fail").
//
// Thread safety: pure functions.
#ifndef NEARMISS_MAILLOG_TRACE_EVENTS_H_
#define NEARMISS_MAILLOG_TRACE_EVENTS_H_

#include <string_view>

namespace nearmiss::maillog {

// What one event says of a recipient.
enum class EventClass {
  kSent,        // SEND, SENDEXTERNAL, DELIVER, DUPLICATEDELIVER
  kBounced,     // FAIL, DELIVERFAIL, SUBMITFAIL, RESUBMITFAIL,
                // MODERATORREJECT, MODERATIONEXPIRE, MODERATORSALLNDR,
                // BADMAIL: the message did not reach it
  kDiscarded,   // DROP ("dropped without a delivery status notification")
  kDeferred,    // DEFER, SUBMITDEFER, RESUBMITDEFER
  kHop,         // EXPAND, RESOLVE, REDIRECT, DUPLICATEEXPAND, DUPLICATEREDIRECT:
                // the recipient was replaced by others (a
                // group's members, its resolved or redirected address),
                // whose own events say what became of the message
  kProgress,    // the other documented events (RECEIVE, SUBMIT, TRANSFER,
                // POISONMESSAGE: in or out of the poison queue, whence it
                // may be resubmitted,
                // AGENTINFO, DSN, the shadow copy's HAREDIRECT and
                // HAREDIRECTFAIL, ...): no outcome
  kUnknown,     // not a documented event
};

// `event` without case, spaces or '_' ("DeliverFail", "DELIVERFAIL").
EventClass ClassifyEvent(std::string_view event);

// What a historical-search recipient's event list ("Receive, Send, Fail",
// in the order they happened) comes to.
struct EventsOutcome {
  enum Kind {
    kStatus,          // `status` is the recipient's outcome
    kNotDelivery,     // its latest decisive event is a hop (kHop)
    kNotUnderstood,   // an event outside the documented list, or none
  } kind = kNotUnderstood;
  // "sent", "bounced", "discarded", "deferred" (with kStatus). "deferred"
  // also when no event decides yet (only "Receive": still on its way).
  std::string_view status;
};

// The latest decisive event (kSent, kBounced, kDiscarded, kDeferred, kHop)
// decides, as the latest event decides for Exchange (attempt_order.h):
// "Receive, Send, Fail" is bounced, "Receive, DeliverFail" bounced,
// "Receive, Drop" discarded, "Receive, Expand" not a delivery.
EventsOutcome HistoricalOutcome(std::string_view events);

}  // namespace nearmiss::maillog

#endif  // NEARMISS_MAILLOG_TRACE_EVENTS_H_
