#include "engine/given_name_list.h"

#include <string>
#include <utility>
#include <unordered_set>

#include "engine/name_forms.h"
#include "engine/name_text.h"

namespace nearmiss::data {
// data/names/ssa-given-names.txt, compiled in (nm_embed, src/engine/CMakeLists.txt).
extern const std::string_view kSsaGivenNames;
}  // namespace nearmiss::data

namespace nearmiss::engine {
namespace {

constexpr std::string_view kSsaSource = "data/names/ssa-given-names.txt";

const std::unordered_set<std::string_view>& CommonGivenNames() {
  static const std::unordered_set<std::string_view> names = NameWordSet(data::kSsaGivenNames);
  return names;
}

// `a` is `b` with two neighbouring letters swapped (micheal, michael).
bool NeighboursSwapped(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] &&
         a.substr(i + 2) == b.substr(i + 2);
}

// `a` and `b` are one name spelled two ways that sound alike: one has a
// silent 'h' more (jon, john; sara, sarah) or a letter doubled (mathew,
// matthew; philip, phillip). Misremembered as often as mistyped: a slip.
bool SpelledAlike(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() != a.size() + 1) return false;
  size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  if (a.substr(i) != b.substr(i + 1)) return false;
  return b[i] == 'h' || (i > 0 && b[i - 1] == b[i]) || (i + 1 < b.size() && b[i + 1] == b[i]);
}

}  // namespace

bool IsCommonGivenName(std::string_view word) { return CommonGivenNames().count(word) > 0; }

Status CheckCommonGivenNames() { return CheckNameWords(data::kSsaGivenNames, kSsaSource); }

bool OtherRealGivenName(const Parts& typed, const Parts& known, NameOrder order) {
  const size_t differing = OnlyDifferingPart(typed, known);
  if (differing == typed.n) return false;
  const bool first = differing == 0, last = differing + 1 == typed.n;
  const bool given_place = typed.n == 1 || (order == NameOrder::kGivenFirst && first) ||
                           (order == NameOrder::kFamilyFirst && last) ||
                           (order == NameOrder::kUnknown && (first || last));
  const std::string_view a = typed.p[differing], b = known.p[differing];
  return given_place && IsCommonGivenName(a) && IsCommonGivenName(b) &&
         !SameGivenName(a, b, /*prefixes=*/false) && !NeighboursSwapped(a, b) &&
         !SpelledAlike(a, b);
}

}  // namespace nearmiss::engine
