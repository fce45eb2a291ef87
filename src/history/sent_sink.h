// The deliveries a Postfix log or a trace reports as sent, for learning
// (learn.h): the maillog::DeliverySink that Learner reads logs through.
//
// Thread safety: one per Learner.
#ifndef NEARMISS_HISTORY_SENT_SINK_H_
#define NEARMISS_HISTORY_SENT_SINK_H_

#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "content/invisible_code_point.h"
#include "history/history_keys.h"
#include "maillog/attempt_order.h"
#include "maillog/postfix_log.h"
#include "maillog/trace_send.h"
#include "maillog/unknown_cause.h"
#include "nearmiss/store.h"

namespace nearmiss::history {

// Deliveries whose latest attempt was "sent", one per recipient of a
// message: a Postfix recipient is sent once, but an Exchange message is
// sent on by every server it crosses (SEND to the edge, SEND out, or FAIL
// there), so the message's recipients wait for its end (Postfix's
// "removed", the end of input) and count once, by their latest status.
class SentSink final : public maillog::DeliverySink {
 public:
  // Past this many messages waiting (traces, which never say "removed"),
  // all are decided as they stand, so memory stays bounded: the bound
  // audit's report keeps (investigate/report.h kMaxOpen), about 40 MB
  // here; 1 << 20 held 371 MB for 600k trace rows (breaker round 3 §6).
  static constexpr size_t kMaxOpen = 1 << 16;

