#include "milter/listen_address.h"

#include <gtest/gtest.h>

namespace nearmiss::milter {
namespace {

TEST(ListenAddressTest, Forms) {
  auto a = ParseListenAddress("inet:127.0.0.1:8890");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->host, "127.0.0.1");
  EXPECT_EQ(a->port, 8890);
  EXPECT_EQ(a->ToString(), "inet:127.0.0.1:8890");
  EXPECT_EQ(ParseListenAddress("inet:8890")->host, "127.0.0.1");
  EXPECT_EQ(ParseListenAddress("inet:8890@192.0.2.1")->host, "192.0.2.1");
  auto v6 = ParseListenAddress("inet6:[::1]:8890");
  ASSERT_TRUE(v6.ok());
  EXPECT_EQ(v6->host, "::1");
  EXPECT_EQ(v6->ToString(), "inet6:[::1]:8890");
  auto u = ParseListenAddress("unix:/run/nearmiss/milter.sock");
  ASSERT_TRUE(u.ok());
  EXPECT_EQ(u->kind, ListenAddress::Kind::kUnix);
  EXPECT_EQ(u->path, "/run/nearmiss/milter.sock");
  EXPECT_TRUE(ParseListenAddress("local:/x.sock").ok());
}

TEST(ListenAddressTest, Errors) {
  for (const char* bad : {"8890", "tcp:1.2.3.4:25", "inet:1.2.3.4:0", "inet:1.2.3.4:99999",
                          "inet:1.2.3.4:x", "unix:relative.sock", "inet6:[::1:25", "inet::25"}) {
    auto a = ParseListenAddress(bad);
    EXPECT_FALSE(a.ok()) << bad;
    if (!a.ok()) {
      EXPECT_EQ(a.error().code(), StatusCode::kInvalidArgument);
    }
  }
}

}  // namespace
}  // namespace nearmiss::milter
