// Engine::Decide's rules: the default policy's, rule order (first match, a
// stricter rule after a warn or confirm), every action, the recipient
// conditions (class, reason, sender groups, counts, routed domains),
// template fields, the mail paths and the default action.
#include <gtest/gtest.h>

#include "engine/decide_testing.h"
#include "engine/engine_testing.h"
#include "nearmiss/engine.h"

namespace nearmiss {
namespace {

using content::Level;

TEST(DecideTest, DefaultPolicyRules) {
  Result<Policy> p = DefaultPolicy();
  ASSERT_TRUE(p.ok());
  auto e = *Engine::Compile(*p);
  Decision d = e->Decide(Facts(*e, {"bob@army.ml"}));
  EXPECT_EQ(d.action, Action::kReject);
  EXPECT_EQ(d.rule.name, "lookalike");
  EXPECT_EQ(d.rule.index, 1);
  EXPECT_EQ(d.smtp_code, "550 5.7.1");
  EXPECT_NE(d.message.find("did you mean bob@army.mil?"), std::string::npos) << d.message;
  EXPECT_EQ(d.rule.id.rfind("rule 1 'lookalike' (<embedded default policy>:", 0), 0u) << d.rule.id;

  EXPECT_EQ(e->Decide(Facts(*e, {"c@example.com"}, Level::kSecret)).action, Action::kHold);
  EXPECT_EQ(e->Decide(Facts(*e, {"c@example.com"}, Level::kTopSecret)).action, Action::kHold);
  EXPECT_EQ(e->Decide(Facts(*e, {"c@example.com"}, Level::kOfficialSensitive)).action,
            Action::kTag);
  EXPECT_EQ(e->Decide(Facts(*e, {"c@example.com"}, Level::kOfficial)).action, Action::kAccept);
  EXPECT_EQ(e->Decide(Facts(*e, {"d@army.mil"}, Level::kTopSecret)).action, Action::kAccept);
  // A known provider is trusted (not a misdirection) but outside: a SECRET
  // message to it is held, an OFFICIAL-SENSITIVE one tagged.
  Decision webmail = e->Decide(Facts(*e, {"bob@gmail.com"}, Level::kTopSecret));
  EXPECT_EQ(webmail.action, Action::kHold);
  EXPECT_EQ(webmail.rule.name, "secret-outside-trusted");
  EXPECT_EQ(e->Decide(Facts(*e, {"bob@outlook.com"}, Level::kOfficialSensitive)).action,
            Action::kTag);
  EXPECT_EQ(e->Decide(Facts(*e, {"bob@yahoo.co.uk"}, Level::kOfficial)).action, Action::kAccept);
  Decision none = e->Decide(Facts(*e, {"c@example.com"}));
  EXPECT_EQ(none.action, Action::kAccept);
  EXPECT_EQ(none.rule.name, "default");
}

TEST(DecideTest, BlockedIsRejected) {
  auto e = Build("[domains]\nblock = [\".ml\"]\n");  // default rules kept
  Decision d = e->Decide(Facts(*e, {"x@evil.ml"}));
  EXPECT_EQ(d.action, Action::kReject);
  EXPECT_EQ(d.rule.name, "blocked");
}

TEST(DecideTest, FirstMatchWins) {
  auto e = Build(
      "[[rule]]\nname = \"a\"\nrecipient = [\"external\"]\naction = \"tag\"\n"
      "[[rule]]\nname = \"b\"\nsensitivity_at_least = \"SECRET\"\naction = \"hold\"\n");
  Decision d = e->Decide(Facts(*e, {"c@example.com"}, Level::kSecret));
  EXPECT_EQ(d.action, Action::kTag);
  EXPECT_EQ(d.rule.name, "a");
  auto swapped = Build(
      "[[rule]]\nname = \"b\"\nsensitivity_at_least = \"SECRET\"\naction = \"hold\"\n"
      "[[rule]]\nname = \"a\"\nrecipient = [\"external\"]\naction = \"tag\"\n");
  EXPECT_EQ(swapped->Decide(Facts(*swapped, {"c@example.com"}, Level::kSecret)).rule.name, "b");
}

// Issue 14 (fail-open): a warn or confirm is the sender's to answer, so the
// stricter rule that would decide without it wins: a SECRET message is held
// even when a warn matched first. A milder one after it does not.
TEST(DecideTest, AStricterRuleAfterAWarnOrConfirmWins) {
  for (const char* first : {"warn", "confirm"}) {
    auto e = Build(std::string("[[rule]]\nname = \"a\"\nrecipient = [\"external\"]\naction = \"") +
                   first +
                   "\"\n"
                   "[[rule]]\nname = \"b\"\nsensitivity_at_least = \"SECRET\"\naction = \"hold\"\n"
                   "[[rule]]\nname = \"c\"\naction = \"tag\"\n");
    Decision secret = e->Decide(Facts(*e, {"c@example.com"}, Level::kSecret));
    EXPECT_EQ(secret.action, Action::kHold) << first;
    EXPECT_EQ(secret.rule.name, "b") << first;
    Decision plain = e->Decide(Facts(*e, {"c@example.com"}));
    EXPECT_EQ(plain.rule.name, "a") << first << ": tag is milder";
  }
}

TEST(DecideTest, EveryActionByName) {
  for (Action a : {Action::kAccept, Action::kTag, Action::kWarn, Action::kHold,
                   Action::kRemoveRecipient, Action::kReject}) {
    auto e = Build("[[rule]]\nname = \"r\"\naction = \"" + std::string(ActionName(a)) + "\"\n");
    Decision d = e->Decide(Facts(*e, {"c@example.com"}));
    EXPECT_EQ(d.action, a) << ActionName(a);
    EXPECT_EQ(ParseAction(ActionName(a)), a);
    EXPECT_EQ(d.recipients[0].smtp_code.empty(), a != Action::kReject);
  }
  EXPECT_FALSE(ParseAction("rejcet").has_value());
}

TEST(DecideTest, RecipientClassAndReasonConditions) {
  auto e = Build(
      "[[rule]]\nname = \"typo\"\nreason = [\"label-typo\"]\naction = \"tag\"\n"
      "[[rule]]\nname = \"look\"\nrecipient = [\"lookalike\"]\naction = \"reject\"\n"
      "[[rule]]\nname = \"bad\"\nrecipient = [\"invalid\"]\naction = \"remove-recipient\"\n");
  EXPECT_EQ(e->Decide(Facts(*e, {"carol@gmial.com"})).rule.name, "typo");
  EXPECT_EQ(e->Decide(Facts(*e, {"bob@army.ml"})).rule.name, "look");  // suffix-edit
  EXPECT_EQ(e->Decide(Facts(*e, {"not an address"})).rule.name, "bad");
  EXPECT_EQ(e->Decide(Facts(*e, {"c@example.com"})).rule.name, "default");
}

TEST(DecideTest, SenderGroups) {
  auto e = Build(
      "[senders.execs]\naddresses = [\"CEO@mod.gov.uk\"]\ndomains = [\"board.mod.gov.uk\"]\n"
      "[[rule]]\nname = \"x\"\nsender_group = [\"execs\"]\naction = \"warn\"\n");
  EXPECT_EQ(e->Decide(Facts(*e, {"c@example.com"}, Level::kNone, "ceo@mod.gov.uk")).action,
            Action::kWarn);
  EXPECT_EQ(e->Decide(Facts(*e, {"c@example.com"}, Level::kNone, "Ann <a@x.board.mod.gov.uk>"))
                .action,
            Action::kWarn);
  EXPECT_EQ(e->Decide(Facts(*e, {"c@example.com"}, Level::kNone, "bob@mod.gov.uk")).action,
            Action::kAccept);
  EXPECT_EQ(e->Decide(Facts(*e, {"c@example.com"}, Level::kNone, "")).action, Action::kAccept);
}

TEST(DecideTest, RecipientAndExternalDomainCounts) {
  auto e = Build(
      "[[rule]]\nname = \"many\"\nrecipients_at_least = 3\naction = \"warn\"\n"
      "[[rule]]\nname = \"spread\"\nexternal_domains_at_least = 2\n"
      "external_domains_at_most = 2\naction = \"hold\"\n");
  // Duplicates count once.
  EXPECT_EQ(e->Decide(Facts(*e, {"a@army.mil", "a@army.mil", "b@army.mil"})).action,
            Action::kAccept);
  EXPECT_EQ(e->Decide(Facts(*e, {"a@army.mil", "b@army.mil", "c@army.mil"})).action,
            Action::kWarn);
  EXPECT_EQ(e->Decide(Facts(*e, {"a@example.com", "b@example.net"})).action, Action::kHold);
  EXPECT_EQ(e->Decide(Facts(*e, {"a@example.com", "b@example.com"})).action, Action::kAccept);
  auto few = Build("[[rule]]\nname = \"one\"\nrecipients_at_most = 1\naction = \"tag\"\n");
  EXPECT_EQ(few->Decide(Facts(*few, {"a@army.mil"})).action, Action::kTag);
  EXPECT_EQ(few->Decide(Facts(*few, {"a@army.mil", "b@army.mil"})).action, Action::kAccept);
}

TEST(DecideTest, TemplateFields) {
  auto e = Build(
      "[[rule]]\nname = \"t\"\nrecipient = [\"lookalike\"]\naction = \"reject\"\n"
      "smtp_code = \"554 5.7.1\"\n"
      "message = \"{{{recipient}}} {suggestion} {target} {level} / {reason}\"\n");
  Decision d = e->Decide(Facts(*e, {"bob@army.ml"}, Level::kSecret));
  EXPECT_EQ(d.message.rfind("{bob@army.ml} bob@army.mil army.mil SECRET / army.ml looks like", 0),
            0u)
      << d.message;
  EXPECT_EQ(d.smtp_code, "554 5.7.1");
}

TEST(DecideTest, MailPaths) {
  auto e = *Engine::Compile(*DefaultPolicy());
  MessageFacts f = Facts(*e, {"bob@army.ml", "d@army.mil"});
  f.path = MailPath::kSmtp;
  Decision smtp = e->Decide(f);
  EXPECT_TRUE(smtp.recipients[0].at_rcpt);
  EXPECT_EQ(smtp.message_action, Action::kAccept);  // bob refused at RCPT, d delivered
  f.path = MailPath::kSendmail;
  Decision sendmail = e->Decide(f);
  EXPECT_FALSE(sendmail.recipients[0].at_rcpt);
  EXPECT_EQ(sendmail.message_action, Action::kReject);
  MessageFacts alone = Facts(*e, {"bob@army.ml"});
  alone.path = MailPath::kSmtp;
  EXPECT_EQ(e->Decide(alone).message_action, Action::kReject);  // nobody left
}

TEST(DecideTest, RemoveRecipientKeepsTheOthers) {
  auto e = Build("[[rule]]\nname = \"r\"\nrecipient = [\"external\"]\n"
                 "action = \"remove-recipient\"\n");
  Decision d = e->Decide(Facts(*e, {"c@example.com", "d@army.mil"}));
  EXPECT_EQ(d.action, Action::kRemoveRecipient);
  EXPECT_EQ(d.message_action, Action::kAccept);
  EXPECT_EQ(d.recipients[1].action, Action::kAccept);
}

TEST(DecideTest, DefaultActionAndItsPlace) {
  auto e = Build("[defaults]\naction = \"warn\"\n[[rule]]\nname = \"t\"\n"
                 "recipient = [\"trusted\"]\naction = \"accept\"\n");
  Decision d = e->Decide(Facts(*e, {"c@example.com"}));
  EXPECT_EQ(d.action, Action::kWarn);
  EXPECT_EQ(d.rule.id, "default action (t.toml:2:10)");
  EXPECT_NE(d.message.find("outside the organisation"), std::string::npos) << d.message;
}

// A domain named inside the address is judged too; the worst class wins.
TEST(DecideTest, RoutedDomainSetsTheClass) {
  Result<Policy> p = DefaultPolicy();
  ASSERT_TRUE(p.ok());
  auto e = *Engine::Compile(*p);
  RecipientCheck c = e->CheckRecipient("bob%army.ml@mail.example.org");
  EXPECT_EQ(c.verdict, Verdict::kLookalike);
  EXPECT_EQ(c.domain, "mail.example.org");
  EXPECT_EQ(c.route_domains, std::vector<std::string>{"army.ml"});
  EXPECT_EQ(c.suggestion, "bob@army.mil");
  ASSERT_GE(c.reasons.size(), 2u);
  EXPECT_EQ(ReasonCodeName(c.reasons[0].code), "suffix-edit");
  EXPECT_EQ(ReasonCodeName(c.reasons[1].code), "routed-address");
  RecipientCheck trusted_hop = e->CheckRecipient("x@army.mil@army.ml");
  EXPECT_EQ(trusted_hop.verdict, Verdict::kLookalike);
  EXPECT_EQ(trusted_hop.domain, "army.ml");
  Policy local = *p;
  local.delivery.mydestination = {"mail.example.org"};
  auto le = *Engine::Compile(local);
  RecipientCheck l = le->CheckRecipient("army.ml!bob@mail.example.org");
  EXPECT_EQ(l.domain, "army.ml");
  EXPECT_EQ(l.verdict, Verdict::kLookalike);
  EXPECT_EQ(l.suggestion, "bob@army.mil");
}

}  // namespace
}  // namespace nearmiss
