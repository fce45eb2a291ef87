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
