#include "lookalike/namespace_index.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "lookalike/domain_labels.h"
#include "lookalike/edit.h"

namespace nearmiss::lookalike {
namespace {

struct Owned {
  std::string ns, flat;
  size_t labels;
  bool always;
};

Owned Make(std::string ns, bool always = false) {
  std::string flat = ns;
  std::erase(flat, '.');
  return {ns, flat, LabelCount(ns), always};
}

// What the loops over all namespaces test, namespace by namespace
// (detector_namespace.cc, detector_appended.cc): the index must return
// every namespace this holds for.
bool MayFire(const Owned& n, std::string_view ascii, std::string_view reg) {
  if (n.always || ascii.find("xn--") != std::string_view::npos) return true;
  std::string_view head, tail;
  if (SplitTail(ascii, n.labels, head, tail) && BoundedDamerau(tail, n.ns, 1) <= 1) return true;
  if (LastLabel(ascii) == n.flat) return true;
  if (reg.size() > n.flat.size() && reg.ends_with(n.flat)) return true;
  if (n.labels >= 2 && ascii.ends_with(n.ns) && ascii.size() > n.ns.size()) {
    std::string_view run = ascii.substr(0, ascii.size() - n.ns.size());
    return run.find('.') == std::string_view::npos;
  }
  return false;
}

class NamespaceIndexTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* ns : {"mil", "gov", "gov.uk", "nhs.uk", "br.com", "co.it", "gouv.fr",
                           "fed.us", "gc.ca", "govt.nz", "mil.uk", "police.uk", "sa.com"}) {
      owned_.push_back(Make(ns));
    }
    owned_.push_back(Make("int", /*always=*/true));
    std::vector<NamespaceIndex::Spec> specs;
    for (const Owned& o : owned_) specs.push_back({o.ns, o.labels, o.flat, o.always});
    index_.Build(specs);
  }
  std::vector<uint32_t> Expected(std::string_view ascii, std::string_view reg) const {
    std::vector<uint32_t> out;
    for (uint32_t i = 0; i < owned_.size(); ++i) {
      if (MayFire(owned_[i], ascii, reg)) out.push_back(i);
    }
    return out;
  }
  std::vector<Owned> owned_;
  NamespaceIndex index_;
};

// Every family the loops test, several members each: a slip of the
// namespace's ending (substitution, omission, insertion, transposition),
// its flat form as the last label, the name run into it, the namespace run
// into a registrable label, and queries near nothing.
TEST_F(NamespaceIndexTest, ReturnsEveryNamespaceTheLoopsWouldFireFor) {
  const std::vector<std::pair<std::string, std::string>> queries = {
      {"army.ml", "army"},         {"army.mli", "army"},       {"army.mi", "army"},
      {"army.mill", "army"},       {"army.iml", "army"},       {"mod.gvo.uk", "mod"},
      {"mod.gov.ul", "mod"},       {"mod.go.uk", "mod"},       {"mod.gov.uuk", "mod"},
      {"hmrc.govuk", "hmrc"},      {"x.nhsuk", "x"},           {"hmrcgov.uk", "hmrcgov"},
      {"hmrc-gov.uk", "hmrc-gov"}, {"mod-mil.uk", "mod-mil"},  {"dodmil.com", "dodmil"},
      {"army-mil.us", "army-mil"}, {"fbigov.com", "fbigov"},   {"lotsbrcom.net", "lotsbrcom"},
      {"shop.bt.com", "bt"},       {"shop.br.cm", "br"},       {"nice.co.ti", "co"},
      {"ville.gouv.fe", "gouv"},   {"ville.guv.fr", "guv"},    {"dia.govt.mz", "govt"},
      {"gmail.com", "gmail"},      {"example.org", "example"}, {"mail.yahoo.co.jp", "yahoo"},
      {"xn--80ak6aa92e.com", "xn--80ak6aa92e"}, {"a.b.c.d.e.f.g.h", "g"},
  };
  for (const auto& [ascii, reg] : queries) {
    std::vector<uint32_t> got;
    index_.Candidates(ascii, reg, got);
    ASSERT_TRUE(std::is_sorted(got.begin(), got.end())) << ascii;
    for (uint32_t want : Expected(ascii, reg)) {
      EXPECT_TRUE(std::binary_search(got.begin(), got.end(), want))
          << ascii << " should meet " << owned_[want].ns;
    }
  }
}

// The point of the index: a query near nothing meets only what every
// query meets (the always-list), not all namespaces.
TEST_F(NamespaceIndexTest, AQueryNearNoNamespaceMeetsOnlyTheAlwaysList) {
  std::vector<uint32_t> got;
  index_.Candidates("grai.com", "grai", got);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(owned_[got[0]].ns, "int");
  index_.Candidates("army.ml", "army", got);
  EXPECT_TRUE(std::find_if(got.begin(), got.end(), [&](uint32_t i) {
                return owned_[i].ns == "mil";
              }) != got.end());
  EXPECT_LT(got.size(), owned_.size());
}

TEST_F(NamespaceIndexTest, NearFindsOneEditOfTheTailOnly) {
  std::vector<uint32_t> got;
  index_.AppendNear("mod.gvo.uk", got);
  NamespaceIndex::SortUnique(got);
  std::vector<std::string> names;
  for (uint32_t i : got) names.push_back(owned_[i].ns);
  EXPECT_NE(std::find(names.begin(), names.end(), "gov.uk"), names.end());
  EXPECT_EQ(std::find(names.begin(), names.end(), "mil"), names.end());
}

TEST(NamespaceIndexEmptyTest, NoNamespacesNoCandidates) {
  NamespaceIndex index;
  index.Build({});
  std::vector<uint32_t> got = {7};
  index.Candidates("army.ml", "army", got);
  EXPECT_TRUE(got.empty());
}

}  // namespace
}  // namespace nearmiss::lookalike
