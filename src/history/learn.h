// Learning who the organisation writes to: deliveries from Postfix logs
// ("status=sent" only), Sent folders (mbox, Maildir) and CSV exports, summed
// into a Store (store.h).
//
// Thread safety: one Learner per thread.
#ifndef NEARMISS_HISTORY_LEARN_H_
#define NEARMISS_HISTORY_LEARN_H_

#include <array>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "content/mbox_unspaced.h"
#include "maillog/postfix_log.h"
#include "maillog/read_log.h"
#include "maillog/unknown_cause.h"
#include "nearmiss/content_reader.h"
#include "nearmiss/content_scanner.h"
#include "nearmiss/store.h"

namespace nearmiss::history {

class SentSink;  // sent_sink.h

class Learner {
 public:
  // Deliveries are written to `store` in batches.
  explicit Learner(Store* store);
  ~Learner();

  // Call before adding anything. Recipients whose domain `judgeable`
  // refuses (a malformed domain, engine/malformed_domain.h: the rule audit
  // uses) are never learned, from any source: skipped and counted
  // (DeliveryCounts::skipped_domains; for logs, their LineCounts). Trace
  // rows of mail the organisation received are skipped too
  // (maillog::PostfixLogOptions::learning): `own_domain` says whether a
  // sender's domain is the organisation's (empty: the policy names none).
  void SetDomainChecks(maillog::DomainCheck judgeable, maillog::DomainCheck own_domain);
  // Senders whose deliveries are left out (policy [history]
  // learn_skip_senders): counted in DeliveryCounts::skipped_senders, never
  // in `found`.
  void SetSkipSender(std::function<bool(std::string_view)> skip) { skip_sender_ = std::move(skip); }
  // SentSink::lookalike_hop for the logs and traces read from now on.
  void SetLookalikeHop(std::function<bool(std::string_view, std::string_view)> hop) {
    lookalike_hop_ = std::move(hop);
  }
  // The mailbox a sender's address is (the policy's [history]
  // recipient_delimiter dropped: hank.hill+proj@ is hank.hill@), as the
  // engine and `learn --show` count it: each delivery is recorded, and its
  // new relationship counted, under it. Unset: senders as given.
  void SetSenderMailbox(std::function<std::string(std::string_view)> mailbox) {
    sender_mailbox_ = std::move(mailbox);
  }

  // A Postfix log (plain or .gz) in any form maillog reads, or an Exchange
  // or Microsoft 365 trace (maillog/trace_log.h); *counts gets what was
  // made of its lines. A file that is not a mail log is an error
  // (ParseError naming FILE:LINE) and nothing found in it is learned. A
  // recipient of a message counts once, when its latest attempt was sent;
  // messages still open at the end of a file wait for the next (a rotated
  // set, a message crossing Exchange servers) until FinishLogs. A delivery
  // is keyed by the Message-ID its cleanup line logged and the recipient,
  // the key of a Sent folder's message, so one read from both counts once
  // in either order; without a logged Message-ID, by queue id, recipient
  // and time, which no Sent folder message carries. Such a delivery read
  // from a Sent folder in the same run (logs are read first) is joined to
  // it by sender, recipient and a time within kLogJoinSeconds, and counts
  // once; read in another run, it counts twice (README.md, a documented
  // limit: the store keeps keys, not the rows to join).
  Status AddPostfixLog(const std::string& path, const maillog::ReadLogOptions& options,
                       maillog::LineCounts* counts);
  // A CSV export with a header row naming a sender column (sender, from)
  // a recipient column (recipient, to, rcpt) and optionally a time column
  // (date, time, timestamp: YYYY-MM-DD[THH:MM:SS] or unix seconds; a
  // slash date in `date_order` as a trace's, maillog/trace_time.h; a
  // dotted date DD.MM.YYYY [HH:MM[:SS]], day first as every locale that
  // writes dots has it), separated by ',', ';' or tabs (whichever makes the
  // header name a recipient column; Excel writes ';' where ',' is the
  // decimal mark), a UTF-8 byte order mark skipped. A Message-ID column
  // (Message-ID, MessageId, Internet Message Id, ...) keys a row as a
  // mailbox's message is keyed (DeliveryKey), a queue id column (Queue ID,
  // queue_id, qid) as a Postfix log's delivery without a Message-ID, so a
  // delivery read from the export and from its log or mailbox counts once.
  Status AddCsv(const std::string& path,
                maillog::DateOrder date_order = maillog::DateOrder::kUnstated);
  // Sent folders: every To/Cc/Bcc recipient of every message, at the
  // message's Date: (else its delivery time by audit's rule,
  // content/mailbox_date.h; MailboxCounts says how often),
  // keyed by Message-ID so a message is counted once however often read.
  // `on_step`, when set, is told where the reader is (a progress line;
  // content::MessageReader::set_on_step).
  Status AddMailboxes(const std::vector<std::string>& paths,
                      std::shared_ptr<const content::Scanner> scanner,
                      std::function<void(const content::ReadStep&)> on_step = {});
  // Ends the messages of every log still open (call after the last log).
  Status FinishLogs();
  // Writes what is pending.
  Status Flush();

