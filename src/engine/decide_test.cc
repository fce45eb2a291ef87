// Engine::Decide and DecideRecipient: every condition, every action, every
// template field, rule order, RCPT-time deferral and the mail paths.
#include <gtest/gtest.h>

#include "engine/engine_testing.h"
#include "nearmiss/engine.h"

namespace nearmiss {
namespace {

using content::Level;

content::Sensitivity Marked(Level level, std::string pack = "uk") {
  content::Sensitivity s;
  s.Add({std::string(content::LevelName(level)), pack, level, "subject", 0,
         std::string(content::LevelName(level)), content::Strength::kStrong});
  return s;
}

MessageFacts Facts(const Engine& e, std::vector<std::string> to, Level level = Level::kNone,
                   std::string sender = "alice@mod.gov.uk") {
  MessageFacts f;
  f.sender = std::move(sender);
  for (const std::string& a : to) f.recipients.push_back({e.CheckRecipient(a), RecipientField::kTo});
  if (level != Level::kNone) f.sensitivity = Marked(level);
  return f;
}

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

TEST(DecideTest, SensitivityAtMost) {
  auto e = Build(
      "[[rule]]\nname = \"low\"\nsensitivity_at_most = \"OFFICIAL\"\naction = \"tag\"\n");
  EXPECT_EQ(e->Decide(Facts(*e, {"c@example.com"})).action, Action::kTag);
  EXPECT_EQ(e->Decide(Facts(*e, {"c@example.com"}, Level::kOfficial)).action, Action::kTag);
  EXPECT_EQ(e->Decide(Facts(*e, {"c@example.com"}, Level::kSecret)).action, Action::kAccept);
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

TEST(DecideTest, ReasonsIncludeSensitivity) {
  auto e = *Engine::Compile(*DefaultPolicy());
  MessageFacts f = Facts(*e, {"c@example.com", "bob@army.ml"}, Level::kSecret);
  f.path = MailPath::kSmtp;
  Decision d = e->Decide(f);
  EXPECT_EQ(d.action, Action::kReject);
  EXPECT_EQ(d.message_action, Action::kHold);  // bob was refused at RCPT
  ASSERT_EQ(d.reasons.size(), 2u);
  EXPECT_EQ(ReasonCodeName(d.reasons[0].code), "sensitivity");
  EXPECT_EQ(ReasonCodeName(d.reasons[1].code), "suffix-edit");
  EXPECT_EQ(d.level, Level::kSecret);
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

TEST(DecideTest, DisabledPacksAreIgnoredAndCustomPatternsCount) {
  auto e = Build(
      "[sensitivity]\npacks = [\"uk\"]\n"
      "[[sensitivity.pattern]]\nname = \"kestrel\"\nkeywords = [\"kestrel\"]\n"
      "level = \"SECRET\"\n"
      "[[rule]]\nname = \"s\"\nsensitivity_at_least = \"SECRET\"\naction = \"hold\"\n");
  MessageFacts f = Facts(*e, {"c@example.com"});
  f.sensitivity = Marked(Level::kTopSecret, "us-classified");
  EXPECT_EQ(e->Decide(f).action, Action::kAccept);
  f.sensitivity = Marked(Level::kSecret, "uk");
  EXPECT_EQ(e->Decide(f).action, Action::kHold);

  Result<content::Scratch> scratch = content::Scratch::Create(e->scanner());
  ASSERT_TRUE(scratch.ok());
  content::Sensitivity s;
  ASSERT_TRUE(e->scanner().Scan(content::TextKind::kBody, "body",
                                "Notes on Kestrel for Tuesday.", *scratch, &s).ok());
  EXPECT_EQ(s.level, Level::kSecret);
}

TEST(DecideTest, DefaultActionAndItsPlace) {
  auto e = Build("[defaults]\naction = \"warn\"\n[[rule]]\nname = \"t\"\n"
                 "recipient = [\"trusted\"]\naction = \"accept\"\n");
  Decision d = e->Decide(Facts(*e, {"c@example.com"}));
  EXPECT_EQ(d.action, Action::kWarn);
  EXPECT_EQ(d.rule.id, "default action (t.toml:2:10)");
  EXPECT_NE(d.message.find("outside the organisation"), std::string::npos) << d.message;
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

// Issue 11: a scan stopped by a bound kept the level found so far, so a
// zip bomb or 33 levels of nesting went to an external recipient as `none`.
content::Sensitivity Incomplete(Level found = Level::kNone) {
  content::Sensitivity s = found == Level::kNone ? content::Sensitivity() : Marked(found);
  s.Add({"max-parts", "limit", Level::kNone, "limit", 0, "more than 1000 MIME parts",
         content::Strength::kStrong});
  s.complete = false;
  return s;
}

TEST(DecideTest, IncompleteScanCountsAsIncompleteLevel) {
  Result<Policy> p = DefaultPolicy();
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->incomplete_level, Level::kSecret);
  auto e = *Engine::Compile(*p);
  MessageFacts f = Facts(*e, {"c@example.com"});
  f.sensitivity = Incomplete();
  Decision d = e->Decide(f);
  EXPECT_EQ(d.level, Level::kSecret);
  EXPECT_EQ(d.action, Action::kHold) << "held for an external recipient";
  EXPECT_EQ(d.rule.name, "secret-external");
  ASSERT_FALSE(d.reasons.empty());
  EXPECT_EQ(d.reasons.back().code, ReasonCode::kSensitivity);
  EXPECT_NE(ReasonMessage(d.reasons.back()).find("could not be read to the end (max-parts)"),
            std::string::npos) << ReasonMessage(d.reasons.back());
  // Issue 13: the sender is told why, not of a marking nobody saw.
  ASSERT_EQ(d.recipients.size(), 1u);
  EXPECT_EQ(d.recipients[0].message,
            "held for review: the message could not be read to the end, so it counts as "
            "SECRET and c@example.com is outside the organisation");
  // Trusted recipients are not held: ordinary mail inside goes on.
  MessageFacts inside = Facts(*e, {"d@army.mil"});
  inside.sensitivity = Incomplete();
  EXPECT_EQ(e->Decide(inside).action, Action::kAccept);
  // A higher level found before the bound is kept.
  f.sensitivity = Incomplete(Level::kTopSecret);
  EXPECT_EQ(e->Decide(f).level, Level::kTopSecret);
  EXPECT_NE(ReasonMessage(e->Decide(f).reasons.back()).find("marked TOP SECRET"), std::string::npos);
  EXPECT_EQ(e->Decide(f).recipients[0].message,
            "held for review: the message is marked TOP SECRET and c@example.com is outside the "
            "organisation");
}

TEST(DecideTest, IncompleteLevelNoneKeepsTheLevelFound) {
  auto e = Build("[limits]\nincomplete_level = \"none\"\n");
  MessageFacts f = Facts(*e, {"c@example.com"});
  f.sensitivity = Incomplete();
  EXPECT_EQ(e->Decide(f).action, Action::kAccept);
  auto tag = Build("[limits]\nincomplete_level = \"OFFICIAL-SENSITIVE\"\n");
  f = Facts(*tag, {"c@example.com"});
  f.sensitivity = Incomplete();
  EXPECT_EQ(tag->Decide(f).action, Action::kTag);
}

}  // namespace
}  // namespace nearmiss

namespace nearmiss {
namespace {

// Issue 13: a label nothing places, and an encrypted attachment, are held for
// outsiders by the default policy's own rules, with reasons that name them;
// trusted recipients get them as before.
TEST(DecideTest, UnknownLabelAndEncryptedAttachmentHeldForOutsiders) {
  Result<Policy> p = DefaultPolicy();
  ASSERT_TRUE(p.ok());
  auto e = *Engine::Compile(*p);
  MessageFacts label = Facts(*e, {"c@example.com"});
  label.sensitivity.Add({"unknown-label", "labels", Level::kUnknownLabel, "header:msip_labels",
                         0, "Team_Falcon_0", content::Strength::kStrong});
  Decision d = e->Decide(label);
  EXPECT_EQ(d.level, Level::kUnknownLabel);
  EXPECT_EQ(d.action, Action::kHold);
  EXPECT_EQ(d.rule.name, "unknown-label-external");
  EXPECT_NE(d.message.find("the label 'Team_Falcon_0' (header:msip_labels) is not in the label "
                           "table"),
            std::string::npos)
      << d.message;
  MessageFacts encrypted = Facts(*e, {"c@example.com"}, Level::kOfficialSensitive);
  encrypted.sensitivity.Add({"encrypted-attachment", "archive", Level::kNone,
                             "attachment:locked.zip/plan.docx", 0, "encrypted",
                             content::Strength::kStrong});
  d = e->Decide(encrypted);
  EXPECT_EQ(d.action, Action::kHold) << "not merely tagged at OFFICIAL-SENSITIVE";
  EXPECT_EQ(d.rule.name, "encrypted-attachment-external");
  EXPECT_NE(d.message.find("attachment:locked.zip/plan.docx is encrypted"), std::string::npos)
      << d.message;
  encrypted.recipients = {{e->CheckRecipient("d@army.mil"), RecipientField::kTo}};
  EXPECT_EQ(e->Decide(encrypted).action, Action::kAccept);
  // Not known at RCPT time: a finding rule defers, never decides early.
  EXPECT_TRUE(e->DecideRecipient("alice@mod.gov.uk", e->CheckRecipient("c@example.com"),
                                 RecipientField::kTo, MailPath::kSmtp)
                  .deferred);
}

// unknown-label orders above TOP SECRET: "at most" ranges exclude it.
TEST(DecideTest, UnknownLabelIsAboveTopSecret) {
  auto e = Build(R"([[rule]]
name = "low"
sensitivity_at_most = "TOP SECRET"
action = "accept"

[[rule]]
name = "rest"
action = "hold"
)");
  ASSERT_NE(e, nullptr);
  MessageFacts f = Facts(*e, {"c@example.com"}, Level::kUnknownLabel);
  EXPECT_EQ(e->Decide(f).rule.name, "rest");
}

}  // namespace
}  // namespace nearmiss
