// PostfixLog: rebuilds deliveries from Postfix log lines.
//
// Postfix logs one message over many lines, interleaved with every other
// message in flight: cleanup's message-id, qmgr's "from=<...>, size=..."
// (again at every retry), one "to=<...>, relay=..., status=..." line per
// delivery attempt from smtp/lmtp/local/virtual/error, and qmgr's "removed"
// when the queue file is gone. PostfixLog keeps per-queue-id state only
// between a message's first line and its "removed" (or `idle_timeout` of log
// time without a line, or the `max_queues` bound), so memory stays bounded
// for a log of any size.
//
// It also counts what it made of each file's lines (LineCounts), so a
// caller can tell a log it read from one it could not (CheckRecognised).
//
// Thread safety: one PostfixLog per reader thread.
#ifndef NEARMISS_MAILLOG_POSTFIX_LOG_H_
#define NEARMISS_MAILLOG_POSTFIX_LOG_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include "maillog/line_counts.h"
#include "maillog/log_line.h"

namespace nearmiss::maillog {

// One delivery attempt's outcome, for one recipient. Views point into the
// line or the reader's state: copy what you keep.
struct Attempt {
  int64_t time = 0;
  std::string_view queue_id;
  std::string_view sender;      // "" for the null sender (bounces)
  std::string_view recipient;   // as logged, lower case not guaranteed
  std::string_view status;      // "sent", "deferred", "bounced", "expired"
  std::string_view relay;       // "mx.army.ml[192.0.2.7]:25", "none"
  std::string_view dsn;         // "2.0.0"
  std::string_view message_id;  // "" when not seen
  int64_t size = 0;
};

class DeliverySink {
 public:
  virtual ~DeliverySink() = default;
  virtual void OnAttempt(const Attempt& attempt) = 0;
  // The queue id is finished (removed, or forgotten after a timeout); no
  // more attempts for this message follow.
  virtual void OnDone(std::string_view queue_id) { (void)queue_id; }
};

struct PostfixLogOptions {
  int year = 1970;                      // for timestamps without one
  int64_t idle_timeout = 8 * 86400;     // past maximal_queue_lifetime (5 d)
  size_t max_queues = 1 << 20;          // state kept at most for this many
};

class PostfixLog {
 public:
  PostfixLog(PostfixLogOptions options, DeliverySink* sink);
  // Starts counting a new file's lines; `year` is for its timestamps
  // without one. Messages still open carry over (a rotated set).
  void BeginFile(std::string name, int year);
  // One line without its newline.
  void Feed(std::string_view line);
  // Ends every message still open (end of input).
  void Finish();

  // The lines of every file; the current file's counts.
  uint64_t lines() const { return lines_; }
  const LineCounts& counts() const { return counts_; }
  size_t open_queues() const { return queues_.size(); }

 private:
  struct Queue {
    std::string sender;
    std::string message_id;
    int64_t size = 0;
    int64_t last_seen = 0;
  };
  void Expire(int64_t now);
  void Delivery(const LogLine& line, Queue& q);

  PostfixLogOptions options_;
  DeliverySink* sink_;
  LineParser parser_;
  LineCounts counts_;
  std::unordered_map<std::string, Queue> queues_;
  std::string key_;  // reused: a lookup allocates nothing
  uint64_t lines_ = 0;
  int64_t last_sweep_ = 0;
};

// The value of `key` ("relay=") in a Postfix "k=v, k=v" text: up to the next
// ", " (or, for status, the next space); "" when absent.
std::string_view FieldValue(std::string_view text, std::string_view key);

}  // namespace nearmiss::maillog

#endif  // NEARMISS_MAILLOG_POSTFIX_LOG_H_
