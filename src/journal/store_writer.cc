#include "journal/store_writer.h"

namespace nearmiss::journal {

StoreWriter::StoreWriter(std::shared_ptr<Store> store, ErrorSink on_error, size_t max_queue)
    : store_(std::move(store)), on_error_(std::move(on_error)), max_queue_(max_queue) {
  thread_ = std::thread([this] { Loop(); });
}

StoreWriter::~StoreWriter() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

void StoreWriter::Record(DecisionRecord record) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (queue_.size() >= max_queue_) {
      ++dropped_;
      return;
    }
    queue_.push_back(std::move(record));
  }
  wake_.notify_one();
}

void StoreWriter::Flush() {
  std::unique_lock<std::mutex> lock(mu_);
  idle_.wait(lock, [this] { return queue_.empty() && !busy_; });
}

void StoreWriter::Loop() {
  bool failing = false;
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    wake_.wait(lock, [this] { return stop_ || !queue_.empty(); });
    if (queue_.empty() && stop_) break;
    std::vector<DecisionRecord> batch;
    batch.swap(queue_);
    busy_ = true;
    lock.unlock();
    Status s = store_->AppendAudit(batch);
    if (s.ok()) {
      written_ += batch.size();
      failing = false;
    } else {
      dropped_ += batch.size();
      // Once per outage, not once per batch: a down database must not
      // flood the log.
      if (!failing && on_error_) on_error_(s);
      failing = true;
    }
    lock.lock();
    busy_ = false;
    if (queue_.empty()) idle_.notify_all();
  }
  busy_ = false;
  idle_.notify_all();
}

}  // namespace nearmiss::journal
