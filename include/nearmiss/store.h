// Store: correspondent statistics and the audit log, kept in SQLite (the
// embedded default) or PostgreSQL (shared by several milter nodes).
//
// Both backends hold the same schema, created and upgraded by the same
// numbered migrations when a store is opened (schema_version() reports where
// it stands). Open picks the backend from the URL:
//   "postgresql://user@host:port/db" or "postgres://..."  PostgreSQL (libpq)
//   "host=db.example.org dbname=nearmiss ..."            PostgreSQL, libpq's
//                                                        keyword/value form
//   "sqlite:///var/lib/nearmiss/nearmiss.db", "sqlite:PATH" or a plain path
//                                                        SQLite (WAL)
// DefaultStoreUrl() is the SQLite file in the state directory.
//
// Errors are Status values naming the store and the statement's purpose
// ("nearmiss.db: record deliveries: database is locked").
//
// Ownership and thread safety: a Store owns one connection and serialises
// calls on it internally, so one Store may be shared by threads; open more
// Stores for parallel writers. Both backends allow several processes on one
// database.
#ifndef NEARMISS_STORE_H_
#define NEARMISS_STORE_H_

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nearmiss/acknowledgement.h"
#include "nearmiss/decision_record.h"
#include "nearmiss/history.h"
#include "nearmiss/status.h"

namespace nearmiss {

// One delivery seen while learning (a Postfix "status=sent" line, a Sent
// folder message, a CSV row).
//
// `key` makes learning idempotent: a delivery whose key the store has seen
// (in this call or any before) is not counted again, so a second run over
// the same Sent folder, or rotated logs that overlap, change no count. The
// learner builds it from what names one delivery: "msgid:MESSAGE-ID RCPT"
// for a message (the Message-ID's domain folded to lower case,
// store/learned_keys.h; schema 6 folded the keys stored before), "log:QUEUE-ID RCPT TIME" for a log line. "" always counts
// (CSV rows, which name no delivery).
//
// `aliases`: other keys of the same delivery. A Postfix delivery is named
// by its Message-ID only when the cleanup line was read, which rotation can
// leave in another file; so it carries its "log:" keys too, and counts
// only when none of its keys was recorded before; all of them are then
// recorded (a delivery read once with and once without its cleanup line
// counts once, in one call or across calls).
struct Delivery {
  std::string sender;     // lower case address; "" when unknown
  std::string recipient;  // lower case address "bob@partner.co"
  int64_t time = 0;       // unix seconds, when it was sent
  std::string key;        // see above; "" none
  std::vector<std::string> aliases = {};  // see above; ignored when key is ""
  // The display name the message wrote the recipient under (To:, Cc:),
  // raw header text; "" none. Kept per pair, the one written most in one
  // RecordDeliveries (AddressStats::display_name).
  std::string display_name = {};
};

// A message a mail log left open at the end of one `learn` (its queue id
// seen, its end not), as far as the log showed it: kept in the store
// (schema 10) so that the next learn, reading the next rotated file, knows
// the sender and Message-ID of a delivery whose cleanup and qmgr lines the
// earlier file held (a nightly `learn /var/log/mail.log.1` lost every
// message whose delivery crossed the rotation: the issue-14 tester, round
// 43, finding 2).
struct CarriedMessage {
  std::string queue_key;   // the log reader's key: queue id, host, instance
  std::string sender;      // the envelope sender its from= line gave
  bool sender_seen = false;  // a from= line was read ("" is the null sender)
  std::string message_id;  // without angle brackets; "" when not logged
  int64_t last_seen = 0;   // unix seconds of its latest line
};

// What RecordDeliveries made of one call's deliveries.
struct RecordedDeliveries {
  // counted[i]: deliveries[i] counted. False when its key was recorded
  // before (earlier in the call or in any call before) or its recipient
  // has no domain.
  std::vector<bool> counted;
  size_t counted_total = 0;  // how many are true in `counted`
  // Sender -> recipient pairs the store held no row for before the call
  // (new relationships).
  size_t new_relationships = 0;
};

// How far RecordDeliveries is, for a report while it writes (one call
// writes a whole batch in one transaction). First each keyed delivery's key
// is checked against those recorded before (kKeys: `done` of `total` keyed
// deliveries), then each relationship (sender -> recipient) the counted
// deliveries add to is written (kRelationships: `done` of `total`).
struct WriteProgress {
  enum class Stage { kKeys, kRelationships };
  Stage stage = Stage::kKeys;
  uint64_t done = 0;
  uint64_t total = 0;
};
// Called on RecordDeliveries' thread after each statement of a stage (400
// keys, or one relationship; the last with done == total), inside its
// transaction: it must not call the Store.
using WriteProgressFn = std::function<void(const WriteProgress&)>;

// Audit log search; every field left empty or zero matches anything.
struct AuditQuery {
  int64_t since_ms = 0;  // time_ms >= since_ms
  int64_t until_ms = 0;  // time_ms < until_ms (0: no bound)
  std::string source;    // "milter", "api", "scan"
  std::string sender;    // exact, lower case
  std::string domain;    // some recipient is at this domain (exact)
  std::string verdict;   // some recipient has this class
  std::string action;    // the message's action
  std::string text;      // substring of sender, recipients, queue/message id
  int64_t before_id = 0; // paging, newest first: only ids below this
  size_t limit = 100;    // at most this many records (capped at 10000)
};

// Counts over the records an AuditQuery matches (its paging fields ignored),
// for dashboards.
struct AuditCounts {
  int64_t total = 0;
  std::map<std::string, int64_t> by_action;   // message action -> records
  std::map<std::string, int64_t> by_verdict;  // recipient class -> recipients
  std::map<std::string, int64_t> by_level;    // sensitivity level -> records
  // UTC day (unix days: time_ms / 86400000) -> records.
  std::map<int64_t, int64_t> by_day;
};

class Store {
 public:
  // Opens (creating if needed) and migrates to the current schema.
  // `password`, when not empty, is the PostgreSQL password, handed to libpq
  // as its `password` keyword (it overrides one in the URL, PGPASSWORD and
  // the passfile); it is never part of a message. A SQLite store ignores it.
  static Result<std::unique_ptr<Store>> Open(std::string_view url,
                                             std::string_view password = {});
  // The same for a store nearmiss has made: kNotFound, and nothing
  // written, when the database holds no nearmiss schema (a 0-byte SQLite
  // file left by `touch` or a failed restore, an empty PostgreSQL
  // database), which a command that only reads (check, scan, policy
  // explain) would otherwise take as an empty history and judge every
  // slip with none (issue 14's fresh tester, defect 6). A store at an
  // older schema is migrated, as by Open.
  static Result<std::unique_ptr<Store>> OpenExisting(std::string_view url,
                                                     std::string_view password = {});
  // Removes the nearmiss schema from the database at `url` when every one
  // of its tables is empty (nm_meta aside): what Open made for a first
  // `learn` that then failed having written nothing, so an empty
  // PostgreSQL database stays one (issue 14, r42a's leftover: the failed
  // first learn left a schema that check, scan and the daemons then read as
  // a history with nothing in it). True when removed; false, and nothing
  // written, when the database holds no schema or any table holds a row.
  // One transaction (PostgreSQL: under the migration's advisory lock, so a
  // node migrating the same database at that moment waits).
  static Result<bool> RemoveUnused(std::string_view url, std::string_view password = {});
  virtual ~Store() = default;

