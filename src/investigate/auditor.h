// Auditor: Postfix logs, Exchange and Microsoft 365 traces and mailboxes
// in, a Report (and a stream of rows) out. Every recipient domain is classified once with the policy's Engine
// and remembered, so a log of millions of lines costs a hash lookup per
// delivery line, not a check.
//
// Thread safety: one Auditor per thread; the Engine may be shared.
#ifndef NEARMISS_INVESTIGATE_AUDITOR_H_
#define NEARMISS_INVESTIGATE_AUDITOR_H_

#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "content/mbox_unspaced.h"
#include "nearmiss/content_reader.h"
#include "engine/malformed_domain.h"
#include "investigate/org_relay.h"
#include "investigate/report.h"
#include "investigate/trace_message_ids.h"
#include "maillog/postfix_log.h"
#include "maillog/trace_log.h"
#include "maillog/year_plan.h"
#include "nearmiss/address.h"
#include "nearmiss/engine.h"

namespace nearmiss::investigate {

struct AuditOptions {
  int year = 0;        // for BSD timestamps; 0: from each file's bound (maillog/year_anchor.h)
  // A trace's slash dates (maillog/trace_log.h); unstated: not guessed.
  maillog::DateOrder date_order = maillog::DateOrder::kUnstated;
  // A log with a smaller share of recognised lines is an error
  // (maillog/line_counts.h).
  int min_recognised_percent = maillog::kDefaultMinRecognisedPercent;
  int64_t since = 0;   // attempts before this (seconds) are left out
  int64_t until = 0;   // attempts at or after this (seconds) are left out; 0: none
  // The organisation's smart hosts outside it, lower case
  // (maillog::PostfixLogOptions::smart_hosts).
  std::vector<std::string> smart_hosts;
  // Relays of the organisation that are final deliveries
  // (maillog::PostfixLogOptions::final_relays: audit --final-relay).
  std::vector<std::string> final_relays;
  std::function<void(const Row&)> on_row;        // every flagged attempt
  // A copy joined to a delivery already passed to on_row (a Sent folder's
  // copy, a trace's hop before a gateway's delivery): its level, marking
  // and hop, for the rows still held (RowOrder::Join).
  std::function<void(const Report::Joined&)> on_join;
  // Progress through the logs: bytes of the files read so far (as stored:
  // a gzip file's compressed bytes; a file read twice for its year counts
  // twice, maillog::YearPassPaths) and lines read so far, every file.
  std::function<void(uint64_t bytes, uint64_t lines)> on_progress;
  // Progress through the mailboxes: each message started and each page of
  // a PDF attachment read (content::MessageReader::set_on_step).
  std::function<void(const content::ReadStep&)> on_mailbox_step;
};

class Auditor final : public maillog::DeliverySink {
 public:
  Auditor(std::shared_ptr<const Engine> engine, AuditOptions options, Report* report);

  // Logs in the order given (use OrderRotated first); errors name the file,
  // and a file that is not a mail log this reader knows is one
  // (ParseError, FILE:LINE). The file's line counts join the report either
  // way.
  Status AddLog(const std::string& path);
  // Dates the rotated sets among `paths` (all the logs, in reading order)
  // as wholes before any is read (maillog/year_plan.h), anchored at
  // AuditOptions::year when given: call it once, before AddLog. Its pass
  // over the files counts towards on_progress as the first of the two reads.
  void PlanYears(const std::vector<std::string>& paths);
  // The plan PlanYears made (empty before it).
  const maillog::YearPlan& years() const { return years_; }
  // The same, for a log read from `path` that the report names `shown`
  // (a pipe's copy spooled to a temporary file is named as it was given).
  Status AddLog(const std::string& path, const std::string& shown);
  // Records an input that could not be read at all, so every report names
  // it with `error` (LineCounts::error) instead of leaving it out.
  void AddUnread(const std::string& path, const std::string& error);
  // Mailboxes (mbox, Maildir, .eml, directories): every message counts as
  // sent, with its sensitivity level; each mailbox's count joins the
  // report. A file in them that is no message or cannot be read is named
  // in the report and makes this an error (IoError naming the first).
  Status AddMailboxes(const std::vector<std::string>& paths);
  void Finish();

  void OnAttempt(const maillog::Attempt& a) override;
  void OnDone(std::string_view queue_id) override;

