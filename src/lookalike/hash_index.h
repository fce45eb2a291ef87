// HashIndex: an immutable multimap from 64-bit key hashes to entry ids,
// packed to 4 bytes a pair plus a small bucket directory.
//
// Layout: a quotient table (the scheme of quotient filters and of
// Elias-Fano's high/low split). The top bits of a hash pick a bucket; the
// bucket's pairs sit together in one slot array, found through an offsets
// array. Each slot is one uint32: the id in its low `id_bits_` bits, and in
// the rest a tag taken from the hash's low bits (independent of the bucket
// bits). The bucket bits are the quotient, so they are never stored.
//
// Why this and not a minimal perfect hash or an XOR filter: the deletion
// index is a multimap (one deletion key can lead to several names), and most
// of its bytes are the ids, which any structure must keep; an MPH or a
// retrieval structure would still need the ids and a fingerprint per key,
// and a filter in front of an exact table adds bytes instead of removing
// them. What can go is what the earlier layout spent on redundancy: a
// 32-bit tag beside a 32-bit id, and a 32-bit offset for every two pairs.
// Here the id takes only the bits the largest id needs (20 for a million
// entries) and the tag the rest (12), and buckets hold 8 to 16 pairs so the
// directory costs under half a byte a pair. A probe reads one offset pair and
// one or two adjacent cache lines of slots; the arrays sit on huge pages
// (huge_page_allocator.h), so that read is one memory access.
//
// Tags collide: a probe returns each other pair in its bucket with
// probability 2^-tag_bits (1/4096 at a million entries; with 2^32 entries
// the tag is empty and every pair of the bucket comes back). Callers verify
// every id they get back, so collisions cost time, never answers.
//
// Built in two passes over the same generator (count, then fill) so the
// memory is the final size plus a temporary count per fine bucket.
//
// Thread safety: immutable after Build; Find may run concurrently.
#ifndef NEARMISS_LOOKALIKE_HASH_INDEX_H_
#define NEARMISS_LOOKALIKE_HASH_INDEX_H_

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <string_view>
#include <vector>

#include "lookalike/huge_page_allocator.h"

namespace nearmiss::lookalike {

inline uint64_t HashKey(std::string_view key) {
  return std::hash<std::string_view>{}(key);
}

class HashIndex {
 public:
  // Least pairs per bucket: a bucket holds 8 to 16 4-byte slots (one or two
  // cache lines, the second one adjacent), and the directory costs at most
  // half a byte a pair.
  static constexpr size_t kMinLoad = 8;
  static constexpr uint32_t kSlotsPerLine = 64 / sizeof(uint32_t);

  // `generate(emit)` is called twice and must emit the same (hash, id) pairs
  // both times. `expected_keys` bounds the temporary count array (a guess is
  // fine: too low only raises the load per bucket).
  template <typename Generate>
  void Build(size_t expected_keys, Generate&& generate) {
    // Pass 1 counts into fine buckets, as the pair count is known only
    // afterwards; the directory then keeps every 2^k-th prefix sum.
    const unsigned fine_bits =
        std::countr_zero(std::bit_ceil(std::max<size_t>(expected_keys / 4, 16)));
    std::vector<uint32_t> fine(size_t{1} << fine_bits, 0);
    uint32_t max_id = 0;
    Batched(generate, [&](const Pending* p, size_t n) {
      for (size_t k = 0; k < n; ++k) __builtin_prefetch(&fine[p[k].hash >> (64 - fine_bits)], 1);
      for (size_t k = 0; k < n; ++k) {
        ++fine[p[k].hash >> (64 - fine_bits)];
        max_id = std::max(max_id, p[k].id);
      }
    });
    size_t total = 0;
    for (uint32_t c : fine) total += c;
    const unsigned bits = std::min<unsigned>(
        fine_bits, std::countr_zero(std::bit_floor(std::max<size_t>(total / kMinLoad, 16))));
    shift_ = 64 - bits;
    id_bits_ = std::bit_width(max_id);
    offsets_.assign((size_t{1} << bits) + 1, 0);
    const unsigned merge = fine_bits - bits;
    for (size_t f = 0; f < fine.size(); ++f) offsets_[(f >> merge) + 1] += fine[f];
    fine = {};
    for (size_t b = 1; b < offsets_.size(); ++b) offsets_[b] += offsets_[b - 1];
    slots_.resize(total);
    std::vector<uint32_t> fill(offsets_.begin(), offsets_.end() - 1);
    Batched(generate, [&](const Pending* p, size_t n) {
      for (size_t k = 0; k < n; ++k) __builtin_prefetch(&fill[Bucket(p[k].hash)], 1);
      for (size_t k = 0; k < n; ++k) __builtin_prefetch(&slots_[fill[Bucket(p[k].hash)]], 1);
      for (size_t k = 0; k < n; ++k) {
        slots_[fill[Bucket(p[k].hash)]++] =
            static_cast<uint32_t>(Tag(p[k].hash) << id_bits_ | p[k].id);
      }
    });
  }

  // Calls `visit(id)` for every id stored under `hash` (and, rarely, others
  // whose hash shares bucket and tag).
  template <typename Visit>
  void Find(uint64_t hash, Visit&& visit) const {
    if (offsets_.empty()) return;
    const size_t b = Bucket(hash);
    const uint64_t tag = Tag(hash);
    const uint64_t id_mask = (uint64_t{1} << id_bits_) - 1;
    for (uint32_t i = offsets_[b]; i < offsets_[b + 1]; ++i) {
      const uint64_t slot = slots_[i];
      if (slot >> id_bits_ == tag) visit(static_cast<uint32_t>(slot & id_mask));
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
    // A bucket's two offsets sit on different cache lines once in 16.
    for (size_t k = 0; k < n; ++k) {
      const uint32_t* at = &offsets_[Bucket(hashes[k])];
      __builtin_prefetch(at);
      __builtin_prefetch(at + 1);
    }
    if (!slots_.empty()) {  // an index of no pairs has offsets but no slots
      // Every line of each bucket: 8 to 16 slots often cross one.
      for (size_t k = 0; k < n; ++k) {
        const size_t b = Bucket(hashes[k]);
        const uint32_t begin = offsets_[b], end = offsets_[b + 1];
        if (begin == end) continue;
        for (uint32_t i = begin; i < end; i += kSlotsPerLine) __builtin_prefetch(slots_.data() + i);
        __builtin_prefetch(slots_.data() + end - 1);
      }
    }
    for (size_t k = 0; k < n; ++k) Find(hashes[k], visit);
  }

  // Pairs stored.
  size_t size() const { return slots_.size(); }
  size_t MemoryBytes() const {
    return offsets_.capacity() * sizeof(uint32_t) + slots_.capacity() * sizeof(uint32_t);
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

  size_t Bucket(uint64_t hash) const { return hash >> shift_; }
  // The hash's low 32 - id_bits_ bits (none when ids take all 32).
  uint64_t Tag(uint64_t hash) const { return hash & ((uint64_t{1} << (32 - id_bits_)) - 1); }

  unsigned shift_ = 63;
  unsigned id_bits_ = 0;
  std::vector<uint32_t, HugePageAllocator<uint32_t>> offsets_;
  std::vector<uint32_t, HugePageAllocator<uint32_t>> slots_;
};

}  // namespace nearmiss::lookalike

#endif  // NEARMISS_LOOKALIKE_HASH_INDEX_H_
