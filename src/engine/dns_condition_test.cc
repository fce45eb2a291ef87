// The rule condition `can_receive` over RecipientCheck::dns, and [dns]
// in the policy: hold a look-alike only if it can receive mail, failing
// closed when the answer is unknown or was never asked.
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

  std::string RuleFor(std::optional<DnsFacts> dns) {
    RecipientCheck c = engine_->CheckRecipient("bob@army.ml");
    EXPECT_EQ(c.verdict, Verdict::kLookalike);
    c.dns = std::move(dns);
    RecipientDecision d = engine_->DecideRecipient("alice@mod.gov.uk", c,
                                                   RecipientField::kEnvelope, MailPath::kSmtp);
    return d.rule.name;
  }

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

TEST(DnsPolicyTest, CanReceiveMustBeABoolean) {
  std::vector<PolicyError> errors = LintPolicy(
      "[[rule]]\nrecipient = [\"lookalike\"]\ncan_receive = \"yes\"\naction = \"hold\"\n",
      "p.toml", "");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].where.rfind("p.toml:3:", 0), 0u);
}

}  // namespace
}  // namespace nearmiss
