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

Result<std::unique_ptr<Store>> Store::Open(std::string_view url, std::string_view password) {
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
  NM_RETURN_IF_ERROR(store::Migrate(*conn));
  return std::unique_ptr<Store>(std::make_unique<store::SqlStore>(std::move(conn)));
}

}  // namespace nearmiss
