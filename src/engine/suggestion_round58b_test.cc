// Round 58b's tester 15, findings 3 and 4: which country's zone a slipped
// country code names, ranked by the kind of slip; through the embedded
// default lists.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "engine/country_code_slip.h"
#include "engine/engine_testing.h"
#include "engine/suggestion_vet.h"
#include "nearmiss/engine.h"

namespace nearmiss {
namespace {

struct Offer {
  std::string typed, first, second;
};

// Finding 3: a country code with its two letters swapped (.lp for .pl) is
// that country's zone, named first, before a zone one key away (.kp, 'l'
// beside 'k'), whichever registry is larger; where no swap lands in a
// zone, the neighbouring key still wins (co.ul: co.uk, the larger, then
// co.il).
TEST(SuggestionRound58b, ASwappedCountryCodeBeforeANeighbouringKey) {
  auto engine = BuildDefault();
  ASSERT_NE(engine, nullptr);
  for (const Offer& o : std::vector<Offer>{
           {"a.mon.gov.lp", "a.mon.gov.pl", "a.mon.gov.kp"},
           {"bip.mf.gov.lp", "bip.mf.gov.pl", "bip.mf.gov.kp"},
           {"uw.edu.lp", "uw.edu.pl", "uw.edu.kp"},
           {"mon.gov.lp", "mon.gov.pl", ""},
           {"bakery.co.ul", "bakery.co.uk", "bakery.co.il"},
           {"teva.co.jl", "teva.co.il", "teva.co.jp"},
           {"smithlaw.net.wu", "smithlaw.net.au", ""}}) {
    RecipientCheck c = engine->CheckRecipient("x@" + o.typed);
    EXPECT_EQ(c.suggestion, "x@" + o.first) << o.typed;
    EXPECT_EQ(c.also_suggestion, o.second.empty() ? "" : "x@" + o.second) << o.typed;
  }
}

// The ranking itself: the swap first, then the neighbouring keys by
// registry size (uk before il), then the rest.
TEST(SuggestionRound58b, NearZoneNamesPutTheSwapFirst) {
  size_t adjacent = 0;
  std::vector<std::string> names = engine::NearZoneNames("mon.gov.lp", &adjacent);
  ASSERT_GE(names.size(), 2u);
  EXPECT_EQ(names[0], "mon.gov.pl");
  EXPECT_EQ(names[1], "mon.gov.kp");
  EXPECT_GE(adjacent, 2u);
  names = engine::NearZoneNames("kcl.ac.ul", &adjacent);
  ASSERT_GE(names.size(), 2u);
  EXPECT_EQ(names[0], "kcl.ac.uk");
  EXPECT_EQ(names[1], "kcl.ac.il");
  // ku is uk swapped, before any key next to 'k' or 'u'.
  names = engine::NearZoneNames("bank.co.ku", &adjacent);
  ASSERT_FALSE(names.empty());
  EXPECT_EQ(names[0], "bank.co.uk");
}

// Finding 4: a two-letter TLD the root zone lacks, with no zone before it,
// whose letters swapped are a country's code: that country's name is
// offered, the recipient stays invalid with its reason. Not when two codes
// are as near (one key each), nor a name that is no domain.
TEST(SuggestionRound58b, AnUndelegatedCountryCodeSwapIsOffered) {
  auto engine = BuildDefault();
  ASSERT_NE(engine, nullptr);
  for (const auto& [typed, meant] :
       std::vector<std::pair<std::string, std::string>>{{"dfa.ei", "dfa.ie"},
                                                        {"mzv.zc", "mzv.cz"},
                                                        {"mindef.ln", "mindef.nl"}}) {
    RecipientCheck c = engine->CheckRecipient("x@" + typed);
    EXPECT_EQ(c.verdict, Verdict::kInvalid) << typed;
    EXPECT_EQ(c.suggestion, "x@" + meant) << typed;
    EXPECT_EQ(c.also_suggestion, "") << typed;
    ASSERT_FALSE(c.reasons.empty()) << typed;
    EXPECT_EQ(c.reasons[0].code, ReasonCode::kTldNotDelegated) << typed;
  }
  EXPECT_EQ(engine::CountryCodeSlipName("dfa.ei"), "dfa.ie");
  // .ie is delegated: nothing to repair. Two codes one key away, no swap.
  EXPECT_EQ(engine::CountryCodeSlipName("dfa.ie"), "");
  EXPECT_EQ(engine::CountryCodeSlipName("acme.kq"), "");
  // A public suffix is no name to offer (co.ku: co.uk is a zone).
  EXPECT_EQ(engine::CountryCodeSlipName("co.ku"), "");
  // Three letters are not a country's code.
  EXPECT_EQ(engine::CountryCodeSlipName("acme.zzz"), "");
}

}  // namespace
}  // namespace nearmiss
