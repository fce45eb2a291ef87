// Learning who the organisation writes to: deliveries from Postfix logs
// ("status=sent" only), Sent folders (mbox, Maildir) and CSV exports, summed
// into a Store (store.h).
//
// Thread safety: one Learner per thread.
#ifndef NEARMISS_HISTORY_LEARN_H_
#define NEARMISS_HISTORY_LEARN_H_

#include <memory>
#include <string>
#include <vector>

#include "maillog/postfix_log.h"
#include "maillog/read_log.h"
#include "nearmiss/content_scanner.h"
#include "nearmiss/store.h"

namespace nearmiss::history {

class SentSink;  // learn.cc

class Learner {
 public:
  // Deliveries are written to `store` in batches.
  explicit Learner(Store* store);
  ~Learner();

  // A Postfix log (plain or .gz) in any form maillog reads, or an Exchange
  // or Microsoft 365 trace (maillog/trace_log.h); *counts gets what was
  // made of its lines. A file that is not a mail log is an error
  // (ParseError naming FILE:LINE) and nothing found in it is learned. A
  // recipient of a message counts once, when its latest attempt was sent;
  // messages still open at the end of a file wait for the next (a rotated
  // set, a message crossing Exchange servers) until FinishLogs.
  Status AddPostfixLog(const std::string& path, const maillog::ReadLogOptions& options,
                       maillog::LineCounts* counts);
  // A CSV export with a header row naming a sender column (sender, from)
  // a recipient column (recipient, to, rcpt) and optionally a time column
  // (date, time, timestamp: YYYY-MM-DD[THH:MM:SS] or unix seconds).
  Status AddCsv(const std::string& path);
  // Sent folders: every To/Cc/Bcc recipient of every message, at the
  // message's Date: (else when it was filed; MailboxCounts says how often),
  // keyed by Message-ID so a message is counted once however often read.
  Status AddMailboxes(const std::vector<std::string>& paths,
                      std::shared_ptr<const content::Scanner> scanner);
  // Ends the messages of every log still open (call after the last log).
  Status FinishLogs();
  // Writes what is pending.
  Status Flush();

  // Deliveries found in the sources so far.
  uint64_t deliveries() const { return total_; }
  // Of those written, how many were new to the store (the rest it had
  // counted in an earlier run or an overlapping file).
  uint64_t counted() const { return counted_; }

  struct MailboxCounts {
    uint64_t messages = 0;
    uint64_t dated_by_delivery = 0;  // no readable Date:, the filing time used
    uint64_t dated_now = 0;          // neither: the time of this run used
    uint64_t without_message_id = 0;
    // Files that are no message or could not be read (a stray file in a
    // Maildir): not counted as messages, said with the first.
    uint64_t not_read = 0;
    std::string first_not_read;
  };
  const MailboxCounts& mailbox_counts() const { return mailbox_counts_; }

 private:
  Status Add(Delivery d);
  Status AddFound();

  Store* store_;
  std::vector<Delivery> found_;  // from logs, not yet added
  std::unique_ptr<SentSink> sink_;
  std::unique_ptr<maillog::PostfixLog> log_;
  std::vector<Delivery> pending_;
  uint64_t total_ = 0;
  uint64_t counted_ = 0;
  MailboxCounts mailbox_counts_;
};

}  // namespace nearmiss::history

#endif  // NEARMISS_HISTORY_LEARN_H_
