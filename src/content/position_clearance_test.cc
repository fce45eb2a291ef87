// Clearance levels (position_clearance.cc): a level named as a job's or a
// person's clearance is no marking of the message.
#include "content/position.h"
#include "content/vacancy_text.h"

#include <gtest/gtest.h>

#include "content/position_testing.h"

namespace nearmiss::content {
namespace {

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

// Round 46's tester 13, finding 1: a recruiter's field label in other words
// than "Clearance:" names a clearance; a classification field does not.
TEST(PositionTest, ClearanceFieldLabelsInOtherWords) {
  for (std::string_view line :
       {"Clearance required: TOP SECRET/SCI", "Security clearance required: TOP SECRET/SCI",
        "Minimum clearance: TOP SECRET/SCI", "Security Clearance Level: TOP SECRET/SCI",
        "Vetting required: TOP SECRET/SCI", "Clearance needed - TOP SECRET/SCI",
        "Required security clearance: SECRET", "  * Vetting level: SECRET"}) {
    const std::string_view word = line.find("TOP SECRET") != std::string_view::npos
                                      ? std::string_view("TOP SECRET")
                                      : std::string_view("SECRET");
    EXPECT_TRUE(At(AboutClearance, line, word)) << line;
  }
  for (std::string_view line :
       {"Security Classification: TOP SECRET", "Classification: SECRET//NOFORN",
        "The clearance office says this is it: SECRET", "Subject: SECRET",
        "Please read the attached vetting guidance before Monday: SECRET"}) {
    const std::string_view word = line.find("TOP SECRET") != std::string_view::npos
                                      ? std::string_view("TOP SECRET")
                                      : std::string_view("SECRET");
    EXPECT_FALSE(At(AboutClearance, line, word)) << line;
  }
}

// Tester 13 item 17: a job spec's field, a clearance with a polygraph.
TEST(PositionTest, ClearanceWithPolygraph) {
  struct Case {
    std::string_view line, match;
    bool clearance;
  };
  for (const Case& c : {
           Case{"Security Classification: TOP SECRET/SCI with polygraph", "TOP SECRET", true},
           Case{"Required: TS/SCI with a full-scope poly", "TS/SCI", true},
           Case{"Must hold SECRET with CI polygraph", "SECRET", true},
           Case{"SECRET with the route attached", "SECRET", false},
           Case{"TOP SECRET//NOFORN with annexes", "TOP SECRET//NOFORN", false}}) {
    EXPECT_EQ(At(AboutClearance, c.line, c.match), c.clearance) << c.line;
  }
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

// Round 51's tester 13, finding 3: a field label naming a person's
// eligibility, investigation or access, or a post's sensitivity, is a
// clearance as "Clearance Level:" is; a document's classification key is
// not.
TEST(PositionTest, LabelsNamingAPersonsClearance) {
  for (std::string_view label :
       {"Clearance Level", "Required Clearance Level", "Candidate clearance level",
        "Eligibility Level", "Eligibility", "Access Level", "Investigation Level",
        "Investigation Type", "Background Investigation", "Position Sensitivity Level",
        "Position Designation", "Security vetting"}) {
    EXPECT_TRUE(NamesPersonsClearance(label)) << label;
  }
  for (std::string_view label : {"Classification Level", "Security Level", "Sensitivity Level",
                                 "Access", "Fraud investigation", "Position", "Security"}) {
    EXPECT_FALSE(NamesPersonsClearance(label)) << label;
  }
  for (std::string_view line :
       {"Eligibility Level: SECRET", "Access Level: TOP SECRET",
        "Investigation Level: TOP SECRET (T5)", "Position Sensitivity Level: SECRET",
        "Required Clearance Level: SECRET"}) {
    const std::string_view word =
        line.find("TOP SECRET") != std::string_view::npos ? "TOP SECRET" : "SECRET";
    EXPECT_TRUE(At(AboutClearance, line, word)) << line;
  }
  for (std::string_view line : {"Classification Level: SECRET", "Security Level: SECRET",
                                "Fraud investigation - SECRET"}) {
    EXPECT_FALSE(At(AboutClearance, line, "SECRET")) << line;
  }
}

// Round 52's tester 13, finding 5: a document's generic level keys name a
// post's clearance in a vacancy, and only there.
TEST(VacancyTextTest, GenericKeysInAVacancy) {
  for (std::string_view key : {"Security", "Sensitivity Level", "Security Level",
                               "Required Security Level", "Minimum Security"}) {
    EXPECT_TRUE(GenericLevelKey(key)) << key;
  }
  for (std::string_view key : {"Classification", "Classification Level", "Protective Marking",
                               "Required", "Security Classification"}) {
    EXPECT_FALSE(GenericLevelKey(key)) << key;
  }
  auto clearance = [](std::string_view text) {
    const std::size_t b = text.find("TOP SECRET");
    return AboutClearance(text, b, b + 10);
  };
  EXPECT_TRUE(clearance("We are hiring.\n\nSensitivity Level: TOP SECRET\nLocation: Reston"));
  EXPECT_TRUE(clearance("The position requires:\n\nSecurity: TOP SECRET\n"));
  EXPECT_FALSE(clearance("Team,\n\nSensitivity Level: TOP SECRET\n\nThe convoy leaves at 0600."));
  EXPECT_FALSE(clearance("We are hiring.\n\nClassification: TOP SECRET\n"));
}

}  // namespace
}  // namespace nearmiss::content
