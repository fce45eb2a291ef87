// Candidate look-alikes of a domain: the slips people make, generated.
//
// The inverse of Classify: for a trusted domain ("army.mil") or namespace
// (".mil"), every string one slip away that a look-alike class covers: name
// slips (a key left out, doubled, swapped, a neighbouring key, a vowel for
// another, a bit flipped, a look-alike glyph in ASCII or in Cyrillic or
// Greek as an A-label, a hyphen, a dot inserted), suffix slips inside each suffix label (co.uk -> cp.uk,
// co.ul), the listed suffix confusions, a suffix cut short or with .com
// added, a dot dropped (usbank.com; the whole name run together under .com:
// armymil.com, army-mil.com; or nothing: gmailcom), a middle label dropped
// (hmrc.uk for hmrc.gov.uk), an ending added (a confused one, army.mil.ml;
// every ccTLD, barclays.co.uk.uk; .com, .net, .org), the name under every
// other ccTLD, under each open zone of the PSL's private section
// (gmail.uk.com, gmail.msk.ru, gmail.com.de) and under the other scripts' forms of its TLD (gmail.ком).
// Candidates are not judged here: `nearmiss permute` keeps those the engine
// calls look-alikes of their source, so what it writes is what check flags.
//
// Thread safety: pure functions.
#ifndef NEARMISS_LOOKALIKE_PERMUTE_H_
#define NEARMISS_LOOKALIKE_PERMUTE_H_

#include <string>
#include <string_view>
#include <vector>

#include "nearmiss/lookalike.h"

namespace nearmiss::lookalike {

struct PermuteInput {
  // The source: "army.mil", or a namespace ".mil" (then each candidate is a
  // namespace too: "ml" stands for every domain under .ml).
  std::string source;
  std::vector<SuffixConfusion> confusions;  // typed/intended pairs to swap
  // The two-letter TLDs to put a provider's name under (its family's own
  // domains are judged trusted by the engine and dropped there), and to
  // add after a domain or namespace (army.mil.de, gov.uk.za).
  std::vector<std::string> country_tlds;
  // The open zones of the Public Suffix List's private section to put a
  // provider's or declared name under (msk.ru, com.de, uk.com:
  // address::OpenPrivateZones), as check's OpenZoneCandidates flags them.
  std::vector<std::string> open_zones;
};

// Every candidate, de-duplicated, sorted, the source itself left out.
// Lower-case ASCII, as the source.
std::vector<std::string> PermuteDomain(const PermuteInput& in);

}  // namespace nearmiss::lookalike

#endif  // NEARMISS_LOOKALIKE_PERMUTE_H_
