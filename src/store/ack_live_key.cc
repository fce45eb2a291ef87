#include "store/ack_live_key.h"

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace nearmiss::store {
namespace {

struct LiveRow {
  int64_t id = 0;
  int64_t expires_at = 0;
  std::vector<std::string> key;  // kAckLiveKeyColumns' values
  std::string target;            // recipient, or "@domain"
};

// The one a group keeps: it holds longest, then it is the newest.
bool HoldsLonger(const LiveRow& a, const LiveRow& b) {
  return a.expires_at != b.expires_at ? a.expires_at > b.expires_at : a.id > b.id;
}

Status FoldGroup(Connection& conn, const std::vector<LiveRow>& group, int64_t now_ms) {
  if (group.size() < 2) return Status::Ok();
  const LiveRow* keep = &group[0];
  for (const LiveRow& r : group) {
    if (HoldsLonger(r, *keep)) keep = &r;
  }
  for (const LiveRow& r : group) {
    if (&r == keep) continue;
    NM_RETURN_IF_ERROR(conn.Exec("migration 9: fold duplicate acknowledgements",
                                 "UPDATE nm_acknowledgement SET replaced_by = $1 WHERE id = $2",
                                 {keep->id, r.id}));
    std::string detail = "acknowledgement ";
    detail += std::to_string(r.id);
    detail += " (";
    detail += r.key[0];
    detail += " -> ";
    detail += r.target;
    detail += ") was a second live acknowledgement of the warning acknowledgement ";
    detail += std::to_string(keep->id);
    detail += " settles: folded into it (one live acknowledgement a warning)";
    NM_RETURN_IF_ERROR(conn.Exec(
        "migration 9: record the fold",
        "INSERT INTO nm_admin_event (time_ms, who, role, action, object, detail) "
        "VALUES ($1, 'nearmiss schema migration 9', 'system', 'revoke', $2, $3)",
        {now_ms, "ack:" + std::to_string(r.id), detail}));
  }
  return Status::Ok();
}

}  // namespace

Status FoldDuplicateAcknowledgements(Connection& conn) {
  NM_ASSIGN_OR_RETURN(
      std::vector<Row> rows,
      conn.Query("migration 9: read live acknowledgements",
                 std::string("SELECT id, expires_at, ") + kAckLiveKeyColumns +
                     " FROM nm_acknowledgement WHERE revoked_at = 0 AND replaced_by = 0 "
                     "ORDER BY " + kAckLiveKeyColumns + ", id"));
  const int64_t now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                             std::chrono::system_clock::now().time_since_epoch())
                             .count();
  std::vector<LiveRow> group;
  for (const Row& r : rows) {
    LiveRow one;
    one.id = ToInt(r[0]);
    one.expires_at = ToInt(r[1]);
    one.key.assign(r.begin() + 2, r.end());
    if (one.key[1].empty()) one.target += '@';  // not = "@": GCC 12 -O3 false -Wrestrict
    one.target += one.key[1].empty() ? one.key[2] : one.key[1];
    if (!group.empty() && group.back().key != one.key) {
      NM_RETURN_IF_ERROR(FoldGroup(conn, group, now_ms));
      group.clear();
    }
    group.push_back(std::move(one));
  }
  NM_RETURN_IF_ERROR(FoldGroup(conn, group, now_ms));
  return conn.Exec("migration 9: one live acknowledgement a warning",
                   std::string("CREATE UNIQUE INDEX nm_acknowledgement_live ON "
                               "nm_acknowledgement (") +
                       kAckLiveKeyColumns + ") WHERE revoked_at = 0 AND replaced_by = 0");
}

}  // namespace nearmiss::store
