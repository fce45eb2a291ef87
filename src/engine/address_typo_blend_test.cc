// Round 46's tester 14, finding 3 (issue 14, item 2: "the same given name
// with another family name among the sender's frequent contacts"): the
// given name of one frequent address with the family name of another at
// the same domain is a blend of two contacts (kind blended-names), never
// accepted silently; a single shared name, a name that is no given name,
// another domain's contacts and a domain of more than 12 frequent
// addresses (kBlendMostFrequent) are not.
#include <gtest/gtest.h>

#include <optional>

#include "engine/address_typo.h"
#include "engine/address_typo_testing.h"

namespace nearmiss {
namespace {

using engine::AddressIndex;
using engine::Slip;
using engine::SlipKind;

AddressIndex History() {
  AddressIndex index(/*min_messages=*/3);
  const char* alice = "alice@ourorg.example";
  index.Add(alice, "john.smith@partner.example", 12);
  index.Add(alice, "mary.jones@partner.example", 8);
  index.Add(alice, "jorge.garcia@client.example", 5);
  index.Add(alice, "priya.patel@client.example", 5);
  index.Add(alice, "smith.anna@family-first.example", 6);
  index.Add(alice, "jones.peter@family-first.example", 6);
  index.Finish();
  return index;
}

std::optional<Slip> SlipFor(const AddressIndex& index, const char* sender, const char* to) {
  Slip slip;
  if (!index.FindSlip(sender, to, "", &slip)) return std::nullopt;
  return slip;
}

TEST(AddressTypoBlend, TheGivenNameOfOneAndTheFamilyNameOfAnotherIsABlend) {
  const AddressIndex index = History();
  for (const char* sender : {"", "alice@ourorg.example"}) {
    const std::optional<Slip> john = SlipFor(index, sender, "john.jones@partner.example");
    ASSERT_TRUE(john.has_value()) << sender;
    EXPECT_EQ(john->kind, SlipKind::kBlendedNames);
    EXPECT_EQ(john->score, 0.5);
    // Suggested: the one written to more (12 against 8).
    EXPECT_EQ(john->known, "john.smith@partner.example");
    EXPECT_NE(john->detail.find("the given name of john.smith@partner.example with the family "
                                "name of mary.jones@partner.example"),
              std::string::npos)
        << john->detail;
    EXPECT_NE(john->detail.find("or a new colleague"), std::string::npos) << john->detail;
    const std::optional<Slip> mary = SlipFor(index, sender, "mary.smith@partner.example");
    ASSERT_TRUE(mary.has_value()) << sender;
    EXPECT_EQ(mary->kind, SlipKind::kBlendedNames);
    const std::optional<Slip> jorge = SlipFor(index, sender, "jorge.patel@client.example");
    ASSERT_TRUE(jorge.has_value()) << sender;
    EXPECT_EQ(jorge->kind, SlipKind::kBlendedNames);
    // 5 each: the given name's address.
    EXPECT_EQ(jorge->known, "jorge.garcia@client.example");
  }
}

TEST(AddressTypoBlend, ReadInTheDomainsOrder) {
  const AddressIndex index = History();
  const std::optional<Slip> slip = SlipFor(index, "", "smith.peter@family-first.example");
  ASSERT_TRUE(slip.has_value());
  EXPECT_EQ(slip->kind, SlipKind::kBlendedNames);
}

TEST(AddressTypoBlend, OneSharedNameOrANonNameIsNoBlend) {
  const AddressIndex index = History();
  // Only the given name is a frequent contact's: another John.
  EXPECT_FALSE(SlipFor(index, "", "john.okafor@partner.example").has_value());
  // Only the family name: another Jones.
  EXPECT_FALSE(SlipFor(index, "", "kwame.jones@partner.example").has_value());
  // Both names, but of contacts at another domain.
  EXPECT_FALSE(SlipFor(index, "", "john.jones@other.example").has_value());
  // A word that is no given name before a frequent family name.
  EXPECT_FALSE(SlipFor(index, "", "sales.jones@partner.example").has_value());
}

TEST(AddressTypoBlend, NotAtADomainOfManyFrequentAddresses) {
  const AddressIndex index =
      CrowdedWith("big.example", {"john.smith@big.example", "mary.jones@big.example"});
  EXPECT_FALSE(Find(index, "john.jones@big.example").has_value());
}

}  // namespace
}  // namespace nearmiss
