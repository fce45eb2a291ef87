// address-typo, the families a third issue-14 tester broke: a frequent
// address whose local part is not ASCII (józef.nowak@, björn@), a display
// name written as a comment (`pat.doe@x (John Smith)`, RFC 5322 section
// 3.4's obsolete form), and a quoted local part with a space ("jon
// smith"@). Each test takes several members of its family.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <utility>

#include "engine/address_typo.h"
#include "engine/address_typo_testing.h"
#include "nearmiss/engine.h"

namespace nearmiss {
namespace {

using engine::AddressIndex;
using engine::SlipKind;

// Frequent addresses with letters outside ASCII: Polish, German, Danish,
// Russian names; and an IDN domain (as the engine writes it: A-label).
AddressIndex Unicode() {
  AddressIndex index(3);
  for (const char* to : {"j\xC3\xB3" "zef.nowak@partner.example",          // józef.nowak
                         "bj\xC3\xB6rn@xn--bcher-kva.example",             // björn@bücher
                         "\xC5\x82ukasz.w\xC3\xB3jcik@partner.example",    // łukasz.wójcik
                         "s\xC3\xB8ren.berg@partner.example",              // søren.berg
                         "\xD0\xB4\xD0\xB8\xD0\xBC\xD0\xB0@partner.example",  // дима
                         "john.smith@partner.example"}) {
    index.Add("alice@mod.example", to, 8);
  }
  index.Finish();
  return index;
}

// Defect 1 (fail-open): every slip of a frequent address with é, ö, ø, ł
// was accepted; only the exact accent-folded form was flagged. Compared by
// the letters a reader sees and counted by characters, each kind applies.
TEST(AddressTypoRound3, SlipsOfANonAsciiFrequentAddress) {
  AddressIndex index = Unicode();
  const std::string_view jozef = "j\xC3\xB3" "zef.nowak@partner.example";
  const std::string_view bjorn = "bj\xC3\xB6rn@xn--bcher-kva.example";
  const std::string_view lukasz = "\xC5\x82ukasz.w\xC3\xB3jcik@partner.example";
  const std::string_view soren = "s\xC3\xB8ren.berg@partner.example";
  ExpectSlips(index, {
      {"j\xC3\xB3zef.nowakk@partner.example", "", jozef, SlipKind::kEdit},    // letter doubled
      {"j\xC3\xB3zef.nowk@partner.example", "", jozef, SlipKind::kEdit},      // letter dropped
      {"j\xC3\xB3sef.nowak@partner.example", "", jozef, SlipKind::kEdit},     // letter changed
      {"jozef.nowakk@partner.example", "", jozef, SlipKind::kEdit},           // and no accent
      {"j\xC3\xB3zefnowak@partner.example", "", jozef, SlipKind::kEdit},      // dot dropped
      {"jozef.nowak@partner.example", "", jozef, SlipKind::kHomoglyph},       // accent dropped
      {"nowak.j\xC3\xB3zef@partner.example", "", jozef, SlipKind::kSwappedParts},
      {"jnowak@partner.example", "", jozef, SlipKind::kShortenedParts},
      {"bj\xC3\xB6rm@xn--bcher-kva.example", "", bjorn, SlipKind::kEdit},
      {"bj\xC3\xB6rnn@xn--bcher-kva.example", "", bjorn, SlipKind::kEdit},
      {"bj\xC3\xB8rn@xn--bcher-kva.example", "", bjorn, SlipKind::kHomoglyph},  // ø for ö
      {"bj\xC3\xB4rn@xn--bcher-kva.example", "", bjorn, SlipKind::kHomoglyph},  // ô for ö
      {"bjorn@xn--bcher-kva.example", "", bjorn, SlipKind::kHomoglyph},
      {"lukasz.wojcik@partner.example", "", lukasz, SlipKind::kHomoglyph},
      {"\xC5\x82ukasz.w\xC3\xB3jcick@partner.example", "", lukasz, SlipKind::kEdit},
      {"soren.berg@partner.example", "", soren, SlipKind::kHomoglyph},
      {"s\xC3\xB8ren.bergg@partner.example", "", soren, SlipKind::kEdit},
      // No ASCII look-alike at all: still one edit by characters.
      {"\xD0\xB4\xD0\xB8\xD0\xBC\xD0\xB0\xD0\xB0@partner.example", "",
       "\xD0\xB4\xD0\xB8\xD0\xBC\xD0\xB0@partner.example", SlipKind::kEdit},
      // An ASCII frequent address is still found from an accented slip.
      {"j\xC3\xB6hn.smithh@partner.example", "", "john.smith@partner.example", SlipKind::kEdit},
  });
  std::optional<engine::Slip> slip = Find(index, "j\xC3\xB3zef.nowakk@partner.example");
  ASSERT_TRUE(slip.has_value());
  EXPECT_EQ(slip->edits, 1);
  EXPECT_NE(slip->detail.find("one character differs"), std::string::npos) << slip->detail;
  // The frequent address itself, in other capitals, is the same mailbox;
  // new people stay new.
  ExpectNoSlips(index, {{jozef, ""},
                        {"J\xC3\x93ZEF.NOWAK@partner.example", ""},
                        {"BJ\xC3\x96RN@xn--bcher-kva.example", ""},
                        {"S\xC3\x98REN.BERG@partner.example", ""},
                        {"anna.kowalska@partner.example", ""},
                        {"zofia.wr\xC3\xB3" "bel@partner.example", ""},
                        {"kl\xC3\xA1ra@xn--bcher-kva.example", ""},
                        {"\xD0\xBF\xD0\xB5\xD1\x82\xD1\x8F@partner.example", ""}});
}

TEST(AddressTypoRound3, OsaDistanceCountsCharacters) {
  EXPECT_EQ(engine::OsaDistance("j\xC3\xB3zef", "jozef", 2), 1);
  EXPECT_EQ(engine::OsaDistance("bj\xC3\xB8rn", "bj\xC3\xB6rn", 2), 1);
  EXPECT_EQ(engine::OsaDistance("\xD0\xB4\xD0\xB8\xD0\xBC\xD0\xB0", "\xD0\xB8\xD0\xB4\xD0\xBC\xD0\xB0", 2), 1);
  EXPECT_EQ(engine::OsaDistance("j\xC3\xB3zef", "j\xC3\xB3zef", 2), 0);
}

// alice writes to john.smith and mary.watson at partner.example often.
std::shared_ptr<const Engine> Learned() {
  HistorySnapshot h;
  h.domains.push_back({"partner.example", 40, 1'700'000'000, 1'704'000'000, false});
  for (const char* to : {"john.smith@partner.example", "mary.watson@partner.example"}) {
    h.correspondents.push_back({"alice@mod.example", to, 8, 1'700'000'000, 1'704'000'000});
    h.addresses.push_back(to);
  }
  h.taken_at = 1'704'100'000;
  Result<std::shared_ptr<const Engine>> e = Engine::Compile(*DefaultPolicy(), &h);
  EXPECT_TRUE(e.ok()) << e.status().ToString();
  return e.ok() ? *e : nullptr;
}

// The message's one recipient as scan and the API give it (the header
// entry), and as the milter does (the envelope address, its header entry
// in the message): the action, and the suggestion when any.
std::pair<Action, std::string> Judge(const Engine& e, std::string_view entry,
                                     std::string_view envelope = "") {
  Envelope env;
  env.sender = "alice@mod.example";
  RecipientCheck judged;
  std::string raw;
  if (envelope.empty()) {
    env.recipients.push_back({entry, RecipientField::kTo});
  } else {
    judged = e.CheckRecipient(envelope);
    env.recipients.push_back({envelope, RecipientField::kEnvelope, false, &judged});
    raw = "To: " + std::string(entry) + "\r\n";
  }
  raw += "Subject: t4\r\n\r\nhello\r\n";
  MessageCheck m = e.CheckMessage(env, MessageContent::Raw(raw, "test"));
  EXPECT_EQ(m.decision.recipients.size(), 1u) << entry;
  if (m.decision.recipients.empty()) return {Action::kAccept, ""};
  return {m.decision.recipients[0].action, m.facts.recipients[0].check.suggestion};
}

// Defect 5 (fail-open): `To: pat.doe@partner.example (John Smith)`, the
// obsolete comment form of a display name, was not compared; the quoted
// form was. Every way of writing the name in a comment counts, in scan's
// path and the milter's.
TEST(AddressTypoRound3, ACommentIsTheDisplayName) {
  EXPECT_EQ(engine::DisplayNameOf("pat.doe@partner.example (John Smith)"), "John Smith");
  EXPECT_EQ(engine::DisplayNameOf("pat.doe@partner.example(Smith, John)"), "Smith, John");
  EXPECT_EQ(engine::DisplayNameOf(" pat.doe@partner.example ( \"John Smith\" ) "), "John Smith");
  EXPECT_EQ(engine::DisplayNameOf("pat.doe@partner.example (John Smith (partner))"),
            "John Smith (partner)");
  EXPECT_EQ(engine::DisplayNameOf("\"John Smith\" <pat.doe@partner.example>"), "John Smith");
  EXPECT_EQ(engine::DisplayNameOf("pat.doe@partner.example"), "");
  EXPECT_EQ(engine::DisplayNameOf("(John Smith)"), "");  // no address: no name of one
  std::shared_ptr<const Engine> e = Learned();
  ASSERT_NE(e, nullptr);
  for (const char* entry : {"pat.doe@partner.example (John Smith)",
                            "pat.doe@partner.example (Smith, John)",
                            "pat.doe@partner.example (=?UTF-8?Q?John_Smith?=)",
                            "pat.doe@partner.example (Mr John Smith (Partner))",
                            "pat.doe@partner.example (john.smith@partner.example)"}) {
    EXPECT_EQ(Judge(*e, entry), std::make_pair(Action::kConfirm,
                                               std::string("john.smith@partner.example")))
        << entry;
    EXPECT_EQ(Judge(*e, entry, "<pat.doe@partner.example>").first, Action::kConfirm) << entry;
  }
  EXPECT_EQ(Judge(*e, "pat.doe@partner.example (Mary Watson)").second,
            "mary.watson@partner.example");
  // A comment naming the address's own person, or nobody, says nothing.
  for (const char* entry : {"pat.doe@partner.example (Pat Doe)", "pat.doe@partner.example ()",
                            "john.smith@partner.example (John Smith)"}) {
    EXPECT_EQ(Judge(*e, entry).first, Action::kAccept) << entry;
  }
}

// Defect 6 (fail-open): a quoted local part with a space ("jon smith"@)
// was never compared. Compared by its content, a space is a separator.
TEST(AddressTypoRound3, AQuotedLocalPartIsComparedByItsContent) {
  std::shared_ptr<const Engine> e = Learned();
  ASSERT_NE(e, nullptr);
  for (const char* typed : {"\"jon smith\"@partner.example", "\"john smith\"@partner.example",
                            "\"smith john\"@partner.example", "\"j smith\"@partner.example",
                            "\"John Smith\"@partner.example", "\"mary watsonn\"@partner.example"}) {
    RecipientCheck c = e->CheckRecipient(typed);
    bool typo = std::any_of(c.reasons.begin(), c.reasons.end(), [](const Reason& r) {
      return r.code == ReasonCode::kAddressTypo;
    });
    EXPECT_TRUE(typo) << typed;
    EXPECT_NE(c.suggestion.find("@partner.example"), std::string::npos) << typed;
  }
  for (const char* fresh : {"\"pat doe\"@partner.example", "\"anna kowalska\"@partner.example"}) {
    RecipientCheck c = e->CheckRecipient(fresh);
    EXPECT_TRUE(c.suggestion.empty()) << fresh << " -> " << c.suggestion;
  }
}

}  // namespace
}  // namespace nearmiss
