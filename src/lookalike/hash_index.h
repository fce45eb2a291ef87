// HashIndex: an immutable multimap from 64-bit key hashes to entry ids.
//
// Laid out as one offsets array and one slot array (compressed buckets), so a
// million-domain index is a few flat allocations and a lookup touches two
// cache lines. Hashes collide: callers verify every id they get back.
//
// Built in two passes over the same generator (count, then fill) so the peak
// memory is the final size, not a vector of pending pairs.
//
// Thread safety: immutable after Build; Find may run concurrently.
#ifndef NEARMISS_LOOKALIKE_HASH_INDEX_H_
#define NEARMISS_LOOKALIKE_HASH_INDEX_H_

#include <array>
#include <bit>
#include <cstdint>
#include <string_view>
#include <vector>

namespace nearmiss::lookalike {

inline uint64_t HashKey(std::string_view key) {
  return std::hash<std::string_view>{}(key);
}

class HashIndex {
 public:
  // `generate(emit)` is called twice and must emit the same (hash, id) pairs
  // both times. `expected_keys` sizes the bucket array (a guess is fine).
  template <typename Generate>
  void Build(size_t expected_keys, Generate&& generate) {
    size_t buckets = std::bit_ceil(std::max<size_t>(expected_keys / 2, 16));
    shift_ = 64 - std::countr_zero(buckets);
    offsets_.assign(buckets + 1, 0);
    // Both passes touch memory at random; batching the pairs and prefetching
    // a batch's addresses before using them overlaps the cache misses.
    Batched(generate, [&](const Pending* p, size_t n) {
      for (size_t k = 0; k < n; ++k) __builtin_prefetch(&offsets_[Bucket(p[k].hash) + 1], 1);
      for (size_t k = 0; k < n; ++k) ++offsets_[Bucket(p[k].hash) + 1];
    });
    for (size_t b = 1; b <= buckets; ++b) offsets_[b] += offsets_[b - 1];
    slots_.resize(offsets_[buckets]);
    std::vector<uint32_t> fill(offsets_.begin(), offsets_.end() - 1);
    Batched(generate, [&](const Pending* p, size_t n) {
      for (size_t k = 0; k < n; ++k) __builtin_prefetch(&fill[Bucket(p[k].hash)], 1);
      for (size_t k = 0; k < n; ++k) __builtin_prefetch(&slots_[fill[Bucket(p[k].hash)]], 1);
      for (size_t k = 0; k < n; ++k) {
        slots_[fill[Bucket(p[k].hash)]++] = Slot{static_cast<uint32_t>(p[k].hash), p[k].id};
      }
    });
  }

  // Calls `visit(id)` for every id stored under `hash` (and, rarely, others
  // whose hash shares bucket and low bits).
  template <typename Visit>
  void Find(uint64_t hash, Visit&& visit) const {
    if (offsets_.empty()) return;
    size_t b = Bucket(hash);
    uint32_t tag = static_cast<uint32_t>(hash);
    for (uint32_t i = offsets_[b]; i < offsets_[b + 1]; ++i) {
      if (slots_[i].tag == tag) visit(slots_[i].id);
    }
  }

  // Starts loading the bucket `hash` falls in, so a Find soon after does not
  // wait for main memory alone.
  void Prefetch(uint64_t hash) const {
    if (!offsets_.empty()) __builtin_prefetch(&offsets_[Bucket(hash)]);
  }

  // Find for many hashes at once. A big index lives in main memory, so each
  // lookup is a cache miss; issuing the loads for all buckets before reading
  // any lets them overlap, which keeps a query's cost flat as the index grows.
  template <typename Visit>
  void FindMany(const uint64_t* hashes, size_t n, Visit&& visit) const {
    if (offsets_.empty()) return;
    for (size_t k = 0; k < n; ++k) __builtin_prefetch(&offsets_[Bucket(hashes[k])]);
    for (size_t k = 0; k < n; ++k) __builtin_prefetch(&slots_[offsets_[Bucket(hashes[k])]]);
    for (size_t k = 0; k < n; ++k) Find(hashes[k], visit);
  }

  size_t size() const { return slots_.size(); }
  size_t MemoryBytes() const {
    return offsets_.capacity() * sizeof(uint32_t) + slots_.capacity() * sizeof(Slot);
  }

 private:
  struct Pending {
    uint64_t hash;
    uint32_t id;
  };
  // Runs `generate`, handing its pairs to `flush` in batches of 64.
  template <typename Generate, typename Flush>
  static void Batched(Generate& generate, Flush&& flush) {
    std::array<Pending, 64> batch;
    size_t n = 0;
    generate([&](uint64_t hash, uint32_t id) {
      batch[n++] = Pending{hash, id};
      if (n == batch.size()) {
        flush(batch.data(), n);
        n = 0;
      }
    });
    flush(batch.data(), n);
  }

  struct Slot {
    uint32_t tag;
    uint32_t id;
  };
  size_t Bucket(uint64_t hash) const { return hash >> shift_; }

  unsigned shift_ = 63;
  std::vector<uint32_t> offsets_;
  std::vector<Slot> slots_;
};

}  // namespace nearmiss::lookalike

#endif  // NEARMISS_LOOKALIKE_HASH_INDEX_H_
