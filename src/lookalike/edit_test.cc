#include "lookalike/edit.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "lookalike/keyboard.h"

namespace nearmiss::lookalike {
namespace {

TEST(BoundedDamerauTest, CountsEditsUpToLimit) {
  EXPECT_EQ(BoundedDamerau("gmail", "gmail", 2), 0);
  EXPECT_EQ(BoundedDamerau("gmial", "gmail", 2), 1);  // transposition
  EXPECT_EQ(BoundedDamerau("gmai", "gmail", 2), 1);
  EXPECT_EQ(BoundedDamerau("gmaiil", "gmail", 2), 1);
  EXPECT_EQ(BoundedDamerau("gnail", "gmail", 2), 1);
  EXPECT_EQ(BoundedDamerau("gnial", "gmail", 2), 2);
  EXPECT_EQ(BoundedDamerau("yahoo", "gmail", 2), 3);  // limit + 1
  EXPECT_EQ(BoundedDamerau("", "abc", 1), 2);
}

// The full optimal-string-alignment matrix, no shortcuts: what
// BoundedDamerau's trimmed, banded rows must agree with.
int FullOsa(std::string_view a, std::string_view b) {
  const size_t n = a.size(), m = b.size();
  std::vector<std::vector<int>> d(n + 1, std::vector<int>(m + 1));
  for (size_t i = 0; i <= n; ++i) d[i][0] = static_cast<int>(i);
  for (size_t j = 0; j <= m; ++j) d[0][j] = static_cast<int>(j);
  for (size_t i = 1; i <= n; ++i) {
    for (size_t j = 1; j <= m; ++j) {
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1,
                          d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[n][m];
}

// Every pair of strings up to 6 letters over a 3-letter alphabet (where
// repeats, swaps and shared ends are dense), each limit 0 to 3.
TEST(BoundedDamerauTest, AgreesWithTheFullMatrixOnEverySmallPair) {
  std::vector<std::string> words = {""};
  for (size_t at = 0; at < words.size(); ++at) {
    if (words[at].size() == 6) continue;
    for (char c : {'a', 'b', 'c'}) words.push_back(words[at] + c);
  }
  ASSERT_EQ(words.size(), 1093u);
  size_t checked = 0;
  for (const std::string& a : words) {
    for (size_t k = 0; k < words.size(); k += 3) {  // a third of the pairs: ~400k
      const std::string& b = words[(k + a.size()) % words.size()];
      const int full = FullOsa(a, b);
      for (int limit = 0; limit <= 3; ++limit) {
        ASSERT_EQ(BoundedDamerau(a, b, limit), std::min(full, limit + 1))
            << "'" << a << "' '" << b << "' limit " << limit;
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 1'000'000u);
}

TEST(KeyboardTest, KnowsNeighbours) {
  EXPECT_TRUE(KeysAdjacent('q', 'w'));
  EXPECT_TRUE(KeysAdjacent('g', 'h'));
  EXPECT_TRUE(KeysAdjacent('z', 'u'));  // QWERTZ: z sits where y is
  EXPECT_TRUE(KeysAdjacent('a', 'z'));  // AZERTY
  EXPECT_FALSE(KeysAdjacent('q', 'p'));
  EXPECT_FALSE(KeysAdjacent('a', 'a'));
}

TEST(DescribeEditTest, NamesEachKindOfSlip) {
  EXPECT_EQ(DescribeEdit("ml", "mil").kind, EditKind::kOmission);
  EXPECT_EQ(DescribeEdit("ml", "mil").detail, "is missing an 'i'");
  EXPECT_EQ(DescribeEdit("gmial", "gmail").kind, EditKind::kTransposition);
  EXPECT_EQ(DescribeEdit("gmaill", "gmail").kind, EditKind::kRepetition);
  EXPECT_EQ(DescribeEdit("gmaiul", "gmail").kind, EditKind::kInsertion);
  EXPECT_EQ(DescribeEdit("gmaol", "gmail").kind, EditKind::kVowelSwap);
  EXPECT_EQ(DescribeEdit("gmsil", "gmail").kind, EditKind::kReplacement);
  EXPECT_TRUE(DescribeEdit("gmsil", "gmail").adjacent_keys);
  EXPECT_EQ(DescribeEdit("gmaih", "gmail").kind, EditKind::kBitFlip);  // l^h = 1 bit
  EXPECT_EQ(DescribeEdit("g-mail", "gmail").kind, EditKind::kHyphenAdded);
  EXPECT_EQ(DescribeEdit("usbank", "us-bank").kind, EditKind::kHyphenDropped);
  EXPECT_EQ(DescribeEdit("gmails", "gmail").kind, EditKind::kPlural);
  EXPECT_EQ(DescribeEdit("usbank", "us.bank").kind, EditKind::kDotDropped);
  EXPECT_EQ(DescribeEdit("g.mail", "gmail").kind, EditKind::kDotAdded);
  EXPECT_EQ(DescribeEdit("us-bank", "us.bank").kind, EditKind::kDotAsHyphen);
  EXPECT_EQ(DescribeEdit("aple", "apple").detail, "has a single 'p' where there are two");
  EXPECT_EQ(DescribeEdit("gnial", "gmail").kind, EditKind::kOther);
}

// Issue 15 breaker, fifth round, item 10: a Cyrillic letter for another
// was "has '\xbb' where '\xb4' belongs" (bytes of two-byte letters), and
// two swapped or a one-byte letter for a two-byte one was two edits.
TEST(EditTest, CountsAndDescribesCodePointsNotBytes) {
  EXPECT_EQ(BoundedDamerau("янлекс", "яндекс", 2), 1);
  EXPECT_EQ(BoundedDamerau("яднекс", "яндекс", 2), 1);
  EXPECT_EQ(BoundedDamerau("яндекв", "яндекc", 2), 1);  // Cyrillic 'в' for Latin 'c'
  EXPECT_EQ(BoundedDamerau("mnchen", "münchen", 2), 1);
  EXPECT_EQ(BoundedDamerau("munchen", "münchen", 2), 1);
  EXPECT_EQ(DescribeEdit("янлекс", "яндекс").detail, "has 'л' where 'д' belongs");
  EXPECT_EQ(DescribeEdit("яднекс", "яндекс").kind, EditKind::kTransposition);
  EXPECT_EQ(DescribeEdit("mnchen", "münchen").detail, "is missing a 'ü'");
  EXPECT_EQ(DescribeEdit("münchen", "munchen").detail, "has 'ü' where 'u' belongs");
  EXPECT_EQ(CharCount("яндекс"), 6u);
  EXPECT_EQ(CharCount("gmail"), 5u);
}

}  // namespace
}  // namespace nearmiss::lookalike
