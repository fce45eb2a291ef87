// HashIndex: an immutable multimap from 64-bit key hashes to entry ids, laid
// out so that most lookups read one cache line.
//
// Layout: 64-byte lines, each a 4-byte header and 15 four-byte slots. A slot
// holds an id in its low `id_bits_` bits (the bits the largest id needs: 20
// for a million entries) and, in the rest, a tag: the hash's low bits
// (independent of the top bits that place it). A hash's top bits pick its
// home; homes are a power of two, one or two a line, mapped in order onto
// the lines. A home's pairs sit together, in the order they were emitted,
// from its line's start, or right after the pairs of the homes before it
// when those run past (linear probing over lines, with the table built
// offline: the position of every pair is a prefix sum over the homes'
// counts, not a probe sequence). The header holds the slots used in the
// line and a 28-bit Bloom filter (three bits a pair, chosen by hash bits
// that are neither tag nor home) of the pairs that belong to the line or an
// earlier one but sit further on. A lookup reads its home's line and goes on
// to the next (adjacent) line only when its three bits are set there. At the
// load used here (kLoad) the pairs cost 64 / (15 * kLoad) = 5.3 bytes each;
// about a quarter of the lookups land on a line with pairs past it, but the
// filter sends only ~1 absent key in 18 on (1.057 lines read per absent key
// over 3M pairs, 1.067 with one bit a pair, 1.27 with a plain "pairs run
// past" mark; the tail is the runs of full lines linear probing makes), and
// FindMany fetches those second lines together too.
//
// Why this and not another structure the field uses. The typo index is
// read with dozens of deletion keys a query, most of which (about three in
// four with a million names) match nothing, so what a negative lookup reads
// sets the cost; and it is a multimap, so ids must be stored whatever
// indexes them. The previous layout (a quotient table: a directory of
// offsets, then the slots) cost two dependent memory accesses a key and
// about three cache lines. A bucketized cuckoo table (Fan et al., "Cuckoo
// filter", CoNEXT 2014; MemC3, NSDI 2013) packs to ~95% but gives each key
// two buckets, so every negative lookup reads two lines. A Bloom or XOR
// filter (Graf and Lemire 2020) in front of the exact table saves nothing
// unless the filter stays in cache, and for ~28M keys at 9 bits it is 30 MB,
// so it is one more miss a key, not one fewer. A minimal perfect hash still
// needs the ids and a fingerprint per key, plus two or three accesses into
// its own levels. Swiss tables (Abseil) and F14 (Folly) scan a group of
// slots by a short tag and keep an overflow mark per group saying whether to
// probe further: one group read for most lookups. This is that scheme made
// immutable: groups are cache lines, probing is linear so the next line is
// adjacent, and the overflow mark is a small filter of what overflowed, so
// a key that did not overflow (nearly every key absent from the index) stops
// at its first line.
//
// Measured again for issue 20 (bench/check-instructions --cache, callgrind's
// cache model with this machine's 48 KiB L1d and 1 MiB L2; README,
// check-scale): a check with a million names read 62.7 cache lines that are
// not in L1 on 17f67889 (6.2 with 100 names), 53.1 after the distant swaps
// and country tags went to one lookup each, 52.6 (L2 misses 7.2 -> 6.6)
// with three filter bits a pair instead of one. About 21 are this index's typo
// lines: one per deletion key (19 a check), their loads issued together by
// FindMany; about 10 the candidates' entries and their names, 2.5 the exact
// index. A filter in front would save a line only where it stays in a
// core's cache: 1 MiB over the typo index's tens of millions of keys is a
// fraction of a bit a key, so it would answer "maybe" to nearly every key
// and add its own line to each. Grouping a query's keys into shared lines
// (by the variant's length and ends) was tried and made the lines uneven
// enough to cost 15 times as many.
//
// Tags collide: a lookup also returns, with probability 2^-tag_bits each
// (1/4096 at a million entries), pairs of other hashes that share its line;
// with ids of 32 bits there is no tag and the whole line comes back. Callers
// verify every id they get back, so collisions cost time, never answers.
// The ids of one hash come back in the order they were emitted.
//
// Built in two passes over the same generator (count, then fill), so the
// memory is the final table plus a temporary count per home.
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

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "lookalike/huge_page_allocator.h"

namespace nearmiss::lookalike {

inline uint64_t HashKey(std::string_view key) {
  return std::hash<std::string_view>{}(key);
}

class HashIndex {
 public:
  static constexpr uint32_t kWordsPerLine = 16;  // 64 bytes
  static constexpr uint32_t kSlotsPerLine = kWordsPerLine - 1;
  // Pairs per slot. Lower reads a second line less often and costs memory
  // (0.75: 5.7 bytes a pair, 0.85: 5.0); at 0.8 the million-domain index
  // stays under issue 20's 250 MB with room for the entries.
  static constexpr double kLoad = 0.8;
  // Homes at most: more pairs than 2^32 homes hold make homes span several
  // lines, which is slower but exact.
  static constexpr unsigned kMaxHomeBits = 32;

