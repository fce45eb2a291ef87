// Issue 14, round 37, item 3: `check` and `policy explain` showed a
// recipient decided by a rule on a finding (reason = ["new-address"]) by
// its domain's class: "trusted -> warn". The decision names the finding
// whose rule decided (RecipientDecision::finding), and the class shown is
// that finding (render::ShownClass).
#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "engine/acknowledgement_testing.h"
#include "engine/decide_testing.h"
#include "nearmiss/engine.h"
#include "render/render.h"

namespace nearmiss {
namespace {

constexpr const char* kPolicy = R"(
[history]
flag_new_addresses = true
[[rule]]
name = "new-address"
reason = ["new-address"]
action = "warn"
[[rule]]
name = "slips"
address_typo_kind = ["edit"]
action = "confirm"
[[rule]]
name = "external"
recipient = ["external"]
action = "tag"
)";

TEST(DecidedFinding, TheDecisionNamesTheFindingItsRuleMatched) {
  auto e = Compile(kPolicy);
  ASSERT_NE(e, nullptr);
  Decision d = e->Decide(Facts(*e, {"zoe.quinn@partner.example", "jon.smith@partner.example",
                                    "john.smith@partner.example", "bob@elsewhere.example"}));
  ASSERT_EQ(d.recipients.size(), 4u);
  // A reason condition: the reason it matched.
  EXPECT_EQ(d.recipients[0].rule.name, "new-address");
  EXPECT_EQ(d.recipients[0].finding, "new-address");
  // An address-typo condition: address-typo.
  EXPECT_EQ(d.recipients[1].rule.name, "slips");
  EXPECT_EQ(d.recipients[1].finding, "address-typo");
  // The default action, and a rule on the class alone: none.
  EXPECT_EQ(d.recipients[2].finding, "");
  EXPECT_EQ(d.recipients[3].rule.name, "external");
  EXPECT_EQ(d.recipients[3].finding, "");
}

TEST(DecidedFinding, TheClassShownIsThatFinding) {
  auto e = Compile(kPolicy);
  ASSERT_NE(e, nullptr);
  MessageFacts f = Facts(*e, {"zoe.quinn@partner.example", "john.smith@partner.example",
                              "bob@elsewhere.example"});
  Decision d = e->Decide(f);
  ASSERT_EQ(d.recipients.size(), 3u);
  EXPECT_EQ(render::ShownClass(f.recipients[0].check, d.recipients[0]), "new-address");
  EXPECT_EQ(render::ShownClass(f.recipients[1].check, d.recipients[1]), "trusted");
  EXPECT_EQ(render::ShownClass(f.recipients[2].check, d.recipients[2]), "external");
  FILE* file = std::tmpfile();  // no terminal: no colour
  ASSERT_NE(file, nullptr);
  render::Terminal plain(file);
  std::fclose(file);
  const std::string line =
      render::CheckToLine(f.recipients[0].check, plain,
                          render::ShownClass(f.recipients[0].check, d.recipients[0]));
  EXPECT_EQ(line.rfind("new-address zoe.quinn@partner.example: ", 0), 0u) << line;
}

}  // namespace
}  // namespace nearmiss
