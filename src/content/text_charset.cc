#include "content/text_charset.h"

#include <unicode/ucnv.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <climits>
#include <cstdint>

namespace nearmiss::content {
namespace {

// How many of the first bytes to look at when guessing UTF-16 or UTF-32
// without a byte order mark.
constexpr std::size_t kSniffBytes = 512;

// UTF-32 without a byte order mark: ASCII text in it has three zero bytes
// in every four (the top three for little-endian). Returns "UTF-32LE",
// "UTF-32BE" or nullptr.
const char* GuessUtf32(const std::size_t (&zeros)[4], std::size_t units) {
  auto mostly = [&](std::size_t column) { return zeros[column] * 10 >= units * 7; };
  auto rarely = [&](std::size_t column) { return zeros[column] * 20 <= units; };
  if (mostly(1) && mostly(2) && mostly(3) && rarely(0)) return "UTF-32LE";
  if (mostly(0) && mostly(1) && mostly(2) && rarely(3)) return "UTF-32BE";
  return nullptr;
}

// UTF-16 without a byte order mark: ASCII text in it has a zero byte in
// every other place (odd places for little-endian). Returns "UTF-16LE",
// "UTF-16BE" or nullptr.
const char* GuessUtf16(const std::size_t (&zeros)[4], std::size_t units) {
  const std::size_t pairs = units * 2;
  const std::size_t even = zeros[0] + zeros[2], odd = zeros[1] + zeros[3];
  if (odd * 10 >= pairs * 7 && even * 20 <= pairs) return "UTF-16LE";
  if (even * 10 >= pairs * 7 && odd * 20 <= pairs) return "UTF-16BE";
  return nullptr;
}

std::array<char32_t, 128> ReadWindows1252() {
  std::array<char32_t, 128> table;
  for (std::size_t k = 0; k < table.size(); ++k) table[k] = static_cast<char32_t>(0x80 + k);
  UErrorCode status = U_ZERO_ERROR;
  UConverter* converter = ucnv_open("windows-1252", &status);
  if (U_FAILURE(status)) return table;  // no ICU data: Latin-1, as the C1 fallback
  for (std::size_t k = 0; k < table.size(); ++k) {
    const char byte = static_cast<char>(0x80 + k);
    UChar unit[2];
    status = U_ZERO_ERROR;
    ucnv_reset(converter);
    const int32_t n = ucnv_toUChars(converter, unit, 2, &byte, 1, &status);
    // An undefined byte comes back as ICU's substitute (U+001A or U+FFFD).
    if (U_SUCCESS(status) && n == 1 && unit[0] != 0x1A && unit[0] != 0xFFFD) {
      table[k] = unit[0];
    }
  }
  ucnv_close(converter);
  return table;
}

}  // namespace

UnicodeForm SniffUnicodeForm(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) return {nullptr, 3};
  // UTF-32LE's mark begins as UTF-16LE's does: it is looked for first.
  if (bytes.starts_with(std::string_view("\xFF\xFE\0\0", 4))) return {"UTF-32LE", 4};
  if (bytes.starts_with(std::string_view("\0\0\xFE\xFF", 4))) return {"UTF-32BE", 4};
  if (bytes.starts_with("\xFF\xFE")) return {"UTF-16LE", 2};
  if (bytes.starts_with("\xFE\xFF")) return {"UTF-16BE", 2};
  const std::size_t n = std::min(bytes.size(), kSniffBytes) & ~std::size_t{3};
  if (n < 8) return {};
  // Text with no zero byte at all (every mail body) is settled by one
  // memchr, not 512 bytes counted one by one (issue 20).
  if (bytes.substr(0, n).find('\0') == std::string_view::npos) return {};
  std::size_t zeros[4] = {0, 0, 0, 0};
  for (std::size_t i = 0; i < n; ++i) zeros[i % 4] += bytes[i] == '\0';
  const std::size_t units = n / 4;
  if (const char* utf32 = GuessUtf32(zeros, units)) return {utf32, 0};
  return {GuessUtf16(zeros, units), 0};
}

char32_t Windows1252Char(unsigned char byte) {
  static const std::array<char32_t, 128> kTable = ReadWindows1252();
  return byte < 0x80 ? byte : kTable[byte - 0x80];
}

void AppendUtf8(char32_t c, std::string* out) {
  uint8_t buf[U8_MAX_LENGTH];
  int32_t n = 0;
  U8_APPEND_UNSAFE(buf, n, c);
  out->append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n));
}

bool MendInvalidUtf8(std::string_view in, std::string* out) {
  // ICU's macros count in int32_t; texts are capped far below (Limits).
  if (in.size() > INT32_MAX) return false;
  const auto* s = reinterpret_cast<const uint8_t*>(in.data());
  const auto length = static_cast<int32_t>(in.size());
  int32_t i = 0;
  // The valid prefix, usually the whole text, costs no copy.
  for (int32_t at = 0; i < length; at = i) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) {
      i = at;
      break;
    }
  }
  if (i == length) return false;
  std::string mended(in.substr(0, static_cast<std::size_t>(i)));
  mended.reserve(in.size() + in.size() / 8);
  while (i < length) {
    const int32_t at = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c >= 0) {
      mended.append(in.substr(static_cast<std::size_t>(at), static_cast<std::size_t>(i - at)));
    } else {
      AppendUtf8(Windows1252Char(s[at]), &mended);
      i = at + 1;
    }
  }
  *out = std::move(mended);
  return true;
}

}  // namespace nearmiss::content
