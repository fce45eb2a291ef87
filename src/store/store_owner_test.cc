// Root making a SQLite store in another user's directory (`nearmiss learn`
// run as root in /var/lib/nearmiss, the packaged daemons' nearmiss-owned
// state directory): the store and its -wal/-shm files take the
// directory's owner, so the daemons can still write them; in root's own
// directory they stay root's. Found by round 45's lead: the store root
// made was root's, and the packaged milter and serve could not write it.
#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "nearmiss/store.h"

namespace nearmiss {
namespace {

uid_t OwnerOf(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 ? st.st_uid : static_cast<uid_t>(-1);
}

TEST(StoreOwnerTest, RootsNewStoreInADaemonsDirectoryIsTheDaemons) {
  if (::geteuid() != 0) GTEST_SKIP() << "needs root (make test runs as root)";
  const std::string dir = ::testing::TempDir() + "/nearmiss_store_owner";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir + "/daemon");
  std::filesystem::create_directories(dir + "/root");
  constexpr uid_t kDaemon = 65534;  // nobody, standing for nearmiss
  ASSERT_EQ(::chown((dir + "/daemon").c_str(), kDaemon, kDaemon), 0);
  {
    Result<std::unique_ptr<Store>> theirs = Store::Open(dir + "/daemon/nearmiss.db");
    ASSERT_TRUE(theirs.ok()) << theirs.error().message();
    Result<std::unique_ptr<Store>> mine = Store::Open(dir + "/root/nearmiss.db");
    ASSERT_TRUE(mine.ok()) << mine.error().message();
    EXPECT_EQ(OwnerOf(dir + "/daemon/nearmiss.db"), kDaemon);
    for (const char* side : {"-wal", "-shm"}) {
      const std::string path = dir + "/daemon/nearmiss.db" + side;
      if (std::filesystem::exists(path)) {
        EXPECT_EQ(OwnerOf(path), kDaemon) << path;
      }
    }
    EXPECT_EQ(OwnerOf(dir + "/root/nearmiss.db"), 0u);
  }
  // An existing store is left as it is: root's stays root's.
  ASSERT_EQ(::chown((dir + "/root").c_str(), kDaemon, kDaemon), 0);
  ASSERT_TRUE(Store::Open(dir + "/root/nearmiss.db").ok());
  EXPECT_EQ(OwnerOf(dir + "/root/nearmiss.db"), 0u);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace nearmiss
