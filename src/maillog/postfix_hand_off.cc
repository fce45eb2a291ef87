// PostfixLog, the hand-offs: a message a content filter or another Postfix
// instance took over ("queued as X", or the Message-ID of a re-injected
// copy) is followed to the queue id that delivers it (postfix_log.h).
#include <algorithm>
#include <string>

#include "maillog/final_relay.h"
#include "maillog/loopback_relay.h"
#include "maillog/next_hop_reply.h"
#include "maillog/postfix_log.h"

namespace nearmiss::maillog {
namespace {

// "A via 127.0.0.1[127.0.0.1]:10024"; a hand-off whose relay= is empty
// says so rather than "A via ".
std::string Hop(std::string_view queue_id, std::string_view relay) {
  return std::string(BareQueueId(queue_id)) + " via " +
         (relay.empty() ? std::string("(no relay logged)") : std::string(relay));
}

}  // namespace

bool PostfixLog::HandOff(const LogLine& l, Queue& q, std::string_view next,
                         std::string_view relay, std::string_view recipient, bool* undoable) {
  *undoable = false;
  key_.assign(next);
  auto it = queues_.find(key_);
  if (it != queues_.end()) {
    Queue& n = it->second;
    // A remote MX's "queued as" that happens to name a local queue id is
    // told apart by a different Message-ID. X's own attempts may have come
    // first (out of order): they can take the hops while they are all
    // still held.
    // A loopback relay's "queued as X" is this host's X (LoopbackRelay):
    // a filter that gave the copy a new Message-ID still handed it on
    // (issue-16 tester round 9, defect 5).
    bool same = n.message_id.empty() || q.message_id.empty() || n.message_id == q.message_id ||
                LoopbackRelay(relay);
    bool all_held = n.first_attempt == 0 || n.first_attempt - 1 >= held_base_;
    if (!same || !all_held) return false;
    // Without both Message-IDs nothing says X is this message: X's
    // deliveries must show it (one of them to the recipient handed on, or
    // its orig_to=). X that delivered only others has a delivery of its
    // own (docs/mail-logs.md): a remote MX's queue id that collides with
    // ours (issue-16 tester, item 1). X with no attempt yet: the join is
    // made, undoable until X shows it (ConfirmOrUndoJoins, EndUnconfirmedJoins).
    const bool confirmed = !n.message_id.empty() && !q.message_id.empty();
    if (!confirmed && n.first_attempt != 0 && !HeldAttemptFor(n, next, recipient)) return false;
    // Held only when attempts are held at all (hand_off_window > 0).
    *undoable = !confirmed && n.first_attempt == 0 && options_.hand_off_window > 0;
    if (n.hops.empty() || n.hops.find(std::string(BareQueueId(l.queue_id)) + " via ") == std::string::npos) {
      if (*undoable && n.joined_from.empty()) {
        n.joined_hops = n.hops;
        n.joined_origin_sender = n.origin_sender;
        n.joined_origin_known = n.origin_known;
      }
      // The subject a header check logged at the first hop is the
      // message's: a filter's re-injection is often spared the checks
      // (receive_override_options=no_header_body_checks).
      if (n.subject.empty()) n.subject = q.subject;
      TakeOver(n, next, l.queue_id, q.hops, relay, file_,
               q.origin_known ? std::string_view(q.origin_sender) : std::string_view(q.sender),
               q.origin_known || q.sender_seen);
    }
    q.next_id.assign(next);
    q.next_relay.assign(relay);
    return true;
  }
  // Not seen in this log: a remote server's queue id, so a delivery.
  return false;
}

bool PostfixLog::HeldAttemptFor(const Queue& n, std::string_view id,
                                std::string_view recipient) const {
  if (n.first_attempt == 0 || recipient.empty()) return false;
  for (uint64_t seq = std::max(n.first_attempt - 1, held_base_); seq < held_base_ + held_.size();
       ++seq) {
    const Held& h = held_[seq - held_base_];
    // Its orig_to= names the recipient when X rewrote the address.
    if (!h.done && h.Get(Held::kQueueId) == id &&
        (h.Get(Held::kRecipient) == recipient || h.Get(Held::kOrigRecipient) == recipient)) {
      return true;
    }
  }
  return false;
}

bool PostfixLog::Unjoin(Queue& q, uint64_t seq) {
  Held* h = HeldAt(seq);
  if (h == nullptr || !h->dropped) return false;
  h->dropped = false;
  // No longer a hand-off waiting for X (X is another message): a delivery,
  // never PostfixLog::Unfollowed's. JoinPending took it off pending_.
  h->end[Held::kNext] = h->end[Held::kNext - 1];
  std::string rcpt(h->Get(Held::kRecipient));
  std::erase(q.handed, rcpt);
  std::erase_if(q.handed_orig, [&rcpt](const auto& p) { return p.first == rcpt; });
  release_key_.assign(h->Get(Held::kQueueId));
  if (auto from = queues_.find(release_key_); from != queues_.end()) {
    from->second.next_id.clear();
    std::erase(from->second.handed_on, rcpt);
  }
  return true;
}

void PostfixLog::Unjoined(Queue& q) {
  q.hops = q.joined_hops;
  q.origin_sender = q.joined_origin_sender;
  q.origin_known = q.joined_origin_known;
  CountHandOff(q.hand_off_file, -1);
  q.hand_off_file = kNotCounted;
}

void PostfixLog::CountHandOff(uint32_t file, int delta) {
  if (file == kNotCounted) return;
  // File 0: fed with no file begun (a caller that reads one stream).
  if (file == file_ && (file_open_ || file_ == 0)) {
    if (delta > 0 || counts_.hand_offs > 0) counts_.hand_offs += delta;
    return;
  }
  if (late_hand_offs_.size() < file) late_hand_offs_.resize(file);
  late_hand_offs_[file - 1] += delta;
}

void PostfixLog::ConfirmOrUndoJoins(Queue& q, std::string_view recipient,
                                    std::string_view orig_recipient) {
  if (q.joined_from.empty()) return;
  bool shown = false;
  for (uint64_t seq : q.joined_from) {
    const Held* h = HeldAt(seq);
    if (h == nullptr) continue;
    std::string_view handed = h->Get(Held::kRecipient);
    shown |= handed == recipient || (!orig_recipient.empty() && handed == orig_recipient);
  }
  if (!shown) {
    // X delivers a recipient no hand-off gave it: another message.
    bool undone = false;
    for (uint64_t seq : q.joined_from) undone |= Unjoin(q, seq);
    if (undone) Unjoined(q);
  }
  q.joined_from.clear();
}

void PostfixLog::IndexMessageId(std::string_view queue_id, const std::string& message_id) {
  if (message_id.empty()) return;
  if (by_message_id_.size() > 2 * queues_.size() + 1024) {
    // Bounded: only the queue ids still kept.
    by_message_id_.clear();
    for (const auto& [id, q] : queues_) {
      if (!q.message_id.empty()) by_message_id_[q.message_id] = id;
    }
  }
  by_message_id_[message_id] = std::string(queue_id);
}

bool PostfixLog::HandOffByMessageId(const LogLine& l, Queue& q, std::string_view relay) {
  auto m = by_message_id_.find(q.message_id);
  if (m == by_message_id_.end() || m->second == l.queue_id) return false;
  std::string next = m->second;  // HandOff reuses key_
  auto it = queues_.find(next);
  if (it == queues_.end() || it->second.message_id != q.message_id) return false;
  bool undoable = false;  // both Message-IDs known: never
  return HandOff(l, q, next, relay, {}, &undoable);
}

void PostfixLog::TakeOver(Queue& next, std::string_view next_id, std::string_view from_id,
                          const std::string& from_hops, std::string_view relay,
                          uint32_t counted_in, std::string_view from_sender, bool from_known,
                          int depth) {
  if (counted_in != kNotCounted) {
    CountHandOff(counted_in, 1);
    next.hand_off_file = counted_in;
  }
  std::string hop = Hop(from_id, relay);
  next.hops = from_hops.empty() ? hop : from_hops + ", " + hop;
  if (from_known) {
    next.origin_sender.assign(from_sender);
    next.origin_known = true;
  }
  // Already handed on (its lines came first): the queue ids after it learn
  // the hop too. The depth bounds a chain a crafted log makes circular.
  if (!next.next_id.empty() && depth < 8) {
    auto it = queues_.find(next.next_id);
    if (it != queues_.end()) {
      if (it->second.subject.empty()) it->second.subject = next.subject;
      TakeOver(it->second, next.next_id, next_id, next.hops, next.next_relay, kNotCounted,
               next.origin_known ? std::string_view(next.origin_sender) : std::string_view(next.sender),
               next.origin_known || next.sender_seen, depth + 1);
    }
  }
  if (next.first_attempt == 0) return;
  // Its attempts read before the hand-off line: still held, they get the hops.
  for (uint64_t seq = next.first_attempt - 1; seq < held_base_ + held_.size(); ++seq) {
    Held& h = held_[seq - held_base_];
    if (h.done || h.Get(Held::kQueueId) != next_id) continue;
    h.Set(Held::kHops, next.hops);
    if (h.Get(Held::kSubject).empty() && !next.subject.empty()) h.Set(Held::kSubject, next.subject);
    if (next.origin_known) {
      h.Set(Held::kSender, next.origin_sender);
      h.sender_known = true;
    }
  }
}

std::string_view PostfixLog::HandedOrig(const Queue& q, std::string_view recipient) const {
  for (const auto& [rcpt, orig] : q.handed_orig) {
    if (rcpt == recipient) return orig;
  }
  return {};
}

void PostfixLog::NoteHandedOrig(Queue& next, std::string_view next_id, std::string_view recipient,
                                std::string_view orig) {
  if (orig.empty() || orig == recipient || !HandedOrig(next, recipient).empty()) return;
  next.handed_orig.emplace_back(recipient, orig);
  if (next.first_attempt == 0) return;
  // Its attempts read before the hand-off line (out of order) carry it too.
  for (uint64_t seq = std::max(next.first_attempt - 1, held_base_);
       seq < held_base_ + held_.size(); ++seq) {
    Held& h = held_[seq - held_base_];
    if (!h.done && h.Get(Held::kQueueId) == next_id && h.Get(Held::kRecipient) == recipient &&
        h.Get(Held::kOrigRecipient).empty()) {
      h.Set(Held::kOrigRecipient, orig);
    }
  }
}

void PostfixLog::JoinPending(std::string_view id, Queue& q) {
  auto p = pending_.find(key_);  // key_ holds `id`
  if (p == pending_.end()) return;
  // Only the hand-offs whose relay took the message to X's host: another
  // host's equal queue id (a central syslog) leaves them waiting.
  std::vector<uint64_t> seqs, others;
  for (uint64_t seq : p->second) {
    const Held* h = HeldAt(seq);
    const bool here = h == nullptr || h->done ||
                      SameHostAsRelay(h->Get(Held::kQueueId), h->Get(Held::kRelay), id);
    (here ? seqs : others).push_back(seq);
  }
  if (others.empty()) {
    pending_.erase(p);
  } else {
    p->second = std::move(others);
  }
  // One "queued as X" per recipient it carried: each of A's attempts is
  // dropped, and X's own deliveries (one per recipient) count instead.
  // The hop is taken over once.
  bool taken = false;
  for (uint64_t seq : seqs) {
    Held* h = HeldAt(seq);
    if (h == nullptr || h->done || h->dropped) continue;
    h->dropped = true;
    q.joined_from.push_back(seq);
    Handed(q, id, h->Get(Held::kRecipient), h->Get(Held::kRelay), h->file, h->line);
    if (taken) continue;
    taken = true;
    q.joined_hops = q.hops;
    q.joined_origin_sender = q.origin_sender;
    q.joined_origin_known = q.origin_known;
    release_key_.assign(h->Get(Held::kQueueId));
    if (auto from = queues_.find(release_key_); from != queues_.end()) {
      from->second.next_id.assign(id);
      from->second.next_relay.assign(h->Get(Held::kRelay));
    }
    // Counted in the file of the "queued as" line, which may be one
    // read before this (issue-16 tester, item 10).
    if (q.subject.empty()) q.subject.assign(h->Get(Held::kSubject));
    TakeOver(q, id, h->Get(Held::kQueueId), std::string(h->Get(Held::kHops)),
             h->Get(Held::kRelay), h->file, std::string(h->Get(Held::kSender)), h->sender_known);
  }
}

void PostfixLog::Handed(Queue& next, std::string_view next_id, std::string_view recipient,
                        std::string_view relay, uint32_t file, uint64_t line) {
  if (recipient.empty()) return;
  if (std::find(next.handed_on.begin(), next.handed_on.end(), recipient) != next.handed_on.end()) {
    return;
  }
  // X's own attempts read first (lines out of order) settle the recipient.
  if (HeldAttemptFor(next, next_id, recipient)) return;
  if (std::find(next.handed.begin(), next.handed.end(), recipient) == next.handed.end()) {
    next.handed.emplace_back(recipient);
  }
  next.handed_relay.assign(relay);
  if (next.handed_line == 0) {
    next.handed_file = file;
    next.handed_line = line;
  }
}

void PostfixLog::HandedHere(Attempt& a, bool by_message_id) {
  // The message had not left this host: its outcome is unknown, never
  // "sent", accepted by the receiving server (issue-16 tester, round 8,
  // defect 3). Mailboxes on this host (local, virtual, LMTP to a socket)
  // and discard(8) never come here. Not learned.
  unfollowed_text_.assign("handed to ");
  unfollowed_text_.append(a.relay.empty() ? std::string_view("a relay") : a.relay);
  unfollowed_text_.append(
      by_message_id ? " on this host, which named no queue id, and no copy with its Message-ID "
                      "was queued again; final delivery not in the logs given"
                    : " on this host, which named no queue id, and the log holds no Message-ID "
                      "to follow its copy by; final delivery not in the logs given");
  a.status = "unknown";
  a.status_text = unfollowed_text_;
  a.dsn = {};
}

void PostfixLog::HandedOn(Attempt& a) {
  // Its reply is the relay's queueing, not the recipient's server's
  // acceptance: outcome unknown, counted as handed on (the audit
  // incomplete), never a delivery (issue-16 tester round 35, defect 1).
  // An Exchange relay's id is the Message-ID, which joins a tracking log
  // given (investigate/auditor.cc, AddSentOn).
  std::string_view id = NextHopId(a.status_text);
  unfollowed_text_.assign("handed to ");
  unfollowed_text_.append(a.relay.empty() ? std::string_view("a relay") : a.relay);
  unfollowed_text_.append(", a relay of the organisation, ");
  if (id.empty()) {
    unfollowed_text_.append("whose reply named no queue id");
  } else {
    unfollowed_text_.append("which queued it as ").append(id);
  }
  unfollowed_text_.append(
      "; final delivery not in the logs given (a mail store reached over SMTP: "
      "--final-relay)");
  a.status = "unknown";
  a.status_text = unfollowed_text_;
  a.dsn = {};
}

void PostfixLog::Unfollowed(Attempt& a, std::string_view next, bool org_hand_off) {
  if (a.status != "sent") return;
  if (next.empty()) {
    // Named no queue id of this log's, or named one that turned out to be
    // another message's (Unjoin).
    if (org_hand_off) HandedOn(a);
    return;
  }
  if (next.front() == '\x01') {
    // Handed to a relay on this host that named no queue id, and no copy
    // with its Message-ID (the by-Message-ID key starts with a byte no
    // queue id has) was queued again within the window. A pipe(8) filter
    // (relay=dfilt "delivered via dfilt service") took it and passed
    // nothing on: unknown. A loopback SMTP or LMTP listener answered with
    // a server's 250: an LMTP mailbox store stays "sent"; the smtp
    // client's relay of the organisation (org_hand_off) only took it on.
    if (PipeRelay(a.relay) || org_hand_off) HandedHere(a, /*by_message_id=*/true);
    return;
  }
  // A socket's filter is on this host, as a loopback one is (issue-16
  // tester round 36, defect 1).
  // org_hand_off: a relay of the organisation by its name (on a public
  // address) whose next queue id was not followed.
  if ((!InternalRelay(a.relay) && !SocketRelay(a.relay) && !org_hand_off) ||
      FinalRelay(a.relay, options_.final_relays)) {
    return;
  }
  // Said as CloseHandOffs says a joined queue id that never delivered: the
  // delivery is X's, on the server that took it, after A's hop.
  unfollowed_hops_.assign(a.hops);
  if (!unfollowed_hops_.empty()) unfollowed_hops_.append(", ");
  unfollowed_hops_.append(Hop(a.queue_id, a.relay));
  unfollowed_text_.assign("queued as ");
  unfollowed_text_.append(BareQueueId(next));
  unfollowed_text_.append(", final delivery not in the logs given");
  // X's delivery: keyed by its host and instance (QueueKey) when `next`
  // is a key; shown by the id this log holds, X beside it (Row::
  // given_queue_id): no log given holds X.
  a.given_queue_id = BareQueueId(a.queue_id);
  a.queue_id = BareQueueId(next);
  a.queue_key = next;
  a.hops = unfollowed_hops_;
  a.status = "unknown";
  a.status_text = unfollowed_text_;
  a.dsn = {};
}

void PostfixLog::CloseHandOffs(std::string_view id, const Queue& q, int64_t time, ZoneSource zone,
                               bool hold) {
  if (q.handed.empty()) return;
  std::string text =
      "queued as " + std::string(BareQueueId(id)) + ", final delivery not in the logs given";
  Attempt a;
  a.time = time;
  a.zone = zone;
  a.queue_id = BareQueueId(id);
  a.queue_key = id;
  a.sender = q.sender;
  a.sender_known = q.sender_seen;
  a.status = "unknown";
  a.status_text = text;
  a.relay = q.handed_relay;
  a.file = q.handed_file;
  a.line = q.handed_line;
  a.message_id = q.message_id;
  a.subject = q.subject;
  a.size = q.size;
  a.hops = q.hops;
  for (const std::string& rcpt : q.handed) {
    a.recipient = rcpt;
    if (hold) {
      Hold(a, {});
    } else {
      sink_->OnAttempt(a);
    }
  }
}

}  // namespace nearmiss::maillog
