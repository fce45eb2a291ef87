// The milter's checker with DNS signals: RCPT never waits on a lookup; facts
// already known are used, and until then the look-alike counts as able to
// receive mail.
#include <gtest/gtest.h>

#include <mutex>

#include "milter/checker.h"
#include "nearmiss/engine.h"

namespace nearmiss::milter {
namespace {

// A DnsSource whose answers the test releases: Lookup hands out the same
// pending future until Answer() fulfils it.
class ScriptedDns : public DnsSource {
 public:
  std::shared_future<DnsFacts> Lookup(std::string_view domain) override {
    std::lock_guard<std::mutex> lock(mu_);
    domains_.emplace_back(domain);
    return future_;
  }
  void Answer(DnsFacts facts) { promise_.set_value(std::move(facts)); }
  std::vector<std::string> domains() {
    std::lock_guard<std::mutex> lock(mu_);
    return domains_;
  }

 private:
  std::mutex mu_;
  std::promise<DnsFacts> promise_;
  std::shared_future<DnsFacts> future_ = promise_.get_future().share();
  std::vector<std::string> domains_;
};


// Regression (issue 15): a rule on DNS facts used to be judged at RCPT
// before the answer (no facts counted as "can receive"); it now defers to
// the end of message, where the connection waits for the answer.
TEST(DnsCheckerTest, RcptNeverWaitsAndDefersDnsRulesUntilTheAnswerIsKnown) {
  Result<Policy> p = LoadPolicyFile("tests/dns/can-receive.toml");
  ASSERT_TRUE(p.ok()) << p.status().message();
  auto engine = Engine::Compile(*p);
  ASSERT_TRUE(engine.ok());
  auto scripted = std::make_shared<ScriptedDns>();
  ScriptedDns& dns = *scripted;
  auto checker = MakeEngineChecker(*engine, nullptr, scripted);

  // Not answered yet: returns at once, no facts, and the first rule asks
  // about them: deferred to the end of message, nothing refused at RCPT.
  RecipientCheck first = checker->CheckRecipient("bob@army.ml");
  EXPECT_FALSE(first.dns.has_value());
  EXPECT_TRUE(first.dns_pending);
  RecipientDecision d = checker->DecideRecipient("a@mod.gov.uk", first, MailPath::kSmtp);
  EXPECT_TRUE(d.deferred);
  EXPECT_EQ(d.rule.name, "deferred");

  DnsFacts nx;
  nx.exists = false;
  nx.mx = false;
  nx.exchanger = MailExchanger::kNone;
  nx.checked_at = "2026-11-30T19:00:00Z";
  dns.Answer(nx);
  RecipientCheck second = checker->CheckRecipient("bob@army.ml");
  ASSERT_TRUE(second.dns.has_value());
  EXPECT_EQ(second.dns->exists, false);
  EXPECT_EQ(checker->DecideRecipient("a@mod.gov.uk", second, MailPath::kSmtp).rule.name,
            "lookalike-cannot-receive");

  // Trusted and external domains are never looked up.
  checker->CheckRecipient("carol@army.mil");
  checker->CheckRecipient("dave@example.com");
  EXPECT_EQ(dns.domains(), (std::vector<std::string>{"army.ml", "army.ml"}));
}

}  // namespace
}  // namespace nearmiss::milter
