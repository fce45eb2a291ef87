// PostScript's shown strings as lines of text (postscript_text.h).
#include "content/postscript_text.h"

#include <gtest/gtest.h>

#include <string>

namespace nearmiss::content {
namespace {

TEST(PostScriptText, KnownByItsHeader) {
  EXPECT_TRUE(IsPostScript("%!PS-Adobe-3.0\n"));
  EXPECT_TRUE(IsPostScript("%!PS-Adobe-3.0 EPSF-3.0\n"));
  EXPECT_TRUE(IsPostScript(std::string("\xC5\xD0\xD3\xC6", 4)));
  EXPECT_FALSE(IsPostScript("%PDF-1.7\n"));
  EXPECT_FALSE(IsPostScript("Hello (world) show\n"));
}

// Round 56b's tester 13, finding 3: a banner shown at the top and bottom
// of a page, as a literal and as a hex string, each its own line.
TEST(PostScriptText, EachShownStringIsALine) {
  const std::string ps =
      "%!PS-Adobe-3.0\n%%Title: (Convoy plan)\n%%Pages: 1\n%%EndComments\n"
      "/Helvetica findfont 12 scalefont setfont\n"
      "72 720 moveto (SECRET//NOFORN) show\n"
      "72 700 moveto (The convoy leaves at 0600.) show\n"
      "72 680 moveto 0 0 (Escapes: \\(a\\) \\\\ \\101\\102 end) ashow\n"
      "72 60 moveto <5345435245542F2F4E4F464F524E> show\n"
      "72 40 moveto <~87cURD]j7BEbo7~> show %(not shown)\nshowpage\n";
  PostScriptText t = ReadPostScriptText(ps);
  EXPECT_EQ(t.error, "");
  EXPECT_EQ(t.text,
            "Convoy plan\nSECRET//NOFORN\nThe convoy leaves at 0600.\nEscapes: (a) \\ AB end\n"
            "SECRET//NOFORN\nHello world\n");
}

TEST(PostScriptText, NestedParenthesesAndContinuedLines) {
  PostScriptText t = ReadPostScriptText("%!PS\n(a (b) c) show (UK SEC\\\nRET) show\n");
  EXPECT_EQ(t.text, "a (b) c\nUK SECRET\n");
}

TEST(PostScriptText, CompressedContentIsUnread) {
  PostScriptText t = ReadPostScriptText(
      "%!PS-Adobe-3.0\ncurrentfile /ASCII85Decode filter /FlateDecode filter cvx exec\nGb\"...~>\n");
  EXPECT_NE(t.error, "");
}

TEST(PostScriptText, DosEpsIsReadFromItsPostScriptSection) {
  const std::string body = "%!PS-Adobe-3.0 EPSF-3.0\n(UK SECRET) show\n";
  std::string eps("\xC5\xD0\xD3\xC6", 4);
  const std::uint32_t at = 30, length = static_cast<std::uint32_t>(body.size());
  for (std::uint32_t v : {at, length}) {
    for (int k = 0; k < 4; ++k) eps.push_back(static_cast<char>((v >> (8 * k)) & 0xFF));
  }
  eps.resize(at, '\0');
  eps += body;
  eps += std::string("\0\0(junk) show", 13);
  EXPECT_EQ(ReadPostScriptText(eps).text, "UK SECRET\n");
}

}  // namespace
}  // namespace nearmiss::content
