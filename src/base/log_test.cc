#include "base/log.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "base/line_text.h"

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

// Found by the issue-14 tester: a sender's justification with a line
// break forged a line of `audit --events`. Every character that breaks or
// reorders a line is found and cleaned, not only "\n".
TEST(LogTest, ControlCharactersThatBreakOrReorderALine) {
  struct Case {
    std::string_view text;
    size_t at;
  } cases[] = {
      {"new colleague\n  2026-12-01 revoke", 13},
      {"a\rb", 1},
      {"\x1b[2Kforged", 0},
      {"tab\there", 3},
      {"del\x7f", 3},
      {"c1 \xC2\x85 next line", 3},            // U+0085 NEL
      {"ls \xE2\x80\xA8 sep", 3},             // U+2028
      {"ps \xE2\x80\xA9 sep", 3},             // U+2029
      {"rlo \xE2\x80\xAE nimda", 4},          // U+202E
      {"iso \xE2\x81\xA6 x \xE2\x81\xA9", 4},  // U+2066 .. U+2069
  };
  for (const Case& c : cases) {
    EXPECT_EQ(ControlCharacterAt(c.text), c.at) << c.text;
    std::string clean = Untrusted(c.text, 200);
    EXPECT_EQ(ControlCharacterAt(clean), std::string_view::npos) << clean;
  }
  // Text of any script, with its accents and quotes, is a line.
  for (std::string_view fine : {"Jos\xC3\xA9 Garc\xC3\xAD" "a's new address",
                                "\xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x80\x94 dash",
                                "\xD0\x98\xD0\xB2\xD0\xB0\xD0\xBD"}) {
    EXPECT_EQ(ControlCharacterAt(fine), std::string_view::npos) << fine;
    EXPECT_EQ(Untrusted(fine, 200), fine);
  }
}

}  // namespace
}  // namespace nearmiss::log
