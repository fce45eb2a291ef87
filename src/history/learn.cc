#include "history/learn.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <fstream>
#include <functional>
#include <unordered_map>
#include <unordered_set>

#include "address/normal_domain.h"
#include "base/ascii.h"
#include "base/log.h"
#include "content/mailbox_date.h"
#include "maillog/attempt_order.h"
#include "maillog/postfix_fields.h"
#include "maillog/postfix_log.h"
#include "maillog/read_log.h"
#include "maillog/timestamp.h"
#include "nearmiss/address.h"
#include "nearmiss/content_reader.h"

namespace nearmiss::history {
namespace {

constexpr size_t kBatch = 100000;

// An address as the history keeps it: canonical and folded to lower case
// whole, as the log reader folds what it reads (SentSink), so one person is
// one relationship whichever source names them and however they were
// written; acknowledgements compare by the same rule (Acknowledgement::
// Covers).
std::string Canonical(std::string_view entry) {
  Result<Address> a = ParseAddress(entry);
  return a.ok() ? AsciiLower(a->ToString()) : "";
}

// "Bob@Bücher.DE." -> "bob@xn--bcher-kva.de": a logged or traced address as
// the history keeps it, folded whole like Canonical and with its domain as
// audit names it (address::NormalDomain: UTS #46 A-label, lower case, no
// root dot), so a log line, a trace row, a Sent folder and a CSV export of
// one delivery are one relationship, and the store holds only A-labels (the
// engine's trusted set accepts nothing else). False when the domain is no
// domain name (an address literal, a bad IDN): `*out` is then only folded.
bool HistoryAddress(std::string_view address, Domain* scratch, std::string* out) {
  std::string_view domain = maillog::AddressDomain(address);
  std::string d;
  bool ok = !domain.empty() && address::NormalDomain(domain, scratch, &d);
  *out = AsciiLower(address.substr(0, address.size() - domain.size())) + d;
  return ok;
}

// The key of a delivery named by its message: the Message-ID (RFC 5322
// section 3.6.4, without angle brackets) and the recipient, folded as the
// history folds addresses. Logs, mailboxes and CSV exports all use it, so
// the same message to the same recipient counts once whichever is read.
std::string DeliveryKey(std::string_view message_id, std::string_view recipient) {
  return "msgid:" + std::string(message_id) + " " + AsciiLower(recipient);
}

// Splits one CSV record (quotes, doubled quotes; no embedded newlines).
std::vector<std::string> CsvFields(std::string_view line) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        out.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        out.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      out.emplace_back();
    } else if (c != '\r') {
      out.back() += c;
    }
  }
  return out;
}

