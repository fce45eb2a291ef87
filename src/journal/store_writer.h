// StoreWriter: the one DecisionSink through which the milter, `serve` and
// `scan --store` write decision records to a Store. Record only queues; a
// thread of its own writes batches, so a slow disk or a distant PostgreSQL
// never stalls the milter's I/O thread.
//
// When a store write fails the batch goes to the Spool (spool.h) instead,
// and so does every later record while the spool holds any, which keeps the
// records in order. The thread retries the store from the spool's head
// (retry_min, doubling to retry_max, between failed attempts), one
// transaction of up to `flush_batch` records at a time, until it is empty.
// Each record carries a key (DecisionRecord::key, given here when empty:
// a random 64-bit prefix per writer and a sequence number), so a batch the
// store took but whose answer was lost is skipped when it is sent again.
//
// Records are dropped, counted in dropped and reported, only when: the
// queue holds max_queue records already (the thread is stuck on the
// store), the spool is full (its bound), the spool cannot be written, or
// a memory spool still holds records when the writer is destroyed.
//
// Reports: `report` gets one line per change a person should see (the
// store failed and records are being spooled; the store is back and the
// spool is drained; records were dropped, at most every 10 s; a previous
// run's spool found) with the counters at that moment, and, every
// `report_every` when set, "counters" if any moved since the last line. It
// runs on the writer's thread, or the constructor's.
//
// The destructor writes or spools what is queued, tries the store once
// more for what is spooled, and joins.
//
// Thread safety: Record, Flush, Drain and stats may be called from any
// thread.
#ifndef NEARMISS_JOURNAL_STORE_WRITER_H_
#define NEARMISS_JOURNAL_STORE_WRITER_H_

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "journal/spool.h"
#include "nearmiss/store.h"

namespace nearmiss::journal {

// Counters since the writer started (depth and torn: the spool's).
struct JournalStats {
  uint64_t written = 0;  // straight to the store
  uint64_t spooled = 0;  // appended to the spool
  uint64_t flushed = 0;  // from the spool to the store
  uint64_t dropped = 0;  // lost; see the header
  uint64_t torn = 0;     // spool lines skipped as torn or corrupt
  uint64_t depth = 0;    // records in the spool now
  bool durable = false;  // the spool is a file
};

struct WriterOptions {
  size_t max_queue = 100000;  // records waiting for the thread
  size_t flush_batch = 500;   // records per store transaction from the spool
  std::chrono::milliseconds retry_min{500};
  std::chrono::milliseconds retry_max{10000};
  // A "counters" report this often when they moved (0: only on changes);
  // for a process with no /metrics, such as the milter.
  std::chrono::milliseconds report_every{0};
};

class StoreWriter final : public DecisionSink {
 public:
  using Report = std::function<void(std::string_view line, const JournalStats& stats)>;

  // `spool` null: a memory spool with the default bound.
  StoreWriter(std::shared_ptr<Store> store, std::unique_ptr<Spool> spool, Report report,
              WriterOptions options = {});
  ~StoreWriter() override;

  void Record(DecisionRecord record) override;
  // Blocks until every record queued so far is in the store or the spool.
  void Flush();
  // Retries the store now and blocks until the spool is empty or `timeout`
  // passes; true when it is empty.
  bool Drain(std::chrono::milliseconds timeout);
  JournalStats stats() const;

 private:
  using Clock = std::chrono::steady_clock;
  void Loop();
  void Write(std::vector<DecisionRecord> batch);  // writer thread
  void ToSpool(const std::vector<DecisionRecord>& batch);
  void FlushSpool();
  void Drop(uint64_t n, std::string_view why, bool counted);
  void Say(const std::string& line);

  std::shared_ptr<Store> store_;
  std::unique_ptr<Spool> spool_;  // the writer thread's, once it runs
  Report report_;
  WriterOptions options_;
  std::string key_prefix_;

  mutable std::mutex mu_;
  std::condition_variable wake_, idle_;
  std::vector<DecisionRecord> queue_;
  uint64_t next_seq_ = 1;
  bool stop_ = false;
  bool busy_ = false;
  Clock::time_point next_retry_{};
  JournalStats stats_;        // under mu_
  uint64_t queue_dropped_ = 0;  // by Record, reported by the thread

  // Writer thread only.
  bool failing_ = false;
  std::chrono::milliseconds retry_delay_;
  uint64_t outage_dropped_ = 0, outage_dropped_said_ = 0;
  std::string last_drop_why_;
  Clock::time_point drop_said_{};
  Clock::time_point next_report_{};
  JournalStats last_said_;
  std::thread thread_;
};

}  // namespace nearmiss::journal

#endif  // NEARMISS_JOURNAL_STORE_WRITER_H_
