// Connection: the few SQL operations the Store needs, over SQLite or libpq.
//
// One SqlStore (sql_store.h) runs the same statements on both backends; the
// differences live here and in Dialect-specific fragments of schema.cc.
// Statements use PostgreSQL's "$1" placeholders; the SQLite connection binds
// them by number, which SQLite also accepts.
//
// Thread safety: none; SqlStore serialises calls.
#ifndef NEARMISS_STORE_SQL_H_
#define NEARMISS_STORE_SQL_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "nearmiss/status.h"

namespace nearmiss::store {

enum class Dialect { kSqlite, kPostgres };

using Param = std::variant<std::string, int64_t>;
// Column values as text; NULL reads as "".
using Row = std::vector<std::string>;

class Connection {
 public:
  virtual ~Connection() = default;
  virtual Dialect dialect() const = 0;
  // For messages: the file name, or "postgresql://host/db" without secrets.
  virtual const std::string& name() const = 0;
  // One statement; `what` names its purpose in errors.
  virtual Status Exec(std::string_view what, std::string_view sql,
                      const std::vector<Param>& params = {}) = 0;
  virtual Result<std::vector<Row>> Query(std::string_view what,
                                         std::string_view sql,
                                         const std::vector<Param>& params = {}) = 0;
};

// `path` is created when missing; journal_mode=WAL, busy timeout 10 s.
Result<std::unique_ptr<Connection>> OpenSqlite(const std::string& path);
// `path` opened read-only, as it is: never created, no pragma that writes
// (journal_mode=WAL converts the file). For asking whether it holds a
// store before anything is written to it (Store::OpenExisting).
Result<std::unique_ptr<Connection>> OpenSqliteReadOnly(const std::string& path);
// `url` is a libpq connection URI ("postgresql://user@127.0.0.1:5433/db");
// `password`, when not empty, overrides any libpq would find itself.
Result<std::unique_ptr<Connection>> OpenPostgres(const std::string& url,
                                                 const std::string& password = {});

int64_t ToInt(const std::string& text);

}  // namespace nearmiss::store

#endif  // NEARMISS_STORE_SQL_H_
