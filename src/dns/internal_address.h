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
// Internal, from the IANA special-purpose registries (RFC 6890):
//   IPv4: 0.0.0.0/8 unspecified/"this network" (RFC 1122), 127.0.0.0/8
//   loopback, 10/8, 172.16/12, 192.168/16 private (RFC 1918), 100.64/10
//   shared address space (RFC 6598), 169.254/16 link-local (RFC 3927),
//   192.0.0.0/24 protocol assignments, 198.18/15 benchmarking (RFC 2544),
//   224/4 multicast (RFC 5771), 240/4 reserved and 255.255.255.255
//   broadcast.
//   IPv6: :: unspecified, ::1 loopback (RFC 4291), fe80::/10 link-local,
//   fc00::/7 unique local (RFC 4193), ff00::/8 multicast; an IPv4-mapped
//   address (::ffff:a.b.c.d) is judged as its IPv4 address.
//   And every address of this host's own interfaces (getifaddrs(3)).
#ifndef NEARMISS_DNS_INTERNAL_ADDRESS_H_
#define NEARMISS_DNS_INTERNAL_ADDRESS_H_

#include <string>
#include <string_view>

namespace nearmiss::dns {

// "" for an address the probe may connect to; else why not, as a phrase
// ("loopback", "private (RFC 1918)", "this host's own address"). A string
// that is no IPv4 or IPv6 literal is "not an IP address": refused too.
std::string InternalAddressKind(std::string_view ip);

}  // namespace nearmiss::dns

#endif  // NEARMISS_DNS_INTERNAL_ADDRESS_H_
