#include "maillog/postfix_log.h"

#include <algorithm>
#include <vector>

namespace nearmiss::maillog {
namespace {

// "<bob@army.ml>" at the start of `text` after `key`: the address inside.
std::string_view Bracketed(std::string_view text, std::string_view key) {
  if (!text.starts_with(key)) return {};
  text.remove_prefix(key.size());
  size_t end = text.find('>');
  return end == std::string_view::npos ? std::string_view() : text.substr(0, end);
}

}  // namespace

std::string_view FieldValue(std::string_view text, std::string_view key) {
  size_t at = 0;
  for (;;) {
    at = text.find(key, at);
    if (at == std::string_view::npos) return {};
    // A key starts the text or follows ", ".
    if (at == 0 || (at >= 2 && text[at - 2] == ',' && text[at - 1] == ' ')) break;
    at += key.size();
  }
  std::string_view v = text.substr(at + key.size());
  size_t end = key == "status=" ? v.find(' ') : v.find(", ");
  return end == std::string_view::npos ? v : v.substr(0, end);
}

PostfixLog::PostfixLog(PostfixLogOptions options, DeliverySink* sink)
    : options_(options), sink_(sink), parser_(options.year) {}

void PostfixLog::BeginFile(std::string name, int year) {
  parser_ = LineParser(year);
  counts_ = LineCounts();
  counts_.file = std::move(name);
}

void PostfixLog::Feed(std::string_view line) {
  ++lines_;
  LogLine l;
  bool framed = parser_.Parse(line, &l);
  counts_.Add(line, framed ? &l : nullptr);
  if (!framed || l.queue_id.empty()) return;
  std::string_view t = l.text;
  // The kinds of line a delivery is made of; anything else is noise here.
  bool to = t.starts_with("to=<");
  bool from = t.starts_with("from=<");
  bool removed = t == "removed";
  bool msgid = t.starts_with("message-id=");
  if (!to && !from && !removed && !msgid) return;
  if (l.time - last_sweep_ > 3600 || queues_.size() > options_.max_queues) Expire(l.time);
  key_.assign(l.queue_id);
  auto it = queues_.find(key_);
  if (removed) {
    if (it == queues_.end()) return;
    sink_->OnDone(l.queue_id);
    queues_.erase(it);
    return;
  }
  if (it == queues_.end()) it = queues_.emplace(key_, Queue{}).first;
  Queue& q = it->second;
  q.last_seen = l.time;
  if (from) {
    q.sender.assign(Bracketed(t, "from=<"));
    std::string_view size = FieldValue(t, "size=");
    if (!size.empty()) q.size = std::strtoll(std::string(size).c_str(), nullptr, 10);
    if (FieldValue(t, "status=") == "expired") {
      // qmgr gives up on the message: the recipients still deferred expire.
      Attempt a;
      a.time = l.time;
      a.queue_id = l.queue_id;
      a.sender = q.sender;
      a.status = "expired";
      a.message_id = q.message_id;
      a.size = q.size;
      sink_->OnAttempt(a);
    }
  } else if (msgid) {
    std::string_view id = t.substr(11);
    if (id.starts_with('<') && id.ends_with('>')) id = id.substr(1, id.size() - 2);
    q.message_id.assign(id);
  } else {
    Delivery(l, q);
  }
}

void PostfixLog::Delivery(const LogLine& l, Queue& q) {
  Attempt a;
  a.time = l.time;
  a.queue_id = l.queue_id;
  a.sender = q.sender;
  a.recipient = Bracketed(l.text, "to=<");
  a.status = FieldValue(l.text, "status=");
  if (a.status.empty()) return;
  a.relay = FieldValue(l.text, "relay=");
  a.dsn = FieldValue(l.text, "dsn=");
  a.message_id = q.message_id;
  a.size = q.size;
  sink_->OnAttempt(a);
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
