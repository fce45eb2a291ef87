#include "base/log.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

namespace nearmiss::log {
namespace {

// Runs `fn` with stderr redirected to a file; returns what it wrote.
template <typename Fn>
std::string CaptureStderr(Fn fn) {
  std::fflush(stderr);
  char path[] = "/tmp/nm_log_test_XXXXXX";
  const int fd = ::mkstemp(path);
  const int saved = ::dup(STDERR_FILENO);
  ::dup2(fd, STDERR_FILENO);
  fn();
  ::dup2(saved, STDERR_FILENO);
  ::close(saved);
  ::close(fd);
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  ::unlink(path);
  return ss.str();
}

TEST(LogTest, TextLinesNameProgramAndLevel) {
  Configure({"nearmiss milter", Format::kText, false});
  EXPECT_EQ(CaptureStderr([] { Warn("store down"); }), "nearmiss milter: warning: store down\n");
  EXPECT_EQ(CaptureStderr([] { Info("listening"); }), "nearmiss milter: listening\n");
  // A newline in a message cannot start a forged line.
  EXPECT_EQ(CaptureStderr([] { Info("a\nnearmiss milter: fake"); }),
            "nearmiss milter: a nearmiss milter: fake\n");
}

TEST(LogTest, JsonLinesAreObjects) {
  Configure({"nearmiss serve", Format::kJson, false});
  std::string line = CaptureStderr([] { Warn("bad \"token\""); });
  EXPECT_NE(line.find("\"level\":\"warning\""), std::string::npos) << line;
  EXPECT_NE(line.find("\"program\":\"nearmiss serve\""), std::string::npos) << line;
  EXPECT_NE(line.find("\"message\":\"bad \\\"token\\\"\""), std::string::npos) << line;
  Configure({});
}

TEST(LogTest, FatalExitsWithTwo) {
  Configure({});
  EXPECT_EXIT(Fatal("no such user"), ::testing::ExitedWithCode(2), "nearmiss: fatal: no such user");
}

TEST(LogTest, UntrustedIsCutAndCleaned) {
  EXPECT_EQ(Untrusted("bob\r\nX-Evil: 1"), "bob??X-Evil: 1");
  EXPECT_EQ(Untrusted(std::string(300, 'a')).size(), 100u + 3);
  EXPECT_EQ(Untrusted("\xFF" "ok"), "?ok");
  EXPECT_EQ(Untrusted("\xC3\xA9t\xC3\xA9", 3), "\xC3\xA9t\xE2\x80\xA6");
}

}  // namespace
}  // namespace nearmiss::log
