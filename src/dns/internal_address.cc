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

// The IANA IPv4 Special-Purpose Address Registry (RFC 6890, updated by RFC
// 8190), every entry no public mail exchanger has: "Globally Reachable"
// False, or a relay/anycast service that is no mail host (192.88.99.0/24).
// The registry's globally reachable entries (192.0.0.9/32, 192.0.0.10/32,
// 192.31.196.0/24 AS112, 192.52.193.0/24 AMT, 192.175.48.0/24) are left
// out: their hosts are real, if never mail exchangers.
constexpr std::array<Range4, 16> kInternal4 = {{
    {V4(0, 0, 0, 0), 8, "unspecified (0.0.0.0/8)"},
    {V4(127, 0, 0, 0), 8, "loopback"},
    {V4(10, 0, 0, 0), 8, "private (RFC 1918)"},
    {V4(172, 16, 0, 0), 12, "private (RFC 1918)"},
    {V4(192, 168, 0, 0), 16, "private (RFC 1918)"},
    {V4(100, 64, 0, 0), 10, "shared address space (RFC 6598)"},
    {V4(169, 254, 0, 0), 16, "link-local"},
    {V4(192, 0, 0, 0), 24, "IETF protocol assignments (RFC 6890)"},
    {V4(192, 0, 2, 0), 24, "documentation (RFC 5737)"},
    {V4(198, 51, 100, 0), 24, "documentation (RFC 5737)"},
    {V4(203, 0, 113, 0), 24, "documentation (RFC 5737)"},
    {V4(192, 88, 99, 0), 24, "6to4 relay anycast (RFC 3068, deprecated by RFC 7526)"},
    {V4(198, 18, 0, 0), 15, "benchmarking (RFC 2544)"},
    {V4(224, 0, 0, 0), 4, "multicast"},
    {V4(255, 255, 255, 255), 32, "broadcast"},  // inside 240/4: first
    {V4(240, 0, 0, 0), 4, "reserved (240.0.0.0/4)"},
}};

}  // namespace

std::string SpecialAddressKind4(uint32_t a) {
  for (const Range4& r : kInternal4) {
    const uint32_t mask = r.bits == 0 ? 0 : ~uint32_t{0} << (32 - r.bits);
    if ((a & mask) == r.net) return r.kind;
  }
  return "";
}

