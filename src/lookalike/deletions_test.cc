#include "lookalike/deletions.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace nearmiss::lookalike {
namespace {

// The O(1) variant hashes must equal the hashes of the variants built as
// strings, or build and query would disagree.
uint64_t KeyOfString(std::string_view s, uint64_t suffix_hash) {
  uint64_t h = 0;
  for (char c : s) h = h * 0x100000001b3ULL + static_cast<unsigned char>(c) + 1;
  return VariantKey(h, s.size(), suffix_hash);
}

TEST(DeletionKeysTest, MatchTheVariantsBuiltAsStrings) {
  const std::string s = "barclays";
  std::set<uint64_t> expected;
  expected.insert(KeyOfString(s, 7));
  for (size_t i = 0; i < s.size(); ++i) {
    std::string one = s;
    one.erase(i, 1);
    expected.insert(KeyOfString(one, 7));
    for (size_t j = i; j < one.size(); ++j) {
      std::string two = one;
      two.erase(j, 1);
      expected.insert(KeyOfString(two, 7));
    }
  }
  std::set<uint64_t> got;
  ForEachDeletionKey(s, 2, 7, [&](uint64_t k) { got.insert(k); });
  EXPECT_EQ(got, expected);
}

TEST(DeletionKeysTest, SharedVariantMeansOneEdit) {
  std::set<uint64_t> a, b;
  ForEachDeletionKey("gmial", 1, 1, [&](uint64_t k) { a.insert(k); });
  ForEachDeletionKey("gmail", 1, 1, [&](uint64_t k) { b.insert(k); });
  bool shared = false;
  for (uint64_t k : a) shared = shared || b.count(k) > 0;
  EXPECT_TRUE(shared);
  std::set<uint64_t> other_suffix;
  ForEachDeletionKey("gmail", 1, 2, [&](uint64_t k) { other_suffix.insert(k); });
  for (uint64_t k : a) EXPECT_EQ(other_suffix.count(k), 0u);
}

}  // namespace
}  // namespace nearmiss::lookalike
