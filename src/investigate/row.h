// Row: one attempt's outcome to a flagged recipient, as audit's report
// keeps it (report.h) and --json, --csv and the HTML table show it.
//
// Thread safety: a plain value.
#ifndef NEARMISS_INVESTIGATE_ROW_H_
#define NEARMISS_INVESTIGATE_ROW_H_

#include <cstdint>
#include <string>

#include "maillog/attempt_order.h"  // WrittenAt
#include "maillog/shown_time.h"
#include "maillog/stopped_by.h"

namespace nearmiss::investigate {

struct Row {
  // "2024-03-03T10:15:02Z", or without "Z" when its UTC is not known
  // (maillog::ShownTime: a wall clock written with no zone nobody named);
  // "" when unknown.
  std::string time;
  // Where the attempt's own time's zone came from (maillog/shown_time.h);
  // kept when a closed delivery's `time` becomes its first attempt's.
  maillog::ZoneSource zone = maillog::ZoneSource::kInput;
  std::string queue_id;   // "" for mailbox messages
  std::string from;       // "" for the null sender <>, or when unknown
  bool from_known = true; // false: the log never named the sender
  // The mailbox `from` is counted under, as learn stores a sender and the
  // engine reads it: folded whole (history::HistoryAddress) and without the
  // policy's [history] recipient_delimiter extension (Engine::Mailbox), so
  // alice@, ALICE@ and alice+proj@ are one sender; "" when `from` is none.
  std::string sender_mailbox;
  // From Exchange's system mailbox (maillog/system_sender.h), and the logs
  // show it is a bounce: an event of source DSN of it, or mail its
  // recipient wrote in before (Auditor::ShownNonDelivery). The mailbox's
  // other mail (journal reports, moderation and recall notices) is not
  // one, and is shown as the mailbox's (SenderLabel).
  bool non_delivery_report = false;
  std::string to;
  // The address the sender gave, when the server rewrote it to `to` before
  // delivering (Postfix's orig_to=: aliases(5), virtual(5), canonical(5);
  // Exchange's related-recipient-address of a REDIRECT, EXPAND or RESOLVE
  // event, trace_log.h); "" when not rewritten. The reason says so too.
  std::string orig_to;
  std::string domain;
  std::string domain_unicode;  // U-label form when `domain` has A-labels ("xn--"), else ""
  // The flagged registrable domain `domain` is a host under ("gmial.com"
  // for "mail.gmial.com": one registrant), and its U-label form; "" when
  // `domain` is registrable itself or its registrable name is not flagged
  // (mod.gov.uk.co stays itself, never "uk.co"). The summaries count by it
  // (DomainLine); the rows keep `domain`.
  std::string group_domain, group_unicode;
  std::string verdict;    // "lookalike" or "blocked"
  std::string reason;     // why, in a sentence (the check's first reason); HTML only
  std::string target;     // look-alike: the domain it resembles
  std::string suggestion; // look-alike: the corrected address
  // "sent", "deferred", "bounced", "expired", "discarded", "deleted"
  // (postsuper -d while deferred or held); "unknown": sent
  // on to another of the organisation's servers (relay) whose log was not
  // given, so its outcome is not known; "rejected" (refused by the mail
  // server itself: a Postfix milter, check or restriction, an Exchange
  // transport rule or agent) and "held" (in the hold queue) from Postfix's
  // milter and check lines (maillog/postfix_actions.h) and Exchange's
  // DROP (maillog/trace_row_exchange.cc).
  std::string status;
  // Who stopped a "rejected", "held" or "discarded" one, when the log says
  // (maillog/stopped_by.h); --json "stopped_by", and the reason says it.
  maillog::StoppedBy stopped_by = maillog::StoppedBy::kNone;
  // Not delivered ("bounced", "expired", "deferred", ...) though the
  // receiving server had the whole message at one of the recipient's
  // attempts: a reply answered the end of DATA, or the connection was lost
  // after it (maillog::RefusedAfterData), so the content reached (or may
  // have reached) the look-alike's server; kept over the later attempts
  // (Report). --json "content_received".
  bool content_received = false;
  // Of those, the content reached the server at an earlier attempt, not
  // at the one whose outcome the row shows (a 550 to RCPT TO after a
  // connection lost at the end of DATA).
  bool content_earlier = false;
  std::string relay;
  // The next hop's host name when it, not the recipient, is under the
  // flagged domain (`domain`): a relayhost, transport or smart-host typo
  // hands the message to the look-alike's operator whoever the recipient
  // is (lookalike_hop.h); "" when the recipient's own domain is flagged.
  std::string lookalike_hop;
  // A Microsoft 365 trace row's MessageTraceId (maillog::Attempt::trace_id):
  // rows with different ones are never one row read again; "" when none.
  std::string trace_id;
  // From a trace export (maillog::Attempt::from_export).
  bool from_export = false;
  // Its line is a delivery line (maillog::Attempt::delivery_line).
  bool delivery_line = true;
  // A trace message whose Message-ID differs only in case from another
  // message's, told apart by its MessageTraceId (TraceMessageIds): counted
  // and joined by its own spelling, never folded into the other.
  bool id_case_apart = false;
  std::string hops;       // hand-offs before this queue id ("A via 127.0.0.1[127.0.0.1]:10024")
  // maillog::Attempt::given_queue_id: when set, the row shows it as its
  // queue id and queue_id (the next server's, no log given) as
  // next_queue_id (issue-16 tester round 57c, finding 3).
  std::string given_queue_id;
  std::string level;      // the message's sensitivity: mailboxes, and traces with a subject
  // The message's own marking in its scheme's words ("SECRET//NOFORN",
  // "CONFIDENTIAL", "CUI"; Report::MarkingOf); "" when no marking pack read
  // one. The Sensitivity column shows it, else `level`.
  std::string marking;
  std::string source;     // mailboxes only: "Sent.mbox:12"
  // Logs and traces: the line this attempt was read from ("maillog:12";
  // maillog::Attempt::line), which for an outcome left unknown is the
  // line that sent the message on; "" when not known.
  std::string where;
  // The same place as numbers (maillog::Attempt::file, run, line): within
  // one run of one file the line order says which attempt came last.
  maillog::WrittenAt written;
  // The attempt is dated after the window (audit --until): its message was
  // begun in it, and is followed to the end of the logs read (Auditor).
  bool after_window = false;
  // Mailboxes only: where `time` came from, best first: "date-header" (the
  // message's Date:, RFC 5322 3.6.1), "resent-date-header" (a re-sent
  // message's topmost Resent-Date:, 3.6.6), "mbox-from-line" (the mbox From_
  // line's delivery time, as written, no zone), "maildir-name" (the
  // delivery time a Maildir file name starts with), "file-mtime" (the
  // file's modification time); "" when none gave one.
  std::string date_source;
  int64_t seconds = 0;    // `time` as a number; 0 when unknown
  // The message's Message-ID without angle brackets ("" when not known):
  // what joins one message's copies across inputs (Report::FindDelivery).
  std::string message_id;
};

// The sender as the report shows it: the address, "<> (bounce)" for the
// null sender (RFC 5321 4.5.5), "(unknown)" when the log never named one; parentheses
// cannot appear unquoted in an address, so no sender reads the same.
std::string SenderLabel(const Row& row);
// The same of the mailbox it is counted under (Row::sender_mailbox): the
// key of the report's senders, so one mailbox is one sender.
std::string SenderCounted(const Row& row);

}  // namespace nearmiss::investigate

#endif  // NEARMISS_INVESTIGATE_ROW_H_
