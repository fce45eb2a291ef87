#include "dns/server_list.h"

#include <arpa/inet.h>
#include <netinet/in.h>

#include <algorithm>

#include "base/dns_server.h"

namespace nearmiss::dns {

Status CheckServers(const std::vector<std::string>& servers) {
  if (servers.empty()) {
    return Status::InvalidArgument(
        "no DNS server given: list them in [dns] servers or with --dns-server IP[:PORT] "
        "(\"system\" for the system's resolv.conf(5))");
  }
  for (const std::string& s : servers) {
    if (s == kSystemDnsServers) {
      if (servers.size() > 1) {
        return Status::InvalidArgument("DNS server \"system\" stands alone, not with others");
      }
    } else if (!IsDnsServerAddress(s)) {
      return Status::InvalidArgument("bad DNS server '" + s +
                                     "': write IP, IP:PORT or [IPv6]:PORT, port 1-65535, or "
                                     "\"system\"");
    }
  }
  return Status::Ok();
}

bool IsLoopbackServer(std::string_view server) {
  std::string host(server);
  if (host.starts_with('[')) {
    size_t close = host.find(']');
    if (close == std::string::npos) return false;
    host = host.substr(1, close - 1);
  } else if (std::count(host.begin(), host.end(), ':') == 1) {
    host = host.substr(0, host.find(':'));
  }
  if (host == "localhost") return true;
  in_addr v4{};
  if (inet_pton(AF_INET, host.c_str(), &v4) == 1) return (ntohl(v4.s_addr) >> 24) == 127;
  in6_addr v6{};
  return inet_pton(AF_INET6, host.c_str(), &v6) == 1 && IN6_IS_ADDR_LOOPBACK(&v6);
}

}  // namespace nearmiss::dns
