// An XLSX worksheet's text as the sheet shows it: each row a line, its
// cells joined by a tab (the cell break the text rules read, normalize.h),
// a shared-string cell (t="s", ECMA-376 Part 1, 18.3.1.4 and 18.4) as the
// string it indexes, an inline string (t="inlineStr") as its text, any
// other cell as its cached value <v> (what Excel shows; a formula's code is
// not text). Page headers and footers (headerFooter) stand on pages of
// their own, as XmlToText writes them. Under a header cell that names
// people's clearances (csv_text.h, IsClearanceHeading) each value is
// written "Clearance: <value>", as a CSV's is (round 41 item 7). Before,
// the shared strings were read as one list, so a staff list's "SECRET"
// stood alone on a line, cut from its column. Pure.
#ifndef NEARMISS_CONTENT_SHEET_TEXT_H_
#define NEARMISS_CONTENT_SHEET_TEXT_H_

#include <string>
#include <string_view>
#include <vector>

namespace nearmiss::content {

// True for a worksheet part ("xl/worksheets/sheet1.xml").
bool IsWorksheetPart(std::string_view name);

// The strings of xl/sharedStrings.xml, in index order (each <si>'s text
// runs joined; phonetic runs, rPh, left out). False when the XML does not
// parse.
bool ReadSharedStrings(std::string_view xml, std::vector<std::string>* out);

// What a sheet held that could not be read: shared-string cells whose
// index the table has no string for (a table cut short or emptied: Excel
// repairs such a file and drops the text). Each is text not read, so the
// workbook is partly unreadable (docs/fail-closed.md), never "read" empty
// (issue 13, round 43 tester finding 15).
// A formula cell with no cached value (<f> and no <v>: openpyxl and report
// generators write them, Excel computes them on opening; ECMA-376 Part 1,
// 18.3.1.40 and 18.3.1.96) shows its string literals ('="SECRET//NOFORN"'
// shows SECRET//NOFORN), read as its text; one with none ("=A1",
// "=SUM(B1:B3)", a shared formula's follower) shows what no reader can
// know: a gap, as a missing shared string is (round 56's tester 13,
// finding 3).
struct SheetGaps {
  std::size_t missing_strings = 0;
  std::string first;  // "cell B3 refers to shared string 2; the table has 0"
  std::size_t unknown_formulas = 0;
  std::string first_formula;  // "cell A3 has a formula with no cached value"
  bool Any() const { return missing_strings > 0 || unknown_formulas > 0; }
  // `first`, the count when more, and that their text is not read.
  std::string Describe() const;
};

// Appends the sheet's text to `*out`; marks in `*used` (sized as `shared`)
// the shared strings it showed; counts in `*gaps` what it could not read.
// A manual page break (rowBreaks/brk with man="1", ECMA-376 Part 1,
// 18.3.1.72 and 18.3.1.3: a break above the row after row `id`) starts a
// page of the text ('\f'), whose first and last rows are banner lines, as
// a printed page's are (issue 13, round 43 tester finding 4). A data
// validation's prompt and error messages (promptTitle, prompt, errorTitle,
// error), which Excel shows beside the cell and in its error box, follow
// on pages of their own, a box a page (round 45 leftover). False when
// the XML does not parse.
bool SheetToText(std::string_view xml, const std::vector<std::string>& shared,
                 std::vector<bool>* used, std::string* out, SheetGaps* gaps);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_SHEET_TEXT_H_
