// ReadingBase: the place a second reading of a text is of.
//
// MessageWalker::ScanHidden reads a text a second time as it shows, or as
// it was, and names that reading after its place: "body (without text
// hidden by CSS)", "attachment:a.docx (without hidden text)",
// "attachment:a.docx (deleted text)", "attachment:b.pdf (earlier revision
// 1)", "body (joined as format=flowed)" (Extracted::hidden labels:
// html_text.cc, zip_text.cc, flat_odf.cc, pdf_text.cc, walk_leaf.cc). Both readings follow the place's rules (a mail body's, a
// bulk mail's), and one reading's words are not a second witness for the
// other's (Sensitivity::Corroborate; issue 13, round 44 tester finding 5).
#ifndef NEARMISS_CONTENT_READING_PLACE_H_
#define NEARMISS_CONTENT_READING_PLACE_H_

#include <string_view>

namespace nearmiss::content {

// `where` without a second reading's " (<label>)"; `where` itself for a
// first reading (a file named "notes (draft)" keeps its name).
inline std::string_view ReadingBase(std::string_view where) {
  if (where.empty() || where.back() != ')') return where;
  std::size_t open = where.rfind(" (");
  if (open == std::string_view::npos) return where;
  std::string_view label = where.substr(open + 2);
  if (label.starts_with("without ") || label.starts_with("deleted text") ||
      label.starts_with("earlier revision ") || label.starts_with("joined as ")) {
    return where.substr(0, open);
  }
  return where;
}

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_READING_PLACE_H_
