// LoneWordAtEdge: a level word alone on the first or last line of a
// text but for punctuation and emphasis around it, for the ordinary-mail
// word rule (marking_strength.cc, OrdinaryMailWord). Internal to
// Scanner::Scan.
#ifndef NEARMISS_CONTENT_LONE_WORD_H_
#define NEARMISS_CONTENT_LONE_WORD_H_

#include <cstddef>
#include <string_view>

namespace nearmiss::content {

// Which edge line of `text` the match [begin, end) is the only word of its line, the line's
// other characters being blanks, no-break spaces and the punctuation that
// decorates a typed word ("CONFIDENTIAL.", "CONFIDENTIAL:", "*PROTECTED*",
// "[CONFIDENTIAL]", "_RESTRICTED_"), and that line is the first or the last
// non-blank line of `text`, which holds other text too. The last line
// includes one under a signature dash ("-- ") or a rule ("____"); the
// first, an attachment's first line or a document's first paragraph.
// A "//" or a letter or digit on the line makes it something else
// ("CONFIDENTIAL//NOFORN", "CONFIDENTIAL - ACME LTD"). kNone if neither.
// The line may also hold a template's furniture beside the word, in cells
// split by a bar, a blank-set dash, a colon, a comma or a tab: a page
// number, a date, a status or version, a distribution note, the company's
// name ("CONFIDENTIAL | Page 1", "Page 1 of 2 - CONFIDENTIAL",
// "CONFIDENTIAL - 12 March 2026 - Do not distribute"): a footer says
// which page, not which level (round 55's tester 13-b, finding 1).
// In a text of pages (form feeds: a PDF's pages, a document's page breaks)
// the edge is its page's first or last line (kPageFirst, kPageLast): a
// running header or footer repeats on every page (finding 2); a page that
// is the line alone (a header or footer part) is read at the text's edge.
enum class LoneEdge { kNone, kFirst, kLast, kPageFirst, kPageLast };

// The why of a lone word at a page's head or foot (WordStrength), by which
// Sensitivity::Corroborate knows a running header or footer: the same word
// at the same edge of another page of the same text is the template's one
// mark repeated, not a second marking that agrees.
inline constexpr char kPageHeadWhy[] = "an everyday word alone at the head of a page";
inline constexpr char kPageFootWhy[] = "an everyday word alone at the foot of a page";
LoneEdge LoneWordAtEdge(std::string_view text, std::size_t begin,
                        std::size_t end);

// Whether the match [begin, end) closes a company's footer line, the last
// non-blank line of `text`: the company's name ending in its legal form
// and a separator before the word ("ACME LTD - CONFIDENTIAL", "Acme
// Holdings plc | Confidential", "Initech, Inc. - CONFIDENTIAL"), with
// only decoration after it; or the line's cells, split by a tab (three
// blanks or more once normalised), with the word alone in its cell and at
// most a page number after it ("Acme Ltd<tab>CONFIDENTIAL<tab>Page 1",
// Word's left, centre and right footer cells; round 41 item 8). The legal forms are those a registered
// company must show in its name (UK Companies Act 2006 ss. 58-59: plc,
// limited, ltd; LLP Act 2000: LLP; US Inc., Corp., LLC; DE GmbH, AG; FR/ES
// SA): a mission's or an exercise's name before a tier ("ISAF - SECRET")
// has none.
bool ClosesCompanyFooter(std::string_view text, std::size_t begin,
                         std::size_t end);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_LONE_WORD_H_
