// Report, which rows are one delivery and one message: the index of
// deliveries by Message-ID and recipient that joins a message's copies
// across inputs (a Sent folder's copy, a trace's hop before a gateway's
// delivery), and the keys that count distinct flagged messages (report.h).
#include <algorithm>
#include <cctype>
#include <set>
#include <string>
#include <string_view>

#include "investigate/report.h"
#include "maillog/attempt.h"  // BareQueueId

namespace nearmiss::investigate {

namespace {

std::string Folded(const std::string& to) {
  std::string out = to;
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

void Report::IndexDelivery(const Row& row, bool postfix) {
  if (row.message_id.empty() || row.to.empty()) return;
  // Folded: Exchange and Microsoft 365 write one Message-ID in either case;
  // a message told apart from its folded spelling by its MessageTraceId
  // keeps its own (Row::id_case_apart).
  AttemptId key = AttemptKey(row.id_case_apart ? row.message_id : Folded(row.message_id),
                             Folded(row.to), 0, "");
  auto [it, added] = delivered_.try_emplace(key);
  const bool latest = row.seconds >= it->second.seconds;
  const int64_t first = added || it->second.first_seconds == 0
                            ? row.seconds
                            : (row.seconds == 0 ? it->second.first_seconds
                                                : std::min(it->second.first_seconds, row.seconds));
  it->second = {row.queue_id, std::max(it->second.seconds, row.seconds), first, postfix,
                latest ? Waiting(row.status) : it->second.waiting};
  if (!added) return;
  delivered_order_.push_back(key);
  if (delivered_order_.size() > kMaxClosedSeen) {
    delivered_.erase(delivered_order_.front());
    delivered_order_.pop_front();
  }
}

const Report::Delivered* Report::FindDelivery(const std::string& message_id,
                                              const std::string& to, int64_t seconds) const {
  if (message_id.empty()) return nullptr;
  auto it = delivered_.find(AttemptKey(Folded(message_id), Folded(to), 0, ""));
  if (it == delivered_.end()) return nullptr;
  const Delivered& d = it->second;
  const int64_t first = d.first_seconds != 0 ? d.first_seconds : d.seconds;
  if (seconds != 0 && d.seconds != 0 &&
      (seconds < first - kJoinWithinSeconds || seconds > d.seconds + kJoinWithinSeconds)) {
    return nullptr;
  }
  return &it->second;
}

std::string Report::MessageKey(const Row& r, uint32_t generation) {
  // A trace's row is keyed by its Message-ID already; a mailbox message
  // without one by its place.
  if (r.queue_id.empty()) return r.message_id.empty() ? "mailbox:" + r.source : "m:" + Folded(r.message_id);
  if (r.queue_id == r.message_id) {
    // Told apart from the message of its folded spelling (Row::id_case_apart).
    return r.id_case_apart ? "m=" + r.message_id : "m:" + Folded(r.message_id);
  }
  const std::string_view bare = maillog::BareQueueId(r.queue_id);
  // Refused before it was queued (smtpd's NOQUEUE): each refusal its own.
  if (bare == "NOQUEUE") return "n:" + r.where + '@' + r.time;
  // The first hop's queue id on this row's host: one message whatever
  // queue ids a content filter gave its recipients after it.
  std::string key = "q:";
  key += r.hops.empty() ? bare : std::string_view(r.hops).substr(0, r.hops.find(" via "));
  if (size_t scope = r.queue_id.find('\x1f'); scope != std::string::npos) {
    key += r.queue_id.substr(scope, r.queue_id.find('/', scope) - scope);
  }
  key += '#';
  key += std::to_string(generation);
  return key;
}

void Report::NoteMessage(const Row& r, uint32_t generation, bool reached) {
  std::string key = MessageKey(r, generation);
  // A queue's life and the Message-ID it logged are one message, whichever
  // of its rows named the Message-ID (a RCPT reject comes before cleanup's
  // message-id= line).
  if (key.starts_with("q:") && !r.message_id.empty()) {
    message_alias_.try_emplace(key, "m:" + Folded(r.message_id));
  }
  if (reached) reached_messages_.insert(key);
  flagged_messages_.insert(std::move(key));
}

size_t Report::Distinct(const std::set<std::string>& keys) const {
  std::set<std::string_view> out;
  for (const std::string& k : keys) {
    auto a = message_alias_.find(k);
    out.insert(a == message_alias_.end() ? std::string_view(k) : std::string_view(a->second));
  }
  return out.size();
}

}  // namespace nearmiss::investigate
