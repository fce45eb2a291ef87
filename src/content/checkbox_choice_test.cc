// A level word offered as a choice in a form (checkbox_choice.h): the row of
// cells that lists the levels, read alone and through a scan.
#include "content/checkbox_choice.h"

#include <gtest/gtest.h>

#include <initializer_list>
#include <utility>
#include <vector>

#include "nearmiss/content_scanner.h"

namespace nearmiss::content {
namespace {

// Asks RowListsLevels about `line`, whose level names are `names` (each
// found from the start of the one before, with its level), in the scan's
// order: by start, the longer first.
bool Row(std::string_view line,
         std::initializer_list<std::pair<std::string_view, Level>> names) {
  std::vector<NamedLevel> spans;
  std::size_t from = 0;
  for (const auto& [name, level] : names) {
    std::size_t at = line.find(name, from);
    EXPECT_NE(at, std::string_view::npos) << name;
    spans.push_back(NamedLevel{at, at + name.size(), level});
    from = at;  // a name inside the one before starts at or after it
  }
  return RowListsLevels(line, 0, line.size(), spans);
}

Level LevelOfBody(std::string_view text) {
  static std::shared_ptr<const Scanner> scanner = [] {
    auto compiled = Scanner::Compile(ScannerOptions{});
    EXPECT_TRUE(compiled.ok()) << compiled.status().ToString();
    return *compiled;
  }();
  auto scratch = Scratch::Create(*scanner);
  EXPECT_TRUE(scratch.ok());
  Sensitivity out;
  EXPECT_TRUE(scanner->Scan(TextKind::kBody, "body", text, *scratch, &out).ok());
  return out.level;
}

// Issue 13, round 37 item 2: a form's column header names the levels, one a
// column; a level alone in its cell there marks nothing. A banner row's
// other cells hold other words, or the same level.
TEST(CheckboxChoiceTest, RowListingTheLevels) {
  constexpr Level kNone = Level::kNone, kOs = Level::kOfficialSensitive,
                  kOff = Level::kOfficial, kS = Level::kSecret,
                  kTs = Level::kTopSecret;
  EXPECT_TRUE(Row("UNCLASSIFIED   CONFIDENTIAL   SECRET",
                  {{"UNCLASSIFIED", kNone}, {"CONFIDENTIAL", kS}, {"SECRET", kS}}));
  EXPECT_TRUE(Row("UNCLASSIFIED | CONFIDENTIAL | SECRET",
                  {{"UNCLASSIFIED", kNone}, {"CONFIDENTIAL", kS}, {"SECRET", kS}}));
  EXPECT_TRUE(Row("| OFFICIAL / OFFICIAL-SENSITIVE | SECRET |",
                  {{"OFFICIAL", kOff}, {"OFFICIAL-SENSITIVE", kOs},
                   {"OFFICIAL", kOff}, {"SECRET", kS}}));
  EXPECT_TRUE(Row("SECRET\tTOP SECRET", {{"SECRET", kS}, {"TOP SECRET", kTs}, {"SECRET", kS}}));
  // Banners: other words in a cell, one level only, one cell.
  EXPECT_FALSE(Row("MOD/2026/114 | SECRET | Page 1 of 3", {{"SECRET", kS}}));
  EXPECT_FALSE(Row("TOP SECRET\tTOP SECRET",
                   {{"TOP SECRET", kTs}, {"SECRET", kS}, {"TOP SECRET", kTs}, {"SECRET", kS}}));
  EXPECT_FALSE(Row("SECRET | UK SECRET", {{"SECRET", kS}, {"UK SECRET", kS}, {"SECRET", kS}}));
  EXPECT_FALSE(Row("OFFICIAL / OFFICIAL-SENSITIVE",
                   {{"OFFICIAL", kOff}, {"OFFICIAL-SENSITIVE", kOs}, {"OFFICIAL", kOff}}));
  EXPECT_FALSE(Row("Classification | UNCLASSIFIED | SECRET",
                   {{"UNCLASSIFIED", kNone}, {"SECRET", kS}}));
  EXPECT_FALSE(Row("SECRET plan | CONFIDENTIAL", {{"SECRET", kS}, {"CONFIDENTIAL", kS}}));

  // Through a scan: the header row of a form marks nothing; a banner row
  // in a header's table still marks the text.
  EXPECT_EQ(LevelOfBody("UNCLASSIFIED\tCONFIDENTIAL\tSECRET\n\nMinutes of the board.\n"
                        "Actions below."),
            Level::kNone);
  EXPECT_EQ(LevelOfBody("OFFICIAL / OFFICIAL-SENSITIVE | SECRET | TOP SECRET\n\n"
                        "Minutes of the board.\nActions below."),
            Level::kNone);
  EXPECT_EQ(LevelOfBody("MOD/2026/114\tSECRET\tPage 1 of 3\n\nMinutes of the board.\n"
                        "Actions below."),
            Level::kSecret);
  EXPECT_EQ(LevelOfBody("SECRET\tSECRET\n\nMinutes of the board.\nActions below."),
            Level::kSecret);
}

}  // namespace
}  // namespace nearmiss::content
