#include "base/line_text.h"

#include <gtest/gtest.h>

#include <string>

namespace nearmiss {
namespace {

TEST(TerminalTextTest, KeepsTextAsItIs) {
  EXPECT_EQ(TerminalText("Nov  3 09:00:01 mail postfix/smtp[1]: to=<b@army.ml>"),
            "Nov  3 09:00:01 mail postfix/smtp[1]: to=<b@army.ml>");
  EXPECT_EQ(TerminalText("r\xc3\xa9sum\xc3\xa9 \xe2\x82\xac \xf0\x9f\x93\xa7"),
            "r\xc3\xa9sum\xc3\xa9 \xe2\x82\xac \xf0\x9f\x93\xa7");
  EXPECT_EQ(TerminalText("C:\\Program Files\\Exchange"), "C:\\Program Files\\Exchange");
}

TEST(TerminalTextTest, EscapesControlsAndBytesOfNoText) {
  // A terminal's escape sequence, a NUL, a tab, DEL and a C1 control.
  EXPECT_EQ(TerminalText("a\x1b[2Jb"), "a\\x1b[2Jb");
  EXPECT_EQ(TerminalText(std::string("x\0y", 3)), "x\\x00y");
  EXPECT_EQ(TerminalText("\t\x7f\xc2\x85"), "\\x09\\x7f\\xc2\\x85");
  // Binary: bytes that start no sequence, a sequence cut short, an
  // overlong form, a surrogate (wtmp's, /dev/urandom's bytes; Latin-1).
  EXPECT_EQ(TerminalText("\xff\xfe"), "\\xff\\xfe");
  EXPECT_EQ(TerminalText("\xe2\x82"), "\\xe2\\x82");
  EXPECT_EQ(TerminalText("\xc0\xaf"), "\\xc0\\xaf");
  EXPECT_EQ(TerminalText("\xed\xa0\x80"), "\\xed\\xa0\\x80");
  EXPECT_EQ(TerminalText("caf\xe9"), "caf\\xe9");
  // The line and bidirectional controls a sender could reorder text with.
  EXPECT_EQ(TerminalText("a\xe2\x80\xae" "b"), "a\\xe2\\x80\\xaeb");
}

}  // namespace
}  // namespace nearmiss
