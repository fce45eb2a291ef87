#include "policy/template.h"

#include <gtest/gtest.h>

namespace nearmiss::policy {
namespace {

TEST(TemplateTest, EveryFieldAndBraces) {
  TemplateFields f{"bob@army.ml", "bob@army.mil", "army.mil", "the TLD is wrong", "SECRET", "", "", ""};
  EXPECT_EQ(RenderTemplate("{recipient}|{suggestion}|{target}|{reason}|{level}|{{x}}", f),
            "bob@army.ml|bob@army.mil|army.mil|the TLD is wrong|SECRET|{x}");
  EXPECT_EQ(RenderTemplate("", f), "");
}

// Issue 15 breaker, fix 7: the second suggestion never reached the
// sender: the template language had only {suggestion}.
TEST(TemplateTest, BothSuggestionsReachTheSender) {
  TemplateFields f{"x@yahoo.com.t", "x@yahoo.com.tw", "yahoo.com.tw", "", "", "",
                   "x@yahoo.com.tr", "x@yahoo.com.tw or x@yahoo.com.tr"};
  EXPECT_FALSE(ValidateTemplate("did you mean {suggestions}? ({also_suggestion})").has_value());
  EXPECT_EQ(RenderTemplate("did you mean {suggestions}? [{also_suggestion}]", f),
            "did you mean x@yahoo.com.tw or x@yahoo.com.tr? [x@yahoo.com.tr]");
}

// Issue 15, fresh tester, item 12: a rule on tld-not-delegated with the
// documented template said "did you mean ?" for foo.zz (no trusted name
// near): the clause holding an empty suggestion is left out.
TEST(TemplateTest, AClauseWithNothingToSuggestIsLeftOut) {
  TemplateFields f{"bob@foo.zz", "", "", "the TLD .zz does not exist", "", "", "", ""};
  EXPECT_EQ(RenderTemplate("{recipient}: {reason}; did you mean {suggestions}?", f),
            "bob@foo.zz: the TLD .zz does not exist");
  EXPECT_EQ(RenderTemplate("{recipient}: that TLD does not exist, did you mean {suggestion}?", f),
            "bob@foo.zz: that TLD does not exist");
  EXPECT_EQ(RenderTemplate("Did you mean {suggestions}? {recipient} was refused.", f),
            "bob@foo.zz was refused.");
  EXPECT_EQ(RenderTemplate("{reason}. Did you mean {suggestion}? Call the desk.", f),
            "the TLD .zz does not exist. Call the desk.");
  EXPECT_EQ(RenderTemplate("{recipient}; try {suggestion}. Call the desk.", f),
            "bob@foo.zz. Call the desk.");
  EXPECT_EQ(RenderTemplate("{recipient} did you mean {suggestion}?", f), "bob@foo.zz");
  // No end to the clause: the field is only left empty.
  EXPECT_EQ(RenderTemplate("{recipient} (try {suggestion})", f), "bob@foo.zz (try )");
  // With a suggestion nothing changes.
  TemplateFields g{"bob@army.ml", "bob@army.mil", "", "r", "", "", "", "bob@army.mil"};
  EXPECT_EQ(RenderTemplate("{recipient}: {reason}; did you mean {suggestions}?", g),
            "bob@army.ml: r; did you mean bob@army.mil?");
}

TEST(TemplateTest, ProblemsNameTheirPlace) {
  EXPECT_FALSE(ValidateTemplate("{recipient}: {reason} {{ok}}").has_value());
  auto unknown = ValidateTemplate("hi {recipent}");
  ASSERT_TRUE(unknown.has_value());
  EXPECT_EQ(unknown->what, "unknown field '{recipent}'");
  EXPECT_EQ(unknown->offset, 3u);
  EXPECT_EQ(ValidateTemplate("oops {level")->what, "unclosed '{'");
  EXPECT_EQ(ValidateTemplate("oops }")->what, "unmatched '}'");
}

}  // namespace
}  // namespace nearmiss::policy
