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
        // The typo finder's ASCII form (detector_name.cc) answers the same.
        ASSERT_EQ(BoundedDamerauAscii(a, b, limit), std::min(full, limit + 1))
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

// KeysAdjacent reads a table made at compile time from the layouts' rows:
// every kind of neighbour the rows define, on each layout, either case.
TEST(KeyboardTest, TableKeepsEveryKindOfNeighbour) {
  EXPECT_TRUE(KeysAdjacent('1', '2'));  // digits row
  EXPECT_TRUE(KeysAdjacent('1', 'q'));  // digit over letter
  EXPECT_TRUE(KeysAdjacent('2', 'q'));  // the row below sits half a key right
  EXPECT_FALSE(KeysAdjacent('3', 'q'));
  EXPECT_TRUE(KeysAdjacent('w', 'a'));  // row below, left
  EXPECT_TRUE(KeysAdjacent('w', 's'));  // row below, right
  EXPECT_FALSE(KeysAdjacent('w', 'd'));
  EXPECT_TRUE(KeysAdjacent('n', 'm'));
  EXPECT_TRUE(KeysAdjacent('b', 'h'));
  EXPECT_TRUE(KeysAdjacent('t', 'y'));   // QWERTY
  EXPECT_TRUE(KeysAdjacent('t', 'z'));   // QWERTZ
  EXPECT_TRUE(KeysAdjacent('y', 'x'));   // QWERTZ bottom row
  EXPECT_TRUE(KeysAdjacent('q', 's'));   // AZERTY: q starts the home row
  EXPECT_TRUE(KeysAdjacent('l', 'm'));   // AZERTY: m ends it
  EXPECT_TRUE(KeysAdjacent('w', 'x'));   // AZERTY bottom row
  EXPECT_FALSE(KeysAdjacent('p', 'a'));  // row ends do not wrap
  EXPECT_FALSE(KeysAdjacent('0', 'q'));
  EXPECT_TRUE(KeysAdjacent('Q', 'w'));
  EXPECT_TRUE(KeysAdjacent('G', 'H'));
  EXPECT_FALSE(KeysAdjacent('A', 'a'));
  EXPECT_FALSE(KeysAdjacent('-', '0'));  // not on the rows
  EXPECT_FALSE(KeysAdjacent('.', ','));
  EXPECT_FALSE(KeysAdjacent(static_cast<char>(0xC3), 'a'));  // a UTF-8 lead byte
  EXPECT_FALSE(KeysAdjacent(static_cast<char>(0xE1), static_cast<char>(0xE2)));
  // A neighbour either way, and no key its own neighbour.
  for (int a = 0; a < 256; ++a) {
    EXPECT_FALSE(KeysAdjacent(static_cast<char>(a), static_cast<char>(a)));
    for (int b = 0; b < 256; ++b) {
      ASSERT_EQ(KeysAdjacent(static_cast<char>(a), static_cast<char>(b)),
                KeysAdjacent(static_cast<char>(b), static_cast<char>(a)))
          << a << " " << b;
    }
  }
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

// Every sentence DescribeEdit tells, one family member each: the sentence is
// built apart from the kind (ClassifyEdit ranks without it).
TEST(DescribeEditTest, TellsEachKindInWords) {
  auto detail = [](std::string_view typed, std::string_view intended) {
    return DescribeEdit(typed, intended).detail;
  };
  EXPECT_EQ(detail("gmail", "gmail"), "is identical");
  EXPECT_EQ(detail("gnial", "gmail"), "differs in two places");
  EXPECT_EQ(detail("gmal", "gmail"), "is missing an 'i'");
  EXPECT_EQ(detail("gmai", "gmail"), "is missing an 'l'");
  EXPECT_EQ(detail("usbank", "us.bank"), "is missing the dot after 'us'");
  EXPECT_EQ(detail("usbank", "us-bank"), "is missing the hyphen");
  EXPECT_EQ(detail("g.mail", "gmail"), "has an extra dot after 'g'");
  EXPECT_EQ(detail("g-mail", "gmail"), "has an extra hyphen after 'g'");
  EXPECT_EQ(detail("gmails", "gmail"), "has an extra 's' at the end");
  EXPECT_EQ(detail("gmaill", "gmail"), "has 'l' typed twice");
  EXPECT_EQ(detail("gmaiul", "gmail"), "has an extra 'u', a neighbouring key");
  EXPECT_EQ(detail("gmaxil", "gmail"), "has an extra 'x'");
  EXPECT_EQ(detail("us-bank", "us.bank"), "has a hyphen where a dot belongs");
  EXPECT_EQ(detail("us.bank", "us-bank"), "has a dot where a hyphen belongs");
  EXPECT_EQ(detail("gmoil", "gmail"), "has the vowel 'o' where 'a' belongs");
  EXPECT_EQ(detail("gmsil", "gmail"), "has 's' where 'a' belongs, the key next to it");
  EXPECT_EQ(detail("gmaih", "gmail"), "has 'h' where 'l' belongs, one bit apart");
  EXPECT_EQ(detail("gmpil", "gmail"), "has 'p' where 'a' belongs");
  EXPECT_EQ(detail("gmial", "gmail"), "has 'ia' where 'ai' belongs: two letters swapped");
}

// ClassifyEdit is DescribeEdit without the sentence: the same kind and
// keyboard fact for every pair of a family of names and their slips (each
// character left out, doubled, replaced, swapped with the next, and one
// inserted), ASCII and not, and no sentence.
TEST(ClassifyEditTest, AgreesWithDescribeEditOnEveryEdit) {
  const std::vector<std::string> names = {"gmail", "us.bank", "us-bank", "army.mil", "aple",
                                          "яндекс", "münchen", "b1nd"};
  const std::vector<std::string> letters = {"a", "s", "l", "0", ".", "-", "s", "ü", "д", "q"};
  size_t checked = 0;
  for (const std::string& n : names) {
    std::vector<std::string> typed = {n, "", "x" + n + "yz"};
    std::vector<size_t> at;  // where each character starts
    for (size_t i = 0; i < n.size(); ++i) {
      if ((static_cast<unsigned char>(n[i]) & 0xC0) != 0x80) at.push_back(i);
    }
    at.push_back(n.size());
    for (size_t c = 0; c + 1 < at.size(); ++c) {
      const std::string ch = n.substr(at[c], at[c + 1] - at[c]);
      typed.push_back(n.substr(0, at[c]) + n.substr(at[c + 1]));
      typed.push_back(n.substr(0, at[c + 1]) + ch + n.substr(at[c + 1]));
      for (const std::string& l : letters) {
        typed.push_back(n.substr(0, at[c]) + l + n.substr(at[c + 1]));
        typed.push_back(n.substr(0, at[c]) + l + n.substr(at[c]));
      }
      if (c + 2 < at.size()) {
        const std::string next = n.substr(at[c + 1], at[c + 2] - at[c + 1]);
        typed.push_back(n.substr(0, at[c]) + next + ch + n.substr(at[c + 2]));
      }
    }
    for (const std::string& l : letters) typed.push_back(n + l);
    for (const std::string& t : typed) {
      const Edit described = DescribeEdit(t, n), classified = ClassifyEdit(t, n);
      EXPECT_EQ(classified.kind, described.kind) << t << " for " << n;
      EXPECT_EQ(classified.adjacent_keys, described.adjacent_keys) << t << " for " << n;
      EXPECT_TRUE(classified.detail.empty()) << t << " for " << n;
      if (std::all_of(t.begin(), t.end(), [](unsigned char c) { return c < 0x80; }) &&
          std::all_of(n.begin(), n.end(), [](unsigned char c) { return c < 0x80; })) {
        const Edit ascii = ClassifyEditAscii(t, n);
        EXPECT_EQ(ascii.kind, described.kind) << t << " for " << n;
        EXPECT_EQ(ascii.adjacent_keys, described.adjacent_keys) << t << " for " << n;
      }
      ++checked;
    }
  }
  EXPECT_GT(checked, 800u);
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
