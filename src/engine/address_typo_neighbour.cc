// AddressIndex::FindNeighbourSlip: the frequent address a never-written one
// at a domain next to a trusted one was meant for (address_typo.h).
#include <algorithm>
#include <array>
#include <utility>

#include "engine/address_fold.h"
#include "engine/address_typo.h"
#include "engine/mailbox_space.h"

namespace nearmiss::engine {

const AddressIndex::Frequent* AddressIndex::MostWrittenSameLocal(const DomainLists& lists,
                                                                 std::string_view local) {
  const Frequent* same = nullptr;
  for (const auto& [d, list] : lists) {
    for (const Frequent& f : *list) {
      if (f.domain == d && f.local == local && (same == nullptr || f.messages > same->messages)) {
        same = &f;
      }
    }
  }
  return same;
}

bool AddressIndex::FindNeighbourSlip(std::string_view sender, std::string_view address,
                                     std::string_view target, std::string_view display,
                                     Slip* out) const {
  size_t at = address.rfind('@');
  if (at == std::string_view::npos || at == 0 || at > kMaxLocal) return false;
  const std::string domain(MailboxSpace(Folded(address.substr(at + 1))));
  const std::string folded_target(MailboxSpace(Folded(target)));
  // The domains people write to that this one sits next to: the detector's
  // target, and any within two edits (mfa.gov.hu by mfa.gov.au, where the
  // detector names the protected mfa.gov; gmx.net by gmx.de).
  auto near = [&](std::string_view d) {
    if (d == domain) return false;
    if (d == folded_target) return true;
    return d.size() <= kMaxLocal && domain.size() <= kMaxLocal && OsaDistance(d, domain, 2) <= 2;
  };
  DomainLists lists;
  if (sender.empty()) {
    for (const auto& [d, list] : org_frequent_) {
      if (near(d)) lists.emplace_back(d, &list);
    }
  } else if (const std::vector<Frequent>* list = ListFor(sender, ""); list != nullptr) {
    for (const Frequent& f : *list) {
      bool listed = std::any_of(lists.begin(), lists.end(),
                                [&f](const auto& l) { return l.first == f.domain; });
      if (!listed && near(f.domain)) lists.emplace_back(f.domain, list);
    }
  }
  std::array<char, kMaxLocal> buffer;
  const std::string_view local = FoldedLocal(address, at, buffer);
  // The same mailbox name at a neighbour: the strongest sign, as the domain
  // is all that changed (a one-letter slip, or autocomplete).
  const Frequent* same = MostWrittenSameLocal(lists, local);
  if (same != nullptr) {
    out->known = same->address;
    out->messages = same->messages;
    out->kind = SlipKind::kNeighbourDomain;
    out->edits = 0;
    out->score = 0.9;
    // Built by append: GCC 12's false -Wrestrict on literal + string (bug 105329).
    out->detail.assign("the same name at ");
    out->detail.append(same->domain).append(", a domain written to next to this one; ");
    out->detail.append(WrittenClause(same->messages, same->last_seen));
    out->last_seen = same->last_seen;
    return true;
  }
  bool found = false;
  for (const auto& [d, list] : lists) {
    Slip slip;
    if (!Best(list, local, d, display, &slip)) continue;
    if (found && slip.score <= out->score) continue;
    std::string where("at ");
    where.append(d).append(", a domain written to next to this one: ");
    slip.detail.insert(0, where);
    *out = std::move(slip);
    found = true;
  }
  return found;
}

}  // namespace nearmiss::engine
