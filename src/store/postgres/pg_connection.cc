// The PostgreSQL Connection (libpq): one shared history and audit log for
// several milter nodes. Parameters travel as text; the server infers types
// from the columns they meet.
#include <libpq-fe.h>

#include <string>

#include "nearmiss/store.h"
#include "store/sql.h"

namespace nearmiss::store {
namespace {

// libpq's messages span lines ("server closed the connection
// unexpectedly\n\tThis probably means ..."): one line for a log.
std::string Trimmed(std::string_view why) {
  std::string out;
  for (char c : why) {
    if (c == '\n' || c == '\t' || c == '\r') c = ' ';
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

class PgConnection final : public Connection {
 public:
  PgConnection(PGconn* conn, std::string name) : conn_(conn), name_(std::move(name)) {}
  ~PgConnection() override { PQfinish(conn_); }

  Dialect dialect() const override { return Dialect::kPostgres; }
  const std::string& name() const override { return name_; }

  Status Exec(std::string_view what, std::string_view sql,
              const std::vector<Param>& params) override {
    return Run(what, sql, params).status();
  }

  Result<std::vector<Row>> Query(std::string_view what, std::string_view sql,
                                 const std::vector<Param>& params) override {
    return Run(what, sql, params);
  }

 private:
  Result<std::vector<Row>> Run(std::string_view what, std::string_view sql,
                               const std::vector<Param>& params) {
    // A server restart or a dropped link leaves the connection bad for
    // good: reconnect first, so a daemon outlives the outage. Not inside a
    // transaction that died with the old session: its remaining statements
    // would run on their own and commit half a batch. They fail, up to the
    // statement that ends it.
    if (PQstatus(conn_) != CONNECTION_OK) {
      if (in_transaction_ && what != "begin") {
        if (what == "rollback" || what == "commit") in_transaction_ = false;
        return Status::IoError(name_ + ": " + std::string(what) + ": connection lost");
      }
      in_transaction_ = false;
      PQreset(conn_);
      if (PQstatus(conn_) != CONNECTION_OK) {
        return Status::IoError(name_ + ": " + std::string(what) + ": cannot reconnect: " +
                               Trimmed(PQerrorMessage(conn_)));
      }
    }
    std::vector<std::string> text;
    text.reserve(params.size());
    for (const Param& p : params) {
      if (const auto* s = std::get_if<std::string>(&p)) {
        text.push_back(*s);
      } else {
        text.push_back(std::to_string(std::get<int64_t>(p)));
      }
    }
    std::vector<const char*> values;
    for (const std::string& t : text) values.push_back(t.c_str());
    std::string statement(sql);
    PGresult* res = PQexecParams(conn_, statement.c_str(), static_cast<int>(values.size()),
                                 nullptr, values.data(), nullptr, nullptr, 0);
    ExecStatusType st = PQresultStatus(res);
    PGTransactionStatusType ts = PQtransactionStatus(conn_);
    if (ts != PQTRANS_UNKNOWN) {
      in_transaction_ = ts != PQTRANS_IDLE;
    } else if (what == "rollback" || what == "commit") {
      in_transaction_ = false;
    }
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
      std::string why = Trimmed(res ? PQresultErrorMessage(res) : PQerrorMessage(conn_));
      PQclear(res);
      return Status::IoError(name_ + ": " + std::string(what) + ": " + why);
    }
    std::vector<Row> rows;
    int n = PQntuples(res), cols = PQnfields(res);
    rows.reserve(n);
    for (int r = 0; r < n; ++r) {
      Row row;
      for (int c = 0; c < cols; ++c) row.emplace_back(PQgetvalue(res, r, c));
      rows.push_back(std::move(row));
    }
    PQclear(res);
    return rows;
  }

  PGconn* conn_;
  std::string name_;
  bool in_transaction_ = false;
};

// Notices ("relation already exists, skipping") are expected during
// migrations; they must not reach the milter's stdout.
void IgnoreNotice(void*, const char*) {}

}  // namespace

Result<std::unique_ptr<Connection>> OpenPostgres(const std::string& url,
                                                 const std::string& password) {
  // Both appear in errors and logs: no password in either.
  std::string name = StoreDisplayName(url);
  // The URL is expanded as libpq's dbname; a later keyword overrides what
  // the URL set, so the password from a file or the environment wins.
  const char* keys[] = {"dbname", password.empty() ? nullptr : "password", nullptr};
  const char* values[] = {url.c_str(), password.c_str(), nullptr};
  PGconn* conn = PQconnectdbParams(keys, values, /*expand_dbname=*/1);
  if (conn == nullptr) return Status::IoError(name + ": cannot allocate a connection");
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string why = WithoutStoreSecrets(Trimmed(PQerrorMessage(conn)), url);
    PQfinish(conn);
    return Status::IoError(name + ": cannot connect: " + why);
  }
  PQsetNoticeProcessor(conn, IgnoreNotice, nullptr);
  return std::unique_ptr<Connection>(std::make_unique<PgConnection>(conn, name));
}

}  // namespace nearmiss::store
