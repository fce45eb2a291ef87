#include "content/position.h"

#include <gtest/gtest.h>

#include "content/line_text.h"

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
  // Trailing after a separator and a blank (issue 13, round 4).
  for (std::string_view subject :
       {"Deployment plan - SECRET", "Deployment plan | SECRET", "Plan: SECRET"}) {
    EXPECT_TRUE(At(IsSubjectMarking, subject, "SECRET")) << subject;
  }
  for (std::string_view subject : {"Plan - SECRET SANTA", "Anti-SECRET"}) {
    EXPECT_FALSE(At(IsSubjectMarking, subject, "SECRET")) << subject;
  }
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
  // A CONFIDENTIAL line over a disclaimer that says the email is.
  EXPECT_FALSE(At(IsBannerMarking,
                  "Thanks\n\nCONFIDENTIAL\nThis email is confidential.",
                  "CONFIDENTIAL"));
  EXPECT_TRUE(At(IsBannerMarking, "a\nb\nc\nd\nClassification: SECRET\ne\nf\ng\nh",
                 "SECRET"));
}

// Issue 13, round 4: a greeting above the top banner, and a closing,
// signature, "-- " delimiter, disclaimer or quoted reply below the bottom
// one, are not counted as lines of the page (banner_zone.h).
TEST(PositionTest, BannerZoneSkipsGreetingSignatureAndReply) {
  std::string_view signed_off =
      "Bob,\n\nUK TOP SECRET\n\nThe convoy leaves at 0600.\n\nUK TOP SECRET\n\n"
      "Alice Smith\nJ3 Plans Officer\nHQ Land\nTel 01234 567890\n";
  std::size_t top = signed_off.find("UK TOP SECRET");
  std::size_t bottom = signed_off.rfind("UK TOP SECRET");
  EXPECT_TRUE(IsEdgeLine(signed_off, top, top + 13));
  EXPECT_TRUE(IsEdgeLine(signed_off, bottom, bottom + 13));
  EXPECT_TRUE(IsBannerMarking(signed_off, bottom, bottom + 13));
  std::string_view delimited =
      "The plan follows.\nThe convoy leaves at 0600.\nIt returns at 1800.\n"
      "SECRET\n-- \nAlice Smith\nJ3 Plans\n";
  EXPECT_TRUE(At(IsEdgeLine, delimited, "SECRET"));
  std::string_view disclaimed =
      "one\ntwo\nthree\nfour\n\nSECRET\n\nRegards,\nAlice\n\nThis email is "
      "intended only for the addressee.\nIf you received it in error, delete "
      "it.\n";
  EXPECT_TRUE(At(IsEdgeLine, disclaimed, "SECRET"));
  std::string_view reply =
      "Thanks.\n\n-----Original Message-----\nFrom: Carol\nSent: Monday\n"
      "Subject: x\n\nSECRET\n\nThe convoy.\nIt leaves at 0600.\nIt returns.\n";
  EXPECT_TRUE(At(IsBannerMarking, reply, "SECRET"));
  // The marking's own paragraph is text, not a closing to skip; a sentence
  // after a blank line is not a closing either. (Three lines above: under
  // two, a paragraph of its own is the top banner under an opener, eighth
  // round.)
  EXPECT_FALSE(At(IsEdgeLine, "a\nb\n\nSECRET\ne\nf\n", "SECRET"));
  EXPECT_FALSE(At(IsEdgeLine, "a\nb\nc\n\nSECRET\n\nThe convoy leaves.\n",
                  "SECRET"));
}

