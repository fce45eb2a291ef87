// The mailbox a routed address is delivered to, judged for the wrong
// person at the right domain: `anna.garcia%partner.example@relay.example.org`
// (percent hack), `partner.example!anna.garcia@relay.example.org` (bang
// path) and a quoted '@' go on from the relay to anna.garcia@partner.example
// (Postfix's RESOLVE_FLAG_ROUTED: the next hop may route them on;
// nearmiss/delivery.h), so a near miss of a frequent address there is the
// same address-typo as the plain `anna.garcia@partner.example` (round 54's
// brief for issue 14, item 2). The routed DOMAIN was judged before; its
// mailbox was not. A display name is judged with the routed mailbox, not
// the relay's: `"Anna Garcia" <mary.jones%partner.example@relay.example.org>`
// names a contact at the domain the mail goes on to, as the plain
// `"Anna Garcia" <mary.jones@partner.example>` does (round 54's tester 14,
// finding 4: the reason said "at another domain than this address").
//
// Thread safety: as the judge given.
#ifndef NEARMISS_ENGINE_ROUTED_MAILBOX_H_
#define NEARMISS_ENGINE_ROUTED_MAILBOX_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "nearmiss/delivery.h"
#include "nearmiss/verdict.h"

namespace nearmiss::engine {

// How a routed mailbox is judged: its check as a recipient of its own, with
// any address-typo found. `entry` is the mailbox as a header entry, with
// the display name it was written under when there is one
// (`"Anna Garcia" <anna.garcia@partner.example>`), else the bare mailbox.
using RoutedJudge = std::function<RecipientCheck(const std::string& entry)>;

// For each hop of `route` (in order; the first with a finding wins),
// `judge` checks the routed mailbox (hop local part @ hop domain), under
// `display` (the relay address's display name, address::DisplayNameOf;
// "" for none); an
// address-typo there is added to `c` (which has none): its reason, kind,
// score, target and suggestion (the frequent address meant), and a
// routed-address reason naming the hop. `c`'s reasons must be a plain list
// (a ReasonSink finished). `route` is copied first: it may be the caller's
// per-thread parse, which the checks reuse, and the caller must not read
// that afterwards.
void AddRoutedMailboxTypo(const std::vector<RouteHop>& route, std::string_view display,
                          const RoutedJudge& judge, RecipientCheck& c);

}  // namespace nearmiss::engine

#endif  // NEARMISS_ENGINE_ROUTED_MAILBOX_H_
