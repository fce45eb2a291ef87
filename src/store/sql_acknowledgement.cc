// Acknowledgements, administrative events and used confirm links: three
// small tables (schema migrations 3, 5 and 7) that several nodes share.
#include <algorithm>
#include <cctype>
#include <string>

#include "base/ascii.h"
#include "store/sql_store.h"

namespace nearmiss::store {
namespace {

constexpr const char* kAckColumns =
    "id, sender, recipient, domain, reasons, who, why, path, created_at, expires_at, "
    "revoked_at, revoked_by, suggestion, warning_recorded, typo_kind, replaced_by";

Acknowledgement AckFromRow(const Row& r) {
  Acknowledgement a;
  a.id = ToInt(r[0]);
  a.sender = r[1];
  a.recipient = r[2];
  a.domain = r[3];
  a.reasons = r[4];
  a.who = r[5];
  a.why = r[6];
  a.path = r[7];
  a.created_at = ToInt(r[8]);
  a.expires_at = ToInt(r[9]);
  a.revoked_at = ToInt(r[10]);
  a.revoked_by = r[11];
  a.suggestion = r[12];
  a.warning_recorded = ToInt(r[13]) != 0;
  a.typo_kind = r[14];
  a.replaced_by = ToInt(r[15]);
  return a;
}

std::string LimitClause(size_t limit) {
  return limit == 0 ? std::string() : " LIMIT " + std::to_string(limit);
}

}  // namespace

Result<int64_t> SqlStore::AddAcknowledgement(const Acknowledgement& a, bool* existed) {
  if (a.sender.empty() || (a.recipient.empty() == a.domain.empty())) {
    return Status::InvalidArgument(
        "an acknowledgement needs a sender and either a recipient address or a domain");
  }
  if (existed != nullptr) *existed = false;
  const std::vector<Param> key = {AsciiLower(a.sender), AsciiLower(a.recipient),
                                  AsciiLower(a.domain.empty() ? DomainOf(a.recipient) : a.domain),
                                  a.reasons, a.suggestion, a.typo_kind};
  const int64_t span = a.expires_at - a.created_at;  // the running policy's days
  std::lock_guard lock(mu_);
  int64_t id = 0;
  // The warning's unrevoked, unreplaced row: live (its id is the answer),
  // or its time ran out (the new row replaces it). In one transaction with
  // the insert; the unique index (ack_live_key.h) settles two nodes at once:
  // the second insert waits for the first's commit, then does nothing and
  // reads the first's row.
  Status s = InTransaction([&]() -> Status {
    for (int round = 0; round < 2; ++round) {
      NM_ASSIGN_OR_RETURN(
          std::vector<Row> old,
          conn_->Query("read the warning's acknowledgement",
                       "SELECT id, created_at, expires_at FROM nm_acknowledgement "
                       "WHERE sender = $1 AND recipient = $2 AND domain = $3 AND reasons = $4 "
                       "AND suggestion = $5 AND typo_kind = $6 AND revoked_at = 0 AND "
                       "replaced_by = 0",
                       key));
      int64_t ended = 0;
      if (!old.empty()) {
        const int64_t until = std::min(ToInt(old[0][2]), ToInt(old[0][1]) + span);
        if (a.created_at < until) {
          id = ToInt(old[0][0]);
          if (existed != nullptr) *existed = true;
          return Status::Ok();
        }
        ended = ToInt(old[0][0]);
        // Out of the index until the new row names it (-1: being replaced).
        NM_RETURN_IF_ERROR(conn_->Exec("replace an ended acknowledgement",
                                       "UPDATE nm_acknowledgement SET replaced_by = -1 "
                                       "WHERE id = $1 AND replaced_by = 0",
                                       {ended}));
      }
      const std::vector<Param> row = {
          key[0], key[1], key[2], key[3], key[4], key[5], a.who, a.why, a.path,
          a.created_at, a.expires_at, int64_t{a.warning_recorded ? 1 : 0}};
      NM_ASSIGN_OR_RETURN(
          std::vector<Row> made,
          conn_->Query("add acknowledgement",
                       "INSERT INTO nm_acknowledgement (sender, recipient, domain, reasons, "
                       "suggestion, typo_kind, who, why, path, created_at, expires_at, "
                       "warning_recorded) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, "
                       "$12) ON CONFLICT DO NOTHING RETURNING id",
                       row));
      if (made.empty()) {
        // Another node's row of this warning came first: read it (round 2).
        if (ended != 0) {
          NM_RETURN_IF_ERROR(conn_->Exec("keep an ended acknowledgement",
                                         "UPDATE nm_acknowledgement SET replaced_by = 0 "
                                         "WHERE id = $1 AND replaced_by = -1",
                                         {ended}));
        }
        continue;
      }
      id = ToInt(made[0][0]);
      if (ended == 0) return Status::Ok();
      return conn_->Exec("replace an ended acknowledgement",
                         "UPDATE nm_acknowledgement SET replaced_by = $1 WHERE id = $2",
                         {id, ended});
    }
    return Status::IoError(conn_->name() +
                           ": add acknowledgement: another one of the same warning was being "
                           "added and then was not there");
  });
  if (!s.ok()) return s;
  if (id == 0) return Status::IoError(conn_->name() + ": add acknowledgement: no id");
  return id;
}

Result<std::vector<Acknowledgement>> SqlStore::Acknowledgements(bool all, int64_t now,
                                                                size_t limit, int64_t before_id) {
  std::lock_guard lock(mu_);
  // One statement for both: a parameter list built conditionally trips
  // GCC 12's -Wmaybe-uninitialized on std::variant.
  NM_ASSIGN_OR_RETURN(
      std::vector<Row> rows,
      conn_->Query("list acknowledgements",
                   std::string("SELECT ") + kAckColumns +
                       " FROM nm_acknowledgement WHERE ($1 = 1 OR (revoked_at = 0 AND "
                       "replaced_by = 0 AND expires_at > $2)) AND ($3 = 0 OR id < $3) ORDER BY "
                       "id DESC" +
                       LimitClause(limit),
                   {int64_t{all ? 1 : 0}, now, before_id}));
  std::vector<Acknowledgement> out;
  for (const Row& r : rows) out.push_back(AckFromRow(r));
  return out;
}

Result<std::vector<Acknowledgement>> SqlStore::LiveAcknowledgements(std::string_view sender,
                                                                    int64_t now) {
  std::lock_guard lock(mu_);
  NM_ASSIGN_OR_RETURN(
      std::vector<Row> rows,
      conn_->Query("read acknowledgements",
                   std::string("SELECT ") + kAckColumns +
                       " FROM nm_acknowledgement WHERE sender = $1 AND revoked_at = 0 AND "
                       "replaced_by = 0 AND expires_at > $2 ORDER BY id DESC",
                   {AsciiLower(sender), now}));
  std::vector<Acknowledgement> out;
  for (const Row& r : rows) out.push_back(AckFromRow(r));
  // A domain-wide acknowledgement stores the domain and no address; an
  // address one stores both, and Covers looks at the address.
  return out;
}

Status SqlStore::RevokeAcknowledgement(int64_t id, std::string_view who, int64_t now) {
  std::lock_guard lock(mu_);
  NM_ASSIGN_OR_RETURN(
      std::vector<Row> rows,
      conn_->Query("revoke acknowledgement",
                   "UPDATE nm_acknowledgement SET revoked_at = $1, revoked_by = $2 "
                   "WHERE id = $3 AND revoked_at = 0 AND replaced_by = 0 RETURNING id",
                   {now, std::string(who), id}));
  if (rows.empty()) {
    return Status::NotFound("no live acknowledgement " + std::to_string(id));
  }
  return Status::Ok();
}

Status SqlStore::AppendAdminEvent(const AdminEvent& e) {
  std::lock_guard lock(mu_);
  return conn_->Exec("record admin event",
                     "INSERT INTO nm_admin_event (time_ms, who, role, action, object, detail) "
                     "VALUES ($1, $2, $3, $4, $5, $6)",
                     {e.time_ms, e.who, e.role, e.action, e.object, e.detail});
}

Result<std::vector<AdminEvent>> SqlStore::AdminEvents(size_t limit) {
  std::lock_guard lock(mu_);
  NM_ASSIGN_OR_RETURN(
      std::vector<Row> rows,
      conn_->Query("list admin events",
                   "SELECT id, time_ms, who, role, action, object, detail FROM nm_admin_event "
                   "ORDER BY id DESC" + LimitClause(limit)));
  std::vector<AdminEvent> out;
  for (const Row& r : rows) {
    out.push_back({ToInt(r[0]), ToInt(r[1]), r[2], r[3], r[4], r[5], r[6]});
  }
  return out;
}

Result<bool> SqlStore::UseLink(std::string_view nonce, int64_t expires_at, int64_t now) {
  std::lock_guard lock(mu_);
  NM_RETURN_IF_ERROR(conn_->Exec("forget expired links",
                                 "DELETE FROM nm_link_use WHERE expires_at < $1", {now}));
  // The primary key makes the second use a no-op on every backend.
  NM_ASSIGN_OR_RETURN(
      std::vector<Row> rows,
      conn_->Query("use link",
                   "INSERT INTO nm_link_use (nonce, used_at, expires_at) VALUES ($1, $2, $3) "
                   "ON CONFLICT (nonce) DO NOTHING RETURNING nonce",
                   {std::string(nonce), now, expires_at}));
  return !rows.empty();
}

Status SqlStore::ReturnLink(std::string_view nonce) {
  std::lock_guard lock(mu_);
  return conn_->Exec("return link", "DELETE FROM nm_link_use WHERE nonce = $1",
                     {std::string(nonce)});
}

}  // namespace nearmiss::store
