// Follows the milter's JSON decision log (milter/decision_log.h) so the API
// process can show what the milter decided without sharing its memory: each
// "message" line becomes an DecisionRecord with source "milter", and the
// number of messages and sessions is counted for /metrics. A rotated or
// truncated file is re-read from the start. A "journal" line (the milter's
// store writer reporting an outage, a recovery or a drop) updates
// journal(), the milter's last reported counters.
//
// Thread safety: Start once; the counters may be read from any thread.
#ifndef NEARMISS_JOURNAL_MILTER_LOG_READER_H_
#define NEARMISS_JOURNAL_MILTER_LOG_READER_H_

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_set>

#include "journal/store_writer.h"
#include "nearmiss/decision_record.h"

namespace nearmiss::journal {

// One decision-log line as an DecisionRecord; false when it is not a message
// decision. Exposed for tests.
bool ParseMilterLogLine(std::string_view line, DecisionRecord* out, std::string* session);

// A "journal" line's counters; false when it is not one.
bool ParseJournalLine(std::string_view line, JournalStats* out);

class MilterLogFollower {
 public:
  MilterLogFollower(std::string path, DecisionSink* sink) : path_(std::move(path)), sink_(sink) {}
  ~MilterLogFollower();

  void Start();
  // Reads what was appended since the last poll (the thread calls it too).
  void Poll();

  int64_t messages() const { return messages_.load(); }
  int64_t sessions() const { return sessions_.load(); }
  // "error" lines: the milter took [defaults] on_error (docs/fail-closed.md).
  int64_t errors() const { return errors_.load(); }
  // "message" lines with "complete":false: decided as not read to the end.
  int64_t incomplete() const { return incomplete_.load(); }
  // Recipients of "message" lines judged on a DNS lookup that did not
  // answer ([dns]; counted as able to receive mail, docs/fail-closed.md).
  int64_t dns_unknown() const { return dns_unknown_.load(); }
  // The milter's journal counters as last reported; nullopt before any.
  std::optional<JournalStats> journal() const {
    std::lock_guard lock(journal_mu_);
    return journal_;
  }

 private:
  std::string path_;
  DecisionSink* sink_;
  std::mutex mu_;  // Poll
  uint64_t offset_ = 0;
  uint64_t inode_ = 0;
  std::string partial_;
  std::unordered_set<std::string> seen_sessions_;
  std::atomic<int64_t> messages_{0}, sessions_{0}, errors_{0}, incomplete_{0}, dns_unknown_{0};
  mutable std::mutex journal_mu_;
  std::optional<JournalStats> journal_;
  std::thread thread_;
  std::mutex stop_mu_;
  std::condition_variable stop_cv_;
  bool stop_ = false;
};

}  // namespace nearmiss::journal

#endif  // NEARMISS_JOURNAL_MILTER_LOG_READER_H_