  // What became of the deliveries read so far (those still pending count
  // once Flush has written them). Always found == counted + repeated + known.
  struct DeliveryCounts {
    // Every delivery read: a "sent" recipient of a log (each time a line
    // says so), a recipient of a Sent folder message, a CSV row.
    uint64_t found = 0;
    uint64_t counted = 0;  // new to the store: counted now
    // Read before in this run: a line of overlapping rotated logs, a
    // message in two folders, a recipient named twice in one message.
    uint64_t repeated = 0;
    uint64_t known = 0;  // the store had counted it in an earlier run
    // Sender -> recipient pairs the store had no row for.
    uint64_t new_relationships = 0;
    // Rows of CSV exports read (data rows, the header not counted), and
    // of `found`, the recipients they named (a row may name several).
    uint64_t csv_rows = 0;
    uint64_t csv_recipients = 0;
    // Rows from which no recipient was learned (a recipient cell that is
    // empty, no address, or read only in part; every recipient's domain
    // malformed): each also in the count that says why. The first few
    // places, "FILE:LINE".
    uint64_t csv_rows_unused = 0;
    std::vector<std::string> first_csv_rows_unused;
    static constexpr size_t kPlacesKept = 3;
    // Recipients left out because they are no address (a CSV cell, a
    // To/Cc/Bcc entry ParseAddress refuses), not in `found`; the first
    // one's place: "FILE:LINE" or the message's source.
    uint64_t not_addresses = 0;
    std::string first_not_address;
    // Recipients, of any source, that held invisible characters (Unicode
    // Default_Ignorable_Code_Point or Bidi_Control, the set check flags as
    // invisible-character: U+200B, U+FEFF, U+00AD, U+202E, ...; a recipient
    // copied from HTML or a chat carries them) and were read without them,
    // so the store never holds a form no one can see or type and the
    // address as it reads is the one learned (round 58b's tester 15,
    // finding 1). In `found`. The first one's place ("FILE:LINE").
    uint64_t invisible_dropped = 0;
    std::string first_invisible_dropped;
    // Deliveries whose sender held invisible characters, read without them
    // by the same rule (every source: a log's from=, a trace's sender, a
    // CSV's sender column, a Sent folder's From:), so one mailbox is one
    // sender and its history is not split (round 58c's tester 16, finding
    // 2). The first one's place.
    uint64_t invisible_senders = 0;
    std::string first_invisible_sender;
    // Recipients of Sent folders and CSV exports left out because their
    // domain is malformed (SetDomainChecks), not in `found`; the first
    // one's place and recipient ("FILE:LINE: 'x@xn--abc.mil'"). Logs' are
    // in their LineCounts.
    uint64_t skipped_domains = 0;
    std::string first_skipped_domain;
    // Deliveries of a sender [history] learn_skip_senders names, not in
    // `found`, and the first one's sender.
    uint64_t skipped_senders = 0;
    std::string first_skipped_sender;
    // Recipients of log messages whose last outcome is "unknown", by its
    // cause (maillog/unknown_cause.h: sent on to a server whose log was not
    // given, a Microsoft 365 FilteredAsSpam or Pending row, ...), and the
    // first one's place of each, "FILE:LINE". Not in `found`: not known
    // to have been delivered, so not learned.
    std::array<uint64_t, maillog::kUnknownCauses> outcome_unknown{};
    std::array<std::string, maillog::kUnknownCauses> first_outcome_unknown;
    // Deliveries "sent" in a log that never named their sender (no qmgr
    // from= line: a log filtered to the smtp lines, or one that starts
    // after the message was queued; a trace row naming no one sender):
    // not in `found`, never learned as anyone's sent mail; the first one's
    // place, "FILE:LINE".
    uint64_t sender_unknown = 0;
    std::string first_sender_unknown;
    // Deliveries a log or trace says were not made (bounced, expired,
    // discarded, deleted; a trace's Failed): not in `found`, not learned;
    // the first one's place, "FILE:LINE".
    uint64_t log_not_delivered = 0;
    // Deliveries still deferred (or held) when the logs end, no outcome
    // yet (a 4xx, a hold queue, a Microsoft 365 trace's Quarantined): not
    // in `found`, not learned;
    // the first one's latest line, "FILE:LINE".
    uint64_t still_deferred = 0;
    std::string first_still_deferred;
    std::string first_log_not_delivered;
    // Delivery lines of a copy Postfix's local(8) forwarded (a .forward,
    // an alias): not in `found`, not learned; the first one's place.
    uint64_t local_forwards = 0;
    std::string first_local_forward;
    // Delivery lines handed to a next hop under a look-alike or blocked
    // domain (SetLookalikeHop): not in `found`, not learned; the first.
    uint64_t lookalike_hops = 0;
    std::string first_lookalike_hop;
  };
  DeliveryCounts delivery_counts() const;

