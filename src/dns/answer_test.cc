// The negative TTL of an NXDOMAIN (answer.h; RFC 2308 §5; round 51's
// tester 15, finding 10: an answer without an SOA was kept 300 s).
#include "dns/answer.h"

#include <gtest/gtest.h>

#include <string>

namespace nearmiss::dns {
namespace {

std::string U16(unsigned v) { return {static_cast<char>(v >> 8), static_cast<char>(v & 0xFF)}; }
std::string U32(uint32_t v) { return U16(v >> 16) + U16(v & 0xFFFF); }
// "gnail.com." in DNS label form.
const std::string kName = std::string("\5gnail\3com\0", 11);
const std::string kZone = std::string("\3com\0", 5);

// An NXDOMAIN for gnail.com MX: one question, no answer, `authority`
// records (each already encoded).
std::string Nxdomain(unsigned authority_count, const std::string& authority) {
  std::string m = U16(0x1234) + U16(0x8183) + U16(1) + U16(0) + U16(authority_count) + U16(0);
  m += kName + U16(15) + U16(1);
  return m + authority;
}

std::string Soa(uint32_t ttl, uint32_t minimum) {
  std::string rdata = std::string("\1a\3com\0", 7) + std::string("\1b\3com\0", 7) + U32(1) +
                      U32(7200) + U32(900) + U32(1209600) + U32(minimum);
  return kZone + U16(6) + U16(1) + U32(ttl) + U16(static_cast<unsigned>(rdata.size())) + rdata;
}

std::optional<uint32_t> Ttl(const std::string& m) {
  return NegativeTtl(reinterpret_cast<const unsigned char*>(m.data()), static_cast<int>(m.size()));
}

TEST(NegativeTtlTest, TheSmallerOfTheSoasTtlAndMinimum) {
  EXPECT_EQ(Ttl(Nxdomain(1, Soa(900, 60))), 60u);
  EXPECT_EQ(Ttl(Nxdomain(1, Soa(30, 3600))), 30u);
}

TEST(NegativeTtlTest, NoSoaIsNotCached) {
  EXPECT_EQ(Ttl(Nxdomain(0, "")), std::nullopt);
  // An NS record in the authority section is no SOA.
  std::string ns = kZone + U16(2) + U16(1) + U32(3600) + U16(7) + std::string("\1a\3com\0", 7);
  EXPECT_EQ(Ttl(Nxdomain(1, ns)), std::nullopt);
}

TEST(NegativeTtlTest, ACutMessageIsNotCached) {
  std::string m = Nxdomain(1, Soa(900, 60));
  m.resize(m.size() - 3);
  EXPECT_EQ(Ttl(m), std::nullopt);
  EXPECT_EQ(NegativeTtl(nullptr, 0), std::nullopt);
}

}  // namespace
}  // namespace nearmiss::dns
