// The [dns] servers list as the resolver takes it (base/dns_server.h gives
// the spelling of one server).
//
// Thread safety: pure functions.
#ifndef NEARMISS_DNS_SERVER_LIST_H_
#define NEARMISS_DNS_SERVER_LIST_H_

#include <string>
#include <string_view>
#include <vector>

#include "nearmiss/status.h"

namespace nearmiss::dns {

// Ok for one or more server addresses, or "system" alone. An empty list is
// refused rather than read as the system's resolvers: those (often a public
// one) would learn every look-alike the organisation almost wrote to.
// Errors: InvalidArgument naming the server at fault.
Status CheckServers(const std::vector<std::string>& servers);

// Whether `server` ("127.0.0.1:5353", "[::1]:53", "localhost") names a
// loopback address: tests assert it, so no test queries public DNS.
bool IsLoopbackServer(std::string_view server);

}  // namespace nearmiss::dns

#endif  // NEARMISS_DNS_SERVER_LIST_H_
