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

TEST(PackTest, LiteralLoosensBlanksAndHyphens) {
  EXPECT_EQ(LiteralToExpression("TOP SECRET", true), "\\bTOP +SECRET\\b");
  EXPECT_EQ(LiteralToExpression("OFFICIAL-SENSITIVE", true),
            "\\bOFFICIAL ?- ?SENSITIVE\\b");
  EXPECT_EQ(LiteralToExpression("(S)", true), "\\(S\\)");
  EXPECT_EQ(LiteralToExpression("a.b", false), "a\\.b");
}

}  // namespace
}  // namespace nearmiss::content
