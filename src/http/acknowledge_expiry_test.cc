// The admin's list of acknowledgements follows the running policy's
// [confirm] acknowledgement_days as the engine does: after it was
// shortened, one made longer ago than the new setting is not live, though
// its stored expiry is still ahead (issue-14 tester, round 42, item 9).
#include <httplib.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "base/unix_time.h"
#include "http/server.h"
#include "http/server_testing.h"
#include "nearmiss/store.h"

namespace nearmiss::http {
namespace {

using Json = nlohmann::json;
constexpr int64_t kDay = 86400;

class AcknowledgementExpiryTest : public StoreServerTest {
 protected:
  void SetUp() override {
    StartWithStore("nearmiss_ack_expiry", "[confirm]\nacknowledgement_days = 30\n");
  }
};

TEST_F(AcknowledgementExpiryTest, TheListAppliesTheShortenedDays) {
  const int64_t now = UnixSeconds();
  Acknowledgement a;
  a.sender = "alice@ourorg.example";
  a.recipient = "jon.smith@partner.example";
  a.who = "alice@ourorg.example";
  a.path = "api";
  a.created_at = now - 170 * kDay;  // made under 180 days: 10 left by its stored expiry
  a.expires_at = now + 10 * kDay;
  ASSERT_TRUE(store_->AddAcknowledgement(a).ok());
  a.recipient = "kim@partner.example";
  a.created_at = now - 5 * kDay;
  a.expires_at = now + 175 * kDay;
  ASSERT_TRUE(store_->AddAcknowledgement(a).ok());

  auto live = client_->Get("/v1/acknowledgements", Auth(kAdmin));
  ASSERT_EQ(live->status, 200) << live->body;
  Json list = Json::parse(live->body)["acknowledgements"];
  ASSERT_EQ(list.size(), 1u) << live->body;
  EXPECT_EQ(list[0]["recipient"], "kim@partner.example");
  EXPECT_EQ(list[0]["live"], true);
  EXPECT_EQ(list[0]["expires_at"], now + 25 * kDay);

  auto all = client_->Get("/v1/acknowledgements?all=1", Auth(kAdmin));
  ASSERT_EQ(all->status, 200) << all->body;
  list = Json::parse(all->body)["acknowledgements"];
  ASSERT_EQ(list.size(), 2u) << all->body;
  for (const Json& j : list) {
    if (j["recipient"] != "jon.smith@partner.example") continue;
    EXPECT_EQ(j["live"], false) << j.dump();
    EXPECT_EQ(j["expires_at"], now - 140 * kDay) << j.dump();
    EXPECT_EQ(j["stored_expires_at"], now + 10 * kDay) << j.dump();
  }
}

// One live acknowledgement a warning (schema 9): the next acknowledgement
// of a warning whose acknowledgement ran out takes over from it, and the
// list says which took over (replaced_by), so the old row never comes back
// beside the new one.
TEST_F(AcknowledgementExpiryTest, TheListNamesWhatTookOver) {
  const int64_t now = UnixSeconds();
  Acknowledgement a;
  a.sender = "alice@ourorg.example";
  a.recipient = "jon.smith@partner.example";
  a.reasons = "address-typo";
  a.suggestion = "john.smith@partner.example";
  a.typo_kind = "edit";
  a.who = "alice@ourorg.example";
  a.path = "api";
  a.created_at = now - 40 * kDay;
  a.expires_at = now - 10 * kDay;
  Result<int64_t> old = store_->AddAcknowledgement(a);
  ASSERT_TRUE(old.ok()) << old.error().message();
  a.created_at = now;
  a.expires_at = now + 30 * kDay;
  bool existed = true;
  Result<int64_t> fresh = store_->AddAcknowledgement(a, &existed);
  ASSERT_TRUE(fresh.ok()) << fresh.error().message();
  EXPECT_FALSE(existed);
  auto all = client_->Get("/v1/acknowledgements?all=1", Auth(kAdmin));
  ASSERT_EQ(all->status, 200) << all->body;
  Json list = Json::parse(all->body)["acknowledgements"];
  ASSERT_EQ(list.size(), 2u) << all->body;
  EXPECT_EQ(list[1]["id"], *old);
  EXPECT_EQ(list[1]["replaced_by"], *fresh);
  EXPECT_EQ(list[1]["live"], false);
  EXPECT_EQ(list[0]["live"], true);
  EXPECT_FALSE(list[0].contains("replaced_by"));
}

}  // namespace
}  // namespace nearmiss::http
