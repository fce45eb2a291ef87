#include "journal/spool.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace nearmiss::journal {
namespace {

namespace fs = std::filesystem;

DecisionRecord Rec(int n) {
  DecisionRecord r;
  r.key = "k" + std::to_string(n);
  r.time_ms = 1000 + n;
  r.source = "milter";
  r.sender = "a@mod.gov.uk";
  r.action = "reject";
  r.level = "SECRET";
  r.recipients.push_back({"bob@army.ml", "lookalike", "reject", {"suffix-edit"}, "army.mil",
                          "bob@army.mil"});
  return r;
}

std::vector<DecisionRecord> Recs(int from, int to) {
  std::vector<DecisionRecord> out;
  for (int n = from; n < to; ++n) out.push_back(Rec(n));
  return out;
}

class FileSpoolTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("nearmiss-spool-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::unique_ptr<Spool> Open(SpoolOptions options = {}) {
    auto s = OpenFileSpool(dir_.string(), "milter", options);
    EXPECT_TRUE(s.ok()) << s.error().message();
    return s.ok() ? std::move(*s) : nullptr;
  }
  fs::path file() const { return dir_ / "milter.spool"; }
  void AppendRaw(const std::string& bytes) {
    std::ofstream(file(), std::ios::binary | std::ios::app) << bytes;
  }

  fs::path dir_;
};

std::vector<std::string> Keys(const std::vector<DecisionRecord>& records) {
  std::vector<std::string> keys;
  for (const DecisionRecord& r : records) keys.push_back(r.key);
  return keys;
}

TEST_F(FileSpoolTest, KeepsOrderAndRoundTripsRecords) {
  auto spool = Open();
  ASSERT_EQ(*spool->Append(Recs(0, 3)), 3u);
  EXPECT_EQ(spool->depth(), 3u);
  auto two = spool->Peek(2);
  ASSERT_TRUE(two.ok());
  EXPECT_EQ(Keys(*two), (std::vector<std::string>{"k0", "k1"}));
  EXPECT_EQ((*two)[1].recipients[0].suggestion, "bob@army.mil");
  EXPECT_EQ((*two)[1].time_ms, 1001);
  ASSERT_TRUE(spool->Pop(2).ok());
  EXPECT_EQ(Keys(*spool->Peek(10)), (std::vector<std::string>{"k2"}));
  EXPECT_TRUE(spool->durable());
}

TEST_F(FileSpoolTest, ReplaysWhatARestartLeft) {
  {
    auto spool = Open();
    ASSERT_EQ(*spool->Append(Recs(0, 4)), 4u);
    ASSERT_TRUE(spool->Pop(1).ok());
  }
  auto again = Open();
  EXPECT_EQ(again->depth(), 3u);
  EXPECT_EQ(again->torn(), 0u);
  EXPECT_EQ(Keys(*again->Peek(10)), (std::vector<std::string>{"k1", "k2", "k3"}));
}

TEST_F(FileSpoolTest, TornLastLineIsCutAndCountedTheRestKept) {
  {
    auto spool = Open();
    ASSERT_EQ(*spool->Append(Recs(0, 2)), 2u);
  }
  AppendRaw("1234abcd {\"key\":\"k9\",\"ti");  // a crash mid-write
  {
    auto spool = Open();
    EXPECT_EQ(spool->depth(), 2u);
    EXPECT_EQ(spool->torn(), 1u);
    ASSERT_EQ(*spool->Append(Recs(2, 3)), 1u);
  }
  auto clean = Open();  // the cut made room for whole lines again
  EXPECT_EQ(clean->torn(), 0u);
  EXPECT_EQ(Keys(*clean->Peek(10)), (std::vector<std::string>{"k0", "k1", "k2"}));
}

TEST_F(FileSpoolTest, CorruptLineIsSkippedNotTheFile) {
  {
    auto spool = Open();
    ASSERT_EQ(*spool->Append(Recs(0, 3)), 3u);
  }
  std::string text;
  {
    std::ifstream in(file(), std::ios::binary);
    text.assign(std::istreambuf_iterator<char>(in), {});
  }
  size_t second = text.find('\n') + 1;
  text[text.find("k1", second)] = 'X';  // the checksum no longer matches
  std::ofstream(file(), std::ios::binary | std::ios::trunc) << text;
  auto spool = Open();
  EXPECT_EQ(spool->torn(), 1u);
  EXPECT_EQ(Keys(*spool->Peek(10)), (std::vector<std::string>{"k0", "k2"}));
}

TEST_F(FileSpoolTest, BoundTakesWhatFits) {
  SpoolOptions small;
  {
    auto spool = Open();
    ASSERT_EQ(*spool->Append(Recs(0, 1)), 1u);
    small.max_bytes = fs::file_size(file()) * 2 + 10;  // two lines and a bit
    ASSERT_TRUE(spool->Pop(1).ok());
  }
  auto spool = Open(small);
  EXPECT_EQ(*spool->Append(Recs(0, 5)), 2u);
  EXPECT_EQ(*spool->Append(Recs(5, 6)), 0u);
  EXPECT_EQ(spool->depth(), 2u);
}

TEST_F(FileSpoolTest, FullDrainEmptiesTheFile) {
  auto spool = Open();
  ASSERT_EQ(*spool->Append(Recs(0, 3)), 3u);
  ASSERT_TRUE(spool->Pop(3).ok());
  EXPECT_EQ(fs::file_size(file()), 0u);
  ASSERT_EQ(*spool->Append(Recs(3, 4)), 1u);
  EXPECT_EQ(Keys(*spool->Peek(10)), (std::vector<std::string>{"k3"}));
}

TEST_F(FileSpoolTest, ASecondProcessIsKeptOff) {
  auto first = Open();
  auto second = OpenFileSpool(dir_.string(), "milter", {});
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.error().code(), StatusCode::kIoError);
}

TEST(MemorySpoolTest, BoundTakesWhatFits) {
  auto spool = MakeMemorySpool({.max_records = 3});
  EXPECT_EQ(*spool->Append(Recs(0, 5)), 3u);
  EXPECT_EQ(Keys(*spool->Peek(2)), (std::vector<std::string>{"k0", "k1"}));
  ASSERT_TRUE(spool->Pop(2).ok());
  EXPECT_EQ(spool->depth(), 1u);
  EXPECT_FALSE(spool->durable());
}

}  // namespace
}  // namespace nearmiss::journal
