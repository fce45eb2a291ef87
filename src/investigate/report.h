// Report: what went to look-alike and blocked domains, built from delivery
// attempts (Postfix logs, Exchange and Microsoft 365 traces) and sent
// messages (mailboxes).
//
// A row is one attempt's outcome to a flagged recipient (what --json and
// --csv print, in log order). A delivery is one recipient of one message
// (queue id; a trace's Message-ID); its final status is its latest
// attempt's (by log time): sent, bounced, expired, discarded, rejected,
// held, unknown, else deferred. Totals and the breakdowns count
// deliveries; by_status also counts attempts. Memory grows with the number
// of flagged deliveries kept for the HTML table (at most kMaxTableRows) and
// with the distinct flagged domains and senders, not with the log.
//
// Thread safety: one Report per thread.
#ifndef NEARMISS_INVESTIGATE_REPORT_H_
#define NEARMISS_INVESTIGATE_REPORT_H_

#include <algorithm>
#include <cstdint>
#include <deque>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "investigate/left_out.h"
#include "investigate/report_lines.h"
#include "investigate/report_marking.h"
#include "investigate/row.h"
#include "maillog/line_counts.h"
#include "nearmiss/content_sensitivity.h"

namespace nearmiss::investigate {

class Report {
 public:
  static constexpr size_t kMaxTableRows = 5000;
  // Hosts named per registrable domain (DomainLine::hosts); more are
  // counted under it, not named.
  static constexpr size_t kMaxHostsNamed = 16;
  // Messages with flagged deliveries still open at most; past it all are
  // closed as they stand. Postfix closes a message at "removed", so only
  // traces (which never say a message is done) reach it: a trace message
  // seen again after that counts again.
  static constexpr size_t kMaxOpen = 1 << 16;

