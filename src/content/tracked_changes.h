// Word fields and tracked changes as the XML text walker (xml_text.cc)
// meets them: the property a DOCPROPERTY field names, and the tracked
// change around a text node. Split from xml_text.cc in round 45 without
// change of behaviour. Functions are pure.
#ifndef NEARMISS_CONTENT_TRACKED_CHANGES_H_
#define NEARMISS_CONTENT_TRACKED_CHANGES_H_

#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

namespace nearmiss::content {

// The property a DOCPROPERTY field instruction names (ECMA-376 Part 1,
// 17.16.5.13: DOCPROPERTY "Name" [switches]), added to `names` (when not
// null). Field keywords are case-insensitive; a name with blanks is quoted.
void FieldProperty(std::string_view instr, std::vector<std::string>* names);

// Which revision of a document with tracked changes a walk writes: the
// text as it now reads (insertions in, deletions out: Word's "No Markup",
// what the document says today) or as it read before the changes
// (deletions in, insertions out: Word's "Original"). Both are in the file
// and both are shown to whoever turns on "All Markup" (issue 13, tester 13
// findings 2 and 7: "SECRET" changed to "OFFICIAL" with Track Changes on
// read as "SECRETOFFICIAL", and neither counted).
enum class Revision { kCurrent, kOriginal };

// A tracked change holding text: WordprocessingML's w:ins, w:del,
// w:moveFrom, w:moveTo (ECMA-376 Part 1, 17.13.5) and ODF's text:deletion
// inside text:tracked-changes (ODF 1.2 Part 1, 5.5.5), whose office:change-
// info (author, date) is metadata of the change.
enum class ChangeKind { kNone, kInserted, kDeleted, kChangeInfo };

// The kind of change an element (its local name) is, or kNone.
ChangeKind ChangeKindOf(const char* local);

// The kind of the nearest tracked change around a text node.
ChangeKind ChangeAround(const pugi::xml_node& text);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_TRACKED_CHANGES_H_
