// HeldClaims: one release or delete at a time of one held message, across
// every `nearmiss serve` node that shares the store. The sender's confirm
// links and the admins' console act on the same held messages; without a
// claim a delete and a release of one message ran side by side and both
// answered success (the issue-14 tester's round 4, defect 2).
//
// A claim is a row "held:<queue id>" in the store's single-use table
// (Store::UseLink, an atomic INSERT ... ON CONFLICT DO NOTHING on SQLite
// and PostgreSQL alike), given back (Store::ReturnLink) when the action
// ends, whatever its outcome; it lapses after kClaimSeconds if the node
// died holding it. With no store, claims are this process's own.
//
// Thread safety: all methods may be called from any number of threads.
#ifndef NEARMISS_HTTP_HELD_CLAIM_H_
#define NEARMISS_HTTP_HELD_CLAIM_H_

#include <cstdint>
#include <mutex>
#include <set>
#include <string>
#include <string_view>

#include "nearmiss/status.h"
#include "nearmiss/store.h"

namespace nearmiss::http {

// Longer than any postsuper run (PostfixOptions::timeout, 15 s) by far.
inline constexpr int64_t kClaimSeconds = 600;

class HeldClaims {
 public:
  explicit HeldClaims(Store* store) : store_(store) {}

  // True when this caller now holds `queue_id`'s claim; false when another
  // action holds it (answer 409); an error when the store cannot be reached.
  // `now`: unix seconds.
  Result<bool> Claim(std::string_view queue_id, int64_t now);
  // Gives the claim back; logged when the store refuses (the claim then
  // lapses after kClaimSeconds).
  void Give(std::string_view queue_id);

 private:
  static std::string Key(std::string_view queue_id);

  Store* store_;  // may be null
  std::mutex mu_;
  std::set<std::string, std::less<>> local_;  // no store: the claims held here
};

}  // namespace nearmiss::http

#endif  // NEARMISS_HTTP_HELD_CLAIM_H_
