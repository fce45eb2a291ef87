// Ranking the candidates of one Classify: Offer keeps the best and the
// runner-up with another target, by score, then by how likely the slip and
// its target are (slip_score.h), then by trust. Split from
// detector_classify.cc, which asks the finders and builds the answer.
#include <algorithm>

#include "nearmiss/address.h"
#include "lookalike/detector.h"
#include "lookalike/domain_labels.h"
#include "lookalike/slip_score.h"

namespace nearmiss::lookalike {
namespace {

// `c` becomes the runner-up of `best`, offered beside it when close.
// `c` may be `best`'s own candidate part, moved from.
void KeepAsRunnerUp(Candidate&& c, Best& best) {
  best.alt_score = c.score;
  best.alt_target = std::move(c.target);
  best.alt_suggestion = std::move(c.suggestion);
  best.alt_id = c.id;
  best.alt_code = c.code;
  best.alt_detail = std::move(c.detail);
}

}  // namespace

bool DetectorImpl::UnlistedDotMove(std::string_view typed, const std::string& alt) const {
  // navy.imil read as navyi.mil: a name no list holds, made up by moving
  // the dot, is no second choice beside the namespace slip (navy.mil)
  // (issue 15 breaker, round 3, item 12).
  if (alt.empty() || set_.Exact(alt).has_value()) return false;
  std::string flat_typed(typed), flat_alt(alt);
  std::erase(flat_typed, '.');
  std::erase(flat_alt, '.');
  return flat_typed == flat_alt;
}

const SuffixConfusion* DetectorImpl::Confusion(std::string_view typed,
                                               std::string_view intended) const {
  std::string key = Join(typed, std::string_view("\0", 1));
  key += intended;
  auto it = confusions_.find(key);
  return it == confusions_.end() ? nullptr : &it->second;
}

void DetectorImpl::Offer(Candidate c, Best& best) const {
  constexpr double kEpsilon = kScoreEpsilon;
  if (Outranked(c.score, best)) return;
  // A provider is trusted exactly: a subdomain of it (mail.gmail.com) is no
  // trusted name, and suggesting one sends the sender to a second warning.
  // The slip was in the name the provider owns: suggest that.
  // Unless the name with its host is a mail domain of its own
  // (poczta.onet.eu, Onet's, for poczta.onet.ru; issue 15, round 33,
  // item 9): that one is meant.
  if (!set_[c.id].covers_subdomains() && c.suggestion != c.target &&
      c.suggestion.ends_with(Join(".", c.target))) {
    if (std::optional<uint32_t> own = set_.Exact(c.suggestion); own && !set_[*own].is_namespace) {
      c.id = *own;
      c.target = c.suggestion;
    } else {
      c.suggestion = c.target;
    }
  }
  // Never suggest what cannot be a mail domain: a public suffix (gov.uk for
  // gov.uk.com) or a namespace itself. Only a namespace's candidate can be
  // one: any other suggestion holds a trusted domain, so the lookups (a
  // third of a check's time with a million names) are spared there.
  if (set_[c.id].is_namespace && !c.suggestion.empty()) {
    if (IsPublicSuffix(c.suggestion)) return;
    if (std::optional<uint32_t> ns = set_.Exact(c.suggestion); ns && set_[*ns].is_namespace) return;
  }
  bool better = c.score >= best.score - kEpsilon;
  double likelihood = -1;
  if (better && c.score <= best.score + kEpsilon && best.code.has_value()) {
    // Alike in score: the likelier intent names the target: how likely the
    // slip is (slip_score.h) times how often the target is meant (its place
    // in the lists, TargetPrior, and how often the organisation writes to
    // it, OrganisationPrior), then the stronger trust, then the earlier entry.
    if (best.likelihood < 0) {
      best.likelihood = SlipLikelihood(best.typed, best.suggestion) * TargetPrior(best.id) *
                        OrganisationPriorOf(best.id, best.target);
    }
    likelihood = SlipLikelihood(best.typed, c.suggestion) * TargetPrior(c.id) *
                 OrganisationPriorOf(c.id, c.target);
    if (likelihood != best.likelihood) {
      better = likelihood > best.likelihood;
    } else {
      int a = TrustStrength(set_[c.id].source), b = TrustStrength(set_[best.id].source);
      if (a > b || (a == b && c.id >= best.id)) better = false;
    }
  }
  // The runner-up with another target is kept: when it is about as likely
  // (yahoo.com.t: .tr or .tw), the sender is offered both.
  if (!better) {
    // The same suggestion by another reading is no second choice
    // (ramstein.af.mik: ramstein.af.mil twice, issue 15, fresh tester, item 11).
    // Or one the organisation writes to more than to the runner-up kept
    // (live.co: live.co.uk, written to, before live.co.za; round 52's
    // tester, finding 8).
    if (c.code && c.target != best.target && c.suggestion != best.suggestion &&
        (c.score > best.alt_score ||
         (best.alt_code && c.score >= options_.threshold &&
          OrganisationPriorOf(c.id, c.target) > OrganisationPriorOf(best.alt_id, best.alt_target)))) {
      KeepAsRunnerUp(std::move(c), best);
    }
    return;
  }
  if (best.code && best.target != c.target && best.suggestion != c.suggestion &&
      best.score > best.alt_score) {
    KeepAsRunnerUp(std::move(static_cast<Candidate&>(best)), best);
  } else if (best.alt_target == c.target) {
    best.alt_score = 0;
    best.alt_target.clear();
    best.alt_suggestion.clear();
    best.alt_code.reset();
    best.alt_detail.clear();
  }
  static_cast<Candidate&>(best) = std::move(c);
  best.likelihood = likelihood;
}

void DetectorImpl::PreferTrustedUnderTypedEnding(const Query& q, Best& best) const {
  if (!best.code || !best.alt_code || !set_[best.id].is_namespace) return;
  const Entry& alt = set_[best.alt_id];
  if (alt.is_namespace || alt.suffix() != q.domain->suffix || alt.domain != best.alt_target) return;
  // One slip in the whole name (partnr for partner), and the namespace
  // reading one in the ending: example.mil.com stays example.mil's
  // (suffix-append), never mail.com's.
  if (*best.code != ReasonCode::kSuffixEdit || BoundedDamerau(q.name, alt.name(), 1) > 1) return;
  // A listed name under the namespace (army.mil of army.ml) stays meant.
  if (set_.Exact(best.target) || known_under_namespace_.contains(best.target)) return;
  Candidate trusted{best.alt_id, best.alt_code, std::move(best.alt_detail), std::move(best.alt_target),
                    std::move(best.alt_suggestion), std::max(best.alt_score, best.score)};
  KeepAsRunnerUp(std::move(static_cast<Candidate&>(best)), best);
  static_cast<Candidate&>(best) = std::move(trusted);
  best.likelihood = -1;
}

bool DetectorImpl::PromoteStricterRunnerUp(Best& best) const {
  if (!best.code || !best.alt_code || best.alt_suggestion.empty() ||
      best.alt_score < options_.threshold) {
    return false;
  }
  const Entry& alt = set_[best.alt_id];
  if (!Declared(alt.source) || Declared(set_[best.id].source)) return false;
  // A reading of a namespace by letter count names no one's domain
  // (partner.mil for partner.ml): nothing stricter is meant there.
  if (alt.is_namespace && !NamespaceNameKnown(best.alt_target)) return false;
  SwapWithRunnerUp(best);
  // The score says how sure the domain is a look-alike: the surer reading's.
  best.score = std::max(best.score, best.alt_score);
  best.likelihood = -1;
  return true;
}

}  // namespace nearmiss::lookalike
