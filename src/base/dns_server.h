// The spelling of one DNS server to ask, as [dns] servers and --dns-server
// take it: "192.0.2.1" (port 53), "127.0.0.1:5353", "2001:db8::1",
// "[::1]", "[::1]:5353" (the forms c-ares' ares_set_servers_ports_csv
// takes), or "system": the resolvers of the system's resolv.conf(5), used
// only when asked for by that name, alone.
//
// Thread safety: pure functions.
#ifndef NEARMISS_BASE_DNS_SERVER_H_
#define NEARMISS_BASE_DNS_SERVER_H_

#include <string>
#include <string_view>

namespace nearmiss {

inline constexpr std::string_view kSystemDnsServers = "system";

// True for an IP address with an optional port 1..65535 in the forms
// above; false for "system", "", a name, port 0 or past 65535.
bool IsDnsServerAddress(std::string_view s);

// The form handed to c-ares: "[IPv6]" gets its port 53 written out.
std::string CanonicalDnsServer(std::string_view s);

}  // namespace nearmiss

#endif  // NEARMISS_BASE_DNS_SERVER_H_
