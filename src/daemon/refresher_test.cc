// The daemons' periodic pass: a fresh snapshot reaches the running engine, a
// failed one leaves it alone, and audit records past retention go.
#include "daemon/refresher.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>

namespace nearmiss::daemon {
namespace {

constexpr int64_t kDay = 86400;
constexpr int64_t kNowMs = 1'000 * kDay * 1000;

class RefresherTest : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("nearmiss-refresher-" + std::to_string(::getpid()) + "-" +
            testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    auto s = Store::Open((dir_ / "nearmiss.db").string());
    ASSERT_TRUE(s.ok()) << s.error().message();
    store_ = std::move(*s);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::shared_ptr<EngineHolder> Holder(EngineHolder::HistorySource source) {
    auto h = EngineHolder::Open("", std::move(source));
    EXPECT_TRUE(h.ok()) << h.error().message();
    return h.ok() ? std::shared_ptr<EngineHolder>(std::move(*h)) : nullptr;
  }
  Refresher::Log Collect() {
    return [this](const std::string& line) { log_ += line + "\n"; };
  }
  DecisionRecord Record(int64_t time_ms) {
    DecisionRecord r;
    r.time_ms = time_ms;
    r.source = "scan";
    r.sender = "alice@mod.gov.uk";
    r.action = "accept";
    return r;
  }

  std::filesystem::path dir_;
  std::shared_ptr<Store> store_;
  std::string log_;
};

TEST_F(RefresherTest, LearnedDomainsReachTheRunningEngine) {
  auto engines = Holder(HistoryFrom(store_));
  ASSERT_NE(engines, nullptr);
  EXPECT_EQ(engines->Get()->CheckRecipient("bob@partner.co").verdict,
            Verdict::kExternal);
  std::vector<Delivery> sent;
  for (int i = 0; i < 6; ++i)
    sent.push_back({"alice@mod.gov.uk", "bob@partner.co", i * 5 * kDay, ""});
  ASSERT_TRUE(store_->RecordDeliveries(sent).ok());

  Refresher refresher(engines, store_, Collect());
  EXPECT_TRUE(refresher.RunOnce(kNowMs)) << log_;
  EXPECT_EQ(engines->generation(), 1u);
  EXPECT_EQ(engines->Get()->CheckRecipient("bob@partner.co").verdict,
            Verdict::kTrusted);
  EXPECT_EQ(log_, "");
}

TEST_F(RefresherTest, FailedRefreshKeepsTheRunningEngineAndSaysWhy) {
  bool fail = false;
  auto engines = Holder([&fail](const Policy&) -> Result<HistorySnapshot> {
    if (fail) return Status::IoError("store unreachable");
    return HistorySnapshot{};
  });
  ASSERT_NE(engines, nullptr);
  std::shared_ptr<const Engine> before = engines->Get();
  fail = true;
  Refresher refresher(engines, store_, Collect());
  EXPECT_FALSE(refresher.RunOnce(kNowMs));
  EXPECT_EQ(engines->Get(), before);
  EXPECT_EQ(engines->generation(), 0u);
  EXPECT_NE(log_.find("keeping the running engine"), std::string::npos) << log_;
  EXPECT_NE(log_.find("store unreachable"), std::string::npos) << log_;
}

TEST_F(RefresherTest, AuditRecordsPastRetentionAreDeleted) {
  ASSERT_TRUE(
      store_
          ->AppendAudit({Record(kNowMs - 400 * kDay * 1000),
                         Record(kNowMs - 10 * kDay * 1000), Record(kNowMs)})
          .ok());
  auto engines = Holder(HistoryFrom(store_));
  ASSERT_NE(engines, nullptr);
  Refresher refresher(engines, store_, Collect());
  EXPECT_TRUE(refresher.RunOnce(kNowMs));  // the default keeps 365 days
  EXPECT_NE(log_.find("deleted 1 records older than 365 days"),
            std::string::npos)
      << log_;
  Result<AuditCounts> left = store_->CountAudit({});
  ASSERT_TRUE(left.ok());
  EXPECT_EQ(left->total, 2);

  HistoryPolicy forever;
  forever.audit_retention_days = 0;
  Result<int64_t> none =
      PruneAudit(*store_, forever, kNowMs + 9000 * kDay * 1000);
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(*none, 0);
  HistoryPolicy week;
  week.audit_retention_days = 7;
  Result<int64_t> one = PruneAudit(*store_, week, kNowMs);
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(*one, 1);
}

TEST_F(RefresherTest, StopDoesNotWaitForThePeriod) {
  auto engines = Holder(HistoryFrom(store_));
  ASSERT_NE(engines, nullptr);
  Refresher refresher(engines, store_, Collect());
  auto start = std::chrono::steady_clock::now();
  refresher.Start();
  refresher.Stop();
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
  EXPECT_EQ(engines->generation(), 0u);  // the first pass is a period away
}

}  // namespace
}  // namespace nearmiss::daemon
