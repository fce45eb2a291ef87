// A daemon started before the first `learn` (issue-14 tester, round 42,
// item 4): it judged with no history until restarted, SIGHUP or not. The
// default store it found missing is opened at the next compile once learn
// has made it: a reload (SIGHUP) or the watcher's periodic look.
#include "daemon/late_store.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <thread>

namespace nearmiss::daemon {
namespace {

constexpr int64_t kDay = 86400;

class LateStoreTest : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("nearmiss-late-store-" + std::to_string(::getpid()) + "-" +
            testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / "nearmiss.db").string();
    late_ = std::make_shared<LateStore>("sqlite://" + path_, path_,
                                        [this](const std::string& m) { Say(m); });
    auto h = EngineHolder::Open("", LateHistory(late_));
    ASSERT_TRUE(h.ok()) << h.error().message();
    engines_ = std::move(*h);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  void Say(const std::string& m) {
    std::lock_guard lock(log_mu_);
    log_ += m + "\n";
  }
  std::string Log() {
    std::lock_guard lock(log_mu_);
    return log_;
  }
  // What `nearmiss learn` does: makes the store, with alice's deliveries to
  // bob@partner.co (enough to trust the domain) and an acknowledgement.
  void Learn() {
    auto s = Store::Open(path_);
    ASSERT_TRUE(s.ok()) << s.error().message();
    std::vector<Delivery> sent;
    for (int i = 0; i < 6; ++i) sent.push_back({"alice@mod.gov.uk", "bob@partner.co", i * 5 * kDay, ""});
    ASSERT_TRUE((*s)->RecordDeliveries(sent).ok());
    Acknowledgement a;
    a.sender = "alice@mod.gov.uk";
    a.recipient = "kim@hotmial.com";
    a.who = "alice@mod.gov.uk";
    a.path = "api";
    a.created_at = 1'000;
    a.expires_at = 4'000'000'000;
    ASSERT_TRUE((*s)->AddAcknowledgement(a).ok());
  }
  Verdict BobVerdict() { return engines_->Get()->CheckRecipient("bob@partner.co").verdict; }

  std::filesystem::path dir_;
  std::string path_;
  std::shared_ptr<LateStore> late_;
  std::shared_ptr<EngineHolder> engines_;
  std::mutex log_mu_;
  std::string log_;
};

TEST_F(LateStoreTest, AReloadOpensTheStoreLearnMade) {
  EXPECT_EQ(BobVerdict(), Verdict::kExternal);
  EXPECT_TRUE(engines_->Get()->stats().HistoryEmpty());
  EXPECT_FALSE(std::filesystem::exists(path_)) << "a daemon never makes the store";
  // Decisions made meanwhile are counted.
  engines_->CountDecision(*engines_->Get());
  engines_->CountDecision(*engines_->Get());
  EXPECT_EQ(engines_->decisions_without_history(), 2u);
  LateAcknowledgements acks(late_);
  Result<std::vector<Acknowledgement>> none = acks.Live("alice@mod.gov.uk", 2'000);
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());

  Learn();
  ASSERT_TRUE(engines_->ReloadFile("").ok());  // what SIGHUP does
  EXPECT_EQ(BobVerdict(), Verdict::kTrusted);
  EXPECT_FALSE(engines_->Get()->stats().HistoryEmpty());
  EXPECT_NE(Log().find("store " + path_ + " appeared (nearmiss learn made it): opened it"),
            std::string::npos)
      << Log();
  Result<std::vector<Acknowledgement>> live = acks.Live("alice@mod.gov.uk", 2'000);
  ASSERT_TRUE(live.ok());
  ASSERT_EQ(live->size(), 1u);
  EXPECT_EQ((*live)[0].recipient, "kim@hotmial.com");
  engines_->CountDecision(*engines_->Get());
  EXPECT_EQ(engines_->decisions_without_history(), 2u) << "a decision with history is not counted";
}

// No SIGHUP: the watcher looks every period, says how many decisions went
// without history, and opens the store once it is there.
TEST_F(LateStoreTest, TheWatcherOpensItWithNoReload) {
  StoreWatcher watcher(late_, engines_, [this](const std::string& m) { Say(m); },
                       std::chrono::milliseconds(20));
  engines_->CountDecision(*engines_->Get());
  EXPECT_FALSE(watcher.RunOnce());
  EXPECT_EQ(engines_->generation(), 0u) << "no compile while the file is missing";
  EXPECT_NE(Log().find("1 decisions made without history since start"), std::string::npos) << Log();
  watcher.Start();
  Learn();
  for (int i = 0; i < 500 && BobVerdict() != Verdict::kTrusted; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_EQ(BobVerdict(), Verdict::kTrusted) << Log();
  watcher.Stop();
  EXPECT_NE(Log().find("appeared (nearmiss learn made it)"), std::string::npos) << Log();
  EXPECT_NE(Log().find("1 decisions were made without history before the store opened"),
            std::string::npos)
      << Log();
}

// A file there that is no nearmiss store is not taken (OpenExisting), and
// said once; the history stays empty, the file untouched.
TEST_F(LateStoreTest, AFileThatIsNoStoreIsSaidAndLeft) {
  std::ofstream(path_) << "not a database";
  ASSERT_TRUE(engines_->ReloadFile("").ok());
  ASSERT_TRUE(engines_->ReloadFile("").ok());
  EXPECT_EQ(late_->Current(), nullptr);
  EXPECT_TRUE(engines_->Get()->stats().HistoryEmpty());
  const std::string log = Log();
  const size_t first = log.find("exists but was not opened");
  ASSERT_NE(first, std::string::npos) << log;
  EXPECT_EQ(log.find("exists but was not opened", first + 1), std::string::npos) << log;
}

}  // namespace
}  // namespace nearmiss::daemon
