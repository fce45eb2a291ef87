// Everyday phrases that open with a level word at the head of a subject:
// "SECRET Santa draw", "SECRET sale: 50% off", "TOP SECRET offers inside",
// "RESTRICTED time offer". Marketing and social mail writes the word in
// capitals for emphasis; the words right after it say it is the idiom, not
// a marking (issue 13, breaker round 6 item 12; the decision and its lists
// are in tests/testdata/markings/README.md, eleventh round). After a
// separator they are the subject's own words: "SECRET - our best kept
// recipe" and "SECRET: Santa sign-up sheet" lead a marked subject (the
// corpus README, "Moved to the positives").
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
//   that closes its phrase: the subject ends there, or punctuation, a
//   separator, a number or a closed-class word follows ("SECRET sale
//   starts now", "TOP SECRET deals for members"). Another noun after it
//   makes it a noun phrase of a marked subject ("SECRET pricing annex",
//   "SECRET deal text for the treaty", "CONFIDENTIAL price negotiation",
//   "SECRET tip-off on HVT location": issue 13, tester 13 item 8). Never
//   after a separator: "SECRET: arms sale to X" is a marked subject about
//   a sale. "offer letter" is an offer of employment (first round:
//   "CONFIDENTIAL: offer letter" counts), not an offer of goods.
// - a word of the kitchen, the garden or the holidays right after it or
//   after one word, before any separator ("SECRET Santa", "Re: SECRET
//   Santa draw", "TOP SECRET family recipe"). Further on, or after a
//   separator, they are the marked subject's own words: "SECRET strike
//   options menu for CDS", "SECRET: menu of strike options", "SECRET -
//   Operation Market Garden review" (breaker round 13 defect 4).
bool FollowedBySubjectIdiom(std::string_view text, std::size_t end);

// Whether a subject's own words after a level word ending at `end` are
// written all in capitals, as military message subjects are (ACP 121/127,
// USMTF): a date-time group ("SECRET 031200Z DEC 26 convoy": six digits and
// a time zone letter) or kCapitalsTitleWords words or more in capitals and
// digits ("SECRET OP NORTH CONVOY TIMINGS"), or fewer when they name a
// report or an operation: a word in capitals and a number or a second word
// ("SECRET SITREP 042", "TOP SECRET OP LANTERN"), or an acronym before the
// subject's own words in lower case ("SECRET MOD position paper"). A single
// word in capitals ("SECRET PLAN") is not enough, and the shorter forms
// are read only when `short_titles` (not for CONFIDENTIAL, also a business
// heading: "CONFIDENTIAL HR matter"). Such a subject has no
// lower case right after the level word to set it off, and needs none
// (issue 13, tester 13 item 7; tester 41 item 3); an idiom ("SECRET SANTA
// DRAW 2026", "SECRET SANTA 2026") is still read by FollowedBySubjectIdiom.
// Whether the words after a level word ending at `end` of a subject or a
// file name, up to the line's end, a separator or a file's extension, are
// one or more everyday words in capitals (everyday_words.h) and numbers:
// "SECRET CINEMA TICKETS 2026", "PROTECTED SPECIES SURVEY 2026.txt". An
// event's, a venue's or a survey's name shouted in capitals; a message's
// own title in capitals names an operation, a report or a unit with a
// word no dictionary has ("SECRET OP NORTH CONVOY TIMINGS", "SECRET SITREP
// 042", "CONFIDENTIAL 3 CDO BDE MOVEMENT ORDER") or a date-time group
// (round 58's tester 13, finding 1). The caller asks OpensWithOrderName
// first ("TOP SECRET EXERCISE STEEL SABRE ORDERS").
bool FollowedByEverydayCapitals(std::string_view text, std::size_t end);

// Whether the match [begin, end) is a whole folder of a path, with a file
// or another folder after it: "site/PROTECTED/index.html",
// "SECRET/plan.docx" in a zip's member name. A folder's name is where the
// files were kept, not the files' marking; a caveat or a national form
// ("UK SECRET/plan.docx", "SECRET//NOFORN") is another pattern or is no
// folder (round 58's tester 13, finding 1).
bool WholeFolderOfPath(std::string_view text, std::size_t begin, std::size_t end);

inline constexpr int kCapitalsTitleWords = 3;
bool FollowedByCapitalsTitle(std::string_view text, std::size_t end,
                             bool short_titles = true);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_SUBJECT_IDIOMS_H_
