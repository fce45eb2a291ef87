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

Result<std::unique_ptr<store::Connection>> Connect(std::string_view url,
                                                   std::string_view password) {
  std::unique_ptr<store::Connection> conn;
  if (IsPostgresStoreUrl(url)) {
    NM_ASSIGN_OR_RETURN(conn, store::OpenPostgres(std::string(url), std::string(password)));
  } else {
    std::string_view path = url;
    // "sqlite:///abs/path" (URL form) or the shorter "sqlite:PATH".
    if (path.starts_with("sqlite://")) {
      path.remove_prefix(9);
    } else if (path.starts_with("sqlite:")) {
      path.remove_prefix(7);
    }
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
  NM_ASSIGN_OR_RETURN(std::unique_ptr<store::Connection> conn, Connect(url, password));
  NM_ASSIGN_OR_RETURN(bool has_schema, HasSchema(*conn));
  if (!has_schema) {
    return Status::NotFound(conn->name() +
                            ": holds no nearmiss store (an empty or new database; nearmiss "
                            "learn makes one)");
  }
  NM_RETURN_IF_ERROR(store::Migrate(*conn));
  return std::unique_ptr<Store>(std::make_unique<store::SqlStore>(std::move(conn)));
}

}  // namespace nearmiss
