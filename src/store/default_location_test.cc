#include "store/default_location.h"

#include <gtest/gtest.h>

namespace nearmiss::store {
namespace {

StoreEnvironment Env(bool system_writable) {
  StoreEnvironment env;
  env.home = "/home/alice";
  env.writable = [system_writable](const std::string& dir) {
    return dir == "/var/lib/nearmiss" && system_writable;
  };
  return env;
}

TEST(DefaultLocation, StateDirWins) {
  StoreEnvironment env = Env(true);
  env.state_dir = "/srv/nm";
  EXPECT_EQ(FindDefaultStore(env).path, "/srv/nm/nearmiss.db");
}

TEST(DefaultLocation, SystemDirWhenWritable) {
  EXPECT_EQ(FindDefaultStore(Env(true)).path, "/var/lib/nearmiss/nearmiss.db");
}

TEST(DefaultLocation, NonRootFallsBackToXdgDataHome) {
  StoreEnvironment env = Env(false);
  DefaultLocation d = FindDefaultStore(env);
  EXPECT_EQ(d.path, "/home/alice/.local/share/nearmiss/nearmiss.db");
  EXPECT_NE(d.why.find("not writable"), std::string::npos);
  env.xdg_data_home = "/data/alice";
  EXPECT_EQ(FindDefaultStore(env).path, "/data/alice/nearmiss/nearmiss.db");
  // A relative $XDG_DATA_HOME is invalid (XDG Base Directory Specification).
  env.xdg_data_home = "relative";
  EXPECT_EQ(FindDefaultStore(env).path, "/home/alice/.local/share/nearmiss/nearmiss.db");
}

}  // namespace
}  // namespace nearmiss::store
