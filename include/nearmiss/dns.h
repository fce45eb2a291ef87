// DNS facts about a recipient's domain, and the interface that finds them.
//
// The engine never resolves: a shell (the milter, `nearmiss check`) that has
// a DnsSource asks it about a look-alike's domain and puts the answer in the
// RecipientCheck (`dns`), where rules read it (`can_receive`) and the JSON
// reports it. src/dns/ implements DnsSource with c-ares.
//
// Thread safety: DnsFacts is a plain value; DnsSource implementations are
// safe to call from any number of threads.
#ifndef NEARMISS_DNS_H_
#define NEARMISS_DNS_H_

#include <future>
#include <optional>
#include <string>
#include <string_view>

namespace nearmiss {

// How a domain receives mail (RFC 5321 §5.1, RFC 7505).
enum class MailExchanger {
  kUnknown,   // no answer: the lookup timed out or the server failed
  kMx,        // it publishes MX records
  kImplicit,  // no MX, but an A or AAAA record: the implicit MX of RFC 5321 §5.1
  kNullMx,    // a null MX (one MX, preference 0, host "."): RFC 7505, no mail
  kNone,      // no MX and no address, or the domain does not exist
  // Its MX hosts (or, with no MX, its own addresses) are this machine's:
  // "localhost" (RFC 6761 §6.3) or addresses in 127.0.0.0/8 or ::1 only
  // (RFC 1122 §3.2.1.3, RFC 4291 §2.5.3). Mail sent there loops back to
  // the sender's own server: no mail.
  kLoopback,
  // Its MX hosts do not exist or have no address (RFC 5321 §5.1: no
  // address for any of them, the mail cannot be delivered): no mail.
  kNoExchangerHost,
  // Its MX hosts' (or, with no MX, its own) addresses are all in IANA
  // special-purpose ranges no public host has (RFC 6890; 0.0.0.0/8 and ::,
  // which reach this machine as loopback does, private, link-local,
  // documentation, multicast...), some not loopback: no mail reaches its
  // owner (DnsFacts::address_kind names the range).
  kSpecialAddress,
};
// The names the JSON uses: "unknown", "mx", "implicit", "null-mx", "none",
// "loopback", "mx-host-missing", "special-address".
constexpr std::string_view MailExchangerName(MailExchanger m) {
  switch (m) {
    case MailExchanger::kUnknown: return "unknown";
    case MailExchanger::kMx: return "mx";
    case MailExchanger::kImplicit: return "implicit";
    case MailExchanger::kNullMx: return "null-mx";
    case MailExchanger::kNone: return "none";
    case MailExchanger::kLoopback: return "loopback";
    case MailExchanger::kNoExchangerHost: return "mx-host-missing";
    case MailExchanger::kSpecialAddress: return "special-address";
  }
  return "unknown";
}

struct DnsFacts {
  // Does the domain exist: false on NXDOMAIN (RFC 8020: nothing below it
  // either); nullopt when the answer is unknown (`unknown` says why).
  std::optional<bool> exists;
  // Can it receive mail: an MX or an implicit MX, and not a null MX;
  // nullopt when unknown.
  std::optional<bool> mx;
  MailExchanger exchanger = MailExchanger::kUnknown;
  // With kSpecialAddress, the range of the first such address:
  // "unspecified (0.0.0.0/8)", "private (RFC 1918)"; else "".
  std::string address_kind;
  std::string checked_at;  // UTC, RFC 3339: "2026-11-30T19:02:11Z"
  std::string unknown;     // why unknown: "timeout", "SERVFAIL", "REFUSED"...; else ""
  // Does its mail exchanger accept mail for any address (a catch-all): the
  // answer of the optional probe ([dns] catch_all_probe), which says RCPT TO
  // a random local part that cannot exist at its first MX (RFC 5321 §3.3):
  // 250/251 true, 550/551/553 false. nullopt when not probed (probe off, no
  // mail exchanger, DNS unknown) or the answer was anything else or late;
  // `catch_all_unknown` says why when the probe was on.
  std::optional<bool> catch_all;
  std::string catch_all_unknown;  // "timeout", "reply 451", "connection refused"...; else ""

  // Fails closed: an unknown answer counts as "can receive", so a rule that
  // holds a look-alike only when it can receive mail still holds it when
  // DNS did not answer.
  bool CanReceive() const { return !mx.has_value() || *mx; }
  // Fails closed the same way: a catch-all the probe could not rule out
  // (not probed, unknown) counts as one, so a rule that holds mail to
  // catch-all look-alikes still holds it when the probe did not answer.
  // A domain DNS says receives no mail accepts no address.
  bool AcceptsAnyAddress() const {
    if (mx.has_value() && !*mx) return false;
    return !catch_all.has_value() || *catch_all;
  }
};

class DnsSource {
 public:
  virtual ~DnsSource() = default;
  // Starts a lookup of `ascii_domain` (A-labels, no trailing dot), or joins
  // one in flight, or answers from the cache. The future is ready by the
  // source's deadline at the latest: a lookup past it is answered as
  // unknown ("timeout"), so a caller may wait on it without a timeout of
  // its own. Never throws.
  virtual std::shared_future<DnsFacts> Lookup(std::string_view ascii_domain) = 0;
  // Whether the shells look up every look-alike, also one whose decision
  // no DNS answer can change (RecipientCheck::dns_can_decide; [dns]
  // lookup_every_lookalike). False by default.
  virtual bool LooksUpEveryLookalike() const { return false; }
};

}  // namespace nearmiss

#endif  // NEARMISS_DNS_H_
