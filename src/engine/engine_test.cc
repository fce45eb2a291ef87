#include "nearmiss/engine.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace nearmiss {
namespace {

std::shared_ptr<const Engine> CompileOrDie(const Policy& policy) {
  auto engine = Engine::Compile(policy);
  EXPECT_TRUE(engine.ok()) << engine.status().ToString();
  return engine.ok() ? *engine : nullptr;
}

std::shared_ptr<const Engine> DefaultEngine() { return CompileOrDie(*DefaultPolicy()); }

TEST(EngineTest, TheIssueExample) {
  auto engine = DefaultEngine();
  RecipientCheck bob = engine->CheckRecipient("bob@army.ml");
  EXPECT_EQ(bob.verdict, Verdict::kLookalike);
  EXPECT_EQ(bob.target, "army.mil");
  EXPECT_EQ(bob.suggestion, "bob@army.mil");
  ASSERT_EQ(bob.reasons.size(), 1u);
  EXPECT_EQ(ReasonCodeName(bob.reasons[0].code), "suffix-edit");

  EXPECT_EQ(engine->CheckRecipient("alice@army.mil").verdict, Verdict::kTrusted);
  RecipientCheck carol = engine->CheckRecipient("carol@gmial.com");
  EXPECT_EQ(carol.verdict, Verdict::kLookalike);
  EXPECT_EQ(carol.target, "gmail.com");
  EXPECT_EQ(carol.suggestion, "carol@gmail.com");
}

// Issue 15 breaker, fix 10: a doubled or leading dot (gmail..com) was
// invalid with no suggestion. It stays invalid (fail closed) and says what
// was meant: the repaired address, or a look-alike's suggestion.
TEST(EngineTest, DotSlipsAreInvalidWithTheMeantAddress) {
  auto engine = DefaultEngine();
  for (auto [typed, meant] : {std::pair{"x@gmail..com", "x@gmail.com"},
                              {"x@army..mil", "x@army.mil"},
                              {"x@live.com..pt", "x@live.com.pt"},
                              {"x@.army.mil", "x@army.mil"},
                              {"x@gmail...com", "x@gmail.com"},
                              {"<x@hq..army..mil>", "x@hq.army.mil"},
                              {"x@gmial..com", "x@gmail.com"}}) {
    RecipientCheck c = engine->CheckRecipient(typed);
    EXPECT_EQ(c.verdict, Verdict::kInvalid) << typed;
    EXPECT_EQ(c.suggestion, meant) << typed;
  }
  EXPECT_EQ(engine->CheckRecipient("x@shop..example.org").suggestion, "x@shop.example.org");
  EXPECT_EQ(engine->CheckRecipient("x@a..b..zz").suggestion, "");  // still invalid
  EXPECT_EQ(engine->CheckRecipient("x@gmail..com").reasons.size(), 1u);
}

TEST(EngineTest, InvalidAddressesSayWhy) {
  RecipientCheck c = DefaultEngine()->CheckRecipient("bob.army.mil");
  EXPECT_EQ(c.verdict, Verdict::kInvalid);
  ASSERT_EQ(c.reasons.size(), 1u);
  EXPECT_EQ(ReasonCodeName(c.reasons[0].code), "invalid-address");
  EXPECT_NE(ReasonMessage(c.reasons[0]).find("@"), std::string::npos);
}

TEST(EngineTest, BlockBeatsLookalikeAndAllowBeatsBlock) {
  Policy p = *DefaultPolicy();
  p.block.push_back({".ml", "test:1"});
  p.allow.push_back({"partner.ml", "test:2"});
  auto engine = CompileOrDie(p);
  RecipientCheck bob = engine->CheckRecipient("bob@army.ml");
  EXPECT_EQ(bob.verdict, Verdict::kBlocked);
  EXPECT_EQ(ReasonCodeName(bob.reasons[0].code), "blocked");
  EXPECT_EQ(bob.suggestion, "bob@army.mil");  // still helps the sender
  EXPECT_EQ(engine->CheckRecipient("x@partner.ml").verdict, Verdict::kTrusted);
  EXPECT_EQ(engine->CheckRecipient("x@sub.partner.ml").verdict, Verdict::kTrusted);
  EXPECT_EQ(engine->CheckRecipient("x@example.com").verdict, Verdict::kExternal);
}

TEST(EngineTest, ATrustedDomainIsNeverALookalike) {
  Policy p = *DefaultPolicy();
  p.organisation.push_back({"gmial.com", "test:1"});
  EXPECT_EQ(CompileOrDie(p)->CheckRecipient("x@gmial.com").verdict, Verdict::kTrusted);
}

// A golden of check answers under the embedded default policy plus
// extra-protected.txt, one case a line:
// INPUT <tab> VERDICT <tab> REASON <tab> TARGET <tab> SUGGESTION <tab> SOURCE
// Returns the number of cases read.
int CheckGolden(const std::string& path) {
  Policy policy = *DefaultPolicy();
  auto extra = ReadDomainListFile("tests/testdata/check/extra-protected.txt");
  EXPECT_TRUE(extra.ok()) << extra.status().ToString();
  if (!extra.ok()) return 0;
  policy.protected_domains = *extra;
  auto engine = CompileOrDie(policy);
  std::ifstream in(path);
  EXPECT_TRUE(in) << "run from the source tree";
  std::string line;
  int cases = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f;
    std::stringstream ss(line);
    for (std::string field; std::getline(ss, field, '\t');) f.push_back(field);
    EXPECT_GE(f.size(), 5u) << line;
    if (f.size() < 5) continue;
    RecipientCheck c = engine->CheckRecipient(f[0]);
    std::string reason = c.reasons.empty() ? "-" : std::string(ReasonCodeName(c.reasons.front().code));
    std::string target = c.target.empty() ? "-" : c.target;
    std::string suggestion = c.suggestion.empty() ? "-" : c.suggestion;
    EXPECT_EQ(VerdictName(c.verdict), f[1]) << f[0] << ": " << (c.reasons.empty() ? "" : ReasonMessage(c.reasons[0]));
    EXPECT_EQ(reason, f[2]) << f[0] << ": " << (c.reasons.empty() ? "" : ReasonMessage(c.reasons[0]));
    EXPECT_EQ(target, f[3]) << f[0];
    EXPECT_EQ(suggestion, f[4]) << f[0];
    ++cases;
  }
  return cases;
}

// Real misdirection cases.
TEST(EngineTest, RealCasesGolden) { EXPECT_GE(CheckGolden("tests/testdata/check/real-cases.tsv"), 20); }

// The families of the issue 15 breaker's third round: a label inserted in
// the ending, a provider under a misspelt second level, two slips in a
// five-letter name, real regional domains, a regional domain one key away,
// a country's government zone one key away.
TEST(EngineTest, Breaker15Round3Golden) {
  EXPECT_GE(CheckGolden("tests/testdata/check/breaker15-round3.tsv"), 40);
}

}  // namespace
}  // namespace nearmiss
