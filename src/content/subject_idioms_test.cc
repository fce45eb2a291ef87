// FollowedBySubjectIdiom (subject_idioms.h) and IsBulkMailHeader
// (bulk_mail.h): the words after a subject's level word, and the headers
// that make a message bulk mail (issue 13, breaker round 6 item 12).
#include "content/subject_idioms.h"

#include <gtest/gtest.h>

#include <string_view>

#include "content/bulk_mail.h"

namespace nearmiss::content {
namespace {

// Whether the idiom follows `word`, the first occurrence in `subject`.
bool IdiomAfter(std::string_view subject, std::string_view word) {
  std::size_t at = subject.find(word);
  EXPECT_NE(at, std::string_view::npos) << subject;
  return FollowedBySubjectIdiom(subject, at + word.size());
}

TEST(SubjectIdiomTest, TradeWordsRightAfterTheLevelWord) {
  EXPECT_TRUE(IdiomAfter("SECRET sale: 50% off everything", "SECRET"));
  EXPECT_TRUE(IdiomAfter("TOP SECRET offers inside", "TOP SECRET"));
  EXPECT_TRUE(IdiomAfter("CONFIDENTIAL pricing for our best customers", "CONFIDENTIAL"));
  EXPECT_TRUE(IdiomAfter("*SECRET* deals", "SECRET"));
  EXPECT_TRUE(IdiomAfter("PROTECTED Savings", "PROTECTED"));
  // One word of season or audience between.
  EXPECT_TRUE(IdiomAfter("RESTRICTED time offer: free delivery", "RESTRICTED"));
  EXPECT_TRUE(IdiomAfter("RESTRICTED access offer", "RESTRICTED"));
  EXPECT_TRUE(IdiomAfter("SECRET summer sale", "SECRET"));
  EXPECT_TRUE(IdiomAfter("SECRET VIP deals", "SECRET"));
}

TEST(SubjectIdiomTest, TradeWordsOfAMarkedSubjectStayItsWords) {
  // After a separator: a marked subject about a sale.
  EXPECT_FALSE(IdiomAfter("SECRET: arms sale to Ruritania", "SECRET"));
  EXPECT_FALSE(IdiomAfter("SECRET - pricing of the offset package", "SECRET"));
  // Further than one modifier, or after an ordinary word.
  EXPECT_FALSE(IdiomAfter("SECRET arms sale", "SECRET"));
  EXPECT_FALSE(IdiomAfter("SECRET sales brief", "SECRET"));
  // An offer of employment.
  EXPECT_FALSE(IdiomAfter("CONFIDENTIAL offer letter", "CONFIDENTIAL"));
  EXPECT_FALSE(IdiomAfter("SECRET deployment plan", "SECRET"));
  EXPECT_FALSE(IdiomAfter("SECRET: convoy timings", "SECRET"));
  EXPECT_FALSE(IdiomAfter("SECRET", "SECRET"));
}

TEST(SubjectIdiomTest, HomeWordsWithinFourWords) {
  EXPECT_TRUE(IdiomAfter("SECRET Santa 2026", "SECRET"));
  EXPECT_TRUE(IdiomAfter("SECRET SANTA draw", "SECRET"));
  EXPECT_TRUE(IdiomAfter("SECRET Santa's list", "SECRET"));
  EXPECT_TRUE(IdiomAfter("TOP SECRET family recipes", "TOP SECRET"));
  EXPECT_TRUE(IdiomAfter("SECRET ingredient revealed", "SECRET"));
  EXPECT_TRUE(IdiomAfter("SECRET garden party", "SECRET"));
  EXPECT_TRUE(IdiomAfter("*SECRET* menu", "SECRET"));
  // Breaker round 13 defect 4: after a separator they are the marked
  // subject's own words.
  for (std::string_view subject :
       {"SECRET - our best kept recipe", "SECRET: Santa sign-up sheet",
        "SECRET: menu of strike options",
        "SECRET - Operation Market Garden review",
        "RESTRICTED: Garden Reach shipyard visit",
        "TOP SECRET -- admirer of the regime", "SECRET | sauce analysis"}) {
    std::string_view word =
        subject.starts_with("TOP") ? "TOP SECRET"
        : subject.starts_with("RESTRICTED") ? "RESTRICTED" : "SECRET";
    EXPECT_FALSE(IdiomAfter(subject, word)) << subject;
  }
  // Past four words, or on the next line: the subject's own words.
  EXPECT_FALSE(IdiomAfter("SECRET: convoy timings for the Santa Rosa base", "SECRET"));
  EXPECT_FALSE(IdiomAfter("SECRET\nSanta", "SECRET"));
}

// Tester 13 item 8: a trade word that opens a marked subject's noun
// phrase, a kitchen word deep in the subject.
TEST(SubjectIdiomTest, TradeWordOpeningANounPhraseIsNoIdiom) {
  for (std::string_view subject :
       {"SECRET pricing annex - F-35 sustainment contract",
        "SECRET deal text for the UK/FR treaty", "SECRET tip-off on HVT location",
        "SECRET strike options menu for CDS", "SECRET offer terms for the frigate"}) {
    EXPECT_FALSE(IdiomAfter(subject, "SECRET")) << subject;
  }
  EXPECT_FALSE(IdiomAfter("CONFIDENTIAL price negotiation with Saudi MOD", "CONFIDENTIAL"));
  EXPECT_TRUE(IdiomAfter("SECRET sale starts now", "SECRET"));
  EXPECT_TRUE(IdiomAfter("TOP SECRET deals for members", "TOP SECRET"));
  EXPECT_TRUE(IdiomAfter("SECRET sale!", "SECRET"));
}

// Tester 13 item 7: a military subject in capitals or a date-time group.
TEST(SubjectIdiomTest, CapitalsTitleAfterTheLevelWord) {
  auto title = [](std::string_view subject, std::string_view word) {
    return FollowedByCapitalsTitle(subject, subject.find(word) + word.size());
  };
  EXPECT_TRUE(title("SECRET OP NORTH CONVOY TIMINGS", "SECRET"));
  EXPECT_TRUE(title("SECRET 031200Z DEC 26 convoy", "SECRET"));
  EXPECT_TRUE(title("CONFIDENTIAL 3 CDO BDE MOVEMENT ORDER", "CONFIDENTIAL"));
  EXPECT_FALSE(title("PROTECT YOUR ACCOUNT NOW", "PROTECT"));
  EXPECT_FALSE(title("UK SECRET SERVICE DOCUMENTARY TONIGHT", "UK SECRET"));
  EXPECT_FALSE(title("RESTRICTED ACCESS - server room works", "RESTRICTED"));
  EXPECT_FALSE(title("SECRET 2026", "SECRET"));
  EXPECT_FALSE(title("SECRET PLAN", "SECRET"));
  // Short titles (tester 41 item 3): a report or an operation's name, an
  // acronym before the subject's words. The idiom is read after them.
  EXPECT_TRUE(title("SECRET SITREP 042", "SECRET"));
  EXPECT_TRUE(title("TOP SECRET OP LANTERN", "TOP SECRET"));
  EXPECT_TRUE(title("SECRET MOD position paper", "SECRET"));
  // An everyday word in capitals is no acronym (round 56's tester 13,
  // finding 4; everyday_words.h).
  EXPECT_FALSE(title("TOP SECRET BBQ at mine", "TOP SECRET"));
  EXPECT_FALSE(title("SECRET CINEMA tickets", "SECRET"));
  EXPECT_FALSE(title("SECRET SUPPER club", "SECRET"));
  EXPECT_TRUE(title("SECRET DSTL trial results", "SECRET"));
  EXPECT_TRUE(title("SECRET SANTA DRAW 2026", "SECRET"));
  EXPECT_TRUE(IdiomAfter("SECRET SANTA DRAW 2026", "SECRET"));
  EXPECT_FALSE(IdiomAfter("SECRET SITREP 042", "SECRET"));
  // Without short titles (CONFIDENTIAL), three words in capitals as before.
  auto long_only = [](std::string_view subject, std::string_view word) {
    return FollowedByCapitalsTitle(subject, subject.find(word) + word.size(), false);
  };
  EXPECT_FALSE(long_only("CONFIDENTIAL HR matter", "CONFIDENTIAL"));
  EXPECT_FALSE(long_only("SECRET PLAN 042", "SECRET"));
  // A report's or an order's name is a title whatever the level word
  // (round 52's tester 13, finding 1: "Latest UK SECRET SITREP").
  EXPECT_TRUE(long_only("SECRET SITREP 042", "SECRET"));
  EXPECT_TRUE(long_only("Latest UK SECRET INTSUM", "UK SECRET"));
  EXPECT_FALSE(long_only("Latest UK SECRET SERVICE news", "UK SECRET"));
  EXPECT_TRUE(long_only("CONFIDENTIAL 3 CDO BDE MOVEMENT ORDER", "CONFIDENTIAL"));
}

// Round 58's tester 13, finding 1: everyday words in capitals after a
// level word name an event or a survey; a staff word, an acronym, a caveat
// or a date-time group make the message's own title.
TEST(SubjectIdiomsTest, EverydayCapitalsAfterLevel) {
  auto after = [](std::string_view text, std::string_view word) {
    return FollowedByEverydayCapitals(text, text.find(word) + word.size());
  };
  EXPECT_TRUE(after("SECRET CINEMA TICKETS 2026", "SECRET"));
  EXPECT_TRUE(after("SECRET CINEMA TICKETS FOR FRIDAY", "SECRET"));
  EXPECT_TRUE(after("PROTECTED SPECIES SURVEY 2026.txt", "PROTECTED"));
  EXPECT_TRUE(after("TOP SECRET GARDEN PARTY", "TOP SECRET"));
  EXPECT_FALSE(after("SECRET OP NORTH CONVOY TIMINGS", "SECRET"));
  EXPECT_FALSE(after("SECRET NORTH CONVOY TIMINGS", "SECRET"));
  EXPECT_FALSE(after("TOP SECRET EXERCISE STEEL SABRE ORDERS", "TOP SECRET"));
  EXPECT_FALSE(after("SECRET SITREP 042", "SECRET"));
  EXPECT_FALSE(after("TOP SECRET STRAP 1", "TOP SECRET"));
  EXPECT_FALSE(after("SECRET SPECIAL ACCESS REQUIRED", "SECRET"));
  EXPECT_FALSE(after("SECRET 031200Z DEC 26 convoy", "SECRET"));
  EXPECT_FALSE(after("SECRET CINEMA tickets", "SECRET"));
  EXPECT_FALSE(after("SECRET: CINEMA TICKETS", "SECRET"));
  EXPECT_FALSE(after("SECRET 2026", "SECRET"));
}

TEST(SubjectIdiomsTest, WholeFolderOfPath) {
  auto folder = [](std::string_view text, std::string_view word) {
    std::size_t b = text.find(word);
    return WholeFolderOfPath(text, b, b + word.size());
  };
  EXPECT_TRUE(folder("PROTECTED/", "PROTECTED"));
  EXPECT_TRUE(folder("site/PROTECTED/index.html", "PROTECTED"));
  EXPECT_TRUE(folder("SECRET/plan.docx", "SECRET"));
  EXPECT_FALSE(folder("SECRET//NOFORN plan", "SECRET"));
  EXPECT_FALSE(folder("SECRET/NOFORN", "SECRET"));
  EXPECT_FALSE(folder("SECRET - plan.docx", "SECRET"));
  EXPECT_FALSE(folder("site/PROTECTED B/index.html", "PROTECTED"));
}

TEST(BulkMailTest, ListUnsubscribeAndPrecedence) {
  EXPECT_TRUE(IsBulkMailHeader("List-Unsubscribe", "<mailto:leave@example.org>"));
  EXPECT_TRUE(IsBulkMailHeader("list-unsubscribe-post", "List-Unsubscribe=One-Click"));
  EXPECT_TRUE(IsBulkMailHeader("Precedence", "bulk"));
  // A discussion list's copies of its members' mail (breaker round 13
  // defect 3).
  EXPECT_FALSE(IsBulkMailHeader("Precedence", " List"));
  EXPECT_FALSE(IsBulkMailHeader("Precedence", "list"));
  EXPECT_TRUE(IsBulkMailHeader("PRECEDENCE", "junk"));
  EXPECT_FALSE(IsBulkMailHeader("Precedence", "first-class"));
  EXPECT_FALSE(IsBulkMailHeader("Precedence", "bulky"));
  EXPECT_FALSE(IsBulkMailHeader("List-Id", "<team.example.org>"));
  EXPECT_FALSE(IsBulkMailHeader("Subject", "bulk"));
}

}  // namespace
}  // namespace nearmiss::content