  // One attempt to a flagged recipient. False when it is one already
  // counted: the same message (queue id or Message-ID), recipient, time
  // and status, as overlapping trace exports repeat rows, or a Postfix log
  // given twice (a copy, an export of the same lines) repeats a message
  // already closed; it is counted in duplicates() only. Also false for a
  // trace export's row of a message and recipient another export file
  // gave with the same outcome, less than kExportSlack apart and with no
  // other MessageTraceId: one delivery in two overlapping exports (a
  // 10-day message trace beside a 90-day historical search), whose times
  // and ids each export writes its own way (Received and
  // origin_timestamp_utc; a MessageTraceId or none); counted in
  // export_repeats() only.
  bool AddAttempt(const Row& row);
  static constexpr int64_t kExportSlack = 3600;
  uint64_t duplicates() const { return duplicates_; }
  uint64_t export_repeats() const { return export_repeats_; }
  // A line read again that never became an attempt (a hand-off followed
  // in another copy of the log: Auditor::FollowedElsewhere).
  void CountReadAgain() { ++duplicates_; }
  // Said in every report: an input given twice and read once, and the like.
  std::vector<std::string> notes;
  // Delivery lines not understood whose recipient (read leniently) is at a
  // look-alike or blocked domain, and the first kUnreadFlaggedNamed as
  // "b1@gmial.com (nu.log:1)": page 1 and the INCOMPLETE notice name them,
  // never "no message went to a look-alike" over them (Auditor::JudgeUnread).
  // unread_flagged counts the recipients, unread_flagged_lines the lines
  // naming them (a line may name several: round 57's tester 16, finding 3).
  uint64_t unread_flagged = 0, unread_flagged_lines = 0;
  std::vector<std::string> unread_flagged_named;
  static constexpr size_t kUnreadFlaggedNamed = 5;
  // Deliveries read from logs and traces, by Message-ID and recipient
  // (case folded), so that the same message seen again in another kind of
  // input joins it instead of counting twice (issue 16, breaker round 2
  // §3 and §5): a Sent folder's copy of a message a log or trace
  // delivered, and an Exchange or Microsoft 365 SEND to the
  // organisation's own Postfix gateway whose log was given. Bounded as
  // closed attempts are (kMaxClosedSeen): past it a join is missed at
  // worst (counted twice), never a delivery dropped.
  struct Delivered {
    std::string queue_id;  // the delivery's key in this report
    int64_t seconds = 0;   // its latest attempt's time
    int64_t first_seconds = 0;  // its earliest line's time (a hold, a deferral)
    bool postfix = false;  // read from a Postfix log (not a trace)
    // Its latest attempt was deferred or held (Report::Waiting): still
    // waiting then, no outcome of a next server's.
    bool waiting = false;
  };
  // Remembers `row` (added, with a message_id) as above.
  void IndexDelivery(const Row& row, bool postfix);
  // How far outside a delivery's own span (its first line to its latest
  // attempt: a hold released days later stays one span) a copy or a hop
  // (a Sent-folder copy's date, a trace's event) may be and still join it:
  // a message waits in a queue up to Postfix's maximal_queue_lifetime (5
  // days by default; Exchange's message expiration timeout is 2) before
  // its first line here, plus two days for clocks and time zones. Farther,
  // the same Message-ID is another message that reused it (a saved message
  // re-sent, an appliance's fixed IDs): two deliveries, never one (issue-16
  // tester round 46, finding 2; round 47, finding 2).
  static constexpr int64_t kJoinWithinSeconds = 7 * 86400;
  // The delivery of `to` in the message `message_id` read so far, or null;
  // null too when `seconds` (the copy's or hop's time, unix seconds; 0:
  // undated, no bound) is more than kJoinWithinSeconds outside its span.
  const Delivered* FindDelivery(const std::string& message_id, const std::string& to,
                                int64_t seconds) const;
  // What a copy of delivery (queue_id, to) read from another input brings
  // to it: a Sent-folder copy's level and full marking (Row::marking,
  // "SECRET//NOFORN"; `level_rank` as content::Level), a trace's hop before
  // it ("Exchange SEND via mailgw.army.mil").
  struct Joined {
    std::string queue_id, to;
    std::string level, marking;
    int level_rank = -1;
    std::string hop;
    // A Postfix hand-off's hops, from the instance that handed the message
    // on, whose log was read apart from the next one's: not a trace event
    // (not counted in joined_hops).
    bool postfix_hop = false;
    // The address the sender gave, rewritten at the earlier hop (Row::
    // orig_to): it replaces the delivery's, the first hop's standing.
    std::string orig_to;
  };
  // Joins `j` to the delivery's row (open, or in the table), as JoinInto;
  // counted in joined_copies / joined_hops.
  void JoinCopy(const Joined& j);
  // `j`'s level and marking into `r` when `j` is higher, or as high and
  // with a marking `r` lacks (a trace's subject "SECRET", its Sent copy
  // "SECRET//NOFORN"): the row keeps the whole marking (issue 16, b16g
  // item 1); and `j`'s hop before `r`'s. Also what --json/--csv rows still
  // held get (RowOrder::Join).
  static void JoinInto(Row& r, const Joined& j);
  // Whether `r` is a row of `j`'s delivery: its queue id, and its recipient
  // without regard to case (a Sent copy's "U1@Army.ML").
  static bool IsJoinedTo(const Row& r, const Joined& j);
  uint64_t joined_copies = 0;  // Sent-folder copies joined to a delivery
  // The window counted (audit --since, --until: [window_from, window_to)
  // in seconds, 0 an open end), said with every report, and the flagged
  // mailbox messages dated outside it, left out. Each log's lines outside
  // it are in its LineCounts (before_window, after_window).
  int64_t window_from = 0, window_to = 0;
  uint64_t messages_outside_window = 0;
  // Flagged mailbox messages dated by a Date: more than 30 days before
  // they were filed (content::DateLongBeforeDelivery): "since when" may be
  // too early, and page 1 says so.
  uint64_t doubtful_mailbox_dates = 0;
  uint64_t joined_hops = 0;    // trace SENDs joined to a gateway's delivery
  // True when a delivery of `to` in message `queue_id` is still open with
  // an outcome other than "unknown" (the next server's log had it); a
  // deferral or hold at or before `seconds` (the row asking's time) is
  // the recipient's own wait before it went on, no outcome.
  bool HasOutcome(const std::string& queue_id, const std::string& to, int64_t seconds) const;
  // True while a delivery of queue_id (a key, or a trace's Message-ID) to
  // `to` is open or waiting: one an attempt after --until still decides.
  bool Follows(const std::string& queue_id, const std::string& to) const;
  // Deliveries decided by an attempt after the window (Row::after_window).
  uint64_t outcomes_after_window = 0;
  // Flagged deliveries first attempted before --since with later attempts
  // in the window: left out, counted by the window they began in, and said
  // (window.cc, page 1; Auditor).
  uint64_t begun_before_window = 0;
  // Of the flagged recipients (deliveries), those counted because the next
  // hop was under a look-alike or blocked domain, the recipient's own
  // domain not (Row::lookalike_hop): each report says how many.
  uint64_t lookalike_hop_deliveries = 0;
  std::set<std::string> lookalike_hops;  // their hosts, the first kNamedHops
  bool lookalike_hops_more = false;       // and others not named
  static constexpr size_t kNamedHops = 5;
  // Whether `status` leaves a recipient waiting in the queue: "deferred"
  // (retried until sent, bounced or expired: Postfix qmgr) or "held".
  static bool Waiting(std::string_view status) { return status == "deferred" || status == "held"; }
  // `row` (a Postfix or trace attempt joined into another delivery rather
  // than added: AddSentOn, ResolveQueuedOn) is a later attempt of its own
  // queue id's recipient and of each queue id its hops name: a deferral
  // or hold of theirs still waiting is no delivery of its own; dropped
  // (report_waiting.cc). AddAttempt does the same for a row it adds.
  void Superseded(const Row& row);
  // A queue id is finished: its deliveries get their final status.
  void Done(const std::string& queue_id);
  // End of input.
  void Finish();

