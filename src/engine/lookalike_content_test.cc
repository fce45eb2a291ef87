// Issue 14, round 34, item 1: a look-alike is outside the organisation, so
// the rules about a message's content for outside recipients apply to it.
// They matched only `external` (and trusted providers), so a look-alike the
// sender had acknowledged fell through to the default accept (SECRET went to
// erin@hotmial.com) and an unacknowledged one stayed the sender's own
// confirm (her release link sent a SECRET message to dave@gmial.com).
#include <gtest/gtest.h>

#include "engine/decide_testing.h"
#include "engine/engine_testing.h"
#include "nearmiss/engine.h"

namespace nearmiss {
namespace {

using content::Level;

std::shared_ptr<const Engine> Default() {
  Result<Policy> p = DefaultPolicy();
  EXPECT_TRUE(p.ok());
  return *Engine::Compile(*p);
}

MessageFacts To(const Engine& e, const std::string& rcpt, content::Sensitivity s,
                int64_t ack = 0) {
  MessageFacts f;
  f.sender = "alice@example.gov.uk";
  f.recipients.push_back({e.CheckRecipient(rcpt), RecipientField::kTo, ack});
  f.sensitivity = std::move(s);
  return f;
}

content::Sensitivity Encrypted() {
  content::Sensitivity s;
  s.Add({"encrypted-attachment", "archive", Level::kNone, "attachment:plan.gpg", 0, "encrypted",
         content::Strength::kStrong});
  return s;
}

content::Sensitivity UnknownLabel() {
  content::Sensitivity s;
  s.Add({"unknown-label", "labels", Level::kUnknownLabel, "header:msip_labels", 0,
         "Team_Falcon_0", content::Strength::kStrong});
  return s;
}

// Look-alikes of providers, which the default policy confirms rather than
// refuses: each slip family once.
const char* const kLookalikes[] = {"erin@hotmial.com", "dave@gmial.com", "kim@yahooo.com",
                                   "sam@outlok.com"};

TEST(LookalikeContentTest, AcknowledgedLookalikeStillHeldForSecret) {
  auto e = Default();
  for (const char* rcpt : kLookalikes) {
    ASSERT_EQ(e->CheckRecipient(rcpt).verdict, Verdict::kLookalike) << rcpt;
    for (Level level : {Level::kSecret, Level::kTopSecret}) {
      Decision d = e->Decide(To(*e, rcpt, Marked(level), 7));
      EXPECT_EQ(d.action, Action::kHold) << rcpt << " " << content::LevelName(level);
      EXPECT_EQ(d.rule.name, "secret-external") << rcpt;
      // The look-alike's confirm was settled, and the record says so.
      EXPECT_EQ(d.recipients[0].acknowledged_by, 7) << rcpt;
      EXPECT_EQ(d.recipients[0].settled_rule.name, "lookalike-confirm") << rcpt;
    }
    EXPECT_EQ(e->Decide(To(*e, rcpt, Encrypted(), 7)).rule.name,
              "encrypted-attachment-external")
        << rcpt;
    EXPECT_EQ(e->Decide(To(*e, rcpt, UnknownLabel(), 7)).rule.name, "unknown-label-external")
        << rcpt;
    // Below the hold, the acknowledged look-alike is tagged as any outsider.
    EXPECT_EQ(e->Decide(To(*e, rcpt, Marked(Level::kOfficialSensitive), 7)).action, Action::kTag)
        << rcpt;
    EXPECT_EQ(e->Decide(To(*e, rcpt, content::Sensitivity(), 7)).action, Action::kAccept) << rcpt;
  }
}

// Unacknowledged, the content hold outranks the look-alike's confirm: a
// SECRET message never goes back to the sender's own release link.
TEST(LookalikeContentTest, UnacknowledgedLookalikeSecretIsHeldNotConfirmed) {
  auto e = Default();
  for (const char* rcpt : kLookalikes) {
    Decision d = e->Decide(To(*e, rcpt, Marked(Level::kSecret)));
    EXPECT_EQ(d.action, Action::kHold) << rcpt;
    EXPECT_EQ(d.rule.name, "secret-external") << rcpt;
    EXPECT_FALSE(d.recipients[0].acknowledgeable) << rcpt;
    EXPECT_EQ(e->Decide(To(*e, rcpt, Encrypted())).action, Action::kHold) << rcpt;
    // Tag is less than confirm: the sender is still asked.
    EXPECT_EQ(e->Decide(To(*e, rcpt, Marked(Level::kOfficialSensitive))).action,
              Action::kConfirm)
        << rcpt;
  }
}

// At RCPT (no content yet) the look-alike's own rule decides at once: the
// content rules wait for the end of the message, where Decide judges
// again, and never hold back a refusal at RCPT (gmail.zz, army.ml).
TEST(LookalikeContentTest, AtRcptTheLookalikesOwnRuleStillDecides) {
  auto e = Default();
  for (const char* rcpt : {"bob@gmail.zz", "bob@army.ml", "dave@gmial.com"}) {
    RecipientDecision d = e->DecideRecipient("alice@example.gov.uk", e->CheckRecipient(rcpt),
                                             RecipientField::kEnvelope, MailPath::kSmtp);
    EXPECT_FALSE(d.deferred) << rcpt;
    EXPECT_NE(d.action, Action::kAccept) << rcpt;
  }
}

// The kind, not the default policy's wording: any rule about the message
// written for `external` recipients covers look-alikes too.
TEST(LookalikeContentTest, CustomExternalRulesAboutTheMessageCoverLookalikes) {
  auto e = Build(R"(
[[rule]]
name = "slip"
recipient = ["lookalike"]
action = "warn"
[[rule]]
name = "secret-out"
recipient = ["external"]
sensitivity_at_least = "SECRET"
action = "reject"
[[rule]]
name = "many-out"
recipient = ["external"]
recipients_at_least = 3
action = "hold"
[[rule]]
name = "plain-out"
recipient = ["external"]
action = "tag"
)");
  MessageFacts f = To(*e, "dave@gmial.com", Marked(Level::kSecret), 3);
  EXPECT_EQ(e->Decide(f).rule.name, "secret-out");
  f = To(*e, "dave@gmial.com", Marked(Level::kSecret));
  EXPECT_EQ(e->Decide(f).rule.name, "secret-out");
  f = Facts(*e, {"dave@gmial.com", "a@example.com", "b@example.com"});
  f.recipients[0].acknowledgement = 3;
  EXPECT_EQ(e->Decide(f).recipients[0].rule.name, "many-out");
  // A rule about the recipient alone keeps its class as written.
  f = To(*e, "dave@gmial.com", content::Sensitivity(), 3);
  EXPECT_EQ(e->Decide(f).recipients[0].rule.name, "default");
}

}  // namespace
}  // namespace nearmiss
