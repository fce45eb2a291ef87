// `audit --events` shows each acknowledgement live or expired as the engine
// applies it: after [confirm] acknowledgement_days was shortened, one made
// longer ago than the new setting is expired, though its stored expiry is
// still ahead (issue-14 tester, round 42, item 9).
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>

#include "cli/commands.h"
#include "nearmiss/store.h"

namespace nearmiss::cli {
namespace {

constexpr int64_t kDay = 86400;

TEST(AuditEventsTest, AcknowledgementsFollowTheShortenedDays) {
  const std::string path = ::testing::TempDir() + "/nearmiss_audit_events_test.db";
  std::filesystem::remove(path);
  const int64_t now = std::chrono::duration_cast<std::chrono::seconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count();
  {
    Result<std::unique_ptr<Store>> store = Store::Open(path);
    ASSERT_TRUE(store.ok()) << store.error().message();
    Acknowledgement a;
    a.sender = "alice@ourorg.example";
    a.recipient = "jon.smith@partner.example";
    a.who = "alice@ourorg.example";
    a.path = "api";
    a.created_at = now - 170 * kDay;  // made under 180 days: 10 left
    a.expires_at = now + 10 * kDay;
    ASSERT_TRUE((*store)->AddAcknowledgement(a).ok());
    a.recipient = "kim@partner.example";
    a.created_at = now - 5 * kDay;
    a.expires_at = now + 175 * kDay;
    ASSERT_TRUE((*store)->AddAcknowledgement(a).ok());
  }
  ::testing::internal::CaptureStdout();
  EXPECT_EQ(RunAuditEvents(path, /*json=*/false, /*acknowledgement_days=*/30), 0);
  const std::string text = ::testing::internal::GetCapturedStdout();
  const size_t jon = text.find("-> jon.smith@partner.example");
  const size_t kim = text.find("-> kim@partner.example");
  ASSERT_NE(jon, std::string::npos) << text;
  ASSERT_NE(kim, std::string::npos) << text;
  const std::string jon_line = text.substr(jon, text.find('\n', jon) - jon);
  EXPECT_NE(jon_line.find("; expired "), std::string::npos) << jon_line;
  EXPECT_NE(jon_line.find("(acknowledgement_days = 30; made to last until "), std::string::npos)
      << jon_line;
  const std::string kim_line = text.substr(kim, text.find('\n', kim) - kim);
  EXPECT_NE(kim_line.find("; live until "), std::string::npos) << kim_line;

  ::testing::internal::CaptureStdout();
  EXPECT_EQ(RunAuditEvents(path, /*json=*/true, 30), 0);
  const std::string json = ::testing::internal::GetCapturedStdout();
  const size_t at = json.find("\"recipient\":\"jon.smith@partner.example\"");
  ASSERT_NE(at, std::string::npos) << json;
  const std::string line = json.substr(json.rfind('\n', at) + 1, json.find('\n', at) - json.rfind('\n', at) - 1);
  EXPECT_NE(line.find("\"live\":false"), std::string::npos) << line;
  EXPECT_NE(line.find("\"expires_at\":" + std::to_string(now - 140 * kDay)), std::string::npos)
      << line;
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace nearmiss::cli
