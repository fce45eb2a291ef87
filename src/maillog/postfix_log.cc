// PostfixLog, line by line: each line's framing and kind (from=, to=,
// message-id=, client=, removed, a milter action) and the queue id's state
// it starts, changes or ends; a recipient's line goes on to
// postfix_delivery.cc, a hand-off to postfix_hand_off.cc (postfix_log.h).
#include "maillog/postfix_log.h"

#include <algorithm>
#include <string_view>
#include <vector>

#include "maillog/log_files.h"
#include "maillog/loss_notice.h"
#include "maillog/postfix_actions.h"
#include "maillog/shown_time.h"
#include "maillog/timestamp.h"
#include "maillog/trace_log.h"
#include "maillog/year_plan.h"

namespace nearmiss::maillog {

namespace {
// The stamp of a line as written, for naming it: RFC 5424's "<PRI>1 "
// skipped, short-full's weekday, date, time and zone kept whole.
std::string_view UnsetStamp(std::string_view line) {
  if (!line.empty() && line[0] == '<') line.remove_prefix(std::min(line.size(), line.find(' ') + 1));
  size_t end = 0;
  const int tokens = !line.empty() && line[0] >= 'A' && line[0] <= 'Z' ? 4 : 1;
  for (int i = 0; i < tokens && end != std::string_view::npos; ++i) {
    end = line.find(' ', end == 0 ? 0 : end + 1);
  }
  return line.substr(0, end);
}
}  // namespace
namespace {

// "to=<...>, ..., status=" at the text's start or after a prefix such as
// an id ("X: to=<"): what log_adhoc() writes for every delivery attempt.
// smtpd's "NOQUEUE: reject: ... from=<a> to=<b> proto=" has no status=.
// A delivery line cut short right after its queue id ("QID: to=", "QID:
// t"): the text is a start of "to=<", which no other line of a queue id
// is (issue-16 tester round 9, defect 8).
bool CutDelivery(std::string_view t) {
  return !t.empty() && t.size() < 4 && std::string_view("to=<").starts_with(t);
}

// An unrecognised line (its framing did not parse) that holds a Postfix
// delivery ("QID: to=<...", whole or cut): a syslog-ng date template, a
// second host's framing in a central log. It may be the very delivery to
// a look-alike, so it is a delivery line not understood, never noise under
// the recognised-share rule (issue-16 tester round 9, defect 2).
bool UnframedDelivery(std::string_view line) {
  size_t to = line.find(": to=");
  return to != std::string_view::npos && to != 0 && line[to - 1] != ' ';
}

// A queue id's line that is a delivery line in all but Postfix's exact
// form: "to=" in another case ("TO=<...>", a shipper that rewrote case) or
// without the angle brackets, and a "status=" after it. log_adhoc.c writes
// only "to=<%s>" followed by ", relay=...", ", status=..." (quote_822_local
// quotes the address inside the brackets): such a line is a damaged
// delivery, counted not understood and named, never passed as noise
// (issue-16 tester round 43, finding 8).
bool DamagedDelivery(std::string_view t) {
  if (t.size() < 4 || (t[0] | 0x20) != 't' || (t[1] | 0x20) != 'o' || t[2] != '=') return false;
  for (size_t at = t.find("tatus="); at != std::string_view::npos; at = t.find("tatus=", at + 1)) {
    if (at > 0 && (t[at - 1] | 0x20) == 's') return true;
  }
  return false;
}

bool LooksLikeDelivery(std::string_view t) {
  size_t to = t.starts_with("to=<") ? 0 : t.find(": to=<");
  return to != std::string_view::npos && t.find(", status=", to) != std::string_view::npos;
}

}  // namespace

PostfixLog::PostfixLog(PostfixLogOptions options, DeliverySink* sink)
    : options_(options), sink_(sink), parser_(LineParser(options.year).InLogZone()) {}

PostfixLog::~PostfixLog() = default;

const LineCounts& PostfixLog::counts() const { return trace_ ? trace_->counts() : counts_; }

void PostfixLog::BeginTraceFile(std::string name, DateOrder date_order) {
  counts_ = LineCounts();
  ++file_;
  file_open_ = true;
  trace_ = std::make_unique<TraceLog>(std::move(name), sink_, date_order,
                                      options_.judgeable_domain, options_.learning,
                                      options_.own_domain);
  trace_->set_domain_why(options_.domain_why);
  trace_->set_smart_hosts(options_.smart_hosts);
  trace_->set_file(file_);
  trace_->set_window(options_.window_from, options_.window_to);
}

void PostfixLog::EndFile() {
  file_open_ = false;
  NoteClocks();
  // A container's line split into partial records whose last never came
  // (the file cut there): a delivery in it is never dropped without a word.
  if (std::string left = parser_.TakePartialLeft();
      left.find("to=<") != std::string::npos || left.starts_with("(cut)")) {
    NotUnderstood(left);
  } else if (!left.empty()) {
    counts_.UnfinishedRecord(left, LineFormat::kCri);
  }
  if (trace_) {
    trace_->Finish();
    counts_ = trace_->counts();
    trace_.reset();
  }
}

void PostfixLog::NotUnderstood(std::string_view line) { counts_.NotUnderstood(line); }

Attempt PostfixLog::QueueAttempt(const LogLine& l, const Queue& q) const {
  Attempt a;
  a.file = file_;
  a.line = counts_.lines;
  a.run = write_order_.run();
  a.time = l.time;
  a.zone = l.zone;
  a.queue_id = l.queue_id;
  // The first hop's sender when a hand-off led here (Queue::origin_sender).
  a.sender = q.origin_known ? std::string_view(q.origin_sender) : std::string_view(q.sender);
  a.sender_known = q.origin_known || q.sender_seen;  // false: no from= line read
  a.message_id = q.message_id;
  a.subject = q.subject;
  a.size = q.size;
  a.hops = q.hops;
  return a;
}

void PostfixLog::Orphan() {
  if (counts_.orphan_lines++ == 0) counts_.first_orphan_line = counts_.lines;
}

void PostfixLog::EndDeferred(const LogLine& l, Queue& q, std::string_view status,
                             std::string_view text, bool one_if_none) {
  Attempt a = QueueAttempt(l, q);
  a.status = status;
  a.status_text = text;
  // Only qmgr's "removed" ends a deferral as "unknown" (Feed): where the
  // recipient was last seen, in the form a report says of an event with
  // no later one ("last seen at ...; final delivery not in the logs given").
  if (status == "unknown") {
    a.relay = "this host's queue (qmgr removed the message while this recipient was deferred; "
              "its last delivery line: no later event in the logs given)";
  }
  if (status == "expired") q.settled_lines += static_cast<uint32_t>(q.deferred.size());
  // One attempt per recipient ended (LineCounts::delivery_lines).
  counts_.delivery_lines += std::max<size_t>(one_if_none ? 1 : 0, q.deferred.size());
  if (q.deferred.empty() && one_if_none) Hold(a, {});
  for (size_t i = 0; i < q.deferred.size(); ++i) {
    a.recipient = q.deferred[i];
    if (status == "unknown" && i < q.deferred_at.size()) {
      // Where it was last seen: its last deferral, not the "removed".
      a.file = q.deferred_at[i].first;
      a.line = q.deferred_at[i].second;
    }
    Hold(a, {});
  }
  q.deferred.clear();
  q.deferred_at.clear();
}

void PostfixLog::Feed(std::string_view line) {
  if (trace_) {
    uint64_t run = 0;
    bool at_start = false;
    if (!ReadNulRunMarker(line, &run, &at_start)) ++lines_;
    trace_->Feed(line);
    return;
  }
  // A run of NUL bytes (log_files.h marker): what a crash leaves of the
  // blocks being written, and syslog then appends the next whole line right
  // after them (round 47's tester 16, finding 4). Read together, a whole
  // delivery was lost. At a line's start the run stands where whole lines
  // were (a hole: LineCounts::nul_holes); after text, that text is the
  // line cut short it is. What follows the run is read as its own line,
  // under the same line number (the file's, as grep -n counts them).
  uint64_t run = 0;
  bool at_start = false;
  if (ReadNulRunMarker(line, &run, &at_start)) {
    if (at_start) {
      ++lines_;
      ++counts_.lines;
      if (counts_.nul_holes++ == 0) {
        counts_.first_nul_hole_line = counts_.lines;
        counts_.first_nul_hole_bytes = run;
      }
    } else if (counts_.nul_runs++ == 0) {
      counts_.first_nul_line = counts_.lines;
      counts_.first_nul_bytes = run;
    }
    continuing_ = at_start ? Continuing::kHole : Continuing::kCut;
    return;
  }
  const Continuing continuing = continuing_;
  continuing_ = Continuing::kNo;
  if (continuing == Continuing::kNo) {
    before_ = Tally{counts_.recognised, counts_.unrecognised, counts_.postfix, counts_.by_format};
    FeedLine(line);
    return;
  }
  if (line.empty()) return;
  --lines_;
  --counts_.lines;
  if (continuing == Continuing::kHole) {
    FeedLine(line);
    return;
  }
  const Tally mid{counts_.recognised, counts_.unrecognised, counts_.postfix, counts_.by_format};
  FeedLine(line);
  // One line of the file is recognised when either part is, and counted
  // once: the second part's count is taken back when the first counted.
  const bool first_counted = mid.recognised + mid.unrecognised > before_.recognised + before_.unrecognised;
  if (!first_counted) return;
  if (counts_.recognised > mid.recognised) {
    if (mid.recognised > before_.recognised) {
      --counts_.recognised;
      counts_.postfix = std::max(mid.postfix, counts_.postfix - 1);
      for (std::size_t i = 0; i < mid.by_format.size(); ++i) {
        if (counts_.by_format[i] > mid.by_format[i]) --counts_.by_format[i];
      }
    } else {
      --counts_.unrecognised;
    }
  } else if (counts_.unrecognised > mid.unrecognised) {
    --counts_.unrecognised;
  }
}

void PostfixLog::FeedLine(std::string_view line) {
  ++lines_;
  LogLine l;
  bool framed = parser_.Parse(line, &l);
  counts_.Add(line, framed ? &l : nullptr);
  if (int year = parser_.TakeImpossibleDate(); year != 0) {
    if (counts_.impossible_date_line == 0) {
      counts_.impossible_date_line = counts_.lines;
      counts_.impossible_date_year = year;
    }
    // Its delivery would be dated 1 March: none from it (breaker16 #13).
    return;
  }
  if (framed && l.time_unknown) {
    // RFC 5424's NILVALUE time: no time, so no place in a window or a
    // year. Never dated 1970 or by the line before: not recognised,
    // counted and named; one about a recipient (a delivery, a reject) is
    // also not understood, so the report is INCOMPLETE (docs/mail-logs.md,
    // "Times"; issue-16 tester round 58, finding 1).
    counts_.UnfinishedRecord(line, l.format);
    if (counts_.unreadable_times++ == 0) {
      counts_.first_unreadable_time_line = counts_.lines;
      counts_.first_unreadable_time = "-";
    }
    if (l.text.find("to=") != std::string_view::npos || DamagedDelivery(l.text)) NotUnderstood(line);
    return;
  }
  if (framed && l.clock_unset) {
    // A stamp before kClockFloor (clock_step.h): a clock that was unset.
    // Its time is not used, so the line is read as the NILVALUE one above
    // is, and named as such (issue-16 tester round 58b, finding 4).
    // One after the clock ceiling ran ahead: the same rule, the other
    // direction (issue-16 tester round 59, finding 3).
    counts_.UnfinishedRecord(line, l.format);
    if (l.clock_ahead) {
      counts_.ClockAhead(counts_.lines, UnsetStamp(line), clock_ceiling_why_);
    } else {
      counts_.ClockUnset(counts_.lines, UnsetStamp(line));
    }
    if (l.text.find("to=") != std::string_view::npos || DamagedDelivery(l.text)) NotUnderstood(line);
    return;
  }
  if (WallTime odd = parser_.TakeOddWall(); odd != WallTime::kOne && framed) {
    counts_.OddWall(odd == WallTime::kRepeated, counts_.lines, l.time);
  }
  if (framed && l.time != 0) write_order_.Line(l.time, counts_.lines);
  if (framed) {
    line_zone_ = l.zone;
    // Postfix's own lines only: a journal's "-- Journal begins at ..."
    // header says nothing of the clock its lines were written by.
    if (IsPostfixProgram(l.program)) {
      if (UtcKnown(l.zone)) {
        seen_known_zone_ = true;
        ++counts_.known_zone_postfix_lines;
      } else {
        seen_unknown_zone_ = true;
      }
    }
  }
  if (int64_t back = parser_.TakeStepBack(); back != 0 && counts_.step_backs++ == 0) {
    counts_.step_back_line = counts_.lines;
    counts_.step_back_seconds = back;
  }
  // Noted once, where the span is reached: not again on each later file
  // of the set, whose parser carries it on.
  if (parser_.TakeSpanOverYear() && counts_.year_span_line == 0) {
    counts_.year_span_line = counts_.lines;
  }
  // Another mail server's delivery (Exim, Sendmail, OpenSMTPD, ...: this
  // reader reads Postfix's lines only): each counted and the first named,
  // never passed over as noise (a look-alike may be its recipient).
  if (std::string_view server = framed ? OtherMailServerDelivery(l.program, l.text)
                                       : OtherMailServerDelivery({}, line);
      !server.empty()) {
    counts_.OtherServer(line, server);
    return;
  }
  // The logging system's own word that it dropped lines (loss_notice.h):
  // counted, and the report is INCOMPLETE (issue-16 tester16, F11).
  if (uint64_t said = 0;
      framed && !IsPostfixProgram(l.program) && ReadLossNotice(l.program, l.text, &said)) {
    counts_.LossNotice(l.text, said);
    return;
  }
  // Any program's lines: a custom syslog_name ("mta/smtp") is still Postfix.
  if (!framed) {
    if (UnframedDelivery(line)) NotUnderstood(line);
    return;
  }
  // smtpd's milter-reject of a RCPT before the queue file exists names no
  // queue id (postfix_actions.h): each such line is a message of its own.
  const bool noqueue = l.queue_id.empty() && l.text.starts_with("NOQUEUE: ") &&
                       IsActionLine(l.text.substr(9));
  if (noqueue) {
    l.queue_id = std::string_view(l.text).substr(0, 7);
    l.text.remove_prefix(9);
  } else if (l.queue_id.empty()) {
    // A delivery line whose id is missing or no id Postfix could write
    // ("5A5-1: to=<...>", a line cut before it): its recipient cannot be
    // tied to a message, and it is never dropped without a word.
    if (LooksLikeDelivery(l.text)) NotUnderstood(line);
    return;
  }
  if (l.program.ends_with(".service") && counts_.refused.empty()) {
    // journalctl -o with-unit: the unit ("postfix@-.service") stands where
    // Postfix's program name ("postfix/smtp", "postfix/qmgr") does, and
    // that name is what tells a delivery agent's line from qmgr's or
    // postsuper's (a discard(8) "sent", a deletion): read without it, a
    // report would be wrong without a word. Refused whole, saying which
    // form to export instead.
    counts_.refused = counts_.file + ":" + std::to_string(counts_.lines) +
                      ": this is journalctl -o with-unit output: the unit '" +
                      std::string(l.program) +
                      "' replaces Postfix's program names (postfix/smtp, postfix/qmgr), which "
                      "tell its lines apart; export with journalctl -o short-iso (or "
                      "short-full) instead";
  }
  if (!counts_.refused.empty()) return;
  line_ = line;
  std::string_view t = l.text;
  // The kinds of line a delivery is made of; anything else is noise here.
  bool to = t.starts_with("to=<") || CutDelivery(t);
  bool from = t.starts_with("from=<");
  bool removed = t == "removed";
  bool msgid = t.starts_with("message-id=");
  // smtpd's "client=" starts a queue id received by SMTP, the one a content
  // filter or another instance hands a message back to (HandOff).
  bool client = t.starts_with("client=");
  // A milter or a header check stopped or held the message (postfix_actions.h).
  bool action = !to && !from && IsActionLine(t);
  // A header check logged the Subject: (INFO, WARN, HOLD, ...): the
  // message's subject, for the report's marking (issue-16 tester16b, F3).
  LoggedSubject logged;
  const bool subject = !to && !from && l.program.ends_with("/cleanup") && ReadLoggedSubject(t, &logged);
  // postsuper -H: the message leaves the hold queue; qmgr's from= follows.
  bool released = t == "released from hold";
  // postsuper -r: the message goes to the maildrop queue, whence pickup(8)
  // and cleanup(8) queue it again under a new queue id (postsuper(1)).
  bool requeued = t == "requeued" && l.program.ends_with("/postsuper");
  // postsuper -h: the administrator puts the message in the hold queue,
  // where it is not retried (round 51's tester 16, finding 3).
  bool placed_on_hold = t == "placed on hold" && l.program.ends_with("/postsuper");
  if (!to && !from && !removed && !msgid && !client && !action && !released && !requeued &&
      !placed_on_hold &&
      !subject) {
    if (DamagedDelivery(t)) NotUnderstood(line);
    return;
  }
  KeyLine(&l);  // by host and instance too (postfix_scope.cc)
  if (noqueue) {
    // Its own key: the line (and its time, so the same log read twice is
    // the same attempt); shown as "NOQUEUE" (BareQueueId).
    line_key_ += '#' + std::to_string(counts_.lines) + ':' + std::to_string(l.time);
    l.queue_id = line_key_;
  }
  if (l.time + HandOffWindow() < clock_) {
    // Log time went back by more than the window: another log (a second
    // server's, read after the first), not lines out of order. What is
    // held cannot join it; held on, it would wait for a time long past.
    Release(true);
    clock_ = l.time;
  }
  clock_ = std::max(clock_, l.time);
  // Settled queue ids end at their last line, so their ends go out now.
  if (l.time - last_settle_ > options_.settle_after / 2) Settle(l.time);
  Release(false);
  if (l.time - last_sweep_ > 3600 || queues_.size() > options_.max_queues) Expire(l.time);
  key_.assign(l.queue_id);
  auto it = queues_.find(key_);
  if (it != queues_.end() && it->second.carried) {
    if (l.time < it->second.last_seen) {
      // Older than what the earlier run saw of this queue id: another
      // message (Postfix reuses queue ids), not the one carried.
      queues_.erase(it);
      it = queues_.end();
    } else {
      it->second.carried = false;
      ++carried_joined_;
    }
  }
  if (released) {
    // A release of a message not seen held says nothing of which
    // recipient it freed: counted, never applied to nobody silently.
    if (it == queues_.end() || it->second.removed || !it->second.on_hold) Orphan();
    return;
  }
  if (requeued) {
    // Its recipients live on under the new queue id, which carries the
    // same Message-ID: that one's attempts are theirs, this one's hop
    // before them (issue-16 tester16, F14). Not a deletion, not a loss.
    if (it == queues_.end() || it->second.removed) return;
    Queue& q = it->second;
    if (!q.message_id.empty()) {
      if (requeued_.size() >= options_.max_queues) requeued_.clear();  // bounded: counted twice at worst
      requeued_[q.message_id] = BareQueueId(l.queue_id);
    }
    q.deferred.clear();
    q.deferred_at.clear();
    q.on_hold = false;
    q.removed = true;
    EndUnconfirmedJoins(q);
    HoldDone(l.queue_id, l.time);
    return;
  }
  if (removed) {
    if (it == queues_.end() || it->second.removed) return;
    Removed(l, it->second);
    return;
  }
  if (it != queues_.end() && it->second.removed) {
    // The queue id again after its end: Postfix reused it for a new message.
    queues_.erase(it);
    it = queues_.end();
  }
  bool first_line = it == queues_.end();
  // A queue id let go while still queued (Expire): this line belongs to
  // state no longer held.
  if (first_line && !forgotten_.empty() && forgotten_.erase(key_) != 0) Orphan();
  if (first_line) it = queues_.emplace(key_, Queue{}).first;
  Queue& q = it->second;
  if (!first_line && q.last_file == file_ && q.last_run == write_order_.run() &&
      l.time < q.last_seen) {
    // Its earlier line is dated later: the clock stepped back between
    // them (clock_step.h). Said; the order written decides (Attempt::run).
    counts_.ClockStep(counts_.lines, q.last_line, q.last_seen - l.time, true);
  }
  q.last_seen = l.time;
  q.last_file = file_;
  q.last_run = write_order_.run();
  q.last_line = counts_.lines;
  if (first_line && !pending_.empty()) {
    key_.assign(BareQueueId(l.queue_id));  // a "queued as X" names X alone
    JoinPending(l.queue_id, q);
  }
  if (placed_on_hold) {
    // Read as any line of the message is, its first too: a message held
    // before its first delivery (an administrator's postsuper -h of the
    // incoming queue, as a milter's or header_checks' HOLD does) is
    // Postfix's ordinary course, not a sign of lines not read (round 52's
    // tester 16, finding 4).
    PlacedOnHold(l, q);
    return;
  }
  if (subject) {
    q.subject.assign(logged.subject);
    // cleanup's from= is the envelope sender qmgr's from= names later:
    // the sender of a log that starts after qmgr's line.
    if (logged.sender_logged && !q.sender_seen) {
      q.sender.assign(logged.sender);
      q.sender_seen = true;
    }
    if (!action) return;
  }
  if (from) {
    std::string_view sender, rest;
    if (!ReadFromField(t, &sender, &rest)) {
      NotUnderstood(line);
      return;
    }
    q.sender.assign(sender);
    q.sender_seen = true;
    q.on_hold = false;  // qmgr has it: released from the hold queue, or never held
    std::string_view fields = rest.substr(rest.starts_with(", ") ? 2 : 0);
    std::string_view size = FieldValue(fields, "size=");
    if (!size.empty()) q.size = std::strtoll(std::string(size).c_str(), nullptr, 10);
    // The recipients this pass delivers to: settled when each has a final.
    std::string_view nrcpt = FieldValue(fields, "nrcpt=");
    q.nrcpt = nrcpt.empty() ? 0 : static_cast<uint32_t>(std::strtoul(std::string(nrcpt).c_str(), nullptr, 10));
    q.finals = 0;
    q.rcpt_lines = 0;
    // "status=force-expired": an administrator expired it with postsuper
    // -e or -f (Postfix 3.5 and later; qmgr_active.c writes the word
    // "force-expired" then): an expiry all the same, said as such (round
    // 50's tester 16, finding 4).
    const bool forced = rest.starts_with(", status=force-expired");
    if (rest.starts_with(", status=expired") || forced) {
      // qmgr gives up on the message (qmgr_active.c): the recipients still
      // deferred expire, each an attempt of its own. When this log showed
      // none of them deferred, one attempt without a recipient says so,
      // and the line is counted: it expired recipients this log did not
      // show (LineCounts::orphan_lines).
      if (q.deferred.empty()) Orphan();
      EndDeferred(l, q, "expired",
                  forced ? "expired by an administrator (postsuper -e), returned to sender"
                         : "returned to sender",
                  /*one_if_none=*/true);
    }
  } else if (client) {
    q.start_seen = true;
    return;
  } else if (msgid) {
    MessageIdLine(l, q);
  } else if (action) {
    ++q.rcpt_lines;
    ++q.settled_lines;  // a hold takes it back (NoteDeferred)
    Action(l, q);
    if (noqueue) {
      q.removed = true;
      HoldDone(l.queue_id, l.time);
    }
  } else {
    ++q.rcpt_lines;
    ++q.settled_lines;  // a deferral takes it back (NoteDeferred)
    Delivery(l, q);
  }
}

}  // namespace nearmiss::maillog
