// What AddressIndex (address_typo.h) finds and counts: a Slip, the
// frequent address a never-seen one resembles and how; a Tally, how often
// an address was written to; the bounds on crowded domains, blends and rare
// addresses. Split from address_typo.h in round 63 without change of
// behaviour; address_typo.h includes it, so its users see no difference.
//
// Shapes: addresses are the canonical "local@ascii-domain" the engine
// writes (RecipientCheck::address); counts are messages, times unix
// seconds (0: undated). Ownership: value types owning their strings.
// Thread safety: values; Tally::Merge mutates only its own. Errors: none
// raised. Rules: the kinds are the public AddressTypoKind
// (nearmiss/verdict.h); the bounds are measured (bench/relationships, the
// issue-14 tester's new contacts) and the file comment of address_typo.h
// says where each applies.
#ifndef NEARMISS_ENGINE_ADDRESS_SLIP_H_
#define NEARMISS_ENGINE_ADDRESS_SLIP_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "nearmiss/verdict.h"

namespace nearmiss::engine {

// How a typed local part differs from the frequent one: the public
// AddressTypoKind (nearmiss/verdict.h), whose names the policy's
// `address_typo_kind` matches; KindDetail (address_typo_shape.h) writes
// the address-typo reason's clause for each.
using SlipKind = AddressTypoKind;

// Frequent addresses at one domain of the list asked beyond which the
// domain is crowded (see the file comment of address_typo.h).
inline constexpr size_t kCrowdedDomain = 50;

// Frequent addresses at one domain of the list asked beyond which a blend
// of two of them (kind blended-names) is not looked for: among more
// people, a new colleague shares a given name with one and a family name
// with another too often (bench/relationships, new contacts).
inline constexpr size_t kBlendMostFrequent = 12;

// A rare address (written to, but fewer than address_typo_min_messages
// times: one Sent copy of a past slip) is still a slip of a frequent
// address written to at least this many times as often: 1 against 5, 2
// against 10 (engine_history.cc).
inline constexpr int64_t kRareRatio = 5;

// How often an address was written to (by everyone here, or by one
// sender), and the dates of the first and the last message (unix seconds;
// 0 and 0: the history gave none).
struct Tally {
  int64_t messages = 0;
  int64_t first_seen = 0;
  int64_t last_seen = 0;
  void Merge(const Tally& other);
};

// "written to 8 times, last on 2026-09-22" ("1 time"; no date when
// `last_seen` is 0): the count clause of every address-typo detail.
std::string WrittenClause(int64_t messages, int64_t last_seen);

struct Slip {
  std::string known;   // the frequent address it resembles
  int64_t messages = 0;  // written to it (by the scope's senders)
  SlipKind kind = SlipKind::kEdit;
  int edits = 0;       // kEdit: 1 or 2
  double score = 0;    // confidence in [0, 1]
  std::string detail;  // the sentence's clause (address-typo reason)
  int64_t last_seen = 0;  // the last message to `known` (0: undated)
  // A second frequent address that fits as well ("J. Smith" on info@ for
  // john.smith and jane.smith alike), offered beside `known`; or "".
  std::string also{};
};

}  // namespace nearmiss::engine

#endif  // NEARMISS_ENGINE_ADDRESS_SLIP_H_
