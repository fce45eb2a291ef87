// The marking database cache: a hit gives the same findings as a compile, and
// a damaged, foreign or unsafe file is rejected and replaced, never used.
#include "content/database_cache.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "content/cache_location.h"

namespace nearmiss::content {
namespace {

namespace fs = std::filesystem;
using Outcome = DatabaseCacheReport::Outcome;

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void WriteAll(const std::string& path, std::string_view text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

// Damage a cache file in its payload.
void FlipMiddleByte(const std::string& path) {
  std::string file = ReadAll(path);
  file[file.size() / 2] ^= 0x5a;
  WriteAll(path, file);
}

class DatabaseCacheTest : public ::testing::Test {
 protected:
  // Named by the process: two runs on one machine (developers' trees, a
  // repeated ctest) never share or delete each other's directories.
  static std::string Prefix() {
    return ::testing::TempDir() + "/nm-cache-" + std::to_string(::getpid());
  }
  static std::string SeedDir() { return Prefix() + "-seed"; }
  static std::string& SeedFile() {
    static std::string name;
    return name;
  }

  void SetUp() override {
    dir_ = Prefix() + "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name();
    fs::remove_all(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // The built-in packs are compiled once for the suite, not again in each
  // test (seconds each): uncached, as Plain(), what every cached scanner
  // must scan like; and into the seed directory, whose files Seeded() copies
  // for a test that starts from a written cache.
  static void SetUpTestSuite() {
    fs::remove_all(SeedDir());
    auto seed = Compile(SeedDir());
    ASSERT_NE(seed, nullptr);
    ASSERT_EQ(seed->DatabaseCache().outcome, Outcome::kMiss);
    SeedFile() = fs::path(seed->DatabaseCache().path).filename().string();
  }
  static void TearDownTestSuite() { fs::remove_all(SeedDir()); }

  static std::shared_ptr<const Scanner> Compile(const std::string& dir) {
    ScannerOptions options;
    options.cache_dir = dir;
    auto compiled = Scanner::Compile(options);
    EXPECT_TRUE(compiled.ok()) << compiled.status().ToString();
    return compiled.ok() ? *compiled : nullptr;
  }

  static std::shared_ptr<const Scanner> Plain() {
    static const std::shared_ptr<const Scanner> plain = Compile("");
    return plain;
  }

  // dir_ holding the seed's cache files, as a first Compile(dir_) leaves
  // them; returns the marking database file's path.
  std::string Seeded() {
    fs::create_directories(dir_);
    for (const auto& entry : fs::directory_iterator(SeedDir())) {
      fs::copy_file(entry.path(), fs::path(dir_) / entry.path().filename());
    }
    return (fs::path(dir_) / SeedFile()).string();
  }

  // The findings' level and markings for text that several packs mark.
  static std::string Findings(const Scanner& scanner) {
    auto scratch = Scratch::Create(scanner);
    EXPECT_TRUE(scratch.ok());
    Sensitivity out;
    EXPECT_TRUE(scanner
                    .Scan(TextKind::kBody, "body",
                          "TOP SECRET//SI//NOFORN\n\n1. (S//NF) The convoy "
                          "leaves at 0600.\n\nUK OFFICIAL-SENSITIVE\n",
                          *scratch, &out)
                    .ok());
    std::string s = std::string(LevelName(out.level));
    for (const Finding& f : out.findings) {
      s += "|" + f.marking + "@" + std::to_string(f.offset);
    }
    return s;
  }

  // Replaces the cache file's payload with `payload` under a header that is
  // right for it in every other way (so only Vectorscan's checks are left).
  static void RewritePayload(const std::string& path, std::string payload) {
    std::string file = ReadAll(path);
    std::string_view header(file.data(), file.find("\n\n") + 2);
    std::string key(header.substr(header.find("key ") + 4, 64));
    WriteAll(path, DatabaseFileHeader(key, DatabaseIdentity::Current(), payload) +
                       payload);
  }

  std::string dir_;
};

TEST_F(DatabaseCacheTest, MissWritesTheFileAndHitReadsIt) {
  auto plain = Plain();
  ASSERT_NE(plain, nullptr);
  EXPECT_EQ(plain->DatabaseCache().outcome, Outcome::kOff);

  auto first = Compile(dir_);
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first->DatabaseCache().outcome, Outcome::kMiss);
  ASSERT_TRUE(fs::exists(first->DatabaseCache().path));
  EXPECT_TRUE(ReadAll(first->DatabaseCache().path)
                  .starts_with("nearmiss-marking-db 1\nkey "));

  auto second = Compile(dir_);
  ASSERT_NE(second, nullptr);
  EXPECT_EQ(second->DatabaseCache().outcome, Outcome::kHit)
      << second->DatabaseCache().detail;
  EXPECT_EQ(second->DatabaseCache().path, first->DatabaseCache().path);
  EXPECT_EQ(Findings(*second), Findings(*plain));
  EXPECT_EQ(Findings(*plain).substr(0, 10), "TOP SECRET");
}

TEST_F(DatabaseCacheTest, AnotherPatternSetIsAnotherFile) {
  std::string builtin = Seeded();
  ScannerOptions options;
  options.cache_dir = dir_;
  CustomPattern kestrel;
  kestrel.name = "kestrel";
  kestrel.pattern = "kestrel";
  options.custom_patterns.push_back(kestrel);
  auto custom = Scanner::Compile(options);
  ASSERT_TRUE(custom.ok());
  EXPECT_EQ((*custom)->DatabaseCache().outcome, Outcome::kMiss);
  EXPECT_NE((*custom)->DatabaseCache().path, builtin);
}

// The extents' database (match_extent.h) was compiled at every start, the
// main database's cache hit or not: about 0.04 s of each CLI run.
TEST_F(DatabaseCacheTest, ExtentDatabaseIsCachedInAFileOfItsOwn) {
  auto first = Compile(dir_);
  ASSERT_NE(first, nullptr);
  std::string extents;
  for (const auto& entry : fs::directory_iterator(dir_)) {
    std::string name = entry.path().filename().string();
    if (name.starts_with("marking-extents-")) extents = entry.path().string();
  }
  ASSERT_FALSE(extents.empty()) << "no marking-extents-*.hsdb in " << dir_;
  EXPECT_TRUE(extents.ends_with(".hsdb"));
  EXPECT_TRUE(ReadAll(extents).starts_with("nearmiss-marking-db 1\nkey "));
  EXPECT_EQ(Compile(dir_)->DatabaseCache().outcome, Outcome::kHit);

  FlipMiddleByte(extents);
  auto again = Compile(dir_);
  ASSERT_NE(again, nullptr);
  EXPECT_EQ(again->DatabaseCache().outcome, Outcome::kRejected);
  EXPECT_NE(again->DatabaseCache().detail.find(extents + ": "), std::string::npos)
      << again->DatabaseCache().detail;
  EXPECT_NE(DatabaseCacheWarning(again->DatabaseCache()).find(extents),
            std::string::npos);
  EXPECT_EQ(Findings(*again), Findings(*first));
  EXPECT_EQ(Compile(dir_)->DatabaseCache().outcome, Outcome::kHit);
}

TEST_F(DatabaseCacheTest, CorruptPayloadIsRejectedAndReplaced) {
  std::string path = Seeded();
  FlipMiddleByte(path);

  auto again = Compile(dir_);
  ASSERT_NE(again, nullptr);
  EXPECT_EQ(again->DatabaseCache().outcome, Outcome::kRejected);
  EXPECT_NE(again->DatabaseCache().detail.find("sha256"), std::string::npos)
      << again->DatabaseCache().detail;
  EXPECT_NE(DatabaseCacheWarning(again->DatabaseCache()).find(path),
            std::string::npos);
  EXPECT_EQ(Findings(*again), Findings(*Plain()));
  EXPECT_EQ(Compile(dir_)->DatabaseCache().outcome, Outcome::kHit);
}

TEST_F(DatabaseCacheTest, TruncatedAndForeignFilesAreRejected) {
  std::string path = Seeded();
  std::string file = ReadAll(path);
  WriteAll(path, file.substr(0, file.size() - 100));
  EXPECT_EQ(Compile(dir_)->DatabaseCache().outcome, Outcome::kRejected);
  WriteAll(path, "not a database\n");
  auto foreign = Compile(dir_);
  EXPECT_EQ(foreign->DatabaseCache().outcome, Outcome::kRejected);
  EXPECT_NE(foreign->DatabaseCache().detail.find("not a nearmiss marking"),
            std::string::npos);
}

TEST_F(DatabaseCacheTest, OtherVectorscanVersionIsRejected) {
  std::string path = Seeded();
  std::string file = ReadAll(path);
  std::string line = "hs-version " + DatabaseIdentity::Current().hs_version;
  std::size_t at = file.find(line);
  ASSERT_NE(at, std::string::npos);
  file.replace(at, line.size(), "hs-version 5.0.0 2020-01-01");
  WriteAll(path, file);

  auto again = Compile(dir_);
  EXPECT_EQ(again->DatabaseCache().outcome, Outcome::kRejected);
  EXPECT_NE(again->DatabaseCache().detail.find("has 'hs-version 5.0.0"),
            std::string::npos)
      << again->DatabaseCache().detail;
}

TEST_F(DatabaseCacheTest, PayloadVectorscanRefusesIsRejected) {
  // A header that is right for its payload, but the payload's own version
  // field (after its 4-byte magic) is changed: Vectorscan's check must
  // catch what ours cannot.
  std::string path = Seeded();
  std::string file = ReadAll(path);
  std::string payload = file.substr(file.find("\n\n") + 2);
  payload[4] ^= 0x01;
  RewritePayload(path, payload);
  auto again = Compile(dir_);
  EXPECT_EQ(again->DatabaseCache().outcome, Outcome::kRejected);
  EXPECT_EQ(Findings(*again), Findings(*Plain()));
}

TEST_F(DatabaseCacheTest, FileOthersMayWriteIsRejected) {
  std::string path = Seeded();
  ASSERT_EQ(::chmod(path.c_str(), 0666), 0);
  auto again = Compile(dir_);
  EXPECT_EQ(again->DatabaseCache().outcome, Outcome::kRejected);
  EXPECT_NE(again->DatabaseCache().detail.find("writable by group or others"),
            std::string::npos);
  // Replaced by a file of our own mode.
  EXPECT_EQ(Compile(dir_)->DatabaseCache().outcome, Outcome::kHit);
}

TEST_F(DatabaseCacheTest, UnwritableDirectoryCompilesInMemory) {
  // A directory under a regular file cannot be made, even by root.
  fs::create_directories(dir_);
  WriteAll(dir_ + "/file", "x");
  auto scanner = Compile(dir_ + "/file/cache");
  ASSERT_NE(scanner, nullptr);
  EXPECT_EQ(scanner->DatabaseCache().outcome, Outcome::kUnwritable);
  EXPECT_NE(DatabaseCacheWarning(scanner->DatabaseCache())
                .find("compiled at every start"),
            std::string::npos);
  EXPECT_EQ(Findings(*scanner), Findings(*Plain()));
}

TEST(CacheLocationTest, OrderOfPlaces) {
  CacheEnvironment env;
  env.home = "/home/ann";
  env.writable = [](const std::string&) { return false; };
  EXPECT_EQ(DefaultDatabaseCacheDir(env), "/home/ann/.cache/nearmiss");
  env.xdg_cache_home = "relative/ignored";
  EXPECT_EQ(DefaultDatabaseCacheDir(env), "/home/ann/.cache/nearmiss");
  env.xdg_cache_home = "/xdg";
  EXPECT_EQ(DefaultDatabaseCacheDir(env), "/xdg/nearmiss");
  env.writable = [](const std::string& d) { return d == "/var/lib/nearmiss/cache"; };
  EXPECT_EQ(DefaultDatabaseCacheDir(env), "/xdg/nearmiss");  // no /var/lib/nearmiss yet
  env.system_dir_exists = [](const std::string& d) { return d == "/var/lib/nearmiss"; };
  EXPECT_EQ(DefaultDatabaseCacheDir(env), "/var/lib/nearmiss/cache");
  env.state_dir = "/srv/nm";
  EXPECT_EQ(DefaultDatabaseCacheDir(env), "/srv/nm/cache");
  env.cache_dir = "/run/nm-cache";
  EXPECT_EQ(DefaultDatabaseCacheDir(env), "/run/nm-cache");
  env.cache_dir = "none";
  EXPECT_EQ(DefaultDatabaseCacheDir(env), "");
  CacheEnvironment bare;
  EXPECT_EQ(DefaultDatabaseCacheDir(bare), "");
}

// Root running `nearmiss check` beside the packaged daemons: the state
// directory is the `nearmiss` user's, so root keeps its cache in its own
// home and leaves nothing root-owned among the daemon's files.
TEST(CacheLocationTest, RootLeavesAnotherUsersStateDirectoryAlone) {
  CacheEnvironment env;
  env.home = "/root";
  env.writable = [](const std::string&) { return true; };
  env.system_dir_exists = [](const std::string&) { return true; };
  env.others_dir = [](const std::string& d) { return d == "/var/lib/nearmiss"; };
  EXPECT_EQ(DefaultDatabaseCacheDir(env), "/root/.cache/nearmiss");
  env.state_dir = "/var/lib/nearmiss";
  EXPECT_EQ(DefaultDatabaseCacheDir(env), "/root/.cache/nearmiss");
  env.state_dir = "/srv/root-owned";
  EXPECT_EQ(DefaultDatabaseCacheDir(env), "/srv/root-owned/cache");
  env.cache_dir = "/var/lib/nearmiss/cache";  // said explicitly: honoured
  EXPECT_EQ(DefaultDatabaseCacheDir(env), "/var/lib/nearmiss/cache");
}

}  // namespace
}  // namespace nearmiss::content
