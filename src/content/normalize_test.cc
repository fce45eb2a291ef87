#include "content/normalize.h"

#include <gtest/gtest.h>

namespace nearmiss::content {
namespace {

std::string Norm(std::string_view in) {
  std::string out;
  NormalizeText(in, &out);
  return out;
}

TEST(NormalizeTest, DashesBecomeHyphen) {
  EXPECT_EQ(Norm("OFFICIAL\u2013SENSITIVE"), "OFFICIAL-SENSITIVE");
  EXPECT_EQ(Norm("OFFICIAL\u2011SENSITIVE"), "OFFICIAL-SENSITIVE");
  EXPECT_EQ(Norm("OFFICIAL\u2014SENSITIVE"), "OFFICIAL-SENSITIVE");
  EXPECT_EQ(Norm("a\u2212b"), "a-b");
}

TEST(NormalizeTest, SpacesAndInvisiblesAndLineEnds) {
  EXPECT_EQ(Norm("TOP\u00a0SECRET"), "TOP SECRET");
  EXPECT_EQ(Norm("TOP\u202fSECRET"), "TOP SECRET");
  EXPECT_EQ(Norm("SE\u200bCRET"), "SECRET");
  EXPECT_EQ(Norm("SE\u00adCRET"), "SECRET");
  // A tab is a cell break: three blanks (issue 13, round 34 item 5).
  EXPECT_EQ(Norm("a\r\nb\rc\td"), "a\nb\nc   d");
}

// Breaker round 13 defect 7: underscores as emphasis at a word's edge
// become blanks, one for one; inside words and in rule lines they stay.
// Issue 13, b13t defect 2: backspace overstrike as nroff, man(1) and line
// printers write it reads as the letters shown.
// UAX #14's mandatory breaks (BK, NL) end a line as LF does; a form feed
// stays, a page break (issue 13, round 44 tester finding 7).
TEST(NormalizeTest, UnicodeAndControlLineBreaksBecomeLineFeeds) {
  EXPECT_EQ(Norm("UK SECRET\u2028Bob"), "UK SECRET\nBob");
  EXPECT_EQ(Norm("UK SECRET\u2029Bob"), "UK SECRET\nBob");
  EXPECT_EQ(Norm("UK SECRET\u0085Bob"), "UK SECRET\nBob");
  EXPECT_EQ(Norm("UK SECRET\vBob"), "UK SECRET\nBob");
  EXPECT_EQ(Norm("UK SECRET\fBob"), "UK SECRET\fBob");
  EXPECT_FALSE(IsAlreadyNormal("a plain line of thirty-two bytes\vand more after it"));
  // Windows-1252's 0x85 is an ellipsis (NFKC: three full stops), not NEL.
  EXPECT_EQ(Norm("Wait\x85"), "Wait...");
}

TEST(NormalizeTest, BackspaceOverstrikeShowsTheLetterStruckLast) {
  EXPECT_EQ(Norm("S\bSE\bEC\bCR\bRE\bET\bT"), "SECRET");     // bold
  EXPECT_EQ(Norm("_\bU_\bK _\bS_\bE_\bC"), "UK SEC");         // underline
  EXPECT_EQ(Norm("S\b_E\b_C\b_"), "SEC");                      // underline after
  EXPECT_EQ(Norm("/\b/ x"), "/ x");
  // Non-ASCII struck over: the whole UTF-8 sequence goes.
  EXPECT_EQ(Norm("\u00e9\bE"), "E");
  // Nothing to strike: a backspace at the start or after a line break.
  EXPECT_EQ(Norm("\bSECRET\n\bX"), "SECRET\nX");
  EXPECT_FALSE(IsAlreadyNormal("S\bS"));
  // Long plain runs around it (the 16- and 32-byte screens).
  std::string plain(70, 'a');
  EXPECT_EQ(Norm(plain + "S\bS" + plain), plain + "S" + plain);
}

TEST(NormalizeTest, EmphasisUnderscoresBecomeBlanks) {
  EXPECT_EQ(Norm("_SECRET_"), " SECRET ");
  EXPECT_EQ(Norm("__UK SECRET__\nx"), "  UK SECRET  \nx");
  EXPECT_EQ(Norm("_OFFICIAL-SENSITIVE_: plan"), " OFFICIAL-SENSITIVE : plan");
  EXPECT_EQ(Norm("snake_case MSIP_Label_x_Name"), "snake_case MSIP_Label_x_Name");
  EXPECT_EQ(Norm("________"), "________");
  EXPECT_FALSE(IsAlreadyNormal("_SECRET_"));
}

// Issue 13, breaker defect 9: look-alikes of other scripts inside Latin
// words, or next to a word of Latin capitals, read as the Latin letters.
TEST(NormalizeTest, LookAlikeLettersInLatinWordsFold) {
  EXPECT_EQ(Norm("S\u0415CRET//NOFORN"), "SECRET//NOFORN");       // Cyrillic IE
  EXPECT_EQ(Norm("\u0422\u041e\u0420 SECRET"), "TOP SECRET");    // Cyrillic TOP
  EXPECT_EQ(Norm("\u03a4OP SECRET"), "TOP SECRET");               // Greek Tau
  EXPECT_EQ(Norm("(\u0405//NF)"), "(S//NF)");                     // Cyrillic DZE
  EXPECT_EQ(Norm("N\u0391TO SECRET"), "NATO SECRET");             // Greek Alpha
  EXPECT_EQ(Norm("Secr\u0435t"), "Secret");                       // lower case
}

TEST(NormalizeTest, OtherScriptsProseStaysAsWritten) {
  // Russian and Greek words with letters that are no look-alikes, and a
  // Cyrillic word with no Latin word of capitals next to it.
  for (std::string_view prose :
       {"\u0421\u0415\u041a\u0420\u0415\u0422 \u0443\u0441\u043f\u0435\u0445\u0430",
        "\u03a4\u03bf \u03bc\u03c5\u03c3\u03c4\u03b9\u03ba\u03cc",
        "\u0412\u0421\u0415 \u043e\u043a", "caf\u00e9 SECRET"}) {
    EXPECT_EQ(Norm(prose), prose);
  }
}

// Tester 13 item 6: a byte that is no UTF-8 is legacy text with no charset
// (Notepad's "ANSI", Excel's CSV): its Windows-1252 character, so the
// no-break space and en dash Outlook and Word type read as a blank and a
// dash. Valid UTF-8 beside it stays as it is.
TEST(NormalizeTest, BytesThatAreNoUtf8ReadAsWindows1252) {
  EXPECT_EQ(Norm("UK\xa0SECRET"), "UK SECRET");
  EXPECT_EQ(Norm("OFFICIAL\x96SENSITIVE"), "OFFICIAL-SENSITIVE");
  EXPECT_EQ(Norm("OFFICIAL\x97SENSITIVE"), "OFFICIAL-SENSITIVE");
  EXPECT_EQ(Norm("\xff SECRET \xc3"), "\xc3\xbf SECRET \xc3\x83");
  EXPECT_EQ(Norm("caf\xe9 \x80 5"), "caf\xc3\xa9 \xe2\x82\xac 5");
  // Mixed: a UTF-8 reply above a legacy quote.
  EXPECT_EQ(Norm("caf\xc3\xa9\nUK\xa0SECRET"), "caf\xc3\xa9\nUK SECRET");
  // The five bytes the code page leaves undefined: their C1 control.
  EXPECT_EQ(Norm("a\x81" "b"), "a\xc2\x81" "b");
}

TEST(NormalizeTest, UnfoldJoinsContinuationLines) {
  EXPECT_EQ(UnfoldHeader("MSIP_Label_1_Name=Sec\r\n ret; x"),
            "MSIP_Label_1_Name=Sec ret; x");
}

}  // namespace
}  // namespace nearmiss::content

