// InternalAddressKind: is an address one the catch-all probe must never
// connect to?
//
// The probe (catch_all_probe.h) connects to whatever address a look-alike's
// MX record names, and anyone can register a look-alike and point its MX
// anywhere. An address inside the organisation would make the mail host
// open SMTP connections into its own network (and tell its EHLO name there),
// so those are refused and the catch-all answer is unknown (issue 15,
// breaker round 3, item 5).
//
// Internal, from the IANA special-purpose registries (RFC 6890, RFC 8190;
// the registries' "Globally Reachable: False" entries and the deprecated
// relay and address forms; internal_address.cc lists each with its RFC):
//   IPv4: 0.0.0.0/8 unspecified/"this network" (RFC 1122), 127.0.0.0/8
//   loopback, 10/8, 172.16/12, 192.168/16 private (RFC 1918), 100.64/10
//   shared address space (RFC 6598), 169.254/16 link-local (RFC 3927),
//   192.0.0.0/24 protocol assignments, 192.0.2/24, 198.51.100/24,
//   203.0.113/24 documentation (RFC 5737), 192.88.99/24 6to4 relay
//   anycast (RFC 7526), 198.18/15 benchmarking (RFC 2544), 224/4 multicast
//   (RFC 5771), 240/4 reserved and 255.255.255.255 broadcast.
//   IPv6: :: unspecified, ::1 loopback (RFC 4291), fe80::/10 link-local,
//   fec0::/10 site-local (RFC 3879), fc00::/7 unique local (RFC 4193),
//   ff00::/8 multicast, 100::/64 discard-only (RFC 6666), 2001:db8::/32
//   and 3fff::/20 documentation (RFC 3849, RFC 9637), 2001:2::/48
//   benchmarking (RFC 5180), 2001:10::/28 and 2001:20::/28 ORCHID (RFC
//   4843, RFC 7343), 5f00::/16 SRv6 SIDs (RFC 9602).
//   IPv6 forms of an IPv4 address are judged as that IPv4 address:
//   IPv4-mapped ::ffff:a.b.c.d, NAT64 64:ff9b::a.b.c.d (RFC 6052: on an
//   IPv6-only host 64:ff9b::a01:203 reaches 10.1.2.3), 6to4 2002:AABB:CCDD::
//   (RFC 3056), Teredo 2001:0::/32 (RFC 4380: server and inverted client
//   address); the deprecated IPv4-compatible ::a.b.c.d (RFC 4291 2.5.5.1)
//   and local-use NAT64 64:ff9b:1::/48 (RFC 8215) are refused whatever
//   IPv4 address they carry.
//   And every address of this host's own interfaces (getifaddrs(3)).
#ifndef NEARMISS_DNS_INTERNAL_ADDRESS_H_
#define NEARMISS_DNS_INTERNAL_ADDRESS_H_

#include <netinet/in.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace nearmiss::dns {

// The IANA special-purpose range `a` (an IPv4 address in host byte order)
// or `a6` is in, named as a phrase ("unspecified (0.0.0.0/8)", "loopback",
// "private (RFC 1918)"), or "" for an address a public host may have: the
// ranges listed above, without this host's own addresses. No public mail
// exchanger has one, so the DNS facts count a mail exchanger whose every
// address is in one as receiving no mail (answer.h, ReadAddresses).
std::string SpecialAddressKind4(uint32_t a);
std::string SpecialAddressKind6(const in6_addr& a6);

// True when `addr` (an in_addr for AF_INET, an in6_addr for AF_INET6) is
// one of this host's interface addresses (getifaddrs(3)).
bool OwnInterfaceAddress(int family, const void* addr);

// "" for an address the probe may connect to; else why not, as a phrase
// ("loopback", "private (RFC 1918)", "this host's own address"). A string
// that is no IPv4 or IPv6 literal is "not an IP address": refused too.
std::string InternalAddressKind(std::string_view ip);

}  // namespace nearmiss::dns

#endif  // NEARMISS_DNS_INTERNAL_ADDRESS_H_
