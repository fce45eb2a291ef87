#include "maillog/trace_events.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace nearmiss::maillog {
namespace {

struct Named {
  std::string_view name;
  EventClass kind;
};

// Exchange 2013-2019's documented event types, and Exchange 2007's
// (TechNet cc539063) still seen in old logs.
constexpr Named kEvents[] = {
    {"AGENTINFO", EventClass::kProgress},
    {"BADMAIL", EventClass::kBounced},
    {"CLIENTSUBMISSION", EventClass::kProgress},
    {"DEFER", EventClass::kDeferred},
    {"DELIVER", EventClass::kSent},
    {"DELIVERFAIL", EventClass::kBounced},
    {"DROP", EventClass::kDiscarded},
    {"DSN", EventClass::kProgress},
    {"DUPLICATEDELIVER", EventClass::kSent},
    {"DUPLICATEEXPAND", EventClass::kHop},
    {"DUPLICATEREDIRECT", EventClass::kHop},
    {"EXPAND", EventClass::kHop},
    {"FAIL", EventClass::kBounced},
    {"HADISCARD", EventClass::kProgress},
    {"HARECEIVE", EventClass::kProgress},
    // Shadow redundancy (Exchange 2013+): HAREDIRECT "a shadow message was
    // created", HAREDIRECTFAIL "a shadow message failed to be created"
    // (Microsoft Learn, "Event types in the message tracking log"). They
    // say nothing of the primary copy's delivery and replace no recipient:
    // no outcome (issue-16 tester, item 11).
    {"HAREDIRECT", EventClass::kProgress},
    {"HAREDIRECTFAIL", EventClass::kProgress},
    {"INITMESSAGECREATED", EventClass::kProgress},
    {"LOAD", EventClass::kProgress},
    {"MODERATIONEXPIRE", EventClass::kBounced},
    {"MODERATORAPPROVE", EventClass::kProgress},
    {"MODERATORREJECT", EventClass::kBounced},
    {"MODERATORSALLNDR", EventClass::kBounced},
    {"NOTIFYMAPI", EventClass::kProgress},
    {"NOTIFYSHADOW", EventClass::kProgress},
    // "Put in or removed from the poison message queue": an administrator
    // may resubmit it from there (RESUBMIT, then SEND), or delete it. Not
    // an outcome: a later event decides, as the docs say (issue-16 tester
    // §6).
    {"POISONMESSAGE", EventClass::kProgress},
    {"PROCESS", EventClass::kProgress},
    {"PROCESSMEETINGMESSAGE", EventClass::kProgress},
    {"RECEIVE", EventClass::kProgress},
    {"REDIRECT", EventClass::kHop},
    {"RESOLVE", EventClass::kHop},
    {"RESUBMIT", EventClass::kProgress},
    {"RESUBMITDEFER", EventClass::kDeferred},
    {"RESUBMITFAIL", EventClass::kBounced},
    {"SEND", EventClass::kSent},
    {"SENDEXTERNAL", EventClass::kSent},
    {"SUBMIT", EventClass::kProgress},
    {"SUBMITDEFER", EventClass::kDeferred},
    {"SUBMITFAIL", EventClass::kBounced},
    {"SUPPRESSED", EventClass::kProgress},
    {"THROTTLE", EventClass::kProgress},
    {"TRANSFER", EventClass::kProgress},
};

std::string_view StatusWord(EventClass c) {
  switch (c) {
    case EventClass::kSent: return "sent";
    case EventClass::kBounced: return "bounced";
    case EventClass::kDiscarded: return "discarded";
    default: return "deferred";
  }
}

// "DELIVER" for "Deliver", "DUPLICATEDELIVER" for "Duplicate_Deliver":
// the documented name, upper case, without blanks or underscores.
std::string EventName(std::string_view event) {
  std::string upper;
  for (char c : event) {
    if (c == ' ' || c == '_') continue;
    upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return upper;
}

}  // namespace

EventClass ClassifyEvent(std::string_view event) {
  const std::string upper = EventName(event);
  auto it = std::find_if(std::begin(kEvents), std::end(kEvents),
                         [&](const Named& n) { return n.name == upper; });
  return it == std::end(kEvents) ? EventClass::kUnknown : it->kind;
}

EventsOutcome HistoricalOutcome(std::string_view events) {
  EventsOutcome out;
  bool any = false;
  EventClass decisive = EventClass::kProgress;
  size_t start = 0;
  while (start <= events.size()) {
    size_t comma = events.find(',', start);
    if (comma == std::string_view::npos) comma = events.size();
    std::string_view e = events.substr(start, comma - start);
    while (!e.empty() && e.front() == ' ') e.remove_prefix(1);
    while (!e.empty() && e.back() == ' ') e.remove_suffix(1);
    start = comma + 1;
    if (e.empty()) continue;
    EventClass c = ClassifyEvent(e);
    if (c == EventClass::kUnknown) return out;  // kNotUnderstood
    any = true;
    if (c != EventClass::kProgress) {
      decisive = c;
      const std::string name = EventName(e);
      out.into_mailbox = name == "DELIVER" || name == "DUPLICATEDELIVER";
    }
  }
  if (!any) return out;
  if (decisive == EventClass::kHop) {
    out.kind = EventsOutcome::kNotDelivery;
    return out;
  }
  out.kind = EventsOutcome::kStatus;
  // Only progress ("Receive, Transfer"): nothing decided it yet.
  out.status = decisive == EventClass::kProgress ? "unknown" : StatusWord(decisive);
  return out;
}

std::string UndecidedRelay(std::string_view where, std::string_view event) {
  std::string out(where.empty() ? std::string_view("Microsoft 365") : where);
  out += " (";
  out += event;
  out += kNoLaterEvent;
  return out;
}

}  // namespace nearmiss::maillog
