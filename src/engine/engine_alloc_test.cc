// Engine::CheckRecipient's in-place form allocates nothing for a plain
// address at a trusted domain once warm (engine.h). This binary links the
// counting operator new (base/alloc_counter.h), so the test fails as soon as
// an allocation comes back on that path.
#include <gtest/gtest.h>

#include "base/alloc_counter.h"
#include "engine/engine_testing.h"
#include "nearmiss/engine.h"

namespace nearmiss {
namespace {

// Allocations made by one in-place check into `out`.
uint64_t AllocationsOf(const Engine& engine, std::string_view input, RecipientCheck* out) {
  const uint64_t before = base::ThreadAllocations();
  engine.CheckRecipient(input, out);
  return base::ThreadAllocations() - before;
}

// Longer than any small-string buffer, so only reuse can avoid the heap.
constexpr std::string_view kTrusted[] = {
    "quartermaster.general@logistics.army.mil",  // under the namespace .mil
    "<Someone.With.A.Long.Name@OUTLOOK.COM.>",   // a provider, upper case, root dot
    "j.bloggs-1975@subdomain.of.mod.gov.uk",
};

TEST(EngineAllocTest, WarmTrustedCheckAllocatesNothing) {
  auto engine = BuildDefault();
  ASSERT_NE(engine, nullptr);
  for (std::string_view input : kTrusted) {
    RecipientCheck out;
    engine->CheckRecipient(input, &out);  // warms `out` and the thread's parse buffer
    ASSERT_EQ(out.verdict, Verdict::kTrusted) << input;
    EXPECT_EQ(AllocationsOf(*engine, input, &out), 0u) << input;
    EXPECT_EQ(out.verdict, Verdict::kTrusted) << input;
  }
}

TEST(EngineAllocTest, ReuseGivesTheSameAnswerAsAFreshCheck) {
  auto engine = BuildDefault();
  ASSERT_NE(engine, nullptr);
  // A look-alike, an invalid, a routed and an irregular address leave more
  // in `out` than the trusted check after them: nothing of theirs may stay.
  const std::string_view inputs[] = {
      "bob@army.ml",   "bob.army.mil",         "bob%army.ml@mail.example.org",
      "bob.@army.mil", kTrusted[0],            "carol@gmial.com",
      kTrusted[1],     "\"a b\"@logistics.army.mil", kTrusted[2],
  };
  RecipientCheck out;
  for (std::string_view input : inputs) {
    engine->CheckRecipient(input, &out);
    RecipientCheck fresh = engine->CheckRecipient(input);
    EXPECT_EQ(out.input, fresh.input);
    EXPECT_EQ(out.address, fresh.address) << input;
    EXPECT_EQ(out.domain, fresh.domain) << input;
    EXPECT_EQ(out.domain_unicode, fresh.domain_unicode) << input;
    EXPECT_EQ(out.verdict, fresh.verdict) << input;
    EXPECT_EQ(out.target, fresh.target) << input;
    EXPECT_EQ(out.suggestion, fresh.suggestion) << input;
    EXPECT_EQ(out.score, fresh.score) << input;
    EXPECT_EQ(out.reasons, fresh.reasons) << input;
    EXPECT_EQ(out.route_domains, fresh.route_domains) << input;
  }
}

// Engine::Decide reads the scanner's findings where they are: a message's
// weak findings (running-text words, long strings) cost it nothing, where
// a copy of them cost an allocation per string (bench/milter-instructions,
// round 38). Distinct recipients are counted without copying addresses.
TEST(EngineAllocTest, DecideCopiesNeitherFindingsNorAddresses) {
  auto engine = BuildDefault();
  ASSERT_NE(engine, nullptr);
  MessageFacts plain;
  plain.sender = "alice@mod.gov.uk";
  plain.path = MailPath::kSmtp;
  for (std::string_view a : {"quartermaster.general@logistics.army.mil",
                             "quartermaster.general@logistics.army.mil",
                             "someone.with.a.long.name@partner-organisation.example"}) {
    plain.recipients.push_back({engine->CheckRecipient(a), RecipientField::kEnvelope, 0});
  }
  MessageFacts worded = plain;
  for (int i = 0; i < 4; ++i) {
    content::Finding f;
    f.marking = "secret (a running-text word, weak)";
    f.pack = "uk-pack-with-a-long-name";
    f.where = "attachment:quarterly-figures.docx";
    f.text = "the secret of the quarterly figures";
    f.strength = content::Strength::kWeak;
    worded.sensitivity.findings.push_back(f);
  }
  engine->Decide(plain);  // warm
  uint64_t before = base::ThreadAllocations();
  Decision a = engine->Decide(plain);
  uint64_t plain_allocations = base::ThreadAllocations() - before;
  before = base::ThreadAllocations();
  Decision b = engine->Decide(worded);
  uint64_t worded_allocations = base::ThreadAllocations() - before;
  EXPECT_EQ(a.message_action, b.message_action);
  EXPECT_EQ(a.rule.id, b.rule.id);
  EXPECT_EQ(worded_allocations, plain_allocations);
}

// The counter itself: a cold check, and a look-alike's sentence facts, do
// allocate, so a zero above is a measurement and not a dead counter.
TEST(EngineAllocTest, TheCounterSeesAllocations) {
  auto engine = BuildDefault();
  ASSERT_NE(engine, nullptr);
  RecipientCheck cold;
  EXPECT_GT(AllocationsOf(*engine, kTrusted[0], &cold), 0u);
  RecipientCheck out;
  engine->CheckRecipient("somebody.long@logistics.army.ml", &out);
  EXPECT_EQ(out.verdict, Verdict::kLookalike);
  EXPECT_GT(AllocationsOf(*engine, "somebody.long@logistics.army.ml", &out), 0u);
}

}  // namespace
}  // namespace nearmiss