  // A message of this run written to one contact under the display name
  // another contact of the same sender is written to under most in this
  // run (`"Mary Jones" <jane.doe@bank.example>` beside the frequent "Mary
  // Jones" <mary.jones@nhs.net>): the slip the wrong-person check flags,
  // which learn lists (each address keeps the name it is written to under
  // most). Names compare without case, quotes or extra blanks; a name two
  // contacts share names no one. At most kMaxNamedPairs sender ->
  // recipient pairs are kept (past it, new pairs are not looked at).
  struct NameOfAnother {
    std::string sender, recipient;
    std::string name;   // as written, the first time
    std::string owner;  // the contact written to under it most
    uint64_t messages = 0;
  };
  std::vector<NameOfAnother> NamesOfOthers() const;
  static constexpr size_t kMaxNamedPairs = 200000;

  // How far a Sent folder message's date may be from a log row's time for
  // the two to be one delivery: submission, queueing and a first attempt
  // take seconds; a client's clock or a slow relay, a few minutes.
  static constexpr int64_t kLogJoinSeconds = 300;

  struct MailboxCounts {
    uint64_t messages = 0;
    uint64_t dated_by_delivery = 0;  // no readable Date:, the filing time used
    // Messages with a Date: field that cannot be read (or whose zone is no
    // offset: "+9999"); the first one's place, "FILE:LINE: Date: TEXT".
    uint64_t date_unreadable = 0;
    std::string first_date_unreadable;
    uint64_t dated_now = 0;          // neither: the time of this run used
    std::string first_dated_now;     // its source: "Sent.mbox:3"
    // mbox entries whose From_ time other entries of their file share: a
    // converter's or git's stamp, not their delivery, so dated by their
    // Date: alone (content/mbox_stamps.h); the first one's From_ line.
    uint64_t stamped = 0;
    std::string first_stamped;
    uint64_t without_message_id = 0;
    // Of the dated by delivery or now: a Date: later than the delivery
    // time or now (content/mailbox_date.h), set aside; the first named
    // "FILE:LINE: Date: TEXT" (the line of the field).
    uint64_t date_set_aside = 0;
    // Recipients of a message joined to a log row with no Message-ID
    // (AddPostfixLog): counted once, under the log's key.
    uint64_t joined_to_log = 0;
    // Recipients of a message a log or trace read in this run says was not
    // delivered to them (bounced, expired, discarded; same Message-ID and
    // recipient): not learned, as the log alone would not (breaker round 3
    // §5: a typo the receiving server refused is no correspondent).
    uint64_t not_delivered = 0;
    std::string first_not_delivered;
    std::string first_date_set_aside;
    // Messages of a Google Takeout mbox whose X-Gmail-Labels lack Sent:
    // received mail (or drafts), not learned; the first one's source.
    uint64_t not_sent_label = 0;
    std::string first_not_sent_label;
    // Messages whose From: is outside [domains] organisation (when the
    // policy names it): mail received, not learned; the first one's
    // source and author ("FILE:LINE: From: x@y").
    uint64_t not_from_organisation = 0;
    std::string first_not_from_organisation;
    // Messages a mail client marked as drafts (draft_marker.h), in any
    // folder given: never sent, not learned; the first one's source and
    // its marker ("FILE:LINE: X-Unsent: 1").
    uint64_t drafts = 0;
    std::string first_draft;
    // Files that are no message or could not be read (a stray file in a
    // Maildir): not counted as messages, said with the first.
    uint64_t not_read = 0;
    std::string first_not_read;
    // mbox messages split at a From_ line with no empty line before it.
    content::UnspacedSplits unspaced;
  };
  const MailboxCounts& mailbox_counts() const { return mailbox_counts_; }

