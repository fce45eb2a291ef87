// The pre-send check's fail-closed paths (docs/fail-closed.md): whatever
// nearmiss could not judge is never answered `allow` unless the policy says
// so.
#include "http/check_service.h"

#include <gtest/gtest.h>

#include <stdexcept>

#include "engine/acknowledgement_testing.h"

namespace nearmiss::http {
namespace {

std::shared_ptr<const Engine> Build(const std::string& toml) {
  Result<Policy> p = ParsePolicy(toml, "t.toml", "");
  EXPECT_TRUE(p.ok()) << p.status().ToString();
  Result<std::shared_ptr<const Engine>> e = Engine::Compile(*p);
  EXPECT_TRUE(e.ok()) << e.status().ToString();
  return *e;
}

CheckRequest To(std::string address) {
  CheckRequest r;
  r.recipients.push_back({std::move(address), RecipientField::kTo});
  return r;
}

CheckAnswer Throws(const Engine&, const CheckRequest&) {
  throw std::runtime_error("the scanner's scratch is gone");
}

CheckAnswer ThrowsAnything(const Engine&, const CheckRequest&) { throw 42; }

TEST(CheckServiceTest, AnExceptionWhileCheckingAnswersBlock) {
  auto engine = Build("");
  CheckAnswer a = CheckMessageOrFail(*engine, To("carol@army.mil"), &Throws);
  EXPECT_TRUE(a.unchecked);
  EXPECT_EQ(a.action, ClientAction::kBlock);
  EXPECT_EQ(a.body["action"], "block");
  EXPECT_EQ(a.body["unchecked"], true);
  EXPECT_EQ(a.body["send_anyway"], false);
  EXPECT_EQ(a.body["rule"]["id"], "[defaults] on_error = \"tempfail\"");
  EXPECT_EQ(a.error, "internal error: the scanner's scratch is gone");
  EXPECT_EQ(a.record.action, "reject");
  EXPECT_EQ(CheckMessageOrFail(*engine, To("carol@army.mil"), &ThrowsAnything).action,
            ClientAction::kBlock);
  // And the real check still answers.
  EXPECT_FALSE(CheckMessageOrFail(*engine, To("carol@army.mil")).unchecked);
}

TEST(CheckServiceTest, AnExceptionWithOnErrorAcceptAnswersAllowUnchecked) {
  auto engine = Build("[defaults]\non_error = \"accept\"\n");
  CheckAnswer a = CheckMessageOrFail(*engine, To("carol@army.mil"), &Throws);
  EXPECT_EQ(a.action, ClientAction::kAllow);
  EXPECT_EQ(a.body["unchecked"], true);
}

// Round 49's tester 13, finding 13: attachments named, never sent, are
// said to be unread, not folded into "complete".
TEST(CheckServiceTest, AttachmentsNamedOnlyAreSaidUnread) {
  auto engine = Build("");
  CheckRequest r = To("partner@example.com");
  CheckAnswer plain = CheckMessageOrFail(*engine, r);
  EXPECT_FALSE(plain.body["sensitivity"].contains("attachments_read"));
  r.attachments.push_back({"plan.zip", "application/zip", 48213});
  CheckAnswer a = CheckMessageOrFail(*engine, r);
  EXPECT_EQ(a.body["sensitivity"]["attachments_read"], false);
  EXPECT_NE(a.body["sensitivity"]["attachments_note"].get<std::string>().find("names were read"),
            std::string::npos);
}

TEST(CheckServiceTest, ARecipientThatDoesNotParseIsBlock) {
  auto engine = Build("");
  for (const char* to : {"bob@army.ml)<alice@army.mil>", "bob@army..ml", "bob@", "\"bob@army.ml"}) {
    CheckAnswer a = CheckMessage(*engine, To(to));
    EXPECT_EQ(a.action, ClientAction::kBlock) << to << ": " << a.body.dump();
    EXPECT_EQ(a.body["recipients"][0]["verdict"], "invalid") << to;
  }
}

TEST(CheckServiceTest, ABodyPastMaxTextBytesIsIncompleteAndNotAllowed) {
  auto engine = Build("[limits]\nmax_text_bytes = 16\n");
  CheckRequest r = To("dave@example.com");
  r.body = "the first sixteen bytes are harmless; SECRET comes later";
  CheckAnswer a = CheckMessage(*engine, r);
  EXPECT_TRUE(a.incomplete);
  EXPECT_EQ(a.body["sensitivity"]["complete"], false);
  // Counted as [limits] incomplete_level (SECRET): held, so the add-in warns.
  EXPECT_EQ(a.action, ClientAction::kWarn) << a.body.dump();
  EXPECT_EQ(a.body["policy_action"], "hold");
  r.body = "short";
  EXPECT_EQ(CheckMessage(*engine, r).action, ClientAction::kAllow);
}

// Found by the issue-14 tester (round 3, item 9): `serve --store none`
// answered a warning `acknowledgeable: true`, then refused the
// acknowledgement with 503. With no store nothing is acknowledgeable.
TEST(CheckServiceTest, NothingIsAcknowledgeableWithoutAStore) {
  class NoAcks final : public AcknowledgementSource {
   public:
    Result<std::vector<Acknowledgement>> Live(std::string_view, int64_t) const override {
      return std::vector<Acknowledgement>{};
    }
  } store;
  Result<std::shared_ptr<const Engine>> engine = Engine::Compile(*DefaultPolicy());
  ASSERT_TRUE(engine.ok());
  for (const char* to : {"x@mail.co", "kim@hotmial.com", "jon@gmial.com"}) {
    CheckRequest r = To(to);
    r.from = "hal@mod.example";
    CheckAnswer with_store_none = CheckMessage(**engine, r);
    ASSERT_EQ(with_store_none.body["recipients"].size(), 1u) << to;
    EXPECT_NE(with_store_none.body["recipients"][0]["action"], "accept") << to;
    EXPECT_EQ(with_store_none.body["recipients"][0]["acknowledgeable"], false) << to;
    r.acknowledgements = &store;
    CheckAnswer with_store = CheckMessage(**engine, r);
    EXPECT_EQ(with_store.body["recipients"][0]["acknowledgeable"], true) << to;
  }
}

// Open item 3 after round 3: the API answers gmail.zz as check and the
// milter do, refused with the suggestion, not held for confirmation.
TEST(CheckServiceTest, ALookalikeThatCannotReceiveMailIsRefused) {
  Result<std::shared_ptr<const Engine>> engine = Engine::Compile(*DefaultPolicy());
  ASSERT_TRUE(engine.ok());
  CheckRequest r = To("x@gmail.zz");
  r.from = "hal@mod.example";
  CheckAnswer a = CheckMessage(**engine, r);
  ASSERT_EQ(a.body["recipients"].size(), 1u);
  EXPECT_EQ(a.body["recipients"][0]["action"], "reject");
  EXPECT_EQ(a.body["recipients"][0]["suggestion"], "x@gmail.com");
}

// Issue 15, breaker 15, item 12: a real mail domain one slip from a
// trusted one was allowed with the summary "The recipient looks right.",
// hiding the note `check` shows. Each such recipient's note is the summary.
TEST(CheckServiceTest, TheSummaryCarriesARealNeighboursNote) {
  Result<std::shared_ptr<const Engine>> engine = Engine::Compile(*DefaultPolicy());
  ASSERT_TRUE(engine.ok());
  for (std::string_view address : {"claire@mailo.com", "jan@t-online.hu"}) {
    CheckAnswer a = CheckMessage(**engine, To(std::string(address)));
    ASSERT_EQ(a.body["recipients"].size(), 1u) << address;
    EXPECT_EQ(a.body["action"], "allow") << address;
    const std::string summary = a.body["summary"];
    EXPECT_TRUE(summary.starts_with(std::string(address) + ": ")) << summary;
    EXPECT_NE(summary.find("check it is the one meant"), std::string::npos) << summary;
  }
  // Two recipients: both notes; a plain one adds none.
  CheckRequest r = To("claire@mailo.com");
  r.recipients.push_back({"bob@example.org", RecipientField::kCc});
  r.recipients.push_back({"jan@t-online.hu", RecipientField::kCc});
  const std::string summary = CheckMessage(**engine, r).body["summary"];
  EXPECT_NE(summary.find("claire@mailo.com: "), std::string::npos) << summary;
  EXPECT_NE(summary.find("jan@t-online.hu: "), std::string::npos) << summary;
  EXPECT_EQ(summary.find("bob@example.org"), std::string::npos) << summary;
  // Without a note the summary is as before.
  EXPECT_EQ(CheckMessage(**engine, To("bob@example.org")).body["summary"],
            "The recipient looks right.");
}

// Issue 15, round 43: a short name one slip from a provider (gm.de by
// gmx.de) is allowed, and the summary an add-in shows carries the hint and
// the address it suggests, as mailcheck's form hint does.
TEST(CheckServiceTest, TheSummaryCarriesAShortNameHint) {
  Result<std::shared_ptr<const Engine>> engine = Engine::Compile(*DefaultPolicy());
  ASSERT_TRUE(engine.ok());
  CheckAnswer a = CheckMessage(**engine, To("jo@gm.de"));
  ASSERT_EQ(a.body["recipients"].size(), 1u);
  EXPECT_EQ(a.body["action"], "allow");
  EXPECT_EQ(a.body["recipients"][0]["suggestion"], "jo@gmx.de");
  const std::string summary = a.body["summary"];
  EXPECT_TRUE(summary.starts_with("jo@gm.de: gm.de is one slip from gmx.de")) << summary;
  EXPECT_TRUE(summary.ends_with("did you mean jo@gmx.de?")) << summary;
  EXPECT_NE(summary.find("; did you mean jo@gmx.de?"), std::string::npos) << summary;
}

// Issue 14, round 35's second tester, defect 5: after "Send anyway" on
// jon.smith@ (an address-typo of john.smith@), the next check was allowed
// with the summary "The recipient looks right.": it says the sender's
// acknowledgement let it through, of which warning, and the suggestion.
TEST(CheckServiceTest, ASummaryOfAnAcknowledgedRecipientSaysWhatWasAcknowledged) {
  auto engine = nearmiss::Compile("");
  ASSERT_NE(engine, nullptr);
  Acks acks;
  acks.Address("jon.smith@partner.example", "address-typo", "john.smith@partner.example");
  CheckRequest r = To("jon.smith@partner.example");
  r.from = "alice@mod.example";
  r.acknowledgements = &acks;
  r.now = 1000;
  CheckAnswer a = CheckMessage(*engine, r);
  ASSERT_EQ(a.body["action"], "allow") << a.body.dump();
  ASSERT_EQ(a.body["recipients"][0]["acknowledged_by"], 1) << a.body.dump();
  EXPECT_EQ(a.body["summary"],
            "jon.smith@partner.example: allowed because you acknowledged the warning "
            "(address-typo) that asked if you meant john.smith@partner.example "
            "(acknowledgement 1).");
  // With another recipient that needs none, only the acknowledged one is named.
  r.recipients.push_back({"john.smith@partner.example", RecipientField::kCc});
  CheckAnswer two = CheckMessage(*engine, r);
  EXPECT_EQ(two.body["summary"], a.body["summary"]) << two.body.dump();
  // Unacknowledged and flagged: not allowed, and no acknowledgement named.
  acks.acks.clear();
  CheckAnswer asked = CheckMessage(*engine, To("jon.smith@partner.example"));
  EXPECT_EQ(asked.body["summary"].get<std::string>().find("acknowledged"), std::string::npos);
}

}  // namespace
}  // namespace nearmiss::http

