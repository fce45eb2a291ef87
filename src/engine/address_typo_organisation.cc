// AddressIndex::FindOrganisationSlip: a slip of a frequent address at
// another domain of the same organisation (address_typo.h). A subdomain is
// trusted through its parent (us.partner.example under partner.example),
// so the domain check says nothing there; the people written to at the
// parent and the sibling subdomains say who was meant.
#include <algorithm>
#include <array>
#include <string>
#include <utility>
#include <vector>

#include "address/public_suffix.h"
#include "engine/address_fold.h"
#include "engine/address_typo.h"
#include "engine/mailbox_space.h"

namespace nearmiss::engine {
namespace {

// Where a frequent address at `d` sits in `organisation`, for the detail.
std::string Where(std::string_view d, std::string_view organisation) {
  std::string out(d == organisation ? ", the organisation's own domain" : ", another domain of ");
  if (d != organisation) out.append(organisation);
  return out;
}

}  // namespace

std::string OrganisationOf(std::string_view domain) {
  std::string d = Folded(domain);
  while (!d.empty() && d.back() == '.') d.pop_back();
  address::SuffixViews split = address::SplitSuffixViews(d);
  return split.registrable.empty() ? d : std::string(split.registrable);
}

bool AddressIndex::InFrequentOrganisation(std::string_view domain) const {
  return !organisations_.empty() &&
         organisations_.find(OrganisationOf(MailboxSpace(Folded(domain)))) !=
             organisations_.end();
}

bool AddressIndex::FindOrganisationSlip(std::string_view sender, std::string_view address,
                                        std::string_view display, bool known,
                                        Slip* out) const {
  size_t at = address.rfind('@');
  if (at == std::string_view::npos || at == 0 || at > kMaxLocal) return false;
  const std::string domain(MailboxSpace(Folded(address.substr(at + 1))));
  const std::string organisation = OrganisationOf(domain);
  if (organisations_.find(organisation) == organisations_.end()) return false;
  // The organisation's other domains that frequent addresses are at.
  DomainLists lists;
  auto add = [&](const Frequent& f, const std::vector<Frequent>* list) {
    if (f.domain == domain || f.organisation != organisation) return;
    if (std::none_of(lists.begin(), lists.end(),
                     [&f](const auto& l) { return l.first == f.domain; })) {
      lists.emplace_back(f.domain, list);
    }
  };
  if (sender.empty()) {
    for (const auto& [d, list] : org_frequent_) {
      if (!list.empty()) add(list.front(), &list);
    }
  } else if (const std::vector<Frequent>* list = ListFor(sender, ""); list != nullptr) {
    for (const Frequent& f : *list) add(f, list);
  }
  if (lists.empty()) return false;
  std::array<char, kMaxLocal> buffer;
  const std::string_view local = FoldedLocal(address, at, buffer);
  if (!known) {
    // The same mailbox name at another of its domains.
    const Frequent* same = MostWrittenSameLocal(lists, local);
    if (same != nullptr) {
      *out = Slip{same->address, same->messages, SlipKind::kNeighbourDomain, 0, 0.7, {},
                  same->last_seen};
      // Built by append: GCC 12's false -Wrestrict on literal + string (bug 105329).
      out->detail.assign("the same name at ");
      out->detail.append(same->domain).append(Where(same->domain, organisation));
      out->detail.append("; ").append(WrittenClause(same->messages, same->last_seen));
      return true;
    }
  }
  bool found = false;
  for (const auto& [d, list] : lists) {
    Slip slip;
    if (!Best(list, local, d, display, &slip, /*display_only=*/known)) continue;
    if (found && slip.score <= out->score) continue;
    std::string where("at ");
    where.append(d).append(Where(d, organisation)).append(": ");
    slip.detail.insert(0, where);
    *out = std::move(slip);
    found = true;
  }
  return found;
}

}  // namespace nearmiss::engine
