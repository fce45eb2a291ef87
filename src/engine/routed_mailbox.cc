#include "engine/routed_mailbox.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "nearmiss/address.h"

namespace nearmiss::engine {

void AddRoutedMailboxTypo(const std::vector<RouteHop>& route_as_given,
                          std::string_view display_as_given, const RoutedJudge& judge,
                          RecipientCheck& c) {
  if (c.address_typo) return;
  // Copies, for the same reason: `display` may point into the caller's input.
  const std::string display(display_as_given);
  // A copy: it may be the caller's per-thread parse, which each check
  // below reuses.
  const std::vector<RouteHop> route = route_as_given;
  for (const RouteHop& hop : route) {
    // Written as an address of its own, local part quoted if it needs it.
    Address routed;
    routed.local = hop.local;
    const std::string mailbox = routed.WithDomain(hop.domain.ascii);
    RecipientCheck h;
    if (!display.empty()) {
      // Written back as DisplayNameOf read it (the phrase between its
      // quotes, escapes kept), so the routed entry's name is the relay's.
      h = judge("\"" + display + "\" <" + mailbox + ">");
    }
    // No name, or one that does not parse around this mailbox: the bare
    // mailbox is still judged.
    if (display.empty() || (h.verdict != Verdict::kTrusted && h.verdict != Verdict::kExternal &&
                            !h.address_typo)) {
      h = judge(mailbox);
    }
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
