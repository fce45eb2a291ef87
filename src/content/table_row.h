// A marking alone in a cell of a table's data row, in the middle of the
// text: "The Vault<tab>TOP SECRET<tab>Hard" under "Room<tab>Theme<tab>
// Difficulty", a CSV record or an HTML table's row between paragraphs. The
// column (Theme, Status, Sensitivity) describes the row, not the document:
// the same table typed as plain text is a line in the middle of the page
// (round 58b's tester 13, finding 2). A banner laid out in cells stands at
// the document's first or last line ("MOD/2026/114<tab>UK SECRET<tab>Page 1
// of 3", corpus README "Banner lines"), or beside its key
// ("Classification<tab>SECRET"), and is not this.
//
// Offsets are byte offsets into normalised text (a CSV's records are pages,
// '\f' between them: csv_text.h); pure functions.
#ifndef NEARMISS_CONTENT_TABLE_ROW_H_
#define NEARMISS_CONTENT_TABLE_ROW_H_

#include <cstddef>
#include <string_view>

namespace nearmiss::content {

// The reason such a bare tier counts only where the message agrees
// (word_strength.cc); it agrees with no other such cell: a column repeats
// its value on many rows (sensitivity.cc).
inline constexpr char kTableCellWhy[] = "alone in a cell of a table's data row";

// The match [begin, end) is alone in its cell of a row of two cells or more;
// the row above it (the nearest line with words, across page breaks) is a
// row of as many cells, and a line with words follows somewhere below; no
// classification key leads the row or the cell before the match.
bool InMidTableDataRow(std::string_view text, std::size_t begin, std::size_t end);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_TABLE_ROW_H_
