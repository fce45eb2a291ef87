// Everyday phrases that open with a level word at the head of a subject:
// "SECRET Santa draw", "SECRET sale: 50% off", "TOP SECRET offers inside",
// "RESTRICTED time offer", "SECRET - our best kept recipe". Marketing and
// social mail writes the word in capitals for emphasis; the words after it
// say it is the idiom, not a marking (issue 13, breaker round 6 item 12;
// the decision and its lists are in tests/testdata/markings/README.md,
// eleventh round).
//
// Only the packs' everyday level words (heading_word: SECRET, TOP SECRET,
// CONFIDENTIAL, RESTRICTED, PROTECTED) are read this way; compounds and
// banners ("UK SECRET", "SECRET//NOFORN") are markings whatever follows.
// Pure functions over ASCII text.
#ifndef NEARMISS_CONTENT_SUBJECT_IDIOMS_H_
#define NEARMISS_CONTENT_SUBJECT_IDIOMS_H_

#include <cstddef>
#include <string_view>

namespace nearmiss::content {

// Whether the words after a level word ending at `end` of a subject make
// it an everyday phrase (case-insensitive, singular or plural):
// - a word of trade right after it, alone or after one word of season or
//   audience ("SECRET sale", "TOP SECRET offers", "CONFIDENTIAL pricing",
//   "SECRET summer sale", "RESTRICTED time offer", "SECRET VIP deals"),
//   with blanks, stars, underscores or quotes between ("*SECRET* sale"),
//   never after a separator: "SECRET: arms sale to X" is a marked subject
//   about a sale. "offer letter" is an offer of employment (first round:
//   "CONFIDENTIAL: offer letter" counts), not an offer of goods.
// - a word of the kitchen, the garden or the holidays within the first four
//   words after it, before any separator ("SECRET Santa", "Re: SECRET
//   Santa draw", "TOP SECRET family recipe"). After a separator they are
//   the marked subject's own words: "SECRET: menu of strike options",
//   "SECRET - Operation Market Garden review" (breaker round 13 defect 4).
bool FollowedBySubjectIdiom(std::string_view text, std::size_t end);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_SUBJECT_IDIOMS_H_
