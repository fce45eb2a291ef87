// Confirm and warn once: the default policy's split between look-alikes of
// protected domains (refused, final) and of other trusted domains (confirm),
// and how an acknowledgement settles a warn or confirm in Decide and in
// CheckMessage, never a final rule.
#include <gtest/gtest.h>

#include "engine/engine_testing.h"
#include "nearmiss/engine.h"

namespace nearmiss {
namespace {

MessageFacts Facts(const Engine& e, std::vector<std::string> to, int64_t ack = 0) {
  MessageFacts f;
  f.sender = "alice@mod.gov.uk";
  for (const std::string& a : to) {
    f.recipients.push_back({e.CheckRecipient(a), RecipientField::kTo, ack});
  }
  return f;
}

std::shared_ptr<const Engine> Default() {
  Result<Policy> p = DefaultPolicy();
  EXPECT_TRUE(p.ok());
  return *Engine::Compile(*p);
}

TEST(AcknowledgeTest, DefaultPolicyConfirmsProviderLookalikesAndRefusesProtectedOnes) {
  auto e = Default();
  Decision provider = e->Decide(Facts(*e, {"jon@gmial.com"}));
  EXPECT_EQ(provider.action, Action::kConfirm);
  EXPECT_EQ(provider.rule.name, "lookalike-confirm");
  EXPECT_TRUE(provider.recipients[0].acknowledgeable);
  EXPECT_NE(provider.message.find("did you mean jon@gmail.com?"), std::string::npos)
      << provider.message;
  Decision army = e->Decide(Facts(*e, {"bob@army.ml"}));
  EXPECT_EQ(army.action, Action::kReject);
  EXPECT_EQ(army.rule.name, "lookalike");
  EXPECT_FALSE(army.recipients[0].acknowledgeable);
  // At RCPT time a confirm is settled, never refused there.
  RecipientDecision rcpt = e->DecideRecipient("alice@mod.gov.uk", e->CheckRecipient("jon@gmial.com"),
                                              RecipientField::kEnvelope, MailPath::kSmtp);
  EXPECT_EQ(rcpt.action, Action::kConfirm);
  EXPECT_FALSE(rcpt.at_rcpt);
  EXPECT_FALSE(rcpt.deferred);
}

TEST(AcknowledgeTest, AnAcknowledgementSettlesConfirmButNotAFinalRule) {
  auto e = Default();
  Decision d = e->Decide(Facts(*e, {"jon@gmial.com"}, 7));
  EXPECT_EQ(d.action, Action::kAccept);
  EXPECT_EQ(d.message_action, Action::kAccept);
  EXPECT_EQ(d.recipients[0].acknowledged_by, 7);
  EXPECT_EQ(d.recipients[0].rule_action, Action::kConfirm);
  EXPECT_EQ(d.recipients[0].settled_rule.name, "lookalike-confirm");
  EXPECT_EQ(d.recipients[0].rule.name, "default");  // the rules after it, as if it had not matched
  Decision army = e->Decide(Facts(*e, {"bob@army.ml"}, 7));
  EXPECT_EQ(army.action, Action::kReject);
  EXPECT_EQ(army.recipients[0].acknowledged_by, 0);
}

TEST(AcknowledgeTest, RulesSayWhatMayBeAcknowledged) {
  const std::string rules = R"(
[domains]
block = ["blocked.example"]
[[rule]]
name = "blocked-warn"
recipient = ["blocked"]
action = "warn"
[[rule]]
name = "provider-hold"
recipient = ["lookalike"]
target = ["provider"]
action = "hold"
)";
  auto e = Build(rules + R"(
[[rule]]
name = "protected-warn"
recipient = ["lookalike"]
target = ["protected"]
action = "warn"
[[rule]]
name = "external-warn"
recipient = ["external"]
action = "warn"
)");
  auto settled = [](const Engine& engine, const std::string& to) {
    return engine.Decide(Facts(engine, {to}, 3)).recipients[0];
  };
  EXPECT_EQ(settled(*e, "x@example.com").action, Action::kAccept);  // a plain warn
  EXPECT_EQ(settled(*e, "x@example.com").acknowledged_by, 3);
  EXPECT_EQ(settled(*e, "x@blocked.example").rule.name, "blocked-warn");
  EXPECT_EQ(settled(*e, "x@blocked.example").action, Action::kWarn);  // blocked: final
  EXPECT_EQ(settled(*e, "bob@army.ml").rule.name, "protected-warn");
  EXPECT_EQ(settled(*e, "bob@army.ml").action, Action::kWarn);  // protected look-alike
  EXPECT_EQ(settled(*e, "jon@gmial.com").rule.name, "provider-hold");
  EXPECT_EQ(settled(*e, "jon@gmial.com").action, Action::kHold);  // hold is an admin's

