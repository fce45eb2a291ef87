#include "lookalike/permute.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace nearmiss::lookalike {
namespace {

bool Has(const std::vector<std::string>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

TEST(PermuteTest, NameAndSuffixSlips) {
  PermuteInput in{"barclays.co.uk", {}, {"de"}, {}};
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
  PermuteInput in{".mil", {{"ml", "mil", "note"}}, {}, {}};
  std::vector<std::string> v = PermuteDomain(in);
  for (std::string_view s : {"ml", "mik", "mill", "iml"}) EXPECT_TRUE(Has(v, s)) << s;
  EXPECT_FALSE(Has(v, "mil"));
}

// Issue 15, breaker 15 round 6, defect 4: check flags every name under a
// namespace with an ending added (hmrc.gov.uk.za, army.mil.com), but
// permute of a namespace wrote none of them.
TEST(PermuteTest, NamespacesWithAnEndingAdded) {
  PermuteInput in{".gov.uk", {}, {"za", "de"}, {}};
  std::vector<std::string> v = PermuteDomain(in);
  for (std::string_view s : {"gov.uk.za", "gov.uk.de", "gov.uk.com", "gov.uk.net", "gov.uk.org"}) {
    EXPECT_TRUE(Has(v, s)) << s;
  }
  EXPECT_FALSE(Has(v, "gov.uk"));
}

// Issue 15 breaker: `permute army.mil` left out what check flags and the
// README shows: armymil.com, army-mil.com (dot-omission), army.mil.ml
// (suffix-append).
TEST(PermuteTest, DotOmissionUnderComAndAConfusedEndingAdded) {
  PermuteInput in{"army.mil", {{"ml", "mil", "note"}}, {}, {}};
  std::vector<std::string> v = PermuteDomain(in);
  for (std::string_view s : {"armymil.com", "army-mil.com", "army.mil.ml"}) EXPECT_TRUE(Has(v, s)) << s;
}

// Issue 15, round 37, item 7: check flags gmailcom (dot-omission, one
// label) and hmrc.uk (suffix-drop of the zone's middle label) since round
// 35 and 36, but permute wrote neither, so a map built from it let them by.
TEST(PermuteTest, DotlessAndMiddleLabelDroppedForms) {
  std::vector<std::string> g = PermuteDomain({"gmail.com", {}, {}, {}});
  EXPECT_TRUE(Has(g, "gmailcom"));
  std::vector<std::string> h = PermuteDomain({"hmrc.gov.uk", {}, {}, {}});
  for (std::string_view s : {"hmrcgovuk", "hmrc.uk"}) EXPECT_TRUE(Has(h, s)) << s;
  std::vector<std::string> a = PermuteDomain({"us.army.mil", {}, {}, {}});
  for (std::string_view s : {"usarmymil", "us.mil"}) EXPECT_TRUE(Has(a, s)) << s;
  // A name of two labels has no middle one: nothing but its TLD or name.
  EXPECT_FALSE(Has(g, "gmail")) << "a label alone";
}

// Issue 15, round 41, item 5: check flags the name under another generic
// TLD (gmail.net: tld-swap) and a dot moved one letter (gmailc.om,
// gmai.lcom), but permute wrote neither.
TEST(PermuteTest, GenericTldAndMovedDotForms) {
  std::vector<std::string> g = PermuteDomain({"gmail.com", {}, {}, {}});
  for (std::string_view s : {"gmail.net", "gmail.org", "gmail.info", "gmailc.om", "gmai.lcom"}) {
    EXPECT_TRUE(Has(g, s)) << s;
  }
  EXPECT_FALSE(Has(g, "gmail.mail")) << "a private-use name, no TLD";
  std::vector<std::string> n = PermuteDomain({"nato.int", {}, {}, {}});
  for (std::string_view s : {"nato.org", "nato.com", "natoi.nt", "nat.oint"}) EXPECT_TRUE(Has(n, s)) << s;
  // A two-letter TLD is never cut to one letter by the moved dot.
  std::vector<std::string> w = PermuteDomain({"web.de", {}, {}, {}});
  EXPECT_FALSE(Has(w, "webd.e"));
  EXPECT_TRUE(Has(w, "we.bde"));
}

// Issue 15 breaker, finding 8: whole classes check flags were never
// written: bitsquat (gmaih), dot-insertion (g.mail), a vowel for another
// (gmeil) and homoglyphs in another script (аrmy.mil, the README's own
// example). One member of each, for two sources.
TEST(PermuteTest, EveryClassCheckFlagsHasCandidates) {
  std::vector<std::string> g = PermuteDomain({"gmail.com", {}, {}, {}});
  for (std::string_view s : {"gmaih.com", "gmahl.com", "fmail.com", "g.mail.com", "gm.ail.com",
                             "gmeil.com", "gmaul.com", "xn--gmil-63d.com"}) {
    EXPECT_TRUE(Has(g, s)) << s;
  }
  std::vector<std::string> a = PermuteDomain({"army.mil", {}, {}, {}});
  for (std::string_view s : {"xn--rmy-5cd.mil", "xn--arm-ffd.mil", "ar.my.mil", "armu.mil",
                             "erny.mil"}) {
    EXPECT_EQ(Has(a, s), s != "erny.mil") << s;  // two slips: not one of them
  }
  for (const std::string& s : a) {
    EXPECT_EQ(s.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-."), std::string::npos)
        << s;
  }
}

// Issue 15 breaker, fifth round, item 11: check flags a trusted domain with
// any ccTLD added (barclays.co.uk.uk), but permute wrote only .com; item 12:
// a name in a country's open zone (gmail.uk.com); item 14: under another
// script's form of .com (gmail.ком, xn--j1aef).
TEST(PermuteTest, CountryCodesAddedOpenZonesAndScriptFormsOfTheTld) {
  std::vector<std::string> b = PermuteDomain({"barclays.co.uk", {}, {"uk", "ml", "de"}, {}});
  for (std::string_view s : {"barclays.co.uk.uk", "barclays.co.uk.ml", "barclays.co.uk.de",
                             "barclays.co.uk.com", "barclays.co.uk.net", "barclays.co.uk.org",
                             "barclays.uk.com", "barclays.de.com", "barclays.uk.net"}) {
    EXPECT_TRUE(Has(b, s)) << s;
  }
  std::vector<std::string> g = PermuteDomain({"gmail.com", {}, {"us"}, {}});
  for (std::string_view s : {"gmail.us.com", "gmail.xn--j1aef", "gmail.xn--mk1bu44c",
                             "gmail.xn--tckwe"}) {
    EXPECT_TRUE(Has(g, s)) << s;
  }
  EXPECT_FALSE(Has(g, "gmail.xn--t60b56a"));  // .닷넷 is .net's form, not .com's
}

// Open items after round 3, item 5: check flags gmail.msk.ru and
// gmail.com.de (the PSL's open zones under a ccTLD), permute wrote only the
// generic-TLD ones (gmail.uk.com). The zones come from the caller.
TEST(PermuteTest, NamesInTheOpenZonesGiven) {
  std::vector<std::string> g = PermuteDomain({"gmail.com", {}, {}, {"msk.ru", "com.de", "uk.com"}});
  for (std::string_view s : {"gmail.msk.ru", "gmail.com.de", "gmail.uk.com"}) {
    EXPECT_TRUE(Has(g, s)) << s;
  }
  EXPECT_FALSE(Has(PermuteDomain({"gmail.com", {}, {}, {}}), "gmail.msk.ru"));
}

// Item 10: `permute xn--80ak6aa92e.com` wrote xn--80ak6aa82e.com, an edit of
// the A-label's letters that nobody types. Slips are made on the U-label
// (яндекс) and written as A-labels; münchen's 'ü' typed as 'u' is one.
TEST(PermuteTest, IdnNamesSlipTheirOwnLetters) {
  std::vector<std::string> y = PermuteDomain({"xn--d1acpjx3f.xn--p1ai", {}, {}, {}});
  EXPECT_TRUE(Has(y, "xn--d1acp2a7d.xn--p1ai"));  // ядекс: 'н' left out
  EXPECT_TRUE(Has(y, "xn--d1acpjx3f.xn--p1a"));  // яндекс.р: 'ф' left out
  // The source itself, and edits of its A-label's letters.
  for (std::string_view s : {"xn--d1acpjx3f.xn--p1ai", "xn--d1acpjx3.xn--p1ai",
                             "xn--d1acpj3f.xn--p1ai", "xn--d1acpjx3f.xn--p1i"}) {
    EXPECT_FALSE(Has(y, s)) << s;
  }
  std::vector<std::string> m = PermuteDomain({"xn--mnchen-3ya.de", {}, {}, {}});
  for (std::string_view s : {"munchen.de", "mnchen.de", "xn--mchen-kva.de"}) {
    EXPECT_TRUE(Has(m, s)) << s;
  }
}

// Issue 15, breaker 15, round 4: what check now flags, permute writes too:
// a real TLD one edit from the source's (army.il, army.mit: item 1), the
// name under a ccTLD's listed commercial zones (seznam.co.za: item 2), the
// two labels of the ending swapped (barclays.uk.co: item 7).
TEST(PermuteTest, RealTldsOneEditAwayZonesOfEveryCcTldAndSwappedLabels) {
  std::vector<std::string> mil = PermuteDomain({"army.mil", {}, {}, {}});
  for (std::string_view s : {"army.il", "army.mit", "army.ril"}) EXPECT_TRUE(Has(mil, s)) << s;
  std::vector<std::string> seznam = PermuteDomain({"seznam.cz", {}, {"za", "ke"}, {}});
  for (std::string_view s : {"seznam.za", "seznam.co.za", "seznam.org.za", "seznam.co.ke"}) {
    EXPECT_TRUE(Has(seznam, s)) << s;
  }
  std::vector<std::string> barclays = PermuteDomain({"barclays.co.uk", {}, {}, {}});
  EXPECT_TRUE(Has(barclays, "barclays.uk.co"));
}

}  // namespace
}  // namespace nearmiss::lookalike
