#include "maillog/final_relay.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace nearmiss::maillog {
namespace {

TEST(FinalRelay, ByNameAddressAndPort) {
  const std::vector<std::string> d = {"Store.mod.gov.uk.", "127.0.0.1:2525", "[fd00::40]:24",
                                      "10.0.0.41"};
  EXPECT_TRUE(FinalRelay("store.mod.gov.uk[10.0.0.40]:25", d));
  EXPECT_TRUE(FinalRelay("127.0.0.1[127.0.0.1]:2525", d));
  EXPECT_FALSE(FinalRelay("127.0.0.1[127.0.0.1]:10024", d));  // another port: a filter
  EXPECT_TRUE(FinalRelay("lmtp.mod.gov.uk[ipv6:fd00::40]:24", d));
  EXPECT_FALSE(FinalRelay("lmtp.mod.gov.uk[fd00::40]:25", d));
  EXPECT_TRUE(FinalRelay("anything[10.0.0.41]:25", d));
  EXPECT_FALSE(FinalRelay("other.mod.gov.uk[10.0.0.42]:25", d));
  EXPECT_FALSE(FinalRelay("dfilt", d));
}

TEST(FinalRelay, PipeTransportByName) {
  // issue-16 tester16 F2: "--final-relay dovecot" was accepted and never
  // matched the "relay=dovecot" pipe(8) logs.
  const std::vector<std::string> d = {"Dovecot", "store:25"};
  EXPECT_TRUE(FinalRelay("dovecot", d));
  EXPECT_FALSE(FinalRelay("dfilt", d));
  EXPECT_FALSE(FinalRelay("store", d));  // declared with a port: an SMTP listener
  EXPECT_FALSE(FinalRelay("store.mod.gov.uk[10.0.0.40]:25", {}));
}

}  // namespace
}  // namespace nearmiss::maillog
