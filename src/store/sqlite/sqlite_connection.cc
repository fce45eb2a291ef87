// The SQLite Connection: the embedded default store, one file in WAL mode so
// readers (`nearmiss audit`, the console) never wait for the milter's writes.
#include <sqlite3.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <optional>
#include <string>
#include <unordered_map>

#include "base/env_dirs.h"
#include "nearmiss/store.h"
#include "store/sql.h"

namespace nearmiss::store {
namespace {

class SqliteConnection final : public Connection {
 public:
  SqliteConnection(sqlite3* db, std::string name) : db_(db), name_(std::move(name)) {}
  ~SqliteConnection() override {
    for (auto& [sql, stmt] : prepared_) sqlite3_finalize(stmt);
    sqlite3_close_v2(db_);
  }

  Dialect dialect() const override { return Dialect::kSqlite; }
  const std::string& name() const override { return name_; }

  Status Exec(std::string_view what, std::string_view sql,
              const std::vector<Param>& params) override {
    Result<std::vector<Row>> r = Run(what, sql, params, /*want_rows=*/false);
    return r.status();
  }

  Result<std::vector<Row>> Query(std::string_view what, std::string_view sql,
                                 const std::vector<Param>& params) override {
    return Run(what, sql, params, /*want_rows=*/true);
  }

 private:
  Status Error(std::string_view what) const {
    return Status::IoError(name_ + ": " + std::string(what) + ": " + sqlite3_errmsg(db_));
  }

  Result<std::vector<Row>> Run(std::string_view what, std::string_view sql,
                               const std::vector<Param>& params, bool want_rows) {
    // "$1" -> "?1": numbered parameters SQLite binds by position.
    std::string text(sql);
    for (size_t i = 0; i + 1 < text.size(); ++i) {
      if (text[i] == '$' && std::isdigit(static_cast<unsigned char>(text[i + 1]))) text[i] = '?';
    }
    sqlite3_stmt* stmt = Prepared(text);
    if (stmt == nullptr) return Error(what);
    std::vector<Row> rows;
    int rc = SQLITE_OK;
    for (size_t i = 0; i < params.size() && rc == SQLITE_OK; ++i) {
      int at = static_cast<int>(i + 1);
      if (const auto* s = std::get_if<std::string>(&params[i])) {
        rc = sqlite3_bind_text(stmt, at, s->data(), static_cast<int>(s->size()),
                               SQLITE_TRANSIENT);
      } else {
        rc = sqlite3_bind_int64(stmt, at, std::get<int64_t>(params[i]));
      }
    }
    while (rc == SQLITE_OK || rc == SQLITE_ROW) {
      rc = sqlite3_step(stmt);
      if (rc != SQLITE_ROW) break;
      if (!want_rows) continue;
      Row row;
      int n = sqlite3_column_count(stmt);
      for (int c = 0; c < n; ++c) {
        const unsigned char* text = sqlite3_column_text(stmt, c);
        row.emplace_back(text ? reinterpret_cast<const char*>(text) : "");
      }
      rows.push_back(std::move(row));
    }
    // Kept for the next call; its error, if any, stays readable until then.
    Status error = rc == SQLITE_DONE ? Status::Ok() : Error(what);
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    if (!error.ok()) return error;
    return rows;
  }

  // The statement for `text`, prepared once per connection: learning runs
  // the same upsert tens of thousands of times in one transaction, and
  // preparing it each time cost more than running it. At most
  // kMaxPrepared are kept (statements built with a row count in them,
  // such as the last short chunk of a multi-row insert, come and go).
  sqlite3_stmt* Prepared(const std::string& text) {
    if (auto it = prepared_.find(text); it != prepared_.end()) return it->second;
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v3(db_, text.data(), static_cast<int>(text.size()),
                           SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK) {
      return nullptr;
    }
    if (prepared_.size() >= kMaxPrepared) {
      for (auto& [sql, old] : prepared_) sqlite3_finalize(old);
      prepared_.clear();
    }
    prepared_.emplace(text, stmt);
    return stmt;
  }

