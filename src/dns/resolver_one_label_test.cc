// The resolver and names of one label (resolver.h): answered unasked.
// Against a UDP socket on loopback that never answers: a query would wait
// out the deadline. Nothing here may reach public DNS.
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <string>

#include "dns/resolver.h"
#include "dns/test_loopback.h"

namespace nearmiss::dns {
namespace {

using std::chrono::milliseconds;

// Issue 15, round 37, item 1: a name of one label (gmailcom) was sent like
// any other; it is no mail domain (resolver.h), so it is answered at once,
// never queried, and counted. Against a silent server a query would wait
// out the deadline and come back unknown.
TEST(ResolverOneLabelTest, ANameOfOneLabelIsNeverQueried) {
  uint16_t port = 0;
  const int silent = BindLoopback(SOCK_DGRAM, &port);  // bound, never read
  ASSERT_GE(silent, 0);
  ResolverOptions o;
  o.servers = {"127.0.0.1:" + std::to_string(port)};
  o.timeout_ms = 300;
  ASSERT_TRUE(IsLoopbackServer(o.servers[0]));
  auto r = Resolver::Start(o);
  ASSERT_TRUE(r.ok());
  auto start = std::chrono::steady_clock::now();
  for (const char* name : {"gmailcom", "gmail-com.", "xn--gmilcom-8ng"}) {
    DnsFacts f = (*r)->Lookup(name).get();
    EXPECT_EQ(f.exists, false) << name << ": " << f.unknown;
    EXPECT_EQ(f.mx, false) << name;
    EXPECT_EQ(f.exchanger, MailExchanger::kNone) << name;
    EXPECT_FALSE(f.CanReceive()) << name;
    EXPECT_FALSE(f.checked_at.empty()) << name;
  }
  auto took = std::chrono::duration_cast<milliseconds>(std::chrono::steady_clock::now() - start);
  EXPECT_LT(took.count(), 250) << "asked the silent server";
  ResolverCounters c = (*r)->counters();
  EXPECT_EQ(c.one_label, 3u);
  EXPECT_EQ(c.timeouts, 0u);
  EXPECT_EQ(c.unknown, 0u);
  // A name with a dot is asked: the silent server leaves it unknown.
  EXPECT_EQ((*r)->Lookup("gmail.test").get().unknown, "timeout");
  close(silent);
}

}  // namespace
}  // namespace nearmiss::dns
