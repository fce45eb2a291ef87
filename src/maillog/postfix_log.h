// PostfixLog: rebuilds deliveries from Postfix log lines.
//
// Postfix logs one message over many lines, interleaved with every other
// message in flight: cleanup's message-id, qmgr's "from=<...>, size=..."
// (again at every retry), one "to=<...>, relay=..., status=..." line per
// delivery attempt from smtp/lmtp/local/virtual/error, and qmgr's "removed"
// when the queue file is gone. PostfixLog keeps per-queue-id state only
// between a message's first line and its "removed", or, by log time:
// `settle_after` past its last line once every recipient it has is settled
// (each attempted with a final outcome, as many as qmgr's nrcpt= said when
// a from= line was read; none deferred, none handed on), else
// `idle_timeout` without a line unless a recipient is still deferred or
// held (Postfix keeps such a message, held mail without end: postsuper(1));
// and never past the `max_queues` bound, queued or not. A line of a queue
// id let go while queued, a release from hold of one not held, an expiry
// with no recipient deferred are counted (LineCounts::orphan_lines). A
// log without "removed" lines (a `grep status=` extract, a mass mailing cut
// mid-way) is thus read in memory bounded by the messages of the last
// `settle_after` of log time, not by the whole log. A line of a queue id
// after it was let go starts it again, its sender then unknown.
//
// What counts as a delivery (postfix_fields.h has the line shapes):
//   - status sent, deferred, bounced, and expired (qmgr's "from=<S>,
//     status=expired, returned to sender" for every recipient still
//     deferred, or a delivery line with that status) are attempts;
//   - postsuper's "removed" (or one with no program) while a recipient is
//     still deferred or held is postsuper -d (postsuper(1) logs under its
//     own name): each such recipient ends "deleted" (an administrator
//     deleted it: never delivered, no longer waiting), its text naming the
//     deletion; qmgr's own "removed" then (it removes a file only when
//     none is left to try) means a later line of the recipient is missing:
//     "unknown", relay saying so, which replaces the deferral (it is
//     later: attempt_order.h);
//   - a "sent" from discard(8), or whose reply is a content filter's
//     "250 2.7.N Ok, discarded" (amavisd-new), is status "discarded": the
//     message was thrown away, never delivered;
//   - status deliverable / undeliverable / undeliverable-but-not-cached are
//     address verification probes (verify_append()): counted, not attempts;
//   - a "sent" whose reply says "queued as X", where X is a queue id this
//     log shows starting (its cleanup line) with no delivery of its own yet
//     and the same Message-ID, is a hand-off to a content filter
//     (content_filter = smtp:[127.0.0.1]:10024, Amavis) or to another
//     Postfix instance: counted as a hand-off, and X's deliveries carry the
//     hops ("A via 127.0.0.1[127.0.0.1]:10024") instead, so the message is
//     counted once, at its last hop. X's first lines (smtpd's "client=",
//     cleanup's "message-id=") are written before the reply that names it,
//     so an X not seen by then is another server's queue id (a remote MX's
//     "queued as"): the attempt is a delivery. A hand-off is never dropped
//     on a guess: at worst it counts twice.
//     The join does not depend on the order of the two queue ids' lines:
//     X's lines may come before or after A's "queued as X" (a content
//     filter's re-injected copy delivered before A's smtp logs its reply,
//     two instances' lines interleaved, a rotation between them). So every
//     attempt and every end of a queue id is held for `hand_off_window` of
//     log time before it reaches the sink (in the order read); within it a
//     later line can still join A to X: A's attempt is dropped as a
//     hand-off and X's held attempts get the hops. A's "queued as X" with X
//     not (yet) seen is held the same way and becomes a delivery when no X
//     shows up within the window (a remote MX's queue id), or when X's
//     Message-ID turns out to differ. A jump back in log time by more than
//     the window (another server's log read after the first) passes on
//     everything held. Joins farther apart than the window
//     (logs of two instances read one after the other) are not made: at
//     worst the message counts twice, never once too few.
//     Once lines whose UTC is known and lines whose zone nobody named
//     have both been read (mixed_zones: one instance's log with offsets,
//     another's RFC 3164 stamps read in the reader's zone), the window is
//     widened by LineCounts::kZoneSpread, how far the guessed zone can be
//     from the true one, and the audit says so in its notes.
//   - a "sent" to a relay on this host (loopback, a pipe(8) transport such
//     as "dfilt", "none", an empty relay=) whose reply names no queue id
//     is a hand-off too when a queue id with the same Message-ID shows up
//     within the window (the filter re-injected it through smtpd or
//     sendmail/pickup); one "queued as X" or one Message-ID may carry
//     several recipients: each of A's attempts is dropped, X's count;
//   - a recipient handed on (either way above) whose next queue id ends
//     (removed, idle past the timeout, end of input) with no attempt for
//     it is passed on with status "unknown", relay the hand-off's, and
//     status text "queued as X, final delivery not in the logs given"
//     (a log cut after the hand-off, a filter that lost a recipient): a
//     look-alike recipient never vanishes with the final hop's line;
//   - a "sent" whose reply says "queued as X" to a relay inside the
//     organisation (InternalRelay: loopback, private, link-local: a content
//     filter, a gateway, another instance on another host) where X never
//     shows up in the logs read (the gateway's log not given, or read too
//     far apart) is passed on the same way, as X's delivery with status
//     "unknown" and A's hop: handed on, its final delivery not in the logs;
//     never counted as the receiving domain's acceptance, never dropped;
//   - a delivery line whose recipient names no domain the guard can
//     judge (JudgeableRecipient, or options.judgeable_domain: a bad xn--
//     label, a public suffix) is counted as not understood, and as an
//     unparsable recipient (LineCounts), whatever its status or sender;
//   - a line that starts like one of these but does not parse, or a status
//     word Postfix does not write, is counted as not understood
//     (LineCounts), never dropped silently.
//
// It also counts what it made of each file's lines (LineCounts), so a
// caller can tell a log it read from one it could not (CheckRecognised).
//
// Thread safety: one PostfixLog per reader thread.
#ifndef NEARMISS_MAILLOG_POSTFIX_LOG_H_
#define NEARMISS_MAILLOG_POSTFIX_LOG_H_

