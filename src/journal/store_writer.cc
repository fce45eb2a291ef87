#include "journal/store_writer.h"

#include <algorithm>
#include <cstdio>
#include <random>
#include <utility>

namespace nearmiss::journal {
namespace {

constexpr std::chrono::seconds kDropReportEvery{10};

std::string RandomPrefix() {
  std::random_device rd;
  uint64_t r = (static_cast<uint64_t>(rd()) << 32) ^ rd();
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(r));
  return hex;
}

}  // namespace

StoreWriter::StoreWriter(std::shared_ptr<Store> store, std::unique_ptr<Spool> spool,
                         Report report, WriterOptions options)
    : store_(std::move(store)),
      spool_(spool ? std::move(spool) : MakeMemorySpool({})),
      report_(std::move(report)),
      options_(options),
      key_prefix_(RandomPrefix()),
      retry_delay_(options.retry_min) {
  stats_.depth = spool_->depth();
  stats_.torn = spool_->torn();
  stats_.durable = spool_->durable();
  if (spool_->depth() > 0 || spool_->torn() > 0) {
    std::string line = spool_->where() + ": " + std::to_string(spool_->depth()) +
                       " decision records from an earlier run to write to the store";
    if (spool_->torn() > 0) {
      line += "; skipped " + std::to_string(spool_->torn()) + " torn or corrupt lines";
    }
    Say(line);
  }
  next_retry_ = Clock::now();
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
    if (record.key.empty()) record.key = key_prefix_ + "-" + std::to_string(next_seq_++);
    if (queue_.size() >= options_.max_queue) {
      ++stats_.dropped;
      ++queue_dropped_;
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

bool StoreWriter::Drain(std::chrono::milliseconds timeout) {
  std::unique_lock<std::mutex> lock(mu_);
  next_retry_ = Clock::now();
  wake_.notify_one();
  return idle_.wait_for(lock, timeout,
                        [this] { return queue_.empty() && !busy_ && stats_.depth == 0; });
}

JournalStats StoreWriter::stats() const {
  std::lock_guard<std::mutex> lock(mu_);
  return stats_;
}

void StoreWriter::Loop() {
  std::unique_lock<std::mutex> lock(mu_);
  const bool periodic = options_.report_every.count() > 0;
  next_report_ = Clock::now() + options_.report_every;
  for (;;) {
    auto ready = [this] {
      return stop_ || !queue_.empty() || (stats_.depth > 0 && Clock::now() >= next_retry_);
    };
    Clock::time_point deadline = Clock::time_point::max();
    if (stats_.depth > 0) deadline = next_retry_;
    if (periodic) deadline = std::min(deadline, next_report_);
    if (deadline == Clock::time_point::max()) {
      wake_.wait(lock, ready);
    } else {
      wake_.wait_until(lock, deadline, ready);
    }
    bool report_due = periodic && Clock::now() >= next_report_;
    if (!ready() && !report_due) continue;
    std::vector<DecisionRecord> batch;
    batch.swap(queue_);
    uint64_t queue_dropped = std::exchange(queue_dropped_, 0);
    bool stopping = stop_;
    bool retry = stats_.depth > 0 && (stopping || Clock::now() >= next_retry_);
    busy_ = true;
    lock.unlock();
    if (queue_dropped > 0) Drop(queue_dropped, "the queue to the store is full", true);
    // Spooled records go first: they are older than this batch.
    if (retry) FlushSpool();
    Write(std::move(batch));
    if (report_due) {
      next_report_ = Clock::now() + options_.report_every;
      JournalStats now = stats();
      if (now.written != last_said_.written || now.spooled != last_said_.spooled ||
          now.flushed != last_said_.flushed || now.dropped != last_said_.dropped ||
          now.torn != last_said_.torn || now.depth != last_said_.depth) {
        Say("counters");
      }
    }
    lock.lock();
    busy_ = false;
    idle_.notify_all();
    if (stopping && queue_.empty()) break;
  }
  lock.unlock();
  if (!spool_->durable() && spool_->depth() > 0) {
    Drop(spool_->depth(), "nearmiss stops with them in the memory spool", false);
  }
  if (outage_dropped_said_ < outage_dropped_) Drop(0, "", false);
}

void StoreWriter::Write(std::vector<DecisionRecord> batch) {
  if (batch.empty()) return;
  // With records spooled, this batch must queue behind them.
  if (spool_->depth() == 0) {
    Status s = store_->AppendAudit(batch);
    if (s.ok()) {
      std::lock_guard<std::mutex> lock(mu_);
      stats_.written += batch.size();
      return;
    }
    if (!failing_) {
      failing_ = true;
      retry_delay_ = options_.retry_min;
      Say("cannot write decision records to the store (" + s.message() + "); spooling them to " +
          spool_->where() + " until it answers");
    }
    std::lock_guard<std::mutex> lock(mu_);
    next_retry_ = Clock::now() + retry_delay_;
  }
  ToSpool(batch);
}

void StoreWriter::ToSpool(const std::vector<DecisionRecord>& batch) {
  Result<size_t> n = spool_->Append(batch);
  if (!n.ok()) {
    Drop(batch.size(), "cannot spool them: " + n.error().message(), false);
    return;
  }
  {
    std::lock_guard<std::mutex> lock(mu_);
    stats_.spooled += *n;
    stats_.depth = spool_->depth();
  }
  if (*n < batch.size()) {
    Drop(batch.size() - *n, "the spool " + spool_->where() + " is full", false);
  }
}

void StoreWriter::FlushSpool() {
  uint64_t flushed = 0;
  while (spool_->depth() > 0) {
    Result<std::vector<DecisionRecord>> records = spool_->Peek(options_.flush_batch);
    Status s = records.ok() ? store_->AppendAudit(*records) : records.error();
    if (s.ok()) s = spool_->Pop(records->size());
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (records.ok() && s.ok()) stats_.flushed += records->size();
      stats_.depth = spool_->depth();
      stats_.torn = spool_->torn();
      if (!s.ok()) {
        retry_delay_ = std::min(retry_delay_ * 2, options_.retry_max);
        next_retry_ = Clock::now() + retry_delay_;
      }
    }
    if (!s.ok()) {
      if (!failing_) {
        failing_ = true;
        Say("cannot write spooled decision records to the store (" + s.message() +
            "); retrying");
      }
      if (flushed > 0) Say(std::to_string(flushed) + " spooled decision records written before");
      return;
    }
    flushed += records->size();
  }
  failing_ = false;
  retry_delay_ = options_.retry_min;
  std::string line = "decision records reach the store again: " + std::to_string(flushed) +
                     " spooled records written in order, spool empty";
  if (outage_dropped_said_ < outage_dropped_) Drop(0, "", false);
  if (outage_dropped_ > 0) {
    line += "; " + std::to_string(outage_dropped_) + " dropped during the outage";
  }
  outage_dropped_ = outage_dropped_said_ = 0;
  Say(line);
}

// Counts (unless Record did) and reports at most every kDropReportEvery;
// n == 0 reports what is still unsaid.
void StoreWriter::Drop(uint64_t n, std::string_view why, bool counted) {
  if (n > 0 && !counted) {
    std::lock_guard<std::mutex> lock(mu_);
    stats_.dropped += n;
  }
  outage_dropped_ += n;
  if (n > 0) last_drop_why_ = std::string(why);
  Clock::time_point now = Clock::now();
  if (n > 0 && now - drop_said_ < kDropReportEvery) return;
  drop_said_ = now;
  Say("dropped " + std::to_string(outage_dropped_ - outage_dropped_said_) +
      " decision records: " + last_drop_why_);
  outage_dropped_said_ = outage_dropped_;
}

void StoreWriter::Say(const std::string& line) {
  last_said_ = stats();
  if (report_) report_(line, last_said_);
}

}  // namespace nearmiss::journal
