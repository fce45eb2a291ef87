// Candidates from a misplaced dot: the dot typed one letter early or late,
// or once too often, wherever that leaves the ending. Where the slip lands
// on a TLD that exists (gmailc.om: Oman; armym.il: Israel) it is as much a
// slip as where it lands on none (gmai.lcom), and the typo index cannot see
// it: the two spellings have different suffixes.
#include <algorithm>
#include <optional>

#include "address/root_zone.h"
#include "lookalike/detector.h"
#include "lookalike/domain_labels.h"

namespace nearmiss::lookalike {
namespace {

// Only the dots of the ending: a slip there changes where the mail goes;
// the host labels before a long name are rarely typed by hand. Also bounds
// the lookups per check.
constexpr int kDotsFromTheEnd = 3;

// A dot typed inside the TLD (yahoo.com.b.r, bigpond.com.a.u) where the
// TLD made whole gives a trusted domain: one keystroke from it, above the
// reading of the name before the dot as a whole trusted domain with the
// rest added (yahoo.com with ".b.r", three keystrokes; 0.9,
// EmbeddedDomainCandidates). No TLD has one letter, so nothing can be
// delivered at the name typed (tester 15-b, finding 2).
constexpr double kSplitTldRestored = 0.92;

// Above a slip of a namespace's ending into a made-up name (0.93,
// NamespaceCandidates), below one into a name the lists hold (0.94).
constexpr double kKnownNameRestored = 0.935;

// us.armyemil, interieuregouv.fr: a letter typed where the dot of a listed
// name belongs (us.army.mil, interieur.gouv.fr), in one of the last two
// labels. The reading that only adds the dot keeps the stray letter in a
// made-up name under a namespace check trusts (us.armye.mil,
// interieure.gouv.fr; round 53's tester, finding 3). Only a name the lists
// hold is offered: any letter of any name is one for a dot somewhere.
template <typename Known, typename Offer>
void LetterForDot(std::string_view ascii, std::string& variant, Known known, Offer offer) {
  const size_t last = ascii.rfind('.');
  if (last == std::string_view::npos) return;
  const size_t prev = last == 0 ? std::string_view::npos : ascii.rfind('.', last - 1);
  const size_t from = prev == std::string_view::npos ? 0 : prev + 1;
  for (size_t i = from + 2; i + 2 < ascii.size(); ++i) {
    // Two letters at least on each side of the dot put in.
    // A hyphen for the dot (us-bank.com, hmrc-gov.uk) is the hyphen
    // readings' (dot-omission), said as such.
    if (ascii[i] == '-' || ascii[i] == '.' || ascii[i - 1] == '.' || ascii[i + 1] == '.' ||
        ascii[i - 2] == '.' || ascii[i + 2] == '.') {
      continue;
    }
    variant.assign(ascii);
    variant[i] = '.';
    if (!known(variant)) continue;
    const char typed = ascii[i];
    offer([typed] { return std::string("has '") + typed + "' where a dot belongs"; }, 0.9);
  }
}

}  // namespace

void DetectorImpl::DotShiftCandidates(const Query& q, Best& best) const {
  std::string_view ascii = q.domain->ascii;
  // Reused: most variants are trusted by nothing, and a check should not
  // allocate for them.
  thread_local std::string variant;
  // `detail()` makes the sentence, only for a variant that is trusted.
  // The label typed before the dot moved, when it is a provider's name:
  // gmail.mmil is no gmailm.mil, as a provider's name is never read as a
  // name under a namespace (issue 15, breaker 15 round 6, defect 7).
  bool provider_typed = false;
  // Nothing can be delivered under a TLD the root zone lacks (ss.agov): no
  // typed name is kept there either way.
  const bool undelegated = !address::HasDelegatedTld(LastLabel(ascii));
  // `kept`: the reading that keeps the typed name and edits the letter
  // beside the dot instead (ss.gov for ss.agov, ssag.gov for ssag.ov).
  auto offer = [&](auto detail, double score, std::string_view kept = {}) {
    std::optional<uint32_t> id = set_.TrustedBy(variant);
    // A namespace itself (gov.uk for go.vuk) is no mail domain.
    if (!id || (set_[*id].is_namespace && set_[*id].domain == variant)) return;
    if (set_[*id].is_namespace && provider_typed) return;
    // Under a namespace every name is trusted, so a moved dot always makes
    // one (navyi.mil for navy.imil): there the reading that keeps the
    // typed name (a letter added to the ending) is the likelier one.
    // Unless the moved dot restores a name the lists hold there (mo.dgov.uk:
    // mod.gov.uk, not a made-up mo.gov.uk; us.a.fmil: us.af.mil): that name
    // is the likelier one (issue 15, round 42, tester item 20).
    // Under a TLD the root zone lacks, with neither reading a name the
    // lists hold, the moved dot is the likelier slip: it keeps every letter
    // typed, where the other reading keeps one in the wrong label
    // (ssag.ov: ssa.gov, not ssag.gov; ss.agov: ssa.gov, not ss.gov), and
    // that reading stays the second offer (round 53's tester, finding 3).
    // A name the lists hold restored ranks above a slip of the ending that
    // keeps a made-up name (modg.ov.uk: mod.gov.uk, the dot one letter
    // late, over modg.gov.uk, a 'g' left out of .gov.uk, 0.93; round 54's
    // tester 15, finding 3): the suggestion must be a real name.
    if (set_[*id].is_namespace) {
      const bool known = NameOrParentKnown(variant);
      if (known && !NameOrParentKnown(ascii)) {
        score = std::max(score + 0.02, kKnownNameRestored);
      } else if (!known && undelegated && !kept.empty() && !NameOrParentKnown(kept)) {
        score += 0.01;
      } else {
        score = std::min(score, 0.85);
      }
    }
    Offer({*id, ReasonCode::kDotInsertion, detail(), TargetUnder(set_[*id], variant), variant,
           score},
          best);
  };
  int seen = 0;
  for (size_t at = ascii.rfind('.'); at != std::string_view::npos && at > 0 && seen < kDotsFromTheEnd;
       at = ascii.rfind('.', at - 1), ++seen) {
    const std::string_view before = ascii.substr(0, at);
    const std::string_view after = ascii.substr(at + 1);
    const std::string_view left = LastLabel(before);
    const std::string_view right = after.substr(0, after.find('.'));
    if (left.empty() || right.empty()) continue;
    provider_typed = families_.contains(std::string(left));
    // hotmail.c.om, army.mi.l, hmrc.go.v.uk: one dot too many.
    if (before.find('.') != std::string_view::npos || after.find('.') != std::string_view::npos) {
      variant.assign(before).append(after);
      // As sure as the name's own dot-insertion class (g.mail.com), which
      // keeps its wording where both find the slip; surer when the dot
      // split the TLD and the domain made whole is declared itself.
      const bool split_tld = seen == 0 && undelegated;
      std::optional<uint32_t> own;
      if (split_tld) own = set_.Exact(variant);
      offer(
          [&] {
            std::string detail = "has a dot between '";
            detail.append(left).append("' and '").append(right).append("' where none belongs");
            return detail;
          },
          own && !set_[*own].is_namespace ? kSplitTldRestored : 0.85);
    }
    // gmailc.om, armym.il, yahooc.o.uk: the dot one letter late.
    if (left.size() >= 2) {
      std::string kept(before);
      kept.append(1, '.').append(1, left.back()).append(after);
      variant.assign(ascii);
      std::swap(variant[at], variant[at - 1]);
      offer([] { return std::string("the dot is one letter late"); }, 0.9, kept);
    }
    // gmai.lcom, hotmai.lcom: the dot one letter early.
    if (right.size() >= 2) {
      std::string kept(before);
      kept.append(1, '.').append(after.substr(1));
      variant.assign(ascii);
      std::swap(variant[at], variant[at + 1]);
      offer([] { return std::string("the dot is one letter early"); }, 0.9, kept);
    }
    // armymi.l: the last dot two letters late, into a TLD the root zone
    // lacks, so no mail can go there and only the suggestion is at stake
    // (army.mil; issue 15, round 44's tester, finding 11). Not for a TLD
    // that exists: a name two letters longer there is another's.
    if (seen == 0 && left.size() >= 3 && !address::HasDelegatedTld(right)) {
      variant.assign(ascii);
      variant.erase(at, 1).insert(at - 2, 1, '.');
      offer([] { return std::string("the dot is two letters late"); }, 0.85);
    }
  }
  LetterForDot(ascii, variant,
               [&](const std::string& v) {
                 if (NamespaceNameKnown(v)) return true;
                 const std::optional<uint32_t> own = set_.Exact(v);
                 return own && !set_[*own].is_namespace;
               },
               offer);
}

}  // namespace nearmiss::lookalike
