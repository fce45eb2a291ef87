// address-typo, the families a fifth issue-14 tester broke: a slip across
// the domains of one mailbox space (jon.smith@googlemail.com for the
// frequent john.smith@gmail.com), a display name that is a frequent
// address over an address at another domain ("john.smith@partner.example"
// <jsmith1977@gmail.com>), and the initial forms of one name swapped with
// the separator dropped (jsmith@ for smith.j@). Each test takes several
// members of its family, beyond the tester's examples, and the addresses
// of the family that must stay quiet.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "engine/address_typo.h"
#include "engine/address_typo_testing.h"
#include "engine/initial_forms.h"
#include "engine/mailbox_space.h"
#include "nearmiss/engine.h"

namespace nearmiss {
namespace {

using engine::AddressIndex;
using engine::SlipKind;

AddressIndex Index(std::initializer_list<const char*> frequent) { return AliceWroteTo(frequent); }

TEST(AddressTypoRound5, MailboxSpaces) {
  EXPECT_EQ(engine::MailboxSpace("googlemail.com"), "gmail.com");
  EXPECT_EQ(engine::MailboxSpace("gmail.com"), "gmail.com");
  EXPECT_EQ(engine::MailboxSpace("mac.com"), "icloud.com");
  EXPECT_EQ(engine::MailboxSpace("pm.me"), "proton.me");
  EXPECT_EQ(engine::MailboxSpace("ya.ru"), "yandex.ru");
  // Sister domains that are separate name spaces stay apart.
  EXPECT_EQ(engine::MailboxSpace("ymail.com"), "ymail.com");
  EXPECT_EQ(engine::MailboxSpace("outlook.com"), "outlook.com");
  EXPECT_TRUE(engine::MailboxSpaceDomains("hotmail.com").empty());
}

// Defect 1 (fail-open): a never-written address at one domain of a mailbox
// space was never compared with the frequent addresses at the other.
TEST(AddressTypoRound5, ASlipAcrossOneMailboxSpaceIsCompared) {
  AddressIndex index = Index({"john.smith@gmail.com", "maryjones@googlemail.com",
                              "pat.lee@me.com", "kim.park@icloud.com", "olga.petrova@yandex.ru",
                              "lena.f@proton.me"});
  ExpectSlips(index, {
      {"jon.smith@googlemail.com", "", "john.smith@gmail.com", SlipKind::kEdit},
      {"smith.john@googlemail.com", "", "john.smith@gmail.com", SlipKind::kSwappedParts},
      {"maryjone@gmail.com", "", "maryjones@googlemail.com", SlipKind::kEdit},
      {"mary.jone@gmail.com", "", "maryjones@googlemail.com", SlipKind::kEdit},
      {"pat.le@icloud.com", "", "pat.lee@me.com", SlipKind::kEdit},
      {"kim.prak@mac.com", "", "kim.park@icloud.com", SlipKind::kEdit},
      {"olga.petrov@ya.ru", "", "olga.petrova@yandex.ru", SlipKind::kEdit},
      {"lena.g@protonmail.com", "", "lena.f@proton.me", SlipKind::kEdit},
      {"jane.doe@googlemail.com", "John Smith", "john.smith@gmail.com", SlipKind::kDisplayName},
  });
  // The same mailbox at the other domain is no slip: known, or the same
  // once Gmail's dots are dropped.
  EXPECT_TRUE(index.Known("alice@mod.example", "john.smith@googlemail.com"));
  EXPECT_TRUE(index.Known("", "PAT.LEE@mac.com"));
  EXPECT_TRUE(index.Known("", "maryjones@gmail.com"));
  EXPECT_FALSE(index.Known("", "jon.smith@googlemail.com"));
  ExpectNoSlips(index, {{"mary.jones@gmail.com", ""}, {"j.o.h.n.smith@googlemail.com", ""}});
  // Separate name spaces are not one: hotmail.com's john.smith is not
  // outlook.com's, nor yahoo.com's ymail.com's.
  AddressIndex apart = Index({"john.smith@hotmail.com", "pat.lee@yahoo.com"});
  ExpectNoSlips(apart, {{"jon.smith@outlook.com", ""}, {"pat.le@ymail.com", ""}});
}

// Defect 2 (fail-open): a display name that is, or writes, a frequent
// address over an address at another domain was not compared: Best
// compares within the address's own domain.
TEST(AddressTypoRound5, ADisplayNameThatIsAFrequentAddressAtAnyDomain) {
  AddressIndex index = Index({"john.smith@partner.example", "kate.lee@gmail.com"});
  const std::string_view js = "john.smith@partner.example";
  const SlipKind k = SlipKind::kDisplayAddress;
  struct Case {
    std::string_view typed, display, known;
  };
  for (const Case& c : std::initializer_list<Case>{
           {"john.smith@newco.example", "\"john.smith@partner.example\"", js},
           {"jsmith1977@gmail.com", "john.smith@partner.example", js},
           {"jsmith1977@gmail.com", "'John.Smith@Partner.Example'", js},
           {"jsmith1977@gmail.com", "John Smith (john.smith@partner.example)", js},
           {"jsmith1977@gmail.com", "John Smith <john.smith@partner.example>", js},
           {"jsmith1977@gmail.com", "john.smith@partner.example via Partner", js},
           {"info@attacker.example", "=?UTF-8?Q?john.smith=40partner.example?=", js},
           {"kate@newjob.example", "kate.lee@googlemail.com", "kate.lee@gmail.com"},
           {"kate@newjob.example", "katelee@gmail.com", "kate.lee@gmail.com"},
       }) {
    engine::Slip slip;
    for (std::string_view sender : {"", "alice@mod.example"}) {
      ASSERT_TRUE(index.FindDisplaySlip(sender, c.typed, c.display, &slip))
          << c.typed << " '" << c.display << "' sender '" << sender << "'";
      EXPECT_EQ(slip.known, c.known) << c.typed << " '" << c.display << "'";
      EXPECT_EQ(slip.kind, k);
      EXPECT_NE(slip.detail.find("not this one"), std::string::npos) << slip.detail;
    }
  }
  // Quiet: the display name writes the address itself (also in Gmail's
  // other dots or domain), an address nobody writes to often, or none.
  engine::Slip slip;
  for (const auto& [typed, display] : std::initializer_list<std::pair<std::string_view, std::string_view>>{
           {"john.smith@partner.example", "john.smith@partner.example"},
           {"kate.lee@gmail.com", "katelee@googlemail.com"},
           {"jsmith1977@gmail.com", "jsmith1977@gmail.com"},
           {"jsmith1977@gmail.com", "someone.else@partner.example"},
           {"jsmith1977@gmail.com", "John Smith"},
           {"jsmith1977@gmail.com", ""},
       }) {
    EXPECT_FALSE(index.FindDisplaySlip("", typed, display, &slip)) << typed << " '" << display << "'";
  }
  // Bob's frequent contacts are not alice's.
  EXPECT_FALSE(index.FindDisplaySlip("bob@mod.example", "jsmith1977@gmail.com",
                                     "john.smith@partner.example", &slip));
}

// Defect 3 (fail-open): the initial forms of one name were compared one
// change at a time, so a swap with the separator dropped passed.
TEST(AddressTypoRound5, EveryInitialFormOfANameIsASlipOfEveryOther) {
  const char* forms[] = {"smith.j", "smithj", "jsmith", "j.smith", "j_smith", "smith-j",
                         "j-smith", "smith_j"};
  for (const char* known : forms) {
    std::string frequent = std::string(known) + "@beta.example";
    AddressIndex index = Index({frequent.c_str()});
    for (const char* typed : forms) {
      if (std::string_view(typed) == known) continue;
      std::string address = std::string(typed) + "@beta.example";
      EXPECT_TRUE(Find(index, address).has_value()) << typed << " for " << known;
    }
  }
  AddressIndex index = Index({"kowalski.a@delta.example", "a.kowalski@eps.example",
                              "li.w@zeta.example", "doej@eta.example"});
  // The kind is the first rule that reads it (kowalskia for a.kowalski is
  // InitialAfterFamily's); what matters is who is suggested.
  for (const auto& [typed, known] : std::initializer_list<std::pair<const char*, const char*>>{
           {"akowalski@delta.example", "kowalski.a@delta.example"},
           {"kowalskia@eps.example", "a.kowalski@eps.example"},
           {"akowalski@eps.example", "a.kowalski@eps.example"},
           {"w.li@zeta.example", "li.w@zeta.example"},
           {"jdoe@eta.example", "doej@eta.example"},
           {"j.doe@eta.example", "doej@eta.example"},
       }) {
    std::optional<engine::Slip> slip = Find(index, typed);
    ASSERT_TRUE(slip.has_value()) << typed;
    EXPECT_EQ(slip->known, known) << typed;
  }
  // Another initial or another family name is someone else; "wli" would
  // be li.w only read as a two-letter name run together (see below).
  ExpectNoSlips(index, {{"bkowalski@delta.example", ""},
                        {"kowalski.b@eps.example", ""},
                        {"wli@zeta.example", ""},
                        {"wlu@zeta.example", ""},
                        {"kdoe@eta.example", ""}});
  EXPECT_FALSE(engine::OtherInitialForm("jsmith", "jsmith"));
  EXPECT_FALSE(engine::OtherInitialForm("john.smith", "smith.john"));  // SwappedParts' own
  EXPECT_FALSE(engine::OtherInitialForm("jli", "lij"));  // a run-together name needs 3 letters
  EXPECT_TRUE(engine::OtherInitialForm("j.li", "li.j"));
}

// --- Through the engine: the recipient at a domain nobody writes to, and
// the milter's envelope recipient whose header carries the display name.

HistorySnapshot History() {
  HistorySnapshot h;
  h.domains.push_back({"partner.example", 40, 1'700'000'000, 1'704'000'000, false});
  h.domains.push_back({"gmail.com", 8, 1'700'000'000, 1'704'000'000, false});
  for (const char* to : {"john.smith@partner.example", "kim.park@gmail.com"}) {
    h.correspondents.push_back({"alice@mod.example", to, 8, 1'700'000'000, 1'704'000'000});
    h.addresses.push_back(to);
  }
  h.taken_at = 1'704'100'000;
  return h;
}

struct Judged {
  Action action = Action::kAccept;
  std::string suggestion;
};

Judged Check(const Engine& e, std::string_view rcpt, RecipientField field,
             std::string_view to_header) {
  Envelope env;
  env.sender = "alice@mod.example";
  env.recipients.push_back({rcpt, field});
  env.now = 1000;
  std::string raw = "To: " + std::string(to_header) + "\r\nSubject: Lunch\r\n\r\nhello\r\n";
  MessageCheck m = e.CheckMessage(env, MessageContent::Raw(raw, "test"));
  EXPECT_EQ(m.decision.recipients.size(), 1u) << rcpt;
  EXPECT_EQ(m.facts.recipients.size(), 1u) << rcpt;
  if (m.decision.recipients.empty() || m.facts.recipients.empty()) return {};
  return {m.decision.recipients[0].action, m.facts.recipients[0].check.suggestion};
}

TEST(AddressTypoRound5, TheEngineJudgesUnseenDomainsAndMailboxSpaces) {
  for (auto scope : {HistoryPolicy::TypoScope::kOrganisation, HistoryPolicy::TypoScope::kSender}) {
    Policy policy = *DefaultPolicy();
    policy.history.address_typo_scope = scope;
    HistorySnapshot h = History();
    Result<std::shared_ptr<const Engine>> compiled = Engine::Compile(policy, &h);
    ASSERT_TRUE(compiled.ok()) << compiled.status().ToString();
    const Engine& e = **compiled;
    const std::string display = "\"john.smith@partner.example\" <john.smith@newco.example>";
    // As the milter sees it: the envelope address, the display name in To:.
    Judged d =
        Check(e, "john.smith@newco.example", RecipientField::kEnvelope, display);
    EXPECT_EQ(d.action, Action::kConfirm);
    EXPECT_EQ(d.suggestion, "john.smith@partner.example");
    // As the API and check see it: the entry with its display name.
    d = Check(e, display, RecipientField::kTo, display);
    EXPECT_EQ(d.action, Action::kConfirm);
    EXPECT_EQ(d.suggestion, "john.smith@partner.example");
    // googlemail.com was never written to; its slip of kim.park@gmail.com is judged.
    d = Check(e, "kim.prak@googlemail.com", RecipientField::kEnvelope, "kim.prak@googlemail.com");
    EXPECT_EQ(d.action, Action::kConfirm);
    EXPECT_EQ(d.suggestion, "kim.park@gmail.com");
    // Quiet: the same mailbox at the other domain, and a plain new contact.
    for (const char* quiet : {"kim.park@googlemail.com", "kimpark@googlemail.com",
                              "pat.new@newco.example"}) {
      EXPECT_EQ(Check(e, quiet, RecipientField::kEnvelope, quiet).action, Action::kAccept) << quiet;
    }
    EXPECT_EQ(Check(e, "\"Pat New\" <pat.new@newco.example>", RecipientField::kTo,
                    "\"Pat New\" <pat.new@newco.example>").action,
              Action::kAccept);
  }
}

// Item 9 (fail-open): one Sent copy of a past slip made the slip an
// address written to, for every sender and for good.
TEST(AddressTypoRound5, ARareAddressIsStillASlipOfAMuchMoreFrequentOne) {
  for (auto scope : {HistoryPolicy::TypoScope::kOrganisation, HistoryPolicy::TypoScope::kSender}) {
    Policy policy = *DefaultPolicy();
    policy.history.address_typo_scope = scope;
    HistorySnapshot h;
    h.domains.push_back({"partner.example", 60, 1'700'000'000, 1'704'000'000, false});
    auto wrote = [&h](const char* sender, const char* to, int64_t n) {
      h.correspondents.push_back({sender, to, n, 1'700'000'000, 1'704'000'000});
      h.addresses.push_back(to);
    };
    wrote("alice@mod.example", "john.smith@partner.example", 10);
    wrote("alice@mod.example", "jon.smith@partner.example", 1);   // the past slip, once
    wrote("alice@mod.example", "mary.jones@partner.example", 8);
    wrote("alice@mod.example", "mary.jone@partner.example", 2);   // 2 against 8: too close
    wrote("alice@mod.example", "kate.lee@partner.example", 10);
    wrote("alice@mod.example", "kate.le@partner.example", 3);     // established
    wrote("alice@mod.example", "pat.new@partner.example", 1);     // rare, but no near miss
    wrote("alice@mod.example", "sam.cole@partner.example", 20);
    wrote("alice@mod.example", "sam.cole+x@partner.example", 1);  // its own mailbox
    wrote("alice@mod.example", "sam.col@partner.example", 2);     // 2 against 20
    h.taken_at = 1'704'100'000;
    Result<std::shared_ptr<const Engine>> compiled = Engine::Compile(policy, &h);
    ASSERT_TRUE(compiled.ok()) << compiled.status().ToString();
    const Engine& e = **compiled;
    auto check = [&e](const char* to) { return Check(e, to, RecipientField::kEnvelope, to); };
    Judged d = check("jon.smith@partner.example");
    EXPECT_EQ(d.action, Action::kConfirm);
    EXPECT_EQ(d.suggestion, "john.smith@partner.example");
    d = check("sam.col@partner.example");
    EXPECT_EQ(d.action, Action::kConfirm);
    EXPECT_EQ(d.suggestion, "sam.cole@partner.example");
    for (const char* quiet : {"mary.jone@partner.example", "kate.le@partner.example",
                              "pat.new@partner.example", "sam.cole+x@partner.example",
                              "john.smith@partner.example"}) {
      EXPECT_EQ(check(quiet).action, Action::kAccept) << quiet;
    }
  }
}

}  // namespace
}  // namespace nearmiss
