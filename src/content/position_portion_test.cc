// Portion marks (position_portion.cc): "(S)" and the like at a paragraph's
// start, after its number or letter, and in lists; gateway tags before a
// subject marking, as written alongside them.
#include "content/position.h"

#include <gtest/gtest.h>

#include "content/position_testing.h"

namespace nearmiss::content {
namespace {

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
  // Round 33 defect 3: a cable's paragraph heading ("Summary:", "Comment:")
  // before a sentence is no list tag; "(S) Spanish: pass" still is.
  std::string_view cable = "1. (SBU) Summary: the visa backlog grew in May.\n\n2. (U) End.";
  EXPECT_EQ(place(cable, "(SBU)"), PortionPlace::kPortion);
  std::string_view comment = "(C) Comment: Post expects the talks to resume.";
  EXPECT_NE(place(comment, "(C)"), PortionPlace::kNone);
  std::string_view pilcrow = "\xC2\xB6" "1. (SBU) Summary: the visa backlog grew in May.";
  EXPECT_EQ(place(pilcrow, "(SBU)"), PortionPlace::kPortion);
  std::string_view colon_list = "Results:\n(C) Chemistry: pass\n(S) Spanish: pass";
  EXPECT_EQ(place(colon_list, "(S)"), PortionPlace::kNone);
}

// Round 41 item 9: a grading key's letters stand for the one word after
// them; a portion is a sentence.
TEST(PositionTest, GradingKeyIsNoPortion) {
  auto place = [](std::string_view text, std::string_view mark) {
    std::size_t b = text.find(mark);
    return PortionMarkPlace(text, b, b + mark.size());
  };
  std::string_view key = "Grades:\n(S) Satisfactory\n(U) Unsatisfactory\n(C) Commendable";
  EXPECT_EQ(place(key, "(S)"), PortionPlace::kNone);
  EXPECT_EQ(place(key, "(C)"), PortionPlace::kNone);
  EXPECT_EQ(place("(S) Satisfactory, (U) Unsatisfactory", "(S)"), PortionPlace::kNone);
  EXPECT_EQ(place("(S) Soldiers crossed the river at 0600.", "(S)"), PortionPlace::kPortion);
  EXPECT_NE(place("(C) Convoy.", "(C)"), PortionPlace::kNone);
}

}  // namespace
}  // namespace nearmiss::content

