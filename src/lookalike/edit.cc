#include "lookalike/edit.h"

#include <algorithm>
#include <array>
#include <bit>
#include <vector>

#include "lookalike/keyboard.h"

namespace nearmiss::lookalike {
namespace {

bool IsVowel(char c) { return std::string_view("aeiou").find(c) != std::string_view::npos; }

std::string Quote(char c) { return std::string("'") + c + "'"; }
std::string Quote(std::string_view s) {
  std::string quoted = "'";  // appended, not "'" + string&&: GCC bug 105329
  quoted += s;
  quoted += '\'';
  return quoted;
}

// typed is intended with one character removed at `i`.
Edit DescribeOmission(std::string_view intended, size_t i) {
  char c = intended[i];
  if (c == '.') return {EditKind::kDotDropped, false, "is missing the dot after " + Quote(intended.substr(0, i))};
  if (c == '-') return {EditKind::kHyphenDropped, false, "is missing the hyphen"};
  bool doubled = (i > 0 && intended[i - 1] == c) || (i + 1 < intended.size() && intended[i + 1] == c);
  return {EditKind::kOmission, false,
          doubled ? "has a single " + Quote(c) + " where there are two"
                  : "is missing " + std::string(IsVowel(c) ? "an " : "a ") + Quote(c)};
}

// typed is intended with `typed[i]` inserted at `i`.
Edit DescribeInsertion(std::string_view typed, std::string_view intended, size_t i) {
  char c = typed[i];
  if (c == '.') return {EditKind::kDotAdded, false, "has an extra dot after " + Quote(typed.substr(0, i))};
  if (c == '-') return {EditKind::kHyphenAdded, false, "has an extra hyphen after " + Quote(typed.substr(0, i))};
  if (c == 's' && i + 1 == typed.size()) return {EditKind::kPlural, false, "has an extra 's' at the end"};
  bool repeated = (i > 0 && typed[i - 1] == c) || (i + 1 < typed.size() && typed[i + 1] == c);
  if (repeated) return {EditKind::kRepetition, true, "has " + Quote(c) + " typed twice"};
  bool adjacent = (i > 0 && KeysAdjacent(c, typed[i - 1])) ||
                  (i + 1 < typed.size() && KeysAdjacent(c, typed[i + 1]));
  (void)intended;
  return {EditKind::kInsertion, adjacent,
          "has an extra " + Quote(c) + (adjacent ? ", a neighbouring key" : "")};
}

Edit DescribeReplacement(char typed, char intended) {
  std::string pair = Quote(typed) + " where " + Quote(intended) + " belongs";
  if (typed == '-' && intended == '.') return {EditKind::kDotAsHyphen, false, "has a hyphen where a dot belongs"};
  if (typed == '.' && intended == '-') return {EditKind::kDotAdded, false, "has a dot where a hyphen belongs"};
  bool adjacent = KeysAdjacent(typed, intended);
  if (IsVowel(typed) && IsVowel(intended)) return {EditKind::kVowelSwap, adjacent, "has the vowel " + pair};
  if (adjacent) return {EditKind::kReplacement, true, "has " + pair + ", the key next to it"};
  if (std::popcount(static_cast<unsigned>(static_cast<unsigned char>(typed ^ intended))) == 1) {
    return {EditKind::kBitFlip, false, "has " + pair + ", one bit apart"};
  }
  return {EditKind::kReplacement, false, "has " + pair};
}

}  // namespace

int BoundedDamerau(std::string_view a, std::string_view b, int limit) {
  const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
  if (std::abs(n - m) > limit) return limit + 1;
  // Domain names are under 254 bytes; the rows below are on the stack.
  if (m >= 256) return limit + 1;
  // A common start and end cost nothing and never make another alignment
  // cheaper, so only the middle is aligned (as rapidfuzz does for OSA):
  // most candidates share most of their letters.
  while (!a.empty() && !b.empty() && a.front() == b.front()) {
    a.remove_prefix(1);
    b.remove_prefix(1);
  }
  while (!a.empty() && !b.empty() && a.back() == b.back()) {
    a.remove_suffix(1);
    b.remove_suffix(1);
  }
  const int inf = limit + 1;
  const int rows = static_cast<int>(a.size()), cols = static_cast<int>(b.size());
  if (rows == 0 || cols == 0) return std::min(rows + cols, inf);
  // Three rows of the OSA matrix, and of each only the band within `limit`
  // of the diagonal (Ukkonen): a cell further out is more than `limit`.
  // This runs for every candidate of every query.
  std::array<int, 257> row_a, row_b, row_c;
  int* prev2 = row_a.data();
  int* prev = row_b.data();
  int* cur = row_c.data();
  for (int j = 0; j <= cols; ++j) prev[j] = std::min(j, inf);
  for (int i = 1; i <= rows; ++i) {
    const int lo = std::max(1, i - limit), hi = std::min(cols, i + limit);
    cur[0] = std::min(i, inf);
    cur[lo - 1] = lo == 1 ? cur[0] : inf;
    if (hi < cols) cur[hi + 1] = inf;  // read by the next row's band
    int row_min = cur[lo - 1];
    for (int j = lo; j <= hi; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      int v = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        v = std::min(v, prev2[j - 2] + 1);
      }
      cur[j] = std::min(v, inf);
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > limit) return inf;
    int* recycled = prev2;
    prev2 = prev;
    prev = cur;
    cur = recycled;
  }
  return prev[cols];
}

Edit DescribeEdit(std::string_view typed, std::string_view intended) {
  if (typed == intended) return {EditKind::kNone, false, "is identical"};
  size_t p = 0;  // common prefix
  while (p < typed.size() && p < intended.size() && typed[p] == intended[p]) ++p;
  size_t s = 0;  // common suffix not overlapping the prefix
  while (s < typed.size() - p && s < intended.size() - p &&
         typed[typed.size() - 1 - s] == intended[intended.size() - 1 - s]) {
    ++s;
  }
  size_t typed_mid = typed.size() - p - s, intended_mid = intended.size() - p - s;
  if (typed_mid == 0 && intended_mid == 1) return DescribeOmission(intended, p);
  if (typed_mid == 1 && intended_mid == 0) return DescribeInsertion(typed, intended, p);
  if (typed_mid == 1 && intended_mid == 1) return DescribeReplacement(typed[p], intended[p]);
  if (typed_mid == 2 && intended_mid == 2 && typed[p] == intended[p + 1] &&
      typed[p + 1] == intended[p]) {
    return {EditKind::kTransposition, KeysAdjacent(typed[p], typed[p + 1]),
            "has " + Quote(typed.substr(p, 2)) + " where " + Quote(intended.substr(p, 2)) +
                " belongs: two letters swapped"};
  }
  return {EditKind::kOther, false, "differs in two places"};
}

}  // namespace nearmiss::lookalike