 private:
  struct Flag {
    bool flagged = false;
    bool invalid = false;  // Verdict::kInvalid for a malformed domain (Classify)
    std::string verdict, target, suggestion_domain, domain_unicode, reason;
    // Its registrable name (public suffix plus one label) when it is a
    // host under one; "" otherwise.
    std::string registrable;
  };
  // Sets row's group_domain (Row) from Classify's flags.
  void GroupUnder(Row& row);
  const Flag& Classify(const std::string& domain);
  // The flag of the look-alike or blocked domain a delivery's next hop
  // (`relay`, as the log writes it) is a server of, when the recipient's
  // own domain is not flagged: sets row's domain, reason and
  // lookalike_hop (lookalike_hop.cc); nullptr when the hop names no host
  // or one under no flagged domain (the organisation's relays, providers'
  // MX hosts, the recipient's own MX), or at a private, loopback, shared
  // or link-local address, in `relay`'s brackets or in `address` (an
  // Exchange SEND's server-ip, Attempt::relay_address).
  const Flag* LookalikeHop(std::string_view relay, std::string_view address, Row& row);
  // The recipients `counts`' delivery lines not understood name, judged:
  // the flagged ones counted in Report::unread_flagged (auditor_unread.cc).
  void JudgeUnread(const maillog::LineCounts& counts);
  // The log readers' DomainCheck (maillog/postfix_fields.h): false for a
  // domain the engine calls invalid (Flag::invalid, through Classify's
  // cache), so its delivery line is counted as not understood, with
  // FILE:LINE, rather than dropped as not flagged.
  DomainJudge judge_{[this](const std::string& normal) { return Classify(normal).invalid; }};
  // The report's entry for the mailbox a message's source is in, among
  // those from `first` on; nullptr when none (stdin).
  MailboxRead* MailboxOf(const std::string& source, size_t first);
  // Why a mailbox message is not one the organisation sent ("" when it
  // is): a Google Takeout message without the Sent label, or a From:
  // outside [domains] organisation (none named: no test).
  std::string NotSentWhy(const content::ScannedMessage& m) const;
  // The sensitivity of a trace's subject, through the marking engine as a
  // message holding only that Subject: header (the same packs, positions
  // and RFC 2047 decoding as a mailbox message's subject). The last
  // subject's answer is kept: a message's rows (one per recipient) repeat it.
  content::Level SubjectLevel(std::string_view subject);
  // A Postfix hand-off passed on unfollowed (maillog::PostfixLog's
  // Unfollowed: status "unknown", with the hop) is noted; the next queue
  // id's outcome for that recipient, read later (another instance's log
  // read apart), counts it as a hand-off of the file of its "queued as"
  // line (issue-16 tester, item 5).
  void NoteHandOff(const maillog::Attempt& a);
  // "FILE:LINE" of `a`'s line, the file as the report names it (Row::where);
  // "" when the reader gave no line.
  std::string Where(const maillog::Attempt& a) const;
  // Passes the rows kept in sent_on_ to the report, but those whose
  // message and recipient have an outcome there already.
  void AddSentOn();
  // A Postfix delivery reached through hand-offs (Row::hops) notes each
  // hop as followed; FollowedElsewhere: an "unknown" hand-off (its next
  // hop not followed) is one of those, read again from an overlapping copy
  // of the log, so it is no delivery of its own (auditor_hops.cc).
  void NoteFollowed(const Row& row);
  bool FollowedElsewhere(const Row& row) const;
  // Passes on queued_on_: each a hop of X's delivery when X is a Postfix
  // queue id read with the same Message-ID and recipient (the gateway's
  // log read apart: another host, another time zone), else a delivery.
  void ResolveQueuedOn();
  // The mailbox `from` is counted under (Row::sender_mailbox): folded as
  // learn stores a sender (history::HistoryAddress), its extension dropped
  // as the engine reads one (Engine::Mailbox).
  std::string SenderMailbox(std::string_view from) const;
  // `from` without invisible characters, counted with `where` (the row's
  // FILE:LINE or message source) when any were dropped; the note says them
  // (auditor_senders.cc).
  std::string VisibleSender(std::string from, const std::string& where);
  void CountInvisibleSender(const std::string& where) {
    if (invisible_senders_++ == 0) first_invisible_sender_ = where;
  }
  void NoteInvisibleSenders();
  uint64_t invisible_senders_ = 0;
  std::string first_invisible_sender_;
  // "trace SEND via mailgw.army.mil": a trace's event as a hop before the
  // Postfix gateway's delivery.
  static std::string TraceHop(const Row& row);
  // A trace's row `row` joins the Postfix gateway's delivery `queue_id`
  // as its hop: the trace's subject level (rank `level_rank`), marking,
  // hop and orig_to go to that row, counted in joined_hops.
  void JoinTraceHop(const Row& row, const std::string& queue_id, int level_rank);
  // A copy joins its delivery in the report and in the rows on_join holds.
  void Join(const Report::Joined& j) {
    report_->JoinCopy(j);
    if (options_.on_join) options_.on_join(j);
  }

