// The messages a mail log left open at the end of a learn (schema 10;
// store.h's CarriedMessage).
#include <string>

#include "store/sql_store.h"

namespace nearmiss::store {

Result<std::vector<CarriedMessage>> SqlStore::CarriedMessages() {
  std::lock_guard lock(mu_);
  NM_ASSIGN_OR_RETURN(std::vector<Row> rows,
                      conn_->Query("read the messages the last learn left open",
                                   "SELECT queue_key, sender, sender_seen, message_id, last_seen "
                                   "FROM nm_learn_carry ORDER BY queue_key"));
  std::vector<CarriedMessage> out;
  out.reserve(rows.size());
  for (const Row& r : rows) {
    out.push_back({r[0], r[1], ToInt(r[2]) != 0, r[3], ToInt(r[4])});
  }
  return out;
}

Status SqlStore::ReplaceCarriedMessages(const std::vector<CarriedMessage>& messages) {
  std::lock_guard lock(mu_);
  return InTransaction([&]() -> Status {
    NM_RETURN_IF_ERROR(conn_->Exec("forget the messages carried before",
                                   "DELETE FROM nm_learn_carry"));
    for (const CarriedMessage& m : messages) {
      NM_RETURN_IF_ERROR(conn_->Exec(
          "keep a message left open",
          "INSERT INTO nm_learn_carry (queue_key, sender, sender_seen, message_id, last_seen) "
          "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (queue_key) DO NOTHING",
          {m.queue_key, m.sender, int64_t{m.sender_seen ? 1 : 0}, m.message_id, m.last_seen}));
    }
    return Status::Ok();
  });
}

}  // namespace nearmiss::store
