// Whether a bare bracketed group of two or more capitals ("(TS)", "(NC)",
// "(CTS)") that opens a sentence is a person's initials, as in minutes and
// status notes ("(TS) The build is green again."), rather than a portion
// mark (DoDM 5200.01 Vol 2; NATO C-M(2002)49: "(TS)", "(NS)", "(NC)" open
// each paragraph). position.h, PortionMarkPlace, asks it of a bare mark that
// opens a sentence; the words of the sentence decide nothing ("(TS) The
// build is green" and "(TS) The convoy leaves" read alike), so the evidence
// is the text around it (issue 13, breaker defects 6 and 8).
//
// Offsets are byte offsets into the normalised text; [begin, end) is the
// mark, brackets included. Each call reads a bounded number of lines around
// the mark (kInitialsLines) and a bounded number of the mark's other
// occurrences, so a text of many marks costs a constant per mark. Pure,
// thread-safe, allocates nothing.
#ifndef NEARMISS_CONTENT_PORTION_INITIALS_H_
#define NEARMISS_CONTENT_PORTION_INITIALS_H_

#include <cstddef>
#include <string_view>

namespace nearmiss::content {

// Lines looked at above and below the mark for the evidence below.
inline constexpr int kInitialsLines = 12;

// Evidence that the group is someone's initials; any one is enough:
// - another bracketed group of two or three capitals that is no portion
//   mark ("(AB)", "(CD)"), or a different bare mark of two or more letters
//   of another system ("(NC)" next to "(TS)"), opens a line within
//   kInitialsLines lines: a list of attributed items. "(U)", "(NU)"
//   (unclassified portions) and "(CUI)", "(SBU)", "(FOUO)", "(LES)" are
//   nobody's initials and count for nothing here, nor does another NATO
//   level beside a NATO level ("(NR)" next to "(NS)": the paragraphs of one
//   NATO text each carry their own level);
// - the text defines the group as a name: the same group right after words
//   whose capitals spell it ("Present: Tom Smith (TS), Anna Brown (AB)");
// - a line within kInitialsLines lines above opens with a heading of
//   minutes or a status note ("Minutes", "Attendees:", "Present:",
//   "Apologies:", "Actions:", "Action items", "AOB", "Updates:", "Status",
//   "Stand-up");
// - the sentence after the mark opens with a verb of minutes or an action
//   list ("To", "Will", "Agreed", "Noted", "Confirmed", "Asked", ...).
// `rest` is the text after the mark on its line.
bool InitialsEvidence(std::string_view text, std::size_t begin,
                      std::size_t end, std::string_view rest);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_PORTION_INITIALS_H_
