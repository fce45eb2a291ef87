// The text a spreadsheet's custom number formats show (round 56's tester
// 13, finding 3). A number format's quoted literal is drawn in every cell
// that uses it, whatever the cell's value: a cell holding 0 under
// formatCode '"SECRET//NOFORN"' shows SECRET//NOFORN (ECMA-376 Part 1,
// 18.8.30 numFmt and 18.8.31 numFmts: the format code's string literals in
// double quotes, a single character after '\').
#ifndef NEARMISS_CONTENT_NUMBER_FORMAT_TEXT_H_
#define NEARMISS_CONTENT_NUMBER_FORMAT_TEXT_H_

#include <string>
#include <string_view>

namespace nearmiss::content {

// The literals of each custom number format of an XLSX styles part
// (xl/styles.xml) that a cell format (cellXfs/xf numFmtId) uses, one line
// per format, each format's literals joined by a blank. False when the
// part does not parse.
bool NumberFormatLiterals(std::string_view styles_xml, std::string* out);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_NUMBER_FORMAT_TEXT_H_
