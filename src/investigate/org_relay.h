// OrgRelayJudge: whether a relay on a public address is the
// organisation's own, so that a "sent" to it only handed the message on
// (maillog/postfix_log_options.h, organisation_relay): its 250 is the
// organisation's gateway queueing it, and the outcome at the look-alike's
// server is in the gateway's log, not in this one.
//
// A relay's host name is the organisation's when it is named
//   - under the sender's registered domain (smtp-gw.army.mil for
//     alice@army.mil; the public suffix list's registrable name, libpsl),
//     unless that domain is a public mail provider's (alice@gmail.com
//     through smtp.gmail.com is the provider's relay, not the
//     organisation's);
//   - under a protected domain or namespace (data/lists/protected.txt:
//     smtp-gw2.mail.mil for alice@army.mil, under ".mil"), or one of the
//     organisation's domains ([domains] organisation in the policy): the
//     engine's kTrusted verdict with the source kProtected or
//     kOrganisation (nearmiss/verdict.h);
// and never when the policy flags its domain (a look-alike, a blocked
// domain: a look-alike's MX is no relay of the organisation), nor when it
// is under the recipient's own registered domain (the recipient's MX).
//
// A relay under the sender's registered domain when that domain is a
// shared mailbox or hosting provider is the provider's, not the
// organisation's: its staff and its customers send through it alike. For
// a mailbox provider (the engine's kProvider trust: gmail.com,
// outlook.com) the provider rule stands (its 250 a delivery, as before);
// for an operator of data/lists/outbound-relays.txt that is no mailbox
// provider (sendgrid.net, mailgun.org, mimecast.com) the list's rule:
// a smart host outside the organisation (IsProviderRelay;
// maillog/smart_host.h), outcome unknown, never the recipient's server
// and never a hand-off to the organisation's log.
//
// Thread safety: one per Auditor (it caches its answers, bounded).
#ifndef NEARMISS_INVESTIGATE_ORG_RELAY_H_
#define NEARMISS_INVESTIGATE_ORG_RELAY_H_

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "nearmiss/engine.h"

namespace nearmiss::investigate {

class OrgRelayJudge {
 public:
  explicit OrgRelayJudge(std::shared_ptr<const Engine> engine) : engine_(std::move(engine)) {}
  // `relay_host` as Postfix logs it before "[address]" ("smtp-gw2.mail.mil",
  // any case, maybe a trailing dot); `sender` and `recipient` the
  // delivery's addresses.
  bool IsOrganisationRelay(std::string_view relay_host, std::string_view sender,
                           std::string_view recipient);
  // The relay is the sender's mail provider's (above); same arguments.
  bool IsProviderRelay(std::string_view relay_host, std::string_view sender,
                       std::string_view recipient);

 private:
  // The engine's answer for `host`: 1 the organisation's (protected or
  // its own), 0 neither, -1 flagged.
  int HostClass(const std::string& host);
  // The registered domain of `address`'s domain; "" when it has none.
  static std::string Registered(std::string_view address);
  // `relay_host` lower case, without a trailing dot; "" when it names no
  // host (no reverse name, an address).
  static std::string HostName(std::string_view relay_host);
  bool Provider(const std::string& domain);

  std::shared_ptr<const Engine> engine_;
  std::unordered_map<std::string, int> hosts_;
  std::unordered_map<std::string, bool> providers_;
  static constexpr size_t kMaxCached = 1 << 14;
};

}  // namespace nearmiss::investigate

#endif  // NEARMISS_INVESTIGATE_ORG_RELAY_H_