  // `generate(emit)` is called twice and must emit the same (hash, id) pairs
  // both times. `expected_keys` sizes the temporary count grid (a guess is
  // fine: too low only makes homes span lines).
  template <typename Generate>
  void Build(size_t expected_keys, Generate&& generate) {
    // Pass 1 counts on a fine grid of the hash's top bits, as the number of
    // pairs (and so of homes) is known only afterwards; homes are then
    // whole runs of the grid, so their counts are exact.
    const unsigned fine_bits =
        std::countr_zero(std::bit_ceil(std::max<size_t>(expected_keys / 8, 16)));
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
    size_ = total;
    id_bits_ = std::bit_width(max_id);
    lines_ = std::max<size_t>(1, static_cast<size_t>(static_cast<double>(total) /
                                                     (kSlotsPerLine * kLoad)));
    home_bits_ = std::clamp<unsigned>(std::countr_zero(std::bit_ceil(lines_)), 1,
                                      std::min(fine_bits, kMaxHomeBits));
    // Each home's first slot (where its pairs start): after the homes before
    // it, and never before its own line. During the fill it advances, so
    // afterwards it is the end of the home's pairs.
    std::vector<size_t> cursor(size_t{1} << home_bits_);
    const unsigned merge = fine_bits - home_bits_;
    size_t end = 0;
    for (size_t h = 0; h < cursor.size(); ++h) {
      size_t count = 0;
      for (size_t f = h << merge; f < (h + 1) << merge; ++f) count += fine[f];
      cursor[h] = std::max(end, HomeLine(h) * kSlotsPerLine);
      end = cursor[h] + count;
    }
    fine = {};
    const size_t lines = std::max(lines_, (end + kSlotsPerLine - 1) / kSlotsPerLine);
    words_.assign(lines * kWordsPerLine, 0);
    Batched(generate, [&](const Pending* p, size_t n) {
      for (size_t k = 0; k < n; ++k) __builtin_prefetch(&cursor[Home(p[k].hash)], 1);
      for (size_t k = 0; k < n; ++k) __builtin_prefetch(Word(cursor[Home(p[k].hash)]), 1);
      for (size_t k = 0; k < n; ++k) {
        const size_t home = Home(p[k].hash), slot = cursor[home]++;
        *Word(slot) = static_cast<uint32_t>(Tag(p[k].hash) << id_bits_ | p[k].id);
        // Every line from the home's to the one before the pair's must send
        // a lookup of this hash on.
        for (size_t l = HomeLine(home); l < slot / kSlotsPerLine; ++l) {
          words_[l * kWordsPerLine] |= FilterBits(p[k].hash);
        }
      }
    });
    WriteUsed(cursor);
  }

  // Calls `visit(id)` for every id stored under `hash` (and, rarely, others
  // whose hash shares its line and tag).
  template <typename Visit>
  void Find(uint64_t hash, Visit&& visit) const {
    if (words_.empty()) return;
    const uint64_t tag = Tag(hash);
    const uint64_t id_mask = (uint64_t{1} << id_bits_) - 1;
    for (const uint32_t* line = Line(Home(hash));; line += kWordsPerLine) {
      const uint32_t used = line[0] & kUsedMask;
#if defined(__SSE2__)
      // The line's tags compared four at a time: a lookup scans up to 15
      // slots, and the typo index is asked dozens of keys a check (a
      // quarter of a check's instructions with 100 names went here).
      // Matches are visited in slot order, as below.
      uint32_t matches = TagMatches(line, static_cast<uint32_t>(tag));
      matches &= ((uint32_t{2} << used) - 1) & ~uint32_t{1};  // slots 1..used
      for (; matches != 0; matches &= matches - 1) {
        const uint64_t slot = line[std::countr_zero(matches)];
        visit(static_cast<uint32_t>(slot & id_mask));
      }
#else
      for (uint32_t i = 1; i <= used; ++i) {
        const uint64_t slot = line[i];  // 64 bits: id_bits_ may be 32
        if (slot >> id_bits_ == tag) visit(static_cast<uint32_t>(slot & id_mask));
      }
#endif
      if (!GoesOn(line, hash)) return;
    }
  }

  // Starts loading the line `hash` falls in, so a Find soon after does not
  // wait for main memory alone.
  void Prefetch(uint64_t hash) const {
    if (!words_.empty()) __builtin_prefetch(Line(Home(hash)));
  }

  // Find for many hashes at once. A big index lives in main memory, so each
  // lookup is a cache miss; issuing the loads for all lines before reading
  // any lets them overlap, and so do the loads of the few second lines.
  // `prefetch` false skips that for an index that fits in cache, where the
  // two passes only cost instructions.
  template <typename Visit>
  void FindMany(const uint64_t* hashes, size_t n, Visit&& visit, bool prefetch = true) const {
    if (words_.empty()) return;
    if (prefetch) {
      for (size_t k = 0; k < n; ++k) __builtin_prefetch(Line(Home(hashes[k])));
      for (size_t k = 0; k < n; ++k) {
        const uint32_t* line = Line(Home(hashes[k]));
        if (GoesOn(line, hashes[k])) __builtin_prefetch(line + kWordsPerLine);
      }
    }
    for (size_t k = 0; k < n; ++k) Find(hashes[k], visit);
  }