  uint64_t attempts() const { return attempts_; }
  uint64_t lines = 0;     // log lines read, every file
  uint64_t messages = 0;  // mailbox messages read
  // The highest sensitivity level among flagged mailbox messages
  // ("OFFICIAL-SENSITIVE"); "" when none was seen (logs carry no content).
  std::string top_level;
  int top_level_rank = 0;
  // The first message at that level: "Sent.mbox:2", or for a trace's
  // subject "MessageTrace.csv (subject of <id@example>)".
  std::string top_level_source;
  // That message's own marking, as its Sensitivity column shows it
  // ("SECRET//NOFORN"): page 1's "How sensitive" names it, never the
  // banner's combination of several messages' schemes (issue-16 tester
  // F7). "" when top_level is.
  std::string top_level_marking;
  // The report's own marking from the data: each scheme's highest marking
  // as that scheme writes it, with its caveats ("CONFIDENTIAL//REL TO USA,
  // GBR"; "UK SECRET / US CONFIDENTIAL//NOFORN"; report_marking.h), never
  // translated onto the common scale top_level uses. "" when top_level is.
  std::string TopMarking() const { return top_level.empty() ? std::string() : marking.Banner(); }
  // Adds `s`'s strong findings of a marking pack to `marking`.
  void AddCaveats(const content::Sensitivity& s) { marking.Add(s); }
  ReportMarking marking;
  // One message's marking, as the Sensitivity column, --json and --csv
  // show it: its own ReportMarking banner, in the scheme's words with its
  // caveats ("SECRET//NOFORN", "CONFIDENTIAL//REL TO USA, GBR",
  // "CONFIDENTIAL", "PROTECTED", "CUI"), never the common scale's level;
  // "" when no marking pack read one (a policy pattern or a detector set
  // `level`: the column then shows `level`) or `level` is "".
  static std::string MarkingOf(const std::string& level, const content::Sensitivity& s);
  // Flagged trace rows whose subject went through the marking engine
  // (Exchange message-subject, Microsoft 365 Subject): Row::level is set.
  uint64_t subjects_scanned = 0;
  std::vector<std::string> inputs;
  std::vector<maillog::LineCounts> logs;  // per log file, in reading order
  std::vector<MailboxRead> mailboxes;     // per mailbox, in the order given
  // What the figures leave out, in numbers (IncompleteNotice says it).
  using LeftOut = investigate::LeftOut;
  LeftOut left_out() const;
  // Inputs that could not be read, whole or in part (LineCounts::error, a
  // mailbox with files not read).
  size_t unread() const;

