// Two slips at once across an ending of two labels: one in the name, one
// in the ending (barclsys.cp.uk for barclays.co.uk, yaho.co.ul for
// yahoo.co.uk, bigpnd.net.ai for bigpond.net.au; issue 15, round 33,
// item 5).
//
// The Public Suffix split does not show the name: cp.uk is a registrable
// name under .uk, so the query's suffix is "uk" and its name "cp". The
// last two labels are compared with each ending of two labels the trusted
// names have (two_label_suffixes_), and the label before them is searched
// under the ending it is one edit from, as TypoAndSuffixCandidates does for
// the habitual one-label endings (gmial.co).
#include <algorithm>
#include <string>

#include "address/public_suffix.h"
#include "address/root_zone.h"
#include "lookalike/detector.h"
#include "lookalike/domain_labels.h"
#include "lookalike/edit.h"
#include "lookalike/slip_score.h"

namespace nearmiss::lookalike {

void DetectorImpl::TypoAndMultiLabelSuffixCandidates(const Query& q, Best& best) const {
  // The names of look-alike letters are the homoglyph finders'; two slips
  // on top of them reach too far.
  if (q.idn || two_label_suffixes_.empty()) return;
  const std::string_view ascii = q.domain->ascii;
  std::string_view head, tail;
  if (!SplitTail(ascii, 2, head, tail)) return;
  const std::string_view label = LastLabel(head);
  // TypoCandidatesFor takes two slips only for a name of five letters or
  // more: typed with one left out, four.
  if (label.size() < 4) return;
  const std::string_view prefix = head.substr(0, head.size() - label.size());
  // Asked once, and only when an ending is near: a real ending of its own
  // (co.ug for co.uk, com.ar for com.au) is another country's, where the
  // name is that country's namesake, not two slips.
  int real_tail = -1;
  for (const std::string& meant : two_label_suffixes_) {
    if (meant == tail || meant.size() + 1 < tail.size() || tail.size() + 1 < meant.size()) continue;
    if (SuffixDistance(tail, meant, 1) != 1 && !LabelsSwapped(tail, meant)) continue;
    if (real_tail < 0) {
      real_tail = address::IsListedSuffix(tail) && address::HasDelegatedTld(tail) ? 1 : 0;
    }
    if (real_tail == 1) {
      RealEndingSlip(q, prefix, label, tail, meant, best);
    } else {
      TypoCandidatesFor(q, /*whole=*/false, prefix, best, meant, label, tail);
    }
  }
}

void DetectorImpl::RealEndingSlip(const Query& q, std::string_view prefix,
                                  std::string_view label, std::string_view tail,
                                  std::string_view meant, Best& best) const {
  // westapc.com.ua for westpac.com.au, barclsys.co.ug for barclays.co.uk:
  // another country's real ending, and a slip in the name too. The ending
  // alone would be that country's namesake, so only a declared name (the
  // organisation's, protected: a bank's, a department's) of five letters
  // or more counts, with one plain key slip (a neighbouring key, two
  // swapped, one left out or doubled: PlainKeySlip), and at most 0.8: a
  // name of that country may still be one letter from it (issue 15,
  // round 37, item 3).
  constexpr size_t kMinName = 5;
  constexpr double kMaxScore = 0.8;
  if (label.size() < kMinName - 1) return;
  Best found;
  found.typed = best.typed;
  TypoCandidatesFor(q, /*whole=*/false, prefix, found, meant, label, tail);
  for (bool runner_up : {false, true}) {
    const std::optional<ReasonCode>& code = runner_up ? found.alt_code : found.code;
    if (!code) continue;
    const uint32_t id = runner_up ? found.alt_id : found.id;
    const Entry& e = set_[id];
    const std::string_view name = e.name();
    if (!Declared(e.source) || e.is_namespace || name.size() < kMinName) continue;
    if (!PlainKeySlip(ClassifyEditAscii(label, name))) continue;
    Candidate c;
    c.id = id;
    c.code = code;
    c.target = runner_up ? found.alt_target : found.target;
    c.suggestion = runner_up ? found.alt_suggestion : found.suggestion;
    c.detail = runner_up ? found.alt_detail : found.detail;
    c.score = std::min(runner_up ? found.alt_score : found.score, kMaxScore);
    Offer(std::move(c), best);
  }
}

bool DetectorImpl::SecondLevelSlip(const Domain& d, LookalikeMatch& m) const {
  // gmial.con.au, hbsc.cp.uk: a slip in the name and one in a country's
  // commercial second level, whose name no trusted entry is under
  // (gmail.com's is .com, and gmial.com.au is gmail.com's name under a
  // ccTLD it lacks) or whose name is too short for two slips at once
  // (hsbc). The ending is repaired to the open second level it is one edit
  // from, and the repaired domain judged as typed: a look-alike there is
  // the look-alike meant, both slips said (issue 15, round 35, defect 2).
  if (d.unicode != d.ascii) return false;
  std::string_view head, tail;
  if (!SplitTail(d.ascii, 2, head, tail) || head.empty()) return false;
  const size_t dot = tail.find('.');
  const std::string_view second = tail.substr(0, dot), cc = tail.substr(dot + 1);
  // The open second levels are short; the typed one is no real zone of
  // the ccTLD (co.ug, com.ar are other countries' own).
  if (second.size() > 5 || !address::IsCountryCodeTld(cc) || address::IsListedSuffix(tail)) {
    return false;
  }
  for (std::string_view open : {"co", "com", "net", "org"}) {
    if (BoundedDamerau(second, open, 1) != 1) continue;
    std::string meant_tail(open);
    meant_tail.append(".").append(cc);
    if (!address::IsListedSuffix(meant_tail)) continue;
    Result<Domain> repaired = ParseDomain(Join(head, ".") + meant_tail);
    if (!repaired.ok()) continue;
    LookalikeMatch slip = Classify(*repaired);
    if (slip.kind != LookalikeMatch::Kind::kLookalike) continue;
    slip.detail.append("; and ").append(SuffixDetail(tail, meant_tail));
    // Two slips: a little less sure than either alone.
    slip.score = std::min(slip.score, 0.9);
    m = std::move(slip);
    return true;
  }
  return false;
}

}  // namespace nearmiss::lookalike
