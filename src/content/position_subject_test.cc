// Subject lines (position_subject.cc): a marking leading a subject after
// reply prefixes and tags, and what the rest of the subject reads as.
#include "content/position.h"

#include <gtest/gtest.h>

#include "content/position_testing.h"
#include "content/subject_mention.h"

namespace nearmiss::content {
namespace {

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

// Issue 13, round 34 item 7: any brackets, symbols, emoji, or a date or
// reference number before the marking leave it at the subject's head; a
// short number or a word does not.
namespace nearmiss::content {
namespace {

TEST(PositionTest, SubjectHeadAfterSymbolsDatesAndReferences) {
  EXPECT_TRUE(At(IsSubjectMarking, "{UK SECRET} deployment plan", "UK SECRET"));
  EXPECT_TRUE(At(IsSubjectMarking, "<<SECRET>> plan", "SECRET"));
  EXPECT_TRUE(At(IsSubjectMarking, "!! SECRET: plan", "SECRET"));
  EXPECT_TRUE(At(IsSubjectMarking, "\xF0\x9F\x94\x92 SECRET: plan", "SECRET"));
  EXPECT_TRUE(At(IsSubjectMarking, "2026-12-01 UK SECRET: plan", "UK SECRET"));
  EXPECT_TRUE(At(IsSubjectMarking, "MOD/2026/114 UK SECRET plan", "UK SECRET"));
  EXPECT_TRUE(At(IsSubjectMarking, "Re: #4471 SECRET: plan", "SECRET"));
  EXPECT_FALSE(At(IsSubjectMarking, "3 SECRET tips", "SECRET"));
  EXPECT_FALSE(At(IsSubjectMarking, "Q4 SECRET plan", "SECRET"));
  EXPECT_FALSE(At(IsSubjectMarking, "Plan 2026 SECRET: x", "SECRET"));
  EXPECT_TRUE(FollowedBySeparator("<SECRET> plan", 7));
  EXPECT_TRUE(FollowedBySeparator("~~ SECRET ~~ plan", 9));
}


}  // namespace
}  // namespace nearmiss::content

// Issue 13, round 37 item 1: NATO's level abbreviations lead a subject set
// off in every way senders set a marking off, and after a gateway's notice
// written without brackets; not trailing, not glued, not bracketed later.
namespace nearmiss::content {
namespace {

TEST(PositionTest, AbbreviationLeadsSubjectInEverySeparatorForm) {
  for (std::string_view subject :
       {"CTSA: annex", "CTSA//REL TO SWE: annex", "CTSA - annex", "CTSA | annex",
        "CTSA -- annex", "CTSA || annex", "[CTSA] annex", "(CTSA) annex",
        "RE: [EXTERNAL] CTSA - annex", "Fwd: (CTSA) annex", "[CTSA]",
        "CAUTION: EXTERNAL EMAIL - CTSA: annex",
        "CAUTION: EXTERNAL EMAIL CTSA: annex",
        "Warning: External Sender | RE: CTSA - annex"}) {
    EXPECT_TRUE(At(AbbreviationLeadsSubject, subject, "CTSA")) << subject;
  }
  for (std::string_view subject :
       {"CTSA", "CTSA annex", "CTSA-annex", "CTSA -annex", "CTSA --- annex",
        "Plan [CTSA] annex", "Plan - CTSA", "[CTSA annex]",
        "(CTSA annex)", "CAUTION: CTSA: annex", "EXTERNAL EMAIL CTSA: annex",
        "CAUTION: EXTERNAL EMAILS CTSA: annex"}) {
    EXPECT_FALSE(At(AbbreviationLeadsSubject, subject, "CTSA")) << subject;
  }
}

// Issue 13, round 38 item 4: a portion mark ending a subject after its
// words ("CTS: x (NS)").
TEST(PositionTest, PortionMarkEndsSubject) {
  for (std::string_view subject :
       {"CTS: x (NS)", "RE: [EXTERNAL] exercise plan (S)", "Convoy timings (NS) ",
        "Plan (TS)*"}) {
    std::size_t b = subject.rfind('(');
    EXPECT_TRUE(PortionEndsSubject(subject, b, subject.find(')', b) + 1)) << subject;
  }
  for (std::string_view subject :
       {"(NS)", "RE: (NS)", "Plan (NS) draft", "Plan(NS)", "[EXTERNAL] (S)"}) {
    std::size_t b = subject.rfind('(');
    EXPECT_FALSE(PortionEndsSubject(subject, b, subject.find(')', b) + 1)) << subject;
  }
}

// Round 50's tester 13, findings 1 and 4: a gateway's tag, a copy number
// or a version after the marking at a subject's end, and a control between.
TEST(PositionTest, DecorationsCloseSubject) {
  for (std::string_view subject :
       {"RE: Convoy plan - SECRET [EXTERNAL]", "Plan - SECRET (EXTERNAL)",
        "Plan - SECRET *EXT*", "Plan - SECRET **EXTERNAL**", "Plan - SECRET (2)",
        "Plan - SECRET v2", "Plan - SECRET - v1.2", "Plan - SECRET TK",
        "Plan - SECRET TK [EXT]", "Plan - SECRET", "Plan - SECRET draft"}) {
    const std::size_t end = subject.find("SECRET") + 6;
    EXPECT_EQ(SubjectDecorationStart(subject, end), end) << subject;
    EXPECT_TRUE(At(IsSubjectMarking, subject, "SECRET")) << subject;
  }
  for (std::string_view subject :
       {"Plan - SECRET SANTA (2026)", "Plan - SECRET recipes [EXT]",
        "Plan - SECRET (what we know, so far)", "Plan - SECRET v2 of the menu",
        "Plan - SECRET-ish [EXT]"}) {
    const std::size_t end = subject.find("SECRET") + 6;
    EXPECT_NE(SubjectDecorationStart(subject, end), end) << subject;
  }
  EXPECT_TRUE(At(IsSubjectMarking, "Convoy plan (SECRET SI)", "SECRET"));
  EXPECT_FALSE(At(IsSubjectMarking, "Convoy plan (SECRET recipes)", "SECRET"));
}

// Round 51's tester 13, finding 8: a subject's sentence that names a
// marking as a kind of material, or asks or tells about it; the marking as
// the subject's tag is not named.
TEST(PositionTest, SubjectNamesAMarking) {
  struct Case {
    std::string_view subject;
    std::string_view match;
  };
  for (const Case& c : {Case{"Training: how to handle UK SECRET material", "UK SECRET"},
                        Case{"Course: Handling NATO SECRET information (e-learning)", "NATO SECRET"},
                        Case{"New SOP for UK SECRET storage cabinets", "UK SECRET"},
                        Case{"Why you must not email UK SECRET to gmail", "UK SECRET"},
                        Case{"Museum trip - COSMIC TOP SECRET exhibition", "COSMIC TOP SECRET"},
                        Case{"Quiz answer: UK TOP SECRET is the highest level", "UK TOP SECRET"},
                        Case{"BREAKING: NATO SECRET REPORT LEAKED TO PRESS", "NATO SECRET"},
                        Case{"Exhibition: EU SECRET archives opened", "EU SECRET"},
                        Case{"Reminder: protecting UK SECRET laptops when travelling", "UK SECRET"},
                        Case{"IT notice - UK SECRET network outage Saturday", "UK SECRET"},
                        Case{"New SOP for UK SECRET material", "UK SECRET"},
                        Case{"Guidance on NATO SECRET information", "NATO SECRET"}}) {
    EXPECT_TRUE(At(NamesMarkingInSubject, c.subject, c.match)) << c.subject;
  }
  for (const Case& c : {Case{"Update on SECRET//NOFORN convoy plan", "SECRET//NOFORN"},
                        Case{"URGENT: UK SECRET convoy timings", "UK SECRET"},
                        Case{"FYI UK SECRET convoy plan", "UK SECRET"},
                        Case{"DO NOT FORWARD: UK SECRET convoy plan", "UK SECRET"},
                        Case{"Handling: UK SECRET", "UK SECRET"},
                        Case{"Convoy plan at UK SECRET level", "UK SECRET"},
                        Case{"Route card UK SECRET: north gate", "UK SECRET"},
                        // Round 52's tester 13, finding 2: the message's own material.
                        Case{"Convoy plan - contains UK SECRET material", "UK SECRET"},
                        Case{"Convoy plan - UK SECRET information enclosed", "UK SECRET"},
                        Case{"ACTION: NATO SECRET material for Exercise STEADFAST", "NATO SECRET"},
                        Case{"Please review: UK OFFICIAL-SENSITIVE information", "UK OFFICIAL-SENSITIVE"}}) {
    EXPECT_FALSE(At(NamesMarkingInSubject, c.subject, c.match)) << c.subject;
  }
}

}  // namespace
}  // namespace nearmiss::content
