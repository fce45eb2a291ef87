// Attempt and DeliverySink: what every mail-log and trace reader
// (PostfixLog, TraceLog) hands to its caller, one recipient's delivery
// attempt at a time, and the key a Postfix message is known by.
//
// Thread safety: plain values; a sink is called from its reader's thread.
#ifndef NEARMISS_MAILLOG_ATTEMPT_H_
#define NEARMISS_MAILLOG_ATTEMPT_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "maillog/shown_time.h"
#include "maillog/stopped_by.h"

namespace nearmiss::maillog {

// One delivery attempt's outcome, for one recipient. Views point into the
// line or the reader's state: copy what you keep.
struct Attempt {
  int64_t time = 0;
  // Where `time`'s zone came from (shown_time.h): how reports write it.
  ZoneSource zone = ZoneSource::kInput;
  std::string_view queue_id;
  // What a sink keys the message by (OnDone names it too): Postfix queue
  // ids are unique per instance only, so two hosts, or two instances of
  // one host (syslog_name postfix-out), logging to one file may both have
  // a 4C01A1 (breaker round 3 §2). From a Postfix log: the queue id, its
  // host and its instance (QueueKey); from a trace: "" (queue_id, the
  // Message-ID, is the key). Key() gives the one to use.
  std::string_view queue_key;
  std::string_view Key() const { return queue_key.empty() ? queue_id : queue_key; }
  std::string_view sender;      // "" for the null sender (bounces) or when unknown
  // False when the log showed no sender for the message (no qmgr from=
  // line: the log starts after it): unknown, not the null sender.
  bool sender_known = true;
  std::string_view recipient;   // as logged, lower case not guaranteed
  // orig_to= as logged: the address before virtual(5), canonical(5) or
  // aliases(5) rewrote it (Postfix logs it only then); "" when not logged.
  // A hand-off's next hop is matched by it too (postfix_hand_off.cc).
  std::string_view orig_recipient;
  // "sent", "deferred", "bounced", "expired"; "discarded" for Postfix
  // discard(8)'s "sent" (thrown away, never delivered); "deleted" for a
  // recipient still deferred or held when postsuper -d removed its message; "unknown" for an
  // Exchange SEND to another of the organisation's servers (trace_log.h)
  // or a Postfix hand-off whose next queue id never attempted the
  // recipient (PostfixLog): the outcome is in a log not given, and relay
  // names where it went (hops non-empty for the Postfix case); and, from
  // an Exchange log when auditing, "unknown" for a recipient a RECEIVE (or
  // another event that is no delivery) left on its way, and "internal"
  // for one DELIVERed into the organisation's own mailbox, which settles
  // it and is no delivery (trace_log.h).
  std::string_view status;
  std::string_view status_text; // "250 2.0.0 Ok", "returned to sender"
  // For a "rejected", "held" or "discarded" status: who stopped the
  // delivery (stopped_by.h: a milter, a header or body check, an smtpd
  // restriction, an Exchange transport rule or agent); kNone when the log
  // does not say.
  StoppedBy stopped_by = StoppedBy::kNone;
  std::string_view relay;       // "mx.army.ml[192.0.2.7]:25", "none"
  // The next hop's address when `relay` writes none in brackets: an
  // Exchange SEND's server-ip (ServerIp of an export), beside its
  // server-hostname in `relay`; "" otherwise. A next hop at a private
  // address is the organisation's, whatever its name (investigate/
  // lookalike_hop.h, InternalHop).
  std::string_view relay_address;
  std::string_view dsn;         // "2.0.0"
  std::string_view hops;        // earlier hand-offs: "4F2A1B3C via 127.0.0.1[127.0.0.1]:10024"
  // A hand-off not followed (queue_id the next server's, its log not
  // given): the queue id the given log holds for this delivery, shown as
  // the row's queue id so the log can be searched for it ("" otherwise).
  std::string_view given_queue_id;
  std::string_view message_id;  // "" when not seen
  // The message's subject as a trace records it (Exchange message-subject,
  // Microsoft 365 Subject, historical search message_subject); "" when the
  // log has none (Postfix logs no subject).
  std::string_view subject;
  int64_t size = 0;
  // A Microsoft 365 message trace's MessageTraceId (Get-MessageTrace,
  // Get-MessageTraceV2: the service's own id of one message, which
  // Get-MessageTraceDetail takes); "" when the input has none. Two rows
  // carrying different ones are two messages' rows, never one row read
  // again, even when their Message-IDs differ only in case (issue 16).
  std::string_view trace_id;
  // From a trace (trace_log.h), not a Postfix log: its queue_id is the
  // Message-ID, shared by every server's events of the message.
  bool from_trace = false;
  // From a trace export (a Microsoft 365 message trace or historical
  // search, a Get-MessageTrackingLog export), not a tracking log: two
  // overlapping exports hold the same delivery in rows of their own
  // (investigate/report.h, AddAttempt).
  bool from_export = false;
  // The line is a delivery line (LineCounts::delivery_lines): false for an
  // Exchange event that does not end its recipient's delivery (a RECEIVE,
  // SUBMIT or TRANSFER; a SEND to another of the organisation's servers),
  // which stands for the recipient, outcome unknown, until a later event
  // replaces it (trace_row_exchange.cc).
  bool delivery_line = true;
  // The line shows the message is a non-delivery report: an Exchange
  // event of source DSN, or the DSN event itself (Microsoft's message
  // tracking event types), whatever its sender. A sink keeps it for the
  // message's later events (investigate/auditor.h).
  bool non_delivery_report = false;
  // The file whose line this attempt was read from (PostfixLog::file(): 1
  // for the first file begun, a trace's as a log's); 0 when fed with no
  // file begun.
  uint32_t file = 0;
  // That line's number in `file` (1 for its first line): where a reader
  // finds the attempt, and for an outcome left unknown the line that sent
  // the message on (issue 16: the INCOMPLETE notice names it). A recipient
  // a hand-off gave a queue id that never attempted it is the handing
  // line's ("queued as X", PostfixLog::CloseHandOffs); qmgr's "removed" of
  // a recipient still deferred is that line's. 0: not known.
  uint64_t line = 0;
  // The run of `file`'s lines, written in order, that holds `line`
  // (clock_step.h WriteOrder: a clock's step back stays in one run): two
  // attempts of one file and run are in the order written, whatever their
  // times say (LaterOutcome). 0: an input whose lines are in no order of
  // writing (a Microsoft 365 export, sorted as whoever saved it chose).
  uint32_t run = 0;
};

class DeliverySink {
 public:
  virtual ~DeliverySink() = default;
  virtual void OnAttempt(const Attempt& attempt) = 0;
  // The queue id is finished (removed, or forgotten after a timeout); no
  // more attempts for this message follow.
  virtual void OnDone(std::string_view queue_id) { (void)queue_id; }
};

// A Postfix message's key: "QUEUEID" '\x1f' "HOST/INSTANCE", the instance
// being the syslog_name before the program ("postfix", "postfix-out",
// "mailout" of "mailout/smtp"). BareQueueId gives the queue id back (the
// text up to the '\x1f'; a key without one is returned whole).
std::string QueueKey(std::string_view queue_id, std::string_view host, std::string_view program);
std::string_view BareQueueId(std::string_view key);

}  // namespace nearmiss::maillog

#endif  // NEARMISS_MAILLOG_ATTEMPT_H_
