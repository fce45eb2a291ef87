#include "maillog/postfix_log.h"

#include <algorithm>
#include <vector>

#include "maillog/log_files.h"
#include "maillog/trace_log.h"

namespace nearmiss::maillog {
namespace {

enum class StatusKind { kAttempt, kProbe, kUnknown };

// The status words log_adhoc() is given: sent(), defer_append(),
// bounce_append() and qmgr's expiry write the first four; verify_append()
// writes the DSN action of a probe.
StatusKind KindOf(std::string_view status) {
  if (status == "sent" || status == "deferred" || status == "bounced" || status == "expired") {
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

// "A via 127.0.0.1[127.0.0.1]:10024"; a hand-off whose relay= is empty
// says so rather than "A via ".
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

std::string Hop(std::string_view queue_id, std::string_view relay) {
  return std::string(queue_id) + " via " +
         (relay.empty() ? std::string("(no relay logged)") : std::string(relay));
}

}  // namespace

PostfixLog::PostfixLog(PostfixLogOptions options, DeliverySink* sink)
    : options_(options), sink_(sink), parser_(options.year) {}

PostfixLog::~PostfixLog() = default;

const LineCounts& PostfixLog::counts() const { return trace_ ? trace_->counts() : counts_; }

void PostfixLog::BeginTraceFile(std::string name, DateOrder date_order) {
  counts_ = LineCounts();
  trace_ = std::make_unique<TraceLog>(std::move(name), sink_, date_order);
}

void PostfixLog::EndFile() {
  if (trace_) {
    trace_->Finish();
    counts_ = trace_->counts();
    trace_.reset();
  }
}

void PostfixLog::BeginFile(std::string name, LineParser parser) {
  trace_.reset();
  std::string base = RotationBase(name);
  // A file of the same rotated set continues its year; a new set starts
  // from its own.
  if (base != last_base_ || last_base_.empty()) parser_ = parser;
  last_base_ = std::move(base);
  counts_ = LineCounts();
  counts_.file = std::move(name);
}

void PostfixLog::NotUnderstood(std::string_view line) { counts_.NotUnderstood(line); }

void PostfixLog::Feed(std::string_view line) {
  ++lines_;
  if (trace_) {
    trace_->Feed(line);
    return;
  }
  LogLine l;
  bool framed = parser_.Parse(line, &l);
  counts_.Add(line, framed ? &l : nullptr);
  if (framed && counts_.year_span_line == 0 && parser_.span_over_year()) {
    counts_.year_span_line = counts_.lines;
  }
  // Any program's lines: a custom syslog_name ("mta/smtp") is still Postfix.
  if (!framed || l.queue_id.empty()) return;
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
  if (!to && !from && !removed && !msgid && !client) return;
  if (l.time + options_.hand_off_window < clock_) {
    // Log time went back by more than the window: another log (a second
    // server's, read after the first), not lines out of order. What is
    // held cannot join it; held on, it would wait for a time long past.
    Release(true);
    clock_ = l.time;
  }
  clock_ = std::max(clock_, l.time);
  Release(false);
  if (l.time - last_sweep_ > 3600 || queues_.size() > options_.max_queues) Expire(l.time);
  key_.assign(l.queue_id);
  auto it = queues_.find(key_);
  if (removed) {
    if (it == queues_.end() || it->second.removed) return;
    // Kept (for a "queued as" naming it that comes later) until its end
    // is passed on.
    it->second.removed = true;
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
  if (first_line && !pending_.empty()) JoinPending(l.queue_id, q);
  if (from) {
    std::string_view sender, rest;
    if (!ReadFromField(t, &sender, &rest)) {
      NotUnderstood(line);
      return;
    }
    q.sender.assign(sender);
    q.sender_seen = true;
    std::string_view size = FieldValue(rest.substr(rest.starts_with(", ") ? 2 : 0), "size=");
    if (!size.empty()) q.size = std::strtoll(std::string(size).c_str(), nullptr, 10);
    if (rest.starts_with(", status=expired")) {
      // qmgr gives up on the message (qmgr_active.c): the recipients still
      // deferred expire, each an attempt of its own. When this log showed
      // none of them deferred, one attempt without a recipient says so.
      Attempt a;
      a.time = l.time;
      a.queue_id = l.queue_id;
      a.sender = q.sender;
      a.sender_known = true;  // this very line names it
      a.status = "expired";
      a.status_text = "returned to sender";
      a.message_id = q.message_id;
      a.size = q.size;
      a.hops = q.hops;
      ++counts_.delivery_lines;
      if (q.deferred.empty()) Hold(a, {});
      for (const std::string& rcpt : q.deferred) {
        a.recipient = rcpt;
        Hold(a, {});
      }
      q.deferred.clear();
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
      // message's id means it was a remote server's queue id after all.
      bool undone = false;
      for (uint64_t seq : q.joined_from) {
        Held* h = HeldAt(seq);
        std::string_view was = h != nullptr ? h->Get(Held::kMessageId) : std::string_view();
        if (h != nullptr && h->dropped && !was.empty() && was != q.message_id) {
          h->dropped = false;
          undone = true;
        }
      }
      if (undone) {
        q.hops = q.joined_hops;
        if (counts_.hand_offs > 0) --counts_.hand_offs;
      }
      q.joined_from.clear();
    }
  } else {
    Delivery(l, q);
  }
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
  if (!JudgeableRecipient(f.recipient)) {
    // A recipient the guard cannot judge may be the very look-alike: not
    // a delivery to leave out quietly (DESIGN.md, fail closed).
    counts_.UnparsableRecipient(line_);
    return;
  }
  ++counts_.delivery_lines;
  q.joined_from.clear();  // a delivery of its own: the join, if any, stands
  std::string_view pending;
  if (f.status == "sent") {
    std::string_view next = QueuedAs(f.status_text);
    if (!next.empty() && next != l.queue_id) {
      if (HandOff(l, q, next, f.relay)) return;
      key_.assign(next);
      // Not (yet) seen here: held as a delivery that X's first line, if it
      // comes within the window, turns into a hand-off.
      if (queues_.find(key_) == queues_.end()) pending = next;
    } else if (next.empty() && !q.message_id.empty() && LocalRelay(f.relay) &&
               !l.program.ends_with("/discard") && !l.program.ends_with("/local") &&
               !l.program.ends_with("/virtual")) {
      // Handed to a filter on this host that said no queue id: the copy it
      // re-injects carries the same Message-ID. Joined if it shows up
      // within the window, else a delivery (never once too few).
      if (HandOffByMessageId(l, q, f.relay)) return;
      pending_key_.assign(kByMessageId);
      pending_key_.append(q.message_id);
      pending = pending_key_;
    }
  }
  ++q.attempts;
  // discard(8) says "sent" for mail it throws away (relay=none): nothing
  // reached the recipient, so it is no delivery. So does Postfix's smtp or
  // lmtp client when a content filter accepted the message only to throw it
  // away: amavisd-new answers "250 2.7.0 Ok, discarded, id=... - INFECTED"
  // (its D_DISCARD, a 2.7.x success that delivers nothing).
  bool discarded = f.status == "sent" && (l.program.ends_with("/discard") ||
                                          FilterDiscarded(f.status_text));
  Attempt a;
  a.time = l.time;
  a.queue_id = l.queue_id;
  a.sender = q.sender;
  a.sender_known = q.sender_seen;
  a.recipient = f.recipient;
  a.status = discarded ? std::string_view("discarded") : f.status;
  a.status_text = f.status_text;
  a.relay = f.relay;
  a.dsn = f.dsn;
  a.message_id = q.message_id;
  a.size = q.size;
  a.hops = q.hops;
  uint64_t seq = Hold(a, pending);
  if (q.first_attempt == 0) q.first_attempt = seq + 1;
  auto was = std::find(q.deferred.begin(), q.deferred.end(), f.recipient);
  if (f.status == "deferred") {
    if (was == q.deferred.end()) q.deferred.emplace_back(f.recipient);
  } else if (was != q.deferred.end()) {
    q.deferred.erase(was);
  }
}

bool PostfixLog::HandOff(const LogLine& l, Queue& q, std::string_view next,
                         std::string_view relay) {
  key_.assign(next);
  auto it = queues_.find(key_);
  if (it != queues_.end()) {
    Queue& n = it->second;
    // A remote MX's "queued as" that happens to name a local queue id is
    // told apart by that id's own deliveries or a different Message-ID.
    // A remote MX's "queued as" that happens to name a local queue id is
    // told apart by a different Message-ID. X's own attempts may have come
    // first (out of order): they can take the hops while they are all
    // still held.
    bool same = n.message_id.empty() || q.message_id.empty() || n.message_id == q.message_id;
    bool all_held = n.first_attempt == 0 || n.first_attempt - 1 >= held_base_;
    if (!same || !all_held) return false;
    if (n.hops.empty() || n.hops.find(std::string(l.queue_id) + " via ") == std::string::npos) {
      TakeOver(n, next, l.queue_id, q.hops, relay);
    }
    q.next_id.assign(next);
    q.next_relay.assign(relay);
    return true;
  }
  // Not seen in this log: a remote server's queue id, so a delivery.
  return false;
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
  return HandOff(l, q, next, relay);
}

void PostfixLog::TakeOver(Queue& next, std::string_view next_id, std::string_view from_id,
                          const std::string& from_hops, std::string_view relay, bool count,
                          int depth) {
  if (count) ++counts_.hand_offs;
  std::string hop = Hop(from_id, relay);
  next.hops = from_hops.empty() ? hop : from_hops + ", " + hop;
  // Already handed on (its lines came first): the queue ids after it learn
  // the hop too. The depth bounds a chain a crafted log makes circular.
  if (!next.next_id.empty() && depth < 8) {
    auto it = queues_.find(next.next_id);
    if (it != queues_.end()) {
      TakeOver(it->second, next.next_id, next_id, next.hops, next.next_relay, false, depth + 1);
    }
  }
  if (next.first_attempt == 0) return;
  // Its attempts read before the hand-off line: still held, they get the hops.
  for (uint64_t seq = next.first_attempt - 1; seq < held_base_ + held_.size(); ++seq) {
    Held& h = held_[seq - held_base_];
    if (h.done || h.Get(Held::kQueueId) != next_id) continue;
    std::string_view f[Held::kFields];
    for (int i = 0; i < Held::kFields; ++i) f[i] = h.Get(static_cast<Held::Field>(i));
    f[Held::kHops] = next.hops;
    std::string text;
    for (int i = 0; i < Held::kFields; ++i) {
      text.append(f[i]);
      h.end[i] = static_cast<uint32_t>(text.size());
    }
    h.text = std::move(text);
  }
}

void PostfixLog::JoinPending(std::string_view id, Queue& q) {
  auto p = pending_.find(key_);  // key_ holds `id`
  if (p == pending_.end()) return;
  std::vector<uint64_t> seqs = std::move(p->second);
  pending_.erase(p);
  // One "queued as X" per recipient it carried: each of A's attempts is
  // dropped, and X's own deliveries (one per recipient) count instead.
  // The hop is taken over once.
  bool taken = false;
  for (uint64_t seq : seqs) {
    Held* h = HeldAt(seq);
    if (h == nullptr || h->done || h->dropped) continue;
    h->dropped = true;
    q.joined_from.push_back(seq);
    if (taken) continue;
    taken = true;
    q.joined_hops = q.hops;
    release_key_.assign(h->Get(Held::kQueueId));
    if (auto from = queues_.find(release_key_); from != queues_.end()) {
      from->second.next_id.assign(id);
      from->second.next_relay.assign(h->Get(Held::kRelay));
    }
    TakeOver(q, id, h->Get(Held::kQueueId), std::string(h->Get(Held::kHops)),
             h->Get(Held::kRelay));
  }
}

PostfixLog::Held* PostfixLog::HeldAt(uint64_t seq) {
  if (seq < held_base_ || seq - held_base_ >= held_.size()) return nullptr;
  return &held_[seq - held_base_];
}

uint64_t PostfixLog::Hold(const Attempt& a, std::string_view pending_next) {
  Held& h = held_.emplace_back();
  h.time = a.time;
  h.size = a.size;
  h.sender_known = a.sender_known;
  const std::string_view f[Held::kFields] = {a.queue_id, a.sender,     a.recipient,
                                             a.status,   a.status_text, a.relay,
                                             a.dsn,      a.hops,       a.message_id,
                                             pending_next};
  size_t n = 0;
  for (std::string_view v : f) n += v.size();
  h.text.reserve(n);
  for (int i = 0; i < Held::kFields; ++i) {
    h.text.append(f[i]);
    h.end[i] = static_cast<uint32_t>(h.text.size());
  }
  uint64_t seq = held_base_ + held_.size() - 1;
  if (!pending_next.empty()) pending_[std::string(pending_next)].push_back(seq);
  if (options_.hand_off_window <= 0) Release(true);
  return seq;
}

void PostfixLog::HoldDone(std::string_view queue_id, int64_t time) {
  Held& h = held_.emplace_back();
  h.done = true;
  h.time = time;
  h.text.assign(queue_id);
  for (uint32_t& e : h.end) e = static_cast<uint32_t>(h.text.size());
  if (options_.hand_off_window <= 0) Release(true);
}

void PostfixLog::Release(bool all) {
  while (!held_.empty()) {
    Held& h = held_.front();
    if (!all && h.time + options_.hand_off_window >= clock_ &&
        held_.size() <= options_.max_held) {
      break;
    }
    std::string_view id = h.Get(Held::kQueueId);
    if (h.done) {
      release_key_.assign(id);
      auto it = queues_.find(release_key_);
      if (it != queues_.end() && it->second.removed) queues_.erase(it);
      sink_->OnDone(id);
    } else {
      std::string_view next = h.Get(Held::kNext);
      if (!next.empty()) {
        release_key_.assign(next);
        auto p = pending_.find(release_key_);
        if (p != pending_.end()) {
          std::erase(p->second, held_base_);
          if (p->second.empty()) pending_.erase(p);
        }
      }
      if (!h.dropped) {
        Attempt a;
        a.time = h.time;
        a.size = h.size;
        a.sender_known = h.sender_known;
        a.queue_id = id;
        a.sender = h.Get(Held::kSender);
        a.recipient = h.Get(Held::kRecipient);
        a.status = h.Get(Held::kStatus);
        a.status_text = h.Get(Held::kStatusText);
        a.relay = h.Get(Held::kRelay);
        a.dsn = h.Get(Held::kDsn);
        a.hops = h.Get(Held::kHops);
        a.message_id = h.Get(Held::kMessageId);
        sink_->OnAttempt(a);
      }
    }
    held_.pop_front();
    ++held_base_;
  }
}

void PostfixLog::Expire(int64_t now) {
  last_sweep_ = now;
  int64_t cutoff = now - options_.idle_timeout;
  if (queues_.size() > options_.max_queues) {
    // Over the bound: forget the least recently seen half, so the sweep
    // runs rarely even on a log that never says "removed".
    std::vector<int64_t> seen;
    seen.reserve(queues_.size());
    for (const auto& [id, q] : queues_) seen.push_back(q.last_seen);
    std::nth_element(seen.begin(), seen.begin() + seen.size() / 2, seen.end());
    cutoff = std::max(cutoff, seen[seen.size() / 2] + 1);
  }
  for (auto it = queues_.begin(); it != queues_.end();) {
    // A removed queue id goes when its end is passed on (Release).
    if (it->second.last_seen < cutoff && !it->second.removed) {
      HoldDone(it->first, now);
      it = queues_.erase(it);
    } else {
      ++it;
    }
  }
}

void PostfixLog::DiscardHeld() {
  for (const Held& h : held_) {
    if (!h.done) continue;
    auto it = queues_.find(std::string(h.Get(Held::kQueueId)));
    if (it != queues_.end() && it->second.removed) queues_.erase(it);
  }
  held_base_ += held_.size();
  held_.clear();
  pending_.clear();
}

void PostfixLog::Finish() {
  for (const auto& [id, q] : queues_) {
    if (!q.removed) HoldDone(id, clock_);
  }
  Release(true);
  queues_.clear();
  pending_.clear();
  by_message_id_.clear();
}

}  // namespace nearmiss::maillog
