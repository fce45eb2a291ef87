#include "base/toml_text.h"

#include <gtest/gtest.h>

namespace nearmiss {
namespace {

// fuzz/regressions/policy/crash-0a87272e...: U+021A in a table header made
// toml++ 3.3.0 reach __builtin_unreachable (UBSan).
TEST(TomlTextTest, FuzzFindingNonAsciiInTableHeaderIsRefused) {
  std::optional<TomlTextProblem> p =
      FindTomlTextProblem("\n[senders\xc8\x9axecutives]\naddresses = []\n");
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->line, 2u);
  EXPECT_EQ(p->column, 9u);
  EXPECT_NE(p->message.find("(U+021A) outside a string or comment"),
            std::string::npos)
      << p->message;
}

// The form toml++ 3.3.0 cannot read although it is valid TOML: the message
// gives the escape to write instead.
TEST(TomlTextTest, ContinuationLineMessageGivesTheEscape) {
  std::optional<TomlTextProblem> p =
      FindTomlTextProblem("a = \"\"\"x\\\n   \xc3\xa9\"\"\"\n");
  ASSERT_TRUE(p.has_value());
  EXPECT_NE(p->message.find("write \\u00E9"), std::string::npos) << p->message;
}

struct Case {
  const char* why;
  const char* text;
  uint32_t line;    // 0: the text passes
  uint32_t column;  // in code points
};

// Each case's text, whether it passes, and where it is refused.
const Case kCases[] = {
    // Outside strings and comments: refused wherever.
    {"bare key (Cyrillic a)", "\xd0\xb0rmy = 1", 1, 1},
    {"dotted key", "a.\xd0\xb0 = 1", 1, 3},
    {"after a value", "a = 1\xc3\xa9", 1, 6},
    {"in an array", "a = [1, \xc3\xa9]", 1, 9},
    {"after a tab (U+3001)", "a = {b = 1}\n\t\xe3\x80\x81", 2, 2},
    {"columns count code points", "a = \"\xc3\xa9\xc3\xa9\" \xc3\xa9", 1, 10},
    // Strings and comments may hold any character.
    {"string, comment", "a = \"\xc3\xa9\" # caf\xc3\xa9\n", 0, 0},
    {"quoted keys", "\"\xc3\xa9\" = 1\n['\xd0\xb0rmy.mil']\n", 0, 0},
    {"multi-line strings",
     "a = '''\n\xc3\xa9\n'''\nb = \"\"\"\n\xc3\xa9\"\"\"\n", 0, 0},
    {"escaped quote, '#' in a string", "a = \"x\\\"\xc3\xa9 # \xc3\xa9\"\n", 0,
     0},
    {"continuation, then ASCII first", "a = \"\"\"x\\\n  y\xc3\xa9\"\"\"\n", 0,
     0},
    // String ends: """a"""" is the string a" and what follows is bare.
    {"four closing quotes", "a = \"\"\"a\"\"\"\"\n\xc3\xa9 = 1", 2, 1},
    {"five closing apostrophes", "a = '''a'''''\n\xc3\xa9 = 1", 2, 1},
    {"empty basic string", "a = \"\"\n\xc3\xa9 = 1", 2, 1},
    {"empty literal string", "a = ''\n\xc3\xa9 = 1", 2, 1},
    // fuzz/regressions/policy/crash-620e0ec3...: toml++ reads a number up
    // to a value terminator, so these quotes open no string.
    {"fuzz finding", "\n[utives]\naddrsses =4[\"c\xd2\x8fk\"]\n", 3, 15},
    {"number then quote", "a = 4\"\xc3\xa9\"", 1, 7},
    {"float then quote", "a = 1.\"\xc3\xa9\"", 1, 8},
    {"date then apostrophe", "a = 1979-05-27T'\xc3\xa9'", 1, 17},
    {"second array value", "a = [ 4, 5\"\xc3\xa9\"]", 1, 12},
    {"array value after a comment", "a = [\n# c\n4\"\xc3\xa9\"]", 3, 3},
    {"inline table value", "a = { b = 4\"\xc3\xa9\" }", 1, 13},
    // Where a string may start, it does: after '=', ',', '[', a dot.
    {"array strings", "a = [4,\"\xc3\xa9\"]\nb = [{c = 1}, \"\xc3\xa9\"]", 0,
     0},
    {"dotted quoted keys", "1.\"\xc3\xa9\" = 2\na = {1.\"\xc3\xa9\" = 1}", 0,
     0},
    {"comment after a number", "a = 4 # \xc3\xa9\nb = \"\xc3\xa9\"", 0, 0},
    // Multi-line basic strings: after '\' and after a line-ending '\'.
    {"continuation, spaces", "a = \"\"\"x\\\n   \xc3\xa9\"\"\"\n", 2, 4},
    {"continuation, blank line", "a = \"\"\"x\\\n\n\xc2\xa7\"\"\"", 3, 1},
    {"backslash before non-ASCII", "a = \"\"\"x\\\xc3\xa9\"\"\"", 1, 10},
    // Not UTF-8: left to toml++, which reports it.
    {"bad byte", "a = 1\n\xff\xc3\xa9", 0, 0},
    {"surrogate", "\xed\xa0\x80", 0, 0},
};

TEST(TomlTextTest, RefusesWhereTomlWouldFaultAndOnlyThere) {
  for (const Case& c : kCases) {
    std::optional<TomlTextProblem> p = FindTomlTextProblem(c.text);
    const uint32_t line = p ? p->line : 0;
    const uint32_t column = p ? p->column : 0;
    EXPECT_EQ(line, c.line) << c.why;
    EXPECT_EQ(column, c.column) << c.why;
  }
}

}  // namespace
}  // namespace nearmiss
