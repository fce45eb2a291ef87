// Issue 14, round 37, item 1: a local part holding a character no one can
// see (Unicode Default_Ignorable_Code_Point or Bidi_Control: U+200B, U+FEFF,
// U+00AD, U+202E) passed as a new address, or as a weak edit of the one it
// reads as; with two of them and a slip it resembled nothing. It is judged
// as it reads (the address-typo check sees john.smith@) and carries the
// reason invisible-character in its own right, which the embedded default
// policy confirms even when it resembles nothing known. A domain's are
// dropped by UTS #46 (ICU) before it is judged, and are named too.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <string_view>

#include "engine/decide_testing.h"
#include "engine/frequent_history_testing.h"
#include "engine/invisible_characters.h"
#include "nearmiss/engine.h"

namespace nearmiss {
namespace {

constexpr std::string_view kZwsp = "\xE2\x80\x8B";  // U+200B ZERO WIDTH SPACE
constexpr std::string_view kBom = "\xEF\xBB\xBF";   // U+FEFF
constexpr std::string_view kRlo = "\xE2\x80\xAE";   // U+202E RIGHT-TO-LEFT OVERRIDE
constexpr std::string_view kShy = "\xC2\xAD";       // U+00AD SOFT HYPHEN

std::string S(std::initializer_list<std::string_view> pieces) {
  std::string out;
  for (std::string_view p : pieces) out += p;
  return out;
}

const Reason* Find(const RecipientCheck& c, ReasonCode code) {
  for (const Reason& r : c.reasons) {
    if (r.code == code) return &r;
  }
  return nullptr;
}

TEST(AddressTypoInvisible, AnywhereInTheLocalPartItIsTheAddressItReadsAs) {
  auto e = AliceWritesTo({"john.smith@partner.example", "mary.jones@partner.example"});
  ASSERT_NE(e, nullptr);
  for (const std::string& typed :
       {S({"jo", kZwsp, "hn.smith@partner.example"}), S({kBom, "john.smith@partner.example"}),
        S({"john.smith", kRlo, "@partner.example"}), S({"john.", kShy, "smith@partner.example"}),
        S({kZwsp, "jo", kZwsp, "hn", kZwsp, ".smith@partner.example"}),
        S({"\"John Smith\" <jo", kZwsp, "hn.smith@partner.example>"})}) {
    RecipientCheck c = e->CheckRecipient(typed);
    ASSERT_TRUE(c.address_typo.has_value()) << typed;
    EXPECT_EQ(c.suggestion, "john.smith@partner.example") << typed;
    EXPECT_EQ(c.address_typo->kind, AddressTypoKind::kHomoglyph) << typed;
    EXPECT_DOUBLE_EQ(c.address_typo->score, 0.95) << typed;
    EXPECT_NE(Find(c, ReasonCode::kInvisibleCharacter), nullptr) << typed;
  }
}

// Two invisible characters and a dropped letter: three edits as bytes, one
// as it reads. A crowded domain allows one edit only.
TEST(AddressTypoInvisible, ASlipBehindInvisibleCharactersIsStillFound) {
  auto e = AliceWritesTo({"john.smith@partner.example"});
  ASSERT_NE(e, nullptr);
  RecipientCheck c = e->CheckRecipient(S({"j", kZwsp, "on.smith", kBom, "@partner.example"}));
  ASSERT_TRUE(c.address_typo.has_value());
  EXPECT_EQ(c.suggestion, "john.smith@partner.example");
  EXPECT_EQ(c.address_typo->kind, AddressTypoKind::kEdit);
  EXPECT_NE(Find(c, ReasonCode::kInvisibleCharacter), nullptr);
}

TEST(AddressTypoInvisible, ResemblingNothingItIsStillAFinding) {
  auto e = AliceWritesTo({"john.smith@partner.example"});
  ASSERT_NE(e, nullptr);
  RecipientCheck c = e->CheckRecipient(S({"zed", kZwsp, "@unknown.example"}));
  EXPECT_FALSE(c.address_typo.has_value());
  const Reason* r = Find(c, ReasonCode::kInvisibleCharacter);
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->subject, "zed<U+200B>@unknown.example");
  EXPECT_EQ(r->object, "zed@unknown.example");
  EXPECT_EQ(r->detail, "U+200B ZERO WIDTH SPACE in the local part");
  EXPECT_EQ(c.suggestion, "zed@unknown.example");
  EXPECT_EQ(ReasonMessage(*r),
            "zed<U+200B>@unknown.example holds a character no one can see (U+200B ZERO WIDTH "
            "SPACE in the local part); it reads as zed@unknown.example");
  // The embedded default asks the sender, as for any slip.
  Decision d = e->Decide(Facts(*e, {S({"zed", kZwsp, "@unknown.example"})}));
  ASSERT_EQ(d.recipients.size(), 1u);
  EXPECT_EQ(d.recipients[0].action, Action::kConfirm);
  EXPECT_EQ(d.recipients[0].rule.name, "invisible-character");
}

TEST(AddressTypoInvisible, InTheDomainItIsNamedToo) {
  auto e = AliceWritesTo({"john.smith@partner.example"});
  ASSERT_NE(e, nullptr);
  // UTS #46 maps U+200B and U+00AD to nothing: judged as gmail.com.
  RecipientCheck c = e->CheckRecipient(S({"bob@gm", kZwsp, "ail.com"}));
  EXPECT_EQ(c.domain, "gmail.com");
  const Reason* r = Find(c, ReasonCode::kInvisibleCharacter);
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->detail, "U+200B ZERO WIDTH SPACE in the domain");
  c = e->CheckRecipient(S({"jo", kZwsp, "hn.smith@partner", kShy, ".example"}));
  r = Find(c, ReasonCode::kInvisibleCharacter);
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->detail,
            "U+200B ZERO WIDTH SPACE in the local part; U+00AD SOFT HYPHEN in the domain");
  EXPECT_EQ(c.suggestion, "john.smith@partner.example");
}

