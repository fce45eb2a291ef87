// Issue 15, breaker 15, round 4: whole families of slips, each generalised
// from the report's example and run on the embedded lists and the default
// policy, as a sender meets them. Each test fails on 6833ba1.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "address/public_suffix.h"
#include "address/root_zone.h"
#include "engine/embedded_lists.h"
#include "engine/engine_testing.h"
#include "nearmiss/engine.h"

namespace nearmiss {
namespace {

std::string CodeOf(const RecipientCheck& c) {
  return c.reasons.empty() ? "" : std::string(ReasonCodeName(c.reasons[0].code));
}

std::string Show(const RecipientCheck& c) {
  return std::string(VerdictName(c.verdict)) + " " + CodeOf(c) + " " + c.target + " -> " +
         c.suggestion + " / " + c.also_suggestion;
}

// The one-edit variants (a letter left out, changed, added, two swapped)
// of `label` that are delegated TLDs.
std::vector<std::string> RealTldsOneEditFrom(const std::string& label) {
  std::vector<std::string> out;
  auto keep = [&](const std::string& v) {
    if (v != label && address::IsDelegatedTld(v) &&
        std::find(out.begin(), out.end(), v) == out.end()) {
      out.push_back(v);
    }
  };
  for (size_t i = 0; i <= label.size(); ++i) {
    for (char c = 'a'; c <= 'z'; ++c) keep(std::string(label).insert(i, 1, c));
    if (i == label.size()) break;
    keep(std::string(label).erase(i, 1));
    for (char c = 'a'; c <= 'z'; ++c) {
      std::string v = label;
      v[i] = c;
      keep(v);
    }
    if (i + 1 < label.size()) {
      std::string v = label;
      std::swap(v[i], v[i + 1]);
      keep(v);
    }
  }
  return out;
}

// Item 1: the real .mil names (data/lists/namespace-names.txt) under every
// delegated TLD one edit from "mil" (il, ml, mit, ril) are look-alikes of
// the .mil name; an unknown name under .il is Israel's.
TEST(SlipFamiliesTest, RealMilNamesUnderATldOneEditFromMil) {
  auto engine = BuildDefault();
  ASSERT_NE(engine, nullptr);
  const std::vector<std::string> tlds = RealTldsOneEditFrom("mil");
  ASSERT_GE(tlds.size(), 3u);  // il, ml, mit, ril in the 2024 root zone
  for (const std::string& tld : tlds) {
    for (const char* name : {"army", "navy", "af", "usmc", "dla", "marines", "disa"}) {
      const std::string domain = std::string(name) + "." + tld;
      RecipientCheck c = engine->CheckRecipient("a@" + domain);
      EXPECT_EQ(c.verdict, Verdict::kLookalike) << domain << ": " << Show(c);
      EXPECT_EQ(c.suggestion, "a@" + std::string(name) + ".mil") << domain << ": " << Show(c);
    }
  }
  // A name under a listed .mil name, too (mildenhall.af.mil).
  RecipientCheck c = engine->CheckRecipient("a@lakenheath.af.il");
  EXPECT_EQ(c.suggestion, "a@lakenheath.af.mil") << Show(c);
  for (const char* other : {"idf.il", "technion.il", "walla.co.il"}) {
    EXPECT_NE(engine->CheckRecipient(std::string("a@") + other).verdict, Verdict::kLookalike)
        << other;
  }
}

// Item 2: a provider's name directly under every delegated ccTLD, and under
// each of its commercial second levels the PSL lists, is never accepted as
// external, whatever the PSL holds of the TLD itself (it has no bare "za").
TEST(SlipFamiliesTest, ProviderNameUnderEveryCcTldIsNeverExternal) {
  auto engine = BuildDefault();
  ASSERT_NE(engine, nullptr);
  size_t checked = 0;
  for (const std::string& cc : address::CountryCodeTlds()) {
    if (cc == "cz") continue;  // seznam.cz is the provider's own
    std::vector<std::string> domains = {"seznam." + cc};
    for (const char* open : {"co", "com", "net", "org"}) {
      const std::string zone = std::string(open) + "." + cc;
      if (address::IsListedSuffix(zone)) domains.push_back("seznam." + zone);
    }
    for (const std::string& d : domains) {
      RecipientCheck c = engine->CheckRecipient("a@" + d);
      EXPECT_NE(c.verdict, Verdict::kExternal) << d << ": " << Show(c);
      EXPECT_NE(c.verdict, Verdict::kTrusted) << d << ": " << Show(c);
      ++checked;
    }
  }
  EXPECT_GE(checked, 350u);
  for (const char* d : {"gmail.co.za", "outlook.co.za", "yandex.co.za", "gmx.co.za", "gmail.za",
                        "seznam.za", "gmail.org.za", "gmail.net.za"}) {
    RecipientCheck c = engine->CheckRecipient(std::string("a@") + d);
    EXPECT_EQ(c.verdict, Verdict::kLookalike) << d << ": " << Show(c);
  }
}

// Item 3: a host label before a provider's name under .ml (or any TLD one
// slip from .mil) is the provider's look-alike, never a .mil name.
TEST(SlipFamiliesTest, HostBeforeProviderUnderMlIsNoMilName) {
  auto engine = BuildDefault();
  ASSERT_NE(engine, nullptr);
  for (const char* host : {"www", "smtp", "imap", "webmail", "mx", "mail"}) {
    for (const char* provider : {"gmail", "hotmail", "yahoo", "seznam", "gmx", "outlook"}) {
      for (const char* tld : {"ml", "mi", "il"}) {
        const std::string d = std::string(host) + "." + provider + "." + tld;
        RecipientCheck c = engine->CheckRecipient("a@" + d);
        EXPECT_EQ(c.verdict, Verdict::kLookalike) << d << ": " << Show(c);
        EXPECT_EQ(c.target.find(".mil"), std::string::npos) << d << ": " << Show(c);
        EXPECT_EQ(c.suggestion.find(".mil"), std::string::npos) << d << ": " << Show(c);
        EXPECT_EQ(c.also_suggestion.find(".mil"), std::string::npos) << d << ": " << Show(c);
        EXPECT_NE(c.target.find(provider), std::string::npos) << d << ": " << Show(c);
      }
    }
  }
}

// Item 4: a namespace member with its country's code left off (the rest an
// undelegated TLD) is that namespace's look-alike, never a US .gov name.
TEST(SlipFamiliesTest, NamespaceMemberWithItsCountryCodeDropped) {
  auto engine = BuildDefault();
  ASSERT_NE(engine, nullptr);
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"ird.govt", "ird.govt.nz"},           {"dia.govt", "dia.govt.nz"},
      {"interieur.gouv", "interieur.gouv.fr"}, {"education.gouv", "education.gouv.fr"},
      {"met.police", "met.police.uk"},       {"kent.police", "kent.police.uk"},
      {"leeds.nhs", "leeds.nhs.uk"},         {"nzdf.mil.nz.x", "nzdf.mil.nz"},
      {"defence.gov.au.x", "defence.gov.au"}, {"army.military", "army.mil"},
      {"navy.milit", "navy.mil"}};
  for (const auto& [typed, meant] : cases) {
    RecipientCheck c = engine->CheckRecipient("a@" + typed);
    EXPECT_EQ(c.verdict, Verdict::kLookalike) << typed << ": " << Show(c);
    EXPECT_EQ(c.suggestion, "a@" + meant) << typed << ": " << Show(c);
    EXPECT_EQ(c.also_suggestion, "") << typed << ": " << Show(c);
  }
  // One key off the country's zone: the US .gov name made up by letter
  // count is no second offer either.
  for (const auto& [typed, meant] : std::vector<std::pair<std::string, std::string>>{
           {"ird.gov.nz", "ird.govt.nz"}, {"interieur.gov.fr", "interieur.gouv.fr"}}) {
    RecipientCheck c = engine->CheckRecipient("a@" + typed);
    EXPECT_EQ(c.suggestion, "a@" + meant) << typed << ": " << Show(c);
    EXPECT_EQ(c.also_suggestion.find(".gov"), std::string::npos) << typed << ": " << Show(c);
  }
}