  // "sqlite" or "postgresql".
  virtual std::string_view backend() const = 0;
  // The schema version the database is at (kSchemaVersion after Open).
  virtual Result<int> schema_version() = 0;

  // Learning. Counts add up across calls; first/last seen widen. A
  // delivery whose key was recorded before counts nothing (Delivery::key);
  // *out, when not null, gets which did count and the new relationships;
  // `progress`, when set, hears how far the write is (WriteProgress).
  virtual Status RecordDeliveries(const std::vector<Delivery>& deliveries,
                                  RecordedDeliveries* out = nullptr,
                                  const WriteProgressFn& progress = nullptr) = 0;
  // The messages a mail log left open at the end of the last learn that
  // read logs (CarriedMessage), and, at the end of the next, the ones it
  // leaves open, replacing them all in one transaction.
  virtual Result<std::vector<CarriedMessage>> CarriedMessages() = 0;
  virtual Status ReplaceCarriedMessages(const std::vector<CarriedMessage>& messages) = 0;
  // Marks (or unmarks) a domain as a confirmed correspondent; creates its
  // row with no messages when it has none.
  virtual Status ConfirmDomain(std::string_view domain, bool confirmed) = 0;
  // Every domain with its statistics, most messages first; at most `limit`
  // (0: all).
  virtual Result<std::vector<DomainStats>> Domains(size_t limit = 0) = 0;
  virtual Result<std::optional<DomainStats>> Domain(std::string_view domain) = 0;
  // Sender -> recipient pairs; `sender` "" for all senders.
  virtual Result<std::vector<AddressStats>> Correspondents(
      std::string_view sender, size_t limit = 0) = 0;
  // What Engine::Compile needs; `with_addresses` adds every known recipient
  // address (for the `new-domain` reason).
  virtual Result<HistorySnapshot> Snapshot(bool with_addresses) = 0;

