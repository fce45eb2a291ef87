#include "lookalike/edit.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace nearmiss::lookalike
