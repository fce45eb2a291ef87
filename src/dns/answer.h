// Reading c-ares answers: the TTL of an answer section, and the name a
// failed query's status goes by in the verdict ("SERVFAIL", "timeout").
//
// Thread safety: pure functions.
#ifndef NEARMISS_DNS_ANSWER_H_
#define NEARMISS_DNS_ANSWER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace nearmiss::dns {

// The smallest TTL (seconds) among the answer records of the DNS message
// `abuf` (RFC 1035 §4.1), names skipped with ares_expand_name; nullopt when
// no answer record has the RR type `type` (ns_t_a, ns_t_mx, ...) or the
// message does not parse. A CNAME chain's records count towards the TTL
// (the chain bounds how long the answer holds, RFC 2181 §10.1) but not as
// an answer: a CNAME to a name with no data of the type (RFC 1034 §3.6.2)
// answers nothing.
std::optional<uint32_t> MinAnswerTtl(const unsigned char* abuf, int alen, unsigned type);

// RFC 2308 §5: a negative answer (NXDOMAIN, or NODATA) is kept for the
// smaller of its authority section's SOA record's TTL and that SOA's
// MINIMUM field. nullopt when the message carries no SOA there (a
// forwarder such as dnsmasq's `local=` answers without one): RFC 2308 §5,
// "Negative responses without SOA records SHOULD NOT be cached".
std::optional<uint32_t> NegativeTtl(const unsigned char* abuf, int alen);

// The A or AAAA records (`type`: ns_t_a, ns_t_aaaa) of the answer `abuf`,
// counted, and how many of them are addresses no mail host has: loopback,
// 127.0.0.0/8 (RFC 1122 §3.2.1.3), ::1 (RFC 4291 §2.5.3) or
// ::ffff:127.0.0.0/104, or in another IANA special-purpose range
// (internal_address.h, SpecialAddressKind4/6: 0.0.0.0/8 and ::, which
// Linux connects to this host as it does loopback; private, link-local,
// documentation, multicast and the rest). Mail to one bounces or stays
// inside the sender's own network (issue 15, tester 15 round 55, finding
// 3). A message that does not parse has none.
//
// Addresses that are this host are counted apart too, as Postfix's
// smtp_find_self (src/smtp/smtp_addr.c) finds them: loopback, the
// unspecified 0.0.0.0 and :: (Linux connects them to this host, whose own
// server then greets with its own name: "mail loops back to myself",
// 5.4.6), and this host's interface addresses (getifaddrs(3)), public ones
// included: a public one is counted in `own` and is no usable address.
struct AnswerAddresses {
  int count = 0;
  int loopback = 0;  // loopback addresses
  int special = 0;   // addresses in another special-purpose range
  std::string kind;  // the first of those ranges' name: "unspecified (0.0.0.0/8)"
  int unspecified = 0;  // 0.0.0.0 or :: (counted in `special` too)
  int own = 0;          // this host's interface addresses in no special range
  // Addresses a public mail exchanger may have.
  int usable() const { return count - loopback - special - own; }
  // Addresses that are this host (Postfix: smtp_find_self).
  int this_host() const { return loopback + unspecified + own; }
};
AnswerAddresses ReadAddresses(const unsigned char* abuf, int alen, unsigned type);

// "localhost" or a name under .localhost (RFC 6761 §6.3), any case, with or
// without the final dot, or a loopback address written as the name
// (127.0.0.1, ::1): always this machine.
bool LocalhostName(std::string_view host);

// Why a query with c-ares status `status` left the facts unknown:
// "timeout", "SERVFAIL", "REFUSED", "connection refused", "bad answer", or
// ares_strerror's text.
std::string UnknownReason(int status);

}  // namespace nearmiss::dns

#endif  // NEARMISS_DNS_ANSWER_H_
