#include "lookalike/slip_score.h"

#include <algorithm>
#include <cmath>

#include "address/idna.h"
#include "lookalike/domain_labels.h"
#include "lookalike/keyboard.h"

namespace nearmiss::lookalike {

std::string TargetUnder(const Entry& e, std::string_view covered) {
  if (!e.is_namespace) return e.domain;
  return std::string(LastLabels(covered, LabelCount(e.domain) + 1));
}

std::string SuffixDetail(std::string_view typed_ascii, std::string_view intended_ascii) {
  bool tld = typed_ascii.find('.') == std::string_view::npos &&
             intended_ascii.find('.') == std::string_view::npos;
  // An IDN ending is read and edited as its U-label (.ру for .рф), never
  // as the letters of its A-label (xn--p1ag).
  const std::string typed = address::ShownAddress(typed_ascii);
  const std::string intended = address::ShownAddress(intended_ascii);
  std::string what = Join(tld ? "the TLD ." : "the ending .", typed);
  Edit e = DescribeEdit(typed, intended);
  if (e.kind == EditKind::kOther) return what + " stands where ." + std::string(intended) + " belongs";
  return what + " " + e.detail;
}

int SuffixDistance(std::string_view typed_ascii, std::string_view intended_ascii, int limit) {
  if (typed_ascii.find("xn--") == std::string_view::npos &&
      intended_ascii.find("xn--") == std::string_view::npos) {
    return BoundedDamerau(typed_ascii, intended_ascii, limit);
  }
  return BoundedDamerau(address::ShownAddress(typed_ascii), address::ShownAddress(intended_ascii),
                        limit);
}

ReasonCode CodeFor(EditKind kind) {
  switch (kind) {
    case EditKind::kDotDropped:
    case EditKind::kDotAsHyphen: return ReasonCode::kDotOmission;
    case EditKind::kDotAdded: return ReasonCode::kDotInsertion;
    case EditKind::kHyphenAdded:
    case EditKind::kHyphenDropped: return ReasonCode::kHyphenation;
    case EditKind::kBitFlip: return ReasonCode::kBitsquat;
    default: return ReasonCode::kLabelTypo;
  }
}

bool Declared(TrustSource s) {
  return s == TrustSource::kOrganisation || s == TrustSource::kProtected;
}

bool DoubledLetterDropped(std::string_view typed, std::string_view intended) {
  if (typed.size() + 1 != intended.size()) return false;
  for (size_t i = 0; i + 1 < intended.size(); ++i) {
    if (intended[i] == intended[i + 1] && typed.substr(0, i) == intended.substr(0, i) &&
        typed.substr(i) == intended.substr(i + 1)) {
      return true;
    }
  }
  return false;
}

double TypoScore(size_t len, const Edit& e, bool declared, bool doubled_dropped) {
  switch (e.kind) {
    case EditKind::kDotDropped:
    case EditKind::kDotAdded:
    case EditKind::kDotAsHyphen: return 0.85;
    case EditKind::kHyphenAdded:
    case EditKind::kHyphenDropped: return 0.8;
    default: break;
  }
  if (len <= 2) return 0.3;  // me.com, pm.me: every neighbour is real
  double score = len <= 3 ? 0.45 : len == 4 ? 0.55 : len == 5 ? 0.65 : 0.8;
  if (declared && len <= 4) score += 0.1;
  if (e.adjacent_keys || e.kind == EditKind::kTransposition || e.kind == EditKind::kRepetition ||
      doubled_dropped) {
    score += 0.1;
  }
  return std::min(score, 0.97);
}

bool StrongGlyphs(std::string_view typed, std::string_view intended) {
  auto strong = [](char c) {
    switch (c) {
      case '0': return 'o';
      case '1': case 'i': case '|': return 'l';
      default: return c;
    }
  };
  if (typed.size() != intended.size()) return false;  // pairs: not one letter
  for (size_t i = 0; i < typed.size(); ++i) {
    if (strong(typed[i]) != strong(intended[i])) return false;
  }
  return true;
}

double TargetPrior(uint32_t position) { return 1.0 / (1.0 + position / 100.0); }

double OrganisationPrior(int64_t messages) {
  return messages <= 0 ? 1.0 : 1.0 + std::log10(1.0 + static_cast<double>(messages));
}

double SlipLikelihood(std::string_view typed, std::string_view intended) {
  // Cut short: the sender stopped typing (gmail.co, gmail.c). Not when one
  // letter of the last label is left (hotmail.co.k): "k" is .kr cut as
  // much as .uk with its first letter left out, and the plain omission's
  // likelihood leaves the targets' priors to rank them (.co.uk first; issue
  // 15, fresh tester 15, item 10).
  const size_t last_dot = typed.rfind('.');
  const bool one_letter_left = last_dot != std::string_view::npos && typed.size() - last_dot == 2;
  if (intended.size() > typed.size() && intended.starts_with(typed) && !one_letter_left) {
    return 0.95;
  }
  Edit e = ClassifyEdit(typed, intended);
  switch (e.kind) {
    case EditKind::kNone: return 1;
    case EditKind::kTransposition:
    case EditKind::kRepetition: return 0.9;
    case EditKind::kOmission: return DoubledLetterDropped(typed, intended) ? 0.9 : 0.8;
    case EditKind::kDotDropped:
    case EditKind::kDotAdded:
    case EditKind::kDotAsHyphen:
    case EditKind::kHyphenAdded:
    case EditKind::kHyphenDropped: return 0.8;
    case EditKind::kReplacement:
    case EditKind::kVowelSwap:
    case EditKind::kBitFlip: {
      size_t at = 0;
      while (at < typed.size() && typed[at] == intended[at]) ++at;
      double d = at < typed.size() ? KeyDistance(typed[at], intended[at]) : -1;
      // Neighbours (d about 1) as likely as a letter left out; each key
      // further off less so.
      if (d < 0) return 0.4;
      return std::max(0.3, 0.8 - 0.1 * std::max(0.0, d - 1.15));
    }
    case EditKind::kInsertion: return e.adjacent_keys ? 0.7 : 0.5;
    case EditKind::kPlural: return 0.6;
    case EditKind::kOther: break;
  }
  return 0.2;
}

}  // namespace nearmiss::lookalike
