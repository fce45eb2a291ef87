// Why a recipient's outcome is "unknown", read from the relay its row
// carries, and the words every report says it in: audit's page 1
// (investigate/html_summary.cc) and learn's figures of what it left out
// (cli/learn_summary.cc) word the same row the same way (round 55's
// tester 16 (b), finding 1: learn called a Microsoft 365 FilteredAsSpam
// or GettingStatus row "still deferred or held", audit "outcome unknown").
//
// The relay forms are the readers' own: maillog::UndecidedRelay ("WHERE
// (EVENT; no later event in the logs given)", trace_events.h), a smart
// host outside the organisation (kSmartHostOutside, trace_log.h), an LMTP
// server on another host (kLmtpElsewhere, RFC 2033), a delivery line cut
// before its status (kCutBeforeStatus, postfix_fields.h), a SEND whose
// export has no RecipientStatus column (kNoReplyColumn, trace_log.h); any other relay
// is a hop of the organisation's own (a content filter, another Postfix
// instance, an Exchange server's next hop, a gateway on a private address).
//
// Thread safety: pure functions.
#ifndef NEARMISS_MAILLOG_UNKNOWN_CAUSE_H_
#define NEARMISS_MAILLOG_UNKNOWN_CAUSE_H_

#include <cstddef>
#include <string_view>

namespace nearmiss::maillog {

// What the relay of an lmtp(8) delivery to another host says after the
// host: final delivery into that host's mail store (RFC 2033), whoever
// runs it (the organisation, or the recipient's domain itself).
inline constexpr std::string_view kLmtpElsewhere =
    "an LMTP server on another host: final delivery into its mail store (RFC 2033), not this "
    "host's mailbox; its log has the outcome";

enum class UnknownCause {
  kOwnHop,          // handed to a relay or server of the organisation's own
  kSmartHost,       // accepted by a smart host outside the organisation
  kLmtpElsewhere,   // delivered by LMTP into another host's mail store
  kCutLine,         // the delivery line cut before its status
  kSpam,            // Microsoft 365 FilteredAsSpam
  kNoOutcomeYet,    // Microsoft 365 Pending, GettingStatus
  kNoLaterEvent,    // an event with no later one (RECEIVE, TRANSFER, ...)
  kNoReplyColumn,   // a SEND of an Export-Csv without RecipientStatus
};
inline constexpr std::size_t kUnknownCauses = 8;

// The cause the relay of an "unknown" row says. A Microsoft 365 status is
// read in either spelling ("FilteredAsSpam", the admin center's "Filtered
// as spam").
UnknownCause UnknownCauseOf(std::string_view relay);

// The cause in words, lower case, to follow "whose outcome is unknown: ".
std::string_view UnknownCauseWords(UnknownCause cause);

}  // namespace nearmiss::maillog

#endif  // NEARMISS_MAILLOG_UNKNOWN_CAUSE_H_
