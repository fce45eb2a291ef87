// TraceLog, a Microsoft 365 row: a message trace's (one recipient a row)
// and a historical search's (every recipient's events in one cell), the
// delivery attempts it records, or what it is instead (trace_log.h).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "maillog/trace_address.h"
#include "maillog/trace_events.h"
#include "maillog/trace_log.h"
#include "maillog/trace_send.h"
#include "maillog/trace_text.h"

namespace nearmiss::maillog {
using trace_text::Normal;

namespace {

// The pieces of `list` between `sep`s outside double quotes (a quoted
// local part, RFC 5321 Quoted-string with '\\' escapes, may hold one:
// "a;b"@army.ml). Calls `piece` with each, untrimmed.
template <typename Fn>
void SplitOutsideQuotes(std::string_view list, char sep, Fn piece) {
  bool quoted = false;
  size_t start = 0;
  for (size_t i = 0; i < list.size(); ++i) {
    char c = list[i];
    if (quoted && c == '\\') {
      ++i;  // the escaped character, whatever it is
    } else if (c == '"') {
      quoted = !quoted;
    } else if (c == sep && !quoted) {
      piece(list.substr(start, i - start));
      start = i + 1;
    }
  }
  piece(list.substr(start));
}

// Calls `fn` with each address of `cell` (trace_address.h: a piece that
// is no address still goes to `fn`, whose Emit counts it as a recipient
// not understood). False, calling nothing, when the cell holds none: the
// caller's EmptyRecipient counts it, never dropped.
template <typename Fn>
bool ForEachAddress(std::string_view cell, Fn fn) {
  std::vector<std::string_view> all;
  SplitTraceAddresses(cell, &all);
  for (std::string_view a : all) fn(a);
  return !all.empty();
}

}  // namespace

void TraceLog::TraceRow(const std::vector<std::string>& f, uint64_t line, const RowHead& h) {
  const std::string_view cell = Field(f, recipient_);
  std::string s = Normal(Field(f, status_));
  std::string_view status;
  if (s == "delivered") {
    status = "sent";
  } else if (s == "failed") {
    status = "bounced";
  } else if (s == "quarantined") {
    // "The message was quarantined" (Get-MessageTraceV2's Status): held by
    // the service, not refused; an administrator (or the user, as the
    // quarantine policy allows) may release it to the recipient days
    // later, and a trace taken before shows Quarantined still. Postfix's
    // hold queue is the same: "held", never "bounced" (issue-16 tester16b,
    // F5). Learning learns only what was delivered.
    status = "held";
  } else if (s == "pending" || s == "gettingstatus" || s == "filteredasspam") {
    // FilteredAsSpam: "The message was marked as spam": outbound spam is
    // sent through the high-risk delivery pool or its sender blocked
    // (Microsoft Defender for Office 365, "High-risk delivery pool for
    // outbound messages"); the trace does not say which: unknown, never
    // "bounced" (issue-16 tester16b, F5).
    // No outcome yet when the trace was taken: unknown, as an Exchange
    // RECEIVE with no later event (UndecidedRelay), never "deferred"
    // (a 4xx the trace does not show; issue-16 tester round 34, item 4).
    // Learning learns none, and counts each as audit does, by its cause
    // (maillog/unknown_cause.h; it was "deferred" there, and said as still
    // deferred or held: round 55's tester 16 (b), finding 1).
    // The row is still one recipient's outcome as the trace records it: a
    // delivery line, as every trace row is (docs/mail-logs.md, "Counts";
    // issue-16 tester round 59, finding 2: a file showed fewer delivery
    // lines than the flagged attempts drawn from it).
    std::string where = UndecidedRelay(h.relay, Field(f, status_));
    if (!ForEachAddress(cell, [&](std::string_view rcpt) {
          Emit(h.time, h.id, h.sender, rcpt, "unknown", where, Field(f, status_), line);
        })) {
      EmptyRecipient(line, recipient_heading_);
    }
    return;
  } else if (s == "none") {
    // "The message has no delivery status because it was rejected or
    // redirected to a different recipient" (Get-MessageTrace's Status):
    // this recipient did not get it, and a send to a look-alike that a
    // transport rule rejected must not vanish. Not delivered: bounced.
    if (!ForEachAddress(cell, [&](std::string_view rcpt) {
          Emit(h.time, h.id, h.sender, rcpt, "bounced", h.relay,
               "None: no delivery status (rejected, or redirected to another "
               "recipient)",
               line);
        })) {
      EmptyRecipient(line, recipient_heading_);
    }
    return;
  } else if (s == "expanded" || s == "resolved") {
    // A group expanded to its members, or an address resolved to
    // another (Active Directory): those have rows of their own. Not a
    // delivery, but counted.
    Replaced(line);
    return;
  } else {
    NotUnderstood(line);
    return;
  }
  // One row per recipient by the documentation; a cell holding several
  // (an edited export) gives each its row. Delivered to the
  // organisation's own outbound gateway (ToIP named with --smart-host,
  // or in a gateway operator's published block, or a connector of that
  // name): the outcome is in its log.
  // Delivered to a ToIP on a private address (trace_send.h): no
  // recipient's MX has one, so the mail went to a relay of the
  // organisation's own (an on-premises server or gateway behind an
  // outbound connector), not to the recipient: outcome unknown (issue 16,
  // round 36, item 3).
  const bool private_hop =
      status == "sent" && !learning_ && PrivateNextHop(Field(f, relay_), std::string_view());
  if (!ForEachAddress(cell, [&](std::string_view rcpt) {
        std::string smart_host;
        if (status == "sent" && !learning_) smart_host = SmartHostRelay(f, h.relay, rcpt);
        if (!smart_host.empty()) {
          Emit(h.time, h.id, h.sender, rcpt, "unknown", smart_host, Field(f, status_), line);
        } else if (private_hop) {
          Emit(h.time, h.id, h.sender, rcpt, "unknown", Field(f, relay_), Field(f, status_),
               line);
        } else {
          Emit(h.time, h.id, h.sender, rcpt, status, h.relay, Field(f, status_), line);
        }
      })) {
    EmptyRecipient(line, recipient_heading_);
  }
}

void TraceLog::HistoricalRow(const std::vector<std::string>& f, uint64_t line, const RowHead& h) {
  // "ADDRESS##EVENT, EVENT;ADDRESS##...". No entry at all: a message to
  // no recipient named, never passed over (issue-16 tester round 35,
  // item 1).
  const std::string_view cell = Field(f, recipient_status_);
  if (trace_text::Trim(cell).empty()) {
    EmptyRecipient(line, recipient_status_heading_);
    return;
  }
  SplitOutsideQuotes(cell, ';', [&](std::string_view entry) {
    if (entry.empty()) return;  // a trailing ';'
    size_t hash = entry.rfind("##");
    if (hash == std::string_view::npos) {
      NotUnderstood(line);
      return;
    }
    std::string_view events = entry.substr(hash + 2);
    EventsOutcome o = HistoricalOutcome(events);
    if (o.kind == EventsOutcome::kNotUnderstood) {
      NotUnderstood(line);
      return;
    }
    if (o.kind == EventsOutcome::kNotDelivery) {
      Replaced(line);
      return;
    }
    std::string_view rcpts = entry.substr(0, hash);
    if (o.into_mailbox) {
      // Delivered into the organisation's own mailbox: one rule with
      // Exchange's DELIVER (trace_row_exchange.cc): an internal hop, no
      // delivery out, never learned (issue-16 tester16b, finding 15).
      ++counts_.internal_hops;
      if (learning_) return;
      if (!ForEachAddress(rcpts, [&](std::string_view rcpt) {
            Emit(h.time, h.id, h.sender, rcpt, "internal", h.relay, events, line,
                 /*attempt=*/false);
          })) {
        EmptyRecipient(line, recipient_status_heading_);
      }
      return;
    }
    if (o.status == "unknown") {
      // No event decides it ("Receive, Transfer"): as Exchange's RECEIVE
      // with no later event (UndecidedRelay). Learning learns no "unknown",
      // but counts it by its cause as audit does (a report's row holds
      // every event of its recipient, so none later settles it).
      // A historical search recipient is a delivery line whatever its
      // events say (as a trace row is, above).
      std::string where = UndecidedRelay(h.relay, events);
      if (!ForEachAddress(rcpts, [&](std::string_view rcpt) {
            Emit(h.time, h.id, h.sender, rcpt, o.status, where, events, line);
          })) {
        EmptyRecipient(line, recipient_status_heading_);
      }
      return;
    }
    // Sent through the Hybrid wizard's connector to the on-premises
    // servers (trace_send.h): the outcome is in their tracking log.
    const bool own_hop =
        o.status == "sent" && !learning_ && OwnOrganisationConnector(Field(f, connector_));
    if (!ForEachAddress(rcpts, [&](std::string_view rcpt) {
          std::string smart_host;
          if (o.status == "sent" && !learning_) smart_host = SmartHostRelay(f, h.relay, rcpt);
          if (!smart_host.empty()) {
            Emit(h.time, h.id, h.sender, rcpt, "unknown", smart_host, events, line);
          } else if (own_hop) {
            Emit(h.time, h.id, h.sender, rcpt, "unknown", h.relay, events, line);
          } else {
            Emit(h.time, h.id, h.sender, rcpt, o.status, h.relay, events, line);
          }
        })) {
      EmptyRecipient(line, recipient_status_heading_);
    }
  });
}

}  // namespace nearmiss::maillog
