// The audit log: one nm_audit row per decision and one nm_audit_recipient
// row per recipient, so searches by domain or class use an index instead of
// scanning JSON.
#include <algorithm>
#include <cctype>
#include <map>

#include "store/sql_store.h"

namespace nearmiss::store {
namespace {

constexpr size_t kMaxLimit = 10000;

std::string JoinCodes(const std::vector<std::string>& codes) {
  std::string out;
  for (const std::string& c : codes) out += (out.empty() ? "" : " ") + c;
  return out;
}

std::vector<std::string> SplitCodes(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// "%" and "_" in a search string are literal.
std::string LikePattern(std::string_view text) {
  std::string out = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out + "%";
}

// The WHERE clause (on nm_audit as "a") and its parameters.
struct Filter {
  std::string where = " WHERE 1 = 1";
  std::vector<Param> params;

  void Add(const std::string& cond_with_placeholder, Param p) {
    params.push_back(std::move(p));
    std::string cond = cond_with_placeholder;
    std::string ph = "$";  // appended, not "$" + string&&: GCC bug 105329
    ph += std::to_string(params.size());
    for (size_t at = cond.find("$?"); at != std::string::npos; at = cond.find("$?")) {
      cond.replace(at, 2, ph);
    }
    where += " AND " + cond;
  }
};

Filter MakeFilter(const AuditQuery& q, bool paging) {
  Filter f;
  if (q.since_ms > 0) f.Add("a.time_ms >= $?", q.since_ms);
  if (q.until_ms > 0) f.Add("a.time_ms < $?", q.until_ms);
  if (!q.source.empty()) f.Add("a.source = $?", q.source);
  if (!q.sender.empty()) f.Add("a.sender = $?", q.sender);
  if (!q.action.empty()) f.Add("a.action = $?", q.action);
  if (!q.domain.empty()) {
    f.Add("EXISTS (SELECT 1 FROM nm_audit_recipient r WHERE r.audit_id = a.id AND "
          "r.domain = $?)",
          DomainOf(q.domain));
  }
  if (!q.verdict.empty()) {
    f.Add("EXISTS (SELECT 1 FROM nm_audit_recipient r WHERE r.audit_id = a.id AND "
          "r.verdict = $?)",
          q.verdict);
  }
  if (!q.text.empty()) {
    f.Add("(LOWER(a.sender) LIKE $? ESCAPE '\\' OR LOWER(a.queue_id) LIKE $? ESCAPE '\\' OR "
          "LOWER(a.message_id) LIKE $? ESCAPE '\\' OR EXISTS (SELECT 1 FROM "
          "nm_audit_recipient r WHERE r.audit_id = a.id AND r.address LIKE $? ESCAPE '\\'))",
          LikePattern(q.text));
  }
  if (paging && q.before_id > 0) f.Add("a.id < $?", q.before_id);
  return f;
}

}  // namespace

Status SqlStore::AppendAudit(const std::vector<DecisionRecord>& records) {
  std::lock_guard<std::mutex> lock(mu_);
  return InTransaction([&]() -> Status {
    for (const DecisionRecord& r : records) {
      NM_ASSIGN_OR_RETURN(
          std::vector<Row> id,
          conn_->Query("append audit record",
                       "INSERT INTO nm_audit (time_ms, source, queue_id, sender, action, level, "
                       "rule, message_id, digest, record_key) VALUES ($1, $2, $3, $4, $5, $6, "
                       "$7, $8, $9, NULLIF($10, '')) ON CONFLICT (record_key) DO NOTHING "
                       "RETURNING id",
                       {r.time_ms, r.source, r.queue_id, r.sender, r.action, r.level, r.rule,
                        r.message_id, r.digest, r.key}));
      // No row: this key is stored already (a retried batch).
      if (id.empty()) continue;
      int64_t audit_id = ToInt(id[0][0]);
      for (size_t i = 0; i < r.recipients.size(); ++i) {
        const DecisionRecipient& p = r.recipients[i];
        NM_RETURN_IF_ERROR(conn_->Exec(
            "append audit recipient",
            "INSERT INTO nm_audit_recipient (audit_id, position, address, domain, verdict, "
            "action, reasons, target, suggestion, acknowledged_by, ack_who, ack_path, "
            "ack_made_at, ack_scope, settled_rule, rule_action) VALUES ($1, $2, $3, $4, $5, "
            "$6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)",
            {audit_id, static_cast<int64_t>(i), p.address, DomainOf(p.address), p.verdict,
             p.action, JoinCodes(p.reasons), p.target, p.suggestion, p.acknowledged_by,
             p.acknowledgement.who, p.acknowledgement.path, p.acknowledgement.made_at,
             p.acknowledgement.scope, p.settled_rule, p.rule_action}));
      }
    }
    return Status::Ok();
  });
}

Result<std::vector<DecisionRecord>> SqlStore::SearchAudit(const AuditQuery& q) {
  Filter f = MakeFilter(q, /*paging=*/true);
  size_t limit = std::clamp<size_t>(q.limit, 1, kMaxLimit);
  std::string sql =
      "SELECT a.id, a.time_ms, a.source, a.queue_id, a.sender, a.action, a.level, a.rule, "
      "a.message_id, a.digest, a.record_key FROM nm_audit a" +
      f.where + " ORDER BY a.id DESC LIMIT " + std::to_string(limit);
  std::lock_guard<std::mutex> lock(mu_);
  NM_ASSIGN_OR_RETURN(std::vector<Row> rows, conn_->Query("search audit log", sql, f.params));
  std::vector<DecisionRecord> out;
  std::map<int64_t, size_t> index;
  for (const Row& r : rows) {
    DecisionRecord rec;
    rec.id = ToInt(r[0]);
    rec.time_ms = ToInt(r[1]);
    rec.source = r[2];
    rec.queue_id = r[3];
    rec.sender = r[4];
    rec.action = r[5];
    rec.level = r[6];
    rec.rule = r[7];
    rec.message_id = r[8];
    rec.digest = r[9];
    rec.key = r[10];
    index[rec.id] = out.size();
    out.push_back(std::move(rec));
  }
  if (out.empty()) return out;
  // One range read for every record's recipients rather than one per record.
  NM_ASSIGN_OR_RETURN(
      std::vector<Row> rcpts,
      conn_->Query("read audit recipients",
                   "SELECT audit_id, address, verdict, action, reasons, target, suggestion, "
                   "acknowledged_by, ack_who, ack_path, ack_made_at, ack_scope, settled_rule, "
                   "rule_action FROM nm_audit_recipient WHERE audit_id >= $1 AND audit_id <= $2 "
                   "ORDER BY audit_id, position",
                   {index.begin()->first, index.rbegin()->first}));
  for (const Row& r : rcpts) {
    auto it = index.find(ToInt(r[0]));
    if (it == index.end()) continue;
    DecisionRecipient p{r[1], r[2], r[3], SplitCodes(r[4]), r[5], r[6]};
    p.acknowledged_by = ToInt(r[7]);
    p.acknowledgement = {r[8], r[9], ToInt(r[10]), r[11]};
    p.settled_rule = r[12];
    p.rule_action = r[13];
    out[it->second].recipients.push_back(std::move(p));
  }
  return out;
}

Result<AuditCounts> SqlStore::CountAudit(const AuditQuery& q) {
  Filter f = MakeFilter(q, /*paging=*/false);
  AuditCounts c;
  std::lock_guard<std::mutex> lock(mu_);
  auto group = [&](std::string_view what, const std::string& sql,
                   auto&& add) -> Status {
    NM_ASSIGN_OR_RETURN(std::vector<Row> rows, conn_->Query(what, sql, f.params));
    for (const Row& r : rows) add(r[0], ToInt(r[1]));
    return Status::Ok();
  };
  NM_RETURN_IF_ERROR(group("count by action",
                           "SELECT a.action, COUNT(*) FROM nm_audit a" + f.where +
                               " GROUP BY a.action",
                           [&](const std::string& k, int64_t n) {
                             c.by_action[k] = n;
                             c.total += n;
                           }));
  NM_RETURN_IF_ERROR(group("count by level",
                           "SELECT a.level, COUNT(*) FROM nm_audit a" + f.where +
                               " GROUP BY a.level",
                           [&](const std::string& k, int64_t n) { c.by_level[k] = n; }));
  NM_RETURN_IF_ERROR(group("count by day",
                           "SELECT a.time_ms / 86400000, COUNT(*) FROM nm_audit a" + f.where +
                               " GROUP BY a.time_ms / 86400000",
                           [&](const std::string& k, int64_t n) { c.by_day[ToInt(k)] = n; }));
  NM_RETURN_IF_ERROR(group("count by class",
                           "SELECT p.verdict, COUNT(*) FROM nm_audit a JOIN "
                           "nm_audit_recipient p ON p.audit_id = a.id" +
                               f.where + " GROUP BY p.verdict",
                           [&](const std::string& k, int64_t n) { c.by_verdict[k] = n; }));
  return c;
}

Result<int64_t> SqlStore::PruneAudit(int64_t before_ms) {
  std::lock_guard<std::mutex> lock(mu_);
  int64_t removed = 0;
  Status s = InTransaction([&]() -> Status {
    NM_RETURN_IF_ERROR(conn_->Exec(
        "prune audit recipients",
        "DELETE FROM nm_audit_recipient WHERE audit_id IN "
        "(SELECT id FROM nm_audit WHERE time_ms < $1)",
        {before_ms}));
    NM_ASSIGN_OR_RETURN(std::vector<Row> rows,
                        conn_->Query("prune audit log",
                                     "DELETE FROM nm_audit WHERE time_ms < $1 RETURNING id",
                                     {before_ms}));
    removed = static_cast<int64_t>(rows.size());
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return removed;
}

}  // namespace nearmiss::store
