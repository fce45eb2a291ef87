// The words of a label's internal name as Purview tenants type it: without
// blanks ("HighlyConfidential", "TopSecret", "UKSecret") or with '_' and '-'
// between words and between a parent and its child
// ("Highly_Confidential_All_Employees", "Confidential-AllEmployees",
// "Highly Confidential-All Employees"). Microsoft Learn, "MIP SDK: label
// metadata": the _Name attribute is the label's unique name in the tenant,
// which need not be its display name, so any of these shapes arrive in
// msip_labels.
//
// Thread safety: a pure function.
#ifndef NEARMISS_CONTENT_LABEL_WORDS_H_
#define NEARMISS_CONTENT_LABEL_WORDS_H_

#include <string>
#include <string_view>
#include <vector>

namespace nearmiss::content {

// `name`'s words, as written (case kept): split at blanks, '_', '-', '\' and
// '/', and
// inside a word where a lower-case letter is followed by a capital
// ("HighlyConfidential") or a run of capitals by a capitalised word
// ("UKSecret": "UK", "Secret"). A trailing "_<digits>" version suffix
// (DropVersionSuffix) is dropped first. ASCII letters only decide; other
// bytes stay inside their word.
std::vector<std::string> LabelWords(std::string_view name);

// Whether `name` has an internal name's shape: '_' or '-' between letters,
// or a capital right after a lower-case letter ("HighlyConfidential"), as
// a display name of words and blanks ("Restricted to Finance") has not.
bool InternalNameShape(std::string_view name);

// `words[begin, end)` joined by single blanks.
std::string JoinLabelWords(const std::vector<std::string>& words, std::size_t begin,
                           std::size_t end);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_LABEL_WORDS_H_