  explicit SentSink(std::vector<Delivery>* out) : out_(out) {}
  // True when an attempt's next hop (Attempt::relay) is a server under a
  // look-alike or blocked domain other than the recipient's own
  // (investigate/lookalike_hop.h: a relayhost or smart-host typo): that
  // operator received the message, so it is counted, never learned as an
  // ordinary delivery (issue-16 tester round 58, finding 2). Unset: none.
  std::function<bool(std::string_view relay, std::string_view recipient)> lookalike_hop;
  // Whether `hops` holds local(8)'s hop, "QID via local" (not "via
  // localhost[127.0.0.1]:10024", a content filter).
  static bool LocalForward(std::string_view hops) {
    constexpr std::string_view kHop = " via local";
    for (size_t at = hops.find(kHop); at != std::string_view::npos; at = hops.find(kHop, at + 1)) {
      const size_t end = at + kHop.size();
      if (end == hops.size() || hops[end] == ',') return true;
    }
    return false;
  }
  void OnAttempt(const maillog::Attempt& a) override {
    // No domain, no delivery to learn (the store counts by domain).
    size_t at = a.recipient.rfind('@');
    if (at == std::string_view::npos || at + 1 == a.recipient.size()) return;
    if (LocalForward(a.hops)) {
      // A copy local(8) forwarded (a .forward, an alias: "status=sent
      // (forwarded as X)", the hop "QID via local"): the sender chose the
      // local address, not this one, and whoever set the forward wrote
      // nothing; learned, a user's forward to a look-alike would be
      // trusted (round 52's tester 16, finding 5). Counted, not learned.
      if (local_forwards_++ == 0) first_local_forward_ = {a.file, a.line};
      return;
    }
    // A next hop at a private address (an Exchange SEND's server-ip,
    // Attempt::relay_address) is the organisation's, whatever its name,
    // as audit judges it (investigate/lookalike_hop.h).
    if (lookalike_hop && !a.relay.empty() && !maillog::PrivateNextHop(a.relay_address, {}) &&
        lookalike_hop(a.relay, a.recipient)) {
      if (lookalike_hops_++ == 0) first_lookalike_hop_ = {a.file, a.line};
      return;
    }
    // Read without its invisible characters, as a CSV export's or a Sent
    // folder's recipient is (learn.h, DeliveryCounts::invisible_dropped).
    const std::string visible = content::WithoutInvisibleCodePoints(a.recipient);
    std::string rcpt;
    if (!HistoryAddress(visible.empty() ? a.recipient : std::string_view(visible), &domain_,
                        &rcpt)) {
      if (on_not_address) on_not_address(a.recipient);
      return;
    }
    if (!visible.empty() && invisible_++ == 0) first_invisible_ = {a.file, a.line};
    // The sender too (round 58c's tester 16, finding 2): one mailbox is one
    // sender, however a client wrote it.
    const std::string sender_visible = content::WithoutInvisibleCodePoints(a.sender);
    std::string sender;
    if (!sender_visible.empty() && HistoryAddress(sender_visible, &domain_, &sender)) {
      if (invisible_senders_++ == 0) first_invisible_sender_ = {a.file, a.line};
    } else {
      HistoryAddress(a.sender, &domain_, &sender);  // a sender is not counted by domain
    }
    key_.assign(a.Key());  // a Postfix queue id with its host and instance
    if (a.status == "internal") {
      // Delivered into the organisation's own mailbox (Exchange's DELIVER):
      // nothing to learn, but the recipient an earlier event left
      // "unknown" (its RECEIVE) is settled, in either order of reading, as
      // audit settles it (investigate/auditor.cc).
      if (settled_.size() >= kMaxOpen) settled_.clear();  // bounded: counted unknown at worst
      settled_.insert(key_ + '\0' + rcpt);
      return;
    }
    if (a.status == "sent" && !a.from_trace && open_.find(key_) == open_.end() &&
        WasDone(DoneKey(key_, rcpt, a.time))) {
      // The "sent" line of a delivery already decided, read again: rotated
      // logs that overlap from inside a message (the copy began after its
      // qmgr from= line, which the earlier file had). The same delivery,
      // counted as repeated, not one whose sender the log does not show
      // (issue 14 tester round 42, finding 2).
      ++repeated_;
      return;
    }
    auto it = open_.try_emplace(key_).first;
    auto r = std::find_if(it->second.begin(), it->second.end(),
                          [&](const Open& o) { return o.rcpt == rcpt; });
    if (r == it->second.end()) {
      it->second.push_back({std::move(sender), std::move(rcpt), a.time, a.time,
                            std::string(a.status), std::string(a.message_id), a.from_trace,
                            a.sender_known, a.file, a.line, a.run, std::string(a.relay)});
    } else if (a.time == r->last && a.status == "sent" && r->status == "sent") {
      // The same "sent" line again (rotated logs that overlap, read while
      // the message is still open): one delivery, counted as repeated.
      ++repeated_;
    } else if (a.status == "unknown" && r->status == "unknown" &&
                       EventOnly(a.relay) != EventOnly(r->relay)
                   ? EventOnly(r->relay)
                   : maillog::LaterOutcome(a.time, a.status, r->last, r->status,
                                           {a.file, a.run, a.line},
                                           {r->file, r->run, r->line})) {
      // Of two "unknown"s, an event that decides nothing (an AGENTINFO or
      // HAREDIRECT after the SEND to another server of the organisation)
      // never hides where the recipient was sent on, whatever its time, as
      // audit keeps it (investigate/auditor_hops.cc).
      if (r->message_id.empty()) r->message_id.assign(a.message_id);
      // At the same time the outcome decides, not the order of the inputs.
      r->last = a.time;
      r->status.assign(a.status);
      r->relay.assign(a.relay);
      r->file = a.file;
      r->line = a.line;
      r->run = a.run;
    }
    if (open_.size() > kMaxOpen) Finish();
  }
  void OnDone(std::string_view queue_id) override {
    auto it = open_.find(std::string(queue_id));
    if (it == open_.end()) return;
    for (Open& o : it->second) {
      // The cleanup line's Message-ID and the recipient name this delivery
      // as a Sent folder or a CSV export names it (DeliveryKey), so a
      // message read from the log and from the mailbox counts once, in
      // either order. A log without it (the cleanup line rotated away) falls
      // back to the queue id, recipient and time, which name it in any
      // file that logs it; the time keeps a recycled queue id from naming
      // an older message.
      if (o.status == "unknown" && settled_.contains(it->first + '\0' + o.rcpt)) continue;
      if (o.status == "unknown") {
        // Counted by its cause, as audit words it (maillog/unknown_cause.h).
        const auto cause = static_cast<size_t>(maillog::UnknownCauseOf(o.relay));
        ++outcome_unknown_[cause];
        if (first_unknown_[cause].second == 0 ||
            std::pair(o.file, o.line) < first_unknown_[cause]) {
          first_unknown_[cause] = {o.file, o.line};
        }
      }
      if (!o.from_trace && !o.message_id.empty() && o.status != "sent") {
        // A Postfix gateway's outcome other than "sent": an Exchange or
        // Microsoft 365 SEND of the same message to it, no later, was a
        // hop, not a delivery (investigate/auditor.cc, breaker round 2 §5).
        NotDelivered(DeliveryKey(o.message_id, o.rcpt), o.last);
      }
      if ((o.status == "bounced" || o.status == "expired" || o.status == "discarded" ||
           o.status == "deleted") &&
          !o.message_id.empty()) {
        // A Sent folder's copy of it read later must not be learned either.
        if (failed_.size() >= kMaxOpen) failed_.clear();  // bounded: a join missed
        failed_.insert(DeliveryKey(o.message_id, o.rcpt));
      }
      // A "held" one (Postfix's hold queue, Microsoft 365's quarantine:
      // counted as bounced before issue-16 tester16b F5) may still be
      // released: it is counted below with the still deferred.
      if ((o.status == "bounced" || o.status == "expired" || o.status == "discarded" ||
           o.status == "deleted") &&
          FirstTime(not_made_seen_, it->first, o)) {
        // Not delivered: not learned, and counted, so every row of a trace
        // is in a figure (a Microsoft 365 trace's Failed row was in none:
        // the issue-14 tester, round 41, item 13); once, however many
        // overlapping copies of the log hold it (issue-16 tester16b, 13).
        ++not_made_;
        if (first_not_made_.second == 0 ||
            std::pair(o.file, o.line) < first_not_made_) {
          first_not_made_ = {o.file, o.line};
        }
      }
      if ((o.status == "deferred" || o.status == "held") &&
          FirstTime(waiting_seen_, it->first, o)) {
        // Still deferred (or held) when the log ends: no outcome to learn
        // from yet, counted and its latest line named (issue-16 tester16b,
        // finding 6: it was in no figure, and learn exited 0).
        ++still_waiting_;
        if (first_waiting_.second == 0 || std::pair(o.file, o.line) < first_waiting_) {
          first_waiting_ = {o.file, o.line};
        }
      }
      if (o.status != "sent") continue;
      if (!o.from_trace) RememberDone(DoneKey(it->first, o.rcpt, o.last));
      if (!o.sender_known) {
        // The log never named the sender (no qmgr from= line: a log
        // filtered to the smtp lines, or one that starts after the message
        // was queued): it may be a bounce, or mail relayed or forwarded for
        // someone outside, so it is no one's sent mail. Not learned, not
        // dropped unsaid: counted, the earliest line named (issue 14).
        ++sender_unknown_;
        if (first_sender_unknown_.second == 0 ||
            std::pair(o.file, o.line) < first_sender_unknown_) {
          first_sender_unknown_ = {o.file, o.line};
        }
        continue;
      }
      // The log's own keys: queue id, recipient and the time of the "sent"
      // line, which every file that holds the delivery logs alike, and of
      // the first attempt (the key stores kept before; the same for a
      // delivery sent at its first attempt). A delivery whose Message-ID
      // is known carries them as aliases, so the same delivery read from
      // a file without its cleanup line (rotated away) counts once
      // (Delivery::aliases; issue 14 breaker, round 5, item 5).
      std::vector<std::string> log_keys;
      if (!o.from_trace) {
        const std::string stem =
            "log:" + std::string(maillog::BareQueueId(it->first)) + " " + o.rcpt + " ";
        log_keys.push_back(stem + std::to_string(o.last));
        if (o.first != o.last) log_keys.push_back(stem + std::to_string(o.first));
      }
      std::string key;
      if (!o.message_id.empty()) {
        key = DeliveryKey(o.message_id, o.rcpt);
      } else if (!log_keys.empty()) {
        key = std::move(log_keys.front());
        log_keys.erase(log_keys.begin());
      } else {
        key = "log:" + std::string(maillog::BareQueueId(it->first)) + " " + o.rcpt + " " +
              std::to_string(o.first);
      }
      if (o.from_trace) {
        // Traces are read after the logs (maillog/set_order.h).
        auto veto = not_delivered_.find(key);
        if (veto != not_delivered_.end() && veto->second >= o.last) continue;
      }
      // A Postfix delivery is dated by its "sent" line, the same in any
      // file that holds it; a trace's by its first SEND, when it left.
      out_->push_back(
          {o.sender, o.rcpt, o.from_trace ? o.first : o.last, std::move(key), std::move(log_keys)});
    }
    open_.erase(it);
    if (on_batch) on_batch();
  }
  // Decides every message still waiting.
  void Finish() {
    std::vector<std::string> ids;
    for (const auto& [id, list] : open_) ids.push_back(id);
    std::sort(ids.begin(), ids.end());
    for (const std::string& id : ids) OnDone(id);
  }
  std::function<void()> on_batch;  // after deliveries are found
  // A recipient whose domain is no domain name, as logged: left out.
  std::function<void(std::string_view)> on_not_address;
  // "sent" lines merged into a delivery already open, or repeating one
  // already decided (see OnAttempt).
  uint64_t repeated() const { return repeated_; }
  // Recipients decided with the outcome "unknown" (not learned), by their
  // cause (maillog::UnknownCause), and the first one's line of each.
  uint64_t outcome_unknown(maillog::UnknownCause cause) const {
    return outcome_unknown_[static_cast<size_t>(cause)];
  }
  std::pair<uint32_t, uint64_t> first_unknown(maillog::UnknownCause cause) const {
    return first_unknown_[static_cast<size_t>(cause)];
  }
  // Deliveries "sent" whose sender the log never named (not learned), and
  // the first one's line (maillog::Attempt::file, line; line 0: none).
  uint64_t sender_unknown() const { return sender_unknown_; }
  std::pair<uint32_t, uint64_t> first_sender_unknown() const { return first_sender_unknown_; }
  // Deliveries whose final outcome was bounced, expired, discarded or
  // deleted (a trace's Failed), and the first one's (file, line).
  uint64_t not_made() const { return not_made_; }
  // Attempts of a copy local(8) forwarded (not learned), and the first.
  uint64_t local_forwards() const { return local_forwards_; }
  // Recipients read without invisible characters (OnAttempt), the first's place.
  uint64_t invisible() const { return invisible_; }
  std::pair<uint32_t, uint64_t> first_invisible() const { return first_invisible_; }
  // Senders read so (OnAttempt), the first's place.
  uint64_t invisible_senders() const { return invisible_senders_; }
  std::pair<uint32_t, uint64_t> first_invisible_sender() const { return first_invisible_sender_; }
  std::pair<uint32_t, uint64_t> first_local_forward() const { return first_local_forward_; }
  // Attempts handed to a next hop under a look-alike (lookalike_hop; not
  // learned), and the first.
  uint64_t lookalike_hops() const { return lookalike_hops_; }
  std::pair<uint32_t, uint64_t> first_lookalike_hop() const { return first_lookalike_hop_; }
  std::pair<uint32_t, uint64_t> first_not_made() const { return first_not_made_; }
  // Deliveries still deferred or held when the input ended (not learned),
  // and the first one's latest line.
  uint64_t still_waiting() const { return still_waiting_; }
  std::pair<uint32_t, uint64_t> first_waiting() const { return first_waiting_; }
  // True when a log or trace said the delivery named by DeliveryKey(id,
  // rcpt) bounced, expired or was discarded.
  bool Failed(const std::string& key) const { return failed_.contains(key); }

