#include "content/pack.h"

#include <gtest/gtest.h>

namespace nearmiss::content {
namespace {

TEST(PackTest, EveryBuiltinPackParses) {
  for (const EmbeddedPack& p : BuiltinPacks()) {
    Result<Pack> pack = ParsePack(p.text, p.file_name);
    ASSERT_TRUE(pack.ok()) << pack.status().ToString();
    EXPECT_FALSE(pack->markings.empty()) << p.file_name;
    EXPECT_EQ(p.text.substr(0, 2), "# ") << p.file_name
                                         << " must open with its sources";
  }
}

TEST(PackTest, UnknownLevelNamesFileAndLine) {
  Result<Pack> pack = ParsePack(
      "pack = \"x\"\n\n[[marking]]\nname = \"A\"\nlevel = \"SEKRET\"\n"
      "forms = [\"A\"]\n",
      "x.toml");
  ASSERT_FALSE(pack.ok());
  EXPECT_EQ(pack.status().code(), StatusCode::kParseError);
  EXPECT_NE(pack.status().message().find("x.toml:5"), std::string::npos)
      << pack.status().message();
}

TEST(PackTest, SyntaxErrorNamesFileLineColumn) {
  Result<Pack> pack = ParsePack("pack = \"x\"\n[[marking]\n", "bad.toml");
  ASSERT_FALSE(pack.ok());
  EXPECT_NE(pack.status().message().find("bad.toml:2:"), std::string::npos)
      << pack.status().message();
}

// A pack file is TOML too: what toml++ 3.3.0 cannot read is refused first
// (base/toml_text.h), with its place.
TEST(PackTest, NonAsciiOutsideStringsIsRefusedWithItsPlace) {
  Result<Pack> pack = ParsePack("pack = \"x\"\n[[marking]]\nn\xc3\xa9 = 1\n", "p.toml");
  ASSERT_FALSE(pack.ok());
  EXPECT_EQ(pack.status().message().rfind("p.toml:3:2: '\xc3\xa9' (U+00E9) outside", 0), 0u)
      << pack.status().message();
}

TEST(PackTest, LiteralLoosensBlanksAndHyphens) {
  // A blank or hyphen may be a line break ("UK TOP\nSECRET").
  // Either may be an underscore ("UK_SECRET", "OFFICIAL_SENSITIVE").
  EXPECT_EQ(LiteralToExpression("TOP SECRET", true),
            "\\bTOP(?: +| *\n *|_)SECRET\\b");
  EXPECT_EQ(LiteralToExpression("OFFICIAL-SENSITIVE", true),
            "\\bOFFICIAL ?[-_][ \n]?SENSITIVE\\b");
  // A pack's form: the hyphen between capital words may be gone (a soft
  // hyphen dropped: breaker round 32); not after a one-letter word.
  EXPECT_EQ(LiteralToExpression("OFFICIAL-SENSITIVE", true, true),
            "\\bOFFICIAL(?: ?[-_][ \n]?)?SENSITIVE\\b");
  EXPECT_EQ(LiteralToExpression("X-IN-CONFIDENCE", true, true),
            "\\bX ?[-_][ \n]?IN(?: ?[-_][ \n]?)?CONFIDENCE\\b");
  EXPECT_EQ(LiteralToExpression("Non-Business", true, true),
            "\\bNon ?[-_][ \n]?Business\\b");
  EXPECT_EQ(LiteralToExpression("(S)", true), "\\(S\\)");
  EXPECT_EQ(LiteralToExpression("a.b", false), "a\\.b");
}

TEST(PackTest, DefinesExpandIntoRegexes) {
  Result<Pack> pack = ParsePack(
      "pack = \"x\"\n[define]\nsep = ' *// *'\nlevel = 'SECRET'\n"
      "banner = '{level}{sep}NOFORN'\n[[marking]]\nname = \"A\"\n"
      "level = \"SECRET\"\nregex = ['\\b{banner}', 'X{2,3}']\n",
      "x.toml");
  ASSERT_TRUE(pack.ok()) << pack.status().ToString();
  ASSERT_EQ(pack->markings.size(), 2u);
  EXPECT_EQ(pack->markings[0].expression,
            "\\b(?:(?:SECRET)(?: *// *)NOFORN)");
  EXPECT_EQ(pack->markings[1].expression, "X{2,3}");  // a quantifier stays
}

TEST(PackTest, BadDefinesAreNamed) {
  for (auto [text, needle] : {
           std::pair{"pack = \"x\"\n[[marking]]\nname = \"A\"\n"
                     "level = \"SECRET\"\nregex = ['{nope}']\n",
                     "x.toml:2: {nope} is not in [define]"},
           std::pair{"pack = \"x\"\n[define]\na = '{b}'\nb = '{a}'\n"
                     "[[marking]]\nname = \"A\"\nlevel = \"SECRET\"\n"
                     "regex = ['{a}']\n",
                     "cycle"},
       }) {
    Result<Pack> pack = ParsePack(text, "x.toml");
    ASSERT_FALSE(pack.ok()) << text;
    EXPECT_NE(pack.status().message().find(needle), std::string::npos)
        << pack.status().message();
  }
}

TEST(PackTest, SpacedAddsTheLetterSpacedForm) {
  EXPECT_EQ(LetterSpacedExpression("TOP SECRET"),
            "\\bT {1,2}O {1,2}P +S {1,2}E {1,2}C {1,2}R {1,2}E {1,2}T\\b");
  Result<Pack> pack = ParsePack(
      "pack = \"x\"\n[[marking]]\nname = \"S\"\nlevel = \"SECRET\"\n"
      "forms = [\"SECRET\"]\nspaced = true\n",
      "x.toml");
  ASSERT_TRUE(pack.ok()) << pack.status().ToString();
  ASSERT_EQ(pack->markings.size(), 2u);
  EXPECT_EQ(pack->markings[1].expression, "\\bS {1,2}E {1,2}C {1,2}R {1,2}E {1,2}T\\b");
}

TEST(PackTest, ClassificationWordsAreCapitalsOnlyByDefault) {
  Result<Pack> pack = ParsePack(
      "pack = \"x\"\n[[marking]]\nname = \"S\"\nlevel = \"SECRET\"\n"
      "forms = [\"SECRET\"]\n[[marking]]\nname = \"OS\"\n"
      "level = \"OFFICIAL-SENSITIVE\"\nforms = [\"OFFICIAL-SENSITIVE\"]\n"
      "mixed_case = true\n",
      "x.toml");
  ASSERT_TRUE(pack.ok()) << pack.status().ToString();
  EXPECT_FALSE(pack->markings[0].mixed_case);
  EXPECT_TRUE(pack->markings[1].mixed_case);
}

TEST(PackTest, SubjectHeadIsAnyTitleOrAloneForClassificationWords) {
  auto parse = [](std::string_view extra) {
    return ParsePack("pack = \"x\"\n[[marking]]\nname = \"P\"\nlevel = \"SECRET\"\n"
                     "forms = [\"PROTECTED\"]\n" + std::string(extra),
                     "x.toml");
  };
  Result<Pack> none = parse("");
  ASSERT_TRUE(none.ok()) << none.status().ToString();
  EXPECT_EQ(none->markings[0].subject_head, SubjectHead::kAny);
  Result<Pack> title = parse("subject_head = \"title\"\n");
  ASSERT_TRUE(title.ok()) << title.status().ToString();
  EXPECT_EQ(title->markings[0].subject_head, SubjectHead::kTitle);
  Result<Pack> alone = parse("subject_head = \"alone\"\n");
  ASSERT_TRUE(alone.ok()) << alone.status().ToString();
  EXPECT_EQ(alone->markings[0].subject_head, SubjectHead::kAlone);
  Result<Pack> bad = parse("subject_head = \"never\"\n");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("x.toml:6"), std::string::npos)
      << bad.status().message();
  Result<Pack> banner = parse("kind = \"banner\"\nsubject_head = \"title\"\n");
  ASSERT_FALSE(banner.ok());
}

TEST(PackTest, ExtentExpandsDefines) {
  Result<Pack> pack = ParsePack(
      "pack = \"x\"\n[define]\nrest = '[A-Z/]*'\n[[marking]]\nname = \"S\"\n"
      "level = \"SECRET\"\nkind = \"banner\"\nregex = ['S//NF']\n"
      "extent = 'S//NF{rest}'\n",
      "x.toml");
  ASSERT_TRUE(pack.ok()) << pack.status().ToString();
  EXPECT_EQ(pack->markings[0].extent, "S//NF(?:[A-Z/]*)");
  Result<Pack> empty = ParsePack(
      "pack = \"x\"\n[[marking]]\nname = \"S\"\nlevel = \"SECRET\"\n"
      "kind = \"banner\"\nregex = ['S//NF']\nextent = ''\n",
      "x.toml");
  ASSERT_FALSE(empty.ok());
  EXPECT_NE(empty.status().message().find("x.toml:7"), std::string::npos)
      << empty.status().message();
}

TEST(PackTest, HeadingWordIsForClassificationWords) {
  Result<Pack> pack = ParsePack(
      "pack = \"x\"\n[[marking]]\nname = \"S\"\nlevel = \"SECRET\"\n"
      "forms = [\"SECRET\"]\nheading_word = true\n",
      "x.toml");
  ASSERT_TRUE(pack.ok()) << pack.status().ToString();
  EXPECT_TRUE(pack->markings[0].heading_word);
  Result<Pack> banner = ParsePack(
      "pack = \"x\"\n[[marking]]\nname = \"S//NF\"\nlevel = \"SECRET\"\n"
      "kind = \"banner\"\nforms = [\"SECRET//NOFORN\"]\nheading_word = true\n",
      "x.toml");
  ASSERT_FALSE(banner.ok());
  EXPECT_NE(banner.status().message().find("x.toml:2"), std::string::npos)
      << banner.status().message();
}

// Round 42: a banner form that counts only alone on its line ("LIMITE").
TEST(PackTest, LineAloneIsForBanners) {
  Result<Pack> pack = ParsePack(
      "pack = \"x\"\n[[marking]]\nname = \"L\"\nlevel = \"OFFICIAL-SENSITIVE\"\n"
      "kind = \"banner\"\nforms = [\"LIMITE\"]\nline_alone = true\n",
      "x.toml");
  ASSERT_TRUE(pack.ok()) << pack.status().ToString();
  EXPECT_TRUE(pack->markings[0].line_alone);
  Result<Pack> word = ParsePack(
      "pack = \"x\"\n[[marking]]\nname = \"L\"\nlevel = \"OFFICIAL-SENSITIVE\"\n"
      "forms = [\"LIMITE\"]\nline_alone = true\n",
      "x.toml");
  ASSERT_FALSE(word.ok());
  EXPECT_NE(word.status().message().find("line_alone"), std::string::npos)
      << word.status().message();
}

TEST(PackTest, LabelValuesAreLetterWordsFolded) {
  Result<Pack> pack = ParsePack(
      "pack = \"x\"\n[label_values]\nwords = [\"Internal\"]\n"
      "qualifiers = [\"Only\"]\n",
      "x.toml");
  ASSERT_TRUE(pack.ok()) << pack.status().ToString();
  EXPECT_EQ(pack->label_values.words, std::vector<std::string>{"internal"});
  EXPECT_EQ(pack->label_values.qualifiers, std::vector<std::string>{"only"});
  for (auto [text, needle] : {
           std::pair{"pack = \"x\"\n[label_values]\nqualifiers = [\"Only\"]\n",
                     "x.toml:2: [label_values] needs words"},
           std::pair{"pack = \"x\"\n[label_values]\nwords = [\"Non-Public\"]\n",
                     "'Non-Public' must be ASCII letters only"},
       }) {
    Result<Pack> bad = ParsePack(text, "x.toml");
    ASSERT_FALSE(bad.ok()) << text;
    EXPECT_NE(bad.status().message().find(needle), std::string::npos)
        << bad.status().message();
  }
}

}  // namespace
}  // namespace nearmiss::content
