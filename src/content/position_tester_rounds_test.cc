// Issue 13's tester rounds (third, fifth, eighth): the places that decide
// the tester's forms, each round's cases together, across position.h.
#include "content/position.h"

#include <gtest/gtest.h>

#include <string>

#include "content/line_text.h"
#include "content/position_testing.h"

namespace nearmiss::content {
namespace {

// Issue 13, third round: the places that decide the tester's forms.
TEST(PositionTest, ThirdRoundPlaces) {
  std::string_view news = "The document, marked TOP SECRET, was found.";
  EXPECT_TRUE(DescribedInProse(news, news.find("TOP")));
  std::string_view wrapped = "The envelope was stamped\nTOP SECRET\nand sealed";
  EXPECT_TRUE(DescribedInProse(wrapped, wrapped.find("TOP")));
  std::string_view closing = "Thanks for reading\n\nSECRET//NOFORN";
  EXPECT_FALSE(DescribedInProse(closing, closing.find("SECRET")));

  EXPECT_TRUE(FollowedByLowerCaseWord("SECRET deployment plan", 6));
  EXPECT_FALSE(FollowedByLowerCaseWord("SECRET SANTA draw", 6));
  EXPECT_FALSE(FollowedByLowerCaseWord("SECRET", 6));

  std::string_view footer = "Thanks\n\nSensitivity: Confidential";
  std::size_t at = footer.find("Confidential");
  EXPECT_TRUE(IsLabelledLine(footer, at, at + 12));
  std::string_view prose = "the sensitivity: Confidential data here";
  at = prose.find("Confidential");
  EXPECT_FALSE(IsLabelledLine(prose, at, at + 12));

  std::string_view legend = "CONFIDENTIAL\nATTORNEY WORK PRODUCT\n\nDraft.";
  EXPECT_TRUE(NearLegalLegend(legend, 0, 12));
  std::string_view banner = "CONFIDENTIAL\n\nThe plan is attached.";
  EXPECT_FALSE(NearLegalLegend(banner, 0, 12));

  std::string_view story = "Chapter 3\n\nInside was one word:\n\nSECRET\n\nShe laughed.";
  at = story.find("SECRET");
  EXPECT_FALSE(IsEdgeLine(story, at, at + 6));
  EXPECT_TRUE(IsEdgeLine(banner, 0, 12));
}

// Issue 13, fifth round: the tester's forms, place by place.
TEST(PositionTest, FifthRoundPlaces) {
  // Rules and boxes of any punctuation, symbol or box-drawing character.
  for (std::string_view body :
       {"────────────\nSECRET\n────────────\nThe convoy leaves.",
        "┌──────┐\n│   SECRET   │\n└──────┘\nThe convoy leaves.",
        "║ UK SECRET ║\nThe convoy leaves.",
        "■■■ SECRET ■■■\nThe convoy leaves.",
        "~~~ SECRET ~~~\nThe convoy leaves.",
        "............\nSECRET\n............\nThe convoy leaves.",
        "+------------+\n| UK SECRET  |\n+------------+\nThe convoy leaves."}) {
    std::string_view word =
        body.find("UK SECRET") != std::string_view::npos ? "UK SECRET" : "SECRET";
    EXPECT_TRUE(At(IsBannerMarking, body, word)) << body;
  }
  EXPECT_FALSE(At(IsBannerMarking, "Our SECRET recipe\nmore", "SECRET"));
  EXPECT_TRUE(OnlyFrame("  ═══ ■ ~ . // "));
  EXPECT_FALSE(OnlyFrame("═══ x ═══"));
  EXPECT_FALSE(OnlyFrame("\xFF\xFE"));  // invalid UTF-8 is no frame
  EXPECT_TRUE(IsRuleLine("  ──── "));
  EXPECT_FALSE(IsRuleLine("--"));  // the signature delimiter

  // Between separators in a subject.
  for (std::string_view subject :
       {"Deployment plan - SECRET - v2", "Deployment plan | SECRET | v2",
        "Deployment plan //SECRET", "Plan: SECRET - draft"}) {
    EXPECT_TRUE(At(IsSubjectMarking, subject, "SECRET")) << subject;
  }
  for (std::string_view subject :
       {"Plan-SECRET-v2", "Plan - SECRET SANTA - v2", "a/SECRET/b"}) {
    EXPECT_FALSE(At(BetweenSeparators, subject, "SECRET")) << subject;
  }
  // Meeting and automatic-reply prefixes, stripped repeatedly.
  for (std::string_view subject :
       {"Invitation: SECRET: brief @ Tue 1 Dec 2026 10am",
        "Automatic reply: Updated invitation: SECRET: brief",
        "Out of Office: SECRET: brief", "Read: SECRET: brief",
        "New Time Proposed: SECRET: brief"}) {
    EXPECT_TRUE(At(IsSubjectMarking, subject, "SECRET")) << subject;
  }

  // A banner inside a sentence is a mention.
  EXPECT_TRUE(At(InsideSentence,
                 "Please stop putting SECRET//NOFORN in the subject",
                 "SECRET//NOFORN"));
  EXPECT_FALSE(At(InsideSentence, "The convoy is SECRET//NOFORN.",
                  "SECRET//NOFORN"));
  EXPECT_FALSE(At(InsideSentence, "SECRET//NOFORN\nthe text",
                  "SECRET//NOFORN"));

  // The clearance alone under a clearance heading.
  EXPECT_TRUE(At(AboutClearance, "Clearance:\nTOP SECRET//SCI\nLocation: VA",
                 "TOP SECRET//SCI"));
  EXPECT_TRUE(At(AboutClearance, "Clearance Level\nTOP SECRET//SCI\n\nJob",
                 "TOP SECRET//SCI"));
  EXPECT_FALSE(At(AboutClearance, "Convoy timings\nTOP SECRET//SCI\n\nText",
                  "TOP SECRET//SCI"));
}

// Issue 13, eighth round: a banner under an opener or over a long
// signature, a label's value on the next line, "Caveats:", "Happy reading".
TEST(PositionTest, EighthRoundPlaces) {
  for (std::string_view text :
       {"Hi Bob,\n\nAs discussed.\n\nUK SECRET\n\nThe convoy leaves.\n"
        "Route as agreed.\nMore.\nMore.\n\nAlice",
        "CAUTION: This email originated from outside of the organisation. Do "
        "not click links.\n\nUK SECRET\n\nBob,\n\nThe convoy.\nMore.\n"
        "More.\nMore.\n\nAlice",
        "Bob,\n\nFurther to our call.\nAs agreed.\n\nUK SECRET\n\nText.\n"
        "More.\nMore.\nMore.\n\nAlice"}) {
    EXPECT_TRUE(At(IsEdgeLine, text, "UK SECRET")) << text;
    EXPECT_TRUE(At(IsBannerMarking, text, "UK SECRET")) << text;
  }
  for (std::string_view text :
       {"Guess the theme, in one word:\n\nUK SECRET\n\nText.\nMore.\n"
        "More.\nMore.\n\nJo",
        "One.\nTwo.\nThree.\n\nUK SECRET\n\nText.\nMore.\nMore.\nMore.",
        "Hi,\n\nAs discussed.\nUK SECRET\nText.\nMore.\nMore.\nMore."}) {
    EXPECT_FALSE(At(IsEdgeLine, text, "UK SECRET")) << text;
  }
  // A signature block of a dozen lines, or one long line of '|' fields,
  // under the bottom banner.
  std::string_view long_signature =
      "Bob,\n\nThe convoy leaves at 0600.\n\nUK SECRET\n\nJo Bloggs\n"
      "Head of Logistics Planning\nJoint Operations Directorate\nMinistry of "
      "Defence\nMain Building, Floor 5\nWhitehall\nLondon SW1A 2HB\nTel: 020 "
      "7218 9000\nMob: 07700 900123\nGTN: 9621 89000\nEmail: jo@mod.gov.uk\n"
      "www.gov.uk/mod";
  EXPECT_TRUE(At(IsEdgeLine, long_signature, "UK SECRET"));
  std::string_view bar_signature =
      "Bob,\n\nThe convoy leaves at 0600.\nMore.\nMore.\n\nUK SECRET\n\n"
      "Jo Bloggs | Head of Logistics | Ministry of Defence | Main Building, "
      "Whitehall, London SW1A 2HB | 020 7218 9000";
  EXPECT_TRUE(At(IsEdgeLine, bar_signature, "UK SECRET"));
  // The value of a labelled line, on the key's line or under a key alone.
  EXPECT_TRUE(At(IsLabelledLine, "a\nb\nc\nCaveats: FOUO\nd\ne\nf\ng", "FOUO"));
  EXPECT_TRUE(At(IsLabelledLine, "a\nb\nc\nClassification:\nSECRET\nd\ne\nf",
                 "SECRET"));
  EXPECT_TRUE(At(IsBannerMarking,
                 "a\nb\nc\nd\nProtective marking:\n  OFFICIAL-SENSITIVE\ne\nf\ng\nh",
                 "OFFICIAL-SENSITIVE"));
  EXPECT_FALSE(At(IsLabelledLine, "a\nClassification: see below\nSECRET\nd\ne",
                  "SECRET"));
  EXPECT_TRUE(At(IsLabelledLine, "a\nClassification:\n\nSECRET\nd\ne", "SECRET"));
  EXPECT_FALSE(At(IsLabelledLine, "a\nClassification:\n\n\nSECRET\nd\ne", "SECRET"));
  EXPECT_FALSE(At(IsLabelledLine, "Classification:\nSECRET SANTA draw", "SECRET"));
  // Breaker round 8 item 7: Purview's "Classified as <label>" footer, as a
  // sentence of the footer, and a plain "Label:"; not the words in prose.
  EXPECT_TRUE(At(IsLabelledLine, "a\nb\n\nClassified as Highly Confidential",
                 "Highly Confidential"));
  EXPECT_TRUE(At(IsLabelledLine, "  classified as SECRET\na\nb", "SECRET"));
  EXPECT_TRUE(At(IsLabelledLine, "This email is classified as OFFICIAL-SENSITIVE\na",
                 "OFFICIAL-SENSITIVE"));
  EXPECT_TRUE(At(IsLabelledLine, "a\nThis document is labelled as SECRET", "SECRET"));
  EXPECT_TRUE(At(IsLabelledLine, "a\nLabel: Confidential", "Confidential"));
  EXPECT_TRUE(At(IsLabelledLine, "a\nClassified as\nTOP SECRET", "TOP SECRET"));
  EXPECT_FALSE(At(IsLabelledLine, "The file was classified as SECRET", "SECRET"));
  EXPECT_FALSE(At(IsLabelledLine, "Declassified as SECRET", "SECRET"));
  EXPECT_FALSE(At(IsLabelledLine, "Classified as SECRET by the ministry in 1985", "SECRET"));
  EXPECT_FALSE(At(IsLabelledLine, "This email is not classified as SECRET", "SECRET"));
  // "reading" on the line above is a closing, on the marking's line a verb.
  EXPECT_FALSE(DescribedInProse("Happy reading\nSECRET//NOFORN", 14));
  EXPECT_TRUE(DescribedInProse("a sign reading SECRET", 15));
  EXPECT_TRUE(DescribedInProse("the file was stamped\nTOP SECRET", 21));
}

}  // namespace
}  // namespace nearmiss::content
