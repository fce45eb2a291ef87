// A sentence that states its own text's level (self_statement.h; issue 13,
// round 45 tester finding 5): one rule for the subject, the verb and the
// predicate, and the sentences that only look like it.
#include "content/self_statement.h"
#include "content/surprise_words.h"

#include <gtest/gtest.h>

namespace nearmiss::content {
namespace {

SelfStatement Stated(std::string_view text, std::string_view word) {
  std::size_t b = text.find(word);
  EXPECT_NE(b, std::string_view::npos) << text;
  return StatesOwnLevel(text, b, b + word.size());
}

TEST(SelfStatementTest, SubjectVerbAndMarking) {
  for (std::string_view s : {"This email is UK SECRET.", "This email is UK SECRET",
                             "Note: the attachment is UK SECRET.",
                             "The content of this message is UK SECRET.",
                             "The contents of the attached file are UK SECRET.",
                             "This email and any attachments are UK SECRET.",
                             "Please note that this message is UK SECRET - do not forward it.",
                             "Bob, see below. This email is UK SECRET and must stay here.",
                             "This document is UK SECRET (UK EYES ONLY).",
                             "This presentation is UK SECRET!"}) {
    EXPECT_EQ(Stated(s, "UK SECRET"), SelfStatement::kCopula) << s;
  }
  for (std::string_view s : {"The attachment is classified UK SECRET.",
                             "The attached document is marked UK SECRET.",
                             "The enclosed report is marked as UK SECRET",
                             "This document has been classified as UK SECRET.",
                             "The attachments have been labelled UK SECRET.",
                             "This email carries the marking UK SECRET.",
                             "This spreadsheet is classified UK SECRET, handle it so."}) {
    EXPECT_EQ(Stated(s, "UK SECRET"), SelfStatement::kNamed) << s;
  }
  // Wrapped by a client before the marking.
  EXPECT_EQ(Stated("Please note that the content of this message is\nUK SECRET.", "UK SECRET"),
            SelfStatement::kCopula);
}

// Round 49's tester 13, finding 5: the UK's own wording ("protectively
// marked"), a level given "at", a marking held or contained, a handling
// instruction, more words for the text, and the restating "level".
TEST(SelfStatementTest, MoreWordingsOfTheSameStatement) {
  for (std::string_view s : {"This email is protectively marked UK SECRET.",
                             "This email has a protective marking of UK SECRET.",
                             "This email is classified at UK SECRET level.",
                             "This e-mail is marked at UK SECRET.",
                             "This email carries a classification of UK SECRET.",
                             "This email and attachment are classified UK SECRET.",
                             "The content below is classified UK SECRET."}) {
    EXPECT_EQ(Stated(s, "UK SECRET"), SelfStatement::kNamed) << s;
  }
  // A handling instruction reads as the copula (round 51's tester 13:
  // "Please treat this email as CONFIDENTIAL" is business mail's too).
  for (std::string_view s : {"Handle this email as UK SECRET.",
                             "Please treat the attachment as UK SECRET.",
                             "This thread is UK SECRET.", "This reply is UK SECRET.",
                             "NB this email is UK SECRET.", "Everything below is UK SECRET.",
                             "This email contains UK SECRET information.",
                             "This note is UK SECRET level."}) {
    EXPECT_EQ(Stated(s, "UK SECRET"), SelfStatement::kCopula) << s;
  }
  for (std::string_view s : {"This email has UK SECRET in its subject.",
                             "This email contains UK SECRET recipes.",
                             "Handle this email as UK SECRET material would be handled?",
                             "Do not treat this email as UK SECRET"}) {
    EXPECT_EQ(Stated(s, "UK SECRET"), SelfStatement::kNone) << s;
  }
  EXPECT_EQ(StatedSubject("everything below is", 0), 16u);
}

TEST(SelfStatementTest, SentencesThatOnlyLookLikeOne) {
  for (std::string_view s :
       {"Is this email UK SECRET?", "This email is UK SECRET?", "This email is not UK SECRET.",
        "This email is no longer UK SECRET.", "If this email is UK SECRET, delete it.",
        "He asked: \"this email is UK SECRET.\"", "\"This email is UK SECRET,\" he wrote.",
        "The document is UK SECRET, officials said.", "Officials said this document is UK SECRET.",
        "The secret to a good email is UK SECRET code.", "This email is UK SECRET santa info.",
        "This email is about UK SECRET work.", "This emailing is UK SECRET.",
        "Whether this email is UK SECRET is unclear.", "This email was UK SECRET.",
        "This email is\n\nUK SECRET.", "The course is UK SECRET.",
        "Reminder: do not send UK SECRET material over this network."}) {
    EXPECT_EQ(Stated(s, "UK SECRET"), SelfStatement::kNone) << s;
  }
  // OFFICIAL inside OFFICIAL-SENSITIVE is not a statement of OFFICIAL.
  EXPECT_EQ(Stated("This email is OFFICIAL-SENSITIVE.", "OFFICIAL"), SelfStatement::kNone);
  EXPECT_EQ(Stated("This email is OFFICIAL-SENSITIVE.", "OFFICIAL-SENSITIVE"),
            SelfStatement::kCopula);
}

TEST(SelfStatementTest, SubjectForLabelledLines) {
  EXPECT_EQ(StatementSubject("This email is classified as SECRET", 0), 14u);
  EXPECT_EQ(StatementSubject("Note: the attachment has been marked SECRET", 0), 30u);
  EXPECT_EQ(StatementSubject("The document is classified as SECRET", 0), 0u);
  EXPECT_EQ(StatementSubject("This email was classified as SECRET", 0), 0u);
}

// Round 50's tester 13, finding 6: the sender's act, a lead-in of the
// sender's own words, a key "of this email", a modal, a bare thing word;
// conditions, denials and reported speech before it state nothing.
TEST(SelfStatementTest, ActsLeadInsAndModals) {
  for (std::string_view s : {"I am sending the attached as UK SECRET.",
                             "Classification of this e-mail is UK SECRET.",
                             "Attachment classified UK SECRET.",
                             "Just so you know, this email is classified UK SECRET.",
                             "Reminder that the attachment is marked UK SECRET."}) {
    EXPECT_EQ(Stated(s, "UK SECRET"), SelfStatement::kNamed) << s;
  }
  // The pronoun alone for the text, the sender's act on it too (round 51's
  // tester 13, finding 5: "I've marked this SECRET so Jim doesn't see it").
  for (std::string_view s : {"This is UK SECRET so do not forward.", "I have marked this UK SECRET.",
                             "Sending this at UK SECRET as agreed.", "We've classified it UK SECRET.",
                             "I've marked this UK SECRET so Jim doesn't see it."}) {
    EXPECT_EQ(Stated(s, "UK SECRET"), SelfStatement::kPronoun) << s;
  }
  EXPECT_EQ(Stated("This email should be treated as UK SECRET.", "UK SECRET"), SelfStatement::kCopula);
  EXPECT_EQ(Stated("Please treat this email as UK SECRET.", "UK SECRET"), SelfStatement::kCopula);
  for (std::string_view s : {"Please be aware this email is UK SECRET.",
                             "As before, this email is UK SECRET."}) {
    EXPECT_EQ(Stated(s, "UK SECRET"), SelfStatement::kCopula) << s;
  }
  for (std::string_view s : {"If this email is UK SECRET, do not forward it.",
                             "I don't think this email is UK SECRET.",
                             "Let me know whether this email is UK SECRET.",
                             "Officials said this document is UK SECRET.",
                             "The report said this file is UK SECRET, but nobody checked.",
                             "We sent it at UK SECRET last week.",
                             "I have marked this UK SECRET material for shredding.",
                             "Nothing in this email is UK SECRET.",
                             "None of this email is UK SECRET.",
                             // Round 51's tester 13, finding 6: the other
                             // negative subjects.
                             "None of the attachments are UK SECRET.",
                             "None of this is UK SECRET.",
                             "Nothing in this email or the attachment is UK SECRET.",
                             "Neither of the attachments is UK SECRET.",
                             "Not a word of this email is UK SECRET."}) {
    EXPECT_EQ(Stated(s, "UK SECRET"), SelfStatement::kNone) << s;
  }
}

// Round 51's tester 13, finding 5: a statement said with emphasis or of a
// surprise; a plain one is not.
TEST(SelfStatementTest, EmphaticStatements) {
  auto emphatic = [](std::string_view line, std::string_view word) {
    const std::size_t b = line.find(word);
    return EmphaticStatement(line, b, b + word.size());
  };
  for (std::string_view s : {"This email is TOP SECRET - don't forward it to Jim!",
                             "This email is SECRET, OK?", "This email is SECRET :)",
                             "This email is SECRET \xF0\x9F\x98\x89",
                             "Shh, this email is SECRET.",
                             "This email is SECRET so don't tell Jim about the party.",
                             "This email is SECRET - Jim must not find out.",
                             "This email is SECRET; it's a surprise."}) {
    EXPECT_TRUE(emphatic(s, "SECRET")) << s;
  }
  for (std::string_view s : {"This email is SECRET.", "This email is SECRET. Why? Ask Jo!",
                             "This email is SECRET and must not be shared with a third party.",
                             "This email is SECRET so do not forward it."}) {
    EXPECT_FALSE(emphatic(s, "SECRET")) << s;
  }
}

// Round 52's tester 13, finding 3: the bare tier beside a party, an emoji
// or a plea for quiet, with any punctuation, on its line or in a subject.
TEST(SurpriseWordsTest, LinesThatKeepASurprise) {
  auto keeps = [](std::string_view line, std::string_view word) {
    const std::size_t b = line.find(word);
    return KeepsSurprise(line, b, b + word.size());
  };
  for (std::string_view s :
       {"TOP SECRET... don't tell Jo", "TOP SECRET \xF0\x9F\xA4\xAB", "TOP SECRET - surprise party for Jo",
        "This email is TOP SECRET. Jo must not know about the party.", "SECRET ;-)",
        "Fwd: TOP SECRET: Jo's surprise party", "SECRET: Sam's birthday collection",
        "TOP SECRET!!"}) {
    EXPECT_TRUE(keeps(s, "SECRET")) << s;
  }
  for (std::string_view s :
       {"SECRET: surprise inspection of the north depot", "SECRET - working party minutes",
        "TOP SECRET", "SECRET: do not share with any third party",
        "SECRET: convoy timings (find out more in annex B)"}) {
    EXPECT_FALSE(keeps(s, "SECRET")) << s;
  }
}

// Round 53's tester 13, finding 5: a note's text that keeps a surprise on
// any line; not the words a marked text writes too.
TEST(SurpriseWordsTest, TextsThatKeepASurprise) {
  for (std::string_view s :
       {"** TOP SECRET **\n\nSurprise party for Jim Friday 6pm.\n\n** TOP SECRET **",
        "TOP SECRET\n\nShh - bring snacks.\n\nTOP SECRET",
        "SECRET\n\nIt's Sam's birthday on Thursday.\n\nSECRET",
        "SECRET\n\nDave doesn't know yet.\n\nSECRET"}) {
    EXPECT_TRUE(TextKeepsSurprise(s)) << s;
  }
  for (std::string_view s :
       {"** TOP SECRET **\n\nThe working party for the review meets at 0600.\n\n** TOP SECRET **",
        "SECRET\n\nThe party will cross the river. Spoil heaps mark the ford.\n\nSECRET",
        "SECRET\n\nSurprise inspection of the depot at 0600.\n\nSECRET",
        "SECRET\n\nShhhort list attached; the Shhwartz file follows.\n\nSECRET"}) {
    EXPECT_FALSE(TextKeepsSurprise(s)) << s;
  }
}

}  // namespace
}  // namespace nearmiss::content
