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

// A character is a code point: "яднекс" (two letters swapped) meets
// "яндекс" one deletion of a whole letter apart, and no variant is a torn
// UTF-8 sequence (issue 15 breaker, fifth round, item 10).
TEST(DeletionKeysTest, DeletesWholeCodePoints) {
  auto keys = [](std::string_view s, int depth) {
    std::set<uint64_t> out;
    ForEachDeletionKey(s, depth, 1, [&](uint64_t k) { out.insert(k); });
    return out;
  };
  std::set<uint64_t> a = keys("яднекс", 1), b = keys("яндекс", 1);
  bool shared = false;
  for (uint64_t k : a) shared = shared || b.count(k) > 0;
  EXPECT_TRUE(shared);
  // Six letters: itself and six deletions, not twelve bytes' worth.
  EXPECT_EQ(keys("яндекс", 1).size(), 7u);
  // "mnchen" itself is "münchen" with its two-byte 'ü' deleted.
  uint64_t whole = 0;
  bool first = true;
  ForEachDeletionKey("mnchen", 1, 1, [&](uint64_t k) {
    if (first) whole = k;
    first = false;
  });
  EXPECT_EQ(keys("münchen", 1).count(whole), 1u);
}

}  // namespace
}  // namespace nearmiss::lookalike
