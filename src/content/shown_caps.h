// Text shown in capitals by formatting (CSS text-transform and
// font-variant, Word w:caps and w:smallCaps, ODF fo:text-transform,
// DrawingML cap="all"), appended as a reader sees it, and the one place
// where the case the sender typed is put back: a row of table cells.
//
// Thread safety: pure functions.
#ifndef NEARMISS_CONTENT_SHOWN_CAPS_H_
#define NEARMISS_CONTENT_SHOWN_CAPS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace nearmiss::content {

// A run AppendUpperAscii raised: typed all in lower case, shown in
// capitals; text[begin, end).
struct RaisedRun {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// Appends `s` with its ASCII letters in capitals (the marking packs are
// ASCII, and byte lengths stay). Text typed with a capital of its own
// ("Top secret: surprise party for Jim", "Cosmic Top Secret Escape Room",
// "Secret asks") is appended as typed: the sender chose its case, and the
// precision and idiom rules judge a level word by it (written in mixed
// case, prose); a run typed all in lower case ("uk top secret") takes the
// capitals it is shown in (issue 13, round 36 item 2; tester r13 repros
// 21-23, 28, 42), and is added to `*raised` when given. So is a run that is
// nothing but a level's name in mixed case ("Secret", "Top Secret" under
// text-transform: uppercase): the banner the reader sees, judged then by
// the heading and footer rules as typed capitals are (round 42 item 5).
void AppendUpperAscii(std::string* text, std::string_view s,
                      std::vector<RaisedRun>* raised = nullptr);

// Puts back the lower case of each raised run of `*text` whose line is a
// row of cells (a tab or a kCellGap gap between two cells with words,
// line_text.h): a table's header row shown in capitals by its style
// ("Recipe | secret | Serves 4" under a <th> or Word table style with
// caps) is a row of column names, and a level word there counts only as
// the sender typed it. The marking standards write a marking in capitals
// (CAPCO register; UK GSC 2023, "Marking"; PSPF Policy 8 Annex), which a
// banner typed into a header table's cell is ("MOD/2026/114 | UK SECRET |
// Page 1 of 3"); a banner alone on its line (a one-cell table, a
// paragraph) keeps its shown capitals (issue 13, round 38, repro 29).
void TypedCaseInCellRows(std::string* text, const std::vector<RaisedRun>& raised);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_SHOWN_CAPS_H_
