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
  // 100k hashes, 8 to 16 slots a bucket, a 2^-13 tag collision: ~150.
  ExpectFinds(index, pairs, 1'000);
  EXPECT_LE(index.MemoryBytes(), pairs.size() * 4 + pairs.size() / 2 + 4096);
}

TEST(HashIndexTest, AGuessTooLowOnlyRaisesTheLoad) {
  auto pairs = Pairs(50'000, 1);
  HashIndex index = BuildFrom(pairs, 100);
  // 32 buckets of ~1,600 pairs, a 2^-16 tag collision: ~400 strays.
  ExpectFinds(index, pairs, 2'000);
}

TEST(HashIndexTest, IdsOfAllThirtyTwoBitsLeaveNoTagButStayExact) {
  auto pairs = Pairs(3'000, 1'431'655);  // the largest id needs 32 bits
  ASSERT_GE(pairs.back().second, 1u << 31);
  HashIndex index = BuildFrom(pairs, pairs.size());
  ExpectFinds(index, pairs, 3'000 * 16);  // each probe returns its bucket
}

// FindMany prefetches every line of each bucket before probing; what it
// visits must be exactly what Find visits, hash by hash, including the
// buckets a guess too low made longer than a cache line.
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
}

}  // namespace
}  // namespace nearmiss::lookalike
