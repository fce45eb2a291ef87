// RecentRecords: the most recent decisions in a bounded ring, searched with
// the Store's AuditQuery. It backs the console's dashboard and GET /v1/audit
// when no store is configured, and is kept anyway for a cheap "recent" view.
//
// RecordSource is what the API searches: this ring, or the Store (store.h)
// through StoreRecords.
//
// Thread safety: every method may be called from any thread.
#ifndef NEARMISS_JOURNAL_RECENT_RECORDS_H_
#define NEARMISS_JOURNAL_RECENT_RECORDS_H_

#include <deque>
#include <mutex>
#include <string_view>
#include <vector>

#include "nearmiss/decision_record.h"
#include "nearmiss/store.h"

namespace nearmiss::journal {

class RecordSource {
 public:
  virtual ~RecordSource() = default;
  virtual std::string_view name() const = 0;  // "memory", "sqlite", ...
  virtual Result<std::vector<DecisionRecord>> Search(const AuditQuery& q) = 0;
  virtual Result<AuditCounts> Count(const AuditQuery& q) = 0;
};

class RecentRecords : public DecisionSink, public RecordSource {
 public:
  explicit RecentRecords(size_t capacity = 10000) : capacity_(capacity) {}

  void Record(DecisionRecord record) override;  // assigns the id
  std::string_view name() const override { return "memory"; }
  Result<std::vector<DecisionRecord>> Search(const AuditQuery& q) override;
  Result<AuditCounts> Count(const AuditQuery& q) override;

 private:
  std::mutex mu_;
  size_t capacity_;
  int64_t next_id_ = 1;
  std::deque<DecisionRecord> records_;  // oldest first
};

// True when `r` matches `q` (paging fields aside), as the stores read it.
bool RecordMatches(const DecisionRecord& r, const AuditQuery& q);

// The Store's audit log as an RecordSource; `store` outlives it.
class StoreRecords : public RecordSource {
 public:
  explicit StoreRecords(Store* store) : store_(store) {}
  std::string_view name() const override { return store_->backend(); }
  Result<std::vector<DecisionRecord>> Search(const AuditQuery& q) override {
    return store_->SearchAudit(q);
  }
  Result<AuditCounts> Count(const AuditQuery& q) override { return store_->CountAudit(q); }

 private:
  Store* store_;
};

}  // namespace nearmiss::journal

#endif  // NEARMISS_JOURNAL_RECENT_RECORDS_H_