TEST(PositionTest, ClearanceLevelsAreNotMarkings) {
  EXPECT_TRUE(At(AboutClearance, "- Active TOP SECRET/SCI clearance with poly",
                 "TOP SECRET"));
  EXPECT_TRUE(At(AboutClearance, "holds a SECRET clearance", "SECRET"));
  EXPECT_TRUE(At(AboutClearance, "must be TS/SCI eligible", "TS/SCI"));
  EXPECT_TRUE(At(AboutClearance, "Clearance: TOP SECRET//SCI", "TOP SECRET//SCI"));
  EXPECT_FALSE(At(AboutClearance, "SECRET\nClearance is given below",
                  "SECRET"));
  EXPECT_FALSE(At(AboutClearance, "SECRET security review", "SECRET"));
  EXPECT_TRUE(At(AboutClearance, "Staff must be SECRET-cleared", "SECRET"));
  EXPECT_TRUE(At(AboutClearance, "Job: Engineer - TS/SCI required", "TS/SCI"));
  EXPECT_TRUE(At(AboutClearance, "requires TOP SECRET eligibility", "TOP SECRET"));
  // Breaker round 13 defect 2: after a separator, or leading a line with
  // no clearance or job around it, the words are the message's own.
  for (std::string_view line :
       {"UK SECRET - position report 0600Z", "SECRET - required reading",
        "TOP SECRET -- eligible targets list", "UK SECRET investigation findings",
        "UK SECRET - investigation into the leak", "SECRET: position report",
        "OFFICIAL-SENSITIVE - investigation update", "SECRET level 3 access plan"}) {
    std::string_view word =
        line.starts_with("UK SECRET") ? "UK SECRET"
        : line.starts_with("TOP") ? "TOP SECRET"
        : line.starts_with("OFFICIAL") ? "OFFICIAL-SENSITIVE" : "SECRET";
    EXPECT_FALSE(At(AboutClearance, line, word)) << line;
  }
}

bool IsPortion(std::string_view text, std::size_t begin, std::size_t end) {
  return PortionMarkPlace(text, begin, end) == PortionPlace::kPortion;
}
bool IfCorroborated(std::string_view text, std::size_t begin, std::size_t end) {
  return PortionMarkPlace(text, begin, end) == PortionPlace::kIfCorroborated;
}

// Breaker round 13 defect 5: after a paragraph number the mark is a portion
// whatever its sentence says; unnumbered, a disclaimer's words still make
// "(U) This email is confidential ..." no portion.
TEST(PositionTest, NumberedPortionWithDisclaimerWords) {
  for (std::string_view text :
       {"Bob,\n\n1. (S) The intended route is the north road.",
        "1. (C) Legal advice on the basing agreement follows.",
        "2.1 (S) Unauthorized personnel were seen at the gate.",
        "A. (TS) The addressee list for the operation is below.",
        "(a) (S) The material is privileged and attached."}) {
    std::size_t at = text.rfind("(");
    std::size_t end = text.find(')', at) + 1;
    EXPECT_NE(PortionMarkPlace(text, at, end), PortionPlace::kNone) << text;
  }
  std::string_view legend = "(U) This email is intended for the addressee only.";
  EXPECT_EQ(PortionMarkPlace(legend, 0, 3), PortionPlace::kNone);
  std::string_view bullet = "- (S) This email is intended for the addressee only.";
  EXPECT_EQ(PortionMarkPlace(bullet, 2, 5), PortionPlace::kNone);
}

TEST(PositionTest, PortionAtParagraphStart) {
  EXPECT_TRUE(At(IsPortion, "intro\n(S) The plan is attached.", "(S)"));
  // Two letters are also initials: the message must agree (issue 13).
  EXPECT_TRUE(At(IfCorroborated, "  (TS) X", "(TS)"));
  EXPECT_EQ(PortionMarkPlace("x\n(TS) Tom Smith to chair.", 2, 6),
            PortionPlace::kNone);
  EXPECT_EQ(PortionMarkPlace("x\n(CTS) Chris T. Stone chairs.", 2, 7),
            PortionPlace::kNone);
  EXPECT_FALSE(At(IsPortion, "see item(S) here", "(S)"));
}