#include <array>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <memory>
#include <unordered_map>
#include <unordered_set>
#include <vector>
#include <utility>

#include "maillog/attempt.h"
#include "maillog/clock_step.h"
#include "maillog/host_alias.h"
#include "maillog/line_counts.h"
#include "maillog/log_line.h"
#include "maillog/postfix_fields.h"
#include "maillog/postfix_log_options.h"
#include "maillog/postfix_queue.h"

namespace nearmiss::maillog {
class TraceLog;
enum class DateOrder;
}  // namespace nearmiss::maillog

namespace nearmiss::maillog {

// Attempts go to a DeliverySink (attempt.h); options in postfix_log_options.h.
class PostfixLog {
 public:
  PostfixLog(PostfixLogOptions options, DeliverySink* sink);
  ~PostfixLog();
  // Starts counting a new file's lines. Messages still open carry over (a
  // rotated set). Timestamps without a year: `parser` starts the year of
  // the file's first such line (--year, or year_anchor.h's FirstYear from
  // the file's bound). When this file continues the previous one's rotated
  // set (RotationBase) the year carries on from the previous file's last
  // line (one with a year, RFC 3339, counts too) instead, so years only go
  // forward, unless that would make `first_line` (the file's first line
  // without a year) a later year than `parser`'s, that is put this file's
  // lines after its bound (`bound` names it), or an earlier year and before
  // the previous file's last line by more than a day (a gap in the set, not
  // rotation): then `parser` wins. Whenever the carried year and
  // `parser`'s differ, counts().year_not_carried says which was taken.
  // `first_line` empty: the year always carries on. `overlap` non-empty:
  // year_plan.h read this file as overlapping the previous one (why):
  // `parser` wins, and year_not_carried says the files overlap.
  // `year_given`: the --year the set was dated from (0: none), which the
  // note names instead of advising to give one.
  void BeginFile(std::string name, LineParser parser, std::string_view first_line = {},
                 std::string_view bound = {}, std::string_view overlap = {},
                 int year_given = 0);
  // After BeginFile: the wall-clock bound the file's year was inferred
  // from (LineCounts::year_bound: a yearless line after it is counted,
  // not covered); none is set when --year or a dated line gave the year.
  void SetYearBound(int64_t wall) { counts_.year_bound = wall; }
  // After BeginFile: a lower clock ceiling than the run's (clock_step.h),
  // the file's own bound, and how a line after it is described.
  void SetClockCeiling(int64_t ceiling, std::string why) {
    if (ceiling >= parser_.clock_ceiling()) return;
    parser_.SetClockCeiling(ceiling);
    clock_ceiling_why_ = std::move(why);
  }
  // Starts a file that is a CSV trace (trace_log.h: Exchange message
  // tracking, Microsoft 365 message trace): its lines go to a TraceLog
  // with the same sink until EndFile.
  // `date_order`: its slash dates' (trace_log.h).
  void BeginTraceFile(std::string name, DateOrder date_order);
  // Ends the current file (a trace's last record).
  void EndFile();
  // One line without its newline (a run of NUL bytes in it splits it in
  // two under one line number: LineCounts::nul_runs).
  void Feed(std::string_view line);
  // Ends every message still open and passes on everything held (end of
  // input): call it before reading the sink's results.
  void Finish();

