// BannerTail: what follows a tier on its banner line without a separator,
// read as the standards write banner lines: page furniture ("UK SECRET
// Page 1 of 3", Word's Insert > Page Number beside a typed marking), a
// descriptor or handling caveat in any case ("OFFICIAL-SENSITIVE Personal",
// "TOP SECRET Strap 1", "SECRET Canadian Eyes Only", "NATO SECRET
// Releasable to SWE", AU "PROTECTED Cabinet"), or a short tail of words
// ("NATO SECRET Exercise plan"). Used by TierHeadsBannerLine
// (position_banner_line.cc) and WordStrength (word_strength.cc).
//
// Sources of the known words: GSC 2014/2023 descriptors (COMMERCIAL,
// PERSONAL, LOCSEN, the GPMS descriptors, uk.toml) and handling caveats
// (STRAP 1-3, ATOMIC, "<countries> EYES ONLY"); NATO AC/35-D/2002's
// releasability ("RELEASABLE TO <nations>"); PSPF 2018's CABINET caveat and
// the 2012 DLMs ("Sensitive: Legal", au.toml); the AU and NZ business
// marking "COMMERCIAL-IN-CONFIDENCE". Issue 13, tester 13 findings 1 and 4.
//
// Pure functions over the normalised text; nothing allocates.
#ifndef NEARMISS_CONTENT_BANNER_TAIL_H_
#define NEARMISS_CONTENT_BANNER_TAIL_H_

#include <cstddef>
#include <string_view>

namespace nearmiss::content {

enum class BannerTail {
  kNone,     // a sentence, too many words, or nothing
  kKnown,    // page furniture, descriptors and caveats (any case), and at
             // most three other words in capitals (country codes)
  kCapitals, // one to three words in capitals or digits, none known
  kShort,    // up to three words, at most two unknown in lower or mixed
             // case, the first a capital or digit, not ending a sentence
};

// Reads `after` (the rest of the line after a tier, blanks first; a leading
// separator "-", ":", "|" or "(" is skipped when `skip_separator`).
// With `numbers_known` false a bare number ("2026") is read as a word in
// capitals, not as page furniture: "PROTECTED SPECIES SURVEY 2026" has no
// caveat in it, "TOP SECRET STRAP 1" has (round 58's tester 13, finding 1).
BannerTail ReadBannerTail(std::string_view after, bool skip_separator,
                          bool numbers_known = true);

// The rest of the line after `end` in `text` is kKnown (a separator before
// it allowed): "TOP SECRET Strap 1", "SECRET - Uk Eyes Only", "UK SECRET
// Page 1 of 3" name the banner's furniture, not an advert's title.
bool KnownBannerTail(std::string_view text, std::size_t end, bool numbers_known = true);

// After `end`, on its line, words ReadBannerTail reads as kKnown (a
// descriptor or caveat, brackets allowed) and then a separator (':', '|'
// or ' - '): "Official-Sensitive Personal: sickness record",
// "Official-Sensitive [Commercial]: tender scores". GSC 2023 puts the
// descriptor after the tier, and a sender types the subject's colon after
// both (issue 13, round 43 tester finding 7).
bool KnownTailThenSeparator(std::string_view text, std::size_t end);

// Reads `before` (what stands before a tier on its banner line, from the
// line's start, ending in a blank): page furniture, a document part, a
// version, a draft's status or a reference, in any case, each with an
// optional separator after it ("-", "|", ":", "/"): "Page 1 of 3 ", "Copy
// 3 of 5 ", "Annex A - ", "Appendix 2 | ", "Draft - ", "Version 2 - ",
// "Ref: MOD/2026/114 ", "Draft - Page 1 of 3 - ". Word's header and footer
// put a page number or the document's part at the left of a typed marking
// as often as at its right; a PDF made from them has plain spacing where
// Word had a tab (issue 13, round 43 tester finding 3). At most three such
// parts; any other word ("Page 2 of the ") makes it a sentence's head.
bool KnownBannerHead(std::string_view before);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_BANNER_TAIL_H_
