// SqlStore: the Store over a Connection. Every statement is written once and
// runs on SQLite and PostgreSQL alike; the few dialect differences (MIN vs
// LEAST) are chosen here.
//
// Thread safety: a mutex serialises every call on the one connection.
#ifndef NEARMISS_STORE_SQL_STORE_H_
#define NEARMISS_STORE_SQL_STORE_H_

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "nearmiss/store.h"
#include "store/sql.h"

namespace nearmiss::store {

class SqlStore final : public Store {
 public:
  explicit SqlStore(std::unique_ptr<Connection> conn) : conn_(std::move(conn)) {}

  std::string_view backend() const override;
  Result<int> schema_version() override;

  Status RecordDeliveries(const std::vector<Delivery>& deliveries, RecordedDeliveries* out,
                          const WriteProgressFn& progress) override;
  // sql_carry.cc
  Result<std::vector<CarriedMessage>> CarriedMessages() override;
  Status ReplaceCarriedMessages(const std::vector<CarriedMessage>& messages) override;
  Status ConfirmDomain(std::string_view domain, bool confirmed) override;
  Result<std::vector<DomainStats>> Domains(size_t limit) override;
  Result<std::optional<DomainStats>> Domain(std::string_view domain) override;
  Result<std::vector<AddressStats>> Correspondents(std::string_view sender,
                                                   size_t limit) override;
  Result<HistorySnapshot> Snapshot(bool with_addresses) override;

  // sql_audit.cc
  Status AppendAudit(const std::vector<DecisionRecord>& records) override;
  Result<std::vector<DecisionRecord>> SearchAudit(const AuditQuery& q) override;
  Result<AuditCounts> CountAudit(const AuditQuery& q) override;
  Result<int64_t> PruneAudit(int64_t before_ms) override;

  // sql_acknowledgement.cc
  Result<int64_t> AddAcknowledgement(const Acknowledgement& a, bool* existed) override;
  Result<std::vector<Acknowledgement>> Acknowledgements(bool all, int64_t now, size_t limit,
                                                        int64_t before_id) override;
  Result<std::vector<Acknowledgement>> LiveAcknowledgements(std::string_view sender,
                                                            int64_t now) override;
  Status RevokeAcknowledgement(int64_t id, std::string_view who, int64_t now) override;
  Status AppendAdminEvent(const AdminEvent& e) override;
  Result<std::vector<AdminEvent>> AdminEvents(size_t limit) override;
  Result<bool> UseLink(std::string_view nonce, int64_t expires_at, int64_t now) override;
  Status ReturnLink(std::string_view nonce) override;

 private:
  // Runs `body` inside BEGIN/COMMIT, rolling back when it fails.
  template <typename F>
  Status InTransaction(F&& body) {
    NM_RETURN_IF_ERROR(conn_->Exec("begin", conn_->dialect() == Dialect::kSqlite
                                                ? "BEGIN IMMEDIATE"
                                                : "BEGIN"));
    Status s = body();
    if (!s.ok()) {
      (void)conn_->Exec("rollback", "ROLLBACK");
      return s;
    }
    return conn_->Exec("commit", "COMMIT");
  }
  // "MIN"/"MAX" (SQLite scalar) or "LEAST"/"GREATEST" (PostgreSQL).
  std::string Least() const;
  std::string Greatest() const;
  // Which of `deliveries` count: unkeyed ones, and keyed ones whose key is
  // new to nm_learned (now recorded there) and first in the batch. Inside
  // the caller's transaction.
  Result<std::vector<bool>> NewDeliveries(const std::vector<Delivery>& deliveries,
                                          const WriteProgressFn& progress);

  std::mutex mu_;
  std::unique_ptr<Connection> conn_;
};

// The recipient's domain: after the last '@', lower case.
std::string DomainOf(std::string_view address);

}  // namespace nearmiss::store

#endif  // NEARMISS_STORE_SQL_STORE_H_
