// The outcome of a recipient's events in Microsoft's traces: Exchange
// Server's event-id ("Event types in the message tracking log",
// learn.microsoft.com/exchange/mail-flow/transport-logs/message-tracking)
// and the same events, in title case, that Microsoft 365's historical
// search lists per recipient ("ADDR##Receive, Send, Fail").
//
// Thread safety: pure functions.
#ifndef NEARMISS_MAILLOG_TRACE_EVENTS_H_
#define NEARMISS_MAILLOG_TRACE_EVENTS_H_

#include <string>
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
  // "sent", "bounced", "discarded", "deferred" (with kStatus); "unknown"
  // when no event decides yet ("Receive", "Receive, Transfer": still on
  // its way, its outcome in no trace given), as an Exchange RECEIVE with
  // no later event is (UndecidedRelay).
  std::string_view status;
  // The decisive event is DELIVER or DUPLICATEDELIVER: into a mailbox of
  // the organisation's own, as Exchange's DELIVER event, and read the same
  // way ("internal": no delivery out, nothing learned; issue-16 tester16b,
  // finding 15). `status` stays "sent".
  bool into_mailbox = false;
};

// The relay of a recipient no event of the trace decides (status
// "unknown"), in every format's one form: "WHERE (EVENT; no later event
// in the logs given)": an Exchange RECEIVE or TRANSFER with no later
// event, a Microsoft 365 historical search's "Receive, Transfer", a
// message trace's Pending or GettingStatus. The report reads the suffix
// (investigate/auditor.cc) and says the outcome is unknown and the report
// INCOMPLETE, never "still waiting" (deferred: that is a DEFER, a 4xx).
// `where` empty: "Microsoft 365" (the trace names no server).
std::string UndecidedRelay(std::string_view where, std::string_view event);
inline constexpr std::string_view kNoLaterEvent = "; no later event in the logs given)";

// The latest decisive event (kSent, kBounced, kDiscarded, kDeferred, kHop)
// decides, as the latest event decides for Exchange (attempt_order.h):
// "Receive, Send, Fail" is bounced, "Receive, DeliverFail" bounced,
// "Receive, Drop" discarded, "Receive, Expand" not a delivery.
EventsOutcome HistoricalOutcome(std::string_view events);

}  // namespace nearmiss::maillog

#endif  // NEARMISS_MAILLOG_TRACE_EVENTS_H_
