#include "maillog/postfix_log.h"

#include <algorithm>
#include <vector>

#include "maillog/log_files.h"
#include "maillog/postfix_actions.h"
#include "maillog/timestamp.h"
#include "maillog/trace_log.h"
#include "maillog/year_plan.h"

namespace nearmiss::maillog {
namespace {

enum class StatusKind { kAttempt, kProbe, kUnknown };

// The status words log_adhoc() is given: sent(), defer_append(),
// bounce_append() and qmgr's expiry write the first four; bounce_append()
// writes "SOFTBOUNCE" instead of "bounced" under soft_bounce = yes
// (global/bounce.c: the mail stays queued, deferred); verify_append()
// writes the DSN action of a probe.
StatusKind KindOf(std::string_view status) {
  if (status == "sent" || status == "deferred" || status == "bounced" || status == "expired" ||
      status == "SOFTBOUNCE") {
    return StatusKind::kAttempt;
  }
  if (status == "deliverable" || status == "undeliverable" ||
      status == "undeliverable-but-not-cached") {
    return StatusKind::kProbe;
  }
  return StatusKind::kUnknown;
}

// A reply "250 2.7.N Ok, discarded..." (RFC 3463 class 2, subject 7:
// security or policy; amavisd-new's wording).
bool FilterDiscarded(std::string_view text) {
  if (!text.starts_with("250 2.7.")) return false;
  size_t sp = text.find(' ', 8);
  return sp != std::string_view::npos && text.substr(sp + 1).starts_with("Ok, discarded");
}

// The key of a hand-off held by Message-ID (no queue id can start so).
constexpr std::string_view kByMessageId = "\x01msgid:";

// A relay that keeps the message on this host: loopback (RFC 1122 3.2.1.3,
// RFC 4291 2.5.3), "localhost", a pipe(8) or local transport ("dfilt",
// "private/amavis": no "[address]" at all), "none" or nothing logged.
bool LocalRelay(std::string_view relay) {
  if (relay.empty() || relay == "none") return true;
  size_t open = relay.find('[');
  if (open == std::string_view::npos) return relay.find('.') == std::string_view::npos;
  std::string_view addr = relay.substr(open + 1);
  return addr.starts_with("127.") || addr.starts_with("::1]") || addr.starts_with("ipv6:::1]") ||
         relay.starts_with("localhost[");
}

// A delivery into a mailbox on this host: local(8) and virtual(8) log
// relay=local and relay=virtual; lmtp(8) to a UNIX-domain socket logs the
// socket's path in the brackets (relay=mail.example[private/dovecot-lmtp],
// relay=localhost[/var/run/dovecot/lmtp]). LMTP over TCP is left out: a
// content filter may listen there (content_filter = lmtp:[127.0.0.1]:10024).
bool MailboxHere(std::string_view program, std::string_view relay) {
  if (relay == "local" || relay == "virtual") return true;
  if (program.ends_with("/local") || program.ends_with("/virtual")) return true;
  size_t open = relay.find('[');
  return program.ends_with("/lmtp") && open != std::string_view::npos &&
         relay.find('/', open) != std::string_view::npos;
}

// "to=<...>, ..., status=" at the text's start or after a prefix such as
// an id ("X: to=<"): what log_adhoc() writes for every delivery attempt.
// smtpd's "NOQUEUE: reject: ... from=<a> to=<b> proto=" has no status=.
bool LooksLikeDelivery(std::string_view t) {
  size_t to = t.starts_with("to=<") ? 0 : t.find(": to=<");
  return to != std::string_view::npos && t.find(", status=", to) != std::string_view::npos;
}

}  // namespace

PostfixLog::PostfixLog(PostfixLogOptions options, DeliverySink* sink)
    : options_(options), sink_(sink), parser_(options.year) {}

PostfixLog::~PostfixLog() = default;

const LineCounts& PostfixLog::counts() const { return trace_ ? trace_->counts() : counts_; }

void PostfixLog::BeginTraceFile(std::string name, DateOrder date_order) {
  counts_ = LineCounts();
  trace_ = std::make_unique<TraceLog>(std::move(name), sink_, date_order,
                                      options_.judgeable_domain, options_.learning,
                                      options_.own_domain);
}

void PostfixLog::EndFile() {
  if (trace_) {
    trace_->Finish();
    counts_ = trace_->counts();
    trace_.reset();
  }
}

void PostfixLog::NotUnderstood(std::string_view line) { counts_.NotUnderstood(line); }

Attempt PostfixLog::QueueAttempt(const LogLine& l, const Queue& q) {
  Attempt a;
  a.time = l.time;
  a.queue_id = l.queue_id;
  a.sender = q.sender;
  a.sender_known = q.sender_seen;  // false: no from= line read
  a.message_id = q.message_id;
  a.size = q.size;
  a.hops = q.hops;
  return a;
}

void PostfixLog::EndDeferred(const LogLine& l, Queue& q, std::string_view status,
                             std::string_view text, bool one_if_none) {
  Attempt a = QueueAttempt(l, q);
  a.status = status;
  a.status_text = text;
  // One attempt per recipient ended (LineCounts::delivery_lines).
  counts_.delivery_lines += std::max<size_t>(one_if_none ? 1 : 0, q.deferred.size());
  if (q.deferred.empty() && one_if_none) Hold(a, {});
  for (const std::string& rcpt : q.deferred) {
    a.recipient = rcpt;
    Hold(a, {});
  }
  q.deferred.clear();
}

void PostfixLog::Feed(std::string_view line) {
  ++lines_;
  if (trace_) {
    trace_->Feed(line);
    return;
  }
  LogLine l;
  bool framed = parser_.Parse(line, &l);
  counts_.Add(line, framed ? &l : nullptr);
  if (int year = parser_.TakeImpossibleDate(); year != 0) {
    if (counts_.impossible_date_line == 0) {
      counts_.impossible_date_line = counts_.lines;
      counts_.impossible_date_year = year;
    }
    // Its delivery would be dated 1 March: none from it (breaker16 #13).
    return;
  }
  if (int64_t back = parser_.TakeStepBack(); back != 0 && counts_.step_backs++ == 0) {
    counts_.step_back_line = counts_.lines;
    counts_.step_back_seconds = back;
  }
  // Noted once, where the span is reached: not again on each later file
  // of the set, whose parser carries it on.
  if (parser_.TakeSpanOverYear() && counts_.year_span_line == 0) {
    counts_.year_span_line = counts_.lines;
  }
  // Any program's lines: a custom syslog_name ("mta/smtp") is still Postfix.
  if (!framed) return;
  // smtpd's milter-reject of a RCPT before the queue file exists names no
  // queue id (postfix_actions.h): each such line is a message of its own.
  const bool noqueue = l.queue_id.empty() && l.text.starts_with("NOQUEUE: ") &&
                       IsActionLine(l.text.substr(9));
  if (noqueue) {
    l.queue_id = std::string_view(l.text).substr(0, 7);
    l.text.remove_prefix(9);
  } else if (l.queue_id.empty()) {
    // A delivery line whose id is missing or no id Postfix could write
    // ("5A5-1: to=<...>", a line cut before it): its recipient cannot be
    // tied to a message, and it is never dropped without a word.
    if (LooksLikeDelivery(l.text)) NotUnderstood(line);
    return;
  }
  line_ = line;
  std::string_view t = l.text;
  // The kinds of line a delivery is made of; anything else is noise here.
  bool to = t.starts_with("to=<");
  bool from = t.starts_with("from=<");
  bool removed = t == "removed";
  bool msgid = t.starts_with("message-id=");
  // smtpd's "client=" starts a queue id received by SMTP, the one a content
  // filter or another instance hands a message back to (HandOff).
  bool client = t.starts_with("client=");
  // A milter or a header check stopped or held the message (postfix_actions.h).
  bool action = !to && !from && IsActionLine(t);
  if (!to && !from && !removed && !msgid && !client && !action) return;
  KeyLine(&l);  // by host and instance too (postfix_scope.cc)
  if (noqueue) {
    // Its own key: the line (and its time, so the same log read twice is
    // the same attempt); shown as "NOQUEUE" (BareQueueId).
    line_key_ += '#' + std::to_string(counts_.lines) + ':' + std::to_string(l.time);
    l.queue_id = line_key_;
  }
  if (l.time + options_.hand_off_window < clock_) {
    // Log time went back by more than the window: another log (a second
    // server's, read after the first), not lines out of order. What is
    // held cannot join it; held on, it would wait for a time long past.
    Release(true);
    clock_ = l.time;
  }
  clock_ = std::max(clock_, l.time);
  // Settled queue ids end at their last line, so their ends go out now.
  if (l.time - last_settle_ > options_.settle_after / 2) Settle(l.time);
  Release(false);
  if (l.time - last_sweep_ > 3600 || queues_.size() > options_.max_queues) Expire(l.time);
  key_.assign(l.queue_id);
  auto it = queues_.find(key_);
  if (removed) {
    if (it == queues_.end() || it->second.removed) return;
    if (!it->second.deferred.empty()) {
      // qmgr removes a queue file only when no recipient is left to try
      // (qmgr_active.c); with a recipient still deferred, the file went
      // another way: postsuper -d, the administrator's answer to a
      // look-alike found in the queue (postsuper(1) logs "QID: removed").
      // Never delivered, and no longer waiting: each such recipient is
      // discarded, with the reason, never "still waiting when the logs
      // end" (breaker round 16 §5).
      // A message held (milter-hold, hold:) and deleted is the same.
      EndDeferred(l, it->second, "discarded",
                  it->second.on_hold
                      ? "deleted from the hold queue (postsuper -d) while held; never delivered"
                      : "deleted from the queue (postsuper -d) while deferred; never delivered",
                  /*one_if_none=*/false);
    }
    // Kept (for a "queued as" naming it that comes later) until its end
    // is passed on.
    it->second.removed = true;
    EndUnconfirmedJoins(it->second);
    HoldDone(l.queue_id, l.time);
    return;
  }
  if (it != queues_.end() && it->second.removed) {
    // The queue id again after its end: Postfix reused it for a new message.
    queues_.erase(it);
    it = queues_.end();
  }
  bool first_line = it == queues_.end();
  if (first_line) it = queues_.emplace(key_, Queue{}).first;
  Queue& q = it->second;
  q.last_seen = l.time;
  if (first_line && !pending_.empty()) {
    key_.assign(BareQueueId(l.queue_id));  // a "queued as X" names X alone
    JoinPending(l.queue_id, q);
  }
  if (from) {
    std::string_view sender, rest;
    if (!ReadFromField(t, &sender, &rest)) {
      NotUnderstood(line);
      return;
    }
    q.sender.assign(sender);
    q.sender_seen = true;
    q.on_hold = false;  // qmgr has it: released from the hold queue, or never held
    std::string_view fields = rest.substr(rest.starts_with(", ") ? 2 : 0);
    std::string_view size = FieldValue(fields, "size=");
    if (!size.empty()) q.size = std::strtoll(std::string(size).c_str(), nullptr, 10);
    // The recipients this pass delivers to: settled when each has a final.
    std::string_view nrcpt = FieldValue(fields, "nrcpt=");
    q.nrcpt = nrcpt.empty() ? 0 : static_cast<uint32_t>(std::strtoul(std::string(nrcpt).c_str(), nullptr, 10));
    q.finals = 0;
    if (rest.starts_with(", status=expired")) {
      // qmgr gives up on the message (qmgr_active.c): the recipients still
      // deferred expire, each an attempt of its own. When this log showed
      // none of them deferred, one attempt without a recipient says so.
      EndDeferred(l, q, "expired", "returned to sender", /*one_if_none=*/true);
    }
  } else if (client) {
    return;
  } else if (msgid) {
    std::string_view id = t.substr(11);
    if (id.starts_with('<') && id.ends_with('>')) id = id.substr(1, id.size() - 2);
    q.message_id.assign(id);
    IndexMessageId(l.queue_id, q.message_id);
    if (!pending_.empty() && q.attempts == 0) {
      // A filter's re-injected copy, after the hand-off that named no
      // queue id (HandOffByMessageId).
      key_.assign(kByMessageId);
      key_.append(q.message_id);
      auto p = pending_.find(key_);
      if (p != pending_.end() && !p->second.empty()) {
        Held* h = HeldAt(p->second.front());
        if (h != nullptr && h->Get(Held::kQueueId) != l.queue_id) JoinPending(l.queue_id, q);
      }
    }
    if (!q.joined_from.empty()) {
      // Joined to a "queued as" before its Message-ID was known: another
      // message's id means it was a remote server's queue id after all;
      // the same id shows the join. A hand-off whose own Message-ID was
      // not logged stays unshown (ConfirmOrUndoJoins decides it).
      bool undone = false;
      std::vector<uint64_t> unshown;
      for (uint64_t seq : q.joined_from) {
        Held* h = HeldAt(seq);
        std::string_view was = h != nullptr ? h->Get(Held::kMessageId) : std::string_view();
        if (h != nullptr && was.empty()) {
          unshown.push_back(seq);
        } else if (h != nullptr && was != q.message_id) {
          undone |= Unjoin(q, seq);
        }
      }
      if (undone) Unjoined(q);
      q.joined_from = std::move(unshown);
    }
  } else if (action) {
    Action(l, q);
    if (noqueue) {
      q.removed = true;
      HoldDone(l.queue_id, l.time);
    }
  } else {
    Delivery(l, q);
  }
}

bool PostfixLog::Judged(std::string_view recipient) {
  const bool judgeable = JudgeableRecipient(recipient);
  if (judgeable &&
      (!options_.judgeable_domain || options_.judgeable_domain(AddressDomain(recipient)))) {
    return true;
  }
  if (judgeable && options_.learning) {
    // Nothing to learn of a malformed domain; said, not an error.
    counts_.SkippedDomain(recipient);
    return false;
  }
  // A recipient the guard cannot judge may be the very look-alike: not
  // a delivery to leave out quietly (DESIGN.md, fail closed).
  counts_.UnparsableRecipient(line_);
  return false;
}

void PostfixLog::Action(const LogLine& l, Queue& q) {
  ActionFields f;
  if (!ReadActionLine(l.text, &f)) {
    NotUnderstood(line_);
    return;
  }
  // CONNECT, HELO, MAIL: no recipient named, no delivery stopped.
  if (f.recipient.empty() || !Judged(f.recipient)) return;
  ++counts_.stopped;
  if (f.sender_logged && !q.sender_seen) {
    q.sender.assign(f.sender);
    q.sender_seen = true;
  }
  Attempt a = QueueAttempt(l, q);
  a.recipient = f.recipient;
  a.status = f.status;
  a.status_text = f.reply;
  a.dsn = f.dsn;
  Hold(a, {});
  ++q.attempts;
  if (f.status != "held") {
    ++q.finals;
    return;
  }
  // Waiting in the hold queue: released (qmgr's from= line, then its
  // deliveries), expired, or deleted (postsuper -d: "removed"), as a
  // deferred recipient is.
  q.on_hold = true;
  if (std::find(q.deferred.begin(), q.deferred.end(), f.recipient) == q.deferred.end()) {
    q.deferred.emplace_back(f.recipient);
  }
}

void PostfixLog::EndUnconfirmedJoins(Queue& q) {
  bool undone = false;
  for (uint64_t seq : q.joined_from) {
    const Held* h = HeldAt(seq);
    if (h == nullptr) continue;
    // A relay on a public address that is not this host: a remote MX, whose
    // "queued as" merely names a queue id of ours; nothing of q showed it
    // to be this message. The receiving server's acceptance stands.
    std::string_view relay = h->Get(Held::kRelay);
    if (!LocalRelay(relay) && !InternalRelay(relay)) undone |= Unjoin(q, seq);
  }
  if (undone) Unjoined(q);
  q.joined_from.clear();
}

void PostfixLog::Delivery(const LogLine& l, Queue& q) {
  DeliveryFields f;
  if (!ReadDeliveryFields(l.text, &f)) {
    NotUnderstood(line_);
    return;
  }
  switch (KindOf(f.status)) {
    case StatusKind::kProbe:
      ++counts_.probes;
      return;
    case StatusKind::kUnknown:
      NotUnderstood(line_);
      return;
    case StatusKind::kAttempt:
      break;
  }
  if (!Judged(f.recipient)) return;
  if (options_.learning && q.sender_seen && q.sender.empty()) {
    // The null reverse-path (RFC 5321 4.5.5): a bounce or other notice the
    // mail system wrote, not correspondence a sender chose; nothing to
    // learn (tester round 7 item 12). Skipped and counted.
    if (counts_.bounces++ == 0) counts_.first_bounce_line = counts_.lines;
    return;
  }
  if (options_.learning && options_.own_domain && q.sender_seen && !q.sender.empty() &&
      !options_.own_domain(AddressDomain(q.sender))) {
    // Learning is about who the organisation writes to: a delivery of mail
    // from an outside sender (mail received, an lmtp or local delivery to
    // one of its mailboxes; or relayed for someone else) is no relationship.
    // Skipped and counted as a trace's inbound rows are.
    if (counts_.inbound_rows++ == 0) counts_.first_inbound_row_line = counts_.lines;
    return;
  }
  // Stored in a mailbox on this host (a domain it hosts): the mail did not
  // leave it, so no delivery (to a look-alike or any); counted apart.
  const bool mailbox_here = f.status == "sent" && MailboxHere(l.program, f.relay);
  if (!mailbox_here) ++counts_.delivery_lines;
  if (f.status == "SOFTBOUNCE") ++counts_.soft_bounces;
  // Its own attempt (or hand-off on) for a recipient handed to it: the
  // outcome is known, or followed to the next queue id. The next hop may
  // have rewritten the address (virtual, canonical, aliases): Postfix then
  // logs the one it was given as orig_to= (the hand-off's recipient).
  if (!q.handed.empty()) {
    std::erase(q.handed, f.recipient);
    if (!f.orig_recipient.empty()) std::erase(q.handed, f.orig_recipient);
  }
  // A delivery of its own: shows a join not shown by Message-ID, or undoes it.
  ConfirmOrUndoJoins(q, f.recipient, f.orig_recipient);
  if (mailbox_here) {
    if (counts_.local_deliveries++ == 0) counts_.first_local_delivery_line = counts_.lines;
    ++q.attempts;
    ++q.finals;
    return;
  }
  std::string_view pending;
  bool undoable = false;
  std::string joined_to;  // X of an undoable hand-off (HandOff)
  if (f.status == "sent") {
    std::string_view next = QueuedAs(f.status_text);
    if (!next.empty() && next != BareQueueId(l.queue_id)) {
      std::string kept = ResolveNext(l, next, f.relay, LocalRelay(f.relay));
      if (!kept.empty() && HandOff(l, q, kept, f.relay, f.recipient, &undoable)) {
        q.handed_on.emplace_back(f.recipient);
        if (auto n = queues_.find(q.next_id); n != queues_.end()) {
          Handed(n->second, q.next_id, f.recipient, f.relay);
        }
        // Shown by Message-ID (or by X's own attempt): A's attempt is gone.
        // Else it is held dropped, for X's later lines to undo.
        if (!undoable) return;
        joined_to = kept;
      }
      // Not (yet) seen here: held as a delivery that X's first line, if it
      // comes within the window, turns into a hand-off.
      if (kept.empty()) pending = next;
    } else if (next.empty() && !q.message_id.empty() && LocalRelay(f.relay) &&
               !l.program.ends_with("/discard") && !l.program.ends_with("/local") &&
               !l.program.ends_with("/virtual")) {
      // Handed to a filter on this host that said no queue id: the copy it
      // re-injects carries the same Message-ID. Joined if it shows up
      // within the window, else a delivery (never once too few).
      if (HandOffByMessageId(l, q, f.relay)) {
        q.handed_on.emplace_back(f.recipient);
        if (auto n = queues_.find(q.next_id); n != queues_.end()) {
          Handed(n->second, q.next_id, f.recipient, f.relay);
        }
        return;
      }
      pending_key_.assign(kByMessageId);
      pending_key_.append(q.message_id);
      pending = pending_key_;
    }
  }
  ++q.attempts;
  if (f.status != "deferred" && f.status != "SOFTBOUNCE") ++q.finals;
  // discard(8) says "sent" for mail it throws away (relay=none): nothing
  // reached the recipient, so it is no delivery. So does Postfix's smtp or
  // lmtp client when a content filter accepted the message only to throw it
  // away: amavisd-new answers "250 2.7.0 Ok, discarded, id=... - INFECTED"
  // (its D_DISCARD, a 2.7.x success that delivers nothing).
  bool discarded = f.status == "sent" && (l.program.ends_with("/discard") ||
                                          FilterDiscarded(f.status_text));
  Attempt a = QueueAttempt(l, q);
  a.recipient = f.recipient;
  a.orig_recipient = f.orig_recipient;
  // A soft bounce stays queued: deferred, as every count says (its status
  // text keeps Postfix's reply; LineCounts::soft_bounces counts it).
  a.status = discarded                 ? std::string_view("discarded")
             : f.status == "SOFTBOUNCE" ? std::string_view("deferred")
                                        : f.status;
  a.status_text = f.status_text;
  a.relay = f.relay;
  a.dsn = f.dsn;
  uint64_t seq = Hold(a, pending);
  if (q.first_attempt == 0) q.first_attempt = seq + 1;
  if (!joined_to.empty()) {
    held_.back().dropped = true;
    if (auto n = queues_.find(joined_to); n != queues_.end()) n->second.joined_from.push_back(seq);
  }
  auto was = std::find(q.deferred.begin(), q.deferred.end(), f.recipient);
  // A soft bounce leaves the message queued, as a deferral does: its
  // expiry later applies to this recipient too.
  if (f.status == "deferred" || f.status == "SOFTBOUNCE") {
    if (was == q.deferred.end()) q.deferred.emplace_back(f.recipient);
  } else if (was != q.deferred.end()) {
    q.deferred.erase(was);
  }
}

}  // namespace nearmiss::maillog