  // Audit log. Records get ids in insertion order. A record whose key is
  // already stored is skipped (not an error), so a batch may be retried.
  virtual Status AppendAudit(const std::vector<DecisionRecord>& records) = 0;
  // Newest first.
  virtual Result<std::vector<DecisionRecord>> SearchAudit(const AuditQuery& q) = 0;
  virtual Result<AuditCounts> CountAudit(const AuditQuery& q) = 0;
  // Retention: deletes records older than `before_ms`; returns how many.
  virtual Result<int64_t> PruneAudit(int64_t before_ms) = 0;

  // Acknowledgements (acknowledgement.h). Add stores `a` (addresses and
  // domain lower-cased) and returns its id. One warning has at most one
  // live acknowledgement (schema 9's unique index, store/ack_live_key.h):
  // when the sender has one of the same warning already (same recipient or
  // domain, reasons, suggestion, typo_kind), live at a.created_at for
  // a.expires_at - a.created_at seconds (the running policy's days, which
  // may have shortened it), nothing is stored and its id is returned, with
  // *existed (when not null) true; two nodes adding at once get one row.
  // One whose time ran out is replaced by the new one (replaced_by).
  virtual Result<int64_t> AddAcknowledgement(const Acknowledgement& a,
                                             bool* existed = nullptr) = 0;
  // Newest first; revoked and expired ones too when `all`, else those live
  // at `now` (unix seconds). At most `limit` (0: all); with `before_id`
  // (> 0), only those of a smaller id: the next page after one ending there.
  virtual Result<std::vector<Acknowledgement>> Acknowledgements(bool all, int64_t now,
                                                                size_t limit = 0,
                                                                int64_t before_id = 0) = 0;
  // The sender's acknowledgements live at `now`.
  virtual Result<std::vector<Acknowledgement>> LiveAcknowledgements(std::string_view sender,
                                                                    int64_t now) = 0;
  // kNotFound when no live acknowledgement has `id` (schema 9 keeps one
  // live acknowledgement a warning: revoking it ends that warning's).
  virtual Status RevokeAcknowledgement(int64_t id, std::string_view who, int64_t now) = 0;

  // Administrative events, newest first (at most `limit`, 0: all).
  virtual Status AppendAdminEvent(const AdminEvent& e) = 0;
  virtual Result<std::vector<AdminEvent>> AdminEvents(size_t limit = 0) = 0;

  // Marks a signed link's nonce used. False when it already was (a link
  // works once, on every node sharing the store); forgets nonces whose
  // links expired before `now` (unix seconds).
  virtual Result<bool> UseLink(std::string_view nonce, int64_t expires_at, int64_t now) = 0;
  // Gives a used nonce back, so its link works again: the action it was
  // spent on failed (Postfix's postsuper refused a release), and a link
  // spent on nothing would leave the message held with no way for the
  // sender to ask again.
  virtual Status ReturnLink(std::string_view nonce) = 0;
};

// The current schema version; migrations bring older stores up to it.
inline constexpr int kSchemaVersion = 10;

// True for a PostgreSQL connection string: a postgresql:// or postgres://
// URI, or libpq's keyword/value form (it starts with "keyword=", as
// "host=db dbname=nearmiss"). Anything else is a SQLite path: a file whose
// name looks like "word=..." must be written sqlite:word=....
bool IsPostgresStoreUrl(std::string_view url);
// True when the connection string carries a password: the URI's user
// info, a password= or sslpassword= parameter, or that keyword.
bool StoreUrlHasPassword(std::string_view url);
// The connection string with each password replaced by "***", for
// messages and `config show`; where a keyword/value string stops following
// libpq's grammar, the rest is hidden too. SQLite paths come back as given.
std::string StoreDisplayName(std::string_view url);
// `text` (a libpq error, which may quote the URI) with `url` shown as
// StoreDisplayName and each password in it, as written or decoded, "***".
std::string WithoutStoreSecrets(std::string_view text, std::string_view url);

// The file a SQLite store URL names: "sqlite:///abs/path", "sqlite:PATH"
// or a bare PATH, each possibly a SQLite URI filename
// (https://sqlite.org/uri.html: "file:/var/lib/x.db", "file:///x.db",
// "file:x.db?mode=ro"), without scheme, authority and query: what to look
// for on disk. "" for a PostgreSQL string.
std::string SqliteStoreFile(std::string_view url);

// "sqlite://" + the default store's path: $NEARMISS_STATE_DIR/nearmiss.db,
// else /var/lib/nearmiss/nearmiss.db when writable, else the user's
// $XDG_DATA_HOME/nearmiss/nearmiss.db (src/store/default_location.h).
std::string DefaultStoreUrl();

}  // namespace nearmiss

#endif  // NEARMISS_STORE_H_
