// Candidates for a multi-label trusted name written as one registrable
// name: its dots made hyphens or left out, with an ending added
// (hmrc.gov-uk.com, hmrc-gov-uk.com, hmrc.govuk.com, yahoo-co-uk.com,
// navy-mil.us). JoinedCandidates (detector_name.cc) sees one dot changed;
// the commonest phishing form against UK government changes every dot of
// a suffix of several labels (issue 15, fresh tester, item 2).
#include <bit>
#include <string>
#include <vector>

#include "address/public_suffix.h"
#include "lookalike/detector.h"
#include "lookalike/domain_labels.h"

namespace nearmiss::lookalike {
namespace {

// Hyphens turned back into dots in at most 2^kMaxHyphens ways: the names
// of trusted domains have few labels, and a name with more hyphens is a
// sentence, not a slip.
constexpr int kMaxHyphens = 4;

}  // namespace

void DetectorImpl::HyphenatedEndingCandidates(const Query& q, Best& best) const {
  // `body`: the domain without `extra`, the ending added after the name.
  auto try_body = [&](std::string_view body, std::string_view extra) {
    std::vector<size_t> hyphens;
    for (size_t i = 0; i < body.size(); ++i) {
      if (body[i] == '-') hyphens.push_back(i);
    }
    if (hyphens.size() > kMaxHyphens) return;
    thread_local std::string variant;
    for (uint32_t mask = 0; mask < (1u << hyphens.size()); ++mask) {
      variant.assign(body);
      for (size_t h = 0; h < hyphens.size(); ++h) {
        if (mask & (1u << h)) variant[hyphens[h]] = '.';
      }
      // hmrc.govuk: a namespace of several labels with its dots left out,
      // as the last label.
      bool flat = false;
      const std::string_view last = LastLabel(variant);
      if (auto f = flat_namespaces_.find(last);
          f != flat_namespaces_.end() && variant.size() > last.size()) {
        variant.replace(variant.size() - last.size(), last.size(), namespaces_[f->second].ns);
        flat = true;
      }
      const int changed = std::popcount(mask) + (flat ? 1 : 0);
      if (changed == 0 || (extra.empty() && changed < 2)) continue;
      if (variant.find('.') == std::string::npos || variant.starts_with('.') ||
          variant.ends_with('.') || variant.find("..") != std::string::npos) {
        continue;
      }
      std::optional<uint32_t> id = set_.TrustedBy(variant);
      // A namespace or public suffix itself (gov-uk.com) is no one's name.
      if (!id || (set_[*id].is_namespace && set_[*id].domain == variant) ||
          IsPublicSuffix(variant)) {
        continue;
      }
      // One dot of a two-label name changed is JoinedCandidates'
      // (gmail-com.com) and, before a habitual ending, NamespaceCandidates'
      // (army-mil.com); navy-mil.us, a namespace's name before any other
      // ending, and hmrc.gov-uk.com, one dot of a longer name, are no one
      // else's.
      if (changed < 2 && !flat && LabelCount(variant) == 2 &&
          (!set_[*id].is_namespace || extra.empty() || IsHabitualSuffix(extra))) {
        continue;
      }
      std::string detail = flat                   ? "is missing the dots of its ending"
                           : std::popcount(mask) == 1 ? "has a hyphen where a dot of its ending belongs"
                                                      : "has hyphens where the dots of its ending belong";
      if (!extra.empty()) detail.append(" and ends in an extra .").append(extra);
      Offer({*id, ReasonCode::kDotOmission, std::move(detail), TargetUnder(set_[*id], variant),
             variant, extra.empty() ? 0.85 : 0.8},
            best);
    }
  };
  try_body(q.domain->ascii, {});
  try_body(q.name, q.domain->suffix);
  // barclayscouk.com, hotmailcouk.com, bankofenglandcouk.net: every dot of
  // a trusted name's two-label ending (co.uk, com.au) left out and an
  // ending added, the form a squatter registers for a UK bank; the hyphen
  // and one-dot forms above were caught, this one was external (issue 15,
  // round 42, tester item 5). The ending is the last two or three letters
  // before a country code; only a trusted name exactly.
  const std::string_view label = q.name;
  if (label.find('.') != std::string_view::npos || label.find('-') != std::string_view::npos) {
    return;
  }
  constexpr size_t kCountryCode = 2, kShortestName = 2;
  for (const size_t level : {size_t{2}, size_t{3}}) {
    if (label.size() < kShortestName + level + kCountryCode) continue;
    const size_t cc = label.size() - kCountryCode, at = cc - level;
    std::string variant(label.substr(0, at));
    variant.append(".").append(label.substr(at, level)).append(".").append(label.substr(cc));
    const std::optional<uint32_t> id = set_.Exact(variant);
    if (!id || set_[*id].is_namespace) continue;
    std::string detail = "is missing the dots of its ending and ends in an extra .";
    detail += q.domain->suffix;
    Offer({*id, ReasonCode::kDotOmission, std::move(detail), variant, variant, 0.8}, best);
  }
}

}  // namespace nearmiss::lookalike
