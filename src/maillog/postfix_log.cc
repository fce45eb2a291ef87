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

std::string Hop(std::string_view queue_id, std::string_view relay) {
  return std::string(queue_id) + " via " + std::string(relay);
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
  if (l.time - last_sweep_ > 3600 || queues_.size() > options_.max_queues) Expire(l.time);
  key_.assign(l.queue_id);
  auto it = queues_.find(key_);
  if (removed) {
    if (it == queues_.end()) return;
    queues_.erase(it);
    sink_->OnDone(l.queue_id);
    return;
  }
  if (it == queues_.end()) it = queues_.emplace(key_, Queue{}).first;
  Queue& q = it->second;
  q.last_seen = l.time;
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
  a.sender_known = q.sender_seen;
      a.status = "expired";
      a.status_text = "returned to sender";
      a.message_id = q.message_id;
      a.size = q.size;
      a.hops = q.hops;
      ++counts_.delivery_lines;
      if (q.deferred.empty()) sink_->OnAttempt(a);
      for (const std::string& rcpt : q.deferred) {
        a.recipient = rcpt;
        sink_->OnAttempt(a);
      }
      q.deferred.clear();
    }
  } else if (client) {
    return;
  } else if (msgid) {
    std::string_view id = t.substr(11);
    if (id.starts_with('<') && id.ends_with('>')) id = id.substr(1, id.size() - 2);
    q.message_id.assign(id);
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
  ++counts_.delivery_lines;
  if (f.status == "sent") {
    std::string_view next = QueuedAs(f.status_text);
    if (!next.empty() && next != l.queue_id && HandOff(l, q, next, f.relay)) return;
  }
  ++q.attempts;
  // discard(8) says "sent" for mail it throws away (relay=none): nothing
  // reached the recipient, so it is no delivery.
  bool discarded = f.status == "sent" && l.program.ends_with("/discard");
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
  sink_->OnAttempt(a);
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
    bool same = n.attempts == 0 &&
                (n.message_id.empty() || q.message_id.empty() || n.message_id == q.message_id);
    if (!same) return false;
    if (n.hops.empty() || n.hops.find(std::string(l.queue_id) + " via ") == std::string::npos) {
      TakeOver(n, l.queue_id, q.hops, relay);
    }
    return true;
  }
  // Not seen in this log: a remote server's queue id, so a delivery.
  return false;
}

void PostfixLog::TakeOver(Queue& next, std::string_view from_id, const std::string& from_hops,
                          std::string_view relay) {
  ++counts_.hand_offs;
  std::string hop = Hop(from_id, relay);
  next.hops = from_hops.empty() ? hop : from_hops + ", " + hop;
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
    if (it->second.last_seen < cutoff) {
      sink_->OnDone(it->first);
      it = queues_.erase(it);
    } else {
      ++it;
    }
  }
}

void PostfixLog::Finish() {
  for (const auto& [id, q] : queues_) sink_->OnDone(id);
  queues_.clear();
}

}  // namespace nearmiss::maillog
