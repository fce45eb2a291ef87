#include "store/learned_keys.h"

#include <algorithm>
#include <unordered_set>
#include <vector>

#include "base/ascii.h"

namespace nearmiss::store {

std::string FoldMessageId(std::string_view message_id) {
  const size_t at = message_id.rfind('@');
  if (at == std::string_view::npos) return std::string(message_id);
  std::string out(message_id.substr(0, at + 1));
  return out.append(AsciiLower(message_id.substr(at + 1)));
}

std::string FoldStoredKey(std::string_view key) {
  constexpr std::string_view kPrefix = "msgid:";
  if (!key.starts_with(kPrefix)) return std::string(key);
  const std::string_view body = key.substr(kPrefix.size());
  const size_t first_at = body.find('@');
  const size_t blank = first_at == std::string_view::npos ? first_at : body.find(' ', first_at);
  if (blank == std::string_view::npos) return std::string(key);
  std::string out(kPrefix);
  return out.append(FoldMessageId(body.substr(0, blank))).append(body.substr(blank));
}

namespace {

struct Rewrite {
  std::string from, to;
  int64_t time;
};

// One statement per kind for up to kRows keys (two parameters a row for
// the insert: under SQLite's old limit of 999 host parameters), not two a
// key: a store of Exchange mail has an upper-case id-right in most keys.
Status Apply(Connection& conn, const std::vector<Rewrite>& rewrites) {
  constexpr size_t kRows = 400;
  for (size_t at = 0; at < rewrites.size(); at += kRows) {
    const size_t n = std::min(kRows, rewrites.size() - at);
    std::string insert = "INSERT INTO nm_learned (key, time) VALUES ";
    std::string remove = "DELETE FROM nm_learned WHERE key IN (";
    std::vector<Param> insert_params, remove_params;
    std::unordered_set<std::string_view> seen;  // two old forms of one key
    for (size_t j = 0; j < n; ++j) {
      const Rewrite& r = rewrites[at + j];
      remove.append(j ? ", $" : "$").append(std::to_string(j + 1));
      remove_params.emplace_back(r.from);
      if (!seen.insert(r.to).second) continue;
      const size_t k = insert_params.size();
      insert.append(k ? ", " : "").append("($").append(std::to_string(k + 1));
      insert.append(", $").append(std::to_string(k + 2)).append(")");
      insert_params.emplace_back(r.to);
      insert_params.emplace_back(r.time);
    }
    NM_RETURN_IF_ERROR(conn.Exec("migration 6: fold learned keys",
                                 insert + " ON CONFLICT (key) DO NOTHING", insert_params));
    NM_RETURN_IF_ERROR(
        conn.Exec("migration 6: drop unfolded keys", remove + ")", remove_params));
  }
  return Status::Ok();
}

}  // namespace

Status FoldLearnedKeys(Connection& conn) {
  // Keys with a capital letter anywhere (lower() folds at least ASCII on
  // both backends): a cheap first cut, FoldStoredKey decides. In key order
  // from the last one read; a folded key inserted ahead of the cursor is
  // read again and left as it is.
  constexpr int64_t kPage = 2000;
  std::string after;
  for (;;) {
    NM_ASSIGN_OR_RETURN(
        std::vector<Row> rows,
        conn.Query("migration 6: read learned keys",
                   "SELECT key, time FROM nm_learned WHERE key > $1 AND "
                   "substr(key, 1, 6) = 'msgid:' AND key <> lower(key) ORDER BY key LIMIT $2",
                   {after, kPage}));
    std::vector<Rewrite> rewrites;
    for (const Row& r : rows) {
      std::string folded = FoldStoredKey(r[0]);
      if (folded != r[0]) rewrites.push_back({r[0], std::move(folded), ToInt(r[1])});
    }
    NM_RETURN_IF_ERROR(Apply(conn, rewrites));
    if (rows.size() < static_cast<size_t>(kPage)) return Status::Ok();
    after = rows.back()[0];
  }
}

}  // namespace nearmiss::store
