// Deciding for recipients that cannot receive the mail, and at RCPT time
// (Engine::DecideRecipient): deferral to the end of message, look-alikes
// that cannot receive mail, namespaces, invalid recipients and TLDs the
// root zone lacks.
#include <gtest/gtest.h>

#include "engine/decide_testing.h"
#include "engine/engine_testing.h"
#include "nearmiss/engine.h"

namespace nearmiss {
namespace {

using content::Level;

TEST(DecideRecipientTest, DecidesAtRcptOrDefers) {
  auto e = *Engine::Compile(*DefaultPolicy());
  RecipientDecision look =
      e->DecideRecipient("a@mod.gov.uk", e->CheckRecipient("bob@army.ml"),
                         RecipientField::kEnvelope, MailPath::kSmtp);
  EXPECT_FALSE(look.deferred);
  EXPECT_EQ(look.action, Action::kReject);
  EXPECT_TRUE(look.at_rcpt);
  EXPECT_EQ(look.smtp_code, "550 5.7.1");
  RecipientDecision on_sendmail =
      e->DecideRecipient("a@mod.gov.uk", e->CheckRecipient("bob@army.ml"),
                         RecipientField::kEnvelope, MailPath::kSendmail);
  EXPECT_EQ(on_sendmail.action, Action::kReject);
  EXPECT_FALSE(on_sendmail.at_rcpt);
  // External: the SECRET rule needs the content.
  RecipientDecision ext = e->DecideRecipient(
      "a@mod.gov.uk", e->CheckRecipient("c@example.com"), RecipientField::kEnvelope,
      MailPath::kSmtp);
  EXPECT_TRUE(ext.deferred);
  EXPECT_EQ(ext.action, Action::kAccept);
  // Trusted: no rule can fire, the default decides now.
  RecipientDecision trusted = e->DecideRecipient(
      "a@mod.gov.uk", e->CheckRecipient("d@army.mil"), RecipientField::kEnvelope,
      MailPath::kSmtp);
  EXPECT_FALSE(trusted.deferred);
  EXPECT_EQ(trusted.rule.name, "default");
}

// Open item 3 after round 3: gmail.zz is a look-alike of gmail.com under a
// TLD that does not exist. Held for confirmation it could only be released
// into a bounce, so the default policy refuses it, with the suggestion, at
// RCPT (the milter) as in check and the API: a fact without DNS.
TEST(DecideRecipientTest, ALookalikeThatCannotReceiveMailIsRefused) {
  auto e = *Engine::Compile(*DefaultPolicy());
  for (std::string_view rcpt : {"bob@gmail.zz", "bob@hotmail.con", "bob@gmail.cm0"}) {
    RecipientCheck check = e->CheckRecipient(rcpt);
    ASSERT_EQ(check.verdict, Verdict::kLookalike) << rcpt;
    RecipientDecision d =
        e->DecideRecipient("a@mod.gov.uk", check, RecipientField::kEnvelope, MailPath::kSmtp);
    EXPECT_EQ(d.action, Action::kReject) << rcpt;
    EXPECT_EQ(d.rule.name, "lookalike-undeliverable") << rcpt;
    EXPECT_FALSE(d.deferred) << rcpt;
    EXPECT_TRUE(d.at_rcpt) << rcpt;
    EXPECT_EQ(d.smtp_code, "550 5.1.2") << rcpt;
    EXPECT_NE(d.message.find("does not exist"), std::string::npos) << d.message;
    EXPECT_NE(d.message.find("did you mean bob@"), std::string::npos) << d.message;
  }
  // A look-alike under a real TLD is still the sender's to confirm, and one
  // of a protected name is refused by the first rule, as before.
  RecipientDecision typo = e->DecideRecipient("a@mod.gov.uk", e->CheckRecipient("bob@gmial.com"),
                                              RecipientField::kEnvelope, MailPath::kSmtp);
  EXPECT_EQ(typo.action, Action::kConfirm);
  EXPECT_EQ(typo.rule.name, "lookalike-confirm");
  RecipientDecision mik = e->DecideRecipient("a@mod.gov.uk", e->CheckRecipient("bob@army.mik"),
                                             RecipientField::kEnvelope, MailPath::kSmtp);
  EXPECT_EQ(mik.rule.name, "lookalike");
  EXPECT_EQ(mik.smtp_code, "550 5.7.1");
}

// Issue 15, round 37, item 1: gmailcom (gmail.com, its dot left out) is no
// mail domain, as gmail.zz is not: it was held for a confirmation whose
// release could only bounce (or go to gmailcom.$mydomain). With DNS off it
// is refused at RCPT, with the suggestion, by the same rule as gmail.zz.
TEST(DecideRecipientTest, ADotlessLookalikeIsRefusedWithoutDns) {
  // The third with a Cyrillic "а" (U+0430).
  auto e = *Engine::Compile(*DefaultPolicy());
  for (std::string_view rcpt : {"bob@gmailcom", "bob@gmail-com", "bob@gmаilcom"}) {
    RecipientCheck check = e->CheckRecipient(rcpt);
    ASSERT_EQ(check.verdict, Verdict::kLookalike) << rcpt;
    EXPECT_EQ(check.suggestion, "bob@gmail.com") << rcpt;
    EXPECT_FALSE(check.dns.has_value()) << rcpt;
    RecipientDecision d =
        e->DecideRecipient("a@mod.gov.uk", check, RecipientField::kEnvelope, MailPath::kSmtp);
    EXPECT_EQ(d.action, Action::kReject) << rcpt;
    EXPECT_EQ(d.rule.name, "lookalike-undeliverable") << rcpt;
    EXPECT_FALSE(d.deferred) << rcpt;
    EXPECT_TRUE(d.at_rcpt) << rcpt;
    EXPECT_EQ(d.smtp_code, "550 5.1.2") << rcpt;
    EXPECT_NE(d.message.find("did you mean bob@gmail.com"), std::string::npos) << d.message;
  }
  // A dotted look-alike under a real TLD is still the sender's to confirm.
  RecipientDecision typo = e->DecideRecipient("a@mod.gov.uk", e->CheckRecipient("bob@gmial.com"),
                                              RecipientField::kEnvelope, MailPath::kSmtp);
  EXPECT_EQ(typo.rule.name, "lookalike-confirm");
}

// Open item 2: police.co.uk is police.uk with .co typed in, and police.uk is
// a namespace, no one's mail domain: no address is suggested, and the
// reply says where to look.
TEST(DecideRecipientTest, ANamespaceAsAWholeHasNoAddressToSuggest) {
  auto e = *Engine::Compile(*DefaultPolicy());
  RecipientCheck police = e->CheckRecipient("bob@police.co.uk");
  ASSERT_EQ(police.verdict, Verdict::kLookalike);
  EXPECT_EQ(police.target, "police.uk");
  EXPECT_EQ(police.suggestion, "");
  RecipientDecision d =
      e->DecideRecipient("a@mod.gov.uk", police, RecipientField::kEnvelope, MailPath::kSmtp);
  EXPECT_EQ(d.action, Action::kReject);
  EXPECT_NE(d.message.find("did you mean an address under .police.uk?"), std::string::npos)
      << d.message;
  RecipientCheck nhs = e->CheckRecipient("bob@nhs.co.uk");
  EXPECT_EQ(nhs.verdict, Verdict::kLookalike);
  EXPECT_EQ(nhs.suggestion, "bob@nhs.net");
}

// Fail closed: a recipient with no delivery domain never falls to the
// default action, even in a policy with no rule for it.
TEST(DecideTest, InvalidRecipientIsRefusedWithoutARule) {
  auto e = Build("[[rule]]\nname = \"lookalike\"\nrecipient = [\"lookalike\"]\n"
                 "action = \"reject\"\n[defaults]\naction = \"accept\"\n");
  ASSERT_TRUE(e);
  RecipientDecision d = e->DecideRecipient("a@mod.gov.uk", e->CheckRecipient("bob@army..ml"),
                                           RecipientField::kEnvelope, MailPath::kSmtp);
  EXPECT_EQ(d.action, Action::kReject);
  EXPECT_TRUE(d.at_rcpt);
  EXPECT_EQ(d.smtp_code, "550 5.1.3");
  EXPECT_EQ(d.rule.name, "on_invalid");
  EXPECT_NE(d.message.find("cannot tell where"), std::string::npos) << d.message;
  // A whole message with such a recipient is refused as well.
  EXPECT_EQ(e->Decide(Facts(*e, {"ok@example.com", "bob@army..ml"})).action, Action::kReject);
}

// A TLD the root zone lacks: nearmiss knows no mail can go there, and the
// 550 says so, not that it cannot tell (issue 15 breaker, round 3, item 11).
TEST(DecideTest, UndelegatedTldIsRefusedAsUnableToReceive) {
  auto e = Build("[defaults]\naction = \"accept\"\n");
  ASSERT_TRUE(e);
  RecipientCheck check = e->CheckRecipient("bob@nosuchplace.zzq");
  ASSERT_EQ(check.verdict, Verdict::kInvalid);
  RecipientDecision d =
      e->DecideRecipient("a@mod.gov.uk", check, RecipientField::kEnvelope, MailPath::kSmtp);
  EXPECT_EQ(d.action, Action::kReject);
  EXPECT_EQ(d.smtp_code, "550 5.1.3");
  EXPECT_NE(d.message.find("the domain cannot receive mail"), std::string::npos) << d.message;
  EXPECT_NE(d.message.find(".zzq does not exist"), std::string::npos) << d.message;
  EXPECT_EQ(d.message.find("cannot tell where"), std::string::npos) << d.message;
}

TEST(DecideTest, OnInvalidChoices) {
  auto tempfail = Build("[defaults]\non_invalid = \"tempfail\"\n");
  ASSERT_TRUE(tempfail);
  RecipientDecision t = tempfail->DecideRecipient(
      "a@mod.gov.uk", tempfail->CheckRecipient("x@[192.0.2.1]"), RecipientField::kEnvelope,
      MailPath::kSmtp);
  EXPECT_EQ(t.action, Action::kReject);
  EXPECT_EQ(t.smtp_code, "450 4.1.3");
  auto hold = Build("[defaults]\non_invalid = \"hold\"\n");
  ASSERT_TRUE(hold);
  EXPECT_EQ(hold->Decide(Facts(*hold, {"bob@"})).action, Action::kHold);
  // A rule for the class decides before on_invalid.
  auto rule = Build("[[rule]]\nname = \"odd\"\nrecipient = [\"invalid\"]\naction = \"warn\"\n");
  ASSERT_TRUE(rule);
  EXPECT_EQ(rule->Decide(Facts(*rule, {"bob@"})).action, Action::kWarn);
  Result<Policy> bad = ParsePolicy("[defaults]\non_invalid = \"ignore\"\n", "t.toml", "");
  EXPECT_FALSE(bad.ok());
}

}  // namespace
}  // namespace nearmiss
