// AddressIndex::FindQuotedAddressSlip: a quoted local part that is itself an
// address, `"jon.smith@partner.example"@partner.example` (a paste of a whole
// address into the local part, or a forged one): the mail goes to the
// mailbox of that odd name, while the sender reads the address inside. The
// inner address is judged as the address it reads as: exactly a frequent
// one, or a slip of one (the issue-14 tester, round 43, finding 17d: the
// first was only noted as irregular, the second passed silently).
#include <string>
#include <utility>

#include "engine/address_typo.h"

namespace nearmiss::engine {

bool AddressIndex::FindQuotedAddressSlip(std::string_view sender, std::string_view address,
                                         std::string_view display, Slip* out) const {
  const size_t at = address.rfind('@');
  if (at == std::string_view::npos || at < 2) return false;
  std::string_view local = address.substr(0, at);
  if (local.front() == '"' && local.back() == '"') local = local.substr(1, local.size() - 2);
  const size_t inner_at = local.rfind('@');
  if (inner_at == std::string_view::npos || inner_at == 0 || inner_at + 1 == local.size()) {
    return false;
  }
  std::string inner(local);
  // Exactly a frequent address (any domain): FindDisplaySlip's reading of
  // an address written where a name goes.
  Slip found;
  bool exact = FindDisplaySlip(sender, address, inner, &found);
  if (!exact && !FindSlip(sender, inner, display, &found)) return false;
  std::string detail("the local part is itself an address, ");
  detail.append(inner);
  if (exact) {
    detail.append(", a frequent one, not the mailbox this address names; ");
    detail.append(WrittenClause(found.messages, found.last_seen));
    found.score = 0.95;
  } else {
    detail.append(", which is a slip of ").append(found.known).append(": ");
    detail.append(found.detail);
  }
  found.detail = std::move(detail);
  *out = std::move(found);
  return true;
}

}  // namespace nearmiss::engine
