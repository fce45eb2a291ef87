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

// Appends the sheet's text to `*out`; marks in `*used` (sized as `shared`)
// the shared strings it showed. False when the XML does not parse.
bool SheetToText(std::string_view xml, const std::vector<std::string>& shared,
                 std::vector<bool>* used, std::string* out);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_SHEET_TEXT_H_
