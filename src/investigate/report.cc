#include "investigate/report.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <optional>
#include <tuple>

#include "maillog/attempt_order.h"
#include "maillog/postfix_log.h"  // BareQueueId
#include "maillog/system_sender.h"
#include "maillog/timestamp.h"

namespace nearmiss::investigate {

namespace {

// The label of `r`'s sender written `from` (SenderLabel, SenderCounted).
std::string Labelled(const Row& r, const std::string& from) {
  if (!r.from_known) return "(unknown)";
  // Exchange's system mailbox (MicrosoftExchange329e...@) as the log writes
  // it, and what the logs show it sent: it sends journal reports too, which
  // carry the journaled message whole, so its rows are a bounce only where
  // the logs show a non-delivery report (round 51's tester 16, finding 3).
  if (maillog::IsExchangeSystemMailbox(from)) {
    return from + (r.non_delivery_report ? " (bounce)" : " (Exchange's system mailbox)");
  }
  // The null reverse-path (RFC 5321 4.5.5): a bounce or other delivery
  // status notification, said so rather than left as a bare "<>"; so is
  // MAILER-DAEMON@'s.
  if (maillog::IsSystemNoticeSender(from)) return "<> (bounce)";
  // Sent on by a mailbox of the organisation's, not by the sender: an
  // Exchange inbox rule (the hop names its mailbox), a local(8) forward
  // (.forward, an alias; the address it was sent to is orig_to). The
  // outside sender never reads as the organisation's own (round 50's
  // tester 16, finding 3).
  constexpr std::string_view kRule = "mailbox rule of ";
  if (const size_t at = r.hops.find(kRule); at != std::string::npos) {
    return from + " (forwarded by " + r.hops.substr(at + kRule.size()) + "'s mailbox rule)";
  }
  // The same, the mailbox not named by the logs (maillog/trace_log.h
  // RuleMailbox), and an Exchange REDIRECT (a mailbox's forwarding
  // address): never the sender's own choice either (round 52's tester 16,
  // findings 2 and 3).
  if (r.hops.find("a mailbox rule (mailbox unknown") != std::string::npos) {
    return from + " (forwarded by a mailbox rule; mailbox unknown)";
  }
  constexpr std::string_view kRedirect = "a redirect by ", kAddress = "'s forwarding address";
  if (const size_t at = r.hops.find(kRedirect); at != std::string::npos) {
    const size_t end = r.hops.find(kAddress, at);
    if (end != std::string::npos) {
      const size_t name = at + kRedirect.size();
      return from + " (redirected by " + r.hops.substr(name, end - name) + "'s forwarding address)";
    }
  }
  if (r.hops.find("a redirect (Exchange REDIRECT; mailbox unknown") != std::string::npos) {
    return from + " (redirected by a forwarding address; mailbox unknown)";
  }
  if (r.hops.find(" via local") != std::string::npos && !r.orig_to.empty()) {
    return from + " (forwarded by " + r.orig_to + "'s .forward or alias)";
  }
  return from;
}

}  // namespace

std::string SenderLabel(const Row& r) { return Labelled(r, r.from); }

std::string SenderCounted(const Row& r) {
  return Labelled(r, r.sender_mailbox.empty() ? r.from : r.sender_mailbox);
}

const std::string& Report::SenderShown(const Row& r) {
  if (sender_shown_.size() >= kMaxOpen) sender_shown_.clear();  // bounded: a form shown apart at worst
  return sender_shown_.try_emplace(SenderCounted(r), SenderLabel(r)).first->second;
}

namespace {

Counts Summed(const std::map<std::string, SenderLine>& lines, bool SenderLine::*kind) {
  Counts sum;
  for (const auto& [label, line] : lines) {
    if (!(line.*kind)) continue;
    const Counts& c = line.counts;
    sum.deliveries += c.deliveries;
    sum.sent += c.sent;
    sum.in_mailbox += c.in_mailbox;
  }
  return sum;
}

}  // namespace

Counts Report::SystemNotices() const { return Summed(by_sender_, &SenderLine::notice); }
Counts Report::SystemMailbox() const { return Summed(by_sender_, &SenderLine::system_mailbox); }

size_t Report::PeopleSenders() const {
  size_t n = 0;
  for (const auto& [label, line] : by_sender_) n += line.notice ? 0 : 1;
  return n;
}

void Counts::Add(const std::string& s, bool in_mbox, bool after_data, maillog::StoppedBy by) {
  ++deliveries;
  if (in_mbox && s == "sent") ++in_mailbox;
  if (after_data && s == "bounced") ++bounced_after_data;
  if (after_data && s != "bounced" && s != "sent") ++unsent_after_data;
  if (s == "sent") {
    ++sent;
  } else if (s == "bounced") {
    ++bounced;
  } else if (s == "expired") {
    ++expired;
  } else if (s == "discarded") {
    ++discarded;
  } else if (s == "deleted") {
    ++deleted;
  } else if (s == "unknown") {
    ++unknown;
  } else if (s == "rejected") {
    ++rejected;
    ++rejected_by[static_cast<size_t>(by)];
  } else if (s == "held") {
    ++held;
  } else {
    ++deferred;
  }
}

std::string DomainLine::HostsText(const std::string& key) const {
  if (!HostsDiffer(key)) return {};
  std::string out = "hosts: ";
  for (const std::string& h : hosts) {
    if (out.size() > 7) out += ", ";
    out += h;
  }
  return out;
}

std::string Report::MarkingOf(const std::string& level, const content::Sensitivity& s) {
  if (level.empty()) return {};
  // Always the scheme's own words when a pack read it, not only with
  // caveats: the common scale's level would print CONFIDENTIAL and
  // PROTECTED as SECRET and CUI as OFFICIAL-SENSITIVE (issue-16 tester,
  // item 2).
  ReportMarking own;
  own.Add(s);
  return own.Banner();
}

bool Report::AddAttempt(const Row& row) {
  std::vector<Open>& list = open_[row.queue_id];
  if (row.status == "expired" && row.to.empty()) {
    // qmgr's expiry names no recipient: every open one of the message that
    // was not delivered. An attempt is one outcome line for a flagged
    // recipient (render.h kCountedAs): one per recipient it
    // expires, none when it expires none this report holds (its line is
    // then counted as left out, LineCounts::orphan_lines; issue-16 tester
    // round 56, finding 2).
    for (Open& d : list) {
      if (d.last_status == "sent") continue;
      d.last_status = "expired";
      ++attempts_;
      ++by_status_[row.status];
    }
    return true;
  }
  if (!row.queue_id.empty() &&
      closed_seen_.contains(
          AttemptKey(row.queue_id, row.to, row.seconds, row.status + '\0' + row.trace_id))) {
    // A message closed already (its "removed" read) seen again: the same
    // lines in a second input.
    ++duplicates_;
    if (list.empty()) open_.erase(row.queue_id);
    return false;
  }
  auto it = std::find_if(list.begin(), list.end(),
                         [&](const Open& d) { return d.row.to == row.to; });
  // A later attempt of a recipient whose queue id ended while it waited.
  if (it == list.end()) it = list.begin() + static_cast<ptrdiff_t>(Revive(row, list));
  if (it != list.end() && !row.queue_id.empty()) {
    // The same outcome of the same recipient of the same message at the
    // same time: one row in two overlapping exports (or log copies).
    // Never two rows of different MessageTraceIds: two messages' rows.
    auto same = [&](const Seen& s) {
      return s.seconds == row.seconds && s.status == row.status && s.trace_id == row.trace_id;
    };
    if (std::find_if(it->seen.begin(), it->seen.end(), same) != it->seen.end()) {
      ++duplicates_;
      return false;
    }
    // The same delivery in another export file (AddAttempt, report.h).
    auto exported = [&](const Seen& s) {
      return row.from_export && s.from_export && s.file != row.written.file &&
             s.status == row.status &&
             (s.trace_id.empty() || row.trace_id.empty() || s.trace_id == row.trace_id) &&
             std::abs(s.seconds - row.seconds) < kExportSlack;
    };
    if (std::find_if(it->seen.begin(), it->seen.end(), exported) != it->seen.end()) {
      ++export_repeats_;
      return false;
    }
    NoteDisagreement(*it, row);
  }
  ++attempts_;
  ++by_status_[row.status];
  // A mailbox item has no queue id: its "sent" is a Sent-folder copy.
  if (row.queue_id.empty() && row.status == "sent") ++sent_folder_attempts_;
  // The next hop's attempt ends the first hop's wait: one delivery, at
  // the last hop, since the first attempt.
  std::string first_time;
  const int64_t first = DropHopWaits(row, &first_time);
  if (it == list.end()) {
    list.push_back({row, row.time, row.seconds, row.seconds, row.status, {}, {}, {}, {}, {}});
    it = list.end() - 1;
    if (auto g = generation_.find(row.queue_id); g != generation_.end()) it->generation = g->second;
    if (first != 0 && first < row.seconds) {
      it->first_seconds = first;
      it->first_time = first_time;
    }
  } else {
    // The content reached the server at any attempt: it stays so, whatever
    // a later attempt says (an expiry, a 5xx to RCPT TO).
    const bool content = it->row.content_received || row.content_received;
    if (first != 0 && first < it->first_seconds) {
      it->first_seconds = first;
      it->first_time = first_time;
    }
    // Written after the attempt kept, in the same run of the same file: not
    // the first, whatever a clock stepped back says (maillog/clock_step.h).
    const bool written_later = maillog::InWriteOrder(row.written, it->row.written) &&
                               row.written.line > it->row.written.line;
    if (row.seconds < it->first_seconds && !written_later) {
      it->first_time = row.time;
      it->first_seconds = row.seconds;
    }
    // The latest attempt decides: a Postfix recipient has no attempt after
    // its last, and an Exchange message sent on to an edge server and
    // failed there is a failure. At the same time, the outcome decides,
    // not the order the files were given in (maillog::LaterOutcome).
    // An outcome replaces "unknown" (sent on to a server whose log was
    // not given), whatever the times.
    if (maillog::LaterOutcome(row.seconds, row.status, it->last_seconds, it->last_status,
                              row.written, it->row.written)) {
      // The attempt that hands the message on may be the only one with a
      // subject (an Exchange SEND through "Outbound to Office 365", then a
      // Microsoft 365 trace row exported without one): its marking stays
      // with the delivery (round 49's tester 16, finding 5).
      std::string level = it->row.level, marking = it->row.marking;
      const bool keep_level = !level.empty() && JoinedLevelAbove(level, row.level);
      it->row = row;
      if (keep_level) {
        it->row.level = std::move(level);
        it->row.marking = std::move(marking);
      }
      // What another input joined (JoinCopy) stays with the delivery.
      if (!it->joined_level.empty()) {
        it->row.level = it->joined_level;
        it->row.marking = it->joined_marking;
      }
      if (!it->joined_hop.empty()) {
        it->row.hops = it->row.hops.empty() ? it->joined_hop : it->joined_hop + ", " + it->row.hops;
      }
      if (!it->joined_orig_to.empty()) it->row.orig_to = it->joined_orig_to;
      it->last_seconds = row.seconds;
      it->last_status = row.status;
    }
    it->row.content_earlier |= content && !it->row.content_received;
    it->row.content_received = content;
  }
  if (it->seen.size() < kMaxSeen) {
    it->seen.push_back(
        {row.seconds, row.status, row.where, row.written.file, row.trace_id, row.from_export});
  }
  // Mailbox messages have no queue: each is final at once.
  if (row.queue_id.empty()) Done("");
  if (open_.size() > kMaxOpen) CloseAll();
  return true;
}

void Report::NoteDisagreement(const Open& d, const Row& row) {
  // "sent" in one input and a failure in another at the same second: two
  // exports of one trace row that disagree (round 49's tester 16, finding
  // 6). The failure decides (maillog::LaterOutcome), so the report cannot
  // say the message did not reach the look-alike: it is incomplete.
  auto failed = [](const std::string& s) { return maillog::OutcomeRank(s) >= 2; };
  for (const Seen& s : d.seen) {
    if (s.seconds != row.seconds || s.file == row.written.file) continue;
    if (!((s.status == "sent" && failed(row.status)) || (failed(s.status) && row.status == "sent"))) {
      continue;
    }
    if (disagreements_++ == 0) {
      first_disagreement_ = row.to + ": " + s.status + (s.where.empty() ? "" : " at " + s.where) +
                            ", " + row.status + (row.where.empty() ? "" : " at " + row.where);
    }
    return;
  }
}

bool Report::HasOutcome(const std::string& queue_id, const std::string& to,
                        int64_t seconds) const {
  auto it = open_.find(queue_id);
  if (it == open_.end()) return false;
  return std::any_of(it->second.begin(), it->second.end(), [&](const Open& d) {
    return d.row.to == to && d.last_status != "unknown" &&
           !(Waiting(d.last_status) && d.last_seconds <= seconds);
  });
}

bool Report::Follows(const std::string& queue_id, const std::string& to) const {
  if (auto it = open_.find(queue_id); it != open_.end()) {
    for (const Open& d : it->second) {
      if (d.row.to == to) return true;
    }
  }
  return waiting_.contains(WaitingKey(queue_id, to));
}

void Report::CloseAll() {
  std::vector<std::string> ids;
  for (const auto& [id, list] : open_) ids.push_back(id);
  std::sort(ids.begin(), ids.end());
  for (const std::string& id : ids) Done(id);
}

void Report::Done(const std::string& queue_id) {
  auto it = open_.find(queue_id);
  if (it == open_.end()) return;
  ++generation_[queue_id];
  for (Open& d : it->second) DoneOne(d);
  open_.erase(it);
}

void Report::Finish() {
  CloseAll();
  CloseWaiting();
  std::sort(table_.begin(), table_.end(), [](const Row& a, const Row& b) {
    return std::tie(a.time, a.queue_id, a.to) < std::tie(b.time, b.queue_id, b.to);
  });
}

Report::AttemptId Report::AttemptKey(const std::string& queue_id, const std::string& to,
                                     int64_t seconds, const std::string& status) {
  std::string key = queue_id;
  key += '\0';
  key += to;
  key += '\0';
  key += std::to_string(seconds);
  key += '\0';
  key += status;
  // FNV-1a 64 beside the library's hash: two unrelated functions.
  uint64_t fnv = 14695981039346656037ull;
  for (unsigned char c : key) fnv = (fnv ^ c) * 1099511628211ull;
  return {static_cast<uint64_t>(std::hash<std::string>()(key)), fnv};
}

void Report::Close(Open& d) {
  if (!d.row.queue_id.empty()) {
    for (const Seen& s : d.seen) {
      AttemptId key =
          AttemptKey(d.row.queue_id, d.row.to, s.seconds, s.status + '\0' + s.trace_id);
      if (!closed_seen_.insert(key).second) continue;
      closed_order_.push_back(key);
      if (closed_order_.size() > kMaxClosedSeen) {
        closed_seen_.erase(closed_order_.front());
        closed_order_.pop_front();
      }
    }
  }
  Row& r = d.row;
  const std::string& s = d.last_status;
  r.status = s == "sent" || s == "bounced" || s == "expired" || s == "discarded" ||
                     s == "deleted" ||
                     s == "unknown" || s == "rejected" || s == "held"
                 ? s
                 : "deferred";
  if (r.status == "deferred" && !r.where.empty() && closed_waiting_.size() < kMaxOpen) {
    closed_waiting_.push_back({std::max(d.last_seconds, r.seconds), r.where});
  }
  // Handed into the queue id it shows, whose own log was not read: its
  // last hop is its own relay (PostfixLog::Unfollowed, CloseHandOffs). Any
  // other "unknown", with earlier hops or none, is its own relay's: that
  // server's log holds the outcome; a log given for an earlier hop is
  // never asked for.
  std::string last_hop = " via ";
  last_hop += r.relay;
  const bool handed_into = !r.hops.empty() && !r.relay.empty() && r.hops.ends_with(last_hop);
  if (r.status == "unknown" && !handed_into) {
    const std::string hop = r.relay.empty() ? "(not named)" : r.relay;
    unknown_next_hops_.insert(hop);
    NoteUnknownLine(unknown_hop_lines_, hop, r);
  } else if (r.status == "unknown") {
    // A Postfix hand-off (content filter, another instance): where it
    // went and the queue id it got there, a few named.
    ++unknown_handed_;
    std::string named = r.relay;
    named += " (queued as ";
    named += maillog::BareQueueId(r.queue_id);
    named += ')';
    if (unknown_hand_offs_.size() < LeftOut::kNamedHandOffs ||
        unknown_hand_offs_.contains(named)) {
      NoteUnknownLine(unknown_hand_offs_, named, r);
    }
  }
  r.time = d.first_time;
  r.seconds = d.first_seconds;
  if (r.after_window) ++outcomes_after_window;
  // A mailbox item has no queue id: its "sent" is a Sent-folder copy.
  const bool in_mailbox = r.queue_id.empty() && r.status == "sent";
  if (r.status == "sent") r.content_received = false;  // delivered: said by its status
  const bool after_data = r.content_received;
  totals_.Add(r.status, in_mailbox, after_data, r.stopped_by);
  if (!r.lookalike_hop.empty()) {
    ++lookalike_hop_deliveries;
    if (lookalike_hops.size() < kNamedHops) {
      lookalike_hops.insert(r.lookalike_hop);
    } else if (!lookalike_hops.contains(r.lookalike_hop)) {
      lookalike_hops_more = true;
    }
  }
  by_month_[r.time.empty() ? "unknown" : r.time.substr(0, 7)].Add(r.status, in_mailbox, after_data, r.stopped_by);
  const bool reached = r.status == "sent" ? !in_mailbox : after_data;
  if (reached && r.status == "sent") {
    const int64_t at = d.last_seconds != 0 ? d.last_seconds : r.seconds;
    if (at != 0 && (first_accepted_ == 0 || at < first_accepted_)) {
      first_accepted_ = at;
      first_accepted_time_ = maillog::ShownTime(at, r.zone);
    }
  }
  NoteMessage(r, d.generation, reached);
  CountSensitivity(r, 1);
  const std::string key = r.group_domain.empty() ? r.domain : r.group_domain;
  DomainLine& dl = by_domain_[key];
  if (dl.hosts.empty() || key == r.domain) {
    // The registrable name's own flag when it was delivered to; else the
    // first host's.
    dl.verdict = r.verdict;
    dl.target = r.target;
    dl.reason = r.reason;
  }
  dl.domain_unicode = key == r.domain ? r.domain_unicode : r.group_unicode;
  if (dl.hosts.size() < kMaxHostsNamed || dl.hosts.contains(r.domain)) dl.hosts.insert(r.domain);
  dl.counts.Add(r.status, in_mailbox, after_data, r.stopped_by);
  if (r.from_known) {
    dl.senders.insert(SenderShown(r));
  } else {
    ++dl.unknown_sender;
  }
  if (r.seconds != 0) {
    dl.first = dl.first == 0 ? r.seconds : std::min(dl.first, r.seconds);
    // The latest attempt, not the first: a delivery first tried before
    // --since and delivered inside the window ends the span inside it
    // (issue-16 tester round 34, item 9).
    dl.last = std::max({dl.last, r.seconds, d.last_seconds});
  }
  SenderLine& sl = r.from_known ? by_sender_[SenderShown(r)] : unknown_sender_;
  if (r.from_known) {
    const bool mailbox = maillog::IsExchangeSystemMailbox(r.from);
    sl.notice = maillog::IsSystemNoticeSender(r.from) && (!mailbox || r.non_delivery_report);
    sl.system_mailbox = mailbox && !r.non_delivery_report;
  }
  sl.counts.Add(r.status, in_mailbox, after_data, r.stopped_by);
  sl.domains.insert(key);
  if (table_.size() < kMaxTableRows) {
    table_.push_back(std::move(r));
  } else {
    ++table_dropped_;
  }
}

}  // namespace nearmiss::investigate
