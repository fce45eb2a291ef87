#include "lookalike/permute.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace nearmiss::lookalike {
namespace {

bool Has(const std::vector<std::string>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

TEST(PermuteTest, NameAndSuffixSlips) {
  PermuteInput in{"barclays.co.uk", {}, {"de"}};
  std::vector<std::string> v = PermuteDomain(in);
  for (std::string_view s : {"barclay.co.uk", "barcalys.co.uk", "barclayss.co.uk",
                             "barc1ays.co.uk", "barclays.cp.uk", "barclays.co.ul",
                             "barclays.co", "barclays.uk", "barclays.co.uk.com",
                             "barclaysco.uk", "barclays-co.uk", "barclays.de"}) {
    EXPECT_TRUE(Has(v, s)) << s;
  }
  EXPECT_FALSE(Has(v, "barclays.co.uk"));
  EXPECT_TRUE(std::is_sorted(v.begin(), v.end()));
}

TEST(PermuteTest, NamespacesSlipTheirOwnLabelsAndConfusions) {
  PermuteInput in{".mil", {{"ml", "mil", "note"}}, {}};
  std::vector<std::string> v = PermuteDomain(in);
  for (std::string_view s : {"ml", "mik", "mill", "iml"}) EXPECT_TRUE(Has(v, s)) << s;
  EXPECT_FALSE(Has(v, "mil"));
}

// Issue 15 breaker: `permute army.mil` left out what check flags and the
// README shows: armymil.com, army-mil.com (dot-omission), army.mil.ml
// (suffix-append).
TEST(PermuteTest, DotOmissionUnderComAndAConfusedEndingAdded) {
  PermuteInput in{"army.mil", {{"ml", "mil", "note"}}, {}};
  std::vector<std::string> v = PermuteDomain(in);
  for (std::string_view s : {"armymil.com", "army-mil.com", "army.mil.ml"}) EXPECT_TRUE(Has(v, s)) << s;
}

// Issue 15 breaker, finding 8: whole classes check flags were never
// written: bitsquat (gmaih), dot-insertion (g.mail), a vowel for another
// (gmeil) and homoglyphs in another script (аrmy.mil, the README's own
// example). One member of each, for two sources.
TEST(PermuteTest, EveryClassCheckFlagsHasCandidates) {
  std::vector<std::string> g = PermuteDomain({"gmail.com", {}, {}});
  for (std::string_view s : {"gmaih.com", "gmahl.com", "fmail.com", "g.mail.com", "gm.ail.com",
                             "gmeil.com", "gmaul.com", "xn--gmil-63d.com"}) {
    EXPECT_TRUE(Has(g, s)) << s;
  }
  std::vector<std::string> a = PermuteDomain({"army.mil", {}, {}});
  for (std::string_view s : {"xn--rmy-5cd.mil", "xn--arm-ffd.mil", "ar.my.mil", "armu.mil",
                             "erny.mil"}) {
    EXPECT_EQ(Has(a, s), s != "erny.mil") << s;  // two slips: not one of them
  }
  for (const std::string& s : a) {
    EXPECT_EQ(s.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-."), std::string::npos)
        << s;
  }
}

}  // namespace
}  // namespace nearmiss::lookalike