namespace {

struct Range6 {
  uint8_t prefix[8];  // the first bytes of the range; the rest are zero
  int bits;           // at most 64
  const char* kind;
};

// The IANA IPv6 Special-Purpose Address Registry (RFC 6890) and address
// space registry entries no public mail exchanger has, besides ::, ::1,
// the IPv4 forms (judged by their IPv4 address: see SpecialAddressKind6)
// and the ones with a leading byte test (fe80::/10, fc00::/7, ff00::/8).
constexpr std::array<Range6, 8> kInternal6 = {{
    {{0x01, 0x00, 0, 0, 0, 0, 0, 0}, 64, "discard-only (RFC 6666)"},  // 100::/64
    {{0x20, 0x01, 0x0d, 0xb8, 0, 0}, 32, "documentation (RFC 3849)"},
    {{0x3f, 0xff, 0, 0, 0, 0}, 20, "documentation (RFC 9637)"},
    {{0x20, 0x01, 0x00, 0x02, 0x00, 0x00, 0, 0}, 48, "benchmarking (RFC 5180)"},
    {{0x20, 0x01, 0x00, 0x10, 0, 0}, 28, "ORCHID (RFC 4843, deprecated)"},
    {{0x20, 0x01, 0x00, 0x20, 0, 0}, 28, "ORCHIDv2 (RFC 7343)"},
    {{0xfe, 0xc0, 0, 0, 0, 0}, 10, "site-local (deprecated by RFC 3879)"},
    {{0x5f, 0x00, 0, 0, 0, 0}, 16, "SRv6 SIDs (RFC 9602)"},
}};

bool InPrefix(const uint8_t* b, const uint8_t* prefix, int bits) {
  for (int i = 0; bits > 0; ++i, bits -= 8) {
    const uint8_t mask = bits >= 8 ? 0xff : uint8_t(0xff << (8 - bits));
    if ((b[i] & mask) != (prefix[i] & mask)) return false;
  }
  return true;
}

bool ZeroBytes(const uint8_t* b, int from, int to) {
  for (int i = from; i < to; ++i) {
    if (b[i] != 0) return false;
  }
  return true;
}

uint32_t V4At(const uint8_t* b, int i) { return V4(b[i], b[i + 1], b[i + 2], b[i + 3]); }

// An IPv6 address that carries an IPv4 one: the IPv4 address decides (an
// IPv6 route to it ends at that IPv4 host). Sets `v4` and returns the form's
// name, or nullptr for no IPv4 form.
//   ::ffff:0:0/96 IPv4-mapped, ::/96 IPv4-compatible (deprecated: RFC 4291
//   2.5.5), 64:ff9b::/96 NAT64 well-known prefix (RFC 6052 2.1),
//   64:ff9b:1::/48 local-use NAT64 (RFC 8215; the IPv4 in bits 48-63 and
//   72-87, RFC 6052 2.2), 2002::/16 6to4 (RFC 3056 2), 2001::/32 Teredo
//   (RFC 4380 4: the client's address inverted in the last 32 bits; the
//   server's in bits 32-63 is judged too, by the caller).
const char* EmbeddedV4(const uint8_t* b, uint32_t& v4) {
  static const uint8_t kNat64[] = {0x00, 0x64, 0xff, 0x9b, 0x00, 0x01};
  if (IN6_IS_ADDR_V4MAPPED(reinterpret_cast<const in6_addr*>(b))) {
    v4 = V4At(b, 12);
    return "IPv4-mapped";
  }
  if (ZeroBytes(b, 0, 12)) {
    v4 = V4At(b, 12);
    return "IPv4-compatible (deprecated, RFC 4291)";
  }
  if (InPrefix(b, kNat64, 32) && ZeroBytes(b, 4, 12)) {
    v4 = V4At(b, 12);
    return "NAT64 (RFC 6052)";
  }
  if (InPrefix(b, kNat64, 48)) {
    v4 = V4(b[6], b[7], b[9], b[10]);
    return "local-use NAT64 (RFC 8215)";
  }
  if (b[0] == 0x20 && b[1] == 0x02) {
    v4 = V4At(b, 2);
    return "6to4 (RFC 3056)";
  }
  if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0) {
    v4 = ~V4At(b, 12);
    return "Teredo (RFC 4380)";
  }
  return nullptr;
}

}  // namespace

std::string SpecialAddressKind6(const in6_addr& a) {
  const uint8_t* b = a.s6_addr;
  if (ZeroBytes(b, 0, 16)) return "unspecified (::)";
  if (ZeroBytes(b, 0, 15) && b[15] == 1) return "loopback";
  uint32_t v4 = 0;
  if (const char* form = EmbeddedV4(b, v4)) {
    std::string kind = SpecialAddressKind4(v4);
    if (kind.empty() && std::strcmp(form, "Teredo (RFC 4380)") == 0) kind = SpecialAddressKind4(V4At(b, 4));
    const bool always = std::strstr(form, "deprecated") != nullptr ||
                        std::strstr(form, "local-use") != nullptr;
    if (kind.empty() && always) return form;  // not globally reachable at all
    if (kind.empty() || std::strcmp(form, "IPv4-mapped") == 0) return kind;
    std::string out = form;
    out += " of ";
    out += kind;
    return out;
  }
  if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) return "link-local";
  if ((b[0] & 0xfe) == 0xfc) return "unique local (RFC 4193)";
  if (b[0] == 0xff) return "multicast";
  for (const Range6& r : kInternal6) {
    if (InPrefix(b, r.prefix, r.bits)) return r.kind;
  }
  return "";
}

// One of this host's interface addresses: the probe would talk to itself.
bool OwnInterfaceAddress(int family, const void* addr) {
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

std::string InternalAddressKind(std::string_view ip) {
  const std::string text(ip);
  in_addr a4{};
  in6_addr a6{};
  if (inet_pton(AF_INET, text.c_str(), &a4) == 1) {
    std::string kind = SpecialAddressKind4(ntohl(a4.s_addr));
    if (kind.empty() && OwnInterfaceAddress(AF_INET, &a4)) kind = "this host's own address";
    return kind;
  }
  if (inet_pton(AF_INET6, text.c_str(), &a6) == 1) {
    std::string kind = SpecialAddressKind6(a6);
    if (kind.empty() && OwnInterfaceAddress(AF_INET6, &a6)) kind = "this host's own address";
    return kind;
  }
  return "not an IP address";
}

}  // namespace nearmiss::dns