namespace nearmiss::content {
namespace {

// Breaker round 32 D3: Outlook's plain text for a bulleted list writes its
// Symbol and Wingdings bullets as "·", "o", "§" (and a tab or blanks);
// other clients write "◦", "▪", "‣", "●". A portion mark after any of them
// opens its item as after "-" or "•"; a bullet is not a paragraph number.
TEST(PositionTest, PortionAfterListBullets) {
  for (std::string_view bullet :
       {"\u00b7", "o", "\u00a7", "\u25e6", "\u25aa", "\u2023", "\u25cf", "\u27a2", "\u2043",
        "v", "\u00d8", "\u00fc", "\uf0b7", "-", "*", "\u2022"}) {
    for (std::string_view gap : {" ", "\t", "       "}) {
      std::string text = "(U) Update below.\n\n" + std::string(bullet) + std::string(gap) +
                         "(S) The convoy leaves at 0600.\n";
      std::size_t at = text.find("(S)");
      EXPECT_EQ(PortionMarkPlace(text, at, at + 3), PortionPlace::kPortion)
          << "bullet '" << bullet << "' gap '" << gap << "'";
    }
  }
  // A bullet is not a paragraph number: a disclaimer after it stays none.
  std::string_view legend = "\u00b7 (S) This email is intended for the addressee only.";
  std::size_t at = legend.find("(S)");
  EXPECT_EQ(PortionMarkPlace(legend, at, at + 3), PortionPlace::kNone);
  // A letter is a bullet only before a blank, and only Outlook's letters:
  // "o(S)", "a (S)" and "x (S)" are not list items.
  for (std::string_view text : {"o(S) The convoy leaves at 0600.",
                                "a (S) The convoy leaves at 0600.",
                                "x (S) The convoy leaves at 0600."}) {
    std::size_t s = text.find("(S)");
    EXPECT_EQ(PortionMarkPlace(text, s, s + 3), PortionPlace::kNone) << text;
  }
}

// The place of the first `mark` in `text`.
PortionPlace PlaceOf(std::string_view text, std::string_view mark) {
  std::size_t at = text.find(mark);
  return PortionMarkPlace(text, at, at + mark.size());
}

// Tester 13 item 1: a capital in brackets that is no option of the mark's
// list does not cancel it; option lists still do.
TEST(PositionTest, UnrelatedBracketedCapitalsKeepPortions) {
  for (std::string_view text :
       {"1. (S) The convoy leaves at 0600.\n2. (U) Weather is fine.\n\nAlice Smith\n"
        "J3 Plans\n(T) 020 7218 9000\n(M) 07700 900123\n",
        "1. (S) The convoy leaves at 0600.\n2. (U) Weather is fine.\n\n"
        "Sent from Microsoft(R) Outlook\n",
        "1. (S) The convoy leaves at 0600, see Annex (A).\n",
        "1. (S) The convoy leaves at 0600.\n2. (U) COA (A) is preferred.\n",
        "1. (S) The convoy leaves at 0600.\n\n2. (U) Options are (A) road, (B) air.\n",
        "1. (S) The convoy leaves at 0600.\n2. (A) Weather is fine.\n",
        "1. (S) The convoy leaves at 0600.\n2. (O) Weather is fine.\n"}) {
    EXPECT_EQ(PlaceOf(text, "(S)"), PortionPlace::kPortion) << text;
  }
  EXPECT_EQ(PlaceOf("1. (TS) The convoy leaves at 0600.\n2. (U) COA (A) and COA (B).\n", "(TS)"),
            PortionPlace::kPortion);
  for (std::string_view text :
       {"Sizes available:\n(S) 36-38 / (M) 40-42 / (L) 44-46",
        "Q3: Which is the largest?\n(A) Mars (B) Venus (S) Jupiter",
        "Vote:\n(C) The Crown Inn.\n(D) The Old Bell.",
        "Pick one:\n1. (B) The Crown Inn.\n2. (S) The Swan.\n3. (D) The Old Bell."}) {
    std::string_view mark = text.find("(S)") != std::string_view::npos ? "(S)" : "(C)";
    EXPECT_EQ(PlaceOf(text, mark), PortionPlace::kNone) << text;
  }
}

// Tester 13 item 2: a disclaimer's everyday words in a classified portion.
TEST(PositionTest, EverydayDisclaimerWordsInClassifiedPortions) {
  for (std::string_view text :
       {"Bob,\n\n(S) Unauthorized vehicles were seen at the north gate at 0600.\n",
        "Bob,\n\n(S) Rounds fired in error hit the east range at 0600.\n",
        "Bob,\n\n(C) Legal advice on the basing agreement follows; it is privileged.\n"}) {
    std::string_view mark = text.find("(S)") != std::string_view::npos ? "(S)" : "(C)";
    EXPECT_EQ(PlaceOf(text, mark), PortionPlace::kPortion) << text;
  }
  EXPECT_EQ(PlaceOf("(U) If you are not the intended recipient, delete this email.", "(U)"),
            PortionPlace::kNone);
}

// Tester 13 items 3, 4 and 11: numbered paragraphs whose words spell the
// mark, label-and-value report lines, "Para 1.".
TEST(PositionTest, NumberedPortionsWhateverTheirWords) {
  EXPECT_EQ(PlaceOf("1. (TS) The Syrian convoy will move on Friday.\n2. (U) Weather is fine.",
                    "(TS)"),
            PortionPlace::kPortion);
  EXPECT_EQ(PlaceOf("(TS) Two SA-8 systems moved north.\n\n(U) Weather is fine.", "(TS)"),
            PortionPlace::kPortion);
  EXPECT_EQ(PlaceOf("1. (NS) Naval Ships from Norway join on Monday.\n2. (NU) Admin follows.",
                    "(NS)"),
            PortionPlace::kPortion);
  // Numbered initials with no unclassified portion beside them stay
  // doubtful; unnumbered, a name.
  EXPECT_EQ(PlaceOf("1. (TS) Tom Smith will chair the meeting.", "(TS)"),
            PortionPlace::kIfCorroborated);
  EXPECT_EQ(PlaceOf("(TS) Tom Smith will chair the meeting.", "(TS)"), PortionPlace::kNone);
  EXPECT_EQ(PlaceOf("1. (S) Size: 12 personnel.\n2. (S) Activity: digging in.", "(S)"),
            PortionPlace::kPortion);
  EXPECT_EQ(PlaceOf("Results:\n1. (C) Chemistry - pass\n2. (S) Spanish - pass", "(S)"),
            PortionPlace::kNone);
  EXPECT_EQ(PlaceOf("(S) Spanish: pass", "(S)"), PortionPlace::kNone);
  EXPECT_EQ(PlaceOf("Para 1. (S) The convoy leaves at 0600.\nPara 2. (U) Fine.", "(S)"),
            PortionPlace::kPortion);
}

}  // namespace
}  // namespace nearmiss::content