TEST(AddressTypoInvisible, VisibleAddressesAndDisplayNamesAreNotFlagged) {
  auto e = AliceWritesTo({"john.smith@partner.example"});
  ASSERT_NE(e, nullptr);
  for (const std::string& typed :
       {std::string("john.smith@partner.example"), std::string("józef.nowak@partner.example"),
        S({"\"Jo", kZwsp, "hn\" <john.smith@partner.example>"})}) {
    RecipientCheck c = e->CheckRecipient(typed);
    EXPECT_EQ(Find(c, ReasonCode::kInvisibleCharacter), nullptr) << typed;
  }
  EXPECT_FALSE(e->CheckRecipient("john.smith@partner.example").address_typo.has_value());
}

TEST(AddressTypoInvisible, TheCharacterClasses) {
  EXPECT_TRUE(engine::IsInvisible(0x200B));
  EXPECT_TRUE(engine::IsInvisible(0xFEFF));
  EXPECT_TRUE(engine::IsInvisible(0x202E));  // Bidi_Control
  EXPECT_TRUE(engine::IsInvisible(0x2066));  // LEFT-TO-RIGHT ISOLATE
  EXPECT_TRUE(engine::IsInvisible(0x00AD));
  EXPECT_FALSE(engine::IsInvisible('a'));
  EXPECT_FALSE(engine::IsInvisible(0x00E9));
  EXPECT_EQ(engine::WithoutInvisible("plain"), "");
  EXPECT_EQ(engine::WithoutInvisible(S({"a", kZwsp, "b", kRlo})), "ab");
  EXPECT_EQ(engine::DescribeInvisible(S({kRlo, "x", kRlo})), "U+202E RIGHT-TO-LEFT OVERRIDE");
}

// Round 58b's tester 15, finding 1: a store learned before learn dropped
// invisible characters holds <U+200B>john.smith@. It is read as the address
// it reads as: the real address is that correspondent, not its "typo", and
// a slip is offered the visible address only, once.
TEST(AddressTypoInvisible, AStoredRowWithThemIsTheAddressItReadsAs) {
  auto one = AliceWritesTo({"\xE2\x80\x8Bjohn.smith@partner.example"});
  auto both = AliceWritesTo({"john.smith\xEF\xBB\xBF@partner.example", "john.smith@partner.example"});
  for (const auto& e : {one, both}) {
    ASSERT_NE(e, nullptr);
    RecipientCheck real = e->CheckRecipient("john.smith@partner.example");
    EXPECT_FALSE(real.address_typo.has_value());
    EXPECT_EQ(Find(real, ReasonCode::kInvisibleCharacter), nullptr);
    RecipientCheck slip = e->CheckRecipient("jon.smith@partner.example");
    ASSERT_TRUE(slip.address_typo.has_value());
    EXPECT_EQ(slip.suggestion, "john.smith@partner.example");
    EXPECT_EQ(slip.also_suggestion, "");
  }
}

}  // namespace
}  // namespace nearmiss
