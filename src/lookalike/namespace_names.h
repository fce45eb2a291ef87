// Real names directly under the protected namespaces: "army.mil",
// "navy.mil" (data/lists/namespace-names.txt, compiled in; each line's
// source is in the file). They shape suggestions only: a slip of one under
// a suffix confused with the namespace's (armu.ml, .ml for .mil) is
// suggested as that name, not as itself moved under the namespace
// (armu.mil, no one's). Trust is unchanged: every name under a protected
// namespace is trusted, listed or not.
//
// Thread safety: the list is parsed once, on first use; then read-only.
#ifndef NEARMISS_LOOKALIKE_NAMESPACE_NAMES_H_
#define NEARMISS_LOOKALIKE_NAMESPACE_NAMES_H_

#include <string>
#include <string_view>
#include <vector>

namespace nearmiss::lookalike {

// The names listed directly under `ns` ("mil" -> {"af", "army", ...}), in
// the file's order; empty for a namespace the file has no names for.
std::vector<std::string> NamespaceNamesUnder(std::string_view ns);

// Every domain of the file ("af.mil", "army.mil", ...), for its tests.
const std::vector<std::string>& NamespaceNames();

// True when `label` ("treasury", "customs") is a department's name that is
// an ordinary word (data/lists/department-words.txt, from Debian's word
// lists): every government uses it, so under another country's real
// public-sector zone it is that country's ministry, not a slip of ours.
bool IsDepartmentWord(std::string_view label);

// Every word of department-words.txt, for its tests.
const std::vector<std::string>& DepartmentWords();

// The mail hosts of protected domains, data/lists/protected-hosts.txt
// ("army.mod.uk", "ec.europa.eu"): their dotless and hyphenated forms
// (armymod.uk, ec-europa.eu) are look-alikes (JoinedHostCandidates).
const std::vector<std::string>& ProtectedHosts();

}  // namespace nearmiss::lookalike

#endif  // NEARMISS_LOOKALIKE_NAMESPACE_NAMES_H_