 private:
  struct Open {
    std::string sender, rcpt;
    int64_t first = 0, last = 0;
    std::string status;
    std::string message_id;  // without angle brackets; "" when not logged
    bool from_trace = false;  // maillog::Attempt::from_trace
    bool sender_known = true;  // maillog::Attempt::sender_known
    // The line of its latest outcome (maillog::Attempt::file, line).
    uint32_t file = 0;
    uint64_t line = 0;
    uint32_t run = 0;  // maillog::Attempt::run
    std::string relay;  // of its latest outcome: an "unknown" one's cause
  };
  // True the first time this delivery (message key, recipient, latest
  // attempt's time and status) is decided this way: the same lines in two
  // overlapping logs decide it twice. Bounded: past kMaxOpen it forgets,
  // and counts a repeat again at worst.
  static bool FirstTime(std::unordered_set<std::string>& seen, const std::string& key,
                        const Open& o) {
    if (seen.size() >= kMaxOpen) seen.clear();
    std::string id = key;
    id += '\0';
    id += o.rcpt;
    id += '\0';
    id += std::to_string(o.last);
    id += '\0';
    id += o.status;
    return seen.insert(std::move(id)).second;
  }
  // An "unknown" of an event no later one decided (maillog::UndecidedRelay),
  // not of a hop whose next server's log was not given.
  static bool EventOnly(std::string_view relay) {
    return maillog::UnknownCauseOf(relay) == maillog::UnknownCause::kNoLaterEvent;
  }
  // A decided Postfix delivery: its queue key (with host and instance),
  // recipient and the time of its "sent" line, as any copy of that line
  // names it.
  static std::string DoneKey(std::string_view queue, std::string_view rcpt, int64_t time) {
    std::string k(queue);
    k.append(1, ' ').append(rcpt).append(1, ' ').append(std::to_string(time));
    return k;
  }
  // Bounded to two generations of kMaxOpen: an overlap between rotated
  // files is a few lines, read right after what it repeats.
  void RememberDone(std::string key) {
    if (done_.size() >= kMaxOpen) {
      done_old_ = std::move(done_);
      done_.clear();
    }
    done_.insert(std::move(key));
  }
  bool WasDone(const std::string& key) const {
    return done_.contains(key) || done_old_.contains(key);
  }
  void NotDelivered(std::string key, int64_t time) {
    if (not_delivered_.size() >= kMaxOpen) not_delivered_.clear();  // bounded: a join missed
    int64_t& t = not_delivered_[std::move(key)];
    t = std::max(t, time);
  }
  std::vector<Delivery>* out_;
  std::unordered_map<std::string, std::vector<Open>> open_;
  // Postfix deliveries that were not sent, by DeliveryKey, with their time.
  std::unordered_map<std::string, int64_t> not_delivered_;
  std::unordered_set<std::string> failed_;  // DeliveryKey of failed deliveries
  // Message key '\0' recipient of those delivered into the organisation's
  // own mailbox ("internal"): no "unknown" of theirs is counted.
  std::unordered_set<std::string> settled_;
  std::unordered_set<std::string> done_, done_old_;  // DoneKey of decided deliveries
  std::string key_;
  Domain domain_;  // HistoryAddress's scratch
  uint64_t repeated_ = 0;
  std::array<uint64_t, maillog::kUnknownCauses> outcome_unknown_{};
  std::array<std::pair<uint32_t, uint64_t>, maillog::kUnknownCauses> first_unknown_{};
  uint64_t sender_unknown_ = 0;
  std::pair<uint32_t, uint64_t> first_sender_unknown_{0, 0};
  uint64_t not_made_ = 0;
  uint64_t local_forwards_ = 0;
  uint64_t invisible_ = 0;
  std::pair<uint32_t, uint64_t> first_invisible_{0, 0};
  uint64_t invisible_senders_ = 0;
  std::pair<uint32_t, uint64_t> first_invisible_sender_{0, 0};
  std::pair<uint32_t, uint64_t> first_local_forward_{0, 0};
  uint64_t lookalike_hops_ = 0;
  std::pair<uint32_t, uint64_t> first_lookalike_hop_{0, 0};
  std::pair<uint32_t, uint64_t> first_not_made_{0, 0};
  uint64_t still_waiting_ = 0;
  std::pair<uint32_t, uint64_t> first_waiting_{0, 0};
  std::unordered_set<std::string> not_made_seen_, waiting_seen_;  // FirstTime's
};

}  // namespace nearmiss::history

#endif  // NEARMISS_HISTORY_SENT_SINK_H_
