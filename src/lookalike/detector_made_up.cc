// A namespace's reading that names what no one has (proton.mil of
// proton.ml, armymil.mil of armymil.ml, gmailcom.mil of gmailcom.ml) turned
// to the real domain the sender meant (issue 15, fresh tester 15, items 6
// and 7). The issue asks never to suggest a name that is itself invalid
// (mail.mil.mil); a made-up .mil name is as useless to the sender, and
// refused outright it hides the provider they wrote to.
//
// What is real, in order:
//  1. a trusted domain whose name is the typed name exactly (proton.me,
//     live.nl, o2.pl, ing.nl): a provider's or a partner's name is never
//     read as a name under a namespace (README); of several, the one whose
//     ending is fewest edits from the typed one (live.nl for live.ml);
//  2. a trusted domain the typed name is with its dots left out or made
//     hyphens (army.mil of armymil and army-mil, gmail.com of gmailcom,
//     hmrc.gov.uk of hmrc-gov-uk): DotlessMatch, as for a name typed alone.
// A name neither explains (johnsmith.ml) keeps the namespace's reading:
// the ending's repair is then the only thing to say.
#include <algorithm>
#include <string>

#include "lookalike/detector.h"
#include "lookalike/domain_labels.h"
#include "lookalike/slip_score.h"

