// Deletion neighbourhoods for symmetric-deletion (SymSpell) matching: two
// strings within edit distance k share a string reachable from each by at
// most k deletions.
//
// Only the hashes of the variants are needed, so they are computed without
// building the strings: a polynomial hash over prefix sums gives the hash of
// "s with characters i (and j) removed" in O(1), which keeps both the index
// build (tens of millions of variants for a million names) and each query's
// dozens of variants cheap. Hashes collide rarely; callers verify matches.
#ifndef NEARMISS_LOOKALIKE_DELETIONS_H_
#define NEARMISS_LOOKALIKE_DELETIONS_H_

#include <array>
#include <cstdint>
#include <string_view>

namespace nearmiss::lookalike {

// murmur3's 64-bit finaliser: spreads the polynomial hash over all bits, so
// the index can take its buckets from the high bits.
inline uint64_t Mix64(uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}

// The key of one variant (hash `h` of `len` bytes) under a suffix's hash.
inline uint64_t VariantKey(uint64_t h, size_t len, uint64_t suffix_hash) {
  return Mix64(h + len * 0x9e3779b97f4a7c15ULL + suffix_hash * 0xc2b2ae3d27d4eb4fULL);
}

// Calls `f(key)` for `s` itself and every string made by deleting up to
// `depth` (1 or 2) characters, keyed under `suffix_hash`. A character is a
// UTF-8 code point (its lead byte and continuation bytes go together), so
// "яндекс" and "янлекс" meet one deletion apart, as "gmail" and "gmial" do;
// for ASCII that is one byte. Deletions inside a run of equal characters are
// emitted once. `s` must be under 256 bytes.
template <typename F>
void ForEachDeletionKey(std::string_view s, int depth, uint64_t suffix_hash, F&& f) {
  constexpr uint64_t kBase = 0x100000001b3ULL;  // odd: powers never vanish
  const size_t n = s.size();
  std::array<uint64_t, 257> prefix, power;  // prefix[k] = hash of s[0, k)
  std::array<uint16_t, 258> at;             // where each character starts; at[chars] = n
  size_t chars = 0;
  prefix[0] = 0;
  power[0] = 1;
  for (size_t k = 0; k < n; ++k) {
    prefix[k + 1] = prefix[k] * kBase + static_cast<unsigned char>(s[k]) + 1;
    power[k + 1] = power[k] * kBase;
    if ((static_cast<unsigned char>(s[k]) & 0xC0) != 0x80) at[chars++] = static_cast<uint16_t>(k);
  }
  at[chars] = static_cast<uint16_t>(n);
  auto range = [&](size_t a, size_t b) { return prefix[b] - prefix[a] * power[b - a]; };
  auto char_at = [&](size_t c) { return s.substr(at[c], at[c + 1] - at[c]); };
  f(VariantKey(prefix[n], n, suffix_hash));
  for (size_t ci = 0; ci < chars; ++ci) {
    if (ci > 0 && char_at(ci) == char_at(ci - 1)) continue;
    const size_t i = at[ci], i_end = at[ci + 1];
    const size_t one = n - (i_end - i);  // length with it deleted
    f(VariantKey(prefix[i] * power[n - i_end] + range(i_end, n), one, suffix_hash));
    if (depth < 2) continue;
    for (size_t cj = ci + 1; cj < chars; ++cj) {
      if (cj > ci + 1 && char_at(cj) == char_at(cj - 1)) continue;
      const size_t j = at[cj], j_end = at[cj + 1];
      uint64_t h = prefix[i] * power[(j - i_end) + (n - j_end)] + range(i_end, j) * power[n - j_end] +
                   range(j_end, n);
      f(VariantKey(h, one - (j_end - j), suffix_hash));
    }
  }
}

}  // namespace nearmiss::lookalike

#endif  // NEARMISS_LOOKALIKE_DELETIONS_H_
