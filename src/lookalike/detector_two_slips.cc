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
#include "address/public_suffix.h"
#include "address/root_zone.h"
#include "lookalike/detector.h"
#include "lookalike/domain_labels.h"
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
    if (real_tail == 1) return;
    TypoCandidatesFor(q, /*whole=*/false, prefix, best, meant, label, tail);
  }
}

}  // namespace nearmiss::lookalike
