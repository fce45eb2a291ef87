// The policy's label table on a label's visual marking in a body
// (body_labels.cc): labelled lines and a first or last line that is a
// label's name alone; the table wins over the packs there; prose is left
// alone.
#include <gtest/gtest.h>

#include "nearmiss/content_scanner.h"

namespace nearmiss::content {
namespace {

std::shared_ptr<const Scanner> WithTable() {
  ScannerOptions options;
  options.labels = {{"Team Internal", Level::kOfficialSensitive, "t:1"},
                    {"Confidential\\Finance", Level::kSecret, "t:2"},
                    {"Falcon_Restricted_0", Level::kSecret, "t:3"}};
  auto compiled = Scanner::Compile(options);
  EXPECT_TRUE(compiled.ok()) << compiled.status().ToString();
  return *compiled;
}

Sensitivity ScanBody(const Scanner& scanner, std::string_view body) {
  auto scratch = Scratch::Create(scanner);
  EXPECT_TRUE(scratch.ok());
  Sensitivity out;
  EXPECT_TRUE(scanner.Scan(TextKind::kBody, "body", body, *scratch, &out).ok());
  return out;
}

TEST(BodyLabelsTest, FooterLineIsPlacedByTheTable) {
  auto scanner = WithTable();
  Sensitivity s = ScanBody(*scanner, "Bob,\n\nNotes below.\n\nAlice\n\n--\nSensitivity: Team Internal\n");
  EXPECT_EQ(s.level, Level::kOfficialSensitive);
  ASSERT_EQ(s.findings.size(), 1u);
  EXPECT_EQ(s.findings[0].pack, "policy-labels");
  EXPECT_EQ(s.findings[0].marking, "Team Internal");
  EXPECT_EQ(s.findings[0].strength, Strength::kStrong);
  // Without the table the same text is no marking.
  auto plain = Scanner::Compile({});
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(ScanBody(**plain, "Bob,\n\nSensitivity: Team Internal\n").level, Level::kNone);
}

TEST(BodyLabelsTest, TableWinsOverThePacksOnItsLine) {
  auto scanner = WithTable();
  Sensitivity s = ScanBody(*scanner, "Figures below.\n\nClassification: Confidential\\Finance\n");
  EXPECT_EQ(s.level, Level::kSecret);
  ASSERT_EQ(s.findings.size(), 1u);
  EXPECT_EQ(s.findings[0].marking, "Confidential\\Finance");
}

TEST(BodyLabelsTest, NameAloneOnAnEdgeLine) {
  auto scanner = WithTable();
  EXPECT_EQ(ScanBody(*scanner, "[ Falcon Restricted ]\n\nThe plan moves to week 50.\n").level,
            Level::kSecret);
  EXPECT_EQ(ScanBody(*scanner, "The plan moves.\n\n*** FALCON-RESTRICTED ***\n\n").level,
            Level::kSecret);
  // Not on the first or last line: a name in the middle is prose.
  EXPECT_EQ(ScanBody(*scanner, "Hi,\n\nTeam Internal\n\nmeets on Friday.\n").level,
            Level::kNone);
}

TEST(BodyLabelsTest, ProseIsLeftAlone) {
  auto scanner = WithTable();
  EXPECT_EQ(ScanBody(*scanner,
                     "Bob,\n\nThe sensitivity: Team Internal wording will follow.\nThanks\n")
                .level,
            Level::kNone);
  EXPECT_EQ(ScanBody(*scanner, "Hi,\nSensitivity: high\nThanks\n").level, Level::kNone);
}

}  // namespace
}  // namespace nearmiss::content
