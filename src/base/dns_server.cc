#include "base/dns_server.h"

#include <arpa/inet.h>

#include <algorithm>
#include <charconv>

namespace nearmiss {
namespace {

bool IsV4(std::string_view h) {
  in_addr a{};
  return inet_pton(AF_INET, std::string(h).c_str(), &a) == 1;
}

bool IsV6(std::string_view h) {
  in6_addr a{};
  return inet_pton(AF_INET6, std::string(h).c_str(), &a) == 1;
}

bool IsPort(std::string_view p) {
  int value = 0;
  auto [end, ec] = std::from_chars(p.data(), p.data() + p.size(), value);
  return ec == std::errc() && end == p.data() + p.size() && value > 0 && value < 65536;
}

}  // namespace

bool IsDnsServerAddress(std::string_view s) {
  if (s.starts_with('[')) {  // [IPv6] or [IPv6]:PORT
    size_t close = s.find(']');
    if (close == std::string_view::npos || !IsV6(s.substr(1, close - 1))) return false;
    std::string_view rest = s.substr(close + 1);
    return rest.empty() || (rest.starts_with(':') && IsPort(rest.substr(1)));
  }
  size_t colons = std::count(s.begin(), s.end(), ':');
  if (colons == 0) return IsV4(s);
  if (colons == 1) {  // IPv4:PORT
    size_t colon = s.find(':');
    return IsV4(s.substr(0, colon)) && IsPort(s.substr(colon + 1));
  }
  return IsV6(s);  // a bare IPv6 address, port 53
}

std::string CanonicalDnsServer(std::string_view s) {
  if (s.starts_with('[') && s.ends_with(']')) return std::string(s) + ":53";
  return std::string(s);
}

}  // namespace nearmiss
