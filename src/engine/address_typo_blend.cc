// AddressIndex::BlendOf: the given name of one frequent address with the
// family name of another at the same domain (address_typo.h).
#include <string_view>
#include <vector>

#include "engine/address_typo.h"
#include "engine/local_part_rules.h"
#include "engine/name_order.h"

namespace nearmiss::engine {

bool AddressIndex::BlendOf(const std::vector<Frequent>& list, std::string_view domain,
                           const Parts& typed, NameOrder order, const Frequent** given_from,
                           const Frequent** family_from) {
  if (typed.n != 2) return false;
  // `g` and `f`: the positions of the given and the family name.
  auto blend = [&](size_t g, size_t f) {
    // A whole given name of the lists and a family name of two letters or
    // more: initials (j.jones) and words that are no names tell nothing.
    if (typed.p[f].size() < 2 || !IsGivenName(typed.p[g])) return false;
    const Frequent* by_given = nullptr;
    const Frequent* by_family = nullptr;
    for (const Frequent& known : list) {
      if (known.domain != domain) continue;
      const Parts k = Split(known.key);
      if (k.n != 2) continue;
      if (k.p[g] == typed.p[g] && k.p[f] != typed.p[f] &&
          (by_given == nullptr || known.messages > by_given->messages)) {
        by_given = &known;
      }
      if (k.p[f] == typed.p[f] && k.p[g] != typed.p[g] && IsGivenName(k.p[g]) &&
          (by_family == nullptr || known.messages > by_family->messages)) {
        by_family = &known;
      }
    }
    if (by_given == nullptr || by_family == nullptr) return false;
    *given_from = by_given;
    *family_from = by_family;
    return true;
  };
  return (order != NameOrder::kFamilyFirst && blend(0, 1)) ||
         (order != NameOrder::kGivenFirst && blend(1, 0));
}

}  // namespace nearmiss::engine
