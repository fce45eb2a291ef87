#include "lookalike/visual_key.h"

#include <gtest/gtest.h>

namespace nearmiss::lookalike {
namespace {

TEST(AsciiLookalikeTest, MapsConfusablesToAscii) {
  AsciiForm cyrillic = AsciiLookalike("\xD0\xB0rmy.mil");  // Cyrillic а
  EXPECT_EQ(cyrillic.text, "army.mil");
  EXPECT_TRUE(cyrillic.all_ascii);
  EXPECT_TRUE(cyrillic.changed);
  EXPECT_NE(cyrillic.first_change.find("U+0430"), std::string::npos);
  EXPECT_EQ(AsciiLookalike("gm\xC3\xA1il.com").text, "gmail.com");  // á
  AsciiForm plain = AsciiLookalike("Army.MIL");
  EXPECT_EQ(plain.text, "army.mil");
  EXPECT_FALSE(plain.changed);
}

TEST(AsciiLookalikeTest, MapsLettersUts39LeavesAlone) {
  // Small capital M, t with palatal hook, e with stroke: dnstwist's glyphs.
  EXPECT_EQ(AsciiLookalike("\xE1\xB4\x8Dicrosoft").text, "microsoft");
  EXPECT_EQ(AsciiLookalike("microsof\xC6\xAB").text, "microsoft");
  EXPECT_EQ(AsciiLookalike("\xC9\x87" "ba").text, "eba");
  // Cyrillic em, whose UTS #39 skeleton is not ASCII.
  AsciiForm em = AsciiLookalike("g\xD0\xBC" "ail");
  EXPECT_EQ(em.text, "gmail");
  EXPECT_TRUE(em.all_ascii);
}

// Issue 15 breaker (second round), item 2: a capital Turkish "İ" becomes
// i + U+0307 under UTS #46 ("GMAİL.COM" -> gmai\u0307l.com), and marks with
// no precomposed letter (U+0332 low line, U+0338 long solidus, U+0307 dot
// on 't') were kept, so the name was no homoglyph of anything.
TEST(AsciiLookalikeTest, DropsCombiningMarksOnAsciiLetters) {
  for (auto [typed, meant] : {std::pair{"gmai\xCC\x87l.com", "gmail.com"},   // i + U+0307
                              {"gmail\xCC\xB2.com", "gmail.com"},            // l + U+0332
                              {"yahoo\xCC\xB8.com", "yahoo.com"},            // o + U+0338
                              {"outlook\xCC\x87.com", "outlook.com"},        // k + U+0307
                              {"army.mi\xCC\x87l", "army.mil"},              // ARMY.MİL
                              {"i\xCC\x87\xCC\x81" "cloud.com", "icloud.com"}}) {  // two marks
    AsciiForm f = AsciiLookalike(typed);
    EXPECT_EQ(f.text, meant) << typed;
    EXPECT_TRUE(f.all_ascii) << typed;
    EXPECT_TRUE(f.changed) << typed;
  }
  EXPECT_EQ(AsciiLookalike("gmai\xCC\x87l.com").first_change, "a combining mark (U+0307) on 'i'");
  // A mark that belongs to another script's letter stays: Devanagari
  // "हिंदी" keeps its vowel signs.
  AsciiForm hindi = AsciiLookalike("\xE0\xA4\xB9\xE0\xA4\xBF\xE0\xA4\x82");
  EXPECT_FALSE(hindi.all_ascii);
  EXPECT_EQ(hindi.text, "\xE0\xA4\xB9\xE0\xA4\xBF\xE0\xA4\x82");
}

TEST(AsciiLookalikeTest, KeepsCharactersWithoutAnAsciiTwin) {
  AsciiForm han = AsciiLookalike("\xE4\xB8\xAD\xE6\x96\x87.com");  // 中文
  EXPECT_FALSE(han.all_ascii);
}

TEST(VisualKeyTest, FoldsAsciiLookalikes) {
  EXPECT_EQ(VisualKey("rnicrosoft"), VisualKey("microsoft"));
  EXPECT_EQ(VisualKey("g00gle"), VisualKey("google"));
  EXPECT_EQ(VisualKey("paypa1"), VisualKey("paypal"));
  EXPECT_EQ(VisualKey("vvikipedia"), VisualKey("wikipedia"));
  EXPECT_EQ(VisualKey("gmaii"), VisualKey("gmail"));
  EXPECT_NE(VisualKey("gmail"), VisualKey("gmx"));
}

TEST(VisualKeyTest, FoldsDnstwistGlyphPairs) {
  EXPECT_EQ(VisualKey("cba"), VisualKey("cda"));        // b/d
  EXPECT_EQ(VisualKey("microsoft"), VisualKey("mierosoft"));  // c/e
  EXPECT_EQ(VisualKey("outlook"), VisualKey("outloolc"));     // lc for k
  EXPECT_EQ(VisualKey("outlook"), VisualKey("outlooik"));     // ik for k
  EXPECT_EQ(VisualKey("nhs"), VisualKey("nlhs"));             // lh for h
  EXPECT_EQ(VisualKey("bank"), VisualKey("lbank"));           // lb for b
  EXPECT_EQ(VisualKey("barclays"), VisualKey("bardays"));     // cl for d
}

TEST(VisualKeyTest, LeavesCommonDigraphsAlone) {
  // Pairs fold only as typed: "le" and "ic" are not "k".
  EXPECT_NE(VisualKey("sale"), VisualKey("sak"));
  EXPECT_NE(VisualKey("music"), VisualKey("musk"));
}

}  // namespace
}  // namespace nearmiss::lookalike
