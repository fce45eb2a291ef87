// A next hop as an administrator writes it in Postfix's main.cf, read for
// audit --smart-host and --final-relay: the forms of relayhost (postconf(5)
// "relayhost": "[host]", "[host]:port", "host", "host:port", "[address]",
// "[ipv6:address]") and of a transport(5) next hop with its transport
// ("smtp:[relay.example.net]:587"). The brackets only turn off Postfix's
// MX lookup; the host named is the same.
//
// Thread safety: a pure function.
#ifndef NEARMISS_MAILLOG_RELAY_HOST_H_
#define NEARMISS_MAILLOG_RELAY_HOST_H_

#include <string>
#include <string_view>

namespace nearmiss::maillog {

// A next hop read: its host, lower case without a trailing dot (a name, an
// IPv4 address, or an IPv6 address without "ipv6:"), and its port (0 when
// none is given).
struct RelayHost {
  std::string host;
  int port = 0;
};

// Reads `given`; false, with `*why` saying what is wrong, for what no
// Postfix next hop is: empty, a host that is no host name or address
// ("10.0.0.0/8"; a name Postfix's valid_hostname(), src/util/
// valid_hostname.c, refuses: a label empty, over 63 characters or
// starting or ending with a hyphen, a character other than letters,
// digits, '-' and '_', over 255 in all, all numeric), a port that is no number in 1-65535 nor a service name
// Postfix's smtp client knows here ("smtp", "submission", "submissions").
bool ReadRelayHost(std::string_view given, RelayHost* out, std::string* why);

// `text` as an IPv4 or IPv6 address in the form Postfix logs it
// (inet_ntop: RFC 5952's for IPv6, "fd00::40" for "FD00:0:0::40"); ""
// when it is no address.
std::string NormalAddress(std::string_view text);

// `hop` as final_relay.h's FinalRelay takes a declared relay: "HOST", or
// "[HOST]:PORT" when a port is given.
std::string DeclaredRelay(const RelayHost& hop);

}  // namespace nearmiss::maillog

#endif  // NEARMISS_MAILLOG_RELAY_HOST_H_
