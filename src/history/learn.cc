#include "history/learn.h"

#include <functional>

#include "base/log.h"
#include "content/invisible_code_point.h"
#include "history/history_keys.h"
#include "history/sent_sink.h"
#include "maillog/postfix_fields.h"
#include "maillog/postfix_log.h"
#include "maillog/read_log.h"

namespace nearmiss::history {
namespace {

// Deliveries written to the store at a time. A batch is held twice (found_,
// then pending_): 100,000 held 35 MB more at the peak of a 900,000-line log
// (/usr/bin/time -v: 175 MB -> 140 MB; docs/mail-logs.md), and was no
// faster to write.
constexpr size_t kBatch = 25000;

// A display name as NamesOfOthers compares it: lower case, quotes dropped,
// blanks collapsed ("\"Mary  JONES\"" -> "mary jones").
std::string FoldedName(std::string_view raw) {
  std::string out;
  for (char c : raw) {
    if (c == '"') continue;
    const bool blank = c == ' ' || c == '\t';
    if (blank && (out.empty() || out.back() == ' ')) continue;
    out += blank ? ' ' : static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace

std::vector<Learner::NameOfAnother> Learner::NamesOfOthers() const {
  // Each pair's name used most (the first of equals); per sender, whose
  // that name is ("" when two contacts share it).
  std::map<std::pair<std::string, std::string>, std::string> owner;
  std::map<std::pair<std::string, std::string>, std::string> most_of;
  for (const auto& [pair, names] : names_) {
    const std::string* most = nullptr;
    uint64_t uses = 0;
    for (const auto& [folded, use] : names) {
      if (most == nullptr || use.second > uses) most = &folded, uses = use.second;
    }
    most_of[pair] = *most;
    auto [it, added] = owner.emplace(std::make_pair(pair.first, *most), pair.second);
    if (!added && it->second != pair.second) it->second.clear();
  }
  std::vector<NameOfAnother> out;
  for (const auto& [pair, names] : names_) {
    for (const auto& [folded, use] : names) {
      if (folded == most_of[pair]) continue;
      auto it = owner.find({pair.first, folded});
      if (it == owner.end() || it->second.empty() || it->second == pair.second) continue;
      out.push_back({pair.first, pair.second, use.first, it->second, use.second});
    }
  }
  return out;
}

Status Learner::Add(Delivery d) {
  if (skip_sender_ && skip_sender_(d.sender)) {
    if (counts_.skipped_senders++ == 0) counts_.first_skipped_sender = d.sender;
    return Status::Ok();
  }
  // One sender under one mailbox in the store: its plus-addressed forms
  // kept apart counted one relationship three times and left a later
  // revoke by mailbox to fold again (round 52's tester 14, finding 7).
  if (sender_mailbox_ && !d.sender.empty()) d.sender = sender_mailbox_(d.sender);
  if (!d.display_name.empty() && !d.sender.empty()) {
    const std::pair<std::string, std::string> pair{d.sender, d.recipient};
    auto it = names_.find(pair);
    if (it == names_.end() && names_.size() < kMaxNamedPairs) {
      it = names_.try_emplace(pair).first;
    }
    if (it != names_.end()) {
      auto& use = it->second[FoldedName(d.display_name)];
      if (use.second++ == 0) use.first = d.display_name;
    }
  }
  pending_.push_back(std::move(d));
  ++counts_.found;
  if (pending_.size() >= kBatch) return Flush();
  return Status::Ok();
}

Status Learner::Flush() {
  if (pending_.empty()) return Status::Ok();
  RecordedDeliveries recorded;
  if (on_write_) on_write_(pending_.size());
  Status s = store_->RecordDeliveries(pending_, &recorded, write_progress_);
  if (s.ok()) {
    std::hash<std::string> hash;
    for (size_t i = 0; i < pending_.size(); ++i) {
      const Delivery& d = pending_[i];
      // Checked before this delivery's own keys go in, so the first of
      // two in one batch is new and the second repeated; any of its keys
      // (Delivery::aliases) seen this run makes it a repeat.
      bool seen = false;
      auto note = [&](const std::string& key) {
        uint64_t h = hash(key);
        if (!run_keys_.insert(h).second) {
          seen = true;
          return;
        }
        run_key_order_.push_back(h);
        if (run_key_order_.size() > kMaxRunKeys) {
          run_keys_.erase(run_key_order_.front());
          run_key_order_.pop_front();
        }
      };
      if (!d.key.empty()) {
        note(d.key);
        for (const std::string& alias : d.aliases) note(alias);
      }
      if (recorded.counted[i]) {
        ++counts_.counted;
      } else if (seen) {
        ++counts_.repeated;
      } else {
        ++counts_.known;
      }
    }
    counts_.new_relationships += recorded.new_relationships;
  }
  pending_.clear();
  return s;
}

std::string Learner::VisibleRecipient(std::string_view entry, const std::string& where) {
  const std::string visible = content::WithoutInvisibleCodePoints(entry);
  if (visible.empty()) return Canonical(entry);
  std::string out = Canonical(visible);
  if (!out.empty() && counts_.invisible_dropped++ == 0) {
    counts_.first_invisible_dropped = where;
  }
  return out;
}

std::string Learner::VisibleSender(std::string_view entry, const std::string& where) {
  const std::string visible = content::WithoutInvisibleCodePoints(entry);
  if (visible.empty()) return Canonical(entry);
  std::string out = Canonical(visible);
  if (out.empty()) return Canonical(entry);
  if (counts_.invisible_senders++ == 0) counts_.first_invisible_sender = where;
  return out;
}

void Learner::NotAnAddress(const std::string& where) {
  if (counts_.not_addresses++ == 0) counts_.first_not_address = where;
}

Learner::DeliveryCounts Learner::delivery_counts() const {
  DeliveryCounts c = counts_;
  // The log reader's merged repeats never reach the store: they are found
  // and repeated both.
  uint64_t merged = sink_ ? sink_->repeated() : 0;
  c.found += merged;
  c.repeated += merged;
  auto place = [this](std::pair<uint32_t, uint64_t> at) {
    const auto [file, line] = at;
    return (file != 0 && file <= log_names_.size() ? log_names_[file - 1]
                                                   : std::string("a log")) +
           ":" + std::to_string(line);
  };
  for (size_t i = 0; sink_ && i < maillog::kUnknownCauses; ++i) {
    const auto cause = static_cast<maillog::UnknownCause>(i);
    c.outcome_unknown[i] = sink_->outcome_unknown(cause);
    if (c.outcome_unknown[i] != 0) c.first_outcome_unknown[i] = place(sink_->first_unknown(cause));
  }
  c.sender_unknown = sink_ ? sink_->sender_unknown() : 0;
  if (c.sender_unknown != 0) c.first_sender_unknown = place(sink_->first_sender_unknown());
  c.log_not_delivered = sink_ ? sink_->not_made() : 0;
  if (c.log_not_delivered != 0) c.first_log_not_delivered = place(sink_->first_not_made());
  if (sink_ && sink_->invisible() != 0) {
    // Logs are read before Sent folders and CSV exports: theirs is first.
    c.first_invisible_dropped = place(sink_->first_invisible());
    c.invisible_dropped += sink_->invisible();
  }
  if (sink_ && sink_->invisible_senders() != 0) {
    c.first_invisible_sender = place(sink_->first_invisible_sender());
    c.invisible_senders += sink_->invisible_senders();
  }
  c.local_forwards = sink_ ? sink_->local_forwards() : 0;
  if (c.local_forwards != 0) c.first_local_forward = place(sink_->first_local_forward());
  c.lookalike_hops = sink_ ? sink_->lookalike_hops() : 0;
  if (c.lookalike_hops != 0) c.first_lookalike_hop = place(sink_->first_lookalike_hop());
  c.still_deferred = sink_ ? sink_->still_waiting() : 0;
  if (c.still_deferred != 0) c.first_still_deferred = place(sink_->first_waiting());
  return c;
}

Learner::Learner(Store* store) : store_(store) {}
Learner::~Learner() = default;

void Learner::SetDomainChecks(maillog::DomainCheck judgeable, maillog::DomainCheck own_domain) {
  judgeable_ = std::move(judgeable);
  own_domain_ = std::move(own_domain);
}

bool Learner::Judgeable(const std::string& recipient, const std::string& where) {
  if (!judgeable_ || judgeable_(maillog::AddressDomain(recipient))) return true;
  if (counts_.skipped_domains++ == 0) {
    counts_.first_skipped_domain = where + ": '" + log::Untrusted(recipient, 100) + "'";
  }
  return false;
}

Status Learner::AddPostfixLog(const std::string& path, const maillog::ReadLogOptions& options,
                              maillog::LineCounts* counts) {
  if (!log_) {
    // One reader across files: a rotated set's messages, and a message an
    // Exchange server hands to the next, span files.
    sink_ = std::make_unique<SentSink>(&found_);
    sink_->lookalike_hop = lookalike_hop_;
    maillog::PostfixLogOptions o;
    o.learning = true;
    o.judgeable_domain = judgeable_;
    o.own_domain = own_domain_;
    log_ = std::make_unique<maillog::PostfixLog>(o, sink_.get());
    // What the last run's logs left open, for this run's lines to complete.
    NM_ASSIGN_OR_RETURN(std::vector<CarriedMessage> carried, store_->CarriedMessages());
    for (CarriedMessage& m : carried) {
      log_->Carry({std::move(m.queue_key), std::move(m.sender), m.sender_seen,
                   std::move(m.message_id), m.last_seen});
    }
    carry_.carried_in = carried.size();
  }
  // Learning from a file that is not a mail log would be learning from
  // noise: deliveries wait until the lines so far pass the check, and are
  // then written in batches so memory stays bounded. A file that fails only
  // at its end (a long log followed by mostly foreign lines) keeps the
  // batches written before.
  sink_->on_not_address = [this, path](std::string_view rcpt) {
    NotAnAddress(path + ": '" + log::Untrusted(rcpt, 100) + "'");
  };
  Status status = Status::Ok();
  sink_->on_batch = [&] {
    if (found_.size() < kBatch || !status.ok() ||
        !maillog::CheckRecognised(log_->counts(), options.min_recognised_percent).ok()) {
      return;
    }
    status = AddFound();
  };
  Status s = maillog::ReadLog(path, *log_, options, counts);
  sink_->on_batch = nullptr;
  if (log_->file() != 0) {
    log_names_.resize(log_->file());
    log_names_[log_->file() - 1] = path;
  }
  if (!s.ok()) {
    // Its attempts still held for a hand-off join must not be learned later.
    log_->DiscardHeld();
    found_.clear();
    return s;
  }
  NM_RETURN_IF_ERROR(status);
  return AddFound();
}

Status Learner::AddFound() {
  Status status = Status::Ok();
  for (Delivery& d : found_) {
    // Kept for JoinedLogKey: a Sent folder message of this run may be it.
    if (join_mailboxes_ && unkeyed_count_ < kMaxUnkeyed && d.key.starts_with("log:")) {
      ++unkeyed_count_;
      unkeyed_[d.sender + " " + d.recipient].push_back({d.time, d.key});
    }
    if (status.ok()) status = Add(std::move(d));
  }
  found_.clear();
  return status;
}

Status Learner::FinishLogs() {
  if (!log_) return Status::Ok();
  // Attempts held across files (hand-offs) are decided here, past any one file.
  sink_->on_not_address = [this](std::string_view rcpt) {
    NotAnAddress("the logs read: '" + log::Untrusted(rcpt, 100) + "'");
  };
  std::vector<maillog::PostfixLog::OpenMessage> open = log_->OpenMessages(kMaxCarried);
  carry_.joined = log_->carried_joined();
  log_->Finish();
  sink_->Finish();
  NM_RETURN_IF_ERROR(AddFound());
  std::vector<CarriedMessage> keep;
  keep.reserve(open.size());
  for (maillog::PostfixLog::OpenMessage& m : open) {
    keep.push_back({std::move(m.key), std::move(m.sender), m.sender_seen,
                    std::move(m.message_id), m.last_seen});
  }
  carry_.carried_out = keep.size();
  return store_->ReplaceCarriedMessages(keep);
}

}  // namespace nearmiss::history