namespace nearmiss::http {
namespace {

// Issue 12: the API decides on the sensitivity it answers with. With
// docs/policy.md's `packs = ["uk", "labels"]` a US banner is no marking, as
// in `scan` and `policy explain` (tests/cli/scan-cli.sh, same fixture).
TEST(CheckServiceTest, PacksTurnedOffAreNeitherAnsweredNorDecidedOn) {
  Result<Policy> p = LoadPolicyFile("tests/testdata/scan/uk-labels.toml");
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  auto engine = *Engine::Compile(*p);
  CheckRequest r = To("dave@example.com");
  r.from = "alice@mod.gov.uk";
  r.subject = "SECRET//NOFORN: the supply plan";
  r.body = "SECRET//NOFORN\n\nThe supply plan for next quarter is attached below.\n";
  CheckAnswer a = CheckMessage(*engine, r);
  EXPECT_EQ(a.body["sensitivity"]["level"], "none") << a.body.dump();
  EXPECT_TRUE(a.body["sensitivity"]["findings"].empty()) << a.body.dump();
  EXPECT_EQ(a.body["policy_action"], "accept");
  EXPECT_EQ(a.record.level, "none");

  r.subject = "SECRET: the supply plan";  // the UK form is on
  CheckAnswer uk = CheckMessage(*engine, r);
  EXPECT_EQ(uk.body["sensitivity"]["level"], "SECRET");
  EXPECT_EQ(uk.body["policy_action"], "hold");
}

}  // namespace
}  // namespace nearmiss::http