  // Learning across runs (history/learn.h): a message an earlier run's
  // logs left open (OpenMessages), seeded before the first line, so a
  // later line of it (the next rotated file: its delivery, whose cleanup
  // and qmgr lines the earlier file held) knows its sender and Message-ID.
  // A line of its queue key dated before `last_seen` is another message
  // under a reused queue id: the seed is dropped. Idle like any other
  // (PostfixLogOptions::idle_timeout).
  struct OpenMessage {
    std::string key;  // the queue key (queue id, host, instance)
    std::string sender;
    bool sender_seen = false;
    std::string message_id;
    int64_t last_seen = 0;
  };
  void Carry(const OpenMessage& m);
  // The messages open now (their end not read) whose sender or Message-ID
  // was read, at most `limit`, the latest seen first: for the next run.
  // Call before Finish.
  std::vector<OpenMessage> OpenMessages(size_t limit) const;
  // Carried messages a line of this run's logs continued.
  uint64_t carried_joined() const { return carried_joined_; }

  // Drops what is held without passing it on (a caller that rejects the
  // file just read: its attempts must not reach the sink later).
  void DiscardHeld();

  // The lines of every file; the current file's counts.
  uint64_t lines() const { return lines_; }
  const LineCounts& counts() const;
  // The file being read, or the last one read: 1 for the first BeginFile
  // or BeginTraceFile, one more for each after it; 0 before any.
  uint32_t file() const { return file_; }
  // Hand-offs counted, or uncounted, after their file ended, by file
  // (element file() - 1; may be negative): a "queued as X" whose X first
  // showed in a later file (a rotation between them), a join undone at a
  // later line or at the end of input. A hand-off belongs to the file of
  // its "queued as" line (issue-16 tester, item 10), whose counts() were
  // taken at its end: add these to them once the input is finished.
  const std::vector<int64_t>& late_hand_offs() const { return late_hand_offs_; }
  size_t open_queues() const { return queues_.size(); }
  size_t held() const { return held_.size(); }
  // Whether lines whose UTC is known (an offset, Z, --log-zone) and lines
  // whose zone nobody named (RFC 3164 stamps read in the reader's zone,
  // shown_time.h) were both read: their clocks may then be up to
  // LineCounts::kZoneSpread apart, and the hand-off window is widened by
  // that much (HandOffWindow).
  bool mixed_zones() const { return seen_known_zone_ && seen_unknown_zone_; }

