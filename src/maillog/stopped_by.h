// Who stopped a delivery a log says was rejected, held or discarded before
// it left: the mail server's own refusal, told apart by its source, so a
// report never says "a milter" of an Exchange transport rule (issue 16,
// h52 item 2).
//
//   Postfix (postfix_actions.h): milter-reject/-hold/-discard is a milter's
//   (milter_*, MILTER_README); reject/hold/discard in cleanup's header,
//   body or content context is header_checks(5) or body_checks(5)'s; in an
//   SMTP command's context (RCPT, MAIL, DATA, END-OF-MESSAGE) smtpd's
//   restrictions' (smtpd_*_restrictions, access(5) maps, postconf(5)).
//   Exchange message tracking (trace_row_exchange.cc): a DROP whose
//   source-context is "Transport Rule Agent" or whose recipient-status is
//   "TRANSPORT.RULES..." is a transport rule's (RejectMessage,
//   DeleteMessage); another AGENT's DROP an Exchange agent's (the
//   anti-spam or a third-party transport agent).
//   A Microsoft 365 message trace's Failed row names no cause (the export
//   has no detail column): a failure, "bounced", stopped by nothing named;
//   its Quarantined is "held" (trace_row_m365.cc).
//
// Thread safety: pure functions.
#ifndef NEARMISS_MAILLOG_STOPPED_BY_H_
#define NEARMISS_MAILLOG_STOPPED_BY_H_

#include <cstdint>
#include <string_view>

namespace nearmiss::maillog {

enum class StoppedBy : uint8_t {
  kNone,           // not stopped, or the log does not say by what
  kMilter,         // Postfix milter-reject, milter-hold, milter-discard
  kContentCheck,   // Postfix header_checks(5), body_checks(5)
  kRestriction,    // Postfix smtpd_*_restrictions, access(5) maps
  kTransportRule,  // Exchange / Microsoft 365 transport (mail flow) rule
  kAgent,          // another Exchange transport agent
};
inline constexpr int kStoppedByKinds = 6;

// "a milter", "a header or body check", "an smtpd restriction or access
// map", "a transport rule", "an Exchange transport agent"; "" for kNone.
std::string_view StoppedByWords(StoppedBy by);
// The JSON key of the kind: "milter", "header_or_body_check",
// "smtpd_restriction_or_access_map", "transport_rule",
// "exchange_agent"; "unknown" for kNone.
std::string_view StoppedByKey(StoppedBy by);
// An Exchange DROP's or a trace row's stopper from its source-context
// ("Transport Rule Agent") and its recipient status text ("550 5.7.1
// TRANSPORT.RULES.RejectMessage"): a transport rule when either names one;
// else kAgent when `agent` (source AGENT), kNone otherwise.
StoppedBy TraceStoppedBy(std::string_view source_context, std::string_view status_text, bool agent);

}  // namespace nearmiss::maillog

#endif  // NEARMISS_MAILLOG_STOPPED_BY_H_
