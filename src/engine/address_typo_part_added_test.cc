// address-typo, a name part added to a frequent address of two or more
// parts (issue 14, round 52's tester: Spanish double family names): a
// second family name (juan.martinez.garcia for juan.martinez), a middle
// name or initial (juan.carlos.martinez, john.a.smith), joined by a hyphen
// (juan.martinez-garcia). Either the same person's longer address or
// another person of that name at the same organisation: asked, never
// accepted silently. A one-part frequent address with a part added, and any
// of it on a crowded domain, stays quiet.
#include <gtest/gtest.h>

#include "engine/address_typo.h"
#include "engine/address_typo_testing.h"

namespace nearmiss {
namespace {

using engine::AddressIndex;
using engine::SlipKind;

TEST(AddressTypoPartAdded, ANamePartAddedIsASlip) {
  AddressIndex index = AliceWroteTo(
      {"juan.martinez@es.example", "ana.garcia.lopez@es.example", "john.smith@us.example",
       "jose-maria.perez@es.example", "smith_mary@us.example", "vera@us.example"});
  const SlipKind k = SlipKind::kLongForm;
  ExpectSlips(index, {
      {"juan.martinez.garcia@es.example", "", "juan.martinez@es.example", k},
      {"juan.carlos.martinez@es.example", "", "juan.martinez@es.example", k},
      {"juan.martinez-garcia@es.example", "", "juan.martinez@es.example", k},
      {"ana.maria.garcia.lopez@es.example", "", "ana.garcia.lopez@es.example", k},
      {"jose-maria.perez.gil@es.example", "", "jose-maria.perez@es.example", k},
      // Two characters inserted: the edit rule finds it first.
      {"john.a.smith@us.example", "", "john.smith@us.example", SlipKind::kEdit},
      {"smith_mary_ann@us.example", "", "smith_mary@us.example", k},
  });
  ExpectNoSlips(index, {
      // A one-part frequent address: john.vera is a new person.
      {"vera.lynn@us.example", ""},
      // Another given name with the part added is another person.
      {"pedro.martinez.garcia@es.example", ""},
      // Two parts added is a longer name, not a slip of this one.
      {"juan.carlos.martinez.garcia@es.example", ""},
  });
}

TEST(AddressTypoPartAdded, NotOnACrowdedDomain) {
  AddressIndex index = CrowdedWith("gmail.com", {"juan.martinez@gmail.com"});
  ExpectNoSlips(index, {{"juan.martinez.garcia@gmail.com", ""}, {"juan.carlos.martinez@gmail.com", ""}});
}

TEST(AddressTypoPartAdded, TheDetailSaysAPartWasAdded) {
  AddressIndex index = AliceWroteTo({"juan.martinez@es.example"});
  std::optional<engine::Slip> slip = Find(index, "juan.martinez.garcia@es.example");
  ASSERT_TRUE(slip.has_value());
  EXPECT_NE(slip->detail.find("a name part added"), std::string::npos) << slip->detail;
}

}  // namespace
}  // namespace nearmiss
