#include "store/schema.h"

#include <algorithm>
#include <string>

#include "nearmiss/store.h"
#include "store/ack_live_key.h"
#include "store/learned_keys.h"

namespace nearmiss::store {
namespace {

// Migration N (1-based) brings version N-1 to N. "{id}" is the dialect's
// auto-increment primary key. Never edit a shipped migration: add one.
constexpr const char* kMigrations[] = {
    // 1: correspondent statistics and the audit log.
    R"sql(
CREATE TABLE nm_domain (
  domain TEXT PRIMARY KEY,
  messages BIGINT NOT NULL DEFAULT 0,
  first_seen BIGINT NOT NULL DEFAULT 0,
  last_seen BIGINT NOT NULL DEFAULT 0,
  confirmed INTEGER NOT NULL DEFAULT 0);
CREATE TABLE nm_correspondent (
  sender TEXT NOT NULL,
  recipient TEXT NOT NULL,
  messages BIGINT NOT NULL,
  first_seen BIGINT NOT NULL,
  last_seen BIGINT NOT NULL,
  PRIMARY KEY (sender, recipient));
CREATE INDEX nm_correspondent_recipient ON nm_correspondent (recipient);
CREATE TABLE nm_audit (
  id {id},
  time_ms BIGINT NOT NULL,
  source TEXT NOT NULL,
  queue_id TEXT NOT NULL,
  sender TEXT NOT NULL,
  action TEXT NOT NULL,
  level TEXT NOT NULL,
  rule TEXT NOT NULL,
  message_id TEXT NOT NULL,
  digest TEXT NOT NULL);
CREATE INDEX nm_audit_time ON nm_audit (time_ms);
CREATE INDEX nm_audit_sender ON nm_audit (sender);
CREATE TABLE nm_audit_recipient (
  audit_id BIGINT NOT NULL REFERENCES nm_audit (id),
  position INTEGER NOT NULL,
  address TEXT NOT NULL,
  domain TEXT NOT NULL,
  verdict TEXT NOT NULL,
  action TEXT NOT NULL,
  reasons TEXT NOT NULL,
  target TEXT NOT NULL,
  suggestion TEXT NOT NULL,
  PRIMARY KEY (audit_id, position));
CREATE INDEX nm_audit_recipient_domain ON nm_audit_recipient (domain);
)sql",
    // 2: the journal's idempotency key; NULL for records written before it.
    R"sql(
ALTER TABLE nm_audit ADD COLUMN record_key TEXT;
CREATE UNIQUE INDEX nm_audit_record_key ON nm_audit (record_key);
)sql",
    // 3 (issue 14, confirm and warn once): acknowledgements, the
    // administrative events (who released, deleted, acknowledged, revoked),
    // and the confirm links already used (single use across nodes).
    R"sql(
CREATE TABLE nm_acknowledgement (
  id {id},
  sender TEXT NOT NULL,
  recipient TEXT NOT NULL,
  domain TEXT NOT NULL,
  reasons TEXT NOT NULL,
  who TEXT NOT NULL,
  why TEXT NOT NULL,
  path TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  revoked_at BIGINT NOT NULL DEFAULT 0,
  revoked_by TEXT NOT NULL DEFAULT '');
CREATE INDEX nm_acknowledgement_sender ON nm_acknowledgement (sender);
CREATE TABLE nm_admin_event (
  id {id},
  time_ms BIGINT NOT NULL,
  who TEXT NOT NULL,
  role TEXT NOT NULL,
  action TEXT NOT NULL,
  object TEXT NOT NULL,
  detail TEXT NOT NULL);
CREATE INDEX nm_admin_event_time ON nm_admin_event (time_ms);
CREATE TABLE nm_link_use (
  nonce TEXT PRIMARY KEY,
  used_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL);
)sql",
    // 4 (issue 14, learning): the deliveries `learn` has counted, by
    // Delivery::key, so learning the same source twice counts nothing twice.
    R"sql(
CREATE TABLE nm_learned (
  key TEXT PRIMARY KEY,
  time BIGINT NOT NULL);
)sql",
    // 5 (issue 14, warn once): an acknowledgement keeps the suggestion of
    // the warning it acknowledged, so it settles that warning only.
    // warning_recorded tells the rows made before (0: their suggestion is
    // unknown, and a release link's kept no reasons either; acknowledgement.h
    // says what they settle) from those made since (1, written by every
    // insert).
    R"sql(
ALTER TABLE nm_acknowledgement ADD COLUMN suggestion TEXT NOT NULL DEFAULT '';
ALTER TABLE nm_acknowledgement ADD COLUMN warning_recorded INTEGER NOT NULL DEFAULT 0;
)sql",
    // 6 (issue 14, learning twice counts once): no statement; AfterScript
    // folds the Message-ID domains of the keys older versions stored
    // (learned_keys.h), which no SQL common to both backends can do.
    "",
    // 7 (issue 14, an acknowledgement settles the warning it answered):
    // the address-typo kind of the warning acknowledged ("edit",
    // "display-name", ...; acknowledgement.h). '' in the rows made before:
    // those settle no address-typo, so the sender is asked once more.
    R"sql(
ALTER TABLE nm_acknowledgement ADD COLUMN typo_kind TEXT NOT NULL DEFAULT '';
)sql",
    // 8 (issue 14, accountable acknowledgements): a decision's record names
    // the acknowledgement that settled a recipient's warning, who made it,
    // which way (confirm-link, api, admin), when, for an address or a
    // domain, and the rule it settled with that rule's own action
    // (DecisionRecipient). Records written before read as settled by none.
    // And the display name a learned recipient is written to under
    // (From/To headers, logs that carry one), for the wrong person at the
    // right domain across domains; '' when none was seen.
    R"sql(
