#include "maillog/binary_file.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

namespace nearmiss::maillog {
namespace {

const std::string kLine =
    "Nov  3 09:12:02 mail postfix/smtp[1000]: 1A1A1A1A: to=<bob@army.ml>, "
    "relay=mx.army.ml[203.0.113.5]:25, delay=1, dsn=2.0.0, status=sent (250 2.0.0 Ok)\n";

std::string Lines(int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += kLine;
  return out;
}

// A utmp(5) record as wtmp holds them: type, pid, the tty, the user and
// the host NUL-padded to their widths, the time in binary.
std::string Utmp(int32_t type, const std::string& user) {
  std::string r(384, '\0');
  r[0] = static_cast<char>(type);
  r[4] = '\x39';
  r[5] = '\x30';
  r.replace(8, 5, "pts/0");
  r.replace(40, 4, "ts/0");
  r.replace(44, user.size(), user);
  r.replace(76, 8, "10.0.0.5");
  r[340] = '\xa1';
  r[341] = '\x1f';
  r[342] = '\x32';
  r[343] = '\x69';
  return r;
}

TEST(BinaryFileTest, TextLogsAreText) {
  EXPECT_EQ(BinaryBlock(Lines(40)), nullptr);
  // A Latin-1 subject and a coloured line (ESC) are still a text log.
  EXPECT_EQ(BinaryBlock(Lines(3) + "Nov  3 subject=r\xe9sum\xe9 \x1b[31mred\x1b[0m\n" + Lines(3)),
            nullptr);
  // The Exchange and Microsoft 365 forms.
  EXPECT_EQ(BinaryBlock("#Software: Microsoft Exchange Server\r\n#Version: 15.02.1118.007\r\n"),
            nullptr);
  EXPECT_EQ(BinaryBlock("\"Received\",\"SenderAddress\",\"RecipientAddress\",\"Status\"\n"), nullptr);
}

TEST(BinaryFileTest, CrashHolesInATextLogAreNotBinary) {
  // The NUL runs a crash leaves, at the start, in the middle of a line,
  // between lines, and several: each between text (log_files.h reads them).
  EXPECT_EQ(BinaryBlock(std::string(3000, '\0') + Lines(5)), nullptr);
  EXPECT_EQ(BinaryBlock(Lines(2) + "Nov  3 09:12:03 mail postfix/qmgr[9]: 2B" +
                        std::string(700, '\0') + Lines(3)),
            nullptr);
  EXPECT_EQ(BinaryBlock(Lines(1) + std::string(100, '\0') + Lines(1) + std::string(100, '\0') +
                        Lines(1) + std::string(100, '\0') + Lines(1)),
            nullptr);
  EXPECT_EQ(BinaryBlock(std::string(8192, '\0')), nullptr);  // NULs only: a hole
  // A log whose only line a crash cut.
  EXPECT_EQ(BinaryBlock("Nov  3 09:12:02 mail postfix/smtp[1000]: 1A1A1A1A: to=<bob@army.ml>, r" +
                        std::string(4000, '\0')),
            nullptr);
}

TEST(BinaryFileTest, RecordsPaddedWithNulsAreBinary) {
  // wtmp; lastlog's records (a time, a tty, a host) likewise.
  std::string wtmp = Utmp(7, "root") + Utmp(8, "") + Utmp(7, "alice");
  EXPECT_STREQ(BinaryBlock(wtmp), "NUL bytes among its data, not between lines of text");
  std::string lastlog(292 * 3, '\0');
  lastlog.replace(0, 4, "\xa1\x1f\x32\x69");
  lastlog.replace(4, 5, "pts/0");
  lastlog.replace(36, 8, "10.0.0.5");
  EXPECT_NE(BinaryBlock(lastlog), nullptr);
  // A systemd journal file's header.
  std::string journal = "LPKSHHRH";
  journal += std::string("\x00\x00\x00\x00\x02\x00\x00\x00", 8);
  journal += "\x8c\x1e\x7f\x42\x93\xa0\x11\xef\x8b\x3c\x02\x42\xac\x11\x00\x02";
  journal += std::string(200, '\0') + "\x10\x01" + std::string(40, '\0') + "\xf0\xa3";
  EXPECT_NE(BinaryBlock(journal), nullptr);
}

TEST(BinaryFileTest, RandomBytesAreBinary) {
  // `head -c 4096 /dev/urandom`, made reproducible (a linear congruential
  // generator), with no NUL byte in it at all.
  std::string noise;
  uint32_t x = 12345;
  for (int i = 0; i < 4096; ++i) {
    x = x * 1103515245u + 12345u;
    char c = static_cast<char>((x >> 16) & 0xff);
    noise += c == '\0' ? '\x01' : c;
  }
  EXPECT_STREQ(BinaryBlock(noise), "mostly bytes that are no UTF-8 text");
}

}  // namespace
}  // namespace nearmiss::maillog