  // The rule's own word wins over both defaults.
  auto f = Build(rules + R"(
[[rule]]
name = "protected-warn"
recipient = ["lookalike"]
target = ["protected"]
action = "warn"
acknowledge = true
[[rule]]
name = "external-warn"
recipient = ["external"]
action = "warn"
acknowledge = false
)");
  EXPECT_EQ(settled(*f, "bob@army.ml").action, Action::kAccept);
  EXPECT_EQ(settled(*f, "x@example.com").action, Action::kWarn);
  EXPECT_FALSE(settled(*f, "x@example.com").acknowledgeable);
}

// `target` matches a look-alike of that source, or a recipient trusted as
// that source (gmail.com, a provider), never another class.
TEST(AcknowledgeTest, TargetConditionNeedsALookalikeOrTrustOfThatSource) {
  auto e = Build(R"(
[[rule]]
name = "provider"
target = ["provider"]
action = "warn"
)");
  EXPECT_EQ(e->Decide(Facts(*e, {"jon@gmial.com"})).recipients[0].rule.name, "provider");
  EXPECT_EQ(e->Decide(Facts(*e, {"bob@army.ml"})).recipients[0].rule.name, "default");
  EXPECT_EQ(e->Decide(Facts(*e, {"jon@gmail.com"})).recipients[0].rule.name, "provider");
  EXPECT_EQ(e->Decide(Facts(*e, {"x@example.com"})).recipients[0].rule.name, "default");
  Result<Policy> bad = ParsePolicy("[[rule]]\nname = \"x\"\ntarget = [\"providers\"]\naction = \"warn\"\n",
                                   "p.toml", ".");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message().find("did you mean 'provider'?"), std::string::npos)
      << bad.error().message();
}

class FakeAcks final : public AcknowledgementSource {
 public:
  Result<std::vector<Acknowledgement>> Live(std::string_view sender,
                                            int64_t now) const override {
    ++calls;
    if (fail) return Status::IoError("store down");
    Acknowledgement a;
    a.id = 11;
    a.sender = std::string(sender);
    a.recipient = "jon@gmial.com";
    a.domain = "gmial.com";
    a.reasons = "label-typo";
    a.suggestion = "jon@gmail.com";
    a.created_at = now - 10;
    a.expires_at = expires;
    return std::vector<Acknowledgement>{a};
  }
  bool fail = false;
  int64_t expires = 2000;
  mutable int calls = 0;
};

TEST(AcknowledgeTest, CheckMessageAppliesTheSendersLiveAcknowledgements) {
  auto e = Default();
  FakeAcks acks;
  MessageParts parts;
  Envelope env;
  env.sender = "Alice <alice@mod.gov.uk>";
  env.recipients = {{"jon@gmial.com", RecipientField::kTo}, {"bob@gmial.com", RecipientField::kCc}};
  env.acknowledgements = &acks;
  env.now = 1000;
  MessageCheck c = e->CheckMessage(env, MessageContent::Parts(parts));
  EXPECT_EQ(c.decision.recipients[0].action, Action::kAccept);
  EXPECT_EQ(c.decision.recipients[0].acknowledged_by, 11);
  EXPECT_EQ(c.decision.recipients[1].action, Action::kConfirm);  // another address
  EXPECT_EQ(c.decision.action, Action::kConfirm);

  env.now = 2000;  // expired
  EXPECT_EQ(e->CheckMessage(env, MessageContent::Parts(parts)).decision.recipients[0].action,
            Action::kConfirm);

  // A store that cannot be read applies nothing, and says so.
  acks.fail = true;
  env.now = 1000;
  MessageCheck failed = e->CheckMessage(env, MessageContent::Parts(parts));
  EXPECT_EQ(failed.decision.recipients[0].action, Action::kConfirm);
  ASSERT_EQ(failed.message.errors.size(), 1u);
  EXPECT_NE(failed.message.errors[0].find("store down"), std::string::npos);

  // Found by the issue-14 tester: the store keeps jon@gmial.com folded, the
  // check wrote JON@... as typed, and the sender was asked again. Local
  // part and domain compare without case, as the history folds them.
  acks.fail = false;
  env.recipients = {{"JON@Gmial.COM", RecipientField::kTo}};
  MessageCheck folded = e->CheckMessage(env, MessageContent::Parts(parts));
  EXPECT_EQ(folded.decision.recipients[0].action, Action::kAccept);
  EXPECT_EQ(folded.decision.recipients[0].acknowledged_by, 11);

  // Only trusted recipients: no lookup at all.
  acks.calls = 0;
  env.recipients = {{"carol@army.mil", RecipientField::kTo}};
  e->CheckMessage(env, MessageContent::Parts(parts));
  EXPECT_EQ(acks.calls, 0);
}

}  // namespace
}  // namespace nearmiss