namespace nearmiss::content {
namespace {

TEST(NormalizeTest, AlreadyNormalMatchesNormalize) {
  for (std::string_view s :
       {"", "plain ascii text that is long enough for words", "tab\there",
        "cr\r\nlf", "nbsp\u00a0x", "0123456789abcdef\r", "\x0b\x0c\x0e ok"}) {
    std::string out;
    NormalizeText(s, &out);
    EXPECT_EQ(IsAlreadyNormal(s), out == s) << s;
  }
}

// Runs of plain text are copied eight bytes at a time: a character to
// rewrite must be found at every position of a word, and after line feeds
// (which the word screen stops at without rewriting).
TEST(NormalizeTest, RewritesAtEveryPositionOfLongText) {
  const std::string base = "line one\nline two is longer\nthree\n";
  const std::pair<std::string, std::string> cases[] = {
      {"\r\n", "\n"}, {"\r", "\n"}, {"\t", "   "}, {"\u2013", "-"},
      {"\u00a0", " "},  {"\u200b", ""}, {"\xff", "\u00ff"}, {"\x96", "-"},
      {"\u00e9", "\u00e9"}};
  for (const auto& [special, mapped] : cases) {
    for (size_t at = 0; at <= base.size(); ++at) {
      std::string in = base.substr(0, at) + special + base.substr(at);
      std::string want = base.substr(0, at) + mapped + base.substr(at);
      // A CR placed before a line feed makes a CRLF: one line end.
      if (special == "\r" && at < base.size() && base[at] == '\n') want = base;
      EXPECT_EQ(Norm(in), want) << "at " << at;
      EXPECT_FALSE(IsAlreadyNormal(in)) << "at " << at;
    }
  }
  EXPECT_TRUE(IsAlreadyNormal(base));
  EXPECT_EQ(Norm(base), base);
}

// The run screen reads 16 bytes at a time (normalize.cc, PlainRun): a
// special byte must be found at every offset within a block, in the
// bytes after the last whole block, and as the first or last byte, in a
// text several blocks long; and a second one after the first is found too.
TEST(NormalizeTest, FindsSpecialBytesAtEveryOffsetOfSeveralBlocks) {
  std::string base;
  for (int i = 0; i < 9; ++i) base += "plain words " + std::to_string(i) + " ";
  ASSERT_GT(base.size(), 100u);
  for (char special : {'\r', '\t', '_', '\x80', '\xc3', '\xff'}) {
    for (size_t at = 0; at < base.size(); ++at) {
      std::string in = base;
      in[at] = special;
      EXPECT_FALSE(IsAlreadyNormal(in)) << int(special) << " at " << at;
      std::string twice = in;
      if (at + 17 < base.size()) {
        twice[at] = ' ';
        twice[at + 17] = special;
        EXPECT_FALSE(IsAlreadyNormal(twice)) << int(special) << " at " << at + 17;
      }
      if (special == '\r' || special == '\t') {
        const char* mapped = special == '\r' ? "\n" : "   ";
        EXPECT_EQ(Norm(in), base.substr(0, at) + mapped + base.substr(at + 1));
      }
    }
    for (size_t len = 0; len <= 40; ++len) {
      std::string in = base.substr(0, len);
      EXPECT_TRUE(IsAlreadyNormal(in)) << len;
      in.push_back(special);
      EXPECT_FALSE(IsAlreadyNormal(in)) << int(special) << " after " << len;
    }
  }
  EXPECT_TRUE(IsAlreadyNormal(base));
}

}  // namespace
}  // namespace nearmiss::content
