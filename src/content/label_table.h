// The policy's label table ([sensitivity.labels]) and the shapes Purview
// gives label names (Microsoft Learn, "MIP SDK: label metadata": the _Name
// attribute is the label's unique name in the tenant, which need not be its
// display name; the label's id is a GUID): "Secret_0", "Highly_Confidential",
// "OFFICIAL-SENSITIVE_0", sublabels "Parent\Child" or "Parent/Child".
// Used by ScanHeader (label headers, document properties) and Scan (a
// label's visual marking in a body: "Sensitivity: Team Internal").
// Functions are pure; the returned views point into their arguments or the
// Rep.
#ifndef NEARMISS_CONTENT_LABEL_TABLE_H_
#define NEARMISS_CONTENT_LABEL_TABLE_H_

#include <string>
#include <string_view>
#include <vector>

#include "content/label_key.h"
#include "content/scanner_rep.h"

namespace nearmiss::content {

// Blanks and double quotes trimmed from both ends.
std::string_view TrimLabel(std::string_view s);

// "Secret_0" -> "Secret": Purview tenants that keep one internal name per
// label version add "_<digits>"; the digits carry no sensitivity.
std::string_view DropVersionSuffix(std::string_view name);

// The parts of a sublabel, parent first: '\' always separates; '/' does when
// single, since "SECRET//NOFORN" is one marking, not a parent and a child; a
// dash with a blank either side (" - ", en or em dash) does, as display names
// write "Highly Confidential - All Employees"; a trailing "(Encrypted)" is
// the last part. A dash inside a word ("OFFICIAL-SENSITIVE") never does.
std::vector<std::string_view> SplitSublabel(std::string_view name);

// LabelKey (label_key.h) is the form a label name is looked
// up by: "Highly_Confidential", "highly-confidential" and "Highly
// Confidential" share a key. A label GUID keys the same way, with or
// without braces ("{guid}"), so a table entry may name a label by its id.

// Keys the policy's label table into `rep->labels`; an empty name, or two
// entries with one key (both origins named), is an error.
Status AddLabelTable(const std::vector<LabelLevel>& labels, Scanner::Rep* rep);

// The table's entry for `name` (by LabelKey), or null.
const LabelEntry* FindLabel(const Scanner::Rep& rep, std::string_view name);

// The first GUID (8-4-4-4-12 hex digits) in `s`, or empty: the label id of
// an msip_labels item ("MSIP_Label_<guid>_Name=...").
std::string_view FindGuid(std::string_view s);

// A label name placed by the table alone: the whole name, else (for a
// sublabel) the part the table places highest, as a child label never
// lowers its parent's level. `entry` null when none is known.
struct PlacedLabel {
  const LabelEntry* entry = nullptr;
  std::string_view part;  // the part of the name the entry matched
};
PlacedLabel PlaceByTable(const Scanner::Rep& rep, std::string_view label);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_LABEL_TABLE_H_
