// The form a policy's label name is compared by, shared by the label table
// (label_table.cc) and the policy reader that refuses two entries naming
// one label (src/policy/sensitivity_section.cc).
#ifndef NEARMISS_CONTENT_LABEL_KEY_H_
#define NEARMISS_CONTENT_LABEL_KEY_H_

#include <string>
#include <string_view>

namespace nearmiss::content {

// A trailing Purview "_<digits>" version suffix dropped ("Secret_0" ->
// "Secret"), ASCII case folded, and runs of '_', '-' and blanks made one
// space; a GUID in braces loses them. Two LabelLevel entries with the same
// key name the same label: the policy refuses them (policy lint and load),
// as a table naming one label twice at two levels would let the order of
// the file decide. Pure function.
std::string LabelKey(std::string_view name);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_LABEL_KEY_H_
