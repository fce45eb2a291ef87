// Issue 14, round 33. Item 3: every clause of an address-typo reason is a
// fact of the history (which address is new and which is known, how often
// each was written to and when last), in each path that makes one: never
// written to, rare, a burst, known under another's display name, the
// sender scope. Item 5: a local part or display name written wholly in
// another script's look-alikes, or in compatibility forms (full-width,
// circled, mathematical letters), is read as the letters a reader sees
// (ICU: UTS #39 skeletons, NFKC) before it is compared. Item 4: a slip a thread repeats (messages to it all within
// history.address_typo_min_days) counts as one contact and stays a slip,
// while an address written to over days becomes known.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "engine/address_typo.h"
#include "engine/address_typo_testing.h"
#include "nearmiss/engine.h"

namespace nearmiss {
namespace {

constexpr int64_t kFirst = 1'700'000'000;  // 2023-11-14
constexpr int64_t kLast = 1'704'000'000;   // 2023-12-31
constexpr int64_t kDay = 86'400;

// alice writes to john.smith@partner.example 30 times; `extra` adds
// `messages` to `address` between `first` and `last`.
HistorySnapshot History(std::string_view address = "", int64_t messages = 0,
                        int64_t first = 0, int64_t last = 0,
                        std::string_view sender = "alice@mod.example") {
  HistorySnapshot h;
  h.domains.push_back({"partner.example", 40, kFirst, kLast, false});
  h.correspondents.push_back(
      {"alice@mod.example", "john.smith@partner.example", 30, kFirst, kLast});
  if (!address.empty()) {
    h.correspondents.push_back(
        {std::string(sender), std::string(address), messages, first, last});
  }
  h.taken_at = kLast + kDay;
  return h;
}

std::shared_ptr<const Engine> Compile(const HistorySnapshot& h, const Policy& p) {
  auto e = Engine::Compile(p, &h);
  EXPECT_TRUE(e.ok()) << e.error().message();
  return e.ok() ? *e : nullptr;
}

// The address-typo sentence of `input`, or "" when it has none.
std::string TypoSentence(const Engine& e, std::string_view input) {
  RecipientCheck c = e.CheckRecipient(input);
  for (const Reason& r : c.reasons) {
    if (r.code == ReasonCode::kAddressTypo) return ReasonMessage(r);
  }
  return "";
}

TEST(AddressTypoRound33, NeverWrittenToSaysSoAndTheFrequentOnesFacts) {
  auto e = Compile(History(), *DefaultPolicy());
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(TypoSentence(*e, "jon.smith@partner.example"),
            "jon.smith@partner.example has never been written to here; it looks like "
            "john.smith@partner.example, a frequent correspondent (one character differs; "
            "written to 30 times, last on 2023-12-31)");
  // The frequent address itself is no slip, and is never called new.
  EXPECT_EQ(TypoSentence(*e, "john.smith@partner.example"), "");
}

TEST(AddressTypoRound33, ARareAddressIsNotCalledNew) {
  auto e = Compile(History("jon.smith@partner.example", 1, kFirst + 5 * kDay, kFirst + 5 * kDay),
                   *DefaultPolicy());
  ASSERT_NE(e, nullptr);
  const std::string s = TypoSentence(*e, "jon.smith@partner.example");
  EXPECT_EQ(s.rfind("jon.smith@partner.example has been written to only 1 time here; it looks "
                    "like john.smith@partner.example",
                    0),
            0u)
      << s;
  EXPECT_EQ(s.find("never"), std::string::npos) << s;
}

TEST(AddressTypoRound33, AKnownAddressUnderAnothersNameSaysHowOftenItWasWrittenTo) {
  HistorySnapshot h = History("jane.doe@partner.example", 8, kFirst, kLast);
  auto e = Compile(h, *DefaultPolicy());
  ASSERT_NE(e, nullptr);
  const std::string s = TypoSentence(*e, "\"John Smith\" <jane.doe@partner.example>");
  EXPECT_EQ(s.rfind("jane.doe@partner.example has been written to 8 times here; it looks like "
                    "john.smith@partner.example, a frequent correspondent (",
                    0),
            0u)
      << s;
  EXPECT_NE(s.find("written to 30 times, last on 2023-12-31"), std::string::npos) << s;
}

TEST(AddressTypoRound33, TheSenderScopeSaysWhoseContactsWereCompared) {
  // bob wrote to jon.smith often; alice never did.
  HistorySnapshot h =
      History("jon.smith@partner.example", 6, kFirst, kLast, "bob@mod.example");
  Policy p = *DefaultPolicy();
  p.history.address_typo_scope = HistoryPolicy::TypoScope::kSender;
  auto e = Compile(h, p);
  ASSERT_NE(e, nullptr);
  Envelope env;
  env.sender = "alice@mod.example";
  env.recipients.push_back({"jon.smith@partner.example"});
  MessageCheck m = e->CheckMessage(env, MessageContent::Raw("\r\nhi\r\n", "test"));
  ASSERT_EQ(m.facts.recipients.size(), 1u);
  std::string s;
  for (const Reason& r : m.facts.recipients[0].check.reasons) {
    if (r.code == ReasonCode::kAddressTypo) s = ReasonMessage(r);
  }
  EXPECT_EQ(s.rfind("jon.smith@partner.example has never been written to by alice@mod.example; "
                    "it looks like john.smith@partner.example, a frequent correspondent of "
                    "alice@mod.example (",
                    0),
            0u)
      << s;
}

TEST(AddressTypoRound33, OneMessageIsOneTime) {
  EXPECT_EQ(engine::WrittenClause(1, 0), "written to 1 time");
  EXPECT_EQ(engine::WrittenClause(2, kLast), "written to 2 times, last on 2023-12-31");
}

// Item 4: the slip jon.smith@ then written to 2 or 3 more times within a
// day or two (replies in its thread, the slip sent again).
TEST(AddressTypoRound33, ASlipThreadStaysASlip) {
  for (const auto& [messages, span] :
       {std::pair<int64_t, int64_t>{3, 3'600}, {4, 20 * 3'600}, {4, 2 * kDay + 3'600}}) {
    auto e = Compile(History("jon.smith@partner.example", messages, kFirst + 10 * kDay,
                             kFirst + 10 * kDay + span),
                     *DefaultPolicy());
    ASSERT_NE(e, nullptr);
    const std::string s = TypoSentence(*e, "jon.smith@partner.example");
    EXPECT_NE(s.find("has been written to " + std::to_string(messages) + " times here, all within"),
              std::string::npos)
        << messages << " in " << span << " s: '" << s << "'";
    EXPECT_NE(s.find("one thread or burst"), std::string::npos) << s;
  }
}

TEST(AddressTypoRound33, ContactsWrittenToOverDaysBecomeKnown) {
  for (const auto& [messages, span] :
       {std::pair<int64_t, int64_t>{3, 3 * kDay}, {4, 10 * kDay}, {6, 40 * kDay}}) {
    auto e = Compile(History("jon.smith@partner.example", messages, kFirst, kFirst + span),
                     *DefaultPolicy());
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(TypoSentence(*e, "jon.smith@partner.example"), "")
        << messages << " over " << span / kDay << " days";
  }
  // Undated history (a store row with no dates) is no burst.
  auto e = Compile(History("jon.smith@partner.example", 4, 0, 0), *DefaultPolicy());
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(TypoSentence(*e, "jon.smith@partner.example"), "");
}

TEST(AddressTypoRound33, MinDaysZeroCountsEveryMessage) {
  Policy p = *DefaultPolicy();
  p.history.address_typo_min_days = 0;
  auto e = Compile(History("jon.smith@partner.example", 4, kFirst, kFirst + 3'600), p);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(TypoSentence(*e, "jon.smith@partner.example"), "");
}

// A burst is not frequent either: the slip thread's address does not become
// the one others' slips are compared with, nor hide its own slip.
TEST(AddressTypoRound33, ABurstIsNoFrequentAddress) {
  engine::AddressIndex index(3, 3);
  index.Add("alice@mod.example", "john.smith@partner.example", 30, kFirst, kLast);
  index.Add("alice@mod.example", "jon.smith@partner.example", 4, kFirst, kFirst + 3'600);
  index.Finish();
  engine::Slip slip;
  ASSERT_TRUE(index.FindSlip("", "jon.smith@partner.example", "", &slip));
  EXPECT_EQ(slip.known, "john.smith@partner.example");
  EXPECT_FALSE(index.FindSlip("", "jon.smyth@partner.example", "", &slip) &&
               slip.known == "jon.smith@partner.example");
}

// The policy lint's bound (verdict.h kAddressTypoScoreMax) holds for every
// kind this history gives.
TEST(AddressTypoRound33, NoScoreAboveTheLintsBound) {
  HistorySnapshot h = History("robert.brown@partner.example", 8, kFirst, kLast);
  auto e = Compile(h, *DefaultPolicy());
  ASSERT_NE(e, nullptr);
  for (const char* input :
       {"jon.smith@partner.example", "smith.john@partner.example", "jsmith@partner.example",
        "\"john.smith@partner.example\" <x.y@partner.example>", "јоhn.smith@partner.example",
        "\"Robert Brown\" <john.smith@partner.example>", "bob.brown@partner.example",
        "john.smith2@partner.example", "rnary.smith@partner.example"}) {
    RecipientCheck c = e->CheckRecipient(input);
    if (c.address_typo) {
      EXPECT_LE(c.address_typo->score, kAddressTypoScoreMax) << input;
    }
  }
}

// Item 5: each script's look-alikes of john.smith and joe.cox, and the
// compatibility forms NFKC reads (circled letters passed as no slip).
TEST(AddressTypoRound33, LookAlikeScriptsAndCompatibilityFormsAreRead) {
  const engine::AddressIndex index =
      AliceWroteTo({"john.smith@partner.example", "joe.cox@partner.example"});
  ExpectSlips(index, {
      // Cyrillic: every letter of joe.cox, capitals too.
      {"\u0458\u043e\u0435.\u0441\u043e\u0445@partner.example", "", "joe.cox@partner.example",
       engine::SlipKind::kHomoglyph},
      {"\u0408\u041e\u0415.\u0421\u041e\u0425@partner.example", "", "joe.cox@partner.example",
       engine::SlipKind::kHomoglyph},
      // Cyrillic and Armenian letters of john.smith.
      {"\u0458\u043e\u04bb\u0578.\u0455m\u0456t\u04bb@partner.example", "",
       "john.smith@partner.example", engine::SlipKind::kHomoglyph},
      // Greek yot and omicron.
      {"\u03f3\u03bfhn.smith@partner.example", "", "john.smith@partner.example",
       engine::SlipKind::kHomoglyph},
      // Full-width, circled and mathematical bold Latin (NFKC).
      {"\uff4a\uff4f\uff48\uff4e.\uff53\uff4d\uff49\uff54\uff48@partner.example", "",
       "john.smith@partner.example", engine::SlipKind::kHomoglyph},
      {"\u24d9\u24de\u24d4.\u24d2\u24de\u24e7@partner.example", "", "joe.cox@partner.example",
       engine::SlipKind::kHomoglyph},
      {"\U0001d423\U0001d428\U0001d41e.\U0001d41c\U0001d428\U0001d431@partner.example", "",
       "joe.cox@partner.example", engine::SlipKind::kHomoglyph},
      // Display names: Cyrillic capitals, Cyrillic and Greek capitals mixed,
      // full-width, circled.
      {"pat.new@partner.example", "\u0408\u041e\u0415 \u0421\u041e\u0425",
       "joe.cox@partner.example", engine::SlipKind::kDisplayName},
      {"pat.new@partner.example",
       "\u0408\u039f\u0397\u039d \u0405\u039c\u0399\u03a4\u0397",
       "john.smith@partner.example", engine::SlipKind::kDisplayName},
      {"pat.new@partner.example", "\uff2a\uff4f\uff48\uff4e \uff33\uff4d\uff49\uff54\uff48",
       "john.smith@partner.example", engine::SlipKind::kDisplayName},
      {"pat.new@partner.example", "\u24bf\u24de\u24d7\u24dd \u24c8\u24dc\u24d8\u24e3\u24d7",
       "john.smith@partner.example", engine::SlipKind::kDisplayName},
  });
  // A compatibility form is not another script: the detail does not say so.
  std::optional<engine::Slip> slip = Find(index, "\uff4a\uff4f\uff45.cox@partner.example");
  ASSERT_TRUE(slip.has_value());
  EXPECT_EQ(slip->detail.find("another script"), std::string::npos) << slip->detail;
  // Letters of another script with no look-alike (Cyrillic ж) stay apart.
  ExpectNoSlips(index, {{"\u0436\u043e\u0435.\u0441\u043e\u0445@partner.example", ""}});
}

}  // namespace
}  // namespace nearmiss