// Issue 13: portion marks after a paragraph's number or letter, with or
// without a blank; one-letter marks in everyday text; gateway tags before a
// subject marking.
TEST(PositionTest, PortionsAndSubjectsAsWritten) {
  struct Case {
    bool (*fn)(std::string_view, std::size_t, std::size_t);
    std::string_view text, word;
    bool want;
  };
  const auto kPortion = IsPortion;
  const auto kSubject = IsSubjectMarking;
  for (const Case& c : {
           Case{kPortion, "x\n1. (S//NF) The convoy", "(S//NF)", true},
           Case{kPortion, "x\na. (U) Weather is fair.", "(U)", true},
           Case{kPortion, "x\n(1) (C) Sensors are down.", "(C)", true},
           Case{IfCorroborated, "x\n1.2 (TS) Intercepts", "(TS)", true},
           Case{kPortion, "x\n1.a. (S) The convoy leaves.", "(S)", true},
           Case{kPortion, "x\n2.b.(1) (C//REL TO USA, FVEY) Cards", "(C//REL TO USA, FVEY)", true},
           Case{kPortion, "x\n(a) (S) The route runs north.", "(S)", true},
           Case{kPortion, "x at 0600. (S//NF) The route", "(S//NF)", true},
           Case{IfCorroborated, "x at 0600. (S) The route", "(S)", true},
           Case{kPortion, "x at (S//NF) The route", "(S//NF)", false},
           Case{kPortion, "x\n(U) This email is confidential.", "(U)", false},
           Case{kPortion, "x\niv. (S) Fuel is low.", "(S)", true},
           Case{kPortion, "x\n- (S) Site two is closed.", "(S)", true},
           Case{kPortion, "x\n1.(S) Route.", "(S)", true},
           Case{kPortion, "x\n(S)Route B is mined.", "(S)", true},
           Case{kPortion, "x\nPara 2 (S//NF): The convoy", "(S//NF)", true},
           Case{kPortion, "x\nPara. 4a (S) Fuel stocks are low here.", "(S)",
                true},
           Case{kPortion, "x\na.(C) Sensor coverage is partial.", "(C)", true},
           Case{kPortion, "x\n(1)(S) The bridge is closed.", "(S)", true},
           Case{kPortion, "x\nSummary (S) Fuel", "(S)", false},
           Case{kPortion, "x\n1. 2. (S) Fuel", "(S)", false},
           Case{kPortion, "Sizes\n(S) small", "(S)", false},
           Case{kPortion, "x\n1. (C) grade is a pass", "(C)", false},
           Case{kPortion, "x\n(C) 2025 Example Ltd", "(C)", false},
           Case{kPortion, "x\n(C) Crown copyright", "(C)", false},
           Case{kPortion, "x\n(S)he will call", "(S)", false},
           Case{kPortion, "x\n(TS) stands for timestamp", "(TS)", false},
           Case{kPortion, "(S) 36-38 / (M) 40-42 / (L) 44-46", "(S)", false},
           Case{kPortion, "(A) London\n(B) Berlin\n(C) Paris is big.", "(C)",
                false},
           Case{kPortion, "(XS) 6\n\n(S) The size I need is here.", "(S)",
                false},
           Case{IfCorroborated, "x\n(S) Blue T-shirt", "(S)", true},
           Case{IfCorroborated, "x\n(S)\ny", "(S)", true},
           Case{IfCorroborated, "x\n(C) Sensor coverage", "(C)", true},
           Case{IfCorroborated, "x\n(TS) closing remarks", "(TS)", true},
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

// Breaker round 7 item 7: a notice's sentence after a subject's level
// word, not a title.
// Breaker round 13 defect 10: a facilities notice after the level word.
TEST(PositionTest, ReadSubjectRestTellsNotices) {
  for (std::string_view subject :
       {"RESTRICTED: road closure on Main Street", "RESTRICTED - parking on level 2",
        "RESTRICTED access to the gym", "PROTECTED: Area B closed",
        "RESTRICTED: lift out of service"}) {
    std::size_t end = subject.find(' ') == std::string_view::npos
                          ? subject.size()
                          : subject.find_first_of(" :");
    EXPECT_EQ(ReadSubjectRest(subject, end), SubjectRest::kSentence) << subject;
  }
  std::string_view title = "RESTRICTED: Garden Reach shipyard visit";
  EXPECT_EQ(ReadSubjectRest(title, 10), SubjectRest::kTitle);
}

TEST(PositionTest, ReadSubjectRestTellsTitlesFromSentences) {
  struct Case {
    const char* text;
    SubjectRest want;
  };
  for (const Case& c : {
           Case{"PROTECTED", SubjectRest::kNothing},
           Case{"PROTECTED: ", SubjectRest::kNothing},
           Case{"PROTECTED: Budget 2027 draft", SubjectRest::kTitle},
           Case{"PROTECTED: cabinet submission", SubjectRest::kTitle},
           Case{"PROTECTED: Your briefing for the committee", SubjectRest::kTitle},
           Case{"PROTECTED: Your account is now secured", SubjectRest::kSentence},
           Case{"PROTECTED - your parcel is insured", SubjectRest::kSentence},
           Case{"PROTECTED: You're covered", SubjectRest::kSentence},
           Case{"PROTECTED: payment WAS successful", SubjectRest::kSentence},
           Case{"PROTECTED\nYour account is now secured", SubjectRest::kNothing},
       }) {
    EXPECT_EQ(ReadSubjectRest(c.text, 9), c.want) << c.text;
  }
}

}  // namespace
}  // namespace nearmiss::content

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

// Issue 13, fifth round: portion marks in lists and repeated paragraphs.
TEST(PositionTest, FifthRoundPortions) {
  auto place = [](std::string_view text, std::string_view mark) {
    std::size_t b = text.find(mark);
    EXPECT_NE(b, std::string_view::npos);
    return PortionMarkPlace(text, b, b + mark.size());
  };
  std::string_view results = "Results:\n1. (C) Chemistry - pass\n2. (S) Spanish - pass";
  EXPECT_EQ(place(results, "(S)"), PortionPlace::kNone);
  std::string_view inline_list = "1. (C) Coffee 2. (S) Strategy 3. (U) Update";
  EXPECT_EQ(place(inline_list, "(C)"), PortionPlace::kNone);
  std::string_view para = "Para 2 (NS): The convoy leaves at 0600.";
  EXPECT_EQ(place(para, "(NS)"), PortionPlace::kPortion);
  std::string_view two = "(NR) The convoy leaves at 0600.\n\n(NR) The route is closed.";
  EXPECT_EQ(place(two, "(NR)"), PortionPlace::kPortion);
  std::string_view actions = "Actions:\n(NR) To send the slides today.\n(NR) To book the room.";
  EXPECT_EQ(place(actions, "(NR)"), PortionPlace::kIfCorroborated);
}

// Issue 13, seventh round: a bare level word used as the heading of a text
// (the corpus README says why it then needs the message to agree).
TEST(PositionTest, BareHeadingOverText) {
  EXPECT_TRUE(At(IsBareHeading, "TOP SECRET\n\nOur summer menu is here!",
                 "TOP SECRET"));
  EXPECT_TRUE(At(IsBareHeading, "  SECRET  \nWe have been keeping a secret.",
                 "SECRET"));
  // A greeting above does not count as a line of text.
  EXPECT_TRUE(At(IsBareHeading, "Hi Sam,\n\nSECRET\n\nThe book club pick.",
                 "SECRET"));
  // Drawn banners, a wrapped one, the foot of the text, nothing under it,
  // or a line of text above: not a heading.
  for (auto [text, word] : {
           std::pair{"SECRET\n------\n\nThe route.", "SECRET"},
           std::pair{"-----\nSECRET\n\nThe convoy.", "SECRET"},
           std::pair{"** TOP SECRET **\n\nSummary.", "TOP SECRET"},
           std::pair{"[SECRET]\n\nRoute cards.", "SECRET"},
           std::pair{"\u2502 SECRET \u2502\nThe convoy.", "SECRET"},
           std::pair{"TOP\nSECRET\n\nOptions paper.", "TOP\nSECRET"},
           std::pair{"Notes.\nRegards,\nChris\n\nSECRET", "SECRET"},
           std::pair{"SECRET\n", "SECRET"},
           std::pair{"Hello\nSECRET\n\nThe convoy.", "SECRET"},
           std::pair{"In one word:\n\nSECRET\n\nThe party.", "SECRET"},
       }) {
    EXPECT_FALSE(At(IsBareHeading, text, word)) << text;
  }
  // Under a short opener, a paragraph of its own heads the text as the
  // first line does (eighth round): still a heading over text.
  EXPECT_TRUE(At(IsBareHeading, "Hello\n\nSECRET\n\nThe convoy.", "SECRET"));
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

// Issue 13, breaker round 8 defect 1: a tier heading a banner line that
// carries more words counts on the page's first and last lines.
TEST(PositionTest, TierHeadsBannerLineWithMoreWords) {
  const char* kBody = "\n\nBob,\n\nThe convoy leaves at 0600.\n\nAlice";
  for (std::string_view line :
       {"SECRET - DRAFT", "SECRET (DRAFT)", "UK SECRET - Page 1 of 3",
        "UK SECRET - COPY 2 OF 5", "TOP SECRET CODEWORD",
        "OFFICIAL-SENSITIVE: RECIPIENTS ONLY", "OFFICIAL-SENSITIVE/COMMERCIAL",
        "SECRET -- NOFORN", "*** SECRET - DRAFT ***", "DRAFT - SECRET",
        "COPY 2 OF 5 -- SECRET", "ISAF SECRET", "RESOLUTE SUPPORT SECRET - DRAFT"}) {
    // The longest form, as the scan keeps it.
    std::string_view tier = line.find("TOP SECRET") != std::string_view::npos ? "TOP SECRET"
                            : line.find("SECRET") != std::string_view::npos
                                ? "SECRET"
                                : "OFFICIAL-SENSITIVE";
    std::string top = std::string(line) + kBody;
    EXPECT_TRUE(At(IsBannerMarking, top, tier)) << line;
    std::string bottom = "Bob,\n\nThe convoy leaves at 0600.\nRoute B.\n\n" +
                         std::string(line);
    EXPECT_TRUE(At(IsBannerMarking, bottom, tier)) << line;
  }
  for (std::string_view line :
       {"SECRET SANTA - sign up below", "SECRET - the draw is on Friday.",
        "SECRET - our new menu launches on Friday", "OUR LITTLE SECRET - DRAFT",
        "NOT SECRET - DRAFT", "THE BEST KEPT SECRET", "SECRETS - DRAFT",
        "SECRET - DRAFT - " "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
        "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}) {
    std::string top = std::string(line) + kBody;
    EXPECT_FALSE(At(IsBannerMarking, top, "SECRET")) << line;
  }
  // In the middle of the text the line is not a banner.
  EXPECT_FALSE(At(IsBannerMarking,
                  "Hi,\n\nOne.\nTwo.\nThree.\nSECRET - DRAFT\nFour.\nFive.\nSix."
                  "\n\nJo",
                  "SECRET"));
  EXPECT_TRUE(IsTierPrefix("ISAF ", false));
  EXPECT_TRUE(IsTierPrefix("RESOLUTE SUPPORT ", false));
  EXPECT_FALSE(IsTierPrefix("DRAFT - ", false));
  EXPECT_TRUE(IsTierPrefix("DRAFT - ", true));
  EXPECT_FALSE(IsTierPrefix("OUR ", false));
  EXPECT_FALSE(IsTierPrefix("Our ", false));
  EXPECT_FALSE(IsTierPrefix("ONE TWO THREE ", false));
  // At a subject's head after a mission's name and before a separator.
  EXPECT_TRUE(At(IsSubjectMarking, "ISAF SECRET: convoy update", "SECRET"));
  EXPECT_TRUE(At(IsSubjectMarking, "RE: KFOR SECRET - roster", "SECRET"));
  EXPECT_FALSE(At(IsSubjectMarking, "OUR SECRET: the new menu", "SECRET"));
  EXPECT_FALSE(At(IsSubjectMarking, "ISAF SECRET SANTA draw", "SECRET"));
}

// Issue 13, breaker round 8 defect 9: a list of clearance levels with
// places is a recruiter's, not a banner.
TEST(PositionTest, ClearanceListIsNotABanner) {
  std::string_view list =
      "Hi Bob,\n\nCleared roles this week:\n\nTOP SECRET/SCI - Reston\n"
      "SECRET - Fort Meade\n\nThanks,\nKim";
  EXPECT_TRUE(At(AboutClearance, list, "TOP SECRET"));
  EXPECT_TRUE(At(AboutClearance, list, "SECRET - Fort"));
  EXPECT_TRUE(At(AboutClearance, "Roles:\n* TS/SCI - Chantilly\n* SECRET, Norfolk",
                 "SECRET,"));
  // One line alone, or a banner with nothing after it, is not a list.
  EXPECT_FALSE(At(AboutClearance, "SECRET - DRAFT\n\nThe convoy.", "SECRET"));
  EXPECT_FALSE(At(AboutClearance, "SECRET//NOFORN\nSECRET - Fort Meade",
                  "SECRET//NOFORN"));
}

}  // namespace
}  // namespace nearmiss::content
