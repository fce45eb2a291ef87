// The rule conditions `can_receive` and `catch_all` over
// RecipientCheck::dns, and [dns] in the policy: hold a look-alike only if it
// can receive mail (or accepts any address), failing closed when the answer
// is unknown or was never asked, and deferring to the end of message while
// the answer is on its way (RecipientCheck::dns_pending).
#include <gtest/gtest.h>

#include "nearmiss/engine.h"

namespace nearmiss {
namespace {

constexpr const char* kPolicy = "tests/dns/can-receive.toml";

DnsFacts Facts(std::optional<bool> exists, std::optional<bool> mx, MailExchanger m,
               std::string unknown = "") {
  DnsFacts f;
  f.exists = exists;
  f.mx = mx;
  f.exchanger = m;
  f.unknown = std::move(unknown);
  f.checked_at = "2026-11-30T19:00:00Z";
  return f;
}

class DnsConditionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<Policy> p = LoadPolicyFile(kPolicy);
    ASSERT_TRUE(p.ok()) << p.status().message();
    policy_ = *p;
    auto e = Engine::Compile(policy_);
    ASSERT_TRUE(e.ok());
    engine_ = *e;
  }

  RecipientDecision DecisionFor(std::optional<DnsFacts> dns, bool pending = false) {
    RecipientCheck c = engine_->CheckRecipient("bob@army.ml");
    EXPECT_EQ(c.verdict, Verdict::kLookalike);
    c.dns = std::move(dns);
    c.dns_pending = pending;
    return engine_->DecideRecipient("alice@mod.gov.uk", c, RecipientField::kEnvelope,
                                    MailPath::kSmtp);
  }
  std::string RuleFor(std::optional<DnsFacts> dns) { return DecisionFor(std::move(dns)).rule.name; }

  Policy policy_;
  std::shared_ptr<const Engine> engine_;
};

TEST_F(DnsConditionTest, PolicyReadsTheDnsSection) {
  EXPECT_TRUE(policy_.dns.enabled);
  EXPECT_EQ(policy_.dns.servers, (std::vector<std::string>{"127.0.0.1:5353", "[::1]:53"}));
  EXPECT_EQ(policy_.dns.timeout_ms, 250);
  EXPECT_EQ(policy_.dns.cache_ttl_max, 60);
  EXPECT_EQ(policy_.dns.cache_size, 100);
  EXPECT_EQ(policy_.rules[0].can_receive, false);
  EXPECT_FALSE(DefaultPolicy()->dns.enabled);  // off by default
}

TEST_F(DnsConditionTest, CannotReceiveMatchesOnlyAKnownNo) {
  EXPECT_EQ(RuleFor(Facts(false, false, MailExchanger::kNone)), "lookalike-cannot-receive");
  EXPECT_EQ(RuleFor(Facts(true, false, MailExchanger::kNullMx)), "lookalike-cannot-receive");
  EXPECT_EQ(RuleFor(Facts(true, true, MailExchanger::kMx)), "lookalike");
  EXPECT_EQ(RuleFor(Facts(true, true, MailExchanger::kImplicit)), "lookalike");
}

TEST_F(DnsConditionTest, UnknownOrNotAskedFailsClosed) {
  EXPECT_EQ(RuleFor(Facts(std::nullopt, std::nullopt, MailExchanger::kUnknown, "timeout")),
            "lookalike");
  EXPECT_EQ(RuleFor(Facts(std::nullopt, std::nullopt, MailExchanger::kUnknown, "SERVFAIL")),
            "lookalike");
  EXPECT_EQ(RuleFor(std::nullopt), "lookalike");
}

// Regression (issue 15): a reject rule behind a DNS condition acted at RCPT
// before the answer came; it now defers to the end of message.
TEST_F(DnsConditionTest, PendingAnswerDefersARuleWithADnsCondition) {
  RecipientDecision d = DecisionFor(std::nullopt, /*pending=*/true);
  EXPECT_TRUE(d.deferred);
  EXPECT_FALSE(d.at_rcpt);
  EXPECT_EQ(d.action, Action::kAccept);  // nothing refused at RCPT
  // The answer in: decided at once.
  RecipientDecision known = DecisionFor(Facts(true, true, MailExchanger::kMx));
  EXPECT_FALSE(known.deferred);
  EXPECT_EQ(known.rule.name, "lookalike");
}

class CatchAllConditionTest : public DnsConditionTest {
 protected:
  void SetUp() override {
    Result<Policy> p = LoadPolicyFile("tests/dns/catch-all.toml");
    ASSERT_TRUE(p.ok()) << p.status().message();
    policy_ = *p;
    auto e = Engine::Compile(policy_);
    ASSERT_TRUE(e.ok());
    engine_ = *e;
  }
  static DnsFacts Probed(std::optional<bool> catch_all, std::string why = "") {
    DnsFacts f = Facts(true, true, MailExchanger::kMx);
    f.catch_all = catch_all;
    f.catch_all_unknown = std::move(why);
    return f;
  }
};

