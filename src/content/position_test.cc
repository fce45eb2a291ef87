#include "content/position.h"

#include <gtest/gtest.h>

namespace nearmiss::content {
namespace {

// Finds `word` in `text` and asks `fn` about it.
template <typename Fn>
bool At(Fn fn, std::string_view text, std::string_view word) {
  std::size_t b = text.find(word);
  EXPECT_NE(b, std::string_view::npos);
  return fn(text, b, b + word.size());
}

TEST(PositionTest, SubjectPrefixAfterReplies) {
  EXPECT_TRUE(At(IsSubjectMarking, "SECRET: plans", "SECRET"));
  EXPECT_TRUE(At(IsSubjectMarking, "Re: Fw: [SECRET] plans", "SECRET"));
  EXPECT_TRUE(At(IsSubjectMarking, "AW: TR: OFFICIAL: x", "OFFICIAL"));
  EXPECT_TRUE(At(IsSubjectMarking, "RE[2]: Fwd: SECRET x", "SECRET"));
  EXPECT_TRUE(At(IsSubjectMarking, "[EXT] SECRET: x", "SECRET"));
  EXPECT_TRUE(At(IsSubjectMarking, "Budget (OFFICIAL-SENSITIVE)",
                 "OFFICIAL-SENSITIVE"));
  EXPECT_FALSE(At(IsSubjectMarking, "The secret to soup", "secret"));
  EXPECT_FALSE(At(IsSubjectMarking, "Re: the SECRET plan", "SECRET"));
}

TEST(PositionTest, BannerLineAtTopOrBottom) {
  std::string_view top = "OFFICIAL\n\nHello Bob,\none\ntwo\nthree\nfour\n";
  EXPECT_TRUE(At(IsBannerMarking, top, "OFFICIAL"));
  std::string_view bottom = "Hi\none\ntwo\nthree\nfour\n\n** SECRET **\n";
  EXPECT_TRUE(At(IsBannerMarking, bottom, "SECRET"));
  std::string_view middle = "a\nb\nc\nd\nSECRET\ne\nf\ng\nh\n";
  EXPECT_FALSE(At(IsBannerMarking, middle, "SECRET"));
  EXPECT_FALSE(At(IsBannerMarking, "keep it confidential please",
                  "confidential"));
  EXPECT_TRUE(At(IsBannerMarking, "a\nb\nc\nd\nClassification: SECRET\ne\nf\ng\nh",
                 "SECRET"));
}

TEST(PositionTest, PortionAtParagraphStart) {
  EXPECT_TRUE(At(IsAtParagraphStart, "intro\n(S) The plan", "(S)"));
  EXPECT_TRUE(At(IsAtParagraphStart, "  (TS) x", "(TS)"));
  EXPECT_FALSE(At(IsAtParagraphStart, "see item(S) here", "(S)"));
}

// Issue 13: portion marks after a paragraph's number or letter, one-letter
// marks in everyday text, gateway tags before a subject marking.
TEST(PositionTest, PortionsAndSubjectsAsWritten) {
  struct Case {
    bool (*fn)(std::string_view, std::size_t, std::size_t);
    std::string_view text, word;
    bool want;
  };
  const auto kPortion = IsAtParagraphStart;
  const auto kSubject = IsSubjectMarking;
  for (const Case& c : {
           Case{kPortion, "x\n1. (S//NF) The convoy", "(S//NF)", true},
           Case{kPortion, "x\na. (U) Weather", "(U)", true},
           Case{kPortion, "x\n(1) (C) Sensors", "(C)", true},
           Case{kPortion, "x\n1.2 (TS) Intercepts", "(TS)", true},
           Case{kPortion, "x\niv. (S) Fuel", "(S)", true},
           Case{kPortion, "x\n- (S) Site two", "(S)", true},
           Case{kPortion, "x\nSummary (S) Fuel", "(S)", false},
           Case{kPortion, "x\n1. 2. (S) Fuel", "(S)", false},
           Case{kPortion, "Sizes\n(S) small", "(S)", false},
           Case{kPortion, "x\n1. (C) grade is a pass", "(C)", false},
           Case{kPortion, "x\n(C) 2025 Example Ltd", "(C)", false},
           Case{kPortion, "x\n(C) Crown copyright", "(C)", false},
           Case{kPortion, "x\n(C) Sensor coverage", "(C)", true},
           Case{kSubject, "[EXTERNAL] RE: SECRET: x", "SECRET", true},
           Case{kSubject, "EXTERNAL: SECRET: x", "SECRET", true},
           Case{kSubject, "*EXTERNAL* SECRET: x", "SECRET", true},
           Case{kSubject, "(EXT) Fwd: SECRET: x", "SECRET", true},
       }) {
    EXPECT_EQ(At(c.fn, c.text, c.word), c.want) << c.text;
  }
  EXPECT_TRUE(FollowedBySeparator("SECRET: x", 6));
  EXPECT_TRUE(FollowedBySeparator("SECRET - x", 6));
  EXPECT_TRUE(FollowedBySeparator("SECRET", 6));
  EXPECT_FALSE(FollowedBySeparator("SECRET SANTA", 6));
}

}  // namespace
}  // namespace nearmiss::content