  const Counts& totals() const { return totals_; }
  // Distinct messages with at least one flagged recipient: by Message-ID
  // where the log or trace names it; else a Postfix queue id's life from
  // its first line to its "removed" (short queue ids repeat: postconf(5)
  // enable_long_queue_ids), joined through hand-offs to the first hop's
  // queue id; a mailbox message by its place (issue-16 tester round 45,
  // finding 10).
  size_t flagged_messages() const { return Distinct(flagged_messages_); }
  // Of those, the messages that reached a receiving server at a flagged
  // domain: a recipient accepted ("sent" by a log or trace, not a
  // Sent-folder copy) or refused only after the server had the whole
  // message (Row::content_received). A recipient refused by the
  // organisation's own server (rejected, held, discarded) never counts.
  size_t reached_messages() const { return Distinct(reached_messages_); }
  // The earliest acceptance of a flagged recipient by a receiving server
  // (the time of its "sent" attempt), in seconds; 0 when none was accepted.
  int64_t first_accepted() const { return first_accepted_; }
  // That time as the rows show it (maillog::ShownTime); "" when none.
  const std::string& first_accepted_time() const { return first_accepted_time_; }
  const std::map<std::string, Counts>& by_month() const { return by_month_; }
  const std::map<std::string, DomainLine>& by_domain() const { return by_domain_; }
  // By sender named in the log; deliveries whose sender the log never
  // named ("(unknown)": the log starts after the message's from= line) are
  // not one correspondent, so not in it: unknown_sender() counts them.
  const std::map<std::string, SenderLine>& by_sender() const { return by_sender_; }
  const SenderLine& unknown_sender() const { return unknown_sender_; }
  // The mail system's own notices (the null reverse-path, RFC 5321 4.5.5:
  // bounces, delivery reports; SenderLine::notice) among by_sender(), their
  // counts summed (deliveries 0: none): no person chose their recipients
  // (a look-alike that wrote in gets the bounce), so page 1 counts them
  // apart (round 49's tester 16, finding 7). Exchange's system mailbox's
  // other mail (SenderLine::system_mailbox), summed too: page 1 says what
  // it may be (round 51's tester 16, finding 3). PeopleSenders():
  // by_sender() without the notices' lines, the system mailbox's counted.
  Counts SystemNotices() const;
  Counts SystemMailbox() const;
  size_t PeopleSenders() const;
  const std::map<std::string, int64_t>& attempts_by_status() const { return by_status_; }
  // Of attempts_by_status()'s "sent": Sent-folder copies (delivery not
  // known from a mailbox).
  int64_t sent_folder_attempts() const { return sent_folder_attempts_; }
  // Flagged deliveries whose message was read for its marking (a mailbox
  // message, a trace row's subject): Row::level set.
  int64_t sensitivity_read() const { return sensitivity_read_; }
  // Of those, how many carried each marking, as the Sensitivity column
  // writes it (Row::marking, else Row::level); markings past the
  // kMaxMarkingsCounted-th distinct one are counted under "other".
  static constexpr size_t kMaxMarkingsCounted = 32;
  const std::map<std::string, int64_t>& by_marking() const { return by_marking_; }
  // Final deliveries, oldest first, at most kMaxTableRows.
  const std::vector<Row>& table() const { return table_; }
  size_t table_dropped() const { return table_dropped_; }

