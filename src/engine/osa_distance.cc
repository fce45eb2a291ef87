// OsaDistance (address_typo.h): edits between two local parts, counted by
// characters.
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdlib>

#include "engine/address_fold.h"  // kMaxLocal
#include "engine/address_typo.h"

namespace nearmiss::engine {
namespace {

// `text` as code points (ICU's U8_NEXT), ASCII lower-cased; a malformed
// sequence as its lead octet, tagged apart from code points (it can only
// equal itself). At most kMaxLocal octets in, so at most kMaxLocal out.
int Decode(std::string_view text, std::array<char32_t, kMaxLocal>& out) {
  int n = 0;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length && n < static_cast<int>(kMaxLocal);) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) {
      out[n++] = 0x110000 + s[start];
    } else {
      out[n++] = c >= 'A' && c <= 'Z' ? static_cast<char32_t>(c - 'A' + 'a') : static_cast<char32_t>(c);
    }
  }
  return n;
}

}  // namespace

int OsaDistance(std::string_view a_text, std::string_view b_text, int limit) {
  if (a_text.size() > kMaxLocal || b_text.size() > kMaxLocal) return limit + 1;
  // By characters, not octets: "józef" and "jozef" are one edit apart,
  // and "bjørn", "björn" too, whatever their UTF-8 lengths.
  std::array<char32_t, kMaxLocal> a_chars, b_chars;
  const int n = Decode(a_text, a_chars), m = Decode(b_text, b_chars);
  const char32_t* a = a_chars.data();
  const char32_t* b = b_chars.data();
  if (std::abs(n - m) > limit) return limit + 1;
  // Three rows of the dynamic-programming table, on the stack.
  std::array<int, kMaxLocal + 1> prev2{}, prev{}, cur{};
  for (int j = 0; j <= m; ++j) prev[j] = j;
  for (int i = 1; i <= n; ++i) {
    cur[0] = i;
    int row_min = cur[0];
    for (int j = 1; j <= m; ++j) {
      int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      int v = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        v = std::min(v, prev2[j - 2] + 1);
      }
      cur[j] = v;
      row_min = std::min(row_min, v);
    }
    if (row_min > limit) return limit + 1;
    prev2 = prev;
    prev = cur;
  }
  return std::min(prev[m], limit + 1);
}

}  // namespace nearmiss::engine
