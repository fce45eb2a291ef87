#include "nearmiss/engine_holder.h"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <thread>

namespace nearmiss {
namespace {

class EngineHolderTest : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("nearmiss_holder_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / "p.toml").string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void Write(const std::string& text) { std::ofstream(path_) << text; }

  std::filesystem::path dir_;
  std::string path_;
};

TEST_F(EngineHolderTest, ReloadSwapsAndKeepsOldEnginesAlive) {
  Write("[domains]\nblock = [\"evil.com\"]\n");
  Result<std::unique_ptr<EngineHolder>> holder = EngineHolder::Open(path_);
  ASSERT_TRUE(holder.ok()) << holder.status().ToString();
  std::shared_ptr<const Engine> old = (*holder)->Get();
  EXPECT_EQ(old->CheckRecipient("a@evil.com").verdict, Verdict::kBlocked);

  Write("[domains]\nblock = []\n");
  ASSERT_TRUE((*holder)->ReloadFile(path_).ok());
  EXPECT_EQ((*holder)->generation(), 1u);
  EXPECT_EQ((*holder)->Get()->CheckRecipient("a@evil.com").verdict, Verdict::kExternal);
  // A session that took the old engine still has it.
  EXPECT_EQ(old->CheckRecipient("a@evil.com").verdict, Verdict::kBlocked);
}

TEST_F(EngineHolderTest, BrokenPolicyIsRefusedWithEveryError) {
  Write("[domains]\nblock = [\"evil.com\"]\n");
  auto holder = std::move(*EngineHolder::Open(path_));
  Write("[domains]\nblok = []\n[[rule]]\nname = \"x\"\naction = \"rejcet\"\n");
  Status s = holder->ReloadFile(path_);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kParseError);
  EXPECT_NE(s.message().find("p.toml:2:1: unknown key 'blok'"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("p.toml:5:10: unknown action 'rejcet'"), std::string::npos);
  EXPECT_EQ(holder->generation(), 0u);
  EXPECT_EQ(holder->Get()->CheckRecipient("a@evil.com").verdict, Verdict::kBlocked);

  // A policy that parses but does not compile (a regex Vectorscan refuses).
  Write("[[sensitivity.pattern]]\nname = \"bad\"\nregex = \"(unclosed\"\n");
  EXPECT_FALSE(holder->ReloadFile(path_).ok());
  EXPECT_EQ(holder->Get()->CheckRecipient("a@evil.com").verdict, Verdict::kBlocked);
  // A vanished file.
  EXPECT_FALSE(holder->ReloadFile((dir_ / "gone.toml").string()).ok());
  EXPECT_EQ(holder->generation(), 0u);
}

TEST_F(EngineHolderTest, ReadersNeverSeeATornSwap) {
  auto holder = std::move(*EngineHolder::Open(""));
  std::atomic<bool> stop{false};
  std::thread reader([&] {
    while (!stop) {
      std::shared_ptr<const Engine> e = holder->Get();
      ASSERT_NE(e, nullptr);
      (void)e->CheckRecipient("bob@army.ml");
    }
  });
  Result<Policy> p = DefaultPolicy();
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(holder->Reload(*p).ok());
  stop = true;
  reader.join();
  EXPECT_EQ(holder->generation(), 3u);
}

}  // namespace
}  // namespace nearmiss