  static constexpr size_t kMaxPrepared = 64;
  std::unordered_map<std::string, sqlite3_stmt*> prepared_;

  sqlite3* db_;
  std::string name_;
};

// SQLite answers a directory with "disk I/O error" (or "unable to open
// database file"), which sends the reader to the disk: said as what it is
// (issue 14, round 35's second tester, item 7).
Status RefuseDirectory(const std::string& given) {
  // A "file:" URI names its file after the scheme (SqliteStoreFile).
  const std::string path = SqliteStoreFile(given);
  std::error_code ec;
  if (!std::filesystem::is_directory(path, ec)) return Status::Ok();
  std::string why(given);
  why += ": cannot open store: ";
  if (path != given) why.append(path).append(" ");
  why += "is a directory, not a store file; name a file (";
  why += (std::filesystem::path(path) / "nearmiss.db").string();
  why += ")";
  return Status::IoError(why);
}

}  // namespace

Result<std::unique_ptr<Connection>> OpenSqlite(const std::string& path) {
  NM_RETURN_IF_ERROR(RefuseDirectory(path));
  // Root making the store in a daemon's state directory (`nearmiss learn`
  // as root in /var/lib/nearmiss, nearmiss's): the file takes the
  // directory's owner, as the spool does (journal/file_spool.cc), so the
  // packaged daemons can still write it; SQLite then gives the -wal and
  // -shm files root makes the database's owner.
  const std::string file = SqliteStoreFile(path);
  std::error_code ec;
  const bool existed = file.empty() || std::filesystem::exists(file, ec);
  const std::optional<base::DirOwner> owner =
      existed ? std::nullopt
              : base::OthersDirOwner(
                    std::filesystem::absolute(file, ec).parent_path().string());
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db,
                           SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                           nullptr);
  if (rc != SQLITE_OK) {
    std::string why = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close_v2(db);
    return Status::IoError(path + ": cannot open store: " + why);
  }
  // Only a file SQLite made (":memory:" makes none).
  if (owner && std::filesystem::exists(file, ec) &&
      ::chown(file.c_str(), owner->uid, owner->gid) != 0) {
    const int err = errno;
    sqlite3_close_v2(db);
    return Status::IoError(file + ": cannot give the new store to its directory's owner (chown): " +
                           std::strerror(err));
  }
  // Several processes (milter nodes on one host, `nearmiss learn`) share the
  // file: wait for a writer rather than fail at once.
  sqlite3_busy_timeout(db, 10000);
  auto conn = std::make_unique<SqliteConnection>(db, path);
  Result<std::vector<Row>> wal = conn->Query("enable WAL", "PRAGMA journal_mode=WAL", {});
  if (!wal.ok()) return wal.error();
  NM_RETURN_IF_ERROR(conn->Exec("set synchronous", "PRAGMA synchronous=NORMAL", {}));
  // A page cache of up to 64 MiB (SQLite's default is 2 MiB), allocated
  // only as pages are read: a learning batch dirties more pages than 2 MiB
  // holds, and each spill wrote pages to the WAL again and again (449,000
  // page writes for one 100,000-delivery batch into a 25 MB store).
  NM_RETURN_IF_ERROR(conn->Exec("set cache size", "PRAGMA cache_size=-65536", {}));
  return std::unique_ptr<Connection>(std::move(conn));
}

Result<std::unique_ptr<Connection>> OpenSqliteReadOnly(const std::string& path) {
  NM_RETURN_IF_ERROR(RefuseDirectory(path));
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX,
                           nullptr);
  if (rc != SQLITE_OK) {
    std::string why = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close_v2(db);
    return Status::IoError(path + ": cannot open store: " + why);
  }
  sqlite3_busy_timeout(db, 10000);
  return std::unique_ptr<Connection>(std::make_unique<SqliteConnection>(db, path));
}

int64_t ToInt(const std::string& text) {
  return text.empty() ? 0 : std::strtoll(text.c_str(), nullptr, 10);
}

}  // namespace nearmiss::store
