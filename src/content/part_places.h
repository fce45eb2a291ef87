// What a reader calls the parts of an Office package, for the places of
// findings (Extracted::places, Finding::place): a worksheet by its tab's
// name and whether it is hidden, a slide and its speaker notes by the
// slide's number in the presentation, a Word document's headers, footers,
// notes and comments, the document properties (issue 13, round 43 tester
// finding 6: a marking in a hidden sheet, in speaker notes or in File >
// Properties was placed only by an offset into nearmiss's own text).
//
// The names come from the parts that list the others (ECMA-376 Part 1):
// xl/workbook.xml's sheets (18.2.19 sheet: name, state hidden/veryHidden,
// r:id) through xl/_rels/workbook.xml.rels; ppt/presentation.xml's
// sldIdLst (19.2.1.33) through ppt/_rels/presentation.xml.rels, in show
// order; a notes slide's relationship to its slide (ppt/notesSlides/
// _rels/notesSlideN.xml.rels). Relationship targets are resolved against
// the source part's folder (ECMA-376 Part 2, 9.3). A part none of these
// names is placed by its kind alone, or not at all (a document's main
// text). Reading them costs a few small parts under the same budget.
#ifndef NEARMISS_CONTENT_PART_PLACES_H_
#define NEARMISS_CONTENT_PART_PLACES_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "content/extract.h"
#include "content/zip_archive.h"

namespace nearmiss::content {

class PartPlaces {
 public:
  // Reads the listing parts of an OOXML package (none for ODF, whose
  // sheets and slides share content.xml).
  static PartPlaces Read(DocType type, ZipArchive& zip, ExtractBudget& budget,
                         std::size_t* used);

  // The place of a part: `sheet "Source" (hidden)`, "slide 2", "notes of
  // slide 2", "SmartArt on slide 2", "page header", "footnotes", "document properties"; "" for
  // the main text or a part of no known kind.
  std::string Of(std::string_view member) const;

  // The workbook's sheet names in its order (18.2.19 sheet@name), hidden
  // ones too: a tab shows its name as a cell shows its text.
  const std::vector<std::string>& SheetNames() const { return sheet_names_; }

 private:
  std::map<std::string, std::string, std::less<>> named_;  // part path -> place
  std::vector<std::string> sheet_names_;
};

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_PART_PLACES_H_
