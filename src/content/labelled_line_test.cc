// Banner lines as senders write them (issue 13, round 43 tester findings
// 1, 3, 5, 7): a key set off by a dash or pipe (labelled_line.h), furniture
// before the marking (banner_tail.h, KnownBannerHead), a marking leading
// its line (position.h, LeadsLine), a descriptor before a subject's colon
// (KnownTailThenSeparator).
#include "content/labelled_line.h"

#include <gtest/gtest.h>

#include "content/banner_tail.h"
#include "content/government_furniture.h"
#include "content/position.h"
#include "content/position_testing.h"

namespace nearmiss::content {
namespace {

LineLabel Label(std::string_view text, std::string_view word) {
  std::size_t b = text.find(word);
  EXPECT_NE(b, std::string_view::npos);
  std::size_t line_begin = text.rfind('\n', b);
  return LabelBefore(text, line_begin == std::string_view::npos ? 0 : line_begin + 1, b);
}

TEST(LabelledLineTest, KeysAndSeparators) {
  EXPECT_EQ(Label("Classification: UK SECRET", "UK SECRET"), LineLabel::kKeyed);
  EXPECT_EQ(Label("Classification :: UK SECRET", "UK SECRET"), LineLabel::kKeyed);
  EXPECT_EQ(Label("Classification:\nSECRET", "SECRET"), LineLabel::kKeyed);
  EXPECT_EQ(Label("Classified as SECRET", "SECRET"), LineLabel::kKeyed);
  for (std::string_view line :
       {"Classification - UK SECRET", "Classification | UK SECRET",
        "Classification = UK SECRET", "Classification >> UK SECRET",
        "Security classification - UK SECRET", "Protective Marking - UK SECRET",
        "Sensitivity - UK SECRET", "Class - UK SECRET", "Classification UK SECRET",
        "  Classification -- UK SECRET", "This document is classified UK SECRET"}) {
    EXPECT_EQ(Label(line, "UK SECRET"), LineLabel::kLoose) << line;
  }
  EXPECT_EQ(Label("Class: UK SECRET", "UK SECRET"), LineLabel::kKeyed);
  // Blanks alone only after a classification key, on the marking's line.
  EXPECT_EQ(Label("Sensitivity UK SECRET", "UK SECRET"), LineLabel::kNone);
  EXPECT_EQ(Label("Classification\nSECRET", "SECRET"), LineLabel::kNone);
  EXPECT_EQ(Label("Classifications - UK SECRET", "UK SECRET"), LineLabel::kNone);
  EXPECT_EQ(Label("The classification - UK SECRET", "UK SECRET"), LineLabel::kNone);
  EXPECT_EQ(Label("Classification of UK SECRET", "UK SECRET"), LineLabel::kNone);
  EXPECT_EQ(Label("This email is not classified UK SECRET", "UK SECRET"), LineLabel::kNone);
}

// Round 50's tester 13, finding 5: a key in the sender's own words, one to
// three words ending in a key's head, then a colon.
TEST(LabelledLineTest, KeysInTheSendersOwnWords) {
  for (std::string_view line :
       {"Email Classification: UK SECRET", "Document Marking: UK SECRET", "Security: UK SECRET",
        "Level: UK SECRET", "Classification (email): UK SECRET", "Our Security Level: UK SECRET",
        "Handling caveats: UK SECRET", "Classified UK SECRET"}) {
    EXPECT_EQ(Label(line, "UK SECRET"), LineLabel::kKeyed) << line;
  }
  for (std::string_view line :
       {"Security - UK SECRET", "The new office security level is: UK SECRET and more",
        "Security UK SECRET", "Level (see the note that explains it all): UK SECRET"}) {
    EXPECT_EQ(Label(line, "UK SECRET"), LineLabel::kNone) << line;
  }
}

TEST(LabelledLineTest, LooseValueMustNotRunOnAsASentence) {
  auto value = [](std::string_view text, std::string_view word) {
    return At(LabelledValue, text, word);
  };
  EXPECT_TRUE(value("Classification - UK SECRET", "UK SECRET"));
  EXPECT_TRUE(value("Classification - UK SECRET - UK EYES ONLY", "UK SECRET"));
  EXPECT_TRUE(value("This document is classified UK SECRET.", "UK SECRET"));
  EXPECT_FALSE(value("Classification - SECRET documents are kept in the safe.", "SECRET"));
  EXPECT_FALSE(value("Classification UK SECRET material is handled here", "UK SECRET"));
  EXPECT_FALSE(value("Classification - UK SECRET, Page 2 of the file.", "UK SECRET"));
}

// After a key's colon too the value is the marking and its furniture; a
// sentence is prose (issue 13, round 44 tester finding 9). Before round 45
// a colon took anything after it.
TEST(LabelledLineTest, KeyedValueMustNotRunOnAsASentence) {
  auto value = [](std::string_view text, std::string_view word) {
    return At(LabelledValue, text, word);
  };
  EXPECT_FALSE(value("Classification: SECRET documents", "SECRET"));
  EXPECT_FALSE(value("Classification: UK SECRET material is handled in room 4 only.",
                     "UK SECRET"));
  EXPECT_FALSE(value("Class: UK SECRET handling (e-learning), 3 places left", "UK SECRET"));
  EXPECT_FALSE(value("Class: OFFICIAL-SENSITIVE handling for new starters", "OFFICIAL-SENSITIVE"));
  EXPECT_TRUE(value("Classification: UK SECRET", "UK SECRET"));
  EXPECT_TRUE(value("Classification: OFFICIAL-SENSITIVE Personal", "OFFICIAL-SENSITIVE"));
  EXPECT_TRUE(value("Classification: UK SECRET Page 1 of 3", "UK SECRET"));
  EXPECT_TRUE(value("Classification: SECRET - UK Eyes Only", "SECRET"));
  EXPECT_TRUE(value("Classification:\nUK SECRET", "UK SECRET"));
  EXPECT_TRUE(value("This email is classified as Highly Confidential.", "Highly Confidential"));
}

TEST(LabelledLineTest, BannerMarkingTopAndBottomInEveryPack) {
  for (std::string_view word : {"UK SECRET", "NATO SECRET", "COSMIC TOP SECRET", "CUI",
                                "PROTECTED", "OFFICIAL-SENSITIVE"}) {
    std::string text = "Classification - ";
    text += word;
    text += "\n\nRoute options follow.\n";
    EXPECT_TRUE(At(IsBannerMarking, text, word)) << word;
  }
  // A labelled value counts wherever it stands, as with a colon.
  EXPECT_TRUE(At(IsBannerMarking, "a\nb\nc\nd\nClassification | SECRET\ne\nf\ng\nh", "SECRET"));
  EXPECT_FALSE(At(IsBannerMarking, "a\nthe classification - SECRET or not - is unclear\nb",
                  "SECRET"));
}

TEST(BannerHeadTest, FurnitureAndPartsBeforeTheTier) {
  for (std::string_view head :
       {"Page 1 of 3 ", "Copy 3 of 5 ", "Annex A - ", "Appendix 2 | ", "Draft - ",
        "Draft ", "Version 2 - ", "Ref: MOD/2026/114 ", "Our ref: 114 ", "v1.2 ",
        "Draft - Page 1 of 3 - ", "ANNEX B -- "}) {
    EXPECT_TRUE(KnownBannerHead(head)) << head;
  }
  for (std::string_view head :
       {"Page 2 of the ", "Copy of ", "The annex ", "Annex A is ", "Version ",
        "Our best kept ", "- ", "Page 1 of 3", "Draft Draft Draft Draft "}) {
    EXPECT_FALSE(KnownBannerHead(head)) << head;
  }
}

TEST(BannerHeadTest, TierHeadsBannerLineAfterFurniture) {
  auto heads = [](std::string_view text, std::string_view tier) {
    return At(TierHeadsBannerLine, text, tier);
  };
  EXPECT_TRUE(heads("Page 1 of 3 UK SECRET\n\nThe convoy.\n", "UK SECRET"));
  EXPECT_TRUE(heads("The convoy.\n\nCopy 3 of 5 COSMIC TOP SECRET\n", "COSMIC TOP SECRET"));
  EXPECT_TRUE(heads("Annex A - OFFICIAL-SENSITIVE\n\nThe names.\n", "OFFICIAL-SENSITIVE"));
  EXPECT_FALSE(heads("Copy 3 of 5 SECRET recipes\n\nEnjoy.\n", "SECRET"));
  EXPECT_FALSE(heads("Annex A - SECRET Santa rules\n\nTen pounds.\n", "SECRET"));
  // Not at the page's edge: a line in the middle.
  EXPECT_FALSE(heads("a\nb\nc\nd\nPage 1 of 3 UK SECRET\ne\nf\ng\nh\n", "UK SECRET"));
}

TEST(LeadsLineTest, MarkingSetOffBeforeTheText) {
  auto leads = [](std::string_view text, std::string_view word) {
    return At(LeadsLine, text, word);
  };
  EXPECT_TRUE(leads("UK SECRET: The convoy leaves at 0600.", "UK SECRET"));
  EXPECT_TRUE(leads("OFFICIAL-SENSITIVE - The names follow.", "OFFICIAL-SENSITIVE"));
  EXPECT_TRUE(leads("[UK SECRET] the convoy leaves.", "UK SECRET"));
  EXPECT_TRUE(leads("(UK SECRET) the convoy leaves.", "UK SECRET"));
  EXPECT_TRUE(leads("  [ NATO SECRET ]: the exercise.", "NATO SECRET"));
  EXPECT_FALSE(leads("UK SECRET", "UK SECRET"));
  EXPECT_FALSE(leads("UK SECRET - UK EYES ONLY", "UK SECRET"));
  EXPECT_FALSE(leads("CUI: RO12345678", "CUI"));
  EXPECT_FALSE(leads("The UK SECRET: a documentary.", "UK SECRET"));
  EXPECT_FALSE(leads("UK SECRET service tour.", "UK SECRET"));
  EXPECT_FALSE(leads("[UK SECRET the convoy leaves.", "UK SECRET"));
  EXPECT_FALSE(leads("UK SECRET --- the convoy", "UK SECRET"));
}

TEST(BannerTailTest, DescriptorBeforeTheSubjectsSeparator) {
  auto then_sep = [](std::string_view text, std::string_view tier) {
    return KnownTailThenSeparator(text, text.find(tier) + tier.size());
  };
  EXPECT_TRUE(then_sep("Official-Sensitive Personal: sickness", "Official-Sensitive"));
  EXPECT_TRUE(then_sep("Official-Sensitive [Commercial]: tender", "Official-Sensitive"));
  EXPECT_TRUE(then_sep("Official-Sensitive Locsen - visit", "Official-Sensitive"));
  EXPECT_FALSE(then_sep("Official-Sensitive Training: what it means", "Official-Sensitive"));
  EXPECT_FALSE(then_sep("Official-Sensitive Personal data handling", "Official-Sensitive"));
  EXPECT_FALSE(then_sep("Official-Sensitive: sickness", "Official-Sensitive"));
}

// Round 51's tester 13, finding 3: a key naming a person's clearance is no
// key of the text's marking; the document's own keys still are.
TEST(LabelledLineTest, ClearanceKeysAreNoMarkingKeys) {
  for (std::string_view line :
       {"Clearance Level: TOP SECRET", "Eligibility Level: TOP SECRET",
        "Access Level: TOP SECRET", "Investigation Level: TOP SECRET",
        "Position Sensitivity Level: TOP SECRET", "Minimum Clearance Level: TOP SECRET"}) {
    EXPECT_EQ(Label(line, "TOP SECRET"), LineLabel::kNone) << line;
  }
  for (std::string_view line : {"Classification Level: TOP SECRET", "Security Level: TOP SECRET",
                                "Document Marking: TOP SECRET", "Level: TOP SECRET"}) {
    EXPECT_EQ(Label(line, "TOP SECRET"), LineLabel::kKeyed) << line;
  }
}

// Round 51's tester 13, finding 7: a document's part, file reference,
// order or date-time group after the tier is a government banner's
// furniture; a business heading's year or reference number is not.
TEST(BannerTailTest, GovernmentFurniture) {
  for (std::string_view words :
       {"ANNEX B TO OPORD 2026-04", "ENCLOSURE 2 TO MOD/2026/114", "MOD/2026/114",
        "REF D/J3/2026/114", "OPORD 2026-04", "FRAGO 12 TO OPORD 2026-04", "OPLAN 2026-01",
        "WARNO 3", "DTG 051200Z DEC 26", "051200Z DEC 26", "SITREP 2026-114",
        "COPY 2 OF 5", "FILE DSTL/CR/2026/0114"}) {
    EXPECT_TRUE(GovernmentFurniture(words)) << words;
  }
  for (std::string_view words : {"2027 BUDGET", "RFP 2026-114", "2027/28 BUDGET", "H1/2026 RESULTS",
                                 "Q3/Q4 FORECAST", "PROJECT ATLAS 2027", "CLIENT",
                                 "BOARD PAPERS FOR THE 2027 AGM MEETING", "REF ACME/HR/2026/114",
                                 "ACME/HR/2026/114", "REF: INV/2026/114"}) {
    EXPECT_FALSE(GovernmentFurniture(words)) << words;
  }
}

// Round 52's tester 13, findings 1 and 3: a business letter's reference
// line; a reference alone; an order's or a report's name.
TEST(BannerTailTest, ReferencesAndOrderNames) {
  for (std::string_view words : {"OUR REF TB/2026/114", "YOUR REF: PP/2026/07", "Our ref TB.2026.114",
                                 "MY REFERENCE 114"}) {
    EXPECT_TRUE(LetterReference(words)) << words;
  }
  for (std::string_view words : {"REF D/J3/2026/114", "MOD/2026/114", "OUR PLAN 2026", "YOURS"}) {
    EXPECT_FALSE(LetterReference(words)) << words;
  }
  for (std::string_view words : {"MOD/2026/114", "FILE DSTL/CR/2026/0114", "REF: PJHQ/J5/2026/07",
                                 "J3/OPS/2026/114"}) {
    EXPECT_TRUE(OnlyFileReference(words)) << words;
  }
  // Round 52's tester 13, finding 7: a company's reference has the same
  // shape and no government code.
  for (std::string_view words : {"ANNEX B TO MOD/2026/114", "REF", "2027/28 BUDGET", "",
                                 "REF: INV/2026/114", "REF ACME/HR/2026/114", "TB/LEGAL/2026/9"}) {
    EXPECT_FALSE(OnlyFileReference(words)) << words;
  }
  for (std::string_view words : {"SITREP", "INTSUM 042", "CONOP 2026-07", "SPOTREP"}) {
    EXPECT_TRUE(OpensWithOrderName(words)) << words;
  }
  for (std::string_view words : {"SITREPS", "SERVICE", "CONOPSX"}) {
    EXPECT_FALSE(OpensWithOrderName(words)) << words;
  }
}

// Round 59's tester 13, finding 4: a rating named in a labelled line's
// prose is not the line's value.
TEST(LabelledLineTest, RatingInsideProseValue) {
  for (std::string_view text :
       {"Duties: classify items under the USML and the CCL (e.g. ECCN 3A001, USML "
        "Category XI), file licences.",
        "Role: you will classify parts (for example ECCN 5A002) and train engineers."}) {
    EXPECT_TRUE(InLabelledProse(text, text.find("ECCN"))) << text;
  }
  for (std::string_view text :
       {"ECCN: 3A001", "Export classification: ECCN 3A001 (EAR)",
        "Jurisdiction: EAR - ECCN 3A001, licence required for export",
        "Subject: the new plan for the convoy SECRET//NOFORN update for all",
        "the items (e.g. ECCN 3A001) are listed below"}) {
    std::size_t at = text.find("ECCN");
    if (at == std::string_view::npos) at = text.find("SECRET");
    EXPECT_FALSE(InLabelledProse(text, at)) << text;
  }
}

}  // namespace
}  // namespace nearmiss::content
