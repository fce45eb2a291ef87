#include "lookalike/hash_index.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <utility>
#include <vector>

#include "lookalike/deletions.h"

namespace nearmiss::lookalike {
namespace {

// Pairs spread like the typo index's: mixed 64-bit hashes, several ids under
// some hashes, one id under several hashes.
std::vector<std::pair<uint64_t, uint32_t>> Pairs(size_t n, uint32_t id_stride) {
  std::vector<std::pair<uint64_t, uint32_t>> out;
  for (size_t i = 0; i < n; ++i) {
    uint64_t hash = Mix64(i / 3 + 1);  // three ids a hash
    out.emplace_back(hash, static_cast<uint32_t>(i * id_stride));
  }
  return out;
}

std::map<uint64_t, std::set<uint32_t>> Expected(
    const std::vector<std::pair<uint64_t, uint32_t>>& pairs) {
  std::map<uint64_t, std::set<uint32_t>> out;
  for (const auto& [hash, id] : pairs) out[hash].insert(id);
  return out;
}

HashIndex BuildFrom(const std::vector<std::pair<uint64_t, uint32_t>>& pairs, size_t expected) {
  HashIndex index;
  index.Build(expected, [&](auto&& emit) {
    for (const auto& [hash, id] : pairs) emit(hash, id);
  });
  return index;
}

// Every stored id comes back under its hash; ids of other hashes come back
// only as rare tag collisions.
void ExpectFinds(const HashIndex& index, const std::vector<std::pair<uint64_t, uint32_t>>& pairs,
                 size_t max_strays) {
  size_t strays = 0;
  for (const auto& [hash, ids] : Expected(pairs)) {
    std::set<uint32_t> found;
    index.Find(hash, [&](uint32_t id) { found.insert(id); });
    for (uint32_t id : ids) EXPECT_TRUE(found.count(id)) << "id " << id << " lost";
    strays += found.size() - ids.size();
  }
  EXPECT_LE(strays, max_strays);
}

TEST(HashIndexTest, FindsEveryPairWithFewStrays) {
  auto pairs = Pairs(300'000, 1);  // ids need 19 bits, tags get 13
  HashIndex index = BuildFrom(pairs, pairs.size());
  EXPECT_EQ(index.size(), pairs.size());
  // 100k hashes, ~12 pairs a line, a 2^-13 tag collision: ~150.
  ExpectFinds(index, pairs, 1'000);
  // 64-byte lines of 15 slots at kLoad: 5.3 bytes a pair, and the few
  // lines the last homes run into.
  EXPECT_LE(index.MemoryBytes(),
            pairs.size() * 64 / (HashIndex::kSlotsPerLine * HashIndex::kLoad) + 64 * 64);
}

// The layout's point: a key absent from the index reads one line, unless
// its line's filter of overflowed pairs says otherwise (rarely), or it
// falls in a run of full lines.
TEST(HashIndexTest, MostAbsentKeysReadOneLine) {
  auto pairs = Pairs(300'000, 1);
  HashIndex index = BuildFrom(pairs, pairs.size());
  size_t lookups = 0, lines = 0, one = 0;
  for (uint64_t i = 0; i < 100'000; ++i) {
    const size_t read = index.LinesRead(Mix64(i + 5'000'000));  // stored under no id
    ++lookups;
    lines += read;
    one += read == 1;
  }
  const double mean = static_cast<double>(lines) / static_cast<double>(lookups);
  EXPECT_GE(mean, 1.0);
  // ~1.055 at kLoad 0.8 with three filter bits a pair (1.078 with one);
  // 1.27 without the filter, 2 for a directory.
  EXPECT_LE(mean, 1.065) << "lines read per absent key";
  EXPECT_GE(static_cast<double>(one) / static_cast<double>(lookups), 0.93);
}

TEST(HashIndexTest, AGuessTooLowMakesHomesSpanLinesButStaysExact) {
  auto pairs = Pairs(50'000, 1);
  HashIndex index = BuildFrom(pairs, 100);
  // 16 homes of ~3,100 pairs, each over ~260 lines, a 2^-16 tag collision:
  // ~800 strays.
  ExpectFinds(index, pairs, 3'000);
  EXPECT_GT(index.LinesRead(pairs[0].first), 100u);
}

TEST(HashIndexTest, EqualTagsOfDifferentKeysBothComeBackForTheCallerToVerify) {
  // Ids need 10 bits, so tags are the hash's low 22 bits and homes its top
  // few: these hashes share a home, and `a` and `b` a tag as well.
  const uint64_t a = 0x7000'0000'0000'02a5, b = a | uint64_t{1} << 30;
  const uint64_t other_tag = a + 1;
  std::vector<std::pair<uint64_t, uint32_t>> pairs = {{a, 1}, {b, 2}, {other_tag, 3}};
  for (uint32_t i = 0; i < 1000; ++i) pairs.emplace_back(Mix64(i + 1), 10 + i % 1000);
  HashIndex index = BuildFrom(pairs, pairs.size());
  std::multiset<uint32_t> found;
  index.Find(a, [&](uint32_t id) { found.insert(id); });
  EXPECT_EQ(found.count(1), 1u);
  EXPECT_EQ(found.count(2), 1u) << "same line and tag: a collision the caller must verify";
  EXPECT_EQ(found.count(3), 0u) << "another tag in the same line is filtered";
}

TEST(HashIndexTest, AFullLineRunsIntoTheNextAndItsNeighboursStillFindTheirs) {
  // One hash with 100 ids (7 lines' worth) and single ids in the homes
  // around it: the heavy home pushes its followers' pairs lines away.
  std::vector<std::pair<uint64_t, uint32_t>> pairs;
  for (uint32_t i = 0; i < 100; ++i) pairs.emplace_back(Mix64(42), 1'000 + i);
  for (uint32_t i = 0; i < 2'000; ++i) pairs.emplace_back(Mix64(i + 100), i);
  HashIndex index = BuildFrom(pairs, pairs.size());
  std::vector<uint32_t> heavy;
  index.Find(Mix64(42), [&](uint32_t id) { heavy.push_back(id); });
  std::vector<uint32_t> want;
  for (uint32_t i = 0; i < 100; ++i) want.push_back(1'000 + i);
  EXPECT_EQ(heavy, want) << "every id, in the order emitted";
  EXPECT_GE(index.LinesRead(Mix64(42)), 7u);
  ExpectFinds(index, pairs, 50);
}

TEST(HashIndexTest, PairsPastTheLastHomeLineGrowTheTable) {
  // Every pair in the last home: the table grows by the lines they need
  // beyond the lines homes start at, and all are found.
  const uint64_t last = ~uint64_t{0} << 8;
  std::vector<std::pair<uint64_t, uint32_t>> pairs;
  for (uint32_t i = 0; i < 300; ++i) pairs.emplace_back(last | (i % 3), i);
  HashIndex index = BuildFrom(pairs, pairs.size());
  const size_t home_lines = static_cast<size_t>(300 / (HashIndex::kSlotsPerLine * HashIndex::kLoad));
  EXPECT_GT(index.lines(), home_lines);
  ExpectFinds(index, pairs, 0);
  // The last home starts at a line's start: 300 pairs are 20 lines.
  EXPECT_EQ(index.LinesRead(last), 20u);
}

TEST(HashIndexTest, IdsOfAllThirtyTwoBitsLeaveNoTagButStayExact) {
  auto pairs = Pairs(3'000, 1'431'655);  // the largest id needs 32 bits
  ASSERT_GE(pairs.back().second, 1u << 31);
  HashIndex index = BuildFrom(pairs, pairs.size());
  ExpectFinds(index, pairs, 3'000 * 16);  // each probe returns its bucket
}

// FindMany prefetches every home line, then the second lines, before
// probing; what it visits must be exactly what Find visits, hash by hash,
// including the homes a guess too low spread over many lines.
TEST(HashIndexTest, FindManyVisitsWhatFindVisits) {
  for (size_t expected : {size_t{300'000}, size_t{100}}) {
    auto pairs = Pairs(50'000, 1);
    HashIndex index = BuildFrom(pairs, expected);
    std::vector<uint64_t> hashes;
    for (size_t i = 0; i < pairs.size(); i += 7) hashes.push_back(pairs[i].first);
    hashes.push_back(Mix64(1'000'000'007));  // stored under no id
    std::multiset<uint32_t> one_by_one, batched;
    for (uint64_t h : hashes) index.Find(h, [&](uint32_t id) { one_by_one.insert(id); });
    index.FindMany(hashes.data(), hashes.size(), [&](uint32_t id) { batched.insert(id); });
    EXPECT_FALSE(batched.empty());
    EXPECT_EQ(batched, one_by_one) << "expected_keys " << expected;
  }
}

TEST(HashIndexTest, EmptyAndUnbuiltFindNothing) {
  HashIndex unbuilt;
  HashIndex empty = BuildFrom({}, 0);
  size_t found = 0;
  unbuilt.Find(Mix64(1), [&](uint32_t) { ++found; });
  empty.Find(Mix64(1), [&](uint32_t) { ++found; });
  uint64_t hashes[] = {Mix64(1), Mix64(2)};
  empty.FindMany(hashes, 2, [&](uint32_t) { ++found; });
  EXPECT_EQ(found, 0u);
  EXPECT_EQ(empty.size(), 0u);
  EXPECT_EQ(unbuilt.LinesRead(Mix64(1)), 0u);
  EXPECT_EQ(empty.LinesRead(Mix64(1)), 1u);
}

}  // namespace
}  // namespace nearmiss::lookalike
