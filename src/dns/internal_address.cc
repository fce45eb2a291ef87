#include "dns/internal_address.h"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <netinet/in.h>

#include <array>
#include <cstdint>
#include <cstring>

namespace nearmiss::dns {
namespace {

struct Range4 {
  uint32_t net;
  int bits;
  const char* kind;
};

constexpr uint32_t V4(int a, int b, int c, int d) {
  return (uint32_t(a) << 24) | (uint32_t(b) << 16) | (uint32_t(c) << 8) | uint32_t(d);
}

// RFC 6890's IPv4 registry, the ranges no public mail exchanger has.
constexpr std::array<Range4, 12> kInternal4 = {{
    {V4(0, 0, 0, 0), 8, "unspecified (0.0.0.0/8)"},
    {V4(127, 0, 0, 0), 8, "loopback"},
    {V4(10, 0, 0, 0), 8, "private (RFC 1918)"},
    {V4(172, 16, 0, 0), 12, "private (RFC 1918)"},
    {V4(192, 168, 0, 0), 16, "private (RFC 1918)"},
    {V4(100, 64, 0, 0), 10, "shared address space (RFC 6598)"},
    {V4(169, 254, 0, 0), 16, "link-local"},
    {V4(192, 0, 0, 0), 24, "IETF protocol assignments (RFC 6890)"},
    {V4(198, 18, 0, 0), 15, "benchmarking (RFC 2544)"},
    {V4(224, 0, 0, 0), 4, "multicast"},
    {V4(255, 255, 255, 255), 32, "broadcast"},  // inside 240/4: first
    {V4(240, 0, 0, 0), 4, "reserved (240.0.0.0/4)"},
}};

std::string Kind4(uint32_t a) {
  for (const Range4& r : kInternal4) {
    const uint32_t mask = r.bits == 0 ? 0 : ~uint32_t{0} << (32 - r.bits);
    if ((a & mask) == r.net) return r.kind;
  }
  return "";
}

std::string Kind6(const in6_addr& a) {
  const uint8_t* b = a.s6_addr;
  static const uint8_t kZero[16] = {};
  if (std::memcmp(b, kZero, 16) == 0) return "unspecified (::)";
  if (std::memcmp(b, kZero, 15) == 0 && b[15] == 1) return "loopback";
  if (IN6_IS_ADDR_V4MAPPED(&a)) {
    return Kind4(V4(b[12], b[13], b[14], b[15]));
  }
  if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) return "link-local";
  if ((b[0] & 0xfe) == 0xfc) return "unique local (RFC 4193)";
  if (b[0] == 0xff) return "multicast";
  return "";
}

// One of this host's interface addresses: the probe would talk to itself.
bool OwnAddress(int family, const void* addr) {
  ifaddrs* list = nullptr;
  if (getifaddrs(&list) != 0) return false;
  bool own = false;
  for (ifaddrs* i = list; i != nullptr && !own; i = i->ifa_next) {
    if (i->ifa_addr == nullptr || i->ifa_addr->sa_family != family) continue;
    if (family == AF_INET) {
      own = std::memcmp(&reinterpret_cast<sockaddr_in*>(i->ifa_addr)->sin_addr, addr,
                        sizeof(in_addr)) == 0;
    } else {
      own = std::memcmp(&reinterpret_cast<sockaddr_in6*>(i->ifa_addr)->sin6_addr, addr,
                        sizeof(in6_addr)) == 0;
    }
  }
  freeifaddrs(list);
  return own;
}

}  // namespace

std::string InternalAddressKind(std::string_view ip) {
  const std::string text(ip);
  in_addr a4{};
  in6_addr a6{};
  if (inet_pton(AF_INET, text.c_str(), &a4) == 1) {
    std::string kind = Kind4(ntohl(a4.s_addr));
    if (kind.empty() && OwnAddress(AF_INET, &a4)) kind = "this host's own address";
    return kind;
  }
  if (inet_pton(AF_INET6, text.c_str(), &a6) == 1) {
    std::string kind = Kind6(a6);
    if (kind.empty() && OwnAddress(AF_INET6, &a6)) kind = "this host's own address";
    return kind;
  }
  return "not an IP address";
}

}  // namespace nearmiss::dns
