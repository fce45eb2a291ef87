// PostfixLog, cleanup's "message-id=" line: the Message-ID that joins a
// queue id to the copies of its message (postsuper -r's requeued copy, a
// content filter's re-injected one) and confirms or undoes a "queued as"
// join made before it was known (postfix_log.h, postfix_hand_off.cc).
#include <string>
#include <string_view>
#include <vector>

#include "maillog/loopback_relay.h"
#include "maillog/postfix_log.h"

namespace nearmiss::maillog {

void PostfixLog::MessageIdLine(const LogLine& l, Queue& q) {
  std::string_view t = l.text;
  q.start_seen = true;
  std::string_view id = t.substr(11);
  if (id.starts_with('<') && id.ends_with('>')) id = id.substr(1, id.size() - 2);
  q.message_id.assign(id);
  IndexMessageId(l.queue_id, q.message_id);
  if (auto r = requeued_.find(q.message_id);
      r != requeued_.end() && r->second != BareQueueId(l.queue_id)) {
    // The copy postsuper -r requeued: the old queue id is its hop.
    std::string hop = r->second;
    hop += " via postsuper -r (requeued)";
    if (!q.hops.empty()) hop += ", " + q.hops;
    q.hops = std::move(hop);
    requeued_.erase(r);
  }
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
      } else if (h != nullptr && was != q.message_id && !LoopbackRelay(h->Get(Held::kRelay))) {
        // A loopback filter's copy keeps its join whatever its
        // Message-ID (LoopbackRelay); another id from any other relay
        // shows a remote server's queue id.
        undone |= Unjoin(q, seq);
      }
    }
    if (undone) Unjoined(q);
    q.joined_from = std::move(unshown);
  }
}

}  // namespace nearmiss::maillog
