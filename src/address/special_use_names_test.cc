#include "address/special_use_names.h"

#include <string>
#include <utility>

#include <gtest/gtest.h>

#include "address/root_zone.h"

namespace nearmiss::address {
namespace {

// Issue 15, finding 1: a special-use TLD exists by design; it is named as
// one, with its RFC, never "does not exist".
TEST(SpecialUseNamesTest, EachTldNamesItsRfc) {
  for (auto [tld, rfc] : {std::pair{"test", "RFC 6761"},
                          {"example", "RFC 6761"},
                          {"invalid", "RFC 6761"},
                          {"localhost", "RFC 6761"},
                          {"local", "RFC 6762"},
                          {"onion", "RFC 7686"},
                          {"alt", "RFC 9476"}}) {
    EXPECT_EQ(SpecialUseTldRfc(tld), rfc) << tld;
    const std::string said = NoSuchTldPhrase(tld);
    EXPECT_EQ(said, std::string("the TLD .") + tld + " is a special-use name (" + rfc +
                        "), not deliverable on the Internet");
    EXPECT_EQ(NoSuchTldCode(tld), ReasonCode::kSpecialUseName) << tld;
    EXPECT_EQ(UndelegatedTldDetail(tld).find("does not exist"), std::string::npos) << tld;
    EXPECT_NE(UndelegatedTldDetail(tld).find(rfc), std::string::npos) << tld;
  }
}

TEST(SpecialUseNamesTest, OtherTldsDoNotExist) {
  for (const char* tld : {"zz", "con", "mik", "corp", "onio", "alto"}) {
    EXPECT_EQ(SpecialUseTldRfc(tld), "") << tld;
    EXPECT_EQ(NoSuchTldPhrase(tld), std::string("the TLD .") + tld + " does not exist");
    EXPECT_EQ(NoSuchTldCode(tld), ReasonCode::kTldNotDelegated) << tld;
  }
  EXPECT_EQ(UndelegatedTldDetail("zz"), "the TLD .zz does not exist: no mail can be delivered there");
  // A private-use TLD that is no special-use name keeps its advice.
  EXPECT_NE(UndelegatedTldDetail("corp").find("for private networks"), std::string::npos);
  EXPECT_NE(UndelegatedTldDetail("local").find("list it in [domains]"), std::string::npos);
}

TEST(SpecialUseNamesTest, TheSlipIsJoinedSayingTheTldOnce) {
  EXPECT_EQ(NoSuchTldThen("dee", "the TLD .dee has 'e' typed twice"),
            "the TLD .dee does not exist and has 'e' typed twice");
  EXPECT_EQ(NoSuchTldThen("con", "has .con added"), "the TLD .con does not exist; has .con added");
  EXPECT_EQ(NoSuchTldThen("onion", "has .onion added at the end"),
            "the TLD .onion is a special-use name (RFC 7686), not deliverable on the Internet; has "
            ".onion added at the end");
}

}  // namespace
}  // namespace nearmiss::address
