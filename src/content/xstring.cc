// DecodeXstring (extract.h): SpreadsheetML's _xHHHH_ escapes.
#include <string>
#include <string_view>

#include "content/extract.h"
#include "content/text_charset.h"

namespace nearmiss::content {
namespace {

// The code unit of an escape "_xHHHH_" at `at` in `s`, or -1.
int EscapeAt(std::string_view s, std::size_t at) {
  if (at + 7 > s.size() || s[at] != '_' || s[at + 1] != 'x' || s[at + 6] != '_') return -1;
  int unit = 0;
  for (std::size_t k = at + 2; k < at + 6; ++k) {
    const char c = s[k];
    int v = 0;
    if (c >= '0' && c <= '9') {
      v = c - '0';
    } else if (c >= 'a' && c <= 'f') {
      v = c - 'a' + 10;
    } else if (c >= 'A' && c <= 'F') {
      v = c - 'A' + 10;
    } else {
      return -1;
    }
    unit = unit * 16 + v;
  }
  return unit;
}

}  // namespace

std::string_view DecodeXstring(std::string_view in, std::string* buffer) {
  if (in.find("_x") == std::string_view::npos) return in;
  buffer->clear();
  bool any = false;
  for (std::size_t i = 0; i < in.size();) {
    const int unit = EscapeAt(in, i);
    if (unit < 0) {
      buffer->push_back(in[i++]);
      continue;
    }
    any = true;
    i += 7;
    char32_t c = static_cast<char32_t>(unit);
    if (unit >= 0xD800 && unit <= 0xDBFF) {
      const int low = EscapeAt(in, i);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        c = 0x10000 + ((static_cast<char32_t>(unit) - 0xD800) << 10) +
            (static_cast<char32_t>(low) - 0xDC00);
        i += 7;
      } else {
        c = 0xFFFD;
      }
    } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
      c = 0xFFFD;
    }
    if (c == '\r' || c == '\n') {
      buffer->push_back('\n');
    } else {
      AppendUtf8(c, buffer);
    }
  }
  return any ? std::string_view(*buffer) : in;
}

}  // namespace nearmiss::content