// Item 5: a trusted provider's domain one slip away under the same name,
// under a TLD that does not exist, is the look-alike's target and the first
// offer; a real mail domain as near is the second.
TEST(SlipFamiliesTest, TrustedProviderBeforeRealNeighbourUnderDeadTld) {
  auto engine = BuildDefault();
  ASSERT_NE(engine, nullptr);
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"sina.con", "sina.com"}, {"rambler.ur", "rambler.ru"}, {"rambler.u", "rambler.ru"},
      {"post.ct", "post.cz"},   {"naver.cpm", "naver.com"}};
  for (const auto& [typed, meant] : cases) {
    RecipientCheck c = engine->CheckRecipient("a@" + typed);
    EXPECT_EQ(c.verdict, Verdict::kLookalike) << typed << ": " << Show(c);
    EXPECT_EQ(CodeOf(c), "tld-not-delegated") << typed << ": " << Show(c);
    EXPECT_EQ(c.suggestion, "a@" + meant) << typed << ": " << Show(c);
  }
  EXPECT_EQ(engine->CheckRecipient("a@sina.con").also_suggestion, "a@sina.cn");
  // The real domain of that very name stays the only reading where no
  // trusted name of it is near (y7mail.con: y7mail.com, not ymail.com).
  RecipientCheck y7 = engine->CheckRecipient("a@y7mail.con");
  EXPECT_EQ(y7.suggestion, "a@y7mail.com") << Show(y7);
}

