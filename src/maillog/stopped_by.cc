#include "maillog/stopped_by.h"

#include <algorithm>
#include <cctype>

namespace nearmiss::maillog {
namespace {

bool ContainsFolded(std::string_view text, std::string_view lower) {
  return std::search(text.begin(), text.end(), lower.begin(), lower.end(), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) == b;
         }) != text.end();
}

}  // namespace

std::string_view StoppedByWords(StoppedBy by) {
  switch (by) {
    case StoppedBy::kMilter: return "a milter";
    case StoppedBy::kContentCheck: return "a header or body check";
    case StoppedBy::kRestriction: return "an smtpd restriction or access map";
    case StoppedBy::kTransportRule: return "a transport rule";
    case StoppedBy::kAgent: return "an Exchange transport agent";
    case StoppedBy::kNone: break;
  }
  return {};
}

std::string_view StoppedByKey(StoppedBy by) {
  switch (by) {
    case StoppedBy::kMilter: return "milter";
    case StoppedBy::kContentCheck: return "header_or_body_check";
    case StoppedBy::kRestriction: return "smtpd_restriction_or_access_map";
    case StoppedBy::kTransportRule: return "transport_rule";
    case StoppedBy::kAgent: return "exchange_agent";
    case StoppedBy::kNone: break;
  }
  return "unknown";
}

StoppedBy TraceStoppedBy(std::string_view source_context, std::string_view status_text, bool agent) {
  // Exchange's agent is "Transport Rule Agent"; its NDR's status
  // "TRANSPORT.RULES.RejectMessage".
  if (ContainsFolded(source_context, "transport rule") || ContainsFolded(status_text, "transport.rules")) {
    return StoppedBy::kTransportRule;
  }
  return agent ? StoppedBy::kAgent : StoppedBy::kNone;
}

}  // namespace nearmiss::maillog
