// Correspondent statistics: deliveries are summed in memory first, so a
// learning run of a million log lines costs one upsert per domain and pair,
// not per line.
#include "store/sql_store.h"

#include <algorithm>
#include <chrono>
#include <cctype>
#include <map>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

namespace nearmiss::store {
namespace {

struct Sum {
  int64_t messages = 0;
  int64_t first = 0;
  int64_t last = 0;
  void Add(int64_t t) {
    first = messages == 0 ? t : std::min(first, t);
    last = messages == 0 ? t : std::max(last, t);
    ++messages;
  }
};

DomainStats DomainRow(const Row& r) {
  return {r[0], ToInt(r[1]), ToInt(r[2]), ToInt(r[3]), ToInt(r[4]) != 0};
}

}  // namespace

std::string DomainOf(std::string_view address) {
  size_t at = address.rfind('@');
  std::string d(at == std::string_view::npos ? address : address.substr(at + 1));
  for (char& c : d) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return d;
}

std::string_view SqlStore::backend() const {
  return conn_->dialect() == Dialect::kSqlite ? "sqlite" : "postgresql";
}

std::string SqlStore::Least() const {
  return conn_->dialect() == Dialect::kSqlite ? "MIN" : "LEAST";
}
std::string SqlStore::Greatest() const {
  return conn_->dialect() == Dialect::kSqlite ? "MAX" : "GREATEST";
}

Result<int> SqlStore::schema_version() {
  std::lock_guard<std::mutex> lock(mu_);
  Result<std::vector<Row>> rows = conn_->Query(
      "read schema version", "SELECT value FROM nm_meta WHERE key = 'schema_version'");
  if (!rows.ok()) return rows.error();
  return rows->empty() ? 0 : static_cast<int>(ToInt((*rows)[0][0]));
}

Result<std::vector<bool>> SqlStore::NewDeliveries(const std::vector<Delivery>& deliveries,
                                                  const WriteProgressFn& progress) {
  std::vector<bool> counts(deliveries.size(), true);
  // Each key of this batch with the first delivery that named it (its key
  // or an alias, Delivery::aliases); a delivery one of whose keys an
  // earlier one named never counts, and its other keys are still recorded.
  std::unordered_map<std::string_view, size_t> first;
  for (size_t i = 0; i < deliveries.size(); ++i) {
    const Delivery& d = deliveries[i];
    if (d.key.empty()) continue;
    auto name = [&](const std::string& key) {
      auto [it, inserted] = first.emplace(key, i);
      if (!inserted && it->second != i) counts[i] = false;
    };
    name(d.key);
    for (const std::string& alias : d.aliases) name(alias);
  }
  std::vector<std::string_view> keys;
  keys.reserve(first.size());
  for (const auto& [key, i] : first) keys.push_back(key);
  // In key order: the keys' B-tree is then filled page after page. In
  // arrival order (random keys: Message-IDs) every insert lands on another
  // page, and a batch of 100,000 spilled SQLite's page cache over and over
  // (451,000 page writes for a 25 MB store; most of learn's CPU after the
  // reading).
  std::sort(keys.begin(), keys.end());
  // Rows per statement: two parameters each, under SQLite's old limit of
  // 999 host parameters and PostgreSQL's 65535.
  constexpr size_t kRows = 400;
  std::unordered_set<std::string> inserted;
  for (size_t at = 0; at < keys.size(); at += kRows) {
    size_t n = std::min(kRows, keys.size() - at);
    std::string sql = "INSERT INTO nm_learned (key, time) VALUES ";
    std::vector<Param> params;
    params.reserve(2 * n);
    for (size_t j = 0; j < n; ++j) {
      std::string_view key = keys[at + j];
      if (j > 0) sql += ", ";
      sql += "($" + std::to_string(2 * j + 1) + ", $" + std::to_string(2 * j + 2) + ")";
      params.emplace_back(std::string(key));
      params.emplace_back(deliveries[first[key]].time);
    }
    sql += " ON CONFLICT (key) DO NOTHING RETURNING key";
    NM_ASSIGN_OR_RETURN(std::vector<Row> rows, conn_->Query("record learned keys", sql, params));
    for (Row& r : rows) inserted.insert(std::move(r[0]));
    if (progress) progress({WriteProgress::Stage::kKeys, at + n, keys.size()});
  }
  // Counted when every key it has was new to the store.
  for (size_t i = 0; i < deliveries.size(); ++i) {
    const Delivery& d = deliveries[i];
    if (d.key.empty() || !counts[i]) continue;
    counts[i] = inserted.count(d.key) > 0 &&
                std::all_of(d.aliases.begin(), d.aliases.end(),
                            [&](const std::string& a) { return inserted.count(a) > 0; });
  }
  return counts;
}

Status SqlStore::RecordDeliveries(const std::vector<Delivery>& deliveries,
                                  RecordedDeliveries* out, const WriteProgressFn& progress) {
  if (out != nullptr) *out = RecordedDeliveries{};
  // A confirmed row made before any mail has first_seen 0: the first real
  // delivery sets it rather than losing to the 0.
  const std::string domain_sql =
      "INSERT INTO nm_domain (domain, messages, first_seen, last_seen) VALUES ($1, $2, $3, $4) "
      "ON CONFLICT (domain) DO UPDATE SET messages = nm_domain.messages + excluded.messages, "
      "first_seen = CASE WHEN nm_domain.messages = 0 THEN excluded.first_seen ELSE " +
      Least() + "(nm_domain.first_seen, excluded.first_seen) END, last_seen = " + Greatest() +
      "(nm_domain.last_seen, excluded.last_seen)";
  // RETURNING the sum: a pair row always has at least one message, so the
  // sum equals this call's messages exactly when the row is new (the same
  // statement on both backends; PostgreSQL's xmax trick has no SQLite twin).
  const std::string pair_sql =
      "INSERT INTO nm_correspondent (sender, recipient, messages, first_seen, last_seen, "
      "display_name) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (sender, recipient) DO UPDATE "
      "SET messages = nm_correspondent.messages + excluded.messages, first_seen = " +
      Least() + "(nm_correspondent.first_seen, excluded.first_seen), last_seen = " +
      Greatest() +
      "(nm_correspondent.last_seen, excluded.last_seen), display_name = CASE WHEN "
      "excluded.display_name <> '' AND (nm_correspondent.display_name = '' OR ($7 > 1 AND "
      "$7 > nm_correspondent.messages)) THEN "
      "excluded.display_name ELSE nm_correspondent.display_name END RETURNING messages";
  std::lock_guard<std::mutex> lock(mu_);
  return InTransaction([&]() -> Status {
    NM_ASSIGN_OR_RETURN(std::vector<bool> counts, NewDeliveries(deliveries, progress));
    std::map<std::string, Sum> domains;
    std::map<std::pair<std::string, std::string>, Sum> pairs;
    // The display names each pair was written under, with how often and
    // when last ("" none seen): the name learned is the one most used (the
    // latest of equals), so one message under the wrong name ("Mary Jones"
    // <jane.doe@...> among fifteen "Jane Doe") does not teach it (the
    // issue-14 tester, round 44, finding 4). A name used once replaces none
    // stored before; one used more often replaces it only when used more
    // than every message the store counted before this learn, all taken to
    // be under the stored name (no count a name is kept: a second folder's
    // three "Mary Jones" do not outweigh the first's eight "Jane Doe", and
    // learning that folder again changes nothing; a name that really
    // changed, used more than the old one could have been, is taken:
    // round 46).
    std::map<std::pair<std::string, std::string>, std::map<std::string, Sum>> name_uses;
    size_t n = 0;
    for (size_t i = 0; i < deliveries.size(); ++i) {
      const Delivery& d = deliveries[i];
      std::string domain = DomainOf(d.recipient);
      if (domain.empty()) counts[i] = false;
      // A delivery counted before still tells the name its recipient is
      // written under: a store learned before schema 8 kept none, and
      // learning the folder again counts nothing but fills them.
      if (!domain.empty() && !d.display_name.empty()) {
        name_uses[{d.sender, d.recipient}][d.display_name].Add(d.time);
      }
      if (!counts[i]) continue;
      domains[domain].Add(d.time);
      pairs[{d.sender, d.recipient}].Add(d.time);
      ++n;
    }
    std::map<std::pair<std::string, std::string>, std::pair<std::string, int64_t>> names;
    for (const auto& [pair, uses] : name_uses) {
      const std::pair<const std::string, Sum>* most = nullptr;
      for (const auto& use : uses) {
        if (most == nullptr || use.second.messages > most->second.messages ||
            (use.second.messages == most->second.messages && use.second.last > most->second.last)) {
          most = &use;
        }
      }
      names[pair] = {most->first, most->second.messages};
    }
    for (const auto& [domain, s] : domains) {
      NM_RETURN_IF_ERROR(conn_->Exec("record deliveries", domain_sql,
                                     {domain, s.messages, s.first, s.last}));
    }
    size_t new_pairs = 0, written = 0;
    for (const auto& [pair, s] : pairs) {
      NM_ASSIGN_OR_RETURN(
          std::vector<Row> rows,
          conn_->Query("record correspondents", pair_sql,
                       {pair.first, pair.second, s.messages, s.first, s.last,
                        names.count(pair) ? names[pair].first : std::string(),
                        names.count(pair) ? names[pair].second : int64_t{0}}));
      if (!rows.empty() && ToInt(rows[0][0]) == s.messages) ++new_pairs;
      if (progress) progress({WriteProgress::Stage::kRelationships, ++written, pairs.size()});
    }
    for (const auto& [pair, name] : names) {
      if (pairs.count(pair) > 0) continue;  // written with its counts above
      NM_RETURN_IF_ERROR(conn_->Exec("record display names",
                                     "UPDATE nm_correspondent SET display_name = $3 WHERE "
                                     "sender = $1 AND recipient = $2 AND display_name <> $3 AND "
                                     "(display_name = '' OR ($4 > 1 AND $4 > messages))",
                                     {pair.first, pair.second, name.first, name.second}));
    }
    if (out != nullptr) {
      out->counted = std::move(counts);
      out->counted_total = n;
      out->new_relationships = new_pairs;
    }
    return Status::Ok();
  });
}

Status SqlStore::ConfirmDomain(std::string_view domain, bool confirmed) {
  std::lock_guard<std::mutex> lock(mu_);
  return conn_->Exec("confirm domain",
                     "INSERT INTO nm_domain (domain, confirmed) VALUES ($1, $2) "
                     "ON CONFLICT (domain) DO UPDATE SET confirmed = excluded.confirmed",
                     {DomainOf(domain), int64_t{confirmed ? 1 : 0}});
}

Result<std::vector<DomainStats>> SqlStore::Domains(size_t limit) {
  std::string sql =
      "SELECT domain, messages, first_seen, last_seen, confirmed FROM nm_domain "
      "ORDER BY messages DESC, domain";
  if (limit > 0) sql += " LIMIT " + std::to_string(limit);
  std::lock_guard<std::mutex> lock(mu_);
  NM_ASSIGN_OR_RETURN(std::vector<Row> rows, conn_->Query("list domains", sql));
  std::vector<DomainStats> out;
  out.reserve(rows.size());
  for (const Row& r : rows) out.push_back(DomainRow(r));
  return out;
}

Result<std::optional<DomainStats>> SqlStore::Domain(std::string_view domain) {
  std::lock_guard<std::mutex> lock(mu_);
  NM_ASSIGN_OR_RETURN(
      std::vector<Row> rows,
      conn_->Query("read domain",
                   "SELECT domain, messages, first_seen, last_seen, confirmed FROM nm_domain "
                   "WHERE domain = $1",
                   {DomainOf(domain)}));
  if (rows.empty()) return std::optional<DomainStats>();
  return std::optional<DomainStats>(DomainRow(rows[0]));
}

Result<std::vector<AddressStats>> SqlStore::Correspondents(std::string_view sender,
                                                           size_t limit) {
  std::string sql =
      "SELECT sender, recipient, messages, first_seen, last_seen, display_name FROM "
      "nm_correspondent";
  std::vector<Param> params;
  if (!sender.empty()) {
    sql += " WHERE sender = $1";
    params.emplace_back(std::string(sender));
  }
  sql += " ORDER BY messages DESC, sender, recipient";
  if (limit > 0) sql += " LIMIT " + std::to_string(limit);
  std::lock_guard<std::mutex> lock(mu_);
  NM_ASSIGN_OR_RETURN(std::vector<Row> rows, conn_->Query("list correspondents", sql, params));
  std::vector<AddressStats> out;
  for (const Row& r : rows) {
    out.push_back({r[0], r[1], ToInt(r[2]), ToInt(r[3]), ToInt(r[4]), r[5]});
  }
  return out;
}

Result<HistorySnapshot> SqlStore::Snapshot(bool with_addresses) {
  HistorySnapshot snap;
  NM_ASSIGN_OR_RETURN(snap.domains, Domains(0));
  if (with_addresses) {
    std::lock_guard<std::mutex> lock(mu_);
    NM_ASSIGN_OR_RETURN(std::vector<Row> rows,
                        conn_->Query("list addresses",
                                     "SELECT DISTINCT recipient FROM nm_correspondent "
                                     "ORDER BY recipient"));
    for (Row& r : rows) snap.addresses.push_back(std::move(r[0]));
  }
  if (with_addresses) {
    NM_ASSIGN_OR_RETURN(snap.correspondents, Correspondents("", 0));
  }
  snap.taken_at = std::chrono::duration_cast<std::chrono::seconds>(
                      std::chrono::system_clock::now().time_since_epoch())
                      .count();
  return snap;
}

}  // namespace nearmiss::store
