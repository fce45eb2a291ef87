#include "journal/recent_records.h"

namespace nearmiss::journal {
namespace {

bool DomainIs(const std::string& address, const std::string& domain) {
  size_t at = address.rfind('@');
  return at != std::string::npos && address.compare(at + 1, std::string::npos, domain) == 0;
}

bool Contains(const std::string& hay, const std::string& needle) {
  return hay.find(needle) != std::string::npos;
}

}  // namespace

bool RecordMatches(const DecisionRecord& r, const AuditQuery& q) {
  if (q.since_ms && r.time_ms < q.since_ms) return false;
  if (q.until_ms && r.time_ms >= q.until_ms) return false;
  if (!q.source.empty() && r.source != q.source) return false;
  if (!q.sender.empty() && r.sender != q.sender) return false;
  if (!q.action.empty() && r.action != q.action) return false;
  if (!q.domain.empty() || !q.verdict.empty()) {
    bool any = false;
    for (const DecisionRecipient& a : r.recipients) {
      any = any || ((q.domain.empty() || DomainIs(a.address, q.domain)) &&
                    (q.verdict.empty() || a.verdict == q.verdict));
    }
    if (!any) return false;
  }
  if (!q.text.empty()) {
    bool any = Contains(r.sender, q.text) || Contains(r.queue_id, q.text) ||
               Contains(r.message_id, q.text);
    for (const DecisionRecipient& a : r.recipients) any = any || Contains(a.address, q.text);
    if (!any) return false;
  }
  return true;
}

void RecentRecords::Record(DecisionRecord record) {
  std::lock_guard lock(mu_);
  record.id = next_id_++;
  records_.push_back(std::move(record));
  if (records_.size() > capacity_) records_.pop_front();
}

Result<std::vector<DecisionRecord>> RecentRecords::Search(const AuditQuery& q) {
  size_t limit = std::min<size_t>(q.limit ? q.limit : 100, 10000);
  std::vector<DecisionRecord> out;
  std::lock_guard lock(mu_);
  for (auto it = records_.rbegin(); it != records_.rend() && out.size() < limit; ++it) {
    if (q.before_id && it->id >= q.before_id) continue;
    if (RecordMatches(*it, q)) out.push_back(*it);
  }
  return out;
}

Result<AuditCounts> RecentRecords::Count(const AuditQuery& q) {
  AuditCounts c;
  std::lock_guard lock(mu_);
  for (const DecisionRecord& r : records_) {
    if (!RecordMatches(r, q)) continue;
    ++c.total;
    ++c.by_action[r.action];
    ++c.by_level[r.level];
    ++c.by_day[r.time_ms / 86400000];
    for (const DecisionRecipient& a : r.recipients) ++c.by_verdict[a.verdict];
  }
  return c;
}

}  // namespace nearmiss::journal
