// StoreWriter: a DecisionSink that queues records and writes them to a Store
// in batches on its own thread, so a slow disk or a distant PostgreSQL never
// stalls the milter's I/O thread.
//
// The queue is bounded: past `max_queue` records new ones are dropped and
// counted (dropped()), and the first loss after a success is reported once
// through `on_error`. The destructor writes what is queued and joins.
//
// Thread safety: Record may be called from any thread.
#ifndef NEARMISS_JOURNAL_STORE_WRITER_H_
#define NEARMISS_JOURNAL_STORE_WRITER_H_

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "nearmiss/store.h"

namespace nearmiss::journal {

class StoreWriter final : public DecisionSink {
 public:
  using ErrorSink = std::function<void(const Status&)>;
  StoreWriter(std::shared_ptr<Store> store, ErrorSink on_error,
              size_t max_queue = 100000);
  ~StoreWriter() override;

  void Record(DecisionRecord record) override;
  // Blocks until everything queued so far is written (tests, shutdown).
  void Flush();
  uint64_t dropped() const { return dropped_.load(); }
  uint64_t written() const { return written_.load(); }

 private:
  void Loop();

  std::shared_ptr<Store> store_;
  ErrorSink on_error_;
  size_t max_queue_;
  std::mutex mu_;
  std::condition_variable wake_, idle_;
  std::vector<DecisionRecord> queue_;
  bool stop_ = false;
  bool busy_ = false;
  std::atomic<uint64_t> dropped_{0}, written_{0};
  std::thread thread_;
};

}  // namespace nearmiss::journal

#endif  // NEARMISS_JOURNAL_STORE_WRITER_H_