namespace nearmiss::lookalike {
namespace {

// Above the namespace's reading it replaces (a .ml slip scores 0.95).
constexpr double kRealNameScore = 0.95;

}  // namespace

std::optional<uint32_t> DetectorImpl::JoinedName(std::string_view name,
                                                 std::string_view dsuf) const {
  if (dsuf.find('.') != std::string_view::npos) return std::nullopt;
  const std::string joined = Join(name, dsuf);
  // A provider's coined name first (its home), then a declared domain of
  // that name.
  if (auto f = families_.find(joined); f != families_.end()) {
    if (auto home = set_.Exact(f->second.home)) return home;
  }
  std::optional<uint32_t> found;
  by_name_.Find(HashKey(joined), [&](uint32_t id) {
    const Entry& e = set_[id];
    if (found || e.name() != joined || e.is_namespace || !Declared(e.source)) return;
    found = id;
  });
  return found;
}

std::optional<uint32_t> DetectorImpl::JoinedUnderPrefix(const Query& q, std::string_view name,
                                                        std::string_view dsuf) const {
  if (q.prefix.empty() || dsuf.find('.') != std::string_view::npos) return std::nullopt;
  const std::string whole = Join(q.prefix, Join(name, dsuf));
  const std::optional<uint32_t> id = set_.TrustedBy(whole);
  // Under a namespace the joined label must be the namespace's last (gov
  // of ssa.gov), not any name under it, which a dot anywhere makes.
  if (!id || (set_[*id].is_namespace && (set_[*id].domain == whole ||
                                         LastLabel(whole) != LastLabel(set_[*id].domain)))) {
    return std::nullopt;
  }
  return id;
}

bool DetectorImpl::RealNameForMadeUp(const Query& q, Best& best) const {
  const std::string_view name = q.reg_label, dsuf = q.domain->suffix;
  // Only the typed name's own reading (proton.mil of proton.ml), not a
  // name before another ending (hmrc.gov of hmrc.gov.com: the gov of it is
  // no name typed; RetargetMadeUpName's case).
  if (name.empty() || !best.target.starts_with(Join(name, "."))) return false;
  std::optional<uint32_t> nearest;
  int nearest_distance = 0;
  by_name_.Find(HashKey(name), [&](uint32_t id) {
    const Entry& e = set_[id];
    if (e.name() != name || e.is_namespace || e.suffix() == dsuf) return;
    const int distance = SuffixDistance(dsuf, e.suffix(), 8);
    if (!nearest || distance < nearest_distance ||
        (distance == nearest_distance &&
         TargetPrior(id) > TargetPrior(*nearest))) {
      nearest = id;
      nearest_distance = distance;
    }
  });
  std::string detail;
  std::optional<ReasonCode> code;
  std::string meant;
  if (nearest) {
    const Entry& e = set_[*nearest];
    meant = e.domain;
    code =
        nearest_distance <= 1 ? ReasonCode::kSuffixEdit : ReasonCode::kTldSwap;
    detail = nearest_distance <= 1 ? SuffixDetail(dsuf, e.suffix())
                                   : "has ." + std::string(dsuf) + " for ." +
                                         std::string(e.suffix());
    detail.append("; ").append(best.target).append(" is no name anyone has");
  } else if (std::optional<uint32_t> under = JoinedUnderPrefix(q, name, dsuf)) {
    // ssa.g.ov, irs.g.ov: ssa.gov with a dot typed too many. The name
    // before is kept: gov.scot, the trusted domain named "gov", is no
    // reading of a name that already has one (round 54's tester 15,
    // finding 3).
    nearest = under;
    meant = Join(name, dsuf);
    code = ReasonCode::kDotInsertion;
    detail.assign("has a dot between '").append(name).append("' and '").append(dsuf);
    detail.append("' where none belongs; ").append(best.target).append(" is no name anyone has");
  } else if (std::optional<uint32_t> joined = JoinedName(name, dsuf)) {
    // hot.mail, g.mail: hotmail and gmail with a dot typed in and the
    // ending left off; hot.mil is no one's (round 48's tester 15, finding 4).
    nearest = joined;
    meant = set_[*joined].domain;
    code = ReasonCode::kDotInsertion;
    detail.assign(name).append(dsuf).append(" typed with a dot in it and its ending left off; ");
    detail.append(meant).append(" is the trusted domain of that name; ").append(best.target);
    detail += " is no name anyone has";
  } else {
    // hmrc-gov-uk: every hyphen a dot first (DotlessSlipMatch allows one
    // slip only, and three hyphens are the same habit thrice).
    std::string dotted(name);
    std::replace(dotted.begin(), dotted.end(), '-', '.');
    std::optional<uint32_t> id;
    if (dotted != name && (id = set_.TrustedBy(dotted)) &&
        (!set_[*id].is_namespace ||
         (set_[*id].domain != dotted && NameOrParentKnown(dotted)))) {
      meant = dotted;
    } else {
      Domain plain;
      plain.ascii = std::string(name);
      plain.unicode = plain.ascii;
      LookalikeMatch m;
      // Its dots left out, not the bare name with no ending (state of
      // state.ml is no state.gov typed without its dot).
      if (!DotlessMatch(plain, m) ||
          m.kind != LookalikeMatch::Kind::kLookalike ||
          m.code == ReasonCode::kSuffixDrop ||
          m.target_domain_for_suggestion.empty()) {
        return false;
      }
      meant = m.target_domain_for_suggestion;
    }
    nearest = set_.TrustedBy(meant);
    if (!nearest) return false;
    code = name.find('-') != std::string_view::npos ? ReasonCode::kHyphenation
                                                    : ReasonCode::kDotOmission;
    detail = "is " + meant;
    detail += name.find('-') != std::string_view::npos
                  ? " with its dots made hyphens"
                  : " with its dots left out";
    detail.append(" and .").append(dsuf).append(" added; ").append(best.target);
    detail += " is no name anyone has";
  }
  best.id = *nearest;
  best.code = code;
  best.detail = std::move(detail);
  const std::string whole = Join(q.prefix, meant);
  // The joined name under its prefix is what is trusted (ssa.gov).
  best.target = TargetUnder(set_[*nearest], code == ReasonCode::kDotInsertion &&
                                                    set_[*nearest].is_namespace
                                                ? whole
                                                : meant);
  best.suggestion = whole;
  best.score = std::max(best.score, kRealNameScore);
  best.likelihood = -1;
  best.alt_code.reset();
  best.alt_suggestion.clear();
  best.alt_target.clear();
  best.alt_score = 0;
  return true;
}

}  // namespace nearmiss::lookalike