// Item 6: a letter added to the co of a provider's .co.XX suggests that
// domain, and the reason names the letter added.
TEST(SlipFamiliesTest, ExtraLetterInTheCoOfAProvidersCoXx) {
  auto engine = BuildDefault();
  ASSERT_NE(engine, nullptr);
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"yahoo.cok.uk", "yahoo.co.uk"}, {"hotmail.col.jp", "hotmail.co.jp"},
      {"yahoo.cop.nz", "yahoo.co.nz"}, {"hotmail.cok.uk", "hotmail.co.uk"},
      {"yahoo.cio.uk", "yahoo.co.uk"}, {"yahoo.coo.jp", "yahoo.co.jp"}};
  for (const auto& [typed, meant] : cases) {
    RecipientCheck c = engine->CheckRecipient("a@" + typed);
    EXPECT_EQ(c.verdict, Verdict::kLookalike) << typed << ": " << Show(c);
    EXPECT_EQ(c.suggestion, "a@" + meant) << typed << ": " << Show(c);
    ASSERT_FALSE(c.reasons.empty());
    std::string why;
    for (const Reason& r : c.reasons) why += ReasonMessage(r) + " " + r.detail;
    EXPECT_EQ(why.find(".com."), std::string::npos) << typed << ": " << why;
    EXPECT_TRUE(why.find("extra") != std::string::npos || why.find("twice") != std::string::npos)
        << typed << ": " << why;
  }
}

// Item 7: the two labels of a multi-label ending swapped.
TEST(SlipFamiliesTest, SwappedLabelsOfAMultiLabelEnding) {
  auto engine = Build(
      "[domains]\nprotected = [\"barclays.co.uk\", \"anz.com.au\", \"ox.ac.uk\", "
      "\"toyota.co.jp\", \"oxfam.org.uk\", \"westpac.net.au\", \"itau.com.br\"]\n");
  ASSERT_NE(engine, nullptr);
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"barclays.uk.co", "barclays.co.uk"}, {"ox.uk.ac", "ox.ac.uk"},
      {"oxfam.uk.org", "oxfam.org.uk"},     {"westpac.au.net", "westpac.net.au"},
      {"anz.au.com", "anz.com.au"},         {"toyota.jp.co", "toyota.co.jp"},
      {"itau.br.com", "itau.com.br"},       {"yahoo.uk.co", "yahoo.co.uk"},
      {"hotmail.au.com", "hotmail.com.au"}, {"bigpond.au.net", "bigpond.net.au"},
      {"yahoo.br.com", "yahoo.com.br"},     {"met.uk.police", "met.police.uk"}};
  for (const auto& [typed, meant] : cases) {
    RecipientCheck c = engine->CheckRecipient("a@" + typed);
    EXPECT_EQ(c.verdict, Verdict::kLookalike) << typed << ": " << Show(c);
    EXPECT_EQ(c.suggestion, "a@" + meant) << typed << ": " << Show(c);
  }
}

// Item 8: Yahoo's own regional domains, from its published list of the
// domains that publish DMARC p=reject, are trusted.
TEST(SlipFamiliesTest, YahoosPublishedDomainsAreTrusted) {
  auto engine = BuildDefault();
  ASSERT_NE(engine, nullptr);
  for (const char* d :
       {"yahoo.cl", "yahoo.com.ve", "yahoo.com.pe", "yahoo.com.co", "yahoo.cz", "yahoo.hu",
        "yahoo.pt", "yahoo.co.il", "yahoo.com.hr", "yahoo.com.ua", "yahoo.ee", "yahoo.lt",
        "yahoo.lv", "yahoo.rs", "yahoo.si", "yahoo.sk", "yahoo.hr", "yahoo.bg", "yahoo.co.hu"}) {
    RecipientCheck c = engine->CheckRecipient(std::string("a@") + d);
    EXPECT_EQ(c.verdict, Verdict::kTrusted) << d << ": " << Show(c);
  }
  // cloud.com is one letter from icloud.com: the real-mail list's note.
  // post.ee is no slip since round 34 (post, a word, makes no family), so
  // it carries no reason at all.
  for (const char* d : {"post.ee", "cloud.com"}) {
    RecipientCheck c = engine->CheckRecipient(std::string("a@") + d);
    EXPECT_EQ(c.verdict, Verdict::kExternal) << d << ": " << Show(c);
  }
  EXPECT_EQ(CodeOf(engine->CheckRecipient("a@cloud.com")), "real-neighbour");
}

}  // namespace
}  // namespace nearmiss
