// address-typo: the index's near misses (engine/address_typo.h); the
// engine's reason and decision are address_typo_engine_test.cc.
#include "engine/address_typo.h"

#include <gtest/gtest.h>

#include "nearmiss/engine.h"

namespace nearmiss {
namespace {

using engine::AddressIndex;
using engine::Slip;
using engine::SlipKind;

// alice writes to john.smith and mary.jones often, to bob once; carol
// writes to peter.brown often.
AddressIndex Index() {
  AddressIndex index(3);
  index.Add("alice@mod.example", "john.smith@partner.example", 12);
  index.Add("alice@mod.example", "mary.jones@partner.example", 5);
  index.Add("alice@mod.example", "bob@partner.example", 1);
  index.Add("carol@mod.example", "peter.brown@partner.example", 7);
  index.Add("carol@mod.example", "support1@partner.example", 9);
  index.Finish();
  return index;
}

std::optional<Slip> Find(const AddressIndex& index, std::string_view address,
                         std::string_view display = "", std::string_view sender = "") {
  Slip slip;
  if (!index.FindSlip(sender, address, display, &slip)) return std::nullopt;
  return slip;
}

TEST(OsaDistance, CountsEditsAndNeighbourSwaps) {
  EXPECT_EQ(engine::OsaDistance("john.smith", "jon.smith", 2), 1);
  EXPECT_EQ(engine::OsaDistance("john.smith", "jhon.smith", 2), 1);  // swap
  EXPECT_EQ(engine::OsaDistance("john.smith", "JOHN.SMITH", 2), 0);
  EXPECT_EQ(engine::OsaDistance("john.smith", "jon.smyth", 2), 2);
  EXPECT_EQ(engine::OsaDistance("john.smith", "peter", 2), 3);  // past the limit
}

TEST(AddressIndex, KnownBySenderOrAnyone) {
  AddressIndex index = Index();
  EXPECT_TRUE(index.Known("", "bob@partner.example"));
  EXPECT_TRUE(index.Known("alice@mod.example", "bob@partner.example"));
  EXPECT_FALSE(index.Known("carol@mod.example", "bob@partner.example"));
  EXPECT_FALSE(index.Known("", "jon.smith@partner.example"));
}

TEST(AddressIndex, FindsEachKindOfSlip) {
  AddressIndex index = Index();
  struct Case {
    std::string_view typed, display, known;
    SlipKind kind;
  } cases[] = {
      {"jon.smith@partner.example", "", "john.smith@partner.example", SlipKind::kEdit},
      {"jhon.smith@partner.example", "", "john.smith@partner.example", SlipKind::kEdit},
      {"smith.john@partner.example", "", "john.smith@partner.example", SlipKind::kSwappedParts},
      {"jsmith@partner.example", "", "john.smith@partner.example", SlipKind::kShortenedParts},
      {"j.smith@partner.example", "", "john.smith@partner.example", SlipKind::kShortenedParts},
      {"smith@partner.example", "", "john.smith@partner.example", SlipKind::kShortenedParts},
      {"smith.j@partner.example", "", "john.smith@partner.example",
       SlipKind::kInitialAfterFamily},
      {"smithj@partner.example", "", "john.smith@partner.example", SlipKind::kInitialAfterFamily},
      {"john.smithson@partner.example", "", "john.smith@partner.example",
       SlipKind::kOtherFamilyName},
      {"pat.kelly@partner.example", "John Smith", "john.smith@partner.example",
       SlipKind::kDisplayName},
      {"pat.kelly@partner.example", "Smith, John", "john.smith@partner.example",
       SlipKind::kDisplayName},
      // The issue-14 tester's forms, all accepted before: a title, a
      // bracketed qualifier, a title after "Last,", a suffix.
      {"jane.doe@partner.example", "Mr John Smith", "john.smith@partner.example",
       SlipKind::kDisplayName},
      {"jane.doe@partner.example", "John Smith (partner)", "john.smith@partner.example",
       SlipKind::kDisplayName},
      {"jane.doe@partner.example", "John Smith [EXT]", "john.smith@partner.example",
       SlipKind::kDisplayName},
      {"jane.doe@partner.example", "Smith, Dr. John", "john.smith@partner.example",
       SlipKind::kDisplayName},
      {"jane.doe@partner.example", "John Smith Jr", "john.smith@partner.example",
       SlipKind::kDisplayName},
      // Issue 14, known item 8: a number added, wherever it sits, is one
      // kind (john.smith2 was once "another family name", john2.smith nothing).
      {"john.smith2@partner.example", "", "john.smith@partner.example", SlipKind::kNumber},
      {"john2.smith@partner.example", "", "john.smith@partner.example", SlipKind::kNumber},
      {"john.smith22@partner.example", "", "john.smith@partner.example", SlipKind::kNumber},
      {"2john.smith@partner.example", "", "john.smith@partner.example", SlipKind::kNumber},
      {"mary.jones1@partner.example", "", "mary.jones@partner.example", SlipKind::kNumber},
      // A display name that is the frequent address, quoted or not.
      {"jane.doe@partner.example", "john.smith@partner.example", "john.smith@partner.example",
       SlipKind::kDisplayAddress},
      {"jane.doe@partner.example", "'John.Smith@partner.example'", "john.smith@partner.example",
       SlipKind::kDisplayAddress},
  };
  for (const Case& c : cases) {
    std::optional<Slip> slip = Find(index, c.typed, c.display);
    ASSERT_TRUE(slip.has_value()) << c.typed;
    EXPECT_EQ(slip->known, c.known) << c.typed;
    EXPECT_EQ(slip->kind, c.kind) << c.typed;
    EXPECT_GT(slip->score, 0) << c.typed;
  }
}

TEST(AddressIndex, LeavesNewContactsAlone) {
  AddressIndex index = Index();
  // Far from every frequent address, another domain, a numbered desk, an
  // address written to too rarely to be a target (bob), a display name
  // that fits the typed address.
  for (std::string_view typed : {"sarah.connor@partner.example", "jon.smith@other.example",
                                 "support2@partner.example", "rob@partner.example"}) {
    EXPECT_FALSE(Find(index, typed).has_value()) << typed;
  }
  EXPECT_FALSE(Find(index, "pat.kelly@partner.example", "Pat Kelly").has_value());
  EXPECT_FALSE(Find(index, "pat.kelly@partner.example", "Dr Pat Kelly (partner)").has_value());
  // A display name that is the address itself (what clients write when
  // they know no name) or an unknown one says nothing.
  EXPECT_FALSE(Find(index, "pat.kelly@partner.example", "pat.kelly@partner.example").has_value());
  EXPECT_FALSE(Find(index, "pat.kelly@partner.example", "ann.lee@partner.example").has_value());
  // Only the title is dropped, never a name: "Mr Smith" is one word, no name.
  EXPECT_FALSE(Find(index, "pat.kelly@partner.example", "Mr Smith").has_value());
  // The family name with another initial is another person, not a slip.
  EXPECT_FALSE(Find(index, "smith.k@partner.example").has_value());
  // Another John, whose family name starts otherwise: a new colleague.
  EXPECT_FALSE(Find(index, "john.taylor@partner.example").has_value());
}

TEST(AddressTypo, WithoutExtensionSplitsAtTheFirstDelimiter) {
  EXPECT_EQ(engine::WithoutExtension("john.smith+news@x.org", "+"), "john.smith@x.org");
  EXPECT_EQ(engine::WithoutExtension("john.smith-a+b@x.org", "+-"), "john.smith@x.org");
  EXPECT_EQ(engine::WithoutExtension("john.smith@x.org", "+"), "");
  EXPECT_EQ(engine::WithoutExtension("+news@x.org", "+"), "");  // Postfix keeps it whole
  EXPECT_EQ(engine::WithoutExtension("john.smith+news@x.org", ""), "");
}

TEST(AddressIndex, SenderScopeUsesTheSendersFrequentContacts) {
  AddressIndex index = Index();
  // peter.brown is carol's frequent contact, not alice's.
  EXPECT_TRUE(Find(index, "peter.browne@partner.example", "", "carol@mod.example").has_value());
  EXPECT_FALSE(Find(index, "peter.browne@partner.example", "", "alice@mod.example").has_value());
}

}  // namespace
}  // namespace nearmiss