namespace nearmiss::content {
namespace {

// Round 59's tester 13, finding 1: "(C)" before an owner's name and a full
// stop is the copyright sign typed by hand; it counts only if the message
// agrees. A sentence after "(C)", a paragraph number or the mixed layout
// with "(U)" keep the portion.
TEST(PositionTest, CopyrightCreditAfterBracketedC) {
  for (std::string_view text :
       {"Photos from the walk attached.\n\n(C) John Smith. Not for commercial use.",
        "the gulls complain.\n\n(C) Jane Smith, 2026. Please don't share it yet.",
        "Grandma's brownies\n\n(C) Grandma Kim. Do not share this recipe!\n\nMix and bake.",
        "(C) J. R. Hartley. All rights to the book are his.",
        "(C) Smith and Jones. Please ask before you share."}) {
    std::size_t at = text.find("(C)");
    EXPECT_EQ(PortionMarkPlace(text, at, at + 3), PortionPlace::kIfCorroborated) << text;
  }
  for (std::string_view text :
       {"(C) The convoy leaves at 0600.", "(C) The Route Is Closed.",
        "(C) Sensor coverage is partial.", "1. (C) John Smith. Not for commercial use.",
        "(C) Convoy Leaves Tonight.\n(U) Lunch is at noon."}) {
    std::size_t at = text.find("(C)");
    EXPECT_EQ(PortionMarkPlace(text, at, at + 3), PortionPlace::kPortion) << text;
  }
}

// Round 59b's tester 13, finding 3: a dash set off by blanks between the
// mark and its sentence, and a Q/A transcript's label before the mark, are
// the portion layout; a dash glued to the mark and a short value are not.
TEST(PositionTest, DashAfterMarkAndQaLabels) {
  for (std::string_view text :
       {"(S) - The convoy leaves at 0600.", "(S) \xE2\x80\x93 The convoy leaves at 0600.",
        "(S) -- The convoy leaves at 0600.", "(C) - Jones will brief the ambassador.",
        "Q: (S) When does the convoy leave?", "A: (S) At 0600 from the north gate.",
        "Q1. (S) When does the convoy leave?", "A12: (S) The north gate, at 0600."}) {
    std::string_view mark = text.find("(C)") != std::string_view::npos ? "(C)" : "(S)";
    EXPECT_EQ(PlaceOf(text, mark), PortionPlace::kPortion) << text;
  }
  EXPECT_EQ(PlaceOf("Take (S)-ibuprofen twice a day.", "(S)"), PortionPlace::kNone);
  EXPECT_NE(PlaceOf("(S) - small", "(S)"), PortionPlace::kPortion);
  EXPECT_NE(PlaceOf("(C) - 2026 Acme Ltd", "(C)"), PortionPlace::kPortion);
  EXPECT_NE(PlaceOf("Q: (S) or (M)?", "(S)"), PortionPlace::kPortion);
}

}  // namespace
}  // namespace nearmiss::content