TEST_F(CatchAllConditionTest, PolicyReadsTheProbeKeys) {
  EXPECT_TRUE(policy_.dns.catch_all_probe);
  EXPECT_EQ(policy_.dns.catch_all_port, 2525);
  EXPECT_EQ(policy_.dns.catch_all_timeout_ms, 800);
  EXPECT_EQ(policy_.dns.catch_all_cache_ttl, 3600);
  EXPECT_EQ(policy_.dns.catch_all_max_probes, 4);
  EXPECT_EQ(policy_.rules[0].catch_all, true);
  EXPECT_FALSE(DefaultPolicy()->dns.catch_all_probe);  // off by default
  EXPECT_EQ(DefaultPolicy()->dns.catch_all_port, 25);
}

TEST_F(CatchAllConditionTest, CatchAllMatchesAKnownYesAndFailsClosed) {
  EXPECT_EQ(RuleFor(Probed(true)), "lookalike-catch-all");
  EXPECT_EQ(RuleFor(Probed(false)), "lookalike");
  EXPECT_EQ(RuleFor(Probed(std::nullopt, "timeout")), "lookalike-catch-all");
  EXPECT_EQ(RuleFor(std::nullopt), "lookalike-catch-all");  // never asked
  // A domain that receives no mail accepts no address.
  EXPECT_EQ(RuleFor(Facts(true, false, MailExchanger::kNullMx)), "lookalike");
  EXPECT_EQ(RuleFor(Facts(false, false, MailExchanger::kNone)), "lookalike");
}

TEST_F(CatchAllConditionTest, PendingAnswerDefers) {
  EXPECT_TRUE(DecisionFor(std::nullopt, /*pending=*/true).deferred);
}

TEST(DnsPolicyTest, BadProbeValuesNameWhere) {
  std::vector<PolicyError> errors = LintPolicy(
      "[dns]\ncatch_all_port = 0\ncatch_all_probe = \"yes\"\n[[rule]]\n"
      "recipient = [\"lookalike\"]\ncatch_all = 1\naction = \"hold\"\n",
      "p.toml", "");
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors[0].where.rfind("p.toml:2:", 0), 0u);
  EXPECT_EQ(errors[1].where.rfind("p.toml:3:", 0), 0u);
  EXPECT_EQ(errors[2].where.rfind("p.toml:6:", 0), 0u);
}

TEST(DnsPolicyTest, BadValuesNameWhere) {
  std::vector<PolicyError> errors = LintPolicy(
      "[dns]\nservers = [\"dns.example\", \"127.0.0.1:99999\"]\ntimeout_ms = 0\nenable = true\n",
      "p.toml", "");
  ASSERT_EQ(errors.size(), 4u);
  EXPECT_EQ(errors[0].where, "p.toml:2:12");
  EXPECT_NE(errors[0].what.find("bad DNS server 'dns.example'"), std::string::npos);
  EXPECT_NE(errors[1].what.find("127.0.0.1:99999"), std::string::npos);
  EXPECT_EQ(errors[2].where.rfind("p.toml:3:", 0), 0u);
  EXPECT_NE(errors[3].what.find("enable"), std::string::npos);
  EXPECT_EQ(errors[3].hint, "did you mean 'enabled'?");
}

// Issue 15: `servers = []` silently meant the system's resolv.conf, and
// with it a public server. It is an error; "system" names that choice.
TEST(DnsPolicyTest, AnEmptyServerListIsAnErrorSystemMustBeNamedAlone) {
  std::vector<PolicyError> errors =
      LintPolicy("[dns]\nenabled = true\nservers = []\n", "p.toml", "");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].where.rfind("p.toml:3:", 0), 0u);
  EXPECT_NE(errors[0].what.find("names no DNS server"), std::string::npos);
  errors = LintPolicy("[dns]\nservers = [\"system\", \"127.0.0.1\"]\n", "p.toml", "");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].what.find("\"system\" stands alone"), std::string::npos);
  errors = LintPolicy("[dns]\nservers = [\"127.0.0.1:0\"]\n", "p.toml", "");
  EXPECT_EQ(errors.size(), 1u);
  EXPECT_TRUE(LintPolicy("[dns]\nservers = [\"system\"]\n", "p.toml", "").empty());
  EXPECT_TRUE(LintPolicy("[dns]\nservers = [\"[::1]\"]\n", "p.toml", "").empty());
}

TEST(DnsPolicyTest, CanReceiveMustBeABoolean) {
  std::vector<PolicyError> errors = LintPolicy(
      "[[rule]]\nrecipient = [\"lookalike\"]\ncan_receive = \"yes\"\naction = \"hold\"\n",
      "p.toml", "");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].where.rfind("p.toml:3:", 0), 0u);
}