// A CSV row's time: seconds since 1970 (at most 11 digits), a date
// ("2026-09-01", midnight UTC) or an RFC 3339 date-time with "Z" or a
// numeric offset ("2026-09-01T10:00:00+02:00"; without a zone, read as
// UTC; a space for the "T" as RFC 3339 section 5.6 allows). Every field is
// range-checked; -1 for anything else, which the caller names by line.
int64_t CsvTime(const std::string& v) {
  if (!v.empty() && v.size() <= 11 && std::all_of(v.begin(), v.end(), ::isdigit)) {
    return std::strtoll(v.c_str(), nullptr, 10);
  }
  if (v.size() == 10) return maillog::ParseDate(v);
  if (v.size() < 19 || (v[10] != 'T' && v[10] != 't' && v[10] != ' ')) return -1;
  std::string stamp = v;
  stamp[10] = 'T';
  maillog::Stamp st;
  if (maillog::ReadRfc3339Stamp(stamp + " ", &st) != stamp.size()) {
    // No zone: the date-time as written, read as UTC.
    if (stamp.size() != 19 || maillog::ReadRfc3339Stamp(stamp + "Z ", &st) != 20) return -1;
  }
  if (st.month < 1 || st.month > 12 || st.day < 1 || st.day > 31 || st.hour > 23 ||
      st.minute > 59 || st.second > 60) {
    return -1;
  }
  int64_t day = maillog::ParseDate(stamp.substr(0, 10));
  if (day < 0) return -1;
  return day + st.hour * 3600 + st.minute * 60 + st.second - (st.zoned ? st.offset : 0);
}

}  // namespace

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
  void OnAttempt(const maillog::Attempt& a) override {
    // No domain, no delivery to learn (the store counts by domain).
    size_t at = a.recipient.rfind('@');
    if (at == std::string_view::npos || at + 1 == a.recipient.size()) return;
    std::string rcpt;
    if (!HistoryAddress(a.recipient, &domain_, &rcpt)) {
      if (on_not_address) on_not_address(a.recipient);
      return;
    }
    std::string sender;
    HistoryAddress(a.sender, &domain_, &sender);  // a sender is not counted by domain
    key_.assign(a.Key());  // a Postfix queue id with its host and instance
    auto it = open_.try_emplace(key_).first;
    auto r = std::find_if(it->second.begin(), it->second.end(),
                          [&](const Open& o) { return o.rcpt == rcpt; });
    if (r == it->second.end()) {
      it->second.push_back({std::move(sender), std::move(rcpt), a.time, a.time,
                            std::string(a.status), std::string(a.message_id), a.from_trace});
    } else if (a.time == r->last && a.status == "sent" && r->status == "sent") {
      // The same "sent" line again (rotated logs that overlap, read while
      // the message is still open): one delivery, counted as repeated.
      ++repeated_;
    } else if (maillog::LaterOutcome(a.time, a.status, r->last, r->status)) {
      if (r->message_id.empty()) r->message_id.assign(a.message_id);
      // At the same time the outcome decides, not the order of the inputs.
      r->last = a.time;
      r->status.assign(a.status);
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
      if (o.status == "unknown") ++outcome_unknown_;
      if (!o.from_trace && !o.message_id.empty() && o.status != "sent") {
        // A Postfix gateway's outcome other than "sent": an Exchange or
        // Microsoft 365 SEND of the same message to it, no later, was a
        // hop, not a delivery (investigate/auditor.cc, breaker round 2 §5).
        NotDelivered(DeliveryKey(o.message_id, o.rcpt), o.last);
      }
      if ((o.status == "bounced" || o.status == "expired" || o.status == "discarded") &&
          !o.message_id.empty()) {
        // A Sent folder's copy of it read later must not be learned either.
        if (failed_.size() >= kMaxOpen) failed_.clear();  // bounded: a join missed
        failed_.insert(DeliveryKey(o.message_id, o.rcpt));
      }
      if (o.status != "sent") continue;
      std::string key = o.message_id.empty()
                            ? "log:" + std::string(maillog::BareQueueId(it->first)) + " " + o.rcpt + " " + std::to_string(o.first)
                            : DeliveryKey(o.message_id, o.rcpt);
      if (o.from_trace) {
        // Traces are read after the logs (maillog/set_order.h).
        auto veto = not_delivered_.find(key);
        if (veto != not_delivered_.end() && veto->second >= o.last) continue;
      }
      out_->push_back({o.sender, o.rcpt, o.first, std::move(key)});
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
  // "sent" lines merged into a delivery already open (see OnAttempt).
  uint64_t repeated() const { return repeated_; }
  // Recipients decided with the outcome "unknown" (sent on; not learned).
  uint64_t outcome_unknown() const { return outcome_unknown_; }
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
  };
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
  std::string key_;
  Domain domain_;  // HistoryAddress's scratch
  uint64_t repeated_ = 0;
  uint64_t outcome_unknown_ = 0;
};


Status Learner::Add(Delivery d) {
  pending_.push_back(std::move(d));
  ++counts_.found;
  if (pending_.size() >= kBatch) return Flush();
  return Status::Ok();
}

