#include "lookalike/edit.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstdlib>
#include <string>
#include <vector>

#include "lookalike/keyboard.h"

namespace nearmiss::lookalike {
namespace {

// The helpers below read either bytes (an ASCII pair, the common case) or
// code points (a name with a non-ASCII letter: яндекс, münchen), so an edit
// is one character whatever its UTF-8 length.
template <typename Ch>
bool IsVowel(Ch c) {
  return c < 0x80 && std::string_view("aeiou").find(static_cast<char>(c)) != std::string_view::npos;
}

// Keyboard facts hold for ASCII keys only.
template <typename Ch>
bool Adjacent(Ch a, Ch b) {
  return a < 0x80 && b < 0x80 && KeysAdjacent(static_cast<char>(a), static_cast<char>(b));
}

void AppendUtf8(char32_t c, std::string& out) {
  char buf[U8_MAX_LENGTH];
  int32_t n = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), n, U8_MAX_LENGTH, static_cast<UChar32>(c), error);
  if (!error) out.append(buf, static_cast<size_t>(n));
}

template <typename Ch>
std::string Quote(Ch c) {
  std::string q = "'";
  AppendUtf8(static_cast<char32_t>(c), q);
  q += '\'';
  return q;
}
template <typename Ch>
std::string Quote(std::basic_string_view<Ch> s) {
  std::string quoted = "'";  // appended, not "'" + string&&: GCC bug 105329
  for (Ch c : s) AppendUtf8(static_cast<char32_t>(c), quoted);
  quoted += '\'';
  return quoted;
}

// typed is intended with one character removed at `i`.
template <typename Ch>
Edit DescribeOmission(std::basic_string_view<Ch> intended, size_t i) {
  Ch c = intended[i];
  if (c == '.') return {EditKind::kDotDropped, false, "is missing the dot after " + Quote(intended.substr(0, i))};
  if (c == '-') return {EditKind::kHyphenDropped, false, "is missing the hyphen"};
  bool doubled = (i > 0 && intended[i - 1] == c) || (i + 1 < intended.size() && intended[i + 1] == c);
  return {EditKind::kOmission, false,
          doubled ? "has a single " + Quote(c) + " where there are two"
                  : "is missing " + std::string(IsVowel(c) ? "an " : "a ") + Quote(c)};
}

// typed is intended with `typed[i]` inserted at `i`.
template <typename Ch>
Edit DescribeInsertion(std::basic_string_view<Ch> typed, size_t i) {
  Ch c = typed[i];
  if (c == '.') return {EditKind::kDotAdded, false, "has an extra dot after " + Quote(typed.substr(0, i))};
  if (c == '-') return {EditKind::kHyphenAdded, false, "has an extra hyphen after " + Quote(typed.substr(0, i))};
  if (c == 's' && i + 1 == typed.size()) return {EditKind::kPlural, false, "has an extra 's' at the end"};
  bool repeated = (i > 0 && typed[i - 1] == c) || (i + 1 < typed.size() && typed[i + 1] == c);
  if (repeated) return {EditKind::kRepetition, true, "has " + Quote(c) + " typed twice"};
  bool adjacent = (i > 0 && Adjacent(c, typed[i - 1])) ||
                  (i + 1 < typed.size() && Adjacent(c, typed[i + 1]));
  return {EditKind::kInsertion, adjacent,
          "has an extra " + Quote(c) + (adjacent ? ", a neighbouring key" : "")};
}

template <typename Ch>
Edit DescribeReplacement(Ch typed, Ch intended) {
  std::string pair = Quote(typed) + " where " + Quote(intended) + " belongs";
  if (typed == '-' && intended == '.') return {EditKind::kDotAsHyphen, false, "has a hyphen where a dot belongs"};
  if (typed == '.' && intended == '-') return {EditKind::kDotAdded, false, "has a dot where a hyphen belongs"};
  bool adjacent = Adjacent(typed, intended);
  if (IsVowel(typed) && IsVowel(intended)) return {EditKind::kVowelSwap, adjacent, "has the vowel " + pair};
  if (adjacent) return {EditKind::kReplacement, true, "has " + pair + ", the key next to it"};
  // A bit flip is a fault of bytes on the wire: ASCII only.
  if (typed < 0x80 && intended < 0x80 &&
      std::popcount(static_cast<unsigned>(typed ^ intended)) == 1) {
    return {EditKind::kBitFlip, false, "has " + pair + ", one bit apart"};
  }
  return {EditKind::kReplacement, false, "has " + pair};
}

// `text` as code points (ICU's U8_NEXT); a malformed sequence as its lead
// octet tagged apart from code points (it can only equal itself).
void Decode(std::string_view text, std::u32string& out) {
  out.clear();
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    out.push_back(c < 0 ? static_cast<char32_t>(0x110000 + s[start]) : static_cast<char32_t>(c));
  }
}

bool IsAscii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

template <typename Ch>
int Damerau(std::basic_string_view<Ch> a, std::basic_string_view<Ch> b, int limit) {
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
  // Within one edit what is left between the common start and end, whose
  // ends differ, is that edit: one letter for another, or two swapped.
  // Anything longer is two edits or more, as the band below would find,
  // slower. Most calls ask this (every suffix and namespace comparison).
  if (limit == 1) {
    if (rows == 1 && cols == 1) return 1;
    if (rows == 2 && cols == 2 && a[0] == b[1] && a[1] == b[0]) return 1;
    return inf;
  }
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

template <typename Ch>
Edit Describe(std::basic_string_view<Ch> typed, std::basic_string_view<Ch> intended) {
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
  if (typed_mid == 1 && intended_mid == 0) return DescribeInsertion(typed, p);
  if (typed_mid == 1 && intended_mid == 1) return DescribeReplacement(typed[p], intended[p]);
  if (typed_mid == 2 && intended_mid == 2 && typed[p] == intended[p + 1] &&
      typed[p + 1] == intended[p]) {
    return {EditKind::kTransposition, Adjacent(typed[p], typed[p + 1]),
            "has " + Quote(typed.substr(p, 2)) + " where " + Quote(intended.substr(p, 2)) +
                " belongs: two letters swapped"};
  }
  return {EditKind::kOther, false, "differs in two places"};
}

}  // namespace

size_t CharCount(std::string_view utf8) {
  size_t n = 0;
  for (char c : utf8) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

int BoundedDamerau(std::string_view a, std::string_view b, int limit) {
  if (IsAscii(a) && IsAscii(b)) return Damerau(a, b, limit);
  thread_local std::u32string ua, ub;
  Decode(a, ua);
  Decode(b, ub);
  return Damerau(std::u32string_view(ua), std::u32string_view(ub), limit);
}

Edit DescribeEdit(std::string_view typed, std::string_view intended) {
  if (IsAscii(typed) && IsAscii(intended)) return Describe(typed, intended);
  std::u32string ut, ui;
  Decode(typed, ut);
  Decode(intended, ui);
  return Describe(std::u32string_view(ut), std::u32string_view(ui));
}

bool PlainKeySlip(const Edit& e, bool any_vowel) {
  switch (e.kind) {
    case EditKind::kTransposition:
    case EditKind::kOmission:
    case EditKind::kRepetition: return true;
    case EditKind::kVowelSwap: return any_vowel || e.adjacent_keys;
    case EditKind::kReplacement:
    case EditKind::kInsertion: return e.adjacent_keys;
    default: return false;
  }
}

}  // namespace nearmiss::lookalike