 private:
  void FeedLine(std::string_view line);
  // The piece after a NUL run (Feed): none, after a hole, after a cut line.
  enum class Continuing { kNo, kHole, kCut };
  Continuing continuing_ = Continuing::kNo;
  // The counts a line's parts are recognised in, before the last line.
  struct Tally {
    uint64_t recognised = 0, unrecognised = 0, postfix = 0;
    std::array<uint64_t, kLineFormats> by_format = {};
  };
  Tally before_;
  // A hand-off not to be counted (TakeOver), or counted nowhere yet.
  static constexpr uint32_t kNotCounted = kPostfixNotCounted;
  // What is held for the hand-off window, and each queue id's state
  // (postfix_queue.h).
  using Held = PostfixHeld;
  using Queue = PostfixQueue;
  void Expire(int64_t now);
  // Lets go the queue ids settled (above) and idle past settle_after.
  void Settle(int64_t now);
  // A hand-off to a loopback content filter whose reply names no queue id
  // ("relay=127.0.0.1[127.0.0.1]:10024", a pipe, "none", an empty relay=):
  // joined by Message-ID to the queue id that re-injected it.
  bool HandOffByMessageId(const LogLine& line, Queue& q, std::string_view relay);
  void IndexMessageId(std::string_view queue_id, const std::string& message_id);
  void Delivery(const LogLine& line, Queue& q);
  // "QID: removed" of a queue id still held (postfix_removed.cc).
  void Removed(const LogLine& line, Queue& q);
  // "QID: message-id=<...>" (postfix_message_id.cc).
  void MessageIdLine(const LogLine& line, Queue& q);
  // A delivery line cut short before its status (ReadCutDelivery): an
  // attempt of its recipient with status "unknown".
  void CutBeforeStatus(const LogLine& line, Queue& q, const DeliveryFields& f);
  // A milter or header check's reject, hold or discard (postfix_actions.h):
  // an attempt with status "rejected", "held" or "discarded"; a held
  // recipient waits as a deferred one does (Queue::on_hold).
  void Action(const LogLine& line, Queue& q);
  // False (counted) when `recipient` cannot be judged: not understood and
  // an unparsable recipient, or, learning, a domain skipped.
  bool Judged(std::string_view recipient);
  void NotUnderstood(std::string_view line);
  // An attempt of `q` at line `l`: its time, key, sender, Message-ID, size
  // and hops; the caller sets the recipient and outcome.
  Attempt QueueAttempt(const LogLine& l, const Queue& q) const;
  // Ends q's recipients still deferred with `status` and `text`, each an
  // attempt at line `l`'s time (qmgr's expiry, a postsuper -d); with none
  // deferred, one attempt naming no recipient when `one_if_none`.
  void EndDeferred(const LogLine& l, Queue& q, std::string_view status, std::string_view text,
                   bool one_if_none);
  // True when the attempt (to `recipient`) is a hand-off to `next`, which
  // takes it over. *undoable: the join rests on no Message-ID (one of the
  // two was not logged) and X has no attempt yet: the caller holds the
  // attempt dropped, in X's joined_from, so X's later lines can undo it.
  bool HandOff(const LogLine& line, Queue& q, std::string_view next, std::string_view relay,
               std::string_view recipient, bool* undoable);
  // Whether n (queue id `id`)'s held attempts name `recipient` (to= or
  // orig_to=).
  bool HeldAttemptFor(const Queue& n, std::string_view id, std::string_view recipient) const;
  // A join to q that is not this message after all (joined_from: another
  // Message-ID, a delivery of q's own to another recipient, a public relay
  // at q's end): the attempt held at `seq` goes on as a delivery of its
  // own. True when undone. Unjoined restores q's hops and the count.
  bool Unjoin(Queue& q, uint64_t seq);
  void Unjoined(Queue& q);
  // q's own attempt of `recipient` (orig_to= `orig_recipient`) settles its
  // joins not settled by Message-ID: one to a recipient handed to it shows
  // the join; one to another undoes them (issue-16 tester, item 1).
  void ConfirmOrUndoJoins(Queue& q, std::string_view recipient, std::string_view orig_recipient);
  // q ends (removed, idle, end of input) with joins not settled: those
  // through a relay that is neither on this host nor inside the
  // organisation (a public MX's "queued as" colliding with q) are undone;
  // the others stay hand-offs whose final delivery is not in the logs.
  void EndUnconfirmedJoins(Queue& q);
  // `counted_in`: the file of the "queued as" line of a new hand-off,
  // counted there (kNotCounted when passing a hop down the chain).
  // `from_sender`: the first hop's sender (Queue::origin_sender), when
  // `from_known`.
  void TakeOver(Queue& next, std::string_view next_id, std::string_view from_id,
                const std::string& from_hops, std::string_view relay, uint32_t counted_in,
                std::string_view from_sender, bool from_known, int depth = 0);
  // Adds `delta` to the hand-offs of `file`: the current file's counts
  // while it is read, else late_hand_offs_.
  void CountHandOff(uint32_t file, int delta);
  // The queue id's first line: joins a held "queued as" naming it.
  void JoinPending(std::string_view id, Queue& q);
  // `recipient`, handed to `next` through `relay` by the line `line` of
  // `file`, waits for next's attempt (Queue::handed), unless next's held
  // attempts already name it.
  // `recipient` of `q` deferred (or held) by the line being read.
  void NoteDeferred(Queue& q, std::string_view recipient);
  // The address the sender gave for `recipient` handed to `next` (queue id
  // `next_id`) when the hand-off's line logged orig_to= `orig` (rewritten
  // before a content filter): next's attempts of `recipient` that log no
  // orig_to=, held already or read later (HandedOrig), carry it.
  void NoteHandedOrig(Queue& next, std::string_view next_id, std::string_view recipient,
                      std::string_view orig);
  std::string_view HandedOrig(const Queue& q, std::string_view recipient) const;
  void Handed(Queue& next, std::string_view next_id, std::string_view recipient,
              std::string_view relay, uint32_t file, uint64_t line);
  // The end of queue id `id`: each recipient handed to it and never
  // attempted goes to the sink (or is held, `hold`) with status "unknown":
  // its final delivery is not in the logs given.
  void CloseHandOffs(std::string_view id, const Queue& q, int64_t time, ZoneSource zone,
                     bool hold);
  // A held "sent" whose reply named the next queue id `next` ("queued as
  // X") that never showed up in the logs read, to a relay inside the
  // organisation (InternalRelay: a content filter, a gateway): not the
  // receiving domain's acceptance, so `a` becomes X's delivery with status
  // "unknown", A's hop added, as CloseHandOffs passes a recipient X never
  // attempted. Anything else is left as it is.
  // `org_hand_off` (Held::org_hand_off): a "sent" to a relay of the
  // organisation that named no queue id this log can hold, or whose
  // next queue id was not followed, is "unknown" too (HandedOn).
  void Unfollowed(Attempt& a, std::string_view next, bool org_hand_off);
  // A "sent" to a relay of the organisation (not on this host, or whose
  // copy cannot be followed) naming no queue id of a Postfix log: status
  // "unknown", its text naming the relay and the id its reply gave, if any.
  void HandedOn(Attempt& a);
  // A "sent" to a relay on this host that named no queue id, whose copy
  // was not (by_message_id) or cannot be (no Message-ID logged) followed
  // to its re-injection: status "unknown", its text saying so.
  void HandedHere(Attempt& a, bool by_message_id);
  // The key (QueueKey) of the queue id `next` a "queued as" on line `l`
  // names, among the queue ids kept: this instance's, else another
  // instance's on this host (a multi-instance hand-off), else, when the
  // relay is not on this host, another host's in the same log (the one
  // the relay names, or the only one); "" when none is kept.
  // Makes l->queue_id its QueueKey (viewing line_key_) and notes its scope.
  void KeyLine(LogLine* l);
  std::string ResolveNext(const LogLine& l, std::string_view next, std::string_view relay,
                          bool local_relay) const;
  // Returns the attempt's sequence number.
  uint64_t Hold(const Attempt& a, std::string_view pending_next, bool org_hand_off = false);
  // A "queued as" of `from_key`'s line through `relay` may name `next_key`:
  // a relay on this host (loopback, a pipe, none) names a queue id of the
  // same host; a relay whose host name's first label is a host of this
  // log names one of that host (issue-16 tester round 35, defect 2).
  // The relay's host name's first label is a host of this log (a central
  // syslog's hostname field).
  bool RelayNamesHost(std::string_view relay) const;
  bool SameHostAsRelay(std::string_view from_key, std::string_view relay,
                       std::string_view next_key) const;
  void HoldDone(std::string_view queue_id, int64_t time);
  // postsuper -h ("QID: placed on hold") of `q`: its
  // deferred recipients become held attempts (postfix_held.cc).
  void PlacedOnHold(const LogLine& l, Queue& q);
  // Passes on what is older than the window (all when `all`).
  void Release(bool all);
  Held* HeldAt(uint64_t seq);

