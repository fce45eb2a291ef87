#include "dns/answer.h"

#include <ares.h>
#include <arpa/inet.h>
#include <arpa/nameser.h>

#include <algorithm>
#include <cstring>

#include "base/ascii.h"
#include "dns/internal_address.h"

namespace nearmiss::dns {
namespace {

// Skips the (possibly compressed) name at `p`; false when it does not parse.
bool SkipName(const unsigned char* abuf, int alen, const unsigned char*& p) {
  char* name = nullptr;
  long used = 0;
  if (ares_expand_name(p, abuf, alen, &name, &used) != ARES_SUCCESS) return false;
  ares_free_string(name);
  p += used;
  return p <= abuf + alen;
}

unsigned Read16(const unsigned char* p) { return (unsigned{p[0]} << 8) | p[1]; }

}  // namespace

std::optional<uint32_t> MinAnswerTtl(const unsigned char* abuf, int alen, unsigned type) {
  constexpr int kHeader = 12;  // RFC 1035 §4.1.1
  if (abuf == nullptr || alen < kHeader) return std::nullopt;
  unsigned questions = Read16(abuf + 4);
  unsigned answers = Read16(abuf + 6);
  const unsigned char* p = abuf + kHeader;
  const unsigned char* end = abuf + alen;
  for (unsigned i = 0; i < questions; ++i) {
    if (!SkipName(abuf, alen, p) || end - p < 4) return std::nullopt;
    p += 4;  // QTYPE, QCLASS
  }
  std::optional<uint32_t> ttl;
  bool typed = false;
  for (unsigned i = 0; i < answers; ++i) {
    // NAME, TYPE(2) CLASS(2) TTL(4) RDLENGTH(2) RDATA
    if (!SkipName(abuf, alen, p) || end - p < 10) return std::nullopt;
    typed = typed || Read16(p) == type;
    uint32_t t = (uint32_t{p[4]} << 24) | (uint32_t{p[5]} << 16) | (uint32_t{p[6]} << 8) | p[7];
    // RFC 2181 §8: a TTL with the top bit set is treated as zero.
    if (t & 0x80000000u) t = 0;
    ttl = ttl ? std::min(*ttl, t) : t;
    unsigned rdlength = Read16(p + 8);
    p += 10;
    if (end - p < static_cast<long>(rdlength)) return std::nullopt;
    p += rdlength;
  }
  if (!typed) return std::nullopt;
  return ttl;
}

std::optional<uint32_t> NegativeTtl(const unsigned char* abuf, int alen) {
  constexpr int kHeader = 12;
  constexpr unsigned kSoa = 6;
  if (abuf == nullptr || alen < kHeader) return std::nullopt;
  const unsigned questions = Read16(abuf + 4);
  const unsigned records = Read16(abuf + 6) + Read16(abuf + 8);  // answers, then authority
  const unsigned answers = Read16(abuf + 6);
  const unsigned char* p = abuf + kHeader;
  const unsigned char* end = abuf + alen;
  for (unsigned i = 0; i < questions; ++i) {
    if (!SkipName(abuf, alen, p) || end - p < 4) return std::nullopt;
    p += 4;
  }
  for (unsigned i = 0; i < records; ++i) {
    if (!SkipName(abuf, alen, p) || end - p < 10) return std::nullopt;
    const unsigned type = Read16(p);
    uint32_t ttl = (uint32_t{p[4]} << 24) | (uint32_t{p[5]} << 16) | (uint32_t{p[6]} << 8) | p[7];
    if (ttl & 0x80000000u) ttl = 0;
    const unsigned rdlength = Read16(p + 8);
    p += 10;
    if (end - p < static_cast<long>(rdlength)) return std::nullopt;
    const unsigned char* next = p + rdlength;
    if (i >= answers && type == kSoa) {
      // MNAME, RNAME, then SERIAL REFRESH RETRY EXPIRE MINIMUM (RFC 1035 §3.3.13).
      const unsigned char* q = p;
      if (!SkipName(abuf, alen, q) || !SkipName(abuf, alen, q) || next - q < 20) return std::nullopt;
      const unsigned char* m = q + 16;
      const uint32_t minimum = (uint32_t{m[0]} << 24) | (uint32_t{m[1]} << 16) | (uint32_t{m[2]} << 8) | m[3];
      return std::min(ttl, minimum);
    }
    p = next;
  }
  return std::nullopt;
}

AnswerAddresses ReadAddresses(const unsigned char* abuf, int alen, unsigned type) {
  AnswerAddresses out;
  auto count = [&out](std::string kind, bool unspecified, bool own) {
    ++out.count;
    if (kind == "loopback") {
      ++out.loopback;
    } else if (!kind.empty()) {
      ++out.special;
      if (unspecified) ++out.unspecified;
      if (out.kind.empty()) out.kind = std::move(kind);
    } else if (own) {
      ++out.own;
    }
  };
  constexpr int kMax = 32;
  if (type == ns_t_a) {
    ares_addrttl a[kMax];
    int n = kMax;
    if (ares_parse_a_reply(abuf, alen, nullptr, a, &n) != ARES_SUCCESS) return out;
    for (int i = 0; i < n; ++i) {
      const uint32_t v4 = ntohl(a[i].ipaddr.s_addr);
      std::string kind = SpecialAddressKind4(v4);
      const bool own = kind.empty() && OwnInterfaceAddress(AF_INET, &a[i].ipaddr);
      count(std::move(kind), v4 == 0, own);
    }
  } else if (type == ns_t_aaaa) {
    ares_addr6ttl a[kMax];
    int n = kMax;
    if (ares_parse_aaaa_reply(abuf, alen, nullptr, a, &n) != ARES_SUCCESS) return out;
    for (int i = 0; i < n; ++i) {
      in6_addr b{};
      std::memcpy(&b, &a[i].ip6addr, sizeof b);
      // :: and the IPv4-mapped ::ffff:0.0.0.0 are the unspecified address.
      static const in6_addr kMappedZero = {{{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0, 0, 0, 0}}};
      const bool unspecified = IN6_IS_ADDR_UNSPECIFIED(&b) || IN6_ARE_ADDR_EQUAL(&b, &kMappedZero);
      std::string kind = SpecialAddressKind6(b);
      const bool own = kind.empty() && OwnInterfaceAddress(AF_INET6, &b);
      count(std::move(kind), unspecified, own);
    }
  }
  return out;
}

bool LocalhostName(std::string_view host) {
  if (host.ends_with('.')) host.remove_suffix(1);
  const std::string lower = AsciiLower(host);
  if (lower == "localhost" || std::string_view(lower).ends_with(".localhost")) return true;
  // An address written as the host (MX 10 127.0.0.1.): no name, but mail
  // software that reads it as an address goes to this machine.
  in_addr v4{};
  in6_addr v6{};
  if (inet_pton(AF_INET, lower.c_str(), &v4) == 1) return (ntohl(v4.s_addr) >> 24) == 127;
  return inet_pton(AF_INET6, lower.c_str(), &v6) == 1 && IN6_IS_ADDR_LOOPBACK(&v6);
}

std::string UnknownReason(int status) {
  switch (status) {
    case ARES_ETIMEOUT: return "timeout";
    case ARES_ESERVFAIL: return "SERVFAIL";
    case ARES_EREFUSED: return "REFUSED";
    case ARES_ECONNREFUSED: return "connection refused";
    case ARES_EBADRESP:
    case ARES_EFORMERR: return "bad answer";
    case ARES_EDESTRUCTION:
    case ARES_ECANCELLED: return "shutdown";
    default: return ares_strerror(status);
  }
}

}  // namespace nearmiss::dns
