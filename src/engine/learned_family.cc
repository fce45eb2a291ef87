#include "engine/learned_family.h"

#include <string>
#include <vector>

#include "content/header_encode.h"
#include "engine/family_name_list.h"
#include "engine/name_words.h"

namespace nearmiss::engine {

size_t LearnedFamilyPart(std::string_view learned, const Parts& known) {
  if (known.n != 2 || known.p[0] == known.p[1]) return known.n;
  const bool comma = content::DecodedPhrase(learned).find(',') != std::string::npos;
  for (const std::vector<std::string>& words : NameWordLists(learned)) {
    if (words.size() != 2) continue;
    const bool same = words[0] == known.p[0] && words[1] == known.p[1];
    const bool reversed = words[0] == known.p[1] && words[1] == known.p[0];
    if (!same && !reversed) continue;
    // The index into `known` of the display name's first word.
    const size_t first = same ? 0 : 1;
    if (comma) return first;
    const int r0 = CommonFamilyNameRank(words[0]), r1 = CommonFamilyNameRank(words[1]);
    if (r0 < 0 && r1 < 0) return known.n;
    if (r1 < 0 || (r0 >= 0 && r0 <= r1)) return first;
    return 1 - first;
  }
  return known.n;
}

}  // namespace nearmiss::engine
