// Engine::CheckMessage: each kind of content gives the sensitivity the
// decision used, filtered by the policy's packs; the milter's truncated
// message decides on a lower bound; recipients come from the envelope.
#include <gtest/gtest.h>

#include "engine/engine_testing.h"
#include "nearmiss/engine.h"

namespace nearmiss {
namespace {

using content::Level;

// docs/policy.md's example: the UK scheme and header labels only.
constexpr char kUkAndLabels[] =
    "[domains]\norganisation = [\"mod.gov.uk\"]\n"
    "[sensitivity]\npacks = [\"uk\", \"labels\"]\n"
    "[[rule]]\nname = \"secret-external\"\nrecipient = [\"external\"]\n"
    "sensitivity_at_least = \"SECRET\"\naction = \"hold\"\n";

constexpr char kUsBanner[] =
    "From: alice@mod.gov.uk\r\nTo: dave@example.com\r\n"
    "Subject: SECRET//NOFORN: the plan\r\n\r\nSECRET//NOFORN\r\n\r\nthe plan\r\n";

Envelope To(std::string_view rcpt) {
  Envelope e;
  e.sender = "alice@mod.gov.uk";
  e.recipients.push_back({rcpt, RecipientField::kTo});
  return e;
}

void ExpectNoUsFindings(const content::Sensitivity& s) {
  for (const content::Finding& f : s.findings) {
    EXPECT_NE(f.pack, "us-classified") << f.marking << " in " << f.where;
  }
}

TEST(MessageCheckTest, RawMessageFindingsOfPacksTurnedOffAreDroppedBeforeTheDecision) {
  auto e = Build(kUkAndLabels);
  ASSERT_TRUE(e);
  MessageCheck c = e->CheckMessage(To("dave@example.com"), MessageContent::Raw(kUsBanner, "m"));
  ExpectNoUsFindings(c.facts.sensitivity);
  ExpectNoUsFindings(c.message.sensitivity);
  EXPECT_LT(c.facts.sensitivity.level, Level::kSecret);
  EXPECT_EQ(c.decision.level, c.facts.sensitivity.level);
  EXPECT_EQ(c.decision.action, Action::kAccept);
  EXPECT_EQ(c.message.sensitivity.level, c.facts.sensitivity.level);
}

TEST(MessageCheckTest, ReadMessageIsFilteredInPlace) {
  auto e = Build(kUkAndLabels);
  ASSERT_TRUE(e);
  // What a MessageReader over the engine's scanner yields: every built-in
  // pack is compiled in, so the US banner is found.
  Result<content::Scratch> scratch = content::Scratch::Create(e->scanner());
  ASSERT_TRUE(scratch.ok());
  content::ScannedMessage read =
      content::ScanMessage(kUsBanner, "m", e->scanner(), *scratch, e->policy().limits);
  ASSERT_EQ(read.sensitivity.level, Level::kSecret) << "the scanner carries every pack";
  MessageCheck c = e->CheckMessage(To("dave@example.com"), MessageContent::Read(&read));
  ExpectNoUsFindings(read.sensitivity);
  EXPECT_EQ(read.sensitivity.level, c.facts.sensitivity.level);
  EXPECT_EQ(c.decision.level, read.sensitivity.level);
  EXPECT_EQ(c.decision.action, Action::kAccept);
}

TEST(MessageCheckTest, PartsAreScannedAndFilteredAlike) {
  auto e = Build(kUkAndLabels);
  ASSERT_TRUE(e);
  MessageParts parts;
  parts.subject = "SECRET//NOFORN: the plan";
  MessageCheck us = e->CheckMessage(To("dave@example.com"), MessageContent::Parts(parts));
  ExpectNoUsFindings(us.facts.sensitivity);
  EXPECT_EQ(us.decision.action, Action::kAccept);

  parts.subject = "SECRET: the plan";
  MessageCheck uk = e->CheckMessage(To("dave@example.com"), MessageContent::Parts(parts));
  EXPECT_EQ(uk.facts.sensitivity.level, Level::kSecret);
  EXPECT_EQ(uk.decision.action, Action::kHold);
  EXPECT_EQ(uk.decision.rule.name, "secret-external");
}

// Round 56b's tester 13, finding 4: the API's parts read a bare tier in
// the subject over a body that keeps a surprise as the MIME walker does;
// a marked body still agrees with it.
TEST(MessageCheckTest, PartsSubjectTierReadsTheBodysSurprise) {
  auto e = Build(kUkAndLabels);
  ASSERT_TRUE(e);
  MessageParts parts;
  parts.subject = "TOP SECRET: Jo's leaving do";
  parts.body = "Crown, Friday 7pm. Shh, don't tell Jo, it's a surprise!";
  MessageCheck party = e->CheckMessage(To("dave@example.com"), MessageContent::Parts(parts));
  EXPECT_EQ(party.facts.sensitivity.level, Level::kNone);
  EXPECT_EQ(party.decision.action, Action::kAccept);

  parts.body = "UK SECRET\n\nThe convoy leaves at 0600. Don't tell the press.\n\nUK SECRET";
  MessageCheck marked = e->CheckMessage(To("dave@example.com"), MessageContent::Parts(parts));
  EXPECT_EQ(marked.facts.sensitivity.level, Level::kTopSecret);
  EXPECT_EQ(marked.decision.action, Action::kHold);
}

// A Thread-Topic read as a subject follows the same rule (round 56b's
// tester 13, finding 7, as finding 4): its bare tier over a body that keeps
// a surprise is weak; a national form keeps counting.
TEST(MessageCheckTest, PartsThreadTopicTierReadsTheBodysSurprise) {
  auto e = Build(kUkAndLabels);
  ASSERT_TRUE(e);
  MessageParts parts;
  parts.subject = "Friday";
  parts.headers = {{"Thread-Topic", "TOP SECRET: Jo's leaving do"}};
  parts.body = "Crown, Friday 7pm. Shh, don't tell Jo, it's a surprise!";
  MessageCheck party = e->CheckMessage(To("dave@example.com"), MessageContent::Parts(parts));
  EXPECT_EQ(party.facts.sensitivity.level, Level::kNone);
  EXPECT_EQ(party.decision.action, Action::kAccept);

  parts.headers = {{"Thread-Topic", "UK SECRET: Jo's leaving do"}};
  MessageCheck national = e->CheckMessage(To("dave@example.com"), MessageContent::Parts(parts));
  EXPECT_EQ(national.facts.sensitivity.level, Level::kSecret);
}

TEST(MessageCheckTest, BodyPastTheTextLimitIsALowerBound) {
  auto e = Build("[limits]\nmax_text_bytes = 16\n");
  ASSERT_TRUE(e);
  MessageParts parts;
  std::string body(64, 'x');
  parts.body = body;
  MessageCheck c = e->CheckMessage(To("dave@example.com"), MessageContent::Parts(parts));
  EXPECT_FALSE(c.facts.sensitivity.complete);
  EXPECT_GE(c.decision.level, e->policy().incomplete_level);
}

TEST(MessageCheckTest, TruncatedRawMessageAddsTheLimitFinding) {
  auto e = Build("");
  ASSERT_TRUE(e);
  std::string_view bytes(kUsBanner);
  MessageCheck c = e->CheckMessage(To("dave@example.com"),
                                   MessageContent::Raw(bytes.substr(0, 40), "q1", bytes.size()));
  EXPECT_FALSE(c.facts.sensitivity.complete);
  ASSERT_FALSE(c.facts.sensitivity.findings.empty());
  const content::Finding& limit = c.facts.sensitivity.findings.back();
  EXPECT_EQ(limit.marking, "max-message-bytes");
  EXPECT_EQ(limit.pack, "limit");
  EXPECT_EQ(limit.text, "message larger than 40 bytes");
  EXPECT_EQ(c.message.source, "q1");
  EXPECT_GE(c.decision.level, e->policy().incomplete_level);
}

TEST(MessageCheckTest, RecipientsFromTheEnvelope) {
  auto e = Build("[domains]\norganisation = [\"mod.gov.uk\"]\n");
  ASSERT_TRUE(e);
  RecipientCheck judged = e->CheckRecipient("bob@army.ml");
  judged.suggestion = "kept as given";  // proves it is not checked again
  Envelope env;
  env.sender = "Alice <alice@mod.gov.uk>";
  env.path = MailPath::kSmtp;
  env.recipients.push_back({"bob@army.ml", RecipientField::kEnvelope, false, &judged});
  env.recipients.push_back({"Carol <carol@mod.gov.uk>, team: dave@example.com;",
                            RecipientField::kCc, true});
  env.recipients.push_back({"erin@army.ml:;", RecipientField::kBcc, true});
  env.recipients.push_back({"undisclosed-recipients:;", RecipientField::kTo, true});
  MessageCheck c = e->CheckMessage(env, MessageContent::Raw("Subject: hi\r\n\r\nhi\r\n", "m"));
  EXPECT_EQ(c.facts.sender, "alice@mod.gov.uk");
  EXPECT_EQ(c.facts.path, MailPath::kSmtp);
  ASSERT_EQ(c.facts.recipients.size(), 4u);
  EXPECT_EQ(c.facts.recipients[0].check.suggestion, "kept as given");
  EXPECT_EQ(c.facts.recipients[1].check.address, "carol@mod.gov.uk");
  EXPECT_EQ(c.facts.recipients[1].field, RecipientField::kCc);
  EXPECT_EQ(c.facts.recipients[2].check.address, "dave@example.com");
  EXPECT_EQ(c.facts.recipients[3].check.verdict, Verdict::kInvalid);
  EXPECT_EQ(c.facts.recipients[3].field, RecipientField::kBcc);
  ASSERT_EQ(c.decision.recipients.size(), 4u);

  // A second check into the same MessageCheck leaves nothing of the first.
  e->CheckMessage(To("dave@example.com"), MessageContent::Raw("\r\nhi\r\n", "n"), &c);
  ASSERT_EQ(c.facts.recipients.size(), 1u);
  EXPECT_EQ(c.decision.recipients.size(), 1u);
}

}  // namespace
}  // namespace nearmiss
