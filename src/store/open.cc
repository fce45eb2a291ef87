// Store::Open: the backend from the URL (IsPostgresStoreUrl, conninfo.cc),
// then the schema brought up to date.
#include <cstdlib>

#include "nearmiss/store.h"
#include "store/default_location.h"
#include "store/schema.h"
#include "store/sql_store.h"

namespace nearmiss {

std::string DefaultStoreUrl() {
  return "sqlite://" + store::FindDefaultStore(store::StoreEnvironment::FromProcess()).path;
}

namespace {

// The file of a SQLite store URL: "sqlite:///abs/path" (URL form), the
// shorter "sqlite:PATH", or a bare path; SQLite reads a "file:" URI in it.
std::string_view SqlitePath(std::string_view url) {
  if (url.starts_with("sqlite://")) {
    url.remove_prefix(9);
  } else if (url.starts_with("sqlite:")) {
    url.remove_prefix(7);
  }
  return url;
}

}  // namespace

std::string SqliteStoreFile(std::string_view url) {
  if (IsPostgresStoreUrl(url)) return {};
  std::string_view path = SqlitePath(url);
  // A URI filename (SQLite is built with SQLITE_USE_URI on Debian): a
  // "file:" store naming a directory was refused as "unable to open
  // database file", and one naming a store as missing (issue 14, round 37,
  // item 5).
  if (!path.starts_with("file:")) return std::string(path);
  path.remove_prefix(5);
  if (path.starts_with("//")) {
    path.remove_prefix(2);  // the authority: "" or "localhost"
    const size_t slash = path.find('/');
    path = slash == std::string_view::npos ? std::string_view() : path.substr(slash);
  }
  return std::string(path.substr(0, path.find_first_of("?#")));
}

namespace {

Result<std::unique_ptr<store::Connection>> Connect(std::string_view url,
                                                   std::string_view password) {
  std::unique_ptr<store::Connection> conn;
  if (IsPostgresStoreUrl(url)) {
    NM_ASSIGN_OR_RETURN(conn, store::OpenPostgres(std::string(url), std::string(password)));
  } else {
    std::string_view path = SqlitePath(url);
    if (path.empty()) return Status::InvalidArgument("store URL has no path: " + std::string(url));
    NM_ASSIGN_OR_RETURN(conn, store::OpenSqlite(std::string(path)));
  }
  return conn;
}

// Whether the database holds nm_meta, the table every schema version has
// (migration 0 creates it): asked of the catalogue, so nothing is written.
Result<bool> HasSchema(store::Connection& conn) {
  const char* sql = conn.dialect() == store::Dialect::kSqlite
                        ? "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND "
                          "name = 'nm_meta'"
                        : "SELECT count(*) FROM information_schema.tables WHERE "
                          "table_schema = current_schema() AND table_name = 'nm_meta'";
  NM_ASSIGN_OR_RETURN(std::vector<store::Row> rows, conn.Query("look for the schema", sql));
  return !rows.empty() && store::ToInt(rows[0][0]) > 0;
}

}  // namespace

Result<std::unique_ptr<Store>> Store::Open(std::string_view url, std::string_view password) {
  NM_ASSIGN_OR_RETURN(std::unique_ptr<store::Connection> conn, Connect(url, password));
  NM_RETURN_IF_ERROR(store::Migrate(*conn));
  return std::unique_ptr<Store>(std::make_unique<store::SqlStore>(std::move(conn)));
}

Result<std::unique_ptr<Store>> Store::OpenExisting(std::string_view url,
                                                   std::string_view password) {
  auto no_store = [](const std::string& name) {
    return Status::NotFound(name +
                            ": holds no nearmiss store (an empty or new database; nearmiss "
                            "learn makes one)");
  };
  if (!IsPostgresStoreUrl(url)) {
    // Asked read-only first: opening for writing sets journal_mode=WAL,
    // which writes a header (4 KiB) into an empty file, so a command that
    // only reads and refuses an empty store would still have made one
    // (issue 14, round 33, item 7).
    const std::string path(SqlitePath(url));
    if (path.empty()) return Status::InvalidArgument("store URL has no path: " + std::string(url));
    NM_ASSIGN_OR_RETURN(std::unique_ptr<store::Connection> probe,
                        store::OpenSqliteReadOnly(path));
    NM_ASSIGN_OR_RETURN(bool has_schema, HasSchema(*probe));
    if (!has_schema) return no_store(probe->name());
  }
  NM_ASSIGN_OR_RETURN(std::unique_ptr<store::Connection> conn, Connect(url, password));
  NM_ASSIGN_OR_RETURN(bool has_schema, HasSchema(*conn));
  if (!has_schema) return no_store(conn->name());
  NM_RETURN_IF_ERROR(store::Migrate(*conn));
  return std::unique_ptr<Store>(std::make_unique<store::SqlStore>(std::move(conn)));
}

Result<bool> Store::RemoveUnused(std::string_view url, std::string_view password) {
  NM_ASSIGN_OR_RETURN(std::unique_ptr<store::Connection> conn, Connect(url, password));
  NM_ASSIGN_OR_RETURN(bool has_schema, HasSchema(*conn));
  if (!has_schema) return false;
  const bool sqlite = conn->dialect() == store::Dialect::kSqlite;
  NM_RETURN_IF_ERROR(conn->Exec("begin", sqlite ? "BEGIN IMMEDIATE" : "BEGIN"));
  auto removed = [&]() -> Result<bool> {
    if (!sqlite) {
      NM_RETURN_IF_ERROR(
          conn->Exec("lock for migration", "SELECT pg_advisory_xact_lock(7465736)"));
    }
    // Every table nearmiss made: named nm_ (store/schema.cc's migrations).
    NM_ASSIGN_OR_RETURN(
        std::vector<store::Row> tables,
        conn->Query("list the schema's tables",
                    sqlite ? "SELECT name FROM sqlite_master WHERE type = 'table' AND "
                             "name LIKE 'nm\\_%' ESCAPE '\\'"
                           : "SELECT table_name FROM information_schema.tables WHERE "
                             "table_schema = current_schema() AND table_name LIKE 'nm\\_%'"));
    for (const store::Row& t : tables) {
      if (t[0] == "nm_meta") continue;
      NM_ASSIGN_OR_RETURN(std::vector<store::Row> any,
                          conn->Query("look for rows", "SELECT 1 FROM " + t[0] + " LIMIT 1"));
      if (!any.empty()) return false;
    }
    for (const store::Row& t : tables) {
      NM_RETURN_IF_ERROR(conn->Exec("remove the unused schema",
                                    "DROP TABLE IF EXISTS " + t[0] + (sqlite ? "" : " CASCADE")));
    }
    return true;
  }();
  if (!removed.ok() || !*removed) {
    (void)conn->Exec("rollback", "ROLLBACK");
    return removed;
  }
  NM_RETURN_IF_ERROR(conn->Exec("commit", "COMMIT"));
  return true;
}

}  // namespace nearmiss
