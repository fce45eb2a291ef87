// Issue 14, round 34. Item 7: the same person's mailbox name at a
// neighbouring provider that is itself trusted (pierre.dupont@gmail.com or
// @email.com for the frequent pierre.dupont@mail.com, sam.jones@hotmail.com
// for the frequent sam.jones@hotmail.co.uk) passed with no suggestion: the
// neighbour check ran only at a domain that was not itself trusted. Item 9:
// a local part whose name parts are in the same order, only joined by
// another separator (john_smith, john-smith for john.smith), was said to
// have "the same name parts in another order".
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "engine/frequent_history_testing.h"
#include "nearmiss/engine.h"

namespace nearmiss {
namespace {

// The address-typo finding of `input`: its suggestion, or "" for none.
std::string Suggests(const Engine& e, std::string_view input) {
  RecipientCheck c = e.CheckRecipient(input);
  return c.address_typo ? c.suggestion : "";
}

std::string Detail(const Engine& e, std::string_view input) {
  RecipientCheck c = e.CheckRecipient(input);
  for (const Reason& r : c.reasons) {
    if (r.code == ReasonCode::kAddressTypo) return r.detail;
  }
  return "";
}

TEST(AddressTypoRound34, TheSameNameAtATrustedNeighbourIsASlip) {
  auto e = AliceWritesTo({"pierre.dupont@mail.com", "sam.jones@hotmail.co.uk",
                          "hans.meier@gmx.de", "ola.nordmann@online.no"});
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(Suggests(*e, "pierre.dupont@gmail.com"), "pierre.dupont@mail.com");
  EXPECT_EQ(Suggests(*e, "pierre.dupont@email.com"), "pierre.dupont@mail.com");
  EXPECT_EQ(Suggests(*e, "Pierre.Dupont@Gmail.com"), "pierre.dupont@mail.com");
  EXPECT_EQ(Suggests(*e, "sam.jones@hotmail.com"), "sam.jones@hotmail.co.uk");
  EXPECT_EQ(Suggests(*e, "sam.jones@hotmail.fr"), "sam.jones@hotmail.co.uk");
  EXPECT_EQ(Suggests(*e, "hans.meier@gmx.net"), "hans.meier@gmx.de");
  EXPECT_EQ(Suggests(*e, "ola.nordmann@online.de"), "ola.nordmann@online.no");
  const std::string detail = Detail(*e, "pierre.dupont@gmail.com");
  EXPECT_NE(detail.find("the same name at mail.com"), std::string::npos) << detail;
  // The same domain, or another name there, or a domain far off: none.
  EXPECT_EQ(Suggests(*e, "pierre.dupont@mail.com"), "");
  EXPECT_EQ(Suggests(*e, "marie.curie@gmail.com"), "");
  EXPECT_EQ(Suggests(*e, "pierre.dupont@yahoo.com"), "");
  EXPECT_EQ(Suggests(*e, "pierre.dupont@outlook.com"), "");
}

// A look-alike of a provider names first the address the organisation
// writes to (README: of two close targets, the one written to).
TEST(AddressTypoRound34, ALookalikeSuggestsTheAddressWrittenTo) {
  auto e = AliceWritesTo({"sam.jones@hotmail.co.uk", "pierre.dupont@mail.com"});
  ASSERT_NE(e, nullptr);
  for (const char* typed : {"sam.jones@hotmail.co", "sam.jones@hotmial.co.uk",
                            "sam.jones@hotmail.co.u"}) {
    RecipientCheck c = e->CheckRecipient(typed);
    EXPECT_EQ(c.verdict, Verdict::kLookalike) << typed;
    EXPECT_EQ(c.suggestion, "sam.jones@hotmail.co.uk") << typed;
  }
}

TEST(AddressTypoRound34, ASeparatorChangedIsNotAnotherOrder) {
  auto e = AliceWritesTo({"john.smith@partner.example", "jean.pierre.dupont@gouv.example"});
  ASSERT_NE(e, nullptr);
  for (const char* typed : {"john_smith@partner.example", "john-smith@partner.example",
                            "jean-pierre.dupont@gouv.example", "jean_pierre_dupont@gouv.example"}) {
    const std::string detail = Detail(*e, typed);
    EXPECT_FALSE(detail.empty()) << typed;
    EXPECT_EQ(detail.find("another order"), std::string::npos) << typed << ": " << detail;
  }
  for (const char* typed : {"john_smith@partner.example", "john-smith@partner.example"}) {
    const std::string detail = Detail(*e, typed);
    EXPECT_NE(detail.find("joined by another separator"), std::string::npos)
        << typed << ": " << detail;
  }
  const std::string swapped = Detail(*e, "smith.john@partner.example");
  EXPECT_NE(swapped.find("the same name parts in another order"), std::string::npos) << swapped;
}

// Round 35's second tester, item 7: an address-typo whose display name
// names a frequent correspondent showed the name as its header carried it,
// an RFC 2047 encoded-word (`=?UTF-8?Q?Jos=C3=A9...?=`) no reader can
// read; it is decoded, by GMime, as the comparison reads it.
TEST(AddressTypoRound35, AnEncodedDisplayNameIsShownDecoded) {
  auto e = AliceWritesTo({"jose.garcia@partner.example", "john.smith@partner.example"});
  ASSERT_NE(e, nullptr);
  for (const char* input : {"=?UTF-8?Q?Jos=C3=A9_Garc=C3=ADa?= <j.smith@partner.example>",
                            "=?utf-8?b?Sm9zw6kgR2FyY8OtYQ==?= <sales@partner.example>"}) {
    const std::string detail = Detail(*e, input);
    EXPECT_NE(detail.find("the display name 'José García' fits jose.garcia@partner.example"),
              std::string::npos)
        << input << ": " << detail;
    EXPECT_EQ(detail.find("=?"), std::string::npos) << input << ": " << detail;
  }
  // A plain name is shown as written.
  EXPECT_NE(Detail(*e, "John Smith <jsmith.x@partner.example>").find("'John Smith'"),
            std::string::npos)
      << Detail(*e, "John Smith <jsmith.x@partner.example>");
}

// Round 35's second tester, item 7: at an IDN domain the address-typo
// sentence named the typed address and the frequent one by A-label
// (jon.smith@xn--bcher-kva.de) while the line showed the address and the
// suggestion by U-label (bücher.de): one domain in two forms. Named as
// people read them; the suggestion stays the A-label address mail goes to.
TEST(AddressTypoRound35, AnIdnDomainIsNamedInOneForm) {
  auto e = AliceWritesTo({"john.smith@xn--bcher-kva.de"});
  ASSERT_NE(e, nullptr);
  RecipientCheck c = e->CheckRecipient("jon.smith@bücher.de");
  ASSERT_TRUE(c.address_typo) << c.input;
  EXPECT_EQ(c.suggestion, "john.smith@xn--bcher-kva.de");
  std::string sentence;
  for (const Reason& r : c.reasons) {
    if (r.code == ReasonCode::kAddressTypo) AppendReasonMessage(r, &sentence);
  }
  EXPECT_TRUE(sentence.starts_with("jon.smith@bücher.de ")) << sentence;
  EXPECT_NE(sentence.find("it looks like john.smith@bücher.de, a frequent correspondent"),
            std::string::npos)
      << sentence;
  EXPECT_EQ(sentence.find("xn--"), std::string::npos) << sentence;
}

// Round 35's third tester, defect 6: the NFD form of a learned
// josé.garcía (e + U+0301) is the same text to Unicode (canonical
// equivalence, UAX #15) and to every reader, but was flagged as a
// homoglyph slip of itself. Another letter stays a slip.
TEST(AddressTypoRound35, ACanonicallyEquivalentLocalPartIsTheSameMailbox) {
  auto e = AliceWritesTo({"jos\u00e9.garc\u00eda@partner.example"});
  ASSERT_NE(e, nullptr);
  RecipientCheck nfd = e->CheckRecipient("jose\u0301.garci\u0301a@partner.example");
  EXPECT_FALSE(nfd.address_typo) << nfd.input << ": " << nfd.suggestion;
  RecipientCheck other = e->CheckRecipient("jos\u00e8.garc\u00eda@partner.example");
  EXPECT_TRUE(other.address_typo) << other.input;
}

}  // namespace
}  // namespace nearmiss
