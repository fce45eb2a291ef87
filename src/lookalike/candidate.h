// What one Classify works with: the Query (a recipient domain taken apart
// once), each Candidate explanation a finder offers, and the Best of them
// with its runner-up (detector_offer.cc ranks them). Split from
// detector.h. Plain values, owned by the Classify call that made them.
#ifndef NEARMISS_LOOKALIKE_CANDIDATE_H_
#define NEARMISS_LOOKALIKE_CANDIDATE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "nearmiss/address.h"
#include "nearmiss/lookalike.h"

namespace nearmiss::lookalike {

// A recipient domain, taken apart once per Classify.
struct Query {
  const Domain* domain;
  std::string_view name;       // ASCII part before ".suffix": "mail.gmial"
  std::string_view reg_label;  // last label of name: "gmial"
  std::string_view prefix;     // name before reg_label, with its dot: "mail."
  // The name as a reader sees it, ASCII where possible: `name` itself for
  // an ASCII domain, else a view of look_storage (so a Query is filled in
  // place, never copied).
  std::string_view look_name;
  std::string_view look_reg_label;
  // The name as typed, in Unicode ("münchen", "янлекс"); `name` when ASCII.
  std::string_view uni_name;
  std::string_view uni_reg_label;
  std::string look_storage;
  bool idn = false;
  // The last two labels when they are an open private zone of the PSL
  // (uk.com, us.com: address::IsOpenPrivateZone), and what is before them;
  // empty otherwise. Two finders ask, and the answer costs libpsl lookups.
  std::string_view open_zone, open_zone_head;
  // HashKey of the strings the name indexes are asked for, worked out once
  // (HashNames): with a big trusted set Classify prefetches their lines
  // before the finders look them up, and hashing each twice cost a check
  // at a million names some 400 instructions.
  uint64_t ascii_hash = 0, registrable_hash = 0, name_hash = 0, reg_label_hash = 0;
};

// One possible explanation; the best-scoring one is reported.
struct Candidate {
  uint32_t id = 0;            // the trusted entry
  std::optional<ReasonCode> code;  // unset: no candidate yet
  std::string detail;         // "the TLD is missing an 'i'"
  std::string target;         // the trusted domain it resembles
  std::string suggestion;     // the whole domain to suggest; "" for none (police.uk)
  double score = 0;
  // A real mail domain at the typed name (real-mail-domains.txt) is named
  // as the real neighbour it is, though the target is declared: the
  // reading is a guess at a whole zone moved (hmrc.co.uk), no slip of a
  // letter (MovedZoneCandidates).
  bool yields_to_real_domain = false;
};

// The best candidate so far, and the best with another target, kept so a
// close second can be offered too (Offer).
struct Best : Candidate {
  // The recipient domain as typed, and SlipLikelihood of it for the best
  // candidate's suggestion times TargetPrior (-1: not yet asked): ranks
  // candidates that score alike.
  std::string_view typed;
  double likelihood = -1;
  std::string alt_target;
  std::string alt_suggestion;
  double alt_score = 0;
  // The runner-up's entry, reason and sentence: Classify puts it first when
  // the organisation writes to it more (OrganisationPrior).
  uint32_t alt_id = 0;
  std::optional<ReasonCode> alt_code;
  std::string alt_detail;
};

// The runner-up becomes the best and the best the runner-up (likelihood
// is left for the caller).
inline void SwapWithRunnerUp(Best& best) {
  std::swap(best.id, best.alt_id);
  std::swap(best.target, best.alt_target);
  std::swap(best.suggestion, best.alt_suggestion);
  std::swap(best.detail, best.alt_detail);
  std::swap(best.code, best.alt_code);
  std::swap(best.score, best.alt_score);
}

// Scores closer than this are alike (Offer then weighs the slip's likelihood).
inline constexpr double kScoreEpsilon = 1e-9;

// Neither the best nor the runner-up: nothing Offer would weigh (most typo
// candidates of a big trusted set end here).
inline bool Outranked(double score, const Best& best) {
  return score < best.score - kScoreEpsilon && score <= best.alt_score;
}

}  // namespace nearmiss::lookalike

#endif  // NEARMISS_LOOKALIKE_CANDIDATE_H_
