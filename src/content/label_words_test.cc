// Round 46's tester 13, finding 10: Purview internal names written without
// blanks ("HighlyConfidential") or with '-' or '_' between a parent and its
// child ("Confidential-AllEmployees") are placed as their display forms
// ("Highly Confidential", "Confidential\All Employees") are, never
// unknown-label for their shape alone; a child that says more is still
// reported.
#include <gtest/gtest.h>

#include "content/msip_testing.h"

#include <string>
#include <vector>

#include "content/label_words.h"
#include "nearmiss/content_scanner.h"

namespace nearmiss::content {
namespace {


// The default packs, compiled once for the file, not once a name (seconds
// each): a Scanner is immutable, and each scan has a Scratch of its own.
const Result<std::shared_ptr<const Scanner>>& DefaultScanner() {
  static const Result<std::shared_ptr<const Scanner>> compiled =
      Scanner::Compile(ScannerOptions{});
  return compiled;
}

Level LevelOf(std::string_view name) {
  const auto& compiled = DefaultScanner();
  EXPECT_TRUE(compiled.ok()) << compiled.status().ToString();
  if (!compiled.ok()) return Level::kNone;
  auto scratch = Scratch::Create(**compiled);
  EXPECT_TRUE(scratch.ok());
  Sensitivity out;
  Status s = (*compiled)->ScanHeader("msip_labels", Msip(name), *scratch, &out);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return out.level;
}

TEST(LabelWords, SplitsCamelCaseSeparatorsAndVersion) {
  using W = std::vector<std::string>;
  EXPECT_EQ(LabelWords("HighlyConfidential"), (W{"Highly", "Confidential"}));
  EXPECT_EQ(LabelWords("HighlyConfidential_AllEmployees_0"),
            (W{"Highly", "Confidential", "All", "Employees"}));
  EXPECT_EQ(LabelWords("Confidential-AllEmployees"), (W{"Confidential", "All", "Employees"}));
  EXPECT_EQ(LabelWords("UKSecret"), (W{"UK", "Secret"}));
  EXPECT_EQ(LabelWords("OFFICIAL-SENSITIVE"), (W{"OFFICIAL", "SENSITIVE"}));
  EXPECT_EQ(LabelWords("Top Secret STRAP1"), (W{"Top", "Secret", "STRAP1"}));
  EXPECT_EQ(JoinLabelWords(W{"a", "b", "c"}, 1, 3), "b c");
}

TEST(LabelWords, InternalNamesArePlacedAsTheirDisplayForms) {
  // Each beside its display form, which the default packs place.
  for (const auto& [internal, display] : std::vector<std::pair<const char*, const char*>>{
           {"HighlyConfidential", "Highly Confidential"},
           {"HighlyConfidential_AllEmployees", "Highly Confidential\\All Employees"},
           {"Confidential-AllEmployees", "Confidential\\All Employees"},
           {"Highly Confidential-All Employees", "Highly Confidential\\All Employees"},
           {"ConfidentialRecipientsOnly", "Confidential\\Recipients Only"},
       }) {
    const Level want = LevelOf(display);
    EXPECT_NE(want, Level::kUnknownLabel) << display;
    EXPECT_EQ(LevelOf(internal), want) << internal;
  }
}

TEST(LabelWords, OnlyInternalNameShapesAreSplit) {
  EXPECT_TRUE(InternalNameShape("HighlyConfidential"));
  EXPECT_TRUE(InternalNameShape("Confidential-AllEmployees"));
  EXPECT_TRUE(InternalNameShape("Highly_Confidential_0"));
  EXPECT_TRUE(InternalNameShape("Highly Confidential-All Employees"));
  EXPECT_FALSE(InternalNameShape("Restricted to Finance"));
  EXPECT_FALSE(InternalNameShape("Highly Confidential - All Employees"));
  EXPECT_FALSE(InternalNameShape("SECRET"));
  EXPECT_FALSE(InternalNameShape("Secret_0"));
  // A display name of words and blanks is matched whole, never by a word
  // inside it (the packs know RESTRICTED; the name says more).
  EXPECT_EQ(LevelOf("Restricted to Finance"), Level::kUnknownLabel);
}

TEST(LabelWords, AChildThatSaysMoreIsStillReported) {
  // "Project Falcon" scopes nothing the packs know: it may say more.
  EXPECT_EQ(LevelOf("Confidential-ProjectFalcon"), Level::kUnknownLabel);
  // No leading words any pack places: unknown, as before.
  EXPECT_EQ(LevelOf("AcmeRestrictedPlus"), Level::kUnknownLabel);
}

}  // namespace
}  // namespace nearmiss::content
