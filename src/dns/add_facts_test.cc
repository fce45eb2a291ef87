// Which look-alikes the shells ask DNS about (add_facts.h): never one whose
// facts are known without asking.
#include "dns/add_facts.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace nearmiss::dns {
namespace {

// A DnsSource that answers every lookup "exists, with MX" at once and keeps
// the names it was asked.
class CountingDns : public DnsSource {
 public:
  std::shared_future<DnsFacts> Lookup(std::string_view domain) override {
    asked.emplace_back(domain);
    DnsFacts f;
    f.exists = true;
    f.mx = true;
    f.exchanger = MailExchanger::kMx;
    std::promise<DnsFacts> p;
    p.set_value(std::move(f));
    return p.get_future().share();
  }
  std::vector<std::string> asked;
};

RecipientCheck Lookalike(std::string domain) {
  RecipientCheck c;
  c.verdict = Verdict::kLookalike;
  c.address = "bob@" + domain;
  c.domain = std::move(domain);
  Reason r;
  r.code = ReasonCode::kDotOmission;
  c.reasons.push_back(r);
  return c;
}

// Issue 15, round 37, item 1: gmailcom (gmail.com with its dot left out)
// was looked up like any look-alike, telling the server the name and, with
// the system resolver's search list, asking gmailcom.$domain: a one-label
// name is no mail domain, its facts are known.
TEST(AddFactsTest, ANameOfOneLabelIsNeverAsked) {
  for (const char* typed : {"gmailcom", "gmail-com", "armymil", "xn--gmilcom-8ng"}) {
    CountingDns dns;
    RecipientCheck wait = Lookalike(typed);
    EXPECT_FALSE(AddDnsFacts(dns, &wait)) << typed;
    ASSERT_TRUE(wait.dns.has_value()) << typed;
    EXPECT_EQ(wait.dns->exists, false) << typed;
    EXPECT_EQ(wait.dns->mx, false) << typed;
    EXPECT_FALSE(wait.dns->CanReceive()) << typed;

    RecipientCheck ready = Lookalike(typed);
    EXPECT_TRUE(AddReadyDnsFacts(dns, &ready)) << typed;
    EXPECT_FALSE(ready.dns_pending) << typed;
    ASSERT_TRUE(ready.dns.has_value()) << typed;
    EXPECT_EQ(ready.dns->mx, false) << typed;

    RecipientCheck batch = Lookalike(typed);
    EXPECT_FALSE(StartLookup(dns, &batch).has_value()) << typed;
    ASSERT_TRUE(batch.dns.has_value()) << typed;
    EXPECT_TRUE(dns.asked.empty()) << typed << " was asked";
  }
  // A look-alike with a dot is asked, as before.
  CountingDns dns;
  RecipientCheck dotted = Lookalike("gmial.com");
  EXPECT_TRUE(AddDnsFacts(dns, &dotted));
  EXPECT_EQ(dns.asked, std::vector<std::string>{"gmial.com"});
  EXPECT_EQ(dotted.dns->mx, true);
}

}  // namespace
}  // namespace nearmiss::dns