Status Learner::Flush() {
  if (pending_.empty()) return Status::Ok();
  RecordedDeliveries recorded;
  Status s = store_->RecordDeliveries(pending_, &recorded);
  if (s.ok()) {
    std::hash<std::string> hash;
    for (size_t i = 0; i < pending_.size(); ++i) {
      const std::string& key = pending_[i].key;
      // Checked before this delivery's own key goes in, so the first of
      // two in one batch is new and the second repeated.
      bool seen = false;
      if (!key.empty()) {
        uint64_t h = hash(key);
        seen = !run_keys_.insert(h).second;
        if (!seen) {
          run_key_order_.push_back(h);
          if (run_key_order_.size() > kMaxRunKeys) {
            run_keys_.erase(run_key_order_.front());
            run_key_order_.pop_front();
          }
        }
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
  c.outcome_unknown = sink_ ? sink_->outcome_unknown() : 0;
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
    maillog::PostfixLogOptions o;
    o.learning = true;
    o.judgeable_domain = judgeable_;
    o.own_domain = own_domain_;
    log_ = std::make_unique<maillog::PostfixLog>(o, sink_.get());
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
  log_->Finish();
  sink_->Finish();
  return AddFound();
}

Status Learner::AddCsv(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::IoError(path + ": cannot open");
  std::string line;
  if (!std::getline(in, line)) return Status::ParseError(path + ":1: empty file");
  int sender = -1, rcpt = -1, time = -1, message_id = -1;
  std::vector<std::string> head = CsvFields(line);
  for (size_t i = 0; i < head.size(); ++i) {
    std::string h = AsciiLower(head[i]);
    if (h == "sender" || h == "from") sender = static_cast<int>(i);
    if (h == "recipient" || h == "to" || h == "rcpt") rcpt = static_cast<int>(i);
    if (h == "date" || h == "time" || h == "timestamp") time = static_cast<int>(i);
    if (h == "message-id" || h == "message_id" || h == "messageid") message_id = static_cast<int>(i);
  }
  if (rcpt < 0) {
    return Status::ParseError(path + ":1: no recipient column (recipient, to or rcpt)");
  }
  int64_t now = std::chrono::duration_cast<std::chrono::seconds>(
                    std::chrono::system_clock::now().time_since_epoch())
                    .count();
  for (int n = 2; std::getline(in, line); ++n) {
    if (line.empty()) continue;
    std::vector<std::string> f = CsvFields(line);
    if (static_cast<int>(f.size()) <= rcpt) {
      return Status::ParseError(path + ":" + std::to_string(n) + ": too few fields");
    }
    int64_t t = time >= 0 && static_cast<int>(f.size()) > time ? CsvTime(f[time]) : now;
    if (t < 0) {
      return Status::ParseError(path + ":" + std::to_string(n) + ": bad time '" + log::Untrusted(f[time], 100) +
                                "' (want seconds since 1970, YYYY-MM-DD or an RFC 3339 "
                                "date-time such as 2026-09-01T10:00:00Z)");
    }
    std::string to = Canonical(f[rcpt]);
    if (to.empty()) {
      NotAnAddress(path + ":" + std::to_string(n) + ": '" + log::Untrusted(f[rcpt], 100) + "'");
      continue;
    }
    if (!Judgeable(to, path + ":" + std::to_string(n))) continue;
    std::string from = sender >= 0 && static_cast<int>(f.size()) > sender ? Canonical(f[sender]) : "";
    ++counts_.csv_rows;
    // What names the delivery again when the file, or a copy of its rows,
    // is read twice: its Message-ID and recipient, as a mailbox's (the same
    // key, so a Sent folder and a CSV export of it count once), else the
    // sender, recipient and time. A row without a time column has no key:
    // it is dated now, and two reads are two different times.
    std::string id = message_id >= 0 && static_cast<int>(f.size()) > message_id
                         ? f[message_id]
                         : "";
    // GMime gives a mailbox's Message-ID without its angle brackets.
    if (id.size() >= 2 && id.front() == '<' && id.back() == '>') id = id.substr(1, id.size() - 2);
    std::string key;
    if (!id.empty()) {
      key = DeliveryKey(id, to);
    } else if (time >= 0) {
      key = "csv:" + from + " " + to + " " + std::to_string(t);
    }
    NM_RETURN_IF_ERROR(Add({from, to, t, std::move(key)}));
  }
  return Status::Ok();
}

std::string Learner::JoinedLogKey(const std::string& sender, const std::string& recipient,
                                  int64_t time) {
  auto it = unkeyed_.find(sender + " " + recipient);
  if (it == unkeyed_.end()) return {};
  auto& rows = it->second;
  auto gap = [time](int64_t t) { return t > time ? t - time : time - t; };
  auto best = rows.end();
  for (auto r = rows.begin(); r != rows.end(); ++r) {
    if (gap(r->first) <= kLogJoinSeconds && (best == rows.end() || gap(r->first) < gap(best->first))) {
      best = r;
    }
  }
  if (best == rows.end()) return {};
  std::string key = std::move(best->second);
  rows.erase(best);  // one log row is one message: it joins once
  return key;
}

Status Learner::AddMailboxes(const std::vector<std::string>& paths,
                             std::shared_ptr<const content::Scanner> scanner) {
  NM_ASSIGN_OR_RETURN(std::unique_ptr<content::MessageReader> reader,
                      content::MessageReader::Open(paths, std::move(scanner)));
  int64_t now = std::chrono::duration_cast<std::chrono::seconds>(
                    std::chrono::system_clock::now().time_since_epoch())
                    .count();
  content::ScannedMessage m;
  while (reader->Next(&m)) {
    if (m.unread) {
      // No message (content/maildir_entry.h): said, never learned from.
      if (mailbox_counts_.not_read++ == 0) {
        std::string why = m.errors.empty() ? std::string("not read") : m.errors.front();
        mailbox_counts_.first_not_read = why.starts_with(m.source) ? why : m.source + ": " + why;
      }
      m = content::ScannedMessage();
      continue;
    }
    // When it was sent, by audit's rule (content/mailbox_date.h): the
    // author's Date:, else when it was delivered (the mbox "From " line,
    // the Maildir file name, a lone file's mtime), else now, counted.
    // A Date: after the delivery (or now), before 1990 or more than a
    // year before the delivery is not believed: one such message would
    // stretch a correspondent's span (mailbox_date.h).
    const content::MailboxDate date = content::MessageDate(m, now);
    int64_t time = date.seconds > 0 ? date.seconds : now;
    if (date.set_aside > 0 && mailbox_counts_.date_set_aside++ == 0) {
      mailbox_counts_.first_date_set_aside =
          m.source + ": Date: " + maillog::FormatTime(date.set_aside);
    }
    if (date.seconds <= 0) {
      ++mailbox_counts_.dated_now;
    } else if (date.source != "date-header") {
      ++mailbox_counts_.dated_by_delivery;
    }
    ++mailbox_counts_.messages;
    if (m.message_id.empty()) ++mailbox_counts_.without_message_id;
    std::string from = Canonical(m.from);
    // What names this message again when the folder is read twice: its
    // Message-ID (RFC 5322 section 3.6.4), else its author, date and subject.
    std::string id = m.message_id.empty()
                         ? "nomsgid:" + from + " " + std::to_string(time) + " " + m.subject
                         : "";
    for (const auto* list : {&m.to, &m.cc, &m.bcc}) {
      for (const std::string& header : *list) {
        for (const std::string& entry : SplitAddressList(header)) {
          std::string to = Canonical(entry);
          if (to.empty()) {
            NotAnAddress(m.source + ": '" + log::Untrusted(entry, 100) + "'");
            continue;
          }
          if (!Judgeable(to, m.source)) continue;
          std::string key = id.empty() ? DeliveryKey(m.message_id, to) : id + " " + to;
          if (sink_ && id.empty() && sink_->Failed(key)) {
            // The log or trace read says the receiving server refused it.
            if (mailbox_counts_.not_delivered++ == 0) {
              mailbox_counts_.first_not_delivered = m.source + ": " + to;
            }
            continue;
          }
          // The same delivery read from a log row without its Message-ID
          // (learn.h): its key, so it counts once.
          if (std::string joined = JoinedLogKey(from, to, time); !joined.empty()) {
            key = std::move(joined);
            ++mailbox_counts_.joined_to_log;
          }
          NM_RETURN_IF_ERROR(Add({from, std::move(to), time, std::move(key)}));
        }
      }
    }
    m = content::ScannedMessage();
  }
  return Status::Ok();
}

}  // namespace nearmiss::history