 private:
  struct Seen {
    int64_t seconds;
    std::string status;
    std::string where;  // Row::where: the line it was read from
    uint32_t file = 0;  // Row::written.file
    std::string trace_id;  // Row::trace_id
    bool from_export = false;  // Row::from_export
  };
  // Outcomes remembered per delivery to tell a repeated row; past this
  // many a repeat counts again (bounded: a recipient retried for days).
  static constexpr size_t kMaxSeen = 64;
  struct Open {
    Row row;  // the latest attempt
    std::string first_time;
    int64_t first_seconds = 0;
    int64_t last_seconds = 0;
    std::string last_status;
    std::vector<Seen> seen;
    // JoinCopy's: a Sent-folder copy's level and marking, a trace hop
    // before this delivery; kept when a later attempt replaces `row`.
    std::string joined_level, joined_marking, joined_hop, joined_orig_to;
    // How many times its queue id had ended (Done) when the delivery was
    // opened: a reused short queue id's next message (flagged_messages).
    uint32_t generation = 0;
  };
  // Done's count per queue id with flagged deliveries (Open::generation).
  std::unordered_map<std::string, uint32_t> generation_;
  // A closed row's message: its key (Message-ID, a queue's life, a
  // NOQUEUE refusal, a mailbox place), counted in flagged_messages_ and,
  // when `reached`, reached_messages_; a queue's key that logged a
  // Message-ID is that Message-ID's message (message_alias_).
  static std::string MessageKey(const Row& r, uint32_t generation);
  void NoteMessage(const Row& r, uint32_t generation, bool reached);
  size_t Distinct(const std::set<std::string>& keys) const;
  std::unordered_map<std::string, std::string> message_alias_;
  void Close(Open& d);
  void CloseAll();  // every open message, by queue id
  // A recipient's final state is its last attempt's, whatever came before
  // (issue-16 tester16, F5, F6, F8): a delivery whose queue id ended
  // (Done) while its last attempt was deferred or held waits here, by
  // BareQueueId + '\0' + recipient, until the end of input (Finish closes
  // it as it stands), unless a later attempt of the same recipient comes
  // first: one of the same queue id (a "sent ... queued as X" the auditor
  // held until every log was read: AddAttempt revives it), or of a queue id
  // whose hops name this one (a content filter's or gateway's delivery
  // after the first hop's deferral: dropped, its first time kept).
  // Bounded by kMaxOpen: past it every waiting one is closed.
  std::unordered_map<std::string, Open> waiting_;
  // Hop keys (as waiting_'s) a later attempt named while that queue id was
  // still open: its deferral is dropped at Done. Bounded by kMaxOpen.
  std::unordered_set<std::string> superseded_;
  static std::string WaitingKey(std::string_view queue_id, std::string_view to);
  // Moves the waiting delivery of row's queue id and recipient into `list`
  // (the open ones of its queue id); its index there, or list.size().
  size_t Revive(const Row& row, std::vector<Open>& list);
  // Drops the waiting deliveries of row's recipient at the queue ids its
  // hops name (or notes them, while open); the earliest first attempt
  // among them, 0 when none, and into `first_time` (when given) its time
  // as shown (Row::time).
  int64_t DropHopWaits(const Row& row, std::string* first_time = nullptr);
  // Done's, for one delivery: waits (above), is dropped, or is closed.
  void DoneOne(Open& d);
  void CloseWaiting();
  // "QUEUEID\0TO\0SECONDS\0STATUS": one attempt's identity.
  // An attempt's identity as 128 bits (two independent 64-bit hashes of
  // queue id, recipient, time and status): 16 bytes a closed attempt, not
  // the text. Two attempts share one only by a collision of both hashes
  // (about n^2 / 2^128 for n kept: never in practice).
  struct AttemptId {
    uint64_t a = 0, b = 0;
    bool operator==(const AttemptId&) const = default;
  };
  struct AttemptIdHash {
    size_t operator()(const AttemptId& k) const { return static_cast<size_t>(k.a); }
  };
  static AttemptId AttemptKey(const std::string& queue_id, const std::string& to,
                              int64_t seconds, const std::string& status);

