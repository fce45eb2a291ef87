#include "engine/routed_mailbox.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "nearmiss/address.h"

namespace nearmiss::engine {

void AddRoutedMailboxTypo(const std::vector<RouteHop>& route_as_given, const RoutedJudge& judge,
                          RecipientCheck& c) {
  if (c.address_typo) return;
  // A copy: it may be the caller's per-thread parse, which each check
  // below reuses.
  const std::vector<RouteHop> route = route_as_given;
  for (const RouteHop& hop : route) {
    // Written as an address of its own, local part quoted if it needs it.
    Address routed;
    routed.local = hop.local;
    const RecipientCheck h = judge(routed.WithDomain(hop.domain.ascii));
    if (!h.address_typo) continue;
    for (const Reason& reason : h.reasons) {
      if (reason.code == ReasonCode::kAddressTypo) c.reasons.push_back(reason);
    }
    Reason routed_reason;
    routed_reason.code = ReasonCode::kRoutedAddress;
    routed_reason.subject = hop.domain.unicode;
    routed_reason.detail = hop.how;
    c.reasons.push_back(std::move(routed_reason));
    c.address_typo = h.address_typo;
    c.target = h.target;
    c.suggestion = h.suggestion;
    c.also_suggestion = h.also_suggestion;
    c.score = std::max(c.score, h.score);
    return;
  }
}

}  // namespace nearmiss::engine
