// TraceLog, mail an Exchange mailbox sends on without its sender choosing
// the address: an inbox rule's forward or redirect (source MAILBOXRULE),
// and a REDIRECT (the mailbox's forwarding address, Microsoft's message
// tracking event table: "a message was redirected to an alternative
// recipient after an Active Directory lookup"). Each is a hop of its
// recipients' attempts, naming the mailbox when the logs do, saying
// "mailbox unknown" when they do not, never a guess (round 52's tester 16,
// findings 2 and 3). trace_log.h.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "base/ascii.h"
#include "maillog/trace_address.h"
#include "maillog/trace_events.h"
#include "maillog/trace_log.h"
#include "maillog/trace_text.h"

namespace nearmiss::maillog {

using trace_text::Trim;

namespace {

bool Among(const std::vector<std::string>& boxes, std::string_view address) {
  return std::any_of(boxes.begin(), boxes.end(),
                     [&](const std::string& b) { return AsciiLower(b) == AsciiLower(address); });
}

// The single address a cell holds, "" when none or several.
std::string_view OneAddress(std::string_view cell) {
  std::vector<std::string_view> v;
  SplitTraceAddresses(cell, &v);
  return v.size() == 1 ? v.front() : std::string_view();
}

}  // namespace

std::string TraceLog::RuleMailbox(const std::vector<std::string>& f, std::string_view id) const {
  static const std::vector<std::string> kNone;
  auto it = delivered_to_.find(AsciiLower(id));
  const std::vector<std::string>& boxes = it == delivered_to_.end() ? kNone : it->second;
  // The rule's copy names its mailbox in related-recipient-address, or is
  // sent as it (a forward's sender is the mailbox whose rule made it):
  // either, when it is a mailbox the message reached (or the only word the
  // logs give), is the mailbox. Never the first of several delivered to.
  if (std::string_view related = OneAddress(Field(f, related_));
      !related.empty() && (boxes.empty() || Among(boxes, related))) {
    return "mailbox rule of " + std::string(related);
  }
  if (std::string_view sender = OneAddress(Field(f, sender_));
      !sender.empty() && Among(boxes, sender)) {
    return "mailbox rule of " + std::string(sender);
  }
  if (boxes.size() == 1) return "mailbox rule of " + boxes.front();
  if (boxes.empty()) {
    return "a mailbox rule (mailbox unknown: the message's delivery to a mailbox is not in the "
           "logs given)";
  }
  std::string t = "a mailbox rule (mailbox unknown: the message reached ";
  for (size_t i = 0; i < boxes.size(); ++i) {
    t += i == 0 ? "" : i + 1 == boxes.size() ? " and " : ", ";
    t += boxes[i];
  }
  t += ", and the logs do not say whose rule sent it on)";
  return t;
}

void TraceLog::NoteForwardHop(std::string_view id, std::string_view rcpt, std::string hop) {
  if (forward_hops_.size() >= kMaxRelated) forward_hops_.clear();
  std::string key = AsciiLower(id);
  key += '\0';
  key += AsciiLower(rcpt);
  forward_hops_.insert_or_assign(std::move(key), std::move(hop));
}

std::string_view TraceLog::ForwardHop(std::string_view id, std::string_view rcpt) const {
  if (forward_hops_.empty()) return {};
  std::string key = AsciiLower(id);
  key += '\0';
  key += AsciiLower(rcpt);
  auto it = forward_hops_.find(key);
  return it == forward_hops_.end() ? std::string_view() : std::string_view(it->second);
}

void TraceLog::NoteMailboxRule(const std::vector<std::string>& f, std::string_view event,
                               std::string_view id) {
  std::string key = AsciiLower(id);
  std::vector<std::string_view> rcpts;
  SplitTraceAddresses(Field(f, recipient_), &rcpts);
  if (event == "DELIVER" || event == "DUPLICATEDELIVER") {
    // Every mailbox the message reached (one DELIVER naming several, or a
    // DELIVER each), for a rule that sends it on. Bounded per message.
    if (rcpts.empty()) return;
    if (delivered_to_.size() >= kMaxRelated) delivered_to_.clear();
    std::vector<std::string>& boxes = delivered_to_[key];
    for (std::string_view r : rcpts) {
      if (boxes.size() < kMaxMailboxes && !Among(boxes, r)) boxes.emplace_back(r);
    }
    return;
  }
  if (ClassifyEvent(event) == EventClass::kHop && event.ends_with("REDIRECT")) {
    // The mailbox's forwarding address: its recipients are a hop from the
    // address in related-recipient-address (the mailbox), which the
    // sender chose; they are not.
    std::string_view mailbox = OneAddress(Field(f, related_));
    const std::string hop =
        mailbox.empty()
            ? std::string("a redirect (Exchange REDIRECT; mailbox unknown: "
                          "related-recipient-address names none)")
            : "a redirect by " + std::string(mailbox) + "'s forwarding address (Exchange REDIRECT)";
    for (std::string_view r : rcpts) NoteForwardHop(id, r, hop);
    row_makes_hop_ = true;
    return;
  }
  key += '\0';
  key += Trim(Field(f, internal_id_));
  if (Trim(Field(f, source_)) == "MAILBOXRULE") {
    // An inbox rule's copy (redirect or forward) of a message delivered
    // here: the rule's SEND of it names no mailbox, so its hop does (round
    // 50's tester 16, finding 3). By internal-message-id on this server,
    // and by recipient for its SEND on another (an Edge Transport
    // server's, under its own internal-message-id).
    std::string hop = RuleMailbox(f, id);
    for (std::string_view r : rcpts) NoteForwardHop(id, r, hop);
    row_makes_hop_ = true;
    if (rule_of_.size() >= kMaxRelated) rule_of_.clear();
    rule_of_.insert_or_assign(key, std::move(hop));
    return;  // the copy's own RECEIVE: the hop is said once, by its outcome
  }
  if (auto rule = rule_of_.find(key); rule != rule_of_.end()) row_hops_ = rule->second;
}

}  // namespace nearmiss::maillog
