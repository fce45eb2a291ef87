// What a government banner line carries after its tier and a dash besides
// caveats: the document's part ("ANNEX B TO OPORD 2026-04", "ENCLOSURE 2 TO
// MOD/2026/114", "COPY 3 OF 5"), its file reference ("MOD/2026/114", "REF
// D/J3/2026/114"), the order or report it belongs to ("OPORD 2026-04",
// "FRAGO 12", "SITREP 042") or its date-time group ("DTG 051200Z DEC 26").
// legend_words.cc asks it before it reads a year or a number in the words
// after "CONFIDENTIAL -" as a business heading's ("- 2027 BUDGET", "- RFP
// 2026-114"; round 51's tester 13, finding 7).
//
// Sources: JSP 101 (Defence Writing) and AAP-27 for annexes, enclosures and
// file references ("D/<branch>/<number>"); FM 6-0 / ATP 5-0.1 and NATO
// APP-11 for the order and report names (OPORD, OPLAN, FRAGO, WARNO,
// SITREP, ...) and ACP 121 for the date-time group (DDHHMMZ MON YY).
// Pure functions of the words; case-insensitive for the words, capitals as
// a banner writes them are the caller's test.
#ifndef NEARMISS_CONTENT_GOVERNMENT_FURNITURE_H_
#define NEARMISS_CONTENT_GOVERNMENT_FURNITURE_H_

#include <string_view>

namespace nearmiss::content {

// `words` (what follows the tier and its dash, up to the line's end) is
// page furniture of a government document: it opens with a part's word
// ("ANNEX", "APPENDIX", "ENCLOSURE", "COPY", ...) or an order's or report's
// name ("OPORD", "FRAGO", "SITREP"), or one of at most four words is a
// government file reference (three parts or more joined by '/', one a
// government department's or staff branch's code, one a serial:
// "MOD/2026/114", "D/J3/2026/114"; not a company's "ACME/HR/2026/114" nor
// the fiscal year "2027/28") or a date-time group ("051200Z").
bool GovernmentFurniture(std::string_view words);

// `words` are a letter's reference line of a business: "OUR REF
// TB/2026/114", "YOUR REF: PP/2026/07", "MY REF ..." (the reference a UK
// business letter prints under its heading, whatever shape the reference
// takes; round 52's tester 13, finding 3).
bool LetterReference(std::string_view words);

// `words` are a government file reference and nothing else, after at
// most a "REF" or "FILE" label: "MOD/2026/114", "REF D/J3/2026/114". Such
// a line says which file, not which level (word_strength.cc).
bool OnlyFileReference(std::string_view words);

// `words` open with the name of an order, a plan or a report of staff work
// ("SITREP", "INTSUM", "OPORD 04/26", "CONOP 2026-07"), whole.
// subject_idioms.cc asks it of the words after a level in a subject
// ("Latest UK SECRET SITREP": the report the marking tags).
bool OpensWithOrderName(std::string_view words);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_GOVERNMENT_FURNITURE_H_