// Issue 15, fresh tester 15, finding 26: a look-alike is looked up only
// when a rule that could decide it has a DNS condition; a query for one the
// policy refuses whatever DNS says would only tell its name servers.
std::shared_ptr<const Engine> CompiledFrom(const Policy& policy) {
  auto e = Engine::Compile(policy);
  EXPECT_TRUE(e.ok());
  return e.ok() ? *e : nullptr;
}

TEST(DnsCanDecideTest, TheDefaultPolicyAsksDnsOnlyWhereACanReceiveRuleDecides) {
  Result<Policy> p = DefaultPolicy();
  ASSERT_TRUE(p.ok());
  std::shared_ptr<const Engine> engine = CompiledFrom(*p);
  ASSERT_NE(engine, nullptr);
  // army.ml: rule 1 (protected look-alike, reject) decides, no DNS.
  RecipientCheck army = engine->CheckRecipient("bob@army.ml");
  ASSERT_EQ(army.verdict, Verdict::kLookalike);
  EXPECT_FALSE(army.dns_can_decide);
  // gmai.com: lookalike-confirm (can_receive = true) or
  // lookalike-undeliverable (can_receive = false) decides.
  RecipientCheck gmai = engine->CheckRecipient("bob@gmai.com");
  ASSERT_EQ(gmai.verdict, Verdict::kLookalike);
  EXPECT_TRUE(gmai.dns_can_decide);
  // Not a look-alike: never looked up anyway, and said so as "can decide"
  // (the shells ask the verdict first).
  EXPECT_TRUE(engine->CheckRecipient("bob@example.org").dns_can_decide);
}

TEST(DnsCanDecideTest, ARuleWithADnsConditionFirstMakesEveryLookalikeAsked) {
  Result<Policy> p = LoadPolicyFile(kPolicy);  // lookalike-cannot-receive first
  ASSERT_TRUE(p.ok());
  std::shared_ptr<const Engine> engine = CompiledFrom(*p);
  ASSERT_NE(engine, nullptr);
  EXPECT_TRUE(engine->CheckRecipient("bob@army.ml").dns_can_decide);
}

TEST(DnsCanDecideTest, ARuleAboutTheMessageOrAWarnDoesNotSettleIt) {
  // A rule on the message's level may not match, and a warn is passed on
  // to later rules: the can_receive rule after either can still decide.
  for (const char* first : {"sensitivity_at_least = \"SECRET\"\naction = \"reject\"\n",
                            "action = \"warn\"\n"}) {
    std::string text = "[domains]\nprotected = [\"army.mil\"]\n[[rule]]\nname = \"first\"\n"
                       "recipient = [\"lookalike\"]\ntarget = [\"protected\"]\n";
    text += first;
    text += "[[rule]]\nname = \"dns\"\nrecipient = [\"lookalike\"]\ncan_receive = false\n"
            "action = \"reject\"\n[[rule]]\nname = \"rest\"\nrecipient = [\"lookalike\"]\n"
            "action = \"reject\"\n";
    Result<Policy> p = ParsePolicy(text, "p.toml", "");
    ASSERT_TRUE(p.ok()) << p.status().message();
    std::shared_ptr<const Engine> engine = CompiledFrom(*p);
    ASSERT_NE(engine, nullptr);
    EXPECT_TRUE(engine->CheckRecipient("bob@army.ml").dns_can_decide) << first;
  }
  // A plain reject before the can_receive rule settles it: not asked.
  Result<Policy> p = ParsePolicy(
      "[domains]\nprotected = [\"army.mil\"]\n[[rule]]\nname = \"first\"\n"
      "recipient = [\"lookalike\"]\ntarget = [\"protected\"]\naction = \"hold\"\n"
      "[[rule]]\nname = \"dns\"\n"
      "recipient = [\"lookalike\"]\ncan_receive = false\naction = \"reject\"\n",
      "p.toml", "");
  ASSERT_TRUE(p.ok()) << p.status().message();
  std::shared_ptr<const Engine> engine = CompiledFrom(*p);
  ASSERT_NE(engine, nullptr);
  EXPECT_FALSE(engine->CheckRecipient("bob@army.ml").dns_can_decide);
}

TEST(DnsCanDecideTest, LookupEveryLookalikeIsReadFromThePolicy) {
  Result<Policy> p = ParsePolicy("[dns]\nlookup_every_lookalike = true\n", "p.toml", "");
  ASSERT_TRUE(p.ok()) << p.status().message();
  EXPECT_TRUE(p->dns.lookup_every_lookalike);
  Result<Policy> d = DefaultPolicy();
  ASSERT_TRUE(d.ok());
  EXPECT_FALSE(d->dns.lookup_every_lookalike);
}

}  // namespace
}  // namespace nearmiss
