// The policy's label table on a label's visual marking in a body
// (body_labels.cc): labelled lines and a first or last line that is a
// label's name alone; the table wins over the packs there; prose is left
// alone.
#include <gtest/gtest.h>

#include "nearmiss/content_scanner.h"

namespace nearmiss::content {
namespace {

// Compiled once for the file, not in each test (seconds each): a Scanner is
// immutable, and each scan has a Scratch of its own.
std::shared_ptr<const Scanner> WithTable() {
  static const std::shared_ptr<const Scanner> scanner = [] {
    ScannerOptions options;
    options.labels = {{"Team Internal", Level::kOfficialSensitive, "t:1"},
                      {"Confidential\\Finance", Level::kSecret, "t:2"},
                      {"Falcon_Restricted_0", Level::kSecret, "t:3"}};
    auto compiled = Scanner::Compile(options);
    EXPECT_TRUE(compiled.ok()) << compiled.status().ToString();
    return compiled.ok() ? *compiled : nullptr;
  }();
  return scanner;
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

// A loose separator as labelled_line.h reads it: the table places the
// label there too (note 44's issue 13 list; a colon was needed before).
TEST(BodyLabelsTest, LooseSeparatorLineIsPlacedByTheTable) {
  auto scanner = WithTable();
  for (std::string_view line : {"Sensitivity - Team Internal", "Classification | Team Internal",
                                "Sensitivity = Team Internal", "Classification >> Team Internal"}) {
    std::string body = "Bob,\n\nNotes below.\n\nAlice\n\n";
    body += line;
    body += "\n";
    Sensitivity s = ScanBody(*scanner, body);
    EXPECT_EQ(s.level, Level::kOfficialSensitive) << line;
    ASSERT_FALSE(s.findings.empty()) << line;
    EXPECT_EQ(s.findings[0].marking, "Team Internal") << line;
  }
  // A sentence after the separator is prose.
  EXPECT_EQ(ScanBody(*scanner, "Hi,\n\nSensitivity - we keep Team Internal notes apart.\n")
                .level,
            Level::kNone);
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

// Issue 13, seventh round: a labelled line at the top or foot of a body
// whose value has a label scheme's shape but that nothing places is
// unknown-label, named; other values are prose. No policy table needed.
TEST(BodyLabelsTest, UnknownSchemeValuesAreUnknownLabels) {
  auto plain = Scanner::Compile({});
  ASSERT_TRUE(plain.ok());
  for (auto [body, value] : {
           std::pair{"Classification: Non-Public\n\nThe Q3 figures.\n", "Non-Public"},
           std::pair{"Data classification: Restricted - Internal\n\nThe list.\n",
                     "Restricted - Internal"},
           std::pair{"The report.\n\nRegards,\nSam\n\nSensitivity: Proprietary\n",
                     "Proprietary"},
       }) {
    Sensitivity s = ScanBody(**plain, body);
    EXPECT_EQ(s.level, Level::kUnknownLabel) << body;
    bool named = false;
    for (const Finding& f : s.findings) {
      named = named || (f.marking == "unknown-label" && f.text == value);
    }
    EXPECT_TRUE(named) << body;
  }
  for (std::string_view body : {
           "Classification: Bug\n\nThe button does nothing.\n",
           "Classification: 2 (minor)\n\nA typo.\n",
           "Sample 4471\nSensitivity: high\n\nResults attached.\n",
           "Hi,\n\nOne\nTwo\nThree\nClassification: Non-Public\nFour\nFive\nSix\n",
       }) {
    Sensitivity s = ScanBody(**plain, body);
    EXPECT_EQ(s.level, Level::kNone) << body;
    EXPECT_FALSE(s.Has("unknown-label")) << body;
  }
  // Placed whole by the packs: the level, no unknown-label.
  Sensitivity known = ScanBody(**plain, "Data classification: Internal Only\n\nThe draft.\n");
  EXPECT_EQ(known.level, Level::kOfficial);
  EXPECT_FALSE(known.Has("unknown-label"));
}

}  // namespace
}  // namespace nearmiss::content