  // Attempts of messages already closed (Postfix's "removed"), so the same
  // log read twice (a copy, a journalctl export of the same lines) counts
  // each once; bounded: past kMaxClosedSeen the oldest are forgotten and a
  // repeat of one counts again (never once too few).
  static constexpr size_t kMaxClosedSeen = 1 << 20;
  std::unordered_set<AttemptId, AttemptIdHash> closed_seen_;
  std::deque<AttemptId> closed_order_;
  // IndexDelivery's, by (Message-ID, recipient) hashed as AttemptKey.
  std::unordered_map<AttemptId, Delivered, AttemptIdHash> delivered_;
  std::deque<AttemptId> delivered_order_;

  uint64_t attempts_ = 0;
  uint64_t duplicates_ = 0;
  uint64_t export_repeats_ = 0;
  // Flagged deliveries of messages still in the queue, by queue id.
  std::unordered_map<std::string, std::vector<Open>> open_;
  Counts totals_;
  std::map<std::string, Counts> by_month_;
  std::map<std::string, DomainLine> by_domain_;
  std::map<std::string, SenderLine> by_sender_;
  // Each sender's mailbox (SenderCounted) -> the first label written for
  // it (SenderLabel), which by_sender_ is keyed and shown by: one mailbox
  // is one sender, shown as the logs wrote it (Ann.Smith@, not ann.smith@).
  std::map<std::string, std::string> sender_shown_;
  const std::string& SenderShown(const Row& r);
  SenderLine unknown_sender_;
  std::map<std::string, int64_t> by_status_;
  int64_t sent_folder_attempts_ = 0;
  std::vector<Row> table_;
  size_t table_dropped_ = 0;
  std::set<std::string> flagged_messages_, reached_messages_;
  int64_t first_accepted_ = 0;
  std::string first_accepted_time_;
  // A closed row's level and marking counted (delta 1) in
  // sensitivity_read_ and by_marking_, or uncounted (-1) before a join
  // changes them (report_join.cc).
  void CountSensitivity(const Row& r, int64_t delta);
  // Whether level name `kept` ranks above `other` (content::Level; "" and
  // an unknown name rank lowest). report_join.cc.
  static bool JoinedLevelAbove(const std::string& kept, const std::string& other);
  int64_t sensitivity_read_ = 0;
  std::map<std::string, int64_t> by_marking_;
  // A delivery closed as "unknown": the earliest line that sent one on
  // (Row::where, by log time), per next hop or hand-off named.
  struct FirstLine {
    int64_t seconds = 0;
    std::string where;
  };
  // Counts `row` as a disagreement when an input other than its own gave
  // the delivery `d` the opposite outcome at the same second.
  void NoteDisagreement(const Open& d, const Row& row);
  static void NoteUnknownLine(std::map<std::string, FirstLine>& lines, const std::string& key,
                              const Row& r);
  std::set<std::string> unknown_next_hops_;  // relays of deliveries closed as "unknown"
  std::map<std::string, FirstLine> unknown_hop_lines_;  // of unknown_next_hops_
  int64_t unknown_handed_ = 0;                // of those, Postfix hand-offs
  // A few named (LeftOut::hand_offs): "RELAY (queued as ID)".
  std::map<std::string, FirstLine> unknown_hand_offs_;
  // Flagged recipients closed still waiting (deferred, held): their last
  // line's time and place, which left_out() compares with the end of that
  // line's file (LeftOut::stale_waits). At most kMaxOpen kept.
  std::vector<FirstLine> closed_waiting_;
  // Recipients two inputs give opposite outcomes at the same time (one
  // export "Delivered", another "Failed"): LeftOut::disagreements, and the
  // first in words.
  uint64_t disagreements_ = 0;
  std::string first_disagreement_;
};

}  // namespace nearmiss::investigate

#endif  // NEARMISS_INVESTIGATE_REPORT_H_
