// Why a recipient's outcome is "unknown" (unknown_cause.h).
#include "maillog/unknown_cause.h"

#include <string>

#include "maillog/postfix_fields.h"
#include "maillog/trace_events.h"
#include "maillog/trace_log.h"

namespace nearmiss::maillog {
namespace {

// The event of "WHERE (EVENT; no later event in the logs given)", lower
// case, spaces left out; "" for any other relay.
std::string UndecidedEvent(std::string_view relay) {
  if (!relay.ends_with(kNoLaterEvent)) return {};
  relay.remove_suffix(kNoLaterEvent.size());
  const std::size_t open = relay.rfind(" (");
  if (open == std::string_view::npos) return {};
  std::string event;
  for (char c : relay.substr(open + 2)) {
    if (c != ' ') event += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  return event;
}

}  // namespace

UnknownCause UnknownCauseOf(std::string_view relay) {
  if (relay.ends_with(kNoLaterEvent)) {
    const std::string event = UndecidedEvent(relay);
    if (event == "filteredasspam") return UnknownCause::kSpam;
    if (event == "pending" || event == "gettingstatus") return UnknownCause::kNoOutcomeYet;
    return UnknownCause::kNoLaterEvent;
  }
  if (relay.find(kSmartHostOutside) != std::string_view::npos) return UnknownCause::kSmartHost;
  if (relay.find(kLmtpElsewhere) != std::string_view::npos) return UnknownCause::kLmtpElsewhere;
  if (relay.find(kCutBeforeStatus) != std::string_view::npos) return UnknownCause::kCutLine;
  if (relay.find(kNoReplyColumn) != std::string_view::npos) return UnknownCause::kNoReplyColumn;
  return UnknownCause::kOwnHop;
}

std::string_view UnknownCauseWords(UnknownCause cause) {
  switch (cause) {
    case UnknownCause::kOwnHop:
      return "handed to a relay or another of the organisation's servers whose log was not given";
    case UnknownCause::kSmartHost:
      return "accepted by a smart host outside the organisation, whose log (held by whoever runs "
             "it) has the outcome";
    case UnknownCause::kLmtpElsewhere:
      return "handed by LMTP to a mail store on another host (RFC 2033), whose log was not given";
    case UnknownCause::kCutLine:
      return "its delivery line cut before its status";
    case UnknownCause::kSpam:
      return "marked as spam by Microsoft 365, which sends it through its high-risk delivery pool "
             "or blocks it, and the trace does not say which";
    case UnknownCause::kNoOutcomeYet:
      return "no outcome yet in the Microsoft 365 trace when it was taken (Pending, GettingStatus)";
    case UnknownCause::kNoLaterEvent:
      return "its last event not in the logs given (a server's log ends, or its last line is "
             "missing)";
    case UnknownCause::kNoReplyColumn:
      return "sent by a SEND of a Get-MessageTrackingLog export without RecipientStatus, which "
             "holds the next server's reply to each recipient: a refusal cannot be seen";
  }
  return "final delivery not in the logs given";
}

}  // namespace nearmiss::maillog
