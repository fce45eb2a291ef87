// The store's schema as numbered migrations, the same on both backends.
#ifndef NEARMISS_STORE_SCHEMA_H_
#define NEARMISS_STORE_SCHEMA_H_

#include "store/sql.h"

namespace nearmiss::store {

// Brings the database to kSchemaVersion in one transaction, so
// a failed step leaves the previous version intact. Two processes opening a
// new store at once are serialised (SQLite BEGIN IMMEDIATE, PostgreSQL an
// advisory lock).
Status Migrate(Connection& conn);
// The same, up to `version` (at most kSchemaVersion) only: for the tests of
// a migration, which start from a store at an older version.
Status MigrateTo(Connection& conn, int version);

// The version recorded in nm_meta; 0 for an empty database.
Result<int> SchemaVersion(Connection& conn);

}  // namespace nearmiss::store

#endif  // NEARMISS_STORE_SCHEMA_H_