  std::shared_ptr<const Engine> engine_;
  // Relays of the organisation on public addresses, by name
  // (maillog::PostfixLogOptions::organisation_relay).
  OrgRelayJudge org_relay_{engine_};
  AuditOptions options_;
  Report* report_;
  maillog::PostfixLog log_;
  std::unordered_map<std::string, Flag> flags_;
  std::string domain_;  // reused
  // Each recipient domain as logged -> address::NormalDomain's form, for
  // OnAttempt. Bounded by Report::kMaxOpen (cleared past it).
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::string, Hash, std::equal_to<>> normal_domains_;
  // A next hop's head as logged (NextHopHead) -> its host, registrable
  // domain and that domain's flag (nullptr when it names none), for
  // LookalikeHop. Bounded by kMaxHopNames (cleared past it).
  struct HopName {
    std::string host, domain;
    const Flag* flag = nullptr;
  };
  static constexpr size_t kMaxHopNames = 4096;
  std::unordered_map<std::string, HopName, Hash, std::equal_to<>> hop_names_;
  Domain parsed_;       // reused by ParseDomain
  uint64_t bytes_before_ = 0;
  maillog::YearPlan years_;
  std::string shown_;  // the log being read, as named in the report
  std::string last_subject_;
  content::Sensitivity last_subject_sensitivity_;
  // Flagged recipients an Exchange server sent on to another of the
  // organisation's servers (status "unknown"), held until the end of
  // input (or Report::kMaxOpen of them) so that server's outcome, read
  // from a log given before or after, replaces them: counted once. Past
  // the bound a join is missed at worst (counted twice), never dropped.
  std::vector<Row> sent_on_;
  // Flagged Postfix "sent"s whose reply named a next queue id ("queued as
  // X"), until the Postfix logs are read (ResolveQueuedOn), or
  // Report::kMaxOpen of them: past the bound a join is missed at worst.
  struct QueuedOn {
    Row row;
    std::string next;   // X
    uint32_t file = 0;  // of its line (Attempt::file)
  };
  std::vector<QueuedOn> queued_on_;
  // Where each file the reader began is in report_->logs (by
  // PostfixLog::file() - 1), and the hand-offs found after the file ended
  // (NoteHandOff's, by the same index): added to its counts at Finish, so
  // a hand-off is counted in the file of its "queued as" line.
  std::vector<size_t> log_slots_;
  std::vector<int64_t> late_hand_offs_;
  // Hand-offs the reader passed on unfollowed (status "unknown" with the
  // hop: the next queue id not seen within its window, as when another
  // instance's log is read apart), by next queue id and recipient: the
  // file of their "queued as" line. Bounded by Report::kMaxOpen.
  std::unordered_map<std::string, uint32_t> unfollowed_;
  // Queue ids and recipients attempted on their own, for a hand-off into
  // them read later (NoteHandOff).
  std::unordered_set<std::string> attempted_;
  // Message and recipient ("ID\0ADDRESS", as logged) delivered into the
  // organisation's own mailbox (status "internal"): their "unknown" in
  // sent_on_ is settled. Bounded by Report::kMaxOpen.
  std::unordered_set<std::string> settled_;
  // NoteFollowed's hops, each with the recipient and where it led; bounded
  // by Report::kMaxOpen.
  std::unordered_set<std::string> followed_;
  // Exchange and Microsoft 365 match addresses and Message-IDs without
  // regard to case: a trace's Message-ID or recipient folded to ASCII
  // lower case -> its first spelling in the run, which every later event
  // of it is given, so one message's events join (a RECEIVE's
  // "Bob.Smith@", the SEND's "bob.smith@"; the trace's "<H2@MOD.GOV.UK>",
  // the tracking log's "<h2@mod.gov.uk>"; issue-16 tester §5). Bounded
  // as settled_ is. Postfix's local parts keep their case.
  std::unordered_map<std::string, std::string> trace_spelling_;
  std::string_view TraceSpelling(std::string_view v);
  // A trace message's key: its Message-ID folded as above, unless its
  // MessageTraceId tells it apart (trace_message_ids.h).
  TraceMessageIds message_ids_{Report::kMaxOpen};
  // The deliveries (message key and recipient) attempted before --since,
  // whose later attempts are left out (a window selects by first attempt);
  // true once counted in Report::begun_before_window. Bounded by
  // Report::kMaxOpen (past it forgotten: a later attempt is counted as
  // one begun in the window, as with no --since).
  std::unordered_map<std::string, bool> before_since_;
  // What the logs show of a message from Exchange's system mailbox
  // (auditor_notices.cc): the keys of messages an event said was a
  // non-delivery report (maillog::Attempt::non_delivery_report), and the
  // senders (ASCII lower case) whose own mail was received, refused or
  // failed before. Each bounded by Report::kMaxOpen.
  std::unordered_set<std::string> non_delivery_reports_, wrote_in_;
  void NoteNotices(const maillog::Attempt& a);
  // Row::non_delivery_report for `row`, made of `a`.
  bool ShownNonDelivery(const maillog::Attempt& a, const Row& row) const;
  // Mailbox messages dated by a Date: long before they were filed
  // (content::DateLongBeforeDelivery), and the first, for the report's note.
  uint64_t dated_long_before_ = 0;
  content::UnspacedSplits unspaced_;  // mbox messages split without an empty line
  std::string first_dated_long_before_;
};

}  // namespace nearmiss::investigate

#endif  // NEARMISS_INVESTIGATE_AUDITOR_H_