  // Pairs stored.
  size_t size() const { return size_; }
  size_t MemoryBytes() const { return words_.capacity() * sizeof(uint32_t); }
  // Lines in the table, and lines a lookup of `hash` reads (for tests and
  // for measuring the layout).
  size_t lines() const { return words_.size() / kWordsPerLine; }
  size_t LinesRead(uint64_t hash) const {
    if (words_.empty()) return 0;
    size_t n = 1;
    for (const uint32_t* line = Line(Home(hash)); GoesOn(line, hash); line += kWordsPerLine) {
      ++n;
    }
    return n;
  }

 private:
  static constexpr uint32_t kUsedMask = 0xf;  // header: slots used; above it, the filter
  static constexpr unsigned kFilterShift = 4;

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

  // The slots used in each line, from the homes' ends (`ends`, ascending):
  // up to the end of the last home whose pairs start before the line ends.
  // A home starts at its line or right after the home before it, so that is
  // the last home whose line is at most the line's.
  void WriteUsed(const std::vector<size_t>& ends) {
    size_t started = 0;  // homes whose line is at most l
    for (size_t l = 0; l < lines(); ++l) {
      while (started < ends.size() && HomeLine(started) <= l) ++started;
      const size_t filled = started == 0 ? 0 : ends[started - 1];
      const size_t begin = l * kSlotsPerLine;
      words_[l * kWordsPerLine] |=
          static_cast<uint32_t>(std::clamp(filled, begin, begin + kSlotsPerLine) - begin);
    }
  }

  // The header bits for `hash`'s pairs past a line (a Bloom filter with three
  // bits a pair over the header's 28; a lookup goes on only when all three
  // are set), from hash bits 32 and up (the tag is at most the low 32). The
  // pairs of one line share the top of those bits as their home, so they are
  // first multiplied by an odd constant (every bit of the product from bit p
  // up depends on bits 0..p, which differ within a line), then three 10-bit
  // fields of the product are scaled onto 0..27 (multiply and shift, not a
  // division). One bit a pair sent an absent key on 4.6% of the time over
  // 28M random pairs and a present key's lookup to 1.137 lines; three bits
  // 2.5% and 1.113 (two bits: 2.7%, 1.115).
  static uint32_t FilterBits(uint64_t hash) {
    const uint32_t x = static_cast<uint32_t>(hash >> 32) * 0x9E3779B1u;
    auto bit = [](uint32_t field) {
      return uint32_t{1} << (kFilterShift + ((field & 0x3ff) * (32 - kFilterShift) >> 10));
    };
    return bit(x >> 22) | bit(x >> 12) | bit(x >> 2);
  }
  // Whether a lookup of `hash` goes on past `line`.
  static bool GoesOn(const uint32_t* line, uint64_t hash) {
    return (line[0] & FilterBits(hash)) == FilterBits(hash);
  }

  size_t Home(uint64_t hash) const { return hash >> (64 - home_bits_); }
  // The line a home starts at: homes spread evenly over the lines.
  size_t HomeLine(size_t home) const { return (home * lines_) >> home_bits_; }
  const uint32_t* Line(size_t home) const {
    return words_.data() + HomeLine(home) * kWordsPerLine;
  }
  uint32_t* Word(size_t slot) {
    return words_.data() + slot / kSlotsPerLine * kWordsPerLine + 1 + slot % kSlotsPerLine;
  }
#if defined(__SSE2__)
  // Bit i set when word i of `line` shifted right by id_bits_ is `tag`
  // (word 0, the header, included: callers mask it off). A shift by 32
  // gives 0, the tag when ids take all 32 bits, as the scalar test does.
  uint32_t TagMatches(const uint32_t* line, uint32_t tag) const {
    const __m128i shift = _mm_cvtsi32_si128(static_cast<int>(id_bits_));
    const __m128i want = _mm_set1_epi32(static_cast<int>(tag));
    uint32_t bits = 0;
    for (int q = 0; q < 4; ++q) {
      const __m128i words = _mm_loadu_si128(reinterpret_cast<const __m128i*>(line) + q);
      const __m128i eq = _mm_cmpeq_epi32(_mm_srl_epi32(words, shift), want);
      bits |= static_cast<uint32_t>(_mm_movemask_ps(_mm_castsi128_ps(eq))) << (4 * q);
    }
    return bits;
  }
#endif

  // The hash's low 32 - id_bits_ bits (none when ids take all 32).
  uint64_t Tag(uint64_t hash) const { return hash & ((uint64_t{1} << (32 - id_bits_)) - 1); }

  unsigned home_bits_ = 1;
  unsigned id_bits_ = 0;
  size_t lines_ = 0;  // lines homes start at; the table may have a few more
  size_t size_ = 0;
  std::vector<uint32_t, HugePageAllocator<uint32_t>> words_;
};

}  // namespace nearmiss::lookalike

#endif  // NEARMISS_LOOKALIKE_HASH_INDEX_H_