ALTER TABLE nm_audit_recipient ADD COLUMN acknowledged_by BIGINT NOT NULL DEFAULT 0;
ALTER TABLE nm_audit_recipient ADD COLUMN ack_who TEXT NOT NULL DEFAULT '';
ALTER TABLE nm_audit_recipient ADD COLUMN ack_path TEXT NOT NULL DEFAULT '';
ALTER TABLE nm_audit_recipient ADD COLUMN ack_made_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE nm_audit_recipient ADD COLUMN ack_scope TEXT NOT NULL DEFAULT '';
ALTER TABLE nm_audit_recipient ADD COLUMN settled_rule TEXT NOT NULL DEFAULT '';
ALTER TABLE nm_audit_recipient ADD COLUMN rule_action TEXT NOT NULL DEFAULT '';
ALTER TABLE nm_correspondent ADD COLUMN display_name TEXT NOT NULL DEFAULT '';
)sql",
    // 9 (issue 14, one live acknowledgement a warning: round 43's tester,
    // finding 1): the acknowledgement that took over a row's warning once
    // the row's time ran out (0: none). AfterScript folds the duplicates
    // older versions let in and makes the partial unique index
    // (ack_live_key.h).
    R"sql(
ALTER TABLE nm_acknowledgement ADD COLUMN replaced_by BIGINT NOT NULL DEFAULT 0;
)sql",
    // 10 (issue 14, learning across rotations: round 43's tester, finding
    // 2): the messages a mail log left open at the end of a learn
    // (CarriedMessage), for the next learn to complete.
    R"sql(
CREATE TABLE nm_learn_carry (
  queue_key TEXT PRIMARY KEY,
  sender TEXT NOT NULL,
  sender_seen INTEGER NOT NULL,
  message_id TEXT NOT NULL,
  last_seen BIGINT NOT NULL);
)sql",
};
static_assert(std::size(kMigrations) == kSchemaVersion);

std::string ForDialect(std::string sql, Dialect d) {
  const std::string id = d == Dialect::kSqlite ? "INTEGER PRIMARY KEY AUTOINCREMENT"
                                               : "BIGSERIAL PRIMARY KEY";
  for (size_t at = sql.find("{id}"); at != std::string::npos; at = sql.find("{id}")) {
    sql.replace(at, 4, id);
  }
  return sql;
}

// SQLite prepares one statement at a time; PostgreSQL's extended protocol
// too. Statements are split at ";" ends of line (none appear in literals).
Status ExecScript(Connection& conn, std::string_view what, const std::string& script) {
  size_t start = 0;
  while (start < script.size()) {
    size_t end = script.find(";\n", start);
    if (end == std::string::npos) end = script.size();
    std::string stmt = script.substr(start, end - start);
    start = end + 2;
    if (stmt.find_first_not_of(" \n") == std::string::npos) continue;
    NM_RETURN_IF_ERROR(conn.Exec(what, stmt));
  }
  return Status::Ok();
}

// The part of migration `version` written in C++, run after its script.
Status AfterScript(Connection& conn, int version) {
  if (version == 6) return FoldLearnedKeys(conn);
  if (version == 9) return FoldDuplicateAcknowledgements(conn);
  return Status::Ok();
}

Status Begin(Connection& conn) {
  if (conn.dialect() == Dialect::kSqlite) return conn.Exec("begin", "BEGIN IMMEDIATE");
  NM_RETURN_IF_ERROR(conn.Exec("begin", "BEGIN"));
  // Held to COMMIT: a second node opening the same new database waits here.
  return conn.Exec("lock for migration", "SELECT pg_advisory_xact_lock(7465736)");
}

}  // namespace

Result<int> SchemaVersion(Connection& conn) {
  NM_ASSIGN_OR_RETURN(
      std::vector<Row> rows,
      conn.Query("read schema version",
                 "SELECT value FROM nm_meta WHERE key = 'schema_version'"));
  return rows.empty() ? 0 : static_cast<int>(ToInt(rows[0][0]));
}

Status Migrate(Connection& conn) { return MigrateTo(conn, kSchemaVersion); }

Status MigrateTo(Connection& conn, int target) {
  NM_RETURN_IF_ERROR(conn.Exec("create nm_meta",
                               "CREATE TABLE IF NOT EXISTS nm_meta (key TEXT PRIMARY KEY, "
                               "value TEXT NOT NULL)"));
  NM_RETURN_IF_ERROR(Begin(conn));
  Result<int> version = SchemaVersion(conn);
  if (!version.ok()) {
    (void)conn.Exec("rollback", "ROLLBACK");
    return version.error();
  }
  if (*version > kSchemaVersion) {
    (void)conn.Exec("rollback", "ROLLBACK");
    return Status::InvalidArgument(conn.name() + ": schema version " +
                                   std::to_string(*version) + " is newer than this nearmiss (" +
                                   std::to_string(kSchemaVersion) + "): upgrade nearmiss");
  }
  for (int v = *version + 1; v <= std::min(target, kSchemaVersion); ++v) {
    std::string what = "migration " + std::to_string(v);
    Status s = ExecScript(conn, what, ForDialect(kMigrations[v - 1], conn.dialect()));
    if (s.ok()) s = AfterScript(conn, v);
    if (s.ok()) {
      s = conn.Exec(what,
                    "INSERT INTO nm_meta (key, value) VALUES ('schema_version', $1) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    {std::to_string(v)});
    }
    if (!s.ok()) {
      (void)conn.Exec("rollback", "ROLLBACK");
      return s;
    }
  }
  return conn.Exec("commit migrations", "COMMIT");
}

}  // namespace nearmiss::store