  PostfixLogOptions options_;
  DeliverySink* sink_;
  LineParser parser_;
  LineCounts counts_;
  uint32_t file_ = 0;        // file()
  WriteOrder write_order_;   // Attempt::run within file_
  bool file_open_ = false;   // between Begin*File and EndFile
  std::vector<int64_t> late_hand_offs_;
  std::unordered_map<std::string, Queue> queues_;
  // Queue ids let go by the bound while a recipient was still queued
  // (Expire): their later lines are orphans (LineCounts::orphan_lines).
  std::unordered_set<std::string> forgotten_;
  void Orphan();  // counts the line being fed as one
  std::string last_base_;  // the rotated set of the previous file
  // The first file of the current rotated set whose times carry an offset,
  // and the first whose times carry none; whether the set's mixed clocks
  // were said (NoteClocks).
  std::string set_zoned_file_, set_zoneless_file_;
  std::string clock_ceiling_why_ = std::string(kAfterRunStart);  // SetClockCeiling
  bool set_clocks_said_ = false;
  // LineParser::abbreviation_mismatches() when this file began (BeginFile),
  // so NoteClocks counts the file's own.
  uint64_t abbreviation_mismatches_ = 0;
  // At a file's end: when its rotated set holds times with an offset and
  // times without a zone (log_zone.h), LineCounts::mixed_clocks says so,
  // once a set.
  void NoteClocks();
  std::string_view line_;  // the line being fed, for NotUnderstood
  std::unique_ptr<TraceLog> trace_;  // the current file's, when it is a trace
  std::string key_;  // reused: a lookup allocates nothing
  std::string line_key_;  // the line's QueueKey, which its LogLine's queue_id then views
  // The "HOST/INSTANCE" of every queue key seen (ResolveNext), bounded.
  std::vector<std::string> scopes_;
  HostAliases host_aliases_;  // each host's first spelling, for KeyLine
  std::string release_key_;  // the same, for Release
  uint64_t lines_ = 0;
  uint64_t carried_joined_ = 0;
  int64_t last_sweep_ = 0;
  int64_t last_settle_ = 0;
  std::deque<Held> held_;
  uint64_t held_base_ = 0;  // sequence number of held_.front()
  int64_t clock_ = 0;       // the latest log time seen
  ZoneSource line_zone_ = ZoneSource::kInput;  // the line being read's (LogLine::zone)
  bool seen_known_zone_ = false, seen_unknown_zone_ = false;  // mixed_zones()
  // How long attempts are held (log time): options_.hand_off_window, and
  // LineCounts::kZoneSpread more once mixed_zones(): a hand-off between a
  // zoned log and a zone-less one (two instances' logs, one written by
  // rsyslog with offsets, one with RFC 3164 stamps) is then joined whatever
  // zone the zone-less one was guessed in (issue-16 tester, round 54, #1).
  // Settled queue ids are kept that much longer too (Settle).
  int64_t HandOffWindow() const;
  // "queued as X" attempts held, by X: their sequence numbers (one per
  // recipient the hand-off carried). A hand-off to a loopback filter that
  // names no next queue id is held by kByMessageId + its Message-ID.
  std::unordered_map<std::string, std::vector<uint64_t>> pending_;
  // The key of a hand-off held by Message-ID (no queue id can start so).
  static constexpr std::string_view kByMessageId = "\x01msgid:";
  std::string pending_key_;  // the by-Message-ID key being held
  std::string unfollowed_hops_, unfollowed_text_;  // Unfollowed's, for the sink's views
  std::string cut_text_, cut_relay_;  // a cut delivery line's (Delivery), for the sink's views
  // The latest queue id seen with each Message-ID (checked against queues_
  // on use; rebuilt from queues_ when it outgrows them).
  std::unordered_map<std::string, std::string> by_message_id_;
  // Queue ids postsuper -r requeued, by Message-ID: the next queue id with
  // it is the same message's (its hops name the old one). Bounded.
  std::unordered_map<std::string, std::string> requeued_;
};

}  // namespace nearmiss::maillog

#endif  // NEARMISS_MAILLOG_POSTFIX_LOG_H_
