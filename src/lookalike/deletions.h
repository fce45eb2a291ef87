// Deletion neighbourhoods for symmetric-deletion (SymSpell) matching: two
// strings within edit distance k share a string reachable from each by at
// most k deletions.
#ifndef NEARMISS_LOOKALIKE_DELETIONS_H_
#define NEARMISS_LOOKALIKE_DELETIONS_H_

#include <array>
#include <string_view>

namespace nearmiss::lookalike {

// Calls `f(variant)` for `s` itself and every string made by deleting up to
// `depth` (1 or 2) characters. Deletions inside a run of equal characters are
// emitted once. `s` must be under 256 bytes.
template <typename F>
void ForEachDeletion(std::string_view s, int depth, F&& f) {
  std::array<char, 256> buf;
  f(s);
  const size_t n = s.size();
  for (size_t i = 0; i < n; ++i) {
    if (i > 0 && s[i] == s[i - 1]) continue;
    size_t len = 0;
    for (size_t k = 0; k < n; ++k) {
      if (k != i) buf[len++] = s[k];
    }
    f(std::string_view(buf.data(), len));
    if (depth < 2) continue;
    for (size_t j = i + 1; j < n; ++j) {
      if (j > i + 1 && s[j] == s[j - 1]) continue;
      len = 0;
      for (size_t k = 0; k < n; ++k) {
        if (k != i && k != j) buf[len++] = s[k];
      }
      f(std::string_view(buf.data(), len));
    }
  }
}

}  // namespace nearmiss::lookalike

#endif  // NEARMISS_LOOKALIKE_DELETIONS_H_