  // Whether Sent folders will be read after the logs in this run (default
  // true): only then are log deliveries without a Message-ID kept to join
  // them (AddPostfixLog), so learning logs alone keeps no state per delivery.
  void set_join_mailboxes(bool join) { join_mailboxes_ = join; }
  // Called before each batch is written to the store, with the number of
  // its deliveries (for a progress report: the write is one transaction,
  // Store::RecordDeliveries, and says nothing until it is done).
  void set_on_write(std::function<void(uint64_t deliveries)> on_write) {
    on_write_ = std::move(on_write);
  }
  // Hears how far each batch's write is (Store::RecordDeliveries).
  void set_write_progress(WriteProgressFn progress) { write_progress_ = std::move(progress); }
  // Log lines read so far, every log (for a progress report).
  uint64_t log_lines() const { return log_ ? log_->lines() : 0; }
  // Hand-offs found after the file of their "queued as" line was read, by
  // the order the logs were added (maillog::PostfixLog::late_hand_offs):
  // complete after FinishLogs.
  std::vector<int64_t> late_hand_offs() const {
    return log_ ? log_->late_hand_offs() : std::vector<int64_t>();
  }
  static constexpr size_t kMaxRunKeys = 1 << 20;
  static constexpr size_t kMaxUnkeyed = 1 << 20;

  // Messages a mail log leaves open across runs (Store::CarriedMessages):
  // the first log of a run starts with those the last run that read logs
  // left (their sender and Message-ID), and FinishLogs keeps those this
  // run leaves, at most kMaxCarried (the latest seen). So a nightly learn
  // of each rotated file completes a message whose cleanup and qmgr lines
  // the earlier file held and whose delivery the later one does.
  struct CarryCounts {
    uint64_t carried_in = 0;  // read from the store at the first log
    uint64_t joined = 0;      // of those, continued by a line of this run
    uint64_t carried_out = 0;  // kept in the store for the next run
  };
  const CarryCounts& carry_counts() const { return carry_; }
  static constexpr size_t kMaxCarried = 10000;

 private:
  Status Add(Delivery d);
  void NotAnAddress(const std::string& where);
  // `entry` as the history keeps it (Canonical) read without its invisible
  // characters, counted (DeliveryCounts::invisible_dropped) with `where`;
  // "" when no address.
  std::string VisibleRecipient(std::string_view entry, const std::string& where);
  // The same for a sender (DeliveryCounts::invisible_senders); Canonical(entry)
  // when it holds none.
  std::string VisibleSender(std::string_view entry, const std::string& where);
  // False (and counted, `where` named) when `recipient`'s domain is one
  // SetDomainChecks' `judgeable` refuses.
  bool Judgeable(const std::string& recipient, const std::string& where);
  maillog::DomainCheck judgeable_, own_domain_;
  std::function<bool(std::string_view)> skip_sender_;
  std::function<bool(std::string_view, std::string_view)> lookalike_hop_;
  std::function<std::string(std::string_view)> sender_mailbox_;
  Status AddFound();
  // The key of this run's log delivery with no Message-ID from `sender` to
  // `recipient` nearest `time` (within kLogJoinSeconds), taken so no other
  // message joins it; "" when none.
  std::string JoinedLogKey(const std::string& sender, const std::string& recipient, int64_t time);

  Store* store_;
  std::function<void(uint64_t)> on_write_;
  WriteProgressFn write_progress_;
  std::vector<Delivery> found_;  // from logs, not yet added
  std::unique_ptr<SentSink> sink_;
  std::unique_ptr<maillog::PostfixLog> log_;
  CarryCounts carry_;
  // The logs by maillog::PostfixLog::file() - 1, as given (FILE:LINE).
  std::vector<std::string> log_names_;
  std::vector<Delivery> pending_;
  DeliveryCounts counts_;
  // (sender, recipient) -> folded name -> (the name as first written, uses)
  // of this run's deliveries (NamesOfOthers).
  std::map<std::pair<std::string, std::string>,
           std::map<std::string, std::pair<std::string, uint64_t>>>
      names_;
  // Hashes of the keys written in this run, to tell a delivery repeated in
  // the sources from one an earlier run counted. A hash, not the key, so
  // memory stays at a few words a delivery; a collision could only move a
  // duplicate from one of those two figures to the other, never count or
  // drop a delivery (the store decides that by the whole key).
  // Bounded (kMaxRunKeys, the latest kept): past it a repeat of a
  // delivery that far back is counted as "already in the store", never
  // counted twice (the store decides that by the whole key), so a year of
  // logs is learned in constant memory.
  std::unordered_set<uint64_t> run_keys_;
  std::deque<uint64_t> run_key_order_;
  MailboxCounts mailbox_counts_;
  // "sender recipient" -> (time, key) of log deliveries with no Message-ID,
  // kept only when Sent folders are read in this run too (set_join_mailboxes)
  // and at most kMaxUnkeyed of them: past it, such a delivery's Sent folder
  // copy read in the same run counts once more, as in another run.
  bool join_mailboxes_ = true;
  size_t unkeyed_count_ = 0;
  std::unordered_map<std::string, std::vector<std::pair<int64_t, std::string>>> unkeyed_;
};

}  // namespace nearmiss::history

#endif  // NEARMISS_HISTORY_LEARN_H_
