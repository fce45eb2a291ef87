// The spool in memory: for a process with no writable state directory.
#include <algorithm>
#include <deque>

#include "journal/spool.h"

namespace nearmiss::journal {
namespace {

class MemorySpool final : public Spool {
 public:
  explicit MemorySpool(size_t max_records) : max_records_(max_records) {}

  Result<size_t> Append(const std::vector<DecisionRecord>& records) override {
    size_t n = 0;
    while (n < records.size() && records_.size() < max_records_) records_.push_back(records[n++]);
    return n;
  }
  Result<std::vector<DecisionRecord>> Peek(size_t n) override {
    n = std::min(n, records_.size());
    return std::vector<DecisionRecord>(records_.begin(), records_.begin() + n);
  }
  Status Pop(size_t n) override {
    records_.erase(records_.begin(), records_.begin() + std::min(n, records_.size()));
    return Status::Ok();
  }
  size_t depth() const override { return records_.size(); }
  uint64_t torn() const override { return 0; }
  const std::string& where() const override { return where_; }
  bool durable() const override { return false; }

 private:
  size_t max_records_;
  std::deque<DecisionRecord> records_;
  std::string where_ = "memory";
};

}  // namespace

std::unique_ptr<Spool> MakeMemorySpool(const SpoolOptions& options) {
  return std::make_unique<MemorySpool>(options.max_records);
}

}  // namespace nearmiss::journal
