// Engine::Decide and the message's sensitivity: level ranges, reasons that
// name the marking, disabled packs and custom patterns, a scan stopped by a
// bound (the incomplete level), unknown labels and encrypted attachments.
#include <gtest/gtest.h>

#include "engine/decide_testing.h"
#include "engine/engine_testing.h"
#include "nearmiss/engine.h"

namespace nearmiss {
namespace {

using content::Level;

// Issue 11: a scan stopped by a bound kept the level found so far, so a
// zip bomb or 33 levels of nesting went to an external recipient as `none`.
content::Sensitivity Incomplete(Level found = Level::kNone) {
  content::Sensitivity s = found == Level::kNone ? content::Sensitivity() : Marked(found);
  s.Add({"max-parts", "limit", Level::kNone, "limit", 0, "more than 1000 MIME parts",
         content::Strength::kStrong});
  s.complete = false;
  return s;
}

TEST(DecideTest, SensitivityAtMost) {
  auto e = Build(
      "[[rule]]\nname = \"low\"\nsensitivity_at_most = \"OFFICIAL\"\naction = \"tag\"\n");
  EXPECT_EQ(e->Decide(Facts(*e, {"c@example.com"})).action, Action::kTag);
  EXPECT_EQ(e->Decide(Facts(*e, {"c@example.com"}, Level::kOfficial)).action, Action::kTag);
  EXPECT_EQ(e->Decide(Facts(*e, {"c@example.com"}, Level::kSecret)).action, Action::kAccept);
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
