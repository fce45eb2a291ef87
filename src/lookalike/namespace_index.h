// NamespaceIndex: the namespaces (mil, gov.uk, br.com) a recipient domain
// could be a slip of, found without comparing the domain with each one.
//
// Why. NamespaceCandidates and ForeignZoneCandidates asked every query of
// every namespace. A big trusted set holds many: bench/check_bench's million
// generated names hold about fifty public suffixes (co.it, br.com, gouv.fr,
// ...), each a namespace, and the two loops were 11,800 of a check's 29,400
// instructions (callgrind, bench/check-instructions), more than the typo
// index. The finders fire for a namespace only when
//   (a) the query's last `labels` labels are one edit from it (army.ml for
//       mil, mod.gvo.uk for gov.uk; Damerau distance, as SuffixDistance and
//       BoundedDamerau count it on ASCII), or a listed confusion intends
//       it, or either side is an IDN (then the distance is on U-labels);
//   (b) the query's last label is its flat form (hmrc.govuk);
//   (c) the query is one label run into it (hmrcgov.uk, hmrc-gov.uk);
//   (d) the query's registrable label ends in its flat form (dodmil.com);
//   (e) the query's last two labels are its two in the other order
//       (met.uk.police for police.uk).
// (a) is found the way the typo index finds names (symmetric deletion,
// SymSpell): two strings one edit apart share a string one deletion from
// each, so the namespaces' one-deletion variants are indexed and the
// query's tail looks up its own. (b)-(d) are exact-string lookups. Each
// lookup may return more than fires (hash collisions, a distance of 0): it
// is a superset, and the callers' own tests decide, so the answers are
// those of the loop over all namespaces.
//
// Immutable after Build; thread-safe to read.
#ifndef NEARMISS_LOOKALIKE_NAMESPACE_INDEX_H_
#define NEARMISS_LOOKALIKE_NAMESPACE_INDEX_H_

#include <array>
#include <bitset>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace nearmiss::lookalike {

class NamespaceIndex {
 public:
  struct Spec {
    std::string_view ns;    // "gov.uk": lower-case ASCII, A-labels
    size_t labels = 0;      // 2
    std::string_view flat;  // "govuk"
    bool always = false;    // a candidate of every query (a confusion intends it, an IDN)
  };

  // Indexes `specs`; the numbers the lookups return are positions in it.
  void Build(const std::vector<Spec>& specs);

  // Appends to `out` the positions of the namespaces whose string is at
  // most one edit (Damerau, on bytes) from the last `labels` labels of
  // `ascii`, for the label counts the namespaces have: (a) above. May add
  // others; sorted and unique only after Candidates.
  void AppendNear(std::string_view ascii, std::vector<uint32_t>& out) const;

  // `out` becomes the positions, ascending and unique, of every namespace
  // for which (a)-(e) above may hold for the domain `ascii` (lower-case
  // ASCII, A-labels) whose registrable label is `reg_label`.
  void Candidates(std::string_view ascii, std::string_view reg_label,
                  std::vector<uint32_t>& out) const;

  // Positions in ascending order (Candidates's post-condition): a helper
  // for callers that fill `out` with AppendNear alone.
  static void SortUnique(std::vector<uint32_t>& out);

  size_t size() const { return size_; }

 private:
  struct ViewHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using StringMap =
      std::unordered_map<std::string, std::vector<uint32_t>, ViewHash, std::equal_to<>>;
  void Add(StringMap& map, std::string_view key, uint32_t at);
  void Find(const StringMap& map, std::string_view key, std::vector<uint32_t>& out) const;

  // A bit for every key the lookups can find (the near_ keys and the
  // strings of the maps, by their hash), so that a key none holds, which is
  // nearly every key a query asks, is turned away by one bit of an array
  // that stays in L1 cache. Why: with a million names (about fifty
  // namespaces) the maps' buckets and nodes and the binary search over
  // near_ were evicted between checks by the big indexes' lines, and their
  // lookups cost a check about 6 L1 misses (bench/check-instructions
  // --cache); with 100 names there are none. No bit is ever missing, so
  // the answers are those of the lookups alone.
  static constexpr size_t kFilterBits = 4096;
  static size_t FilterBit(uint64_t hash) { return (hash * 0x9e3779b97f4a7c15ULL) >> 52; }
  void Mark(uint64_t hash) { filter_[FilterBit(hash) / 64] |= uint64_t{1} << (FilterBit(hash) % 64); }
  bool MayHold(uint64_t hash) const {
    return (filter_[FilterBit(hash) / 64] >> (FilterBit(hash) % 64)) & 1;
  }

  size_t size_ = 0;
  // (a): (deletion key, position), sorted by key; the key is deletions.h's
  // variant hash under the label count, so a tail meets only namespaces of
  // its own number of labels.
  std::vector<std::pair<uint64_t, uint32_t>> near_;
  // Per label count (index: labels), the namespaces' lengths: a tail two
  // bytes longer or shorter than all of them is two edits away at least.
  std::vector<std::bitset<256>> lengths_;
  std::vector<uint32_t> always_;
  StringMap by_flat_;          // (b), (d)
  std::vector<size_t> flat_lengths_;  // distinct, ascending
  StringMap by_rest_;          // (c): "uk" of gov.uk -> gov.uk's position
  StringMap by_swapped_;       // (e): "uk.gov" -> gov.uk's position
  std::vector<std::string> ns_;  // by position
  std::array<uint64_t, kFilterBits / 64> filter_{};
};

}  // namespace nearmiss::lookalike

#endif  // NEARMISS_LOOKALIKE_NAMESPACE_INDEX_H_
